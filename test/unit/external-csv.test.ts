// The CSV reader and the row rules of the external status import, with literal expectations and
// a round-trip property: any table of cells written out as CSV reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, CsvError, parseCsv } from '../../src/modules/external/csv.js';
import {
  parseStatus,
  parseTime,
  readHeader,
  readRow,
  resolvePlatform,
  type Header,
} from '../../src/modules/external/import-rows.js';

describe('parseCsv', () => {
  it('reads plain, quoted and escaped cells with LF or CRLF line ends', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"line\nbreak",,x\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', '', 'x'],
    ]);
  });

  it('keeps blank lines as records of one empty cell and drops nothing else', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(parseCsv('5"寸,x')).toEqual([['5"寸', 'x']]);
  });

  it('refuses an unclosed quote, naming the record', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(new CsvError(2, 'unclosed_quote'));
    expect(() => parseCsv('h\nx\ny\n"open')).toThrow(new CsvError(4, 'unclosed_quote'));
  });

  it('reads text after a closing quote as typed rather than refusing the file', () => {
    expect(parseCsv('h\n"a"b\n')).toEqual([['h'], ['"a"b']]);
  });

  it('reads back any table it writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '1') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});

describe('readHeader', () => {
  it('maps English and Chinese headers, in any order, with optional note and at', () => {
    expect(readHeader(['platform', 'external_number', 'status', 'note', 'at'])).toEqual({
      ok: true,
      header: { platform: 0, external_number: 1, status: 2, note: 3, at: 4 },
    });
    expect(readHeader(['状态', '外部编号', '平台'])).toEqual({
      ok: true,
      header: { platform: 2, external_number: 1, status: 0, note: null, at: null },
    });
    expect(readHeader([' Platform ', 'External Number', 'STATUS'])).toMatchObject({ ok: true });
  });

  it('names an unknown, repeated or missing column', () => {
    expect(readHeader(['platform', 'number', 'status'])).toEqual({
      field: 'header.number',
      reason: 'unknown_field',
    });
    expect(readHeader(['platform', '平台', 'external_number', 'status'])).toEqual({
      field: 'header.平台',
      reason: 'duplicate_key',
    });
    expect(readHeader(['platform', 'status', 'note'])).toEqual({
      field: 'header.external_number',
      reason: 'required',
    });
  });
});

describe('statuses and times', () => {
  it('accepts codes and the Chinese and English labels', () => {
    expect(parseStatus('resolved')).toBe('resolved');
    expect(parseStatus(' RETURNED ')).toBe('returned');
    expect(parseStatus('对方已办结')).toBe('resolved');
    expect(parseStatus('已退回')).toBe('returned');
    expect(parseStatus('Being handled there')).toBe('processing');
    expect(parseStatus('done')).toBeNull();
  });

  it('reads ISO times with a zone, and spreadsheet times as China time', () => {
    expect(parseTime('2026-11-20T06:30:00Z')?.toISOString()).toBe('2026-11-20T06:30:00.000Z');
    expect(parseTime('2026-11-20T14:30:00+08:00')?.toISOString()).toBe('2026-11-20T06:30:00.000Z');
    expect(parseTime('2026-11-20 14:30')?.toISOString()).toBe('2026-11-20T06:30:00.000Z');
    expect(parseTime('2026/11/20 14:30:15')?.toISOString()).toBe('2026-11-20T06:30:15.000Z');
    expect(parseTime('2026-11-20')?.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(parseTime('2026-02-30')).toBeNull();
    expect(parseTime('2026-13-01 10:00')).toBeNull();
    expect(parseTime('2026-11-20 24:00')).toBeNull();
    expect(parseTime('20/11/2026')).toBeNull();
    expect(parseTime('yesterday')).toBeNull();
  });
});

describe('readRow', () => {
  const header: Header = { platform: 0, external_number: 1, status: 2, note: 3, at: 4 };
  const now = new Date('2026-11-23T02:00:00Z');

  it('reads a full row, keeping the note as written', () => {
    expect(
      readRow(
        ['12315', ' A-1 ', '对方处理中', ' 已转辖区，联系人 王 ', '2026-11-23 09:30'],
        header,
        now,
      ),
    ).toEqual({
      ok: true,
      update: {
        platform: '12315',
        externalNumber: 'A-1',
        status: 'processing',
        note: '已转辖区，联系人 王',
        at: new Date('2026-11-23T01:30:00Z'),
      },
    });
    expect(readRow(['12315', 'A-1', 'closed'], header, now)).toMatchObject({
      ok: true,
      update: { note: null, at: null },
    });
  });

  it('names the first wrong field', () => {
    const row = (cells: string[]) => readRow(cells, header, now);
    expect(row(['', 'A', 'closed'])).toEqual({ field: 'platform', reason: 'required' });
    expect(row(['12315', ' ', 'closed'])).toEqual({ field: 'external_number', reason: 'required' });
    expect(row(['12315', 'x'.repeat(61), 'closed'])).toMatchObject({
      field: 'external_number',
      reason: 'too_long',
    });
    expect(row(['12315', 'A', ''])).toEqual({ field: 'status', reason: 'required' });
    expect(row(['12315', 'A', 'finished'])).toEqual({ field: 'status', reason: 'invalid_value' });
    expect(row(['12315', 'A', 'closed', 'x'.repeat(501)])).toMatchObject({
      field: 'note',
      reason: 'too_long',
    });
    expect(row(['12315', 'A', 'closed', '', 'soon'])).toEqual({
      field: 'at',
      reason: 'invalid_format',
    });
    expect(row(['12315', 'A', 'closed', '', '2026-11-23T03:00:00Z'])).toEqual({
      field: 'at',
      reason: 'future_date',
    });
    expect(row(['12315', 'A', 'closed', '', '', 'extra'])).toEqual({
      field: 'column 6',
      reason: 'unknown_field',
    });
    expect(row(['12315', 'A', 'closed', '', '', ''])).toMatchObject({ ok: true });
  });
});

describe('resolvePlatform', () => {
  const platforms = [
    { code: '12315', name: { zh: '全国12315平台', en: '12315 consumer platform' } },
    { code: 'heimao', name: { zh: '黑猫投诉', en: 'Heimao (Black Cat) complaints' } },
  ];
  it('takes the code or either name', () => {
    expect(resolvePlatform('12315', platforms)).toBe('12315');
    expect(resolvePlatform('HEIMAO', platforms)).toBe('heimao');
    expect(resolvePlatform('黑猫投诉', platforms)).toBe('heimao');
    expect(resolvePlatform('12315 Consumer Platform', platforms)).toBe('12315');
    expect(resolvePlatform('12345', platforms)).toBeNull();
  });
});
