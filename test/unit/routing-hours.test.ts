// Working hours and absence on China time (UTC+8, no DST), with literal instants.
import { describe, expect, it } from 'vitest';
import {
  chinaWeekTime,
  isAbsent,
  isOnShift,
  isWorkingNow,
  parseHm,
} from '../../src/modules/routing/index.js';
import type { WorkingHours } from '../../src/shared/cases.js';

const office: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  alwaysOn: false,
};
const night: WorkingHours = { days: [5], start: '22:00', end: '06:00', alwaysOn: false };
const at = (iso: string) => new Date(iso);

describe('parseHm', () => {
  it('reads HH:MM as minutes after midnight', () => {
    expect(parseHm('00:00')).toBe(0);
    expect(parseHm('09:30')).toBe(570);
    expect(parseHm('23:59')).toBe(1439);
  });
  it('refuses anything else', () => {
    for (const bad of ['24:00', '9:00', '09:60', '0900', '09:00:00', '', 'ab:cd']) {
      expect(parseHm(bad), bad).toBeNull();
    }
  });
});

describe('chinaWeekTime', () => {
  it('is UTC+8: Monday 02:00 UTC is Monday 10:00 in China', () => {
    expect(chinaWeekTime(at('2026-11-23T02:00:00Z'))).toEqual({ day: 1, minute: 600 });
  });
  it('crosses the date line at 16:00 UTC: Sunday 16:00 UTC is Monday 00:00 in China', () => {
    expect(chinaWeekTime(at('2026-11-22T15:59:00Z'))).toEqual({ day: 7, minute: 1439 });
    expect(chinaWeekTime(at('2026-11-22T16:00:00Z'))).toEqual({ day: 1, minute: 0 });
  });
  it('has no summer time: July is also UTC+8', () => {
    expect(chinaWeekTime(at('2026-07-06T01:00:00Z'))).toEqual({ day: 1, minute: 540 });
  });
});

describe('isOnShift', () => {
  it('office hours: start inclusive, end exclusive, weekdays only', () => {
    expect(isOnShift(office, at('2026-11-23T00:59:00Z'))).toBe(false); // Mon 08:59
    expect(isOnShift(office, at('2026-11-23T01:00:00Z'))).toBe(true); // Mon 09:00
    expect(isOnShift(office, at('2026-11-23T09:59:00Z'))).toBe(true); // Mon 17:59
    expect(isOnShift(office, at('2026-11-23T10:00:00Z'))).toBe(false); // Mon 18:00
    expect(isOnShift(office, at('2026-11-28T02:00:00Z'))).toBe(false); // Sat 10:00
  });

  it('a night shift belongs to the day it starts: Friday 22:00 to Saturday 06:00', () => {
    expect(isOnShift(night, at('2026-11-27T13:59:00Z'))).toBe(false); // Fri 21:59
    expect(isOnShift(night, at('2026-11-27T14:00:00Z'))).toBe(true); // Fri 22:00
    expect(isOnShift(night, at('2026-11-27T16:30:00Z'))).toBe(true); // Sat 00:30
    expect(isOnShift(night, at('2026-11-27T21:59:00Z'))).toBe(true); // Sat 05:59
    expect(isOnShift(night, at('2026-11-27T22:00:00Z'))).toBe(false); // Sat 06:00
    expect(isOnShift(night, at('2026-11-26T16:30:00Z'))).toBe(false); // Fri 00:30 (Thu off)
    expect(isOnShift(night, at('2026-11-28T14:00:00Z'))).toBe(false); // Sat 22:00
  });

  it('a Sunday night shift runs into Monday morning', () => {
    const sunday: WorkingHours = { days: [7], start: '20:00', end: '02:00', alwaysOn: false };
    expect(isOnShift(sunday, at('2026-11-22T17:00:00Z'))).toBe(true); // Mon 01:00
    expect(isOnShift(sunday, at('2026-11-22T18:00:00Z'))).toBe(false); // Mon 02:00
  });

  it('start equal to end is a 24-hour shift from the start', () => {
    const day: WorkingHours = { days: [3], start: '08:00', end: '08:00', alwaysOn: false };
    expect(isOnShift(day, at('2026-11-24T23:59:00Z'))).toBe(false); // Wed 07:59
    expect(isOnShift(day, at('2026-11-25T00:00:00Z'))).toBe(true); // Wed 08:00
    expect(isOnShift(day, at('2026-11-25T23:59:00Z'))).toBe(true); // Thu 07:59
    expect(isOnShift(day, at('2026-11-26T00:00:00Z'))).toBe(false); // Thu 08:00
  });

  it('always on ignores days and hours; no days means never', () => {
    expect(isOnShift({ ...office, days: [], alwaysOn: true }, at('2026-11-28T18:00:00Z'))).toBe(
      true,
    );
    expect(isOnShift({ ...office, days: [] }, at('2026-11-23T02:00:00Z'))).toBe(false);
  });
});

describe('isAbsent', () => {
  const from = at('2026-11-23T00:00:00Z');
  const until = at('2026-11-25T00:00:00Z');
  it('is absent from the start (inclusive) to the end (exclusive)', () => {
    expect(isAbsent(from, until, at('2026-11-22T23:59:59Z'))).toBe(false);
    expect(isAbsent(from, until, from)).toBe(true);
    expect(isAbsent(from, until, at('2026-11-24T23:59:59Z'))).toBe(true);
    expect(isAbsent(from, until, until)).toBe(false);
  });
  it('an open end means until further notice; an open start means already away', () => {
    expect(isAbsent(from, null, at('2030-01-01T00:00:00Z'))).toBe(true);
    expect(isAbsent(null, until, at('2020-01-01T00:00:00Z'))).toBe(true);
    expect(isAbsent(null, until, until)).toBe(false);
    expect(isAbsent(null, null, from)).toBe(false);
  });
});

describe('isWorkingNow', () => {
  it('needs both: on shift and not away', () => {
    const monday10 = at('2026-11-23T02:00:00Z');
    expect(isWorkingNow(office, null, null, monday10)).toBe(true);
    expect(isWorkingNow(office, at('2026-11-23T01:00:00Z'), null, monday10)).toBe(false);
    expect(isWorkingNow(office, null, at('2026-11-23T02:00:00Z'), monday10)).toBe(true);
    expect(isWorkingNow(office, null, null, at('2026-11-23T12:00:00Z'))).toBe(false); // 20:00
    const always = { ...office, alwaysOn: true };
    expect(isWorkingNow(always, null, null, at('2026-11-23T12:00:00Z'))).toBe(true);
    expect(isWorkingNow(always, null, at('2026-11-24T00:00:00Z'), monday10)).toBe(false);
  });
});
