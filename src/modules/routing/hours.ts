// Working hours and absence on China time (Asia/Shanghai is UTC+8 all year: no DST), as pure
// functions so the assigner's "who is working now" has literal tests.
import type { WorkingHours } from '../../shared/cases.js';

const CHINA_OFFSET_MS = 8 * 3600_000;
export const HM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after midnight for 'HH:MM', or null when it is not a valid time. */
export function parseHm(hm: string): number | null {
  if (!HM_PATTERN.test(hm)) return null;
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/** ISO weekday (1 = Monday … 7 = Sunday) and minute of the day, in China. */
export function chinaWeekTime(now: Date): { day: number; minute: number } {
  const c = new Date(now.getTime() + CHINA_OFFSET_MS);
  const d = c.getUTCDay();
  return { day: d === 0 ? 7 : d, minute: c.getUTCHours() * 60 + c.getUTCMinutes() };
}

/**
 * Away now: from `absentFrom` (or already, when null) until `absentUntil` (or until further
 * notice, when null). Both null: not absent.
 */
export function isAbsent(absentFrom: Date | null, absentUntil: Date | null, now: Date): boolean {
  if (!absentFrom && !absentUntil) return false;
  const started = !absentFrom || absentFrom.getTime() <= now.getTime();
  const notOver = !absentUntil || now.getTime() < absentUntil.getTime();
  return started && notOver;
}

/**
 * Whether the shift covers `now`. A shift belongs to the day it starts on: 22:00–06:00 on Friday
 * covers Friday 22:00 to Saturday 06:00. Start equal to end is a 24-hour shift from the start.
 */
export function isOnShift(hours: WorkingHours, now: Date): boolean {
  if (hours.alwaysOn) return true;
  const start = parseHm(hours.start);
  const end = parseHm(hours.end);
  if (start === null || end === null) return false;
  const { day, minute } = chinaWeekTime(now);
  const works = (d: number) => hours.days.includes(d);
  if (start < end) return works(day) && minute >= start && minute < end;
  const yesterday = day === 1 ? 7 : day - 1;
  return (works(day) && minute >= start) || (works(yesterday) && minute < end);
}

/** The assigner's test: on shift and not away. */
export function isWorkingNow(
  hours: WorkingHours,
  absentFrom: Date | null,
  absentUntil: Date | null,
  now: Date,
): boolean {
  return !isAbsent(absentFrom, absentUntil, now) && isOnShift(hours, now);
}
