// Puts a user's message into one canonical written form before anything else reads it, so the
// knowledge base and the person's message meet on the same spelling: full/half width (NFKC),
// case, traditional → simplified characters, Chinese numerals before a unit, Latin nicknames of
// products (wx, vx), and the typos pinyin input methods make in this domain (到帐, 红苞, 退宽).
import * as OpenCC from 'opencc-js/t2cn';

/** Pinyin input-method typos and homophone slips seen in complaints, wrong → right. */
export const TYPO_TABLE: Readonly<Record<string, string>> = {
  运单好: '运单号',
  运单浩: '运单号',
  零钱痛: '零钱通',
  零钱桶: '零钱通',
  零前通: '零钱通',
  红苞: '红包',
  提线: '提现',
  提先: '提现',
  题现: '提现',
  到帐: '到账',
  帐号: '账号',
  帐户: '账户',
  转帐: '转账',
  对帐: '对账',
  帐单: '账单',
  退宽: '退款',
  推款: '退款',
  投述: '投诉',
  头诉: '投诉',
  冻节: '冻结',
  动结: '冻结',
  解风: '解封',
  解锋: '解封',
  风号: '封号',
  快第: '快递',
  块递: '快递',
  筷递: '快递',
  快递圆: '快递员',
  快递猿: '快递员',
  签手: '签收',
  派建: '派件',
  丢建: '丢件',
  兰收: '揽收',
  缆收: '揽收',
  商价: '商家',
  伤家: '商家',
  实明: '实名',
  石名: '实名',
  认正: '认证',
  手续废: '手续费',
  手须费: '手续费',
  收宽: '收款',
  扣宽: '扣款',
  骗紫: '骗子',
  诈编: '诈骗',
  秘码: '密码',
  退获: '退货',
  售候: '售后',
  申述: '申诉',
  身诉: '申诉',
  崔办: '催办',
  进渡: '进度',
  撤会: '撤回',
  威信: '微信',
  徽信: '微信',
  赔尝: '赔偿',
  陪偿: '赔偿',
  培偿: '赔偿',
  收不倒: '收不到',
  查不倒: '查不到',
  拉嘿: '拉黑',
  花被: '花呗',
  华呗: '花呗',
  小成序: '小程序',
  公众浩: '公众号',
  视屏号: '视频号',
  身分证: '身份证',
  身份正: '身份证',
  绑顶: '绑定',
  帮定: '绑定',
  解帮: '解绑',
  物留: '物流',
  客扶: '客服',
  人功: '人工',
  举保: '举报',
  句报: '举报',
};

/** Latin nicknames and abbreviations users type, matched as whole Latin words. */
export const ALIAS_TABLE: Readonly<Record<string, string>> = {
  wx: '微信',
  vx: '微信',
  v信: '微信',
  weixin: '微信',
  wechat: '微信',
  wxpay: '微信支付',
  zfb: '支付宝',
  alipay: '支付宝',
  pdd: '拼多多',
  tb: '淘宝',
  jd: '京东',
  sf: '顺丰',
};

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// Units after which a Chinese numeral is a quantity (三天, 两个小时); elsewhere it is part of a
// word (一下, 一直, 十分), so it stays.
const UNITS =
  '天|日|周|个|小时|分钟|秒|月|年|次|元|块|毛|笔|件|单|张|份|位|条|遍|倍|多天|多个|工作日';
const NUMERAL_RE = new RegExp(`[零〇一二两三四五六七八九十百千万]+(?=${UNITS})`, 'g');

/** Value of a Chinese numeral up to 99,999 (十五 → 15, 两百 → 200), or null if malformed. */
export function chineseNumber(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit >= 0) return null;
      digit = d;
      continue;
    }
    const unit =
      ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : ch === '万' ? 10000 : 0;
    if (unit === 0) return null;
    if (unit === 10000) {
      total = (section + Math.max(digit, 0)) * 10000;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * unit;
    }
    digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

let toSimplified: ((text: string) => string) | null = null;

function simplified(text: string): string {
  if (!toSimplified) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (t) => tw(hk(t));
  }
  // Pure ASCII (and most simplified text) needs no conversion; skip the trie walk for ASCII.
  return /[^ -~]/.test(text) ? toSimplified(text) : text;
}

function tableRegex(table: Readonly<Record<string, string>>, latin: boolean): RegExp {
  const keys = Object.keys(table)
    .filter((k) => k !== table[k])
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = `(${keys.join('|')})`;
  return new RegExp(latin ? `(?<![a-z])${body}(?![a-z])` : body, 'g');
}

const TYPO_RE = tableRegex(TYPO_TABLE, false);
const ALIAS_RE = tableRegex(ALIAS_TABLE, true);

// Everything that is not a letter, digit or CJK character separates words; runs collapse to one.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

function numerals(text: string): string {
  return text.replace(NUMERAL_RE, (m: string) => {
    const n = chineseNumber(m);
    return n === null ? m : String(n);
  });
}

/** The canonical form of a message; idempotent (normalise(normalise(x)) === normalise(x)). */
export function normalise(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  t = simplified(t);
  t = t.replace(TYPO_RE, (m: string) => TYPO_TABLE[m] ?? m);
  t = t.replace(ALIAS_RE, (m: string) => ALIAS_TABLE[m] ?? m);
  t = numerals(t);
  t = t.replace(SEPARATORS, ' ').trim();
  return t;
}
