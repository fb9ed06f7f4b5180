// The assistant's language core: normalisation, segmentation and the FAQ matcher (issue 7).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KB } from '../../src/modules/assistant/data/default-kb.js';
import { trainMatcher } from '../../src/modules/assistant/nlp/matcher.js';
import { chineseNumber, normalise, TYPO_TABLE } from '../../src/modules/assistant/nlp/normalise.js';
import { DOMAIN_TERMS, segment } from '../../src/modules/assistant/nlp/segment.js';
import type { KbEntry } from '../../src/modules/assistant/nlp/types.js';

const entry = (id: string, question: string, similar: string[], enabled = true): KbEntry => ({
  id,
  category: 'test',
  question,
  similar,
  answer: `answer ${id}`,
  enabled,
});

const SMALL_KB: KbEntry[] = [
  entry('withdraw', '零钱怎么提现到银行卡', [
    '微信钱怎么转到银行卡',
    '零钱怎么提出来',
    '怎么把零钱提现',
  ]),
  entry('withdraw-time', '提现多久到账', [
    '提现什么时候到账',
    '提现了钱还没到银行卡',
    '提现到账要多长时间',
  ]),
  entry('fee', '提现手续费怎么算', ['提现收手续费吗', '提现要扣多少钱', '提现费率是多少']),
  entry('lost', '快递丢件了怎么办', ['包裹丢了怎么办', '快递寄丢了找谁', '快递公司把我的件弄丢了']),
  entry('refund', '商家拒绝退款怎么办', ['卖家不同意退款', '申请退款被驳回', '商家不给退钱']),
  entry('hidden', '红包没人领多久退回', ['红包对方没领取怎么办', '发出去的红包没人收'], false),
];

describe('normalise', () => {
  it('folds full width and case', () => {
    expect(normalise('ＷＸ零钱１２３')).toBe('微信零钱123');
  });
  it('converts traditional characters to simplified', () => {
    expect(normalise('帳號被凍結了怎麼辦')).toBe('账号被冻结了怎么办');
  });
  it('turns Chinese numerals before a unit into digits', () => {
    expect(normalise('三天了')).toBe('3天了');
    expect(normalise('两个小时')).toBe('2个小时');
    expect(normalise('十五天')).toBe('15天');
    expect(normalise('等一下')).toBe('等一下');
    expect(chineseNumber('两百')).toBe(200);
  });
  it('fixes pinyin typos', () => {
    expect(normalise('运单好查不到')).toBe('运单号查不到');
    expect(normalise('零钱痛提线到帐')).toBe('零钱通提现到账');
    expect(normalise('退宽和投述')).toBe('退款和投诉');
    expect(Object.keys(TYPO_TABLE).length).toBeGreaterThanOrEqual(40);
  });
  it('collapses punctuation and spaces', () => {
    expect(normalise('  红包？？没人领！！ ')).toBe('红包 没人领');
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => normalise(normalise(s)) === normalise(s)),
    );
    const alphabet = fc.constantFrom(...'帳號到帐三两天個红苞ＡＢ，。 提线零钱痛十五'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 20 }), (cs) => {
        const s = cs.join('');
        return normalise(normalise(s)) === normalise(s);
      }),
    );
  });
});

describe('segment', () => {
  it('keeps domain terms whole and drops stop words', () => {
    const words = segment('我的红包和零钱通，运单号，财付通扣款了吗');
    for (const t of ['红包', '零钱通', '运单号', '财付通']) expect(words).toContain(t);
    expect(words).not.toContain('的');
    expect(words).not.toContain('吗');
    expect(DOMAIN_TERMS.length).toBeGreaterThanOrEqual(80);
  });
});

describe('matcher', () => {
  const matcher = trainMatcher(SMALL_KB);

  it('indexes only enabled entries', () => {
    expect(matcher.size).toBe(5);
  });
  it('finds the entry for paraphrases', () => {
    expect(matcher.match('微信里的钱怎样转到卡上').best?.entryId).toBe('withdraw');
    expect(matcher.match('提现手续费要多少').best?.entryId).toBe('fee');
    expect(matcher.match('我的包裹被快递弄丢了').best?.entryId).toBe('lost');
    expect(matcher.match('卖家不肯退钱给我').best?.entryId).toBe('refund');
  });
  it('says none for unrelated text', () => {
    expect(matcher.match('今天天气怎么样').decision).toBe('none');
    expect(matcher.match('asdfgh').decision).toBe('none');
  });
  it('never returns a disabled entry', () => {
    const m = matcher.match('红包对方没领取怎么办');
    expect(m.candidates.map((c) => c.entryId)).not.toContain('hidden');
  });
  it('gives at most 3 candidates with confidences in [0, 1], best first', () => {
    const m = matcher.match('提现');
    expect(m.candidates.length).toBeLessThanOrEqual(3);
    for (const c of m.candidates) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    const confs = m.candidates.map((c) => c.confidence);
    expect([...confs].sort((a, b) => b - a)).toEqual(confs);
  });
  it('reads an elliptical follow-up with the topic', () => {
    const m = matcher.match('那怎么弄', { topicEntryId: 'lost', recentTexts: ['快递丢了'] });
    expect(m.best?.entryId).toBe('lost');
    expect(m.usedContext).toBe(true);
    expect(matcher.match('那怎么弄').usedContext).toBe(false);
  });
  it('does not read a complete, unrelated question with the topic', () => {
    const m = matcher.match('明天北京会下雨吗', {
      topicEntryId: 'fee',
      recentTexts: ['提现收费吗'],
    });
    expect(m.decision).toBe('none');
    expect(m.usedContext).toBe(false);
  });
});

describe('follow-ups on DEFAULT_KB', () => {
  const m = trainMatcher(DEFAULT_KB);
  const after = (first: string, next: string) =>
    m.match(next, { topicEntryId: m.match(first).best?.entryId, recentTexts: [first] });

  it('a follow-up about time after a question about fees is about the time of that thing', () => {
    const r = after('提现要手续费吗', '那要多久？');
    expect(r.candidates[0]?.question).toBe('提现多久到账');
    expect(r.decision).not.toBe('none');
  });
  it('a follow-up about money after a lost parcel is about compensation', () => {
    expect(after('快递丢了怎么办', '能赔多少钱').best?.question).toBe('快递丢件怎么赔偿');
  });
});

describe('matcher on DEFAULT_KB', () => {
  const m = trainMatcher(DEFAULT_KB);

  // The target: at least 90% of hand-written paraphrases (not in the KB) ranked first.
  it('ranks at least 90% of hand-written paraphrases first', () => {
    expect(DEFAULT_KB.length).toBeGreaterThanOrEqual(250);
    const cases: [string, string][] = [
      ['我想在这投诉一个商家该怎么弄', 'kb-0001'],
      ['投诉要交什么截图和凭证', 'kb-0004'],
      ['催办一下我的投诉', 'kb-0012'],
      ['投诉不想继续了怎么撤回', 'kb-0016'],
      ['处理结果不服能申诉不', 'kb-0018'],
      ['红包一直没人领取', 'kb-0051'],
      ['零钱提现要收手续费么', 'kb-0055'],
      ['零钱通到底是啥', 'kb-0059'],
      ['我的微信被限制收款了', 'kb-0066'],
      ['刷单被骗了钱', 'kb-0073'],
      ['微信自动续费在哪关', 'kb-0078'],
      ['支付密码忘记了怎么重设', 'kb-0084'],
      ['微信号被别人盗了', 'kb-0103'],
      ['微信被封了怎么申请解封', 'kb-0106'],
      ['快递给我弄丢了', 'kb-0128'],
      ['快递没收到但是显示签收了', 'kb-0134'],
      ['快递员态度太差了我要投诉', 'kb-0136'],
      ['卖家好几天都不发货', 'kb-0172'],
      ['七天无理由退货流程是什么', 'kb-0177'],
      ['网上买到假货了', 'kb-0181'],
    ];
    const right = cases.filter(([text, id]) => m.match(text).best?.entryId === id).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  // Confidence is shown to people, so it must mean something: on the KB's own paraphrases, each
  // left out of a matcher trained without it, right answers are clearly more confident than
  // wrong ones, and chit-chat stays low. (Many left-out paraphrases are hard: the KB has
  // near-twins such as 实名认证失败 / 平台实名认证失败, so accuracy here is not the point.)
  it('gives calibrated-ish confidences', () => {
    const right: number[] = [];
    const wrong: number[] = [];
    const sample = DEFAULT_KB.filter((e) => e.similar.length >= 3).filter((_, i) => i % 6 === 0);
    const held = new Map(sample.map((e) => [e.id, e.similar[e.similar.length - 1]!]));
    const loo = trainMatcher(
      DEFAULT_KB.map((e) => (held.has(e.id) ? { ...e, similar: e.similar.slice(0, -1) } : e)),
    );
    for (const [id, text] of held) {
      const best = loo.match(text).best;
      (best?.entryId === id ? right : wrong).push(best?.confidence ?? 0);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    expect(right.length).toBeGreaterThan(10);
    expect(mean(right)).toBeGreaterThan(mean(wrong) + 0.1);
    for (const text of ['今天天气怎么样', '给我讲个笑话吧', '怎么做红烧肉']) {
      expect(m.match(text).best?.confidence ?? 0).toBeLessThan(0.2);
    }
  });
});
