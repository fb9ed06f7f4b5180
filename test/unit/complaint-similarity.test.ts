import { describe, expect, it } from 'vitest';
import { descriptionSimilarity, NEAR_IDENTICAL } from '../../src/modules/complaints/similarity.js';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

const FILED = '快递显示已签收但我没有收到，联系快递员未回复';

describe('descriptionSimilarity', () => {
  it('uses 0.85 as the near-identical line', () => {
    expect(NEAR_IDENTICAL).toBe(0.85);
  });

  it('gives 1 for the same text', () => {
    expect(descriptionSimilarity(FILED, FILED)).toBe(1);
  });

  it('ignores punctuation, whitespace, case and full-width forms', () => {
    expect(descriptionSimilarity(FILED, '快递显示已签收, 但我没有收到！联系快递员未回复。')).toBe(
      1,
    );
    expect(
      descriptionSimilarity(FILED, ' 快递显示已签收 但我没有收到\n联系快递员……未回复？？ '),
    ).toBe(1);
    expect(
      descriptionSimilarity(
        '快递显示已签收但我没有收到，运单号ＳＦ１２３４５６７８９０',
        '快递显示已签收，但我没有收到。运单号 sf1234567890',
      ),
    ).toBe(1);
  });

  it('keeps a re-filing with a demand added at or above the line', () => {
    // 2 × 20 shared bigrams / (20 + 24) = 40/44.
    const again = '快递显示已签收但我没有收到，联系快递员未回复，要求退款';
    const s = descriptionSimilarity(FILED, again);
    expect(round4(s)).toBe(0.9091);
    expect(s).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
  });

  it('keeps different complaints about the same waybill below the line', () => {
    const notReceived = '我的顺丰快递运单号SF1234567890显示已经签收，但我本人并没有收到包裹';
    const stuck = '运单号SF1234567890的快递三天没有更新物流信息，一直停在中转站';
    // 2 × 16 shared / (37 + 34) = 32/71.
    const s1 = descriptionSimilarity(notReceived, stuck);
    expect(round4(s1)).toBe(0.4507);
    expect(s1).toBeLessThan(NEAR_IDENTICAL);
  });

  it('keeps the same incident told in other words below the line', () => {
    // Both say "signed for but not received" about the same waybill; wording differs.
    const first = '我的顺丰快递运单号SF1234567890显示已经签收，但我本人并没有收到包裹';
    const second = '顺丰运单SF1234567890显示已签收，可我根本没拿到快递，快递员电话也打不通';
    // 2 × 18 shared / (37 + 38) = 36/75.
    expect(descriptionSimilarity(first, second)).toBe(0.48);
    // 2 × 9 shared / (20 + 37) = 18/57.
    expect(round4(descriptionSimilarity(FILED, first))).toBe(0.3158);
  });

  it('is symmetric', () => {
    const a = '商家承诺七天无理由退货，现在拒绝退款';
    const b = '商家拒绝七天无理由退货，客服一直不回复';
    // 2 × 8 shared / (16 + 17) = 16/33.
    expect(round4(descriptionSimilarity(a, b))).toBe(0.4848);
    expect(descriptionSimilarity(a, b)).toBe(descriptionSimilarity(b, a));
  });

  it('gives 0 when either text has nothing but punctuation and spaces', () => {
    expect(descriptionSimilarity('！！！', '？？？')).toBe(0);
    expect(descriptionSimilarity('', '')).toBe(0);
    expect(descriptionSimilarity(FILED, '。。。')).toBe(0);
  });

  it('compares single characters as themselves', () => {
    expect(descriptionSimilarity('退', '退')).toBe(1);
    expect(descriptionSimilarity('退', '换')).toBe(0);
  });
});
