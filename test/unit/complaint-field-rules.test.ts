import { describe, expect, it } from 'vitest';
import {
  checkFields,
  IDENTIFYING_KINDS,
  isValidIdNumber,
} from '../../src/modules/complaints/field-rules.js';
import type { FieldKind, RequiredField } from '../../src/shared/catalog.js';

const TODAY = '2026-11-22';

const def = (key: string, kind: FieldKind, required = true): RequiredField => ({
  key,
  kind,
  label: { zh: key, en: key },
  required,
});

/** Checks one value of one kind; answers the stored value or the problem. */
function one(kind: FieldKind, value: string) {
  const r = checkFields([def('f', kind)], { f: value }, TODAY);
  return r.ok ? { value: r.values.f } : r.problems['fields.f'];
}

describe('checkFields by kind', () => {
  it('text: trims, keeps the rest as written', () => {
    expect(one('text', '  顺丰速运 ')).toEqual({ value: '顺丰速运' });
  });

  it('order_number: 4–40 letters, digits and dashes, upper-cased', () => {
    expect(one('order_number', 'ab-2026-1122')).toEqual({ value: 'AB-2026-1122' });
    expect(one('order_number', '3287465019283746')).toEqual({ value: '3287465019283746' });
    expect(one('order_number', 'a12')).toEqual({ reason: 'invalid_order_number' });
    expect(one('order_number', '订单123456')).toEqual({ reason: 'invalid_order_number' });
    expect(one('order_number', 'AB 1234')).toEqual({ reason: 'invalid_order_number' });
  });

  it('waybill_number: spaces and dashes dropped, upper-cased, 8–30 letters and digits', () => {
    expect(one('waybill_number', 'sf 1234-5678-90')).toEqual({ value: 'SF1234567890' });
    expect(one('waybill_number', '773212345678901')).toEqual({ value: '773212345678901' });
    expect(one('waybill_number', 'SF12345')).toEqual({ reason: 'invalid_waybill_number' });
    expect(one('waybill_number', 'SF#1234567890')).toEqual({ reason: 'invalid_waybill_number' });
    expect(one('waybill_number', '顺丰1234567890')).toEqual({ reason: 'invalid_waybill_number' });
  });

  it('amount: currency signs, 元 and thousands separators dropped, two decimals', () => {
    expect(one('amount', '¥1,234.5')).toEqual({ value: '1234.50' });
    expect(one('amount', '￥99')).toEqual({ value: '99.00' });
    expect(one('amount', '100元')).toEqual({ value: '100.00' });
    expect(one('amount', '0.01')).toEqual({ value: '0.01' });
    expect(one('amount', '999999999.99')).toEqual({ value: '999999999.99' });
  });

  it('amount: zero, negative, more than two decimals and non-numbers refused', () => {
    expect(one('amount', '0')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '0.00')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '1.234')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '-5')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '1234567890')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '五十')).toEqual({ reason: 'invalid_amount' });
    expect(one('amount', '1e3')).toEqual({ reason: 'invalid_amount' });
  });

  it('date: yyyy-mm-dd, a real day, not after today (China time)', () => {
    expect(one('date', '2026-11-22')).toEqual({ value: '2026-11-22' });
    expect(one('date', '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(one('date', '2026-11-23')).toEqual({ reason: 'future_date' });
    expect(one('date', '2026-02-30')).toEqual({ reason: 'invalid_date' });
    expect(one('date', '2025-02-29')).toEqual({ reason: 'invalid_date' });
    expect(one('date', '2026-13-01')).toEqual({ reason: 'invalid_date' });
    expect(one('date', '2026/11/01')).toEqual({ reason: 'invalid_date' });
    expect(one('date', '2026-1-5')).toEqual({ reason: 'invalid_date' });
  });

  it('phone: +86, spaces, dashes and brackets dropped; 11 digits starting 13–19', () => {
    expect(one('phone', '+86 139 1234 5678')).toEqual({ value: '13912345678' });
    expect(one('phone', '139-1234-5678')).toEqual({ value: '13912345678' });
    expect(one('phone', '(+86)13912345678')).toEqual({ value: '13912345678' });
    expect(one('phone', '12912345678')).toEqual({ reason: 'invalid_phone' });
    expect(one('phone', '1391234567')).toEqual({ reason: 'invalid_phone' });
    expect(one('phone', '010-12345678')).toEqual({ reason: 'invalid_phone' });
  });

  it('email: lower-cased; needs a local part, an @ and a dotted domain', () => {
    expect(one('email', ' Zhang.San@Example.COM ')).toEqual({ value: 'zhang.san@example.com' });
    expect(one('email', 'zhangsan')).toEqual({ reason: 'invalid_email' });
    expect(one('email', 'zhang@localhost')).toEqual({ reason: 'invalid_email' });
    expect(one('email', 'zhang san@example.com')).toEqual({ reason: 'invalid_email' });
  });

  it('id_number: 17 digits and the MOD 11-2 check character, x upper-cased', () => {
    expect(one('id_number', '11010519491231002x')).toEqual({ value: '11010519491231002X' });
    expect(one('id_number', '440524 18800101 0014')).toEqual({ value: '440524188001010014' });
    expect(one('id_number', '110105194912310021')).toEqual({ reason: 'invalid_id_number' });
    expect(one('id_number', '440524188001010015')).toEqual({ reason: 'invalid_id_number' });
    expect(one('id_number', '44052418800101001')).toEqual({ reason: 'invalid_id_number' });
  });

  it('case_number: the complaint number rules, each with its own reason', () => {
    expect(one('case_number', ' ts20261122-000124-8 ')).toEqual({ value: 'TS20261122-000124-8' });
    expect(one('case_number', 'TS20261122-000124-9')).toEqual({ reason: 'bad_check_character' });
    expect(one('case_number', 'TS20261122-000142-8')).toEqual({ reason: 'bad_check_character' });
    expect(one('case_number', 'TS-124')).toEqual({ reason: 'invalid_complaint_number' });
  });

  it('url: http and https only, in normalised form', () => {
    expect(one('url', 'https://shop.example.com/order?id=1')).toEqual({
      value: 'https://shop.example.com/order?id=1',
    });
    expect(one('url', 'http://Example.com')).toEqual({ value: 'http://example.com/' });
    expect(one('url', 'javascript:alert(1)')).toEqual({ reason: 'invalid_url' });
    expect(one('url', 'JavaScript:alert(1)')).toEqual({ reason: 'invalid_url' });
    expect(one('url', 'data:text/html,<b>x</b>')).toEqual({ reason: 'invalid_url' });
    expect(one('url', 'ftp://example.com/a')).toEqual({ reason: 'invalid_url' });
    expect(one('url', 'example.com/order')).toEqual({ reason: 'invalid_url' });
  });

  it('full-width characters are read as their half-width forms', () => {
    expect(one('phone', '１３９１２３４５６７８')).toEqual({ value: '13912345678' });
    expect(one('phone', '139\u30001234\u30005678')).toEqual({ value: '13912345678' });
    expect(one('waybill_number', 'ＳＦ１２３４５６７８９０')).toEqual({ value: 'SF1234567890' });
    expect(one('amount', '１，２３４．５')).toEqual({ value: '1234.50' });
    expect(one('date', '２０２６－１１－０１')).toEqual({ value: '2026-11-01' });
    expect(one('id_number', '１１０１０５１９４９１２３１００２Ｘ')).toEqual({
      value: '11010519491231002X',
    });
    expect(one('case_number', 'ＴＳ２０２６１１２２－０００１２４－８')).toEqual({
      value: 'TS20261122-000124-8',
    });
    expect(one('email', 'ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual({
      value: 'zhang@example.com',
    });
  });
});

describe('checkFields over a field list', () => {
  const defs = [
    def('waybill_number', 'waybill_number'),
    def('carrier', 'text'),
    def('amount', 'amount', false),
  ];

  it('answers the normalised values of a good filing, leaving out absent optional fields', () => {
    expect(
      checkFields(defs, { waybill_number: 'sf1234567890', carrier: '顺丰速运' }, TODAY),
    ).toEqual({ ok: true, values: { waybill_number: 'SF1234567890', carrier: '顺丰速运' } });
  });

  it('names each missing required field, treating blank as missing', () => {
    expect(checkFields(defs, { carrier: '   ' }, TODAY)).toEqual({
      ok: false,
      problems: {
        'fields.waybill_number': { reason: 'required' },
        'fields.carrier': { reason: 'required' },
      },
    });
  });

  it('lets an optional field be blank', () => {
    expect(
      checkFields(defs, { waybill_number: 'SF1234567890', carrier: '中通', amount: '' }, TODAY),
    ).toEqual({ ok: true, values: { waybill_number: 'SF1234567890', carrier: '中通' } });
  });

  it('refuses keys the type does not define', () => {
    expect(
      checkFields(
        defs,
        { waybill_number: 'SF1234567890', carrier: '中通', order_number: 'A1234' },
        TODAY,
      ),
    ).toEqual({ ok: false, problems: { 'fields.order_number': { reason: 'unknown_field' } } });
  });

  it('takes 200 characters and refuses 201 as too_long', () => {
    const at200 = checkFields([def('note', 'text')], { note: '退'.repeat(200) }, TODAY);
    expect(at200).toEqual({ ok: true, values: { note: '退'.repeat(200) } });
    expect(checkFields([def('note', 'text')], { note: '退'.repeat(201) }, TODAY)).toEqual({
      ok: false,
      problems: { 'fields.note': { reason: 'too_long', params: { n: 200 } } },
    });
  });

  it('reports every problem at once and no values', () => {
    expect(checkFields(defs, { waybill_number: 'SF1', amount: '0', extra: 'x' }, TODAY)).toEqual({
      ok: false,
      problems: {
        'fields.extra': { reason: 'unknown_field' },
        'fields.waybill_number': { reason: 'invalid_waybill_number' },
        'fields.carrier': { reason: 'required' },
        'fields.amount': { reason: 'invalid_amount' },
      },
    });
  });
});

describe('isValidIdNumber', () => {
  it('checks the 18th character against the first 17 digits', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
    expect(isValidIdNumber('110105194912310020')).toBe(false);
    expect(isValidIdNumber('4405241880010100')).toBe(false);
  });
});

describe('IDENTIFYING_KINDS', () => {
  it('names the order number and the waybill number', () => {
    expect(IDENTIFYING_KINDS).toEqual(['order_number', 'waybill_number']);
  });
});
