import { describe, expect, it } from 'vitest';
import {
  categoryTerms,
  contains,
  grams,
  normalise,
  scoreCandidate,
  suggestTypes,
  termStrength,
  units,
  type SuggestCandidate,
} from '../../src/modules/catalog/suggest.js';
import { DEFAULT_CATALOG } from '../../src/server/db/seed/default-catalog.js';

const lost: SuggestCandidate = {
  categoryCode: 'express_delivery',
  categoryName: { zh: '快递', en: 'Express delivery' },
  categoryDescription: { zh: '丢件、破损', en: 'Lost, damaged' },
  typeCode: 'parcel_lost',
  typeName: { zh: '丢件', en: 'Parcel lost' },
  keywords: ['丢了', '快递丢了', '没收到', 'lost'],
};
const damaged: SuggestCandidate = {
  ...lost,
  typeCode: 'parcel_damaged',
  typeName: { zh: '破损', en: 'Parcel damaged' },
  keywords: ['摔坏', '坏了', '破损'],
};

const shipped: SuggestCandidate[] = DEFAULT_CATALOG.flatMap((c) =>
  c.types.map((t) => ({
    categoryCode: c.code,
    categoryName: c.name,
    categoryDescription: c.description,
    typeCode: t.code,
    typeName: t.name,
    keywords: t.keywords,
  })),
);

describe('normalise', () => {
  it.each([
    ['ＱＱ号被盗！！', 'qq号被盗'],
    ['快递，丢了。', '快递 丢了'],
    ['  My Parcel -- was LOST?? ', 'my parcel was lost'],
    ['１２３ＡＢＣ', '123abc'],
    ['【急】红包没到账～', '急 红包没到账'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('the parts of a score', () => {
  it('counts one unit per Chinese character and two per Latin word', () => {
    expect(units('快递丢了')).toBe(4);
    expect(units('lost')).toBe(2);
    expect(units('parcel lost')).toBe(4);
    expect(units('qq被盗')).toBe(4);
  });

  it('matches Latin terms only at a word start', () => {
    expect(contains('my parcel was lost', 'lost')).toBe(true);
    expect(contains('almost there', 'lost')).toBe(false);
    expect(contains('i was impersonated', 'impersonat')).toBe(true);
    expect(contains('快递丢了', '丢了')).toBe(true);
    expect(contains('快递丢了', '')).toBe(false);
  });

  it('weighs the longest hit fully and others half, ignoring hits inside a longer one', () => {
    expect(termStrength('快递丢了', ['丢了'])).toBe(0.5);
    expect(termStrength('快递丢了', ['丢了', '快递丢了'])).toBe(1);
    expect(termStrength('包裹摔坏了', ['摔坏', '坏了'])).toBe(0.75);
    expect(termStrength('快递丢了', ['破损'])).toBe(0);
  });

  it('makes character pairs of Chinese runs and keeps Latin words whole', () => {
    expect([...grams('快递丢了')]).toEqual(['快递', '递丢', '丢了']);
    expect([...grams('qq号被盗')]).toEqual(['qq', '号被', '被盗']);
    expect([...grams('我 lost')]).toEqual(['我', 'lost']);
  });

  it('takes a category’s words from its names and listed description items', () => {
    expect(categoryTerms(lost)).toEqual([
      '快递',
      'Express delivery',
      '快递',
      'Express delivery',
      '丢件',
      '破损',
      'Lost',
      'damaged',
    ]);
  });
});

describe('scoreCandidate', () => {
  it('adds keyword (0.7), character-pair (0.2) and category (0.1) signals', () => {
    // keywords: 快递丢了 covers 4 units → 1; pairs 3 of 3 → 1; category 快递 → 0.5.
    expect(scoreCandidate(normalise('快递丢了'), lost)).toBe(0.95);
    // keywords: lost → 0.5; words parcel + lost of 4 → 0.5; category: Lost → 0.5.
    expect(scoreCandidate(normalise('My parcel was LOST'), lost)).toBe(0.5);
    // Nothing of the type matches; only the category word 快递 → 0.5 × 0.1.
    expect(scoreCandidate(normalise('快递丢了'), damaged)).toBe(0.05);
    expect(scoreCandidate(normalise('almost'), lost)).toBe(0);
  });
});

describe('suggestTypes', () => {
  it('ranks best first, drops noise, keeps catalogue order on ties', () => {
    expect(suggestTypes('快递丢了', [damaged, lost])).toEqual([
      {
        categoryCode: 'express_delivery',
        typeCode: 'parcel_lost',
        categoryName: lost.categoryName,
        typeName: lost.typeName,
        score: 0.95,
      },
    ]);
    expect(suggestTypes('快递', [damaged, lost]).map((s) => [s.typeCode, s.score])).toEqual([
      ['parcel_lost', 0.25],
    ]);
    expect(suggestTypes('   ', [lost])).toEqual([]);
    expect(suggestTypes('今天天气不错', shipped)).toEqual([]);
  });

  it('returns at most five', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...lost, typeCode: `t${i}` }));
    expect(suggestTypes('丢了', many).map((s) => s.typeCode)).toEqual([
      't0',
      't1',
      't2',
      't3',
      't4',
    ]);
  });

  it.each([
    ['快递丢了', 'parcel_lost'],
    ['包裹被摔坏了', 'parcel_damaged'],
    ['快递三天没动静', 'delivery_delayed'],
    ['红包没到账', 'red_packet_missing'],
    ['微信号被盗了', 'account_stolen'],
    ['商家卖假货', 'quality_dispute'],
    ['有人冒用我的身份', 'identity_misused'],
    ['我要起诉商家', 'judicial_claim'],
    ['转账转错人了', 'transfer_dispute'],
    ['显示已签收但我没收到', 'signing_dispute'],
    ['孩子偷偷充值了好几千', 'minor_protection'],
    ['银行卡被盗刷了', 'fraud'],
    ['ＱＱ号被盗！', 'account_stolen'],
    ['My parcel was lost', 'parcel_lost'],
  ])('the shipped catalogue puts the obvious type first for %s', (q, expected) => {
    const [first, second] = suggestTypes(q, shipped);
    expect(first?.typeCode).toBe(expected);
    expect(first!.score).toBeGreaterThan(second?.score ?? 0);
    expect(first!.score).toBeLessThanOrEqual(1);
  });
});
