// Remedy amounts and the wording the system resolves with when an offer is accepted.
import { describe, expect, it } from 'vitest';
import {
  acceptedOpinion,
  kindHasAmount,
  parseYuan,
  remedyText,
} from '../../src/modules/merchants/remedy-text.js';

describe('parseYuan', () => {
  it('reads yuan with up to two decimals as fen', () => {
    expect(parseYuan('12.50')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('12.5')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan(' 8 ')).toEqual({ ok: true, fen: 800 });
    expect(parseYuan('0.01')).toEqual({ ok: true, fen: 1 });
    expect(parseYuan('１２.５')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('1000000')).toEqual({ ok: true, fen: 100_000_000 });
  });

  it('refuses zero, negatives, three decimals, separators and text', () => {
    for (const bad of ['0', '0.00', '-5', '12.345', '1,000', '12.', '.5', 'abc', '', '1e3']) {
      expect(parseYuan(bad), bad).toEqual({ ok: false, reason: 'invalid_amount' });
    }
  });

  it('refuses more than ¥1,000,000', () => {
    expect(parseYuan('1000000.01')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseYuan('99999999999')).toEqual({ ok: false, reason: 'out_of_range' });
  });
});

describe('remedy wording', () => {
  it('says what was offered', () => {
    expect(kindHasAmount('refund')).toBe(true);
    expect(kindHasAmount('reship')).toBe(false);
    expect(remedyText('refund', 1250, '全额退款')).toBe('退款 ¥12.50（全额退款）');
    expect(remedyText('compensation', 2000, ' ')).toBe('赔偿 ¥20.00');
    expect(remedyText('reship', null, '顺丰重新寄出')).toBe('补发（顺丰重新寄出）');
  });

  it('resolves with the offer and the complainant\u2019s note', () => {
    expect(acceptedOpinion('refund', 1250, '全额退款', null)).toBe(
      '商户方案已被投诉人接受：退款 ¥12.50（全额退款）',
    );
    expect(acceptedOpinion('reship', null, '补发一双', '尽快发货')).toBe(
      '商户方案已被投诉人接受：补发（补发一双）；投诉人说明：尽快发货',
    );
  });
});
