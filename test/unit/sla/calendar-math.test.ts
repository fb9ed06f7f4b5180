// Business-calendar maths against China's official 2025–2026 holidays and 调休, plus DST in New
// York. Every expected instant is a literal worked out by hand from the notices.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addWorkingDays,
  addWorkingMs,
  CalendarYearMissingError,
  durationMs,
  makeUpDaysBetween,
  nonWorkingDaysBetween,
  standardDayMs,
  workingIntervalsOn,
  workingMsBetween,
} from '../../../src/modules/sla/calendar/calendar-math.js';
import { CN_MAINLAND_YEARS } from '../../../src/modules/sla/calendar/cn-mainland.js';
import { cnCalendar, nyCalendar } from './cn-calendar-fixture.js';

const cn = cnCalendar();
const ny = nyCalendar();
const H = 3_600_000;
const at = (iso: string) => new Date(iso);
/** Compare instants; the message keeps the result readable in the calendar's zone. */
const expectAt = (actual: Date, expected: string, zone = 'Asia/Shanghai') =>
  expect(DateTime.fromJSDate(actual, { zone }).toISO({ suppressMilliseconds: true })).toBe(
    DateTime.fromISO(expected, { zone }).toISO({ suppressMilliseconds: true }),
  );

describe('fixture sanity', () => {
  it('has the weekdays the notices name', () => {
    const weekday = (d: string) => DateTime.fromISO(d).weekday; // 1 = Monday … 7 = Sunday
    expect(weekday('2025-09-28')).toBe(7);
    expect(weekday('2025-10-11')).toBe(6);
    expect(weekday('2026-02-13')).toBe(5);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-02-24')).toBe(2);
    expect(weekday('2026-01-04')).toBe(7);
  });

  it('agrees day for day with the shipped data (typed in twice, independently, from the notices)', () => {
    const datesOf = (days: { date: string; kind: string }[]) =>
      days.map((d) => `${d.date} ${d.kind}`);
    for (const year of cn.years) {
      const shipped = CN_MAINLAND_YEARS.find((y) => y.year === year.year);
      expect(datesOf(shipped?.days ?? [])).toEqual(datesOf(year.days).sort());
    }
    // Every shipped make-up day is a weekend day (调休 turns a weekend day into a working day).
    for (const y of CN_MAINLAND_YEARS)
      for (const d of y.days.filter((x) => x.kind === 'workday'))
        expect(DateTime.fromISO(d.date).weekday, d.date).toBeGreaterThan(5);
  });
});

describe('workingIntervalsOn', () => {
  it('gives a working day its hours, a holiday none, a make-up Sunday makeUpHours', () => {
    expect(workingIntervalsOn(cn, '2025-09-30')).toEqual([
      { start: at('2025-09-30T09:00+08:00'), end: at('2025-09-30T18:00+08:00') },
    ]);
    expect(workingIntervalsOn(cn, '2025-10-03')).toEqual([]);
    expect(workingIntervalsOn(cn, '2025-09-27')).toEqual([]);
    expect(workingIntervalsOn(cn, '2025-09-28')).toEqual([
      { start: at('2025-09-28T09:00+08:00'), end: at('2025-09-28T18:00+08:00') },
    ]);
  });

  it('follows DST in New York, and 24:00 is the next local midnight', () => {
    expect(workingIntervalsOn(ny, '2025-03-07')).toEqual([
      { start: at('2025-03-07T09:00-05:00'), end: at('2025-03-07T17:00-05:00') },
    ]);
    expect(workingIntervalsOn(ny, '2025-03-10')).toEqual([
      { start: at('2025-03-10T09:00-04:00'), end: at('2025-03-10T17:00-04:00') },
    ]);
    const allDay = nyCalendar(Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]));
    const [spring] = workingIntervalsOn(allDay, '2025-03-09');
    expect(spring).toEqual({
      start: at('2025-03-09T00:00-05:00'),
      end: at('2025-03-10T00:00-04:00'),
    });
    expect(spring!.end.getTime() - spring!.start.getTime()).toBe(23 * H);
    const [fall] = workingIntervalsOn(allDay, '2025-11-02');
    expect(fall!.end.getTime() - fall!.start.getTime()).toBe(25 * H);
  });
});

describe('wall time to instant', () => {
  it('agrees with luxon DateTime.fromISO on every date of 2025 in zones with DST', () => {
    const ws = [
      { start: '00:00', end: '02:30' },
      { start: '09:00', end: '24:00' },
    ];
    for (const zone of [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
    ]) {
      const cal = { ...nyCalendar(Array.from({ length: 7 }, () => ws)), timeZone: zone };
      for (let d = DateTime.fromISO('2025-01-01'); d.year === 2025; d = d.plus({ days: 1 })) {
        const date = d.toISODate()!;
        const want = [
          ['00:00', '02:30'],
          ['09:00', null],
        ].map(([s, e]) => ({
          start: DateTime.fromISO(`${date}T${s}`, { zone }).toJSDate(),
          end: e
            ? DateTime.fromISO(`${date}T${e}`, { zone }).toJSDate()
            : DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
        }));
        expect(workingIntervalsOn(cal, date), `${zone} ${date}`).toEqual(want);
      }
    }
  });
});

describe('addWorkingDays (one working day = one full working day)', () => {
  it('spans a weekend', () => {
    expectAt(addWorkingDays(cn, at('2025-09-19T16:00+08:00'), 1), '2025-09-22T16:00+08:00');
    expectAt(addWorkingDays(cn, at('2025-09-19T16:00+08:00'), 3), '2025-09-24T16:00+08:00');
  });

  it('skips National Day (Oct 1–8) and counts make-up Saturday Oct 11', () => {
    expectAt(addWorkingDays(cn, at('2025-09-30T10:00+08:00'), 3), '2025-10-11T10:00+08:00');
  });

  it('counts make-up Sunday Sep 28 2025', () => {
    expectAt(addWorkingDays(cn, at('2025-09-26T10:00+08:00'), 1), '2025-09-28T10:00+08:00');
    expectAt(addWorkingDays(cn, at('2025-09-26T10:00+08:00'), 2), '2025-09-29T10:00+08:00');
  });

  it('spans Spring Festival 2026 (Feb 15–23, make-up Sat Feb 14)', () => {
    expectAt(addWorkingDays(cn, at('2026-02-13T10:00+08:00'), 1), '2026-02-14T10:00+08:00');
    expectAt(addWorkingDays(cn, at('2026-02-13T10:00+08:00'), 2), '2026-02-24T10:00+08:00');
  });

  it('starting outside working hours ends at the close of the Nth working day', () => {
    expectAt(addWorkingDays(cn, at('2025-09-19T20:00+08:00'), 1), '2025-09-22T18:00+08:00'); // Fri
    expectAt(addWorkingDays(cn, at('2025-09-20T11:00+08:00'), 1), '2025-09-22T18:00+08:00'); // Sat
    expectAt(addWorkingDays(cn, at('2025-09-23T08:00+08:00'), 1), '2025-09-23T18:00+08:00'); // Tue
    expectAt(addWorkingDays(cn, at('2025-09-23T18:00+08:00'), 1), '2025-09-24T18:00+08:00'); // at close
    expectAt(addWorkingDays(cn, at('2025-10-03T10:00+08:00'), 2), '2025-10-10T18:00+08:00'); // holiday
  });

  it('clamps to the close when the target day ends earlier', () => {
    const short = { ...cn, makeUpHours: [{ start: '09:00', end: '12:00' }] };
    expectAt(addWorkingDays(short, at('2025-09-26T15:00+08:00'), 1), '2025-09-28T12:00+08:00');
  });

  it('cross-border: 5 working days + 2 extra = 7, over make-up Sep 28 and National Day', () => {
    const start = at('2025-09-24T10:00+08:00');
    expectAt(addWorkingDays(cn, start, 5), '2025-09-30T10:00+08:00');
    expectAt(addWorkingDays(cn, start, 7), '2025-10-10T10:00+08:00');
  });

  it('0 days returns the start; a fraction adds that share of a standard day', () => {
    expectAt(addWorkingDays(cn, at('2025-09-20T11:00+08:00'), 0), '2025-09-20T11:00+08:00');
    expectAt(addWorkingDays(cn, at('2025-09-22T10:00+08:00'), 1.5), '2025-09-23T14:30+08:00');
    expect(() => addWorkingDays(cn, at('2025-09-22T10:00+08:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingMs', () => {
  it('spans National Day by working hours', () => {
    expectAt(addWorkingMs(cn, at('2025-09-30T16:00+08:00'), 4 * H), '2025-10-09T11:00+08:00');
  });

  it('spans a weekend and starts counting at the next opening when outside hours', () => {
    expectAt(addWorkingMs(cn, at('2025-09-19T16:00+08:00'), 4 * H), '2025-09-22T11:00+08:00');
    expectAt(addWorkingMs(cn, at('2025-09-19T20:00+08:00'), 2 * H), '2025-09-22T11:00+08:00');
    expectAt(addWorkingMs(cn, at('2025-09-20T11:00+08:00'), 2 * H), '2025-09-22T11:00+08:00');
    expectAt(addWorkingMs(cn, at('2025-09-23T07:30+08:00'), 2 * H), '2025-09-23T11:00+08:00');
  });

  it('ends at 18:00 when the budget runs out exactly at the close', () => {
    expectAt(addWorkingMs(cn, at('2025-09-23T09:00+08:00'), 9 * H), '2025-09-23T18:00+08:00');
    expectAt(addWorkingMs(cn, at('2025-09-30T09:00+08:00'), 9 * H), '2025-09-30T18:00+08:00');
    expectAt(
      addWorkingMs(cn, at('2025-09-23T09:00+08:00'), 9 * H + 1),
      '2025-09-24T09:00:00.001+08:00',
    );
  });

  it('returns the start unchanged for 0, even outside hours', () => {
    expectAt(addWorkingMs(cn, at('2025-09-20T11:00+08:00'), 0), '2025-09-20T11:00+08:00');
  });

  it('crosses DST in New York (spring forward and fall back)', () => {
    const mon = addWorkingMs(ny, at('2025-03-07T16:00-05:00'), 2 * H);
    expectAt(mon, '2025-03-10T10:00-04:00', 'America/New_York');
    expect(mon.toISOString()).toBe('2025-03-10T14:00:00.000Z');
    const fall = addWorkingMs(ny, at('2025-10-31T16:00-04:00'), 2 * H);
    expect(fall.toISOString()).toBe('2025-11-03T15:00:00.000Z'); // 10:00-05:00
  });
});

describe('workingMsBetween', () => {
  it('counts only working time, [a, b)', () => {
    expect(workingMsBetween(cn, at('2025-09-30T16:00+08:00'), at('2025-10-09T11:00+08:00'))).toBe(
      4 * H,
    );
    expect(workingMsBetween(cn, at('2025-09-26T09:00+08:00'), at('2025-09-29T09:00+08:00'))).toBe(
      18 * H, // Fri + make-up Sun
    );
    expect(workingMsBetween(cn, at('2025-10-09T11:00+08:00'), at('2025-09-30T16:00+08:00'))).toBe(
      0,
    );
  });

  it('across the New York DST weekends', () => {
    const spring = workingMsBetween(ny, at('2025-03-07T09:00-05:00'), at('2025-03-10T17:00-04:00'));
    expect(spring).toBe(16 * H);
    expect(workingMsBetween(ny, at('2025-03-07T16:00-05:00'), at('2025-03-10T10:00-04:00'))).toBe(
      2 * H,
    );
    expect(workingMsBetween(ny, at('2025-10-31T16:00-04:00'), at('2025-11-03T10:00-05:00'))).toBe(
      2 * H,
    );
  });
});

describe('a pause across a holiday', () => {
  it('consumed before the pause, the rest counted from the resume', () => {
    const start = at('2025-09-29T10:00+08:00'); // Mon
    const budget = durationMs(cn, { value: 3, unit: 'working_days' });
    expect(budget).toBe(27 * H);
    expectAt(addWorkingMs(cn, start, budget), '2025-10-10T10:00+08:00'); // unpaused
    const consumed = workingMsBetween(cn, start, at('2025-09-30T12:00+08:00'));
    expect(consumed).toBe(11 * H); // Mon 10–18, Tue 09–12
    // Resume Thu Oct 9 15:00: 3 h that day, 9 h Fri Oct 10, 4 h on make-up Sat Oct 11.
    const due = addWorkingMs(cn, at('2025-10-09T15:00+08:00'), budget - consumed);
    expectAt(due, '2025-10-11T13:00+08:00');
  });
});

describe('a year the calendar does not know', () => {
  it('throws CalendarYearMissingError naming the calendar and year', () => {
    expect(() => workingIntervalsOn(cn, '2023-06-01')).toThrow(CalendarYearMissingError);
    try {
      addWorkingMs(cn, at('2026-12-31T17:00+08:00'), 2 * H);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarYearMissingError);
      const err = e as CalendarYearMissingError;
      expect([err.calendarCode, err.year]).toEqual(['cn-mainland', 2027]);
      expect(err.message).toContain('cn-mainland');
      expect(err.message).toContain('2027');
    }
    expect(() => addWorkingDays(cn, at('2027-01-04T10:00+08:00'), 1)).toThrow(
      CalendarYearMissingError,
    );
    expect(() => addWorkingMs(cn, at('2027-01-04T10:00+08:00'), 0)).toThrow(
      CalendarYearMissingError,
    );
    expect(() =>
      workingMsBetween(cn, at('2024-12-31T10:00+08:00'), at('2025-01-02T10:00+08:00')),
    ).toThrow(CalendarYearMissingError);
    expect(() =>
      nonWorkingDaysBetween(cn, at('2026-12-30T10:00+08:00'), at('2027-01-05T10:00+08:00')),
    ).toThrow(CalendarYearMissingError);
  });

  it('stops on a calendar with no working time instead of looping', () => {
    const years = Array.from({ length: 12 }, (_, i) => ({ year: 2025 + i, source: 't', days: [] }));
    const idle = { ...cn, week: [[], [], [], [], [], [], []], years };
    expect(() => addWorkingMs(idle, at('2025-01-01T10:00+08:00'), H)).toThrow(/no working time/);
    expect(() => addWorkingDays(idle, at('2025-01-01T10:00+08:00'), 1)).toThrow(/no working time/);
  });
});

describe('durations and the preview explanation', () => {
  it('standardDayMs, durationMs and addDuration', () => {
    expect(standardDayMs(cn)).toBe(9 * H);
    expect(standardDayMs(ny)).toBe(8 * H);
    expect(durationMs(null, { value: 48, unit: 'hours' })).toBe(48 * H);
    expect(durationMs(cn, { value: 4, unit: 'working_hours' })).toBe(4 * H);
    const start = at('2025-09-30T16:00+08:00');
    expectAt(addDuration(null, start, { value: 48, unit: 'hours' }), '2025-10-02T16:00+08:00');
    expectAt(addDuration(cn, start, { value: 4, unit: 'working_hours' }), '2025-10-09T11:00+08:00');
    expectAt(addDuration(cn, start, { value: 1, unit: 'working_days' }), '2025-10-09T16:00+08:00');
    expect(() => addDuration(null, start, { value: 1, unit: 'working_days' })).toThrow();
  });

  it('lists skipped and counted days', () => {
    const a = at('2025-09-30T10:00+08:00');
    const b = at('2025-10-11T10:00+08:00');
    expect(nonWorkingDaysBetween(cn, a, b)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
        date: `2025-10-${d}`,
        name: '国庆节、中秋节',
      })),
    );
    expect(makeUpDaysBetween(cn, a, b)).toEqual([{ date: '2025-10-11', name: '国庆节调休上班' }]);
    const fri = at('2025-09-26T10:00+08:00');
    const sun = at('2025-09-28T10:00+08:00');
    expect(nonWorkingDaysBetween(cn, fri, sun)).toEqual([{ date: '2025-09-27', name: '周末' }]);
    expect(makeUpDaysBetween(cn, fri, sun)).toEqual([
      { date: '2025-09-28', name: '国庆节调休上班' },
    ]);
    expect(nonWorkingDaysBetween(cn, sun, fri)).toEqual([]);
  });
});

describe('properties (2025–2026)', () => {
  const instant = fc
    .integer({
      min: Date.parse('2025-01-01T00:00:00+08:00'),
      max: Date.parse('2026-12-20T00:00:00+08:00'),
    })
    .map((t) => new Date(t));
  /** Leaves room for 10 working days before 2027, which the calendar does not know. */
  const early = fc
    .integer({
      min: Date.parse('2025-01-01T00:00:00+08:00'),
      max: Date.parse('2026-12-01T00:00:00+08:00'),
    })
    .map((t) => new Date(t));
  const budget = fc.integer({ min: 0, max: 40 * H });

  it('workingMsBetween(s, addWorkingMs(s, m)) === m', () => {
    fc.assert(
      fc.property(instant, budget, (s, m) => workingMsBetween(cn, s, addWorkingMs(cn, s, m)) === m),
      { numRuns: 200 },
    );
  });

  it('workingMsBetween(a, b) <= b − a', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const w = workingMsBetween(cn, a, b);
        return w >= 0 && w <= Math.max(0, b.getTime() - a.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('addWorkingMs is monotonic in m', () => {
    fc.assert(
      fc.property(instant, budget, budget, (s, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        return addWorkingMs(cn, s, lo).getTime() <= addWorkingMs(cn, s, hi).getTime();
      }),
      { numRuns: 200 },
    );
  });

  it('N working days hold N full days of working time', () => {
    fc.assert(
      fc.property(early, fc.integer({ min: 1, max: 10 }), (s, n) => {
        return workingMsBetween(cn, s, addWorkingDays(cn, s, n)) === n * 9 * H;
      }),
      { numRuns: 200 },
    );
  });
});
