// Query-side cleaning and domain synonyms, applied to knowledge-base questions and messages alike
// (so both meet on one spelling). Conversational filler and politeness carry no topic and are
// dropped; words people use interchangeably in this domain are folded to one canonical word.
// This table helps, but it is not what the matcher relies on: character n-grams and the entry
// profiles carry unknown wordings too.

/** Politeness and filler around a question, dropped (longest first). */
const FILLER = [
  '请问一下',
  '请问',
  '我想问一下',
  '我想问问',
  '想问一下',
  '想问问',
  '问一下',
  '问下',
  '我想咨询一下',
  '咨询一下',
  '咨询下',
  '麻烦问一下',
  '麻烦问下',
  '麻烦你',
  '麻烦您',
  '你好',
  '您好',
  '谢谢你',
  '谢谢',
  '在吗',
  '我想知道',
  '想知道',
  '帮我看看',
  '帮忙看看',
];

/** Interchangeable wordings → one canonical word (whole substrings, longest first). */
export const SYNONYMS: Readonly<Record<string, string>> = {
  // Question forms
  怎么回事: '为什么',
  咋回事: '为什么',
  怎么弄: '怎么',
  咋弄: '怎么',
  怎么操作: '怎么',
  如何操作: '怎么',
  怎么办理: '怎么',
  多少天: '多久',
  几天: '多久',
  多长时间: '多久',
  多少时间: '多久',
  多少个工作日: '多久',
  几个工作日: '多久',
  能不能: '能',
  可不可以: '能',
  可以吗: '能',
  行不行: '能',
  // Money
  退钱: '退款',
  退费: '退款',
  钱款: '钱',
  款项: '钱',
  资金: '钱',
  // Parties
  卖家: '商家',
  店家: '商家',
  商户: '商家',
  网店: '商家',
  商铺: '商家',
  老板: '商家',
  // Parcels
  包裹: '快递',
  快件: '快递',
  // Evidence
  凭证: '证据',
  材料: '证据',
  // Account
  帐号: '账号',
  账户: '账号',
};

function alternation(keys: readonly string[]): RegExp {
  const body = [...keys].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(${body})`, 'g');
}

const FILLER_RE = alternation(FILLER);
const SYNONYM_RE = alternation(Object.keys(SYNONYMS));

/** Normalised text without filler and with canonical synonyms; idempotent. */
export function canonical(normalised: string): string {
  const t = normalised.replace(FILLER_RE, ' ').replace(SYNONYM_RE, (m) => SYNONYMS[m] ?? m);
  return t.replace(/ +/g, ' ').trim();
}
