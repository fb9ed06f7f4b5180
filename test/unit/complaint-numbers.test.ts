import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkComplaintNumber,
  chinaDay,
  formatComplaintNumber,
  mod11_2,
} from '../../src/modules/complaints/numbers.js';

describe('mod11_2', () => {
  it('gives the check character of known resident ID numbers over their first 17 digits', () => {
    expect(mod11_2('11010519491231002')).toBe('X');
    expect(mod11_2('44052418800101001')).toBe('4');
  });

  it('gives the check character of the documented complaint number', () => {
    expect(mod11_2('20261122000124')).toBe('8');
  });
});

describe('formatComplaintNumber', () => {
  it('builds TS{day}-{six-digit sequence}-{check}', () => {
    expect(formatComplaintNumber('20261122', 124)).toBe('TS20261122-000124-8');
  });

  it('pads the first number of a day to six digits', () => {
    expect(formatComplaintNumber('20261122', 1)).toBe('TS20261122-000001-8');
  });
});

describe('chinaDay', () => {
  it('starts the China day at 16:00 UTC the evening before', () => {
    expect(chinaDay(new Date('2026-11-21T16:00:00Z'))).toBe('20261122');
    expect(chinaDay(new Date('2026-11-21T15:59:59Z'))).toBe('20261121');
  });

  it('keeps the same day through the UTC afternoon', () => {
    expect(chinaDay(new Date('2026-11-22T00:00:00Z'))).toBe('20261122');
    expect(chinaDay(new Date('2026-11-22T15:59:59.999Z'))).toBe('20261122');
  });

  it('rolls over months and years', () => {
    expect(chinaDay(new Date('2026-12-31T16:00:00Z'))).toBe('20270101');
  });
});

describe('checkComplaintNumber', () => {
  it('accepts a valid number as it is', () => {
    expect(checkComplaintNumber('TS20261122-000124-8')).toEqual({
      ok: true,
      number: 'TS20261122-000124-8',
    });
  });

  it('accepts lower case and surrounding spaces, answering the canonical form', () => {
    expect(checkComplaintNumber('  ts20261122-000124-8 ')).toEqual({
      ok: true,
      number: 'TS20261122-000124-8',
    });
  });

  it('accepts a lower-case x as the check character', () => {
    // 20261122000019 has check character X.
    expect(mod11_2('20261122000019')).toBe('X');
    expect(checkComplaintNumber('ts20261122-000019-x')).toEqual({
      ok: true,
      number: 'TS20261122-000019-X',
    });
  });

  it.each([
    ['empty', ''],
    ['no prefix', '20261122-000124-8'],
    ['other prefix', 'TX20261122-000124-8'],
    ['short date', 'TS2026112-000124-8'],
    ['short sequence', 'TS20261122-00124-8'],
    ['no check character', 'TS20261122-000124'],
    ['letter check character', 'TS20261122-000124-A'],
    ['inner space', 'TS 20261122-000124-8'],
    ['missing dashes', 'TS20261122000124-8'],
  ])('refuses the wrong format (%s) as invalid_complaint_number', (_label, input) => {
    expect(checkComplaintNumber(input)).toEqual({
      ok: false,
      reason: 'invalid_complaint_number',
    });
  });

  it('refuses a wrong check character as bad_check_character', () => {
    expect(checkComplaintNumber('TS20261122-000124-9')).toEqual({
      ok: false,
      reason: 'bad_check_character',
    });
  });
});

describe('checkComplaintNumber catches typing mistakes (property)', () => {
  const validNumber = fc
    .record({
      day: fc.date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      seq: fc.integer({ min: 1, max: 999_999 }),
    })
    .map(({ day, seq }) => formatComplaintNumber(chinaDay(day), seq));

  /** The 14 digits and the way back to a number with the original check character. */
  const parts = (n: string) => {
    const digits = n.slice(2, 10) + n.slice(11, 17);
    const check = n.slice(18);
    const rebuild = (d: string) => `TS${d.slice(0, 8)}-${d.slice(8)}-${check}`;
    return { digits, rebuild };
  };

  const notRefusedAsBadCheck = (n: string) => {
    const r = checkComplaintNumber(n);
    return r.ok || r.reason !== 'bad_check_character';
  };

  it('formats numbers that check as valid', () => {
    fc.assert(
      fc.property(validNumber, (n) => {
        expect(checkComplaintNumber(n)).toEqual({ ok: true, number: n });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every single-digit substitution as bad_check_character', () => {
    fc.assert(
      fc.property(validNumber, (n) => {
        const { digits, rebuild } = parts(n);
        const typos: string[] = [];
        for (let i = 0; i < 14; i++) {
          for (const d of '0123456789') {
            if (d !== digits[i]) typos.push(rebuild(digits.slice(0, i) + d + digits.slice(i + 1)));
          }
        }
        expect(typos).toHaveLength(14 * 9);
        expect(typos.filter(notRefusedAsBadCheck)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every swap of two adjacent differing digits as bad_check_character', () => {
    fc.assert(
      fc.property(validNumber, (n) => {
        const { digits, rebuild } = parts(n);
        const swaps: string[] = [];
        for (let i = 0; i + 1 < 14; i++) {
          if (digits[i] === digits[i + 1]) continue;
          swaps.push(rebuild(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)));
        }
        expect(swaps.filter(notRefusedAsBadCheck)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
