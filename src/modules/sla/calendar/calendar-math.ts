// Business-calendar maths for SLA clocks: pure, no I/O. Days are walked one local date at a time
// in the calendar's zone; local wall times become instants through luxon's zone database, so DST
// is handled by the zone rules rather than by fixed offsets.
import { DateTime, IANAZone } from 'luxon';
import type {
  BusinessCalendar,
  CalendarDay,
  SlaDuration,
  WorkingInterval,
} from '../../../shared/sla.js';

/** A date in a year the calendar has no data for: refused, because holidays cannot be guessed. */
export class CalendarYearMissingError extends Error {
  readonly calendarCode: string;
  readonly year: number;
  constructor(calendarCode: string, year: number) {
    super(`Business calendar "${calendarCode}" has no holiday data for year ${year}`);
    this.name = 'CalendarYearMissingError';
    this.calendarCode = calendarCode;
    this.year = year;
  }
}

export interface Span {
  start: Date;
  end: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** ~10 years: a calendar without any working time must fail, not spin forever. */
const MAX_DAYS = 3700;

/** Date-only arithmetic in UTC: a local calendar date has no zone, so this is DST-free. */
function nextDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday, matching `week`. */
function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function minutesOf(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

function checkValid(dt: DateTime, what: string): DateTime {
  if (!dt.isValid) throw new Error(`Invalid ${what}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/**
 * Zone offsets (minutes) sampled at UTC midnight − 14 h of each date. Luxon asks Intl for each
 * offset (~5 µs), too slow to do per interval, and zone rules do not change while we run.
 */
const offsets = new Map<string, number>();

function sampledOffset(zone: IANAZone, dayMs: number): number {
  const key = `${zone.name}|${dayMs}`;
  let o = offsets.get(key);
  if (o === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    o = zone.offset(dayMs - 14 * HOUR_MS);
    offsets.set(key, o);
  }
  return o;
}

/** One lookup table per call (calendars are small), so callers may edit calendars freely. */
interface Index {
  cal: BusinessCalendar;
  zone: IANAZone;
  years: Set<number>;
  days: Map<string, CalendarDay>;
}

function indexOf(cal: BusinessCalendar): Index {
  const zone = IANAZone.create(cal.timeZone);
  if (!zone.isValid) throw new Error(`Invalid time zone: ${cal.timeZone}`);
  const days = new Map<string, CalendarDay>();
  for (const y of cal.years) for (const d of y.days) days.set(d.date, d);
  return { cal, zone, years: new Set(cal.years.map((y) => y.year)), days };
}

function localDate(ix: Index, at: Date): string {
  const t = at.getTime();
  return new Date(t + ix.zone.offset(t) * 60_000).toISOString().slice(0, 10);
}

/** The wall-clock intervals of a date, after the year check (holiday → none, 调休 → makeUpHours). */
function hoursOn(ix: Index, iso: string): WorkingInterval[] {
  const year = Number(iso.slice(0, 4));
  if (!ix.years.has(year)) throw new CalendarYearMissingError(ix.cal.code, year);
  const special = ix.days.get(iso);
  if (special?.kind === 'holiday') return [];
  if (special?.kind === 'workday') return ix.cal.makeUpHours;
  return ix.cal.week[weekdayIndex(iso)] ?? [];
}

function instant(ix: Index, iso: string, hm: string): number {
  // "24:00" is the next local midnight, which on a DST day is not start + 24 h.
  if (hm === '24:00') return instant(ix, nextDate(iso), '00:00');
  // Local date D lies within [UTC midnight − 14 h, + 36 h] for any offset (−12 h … +14 h). If the
  // offset is the same on samples spanning that window, no transition touches D: plain arithmetic.
  const day = Date.parse(`${iso}T00:00:00Z`);
  const o = sampledOffset(ix.zone, day);
  if ([1, 2, 3].every((k) => sampledOffset(ix.zone, day + k * DAY_MS) === o)) {
    return day + (minutesOf(hm) - o) * 60_000;
  }
  const dt = DateTime.fromISO(`${iso}T${hm}`, { zone: ix.zone });
  return checkValid(dt, `time ${iso} ${hm}`).toMillis();
}

function spansOn(ix: Index, iso: string): { start: number; end: number }[] {
  return [...hoursOn(ix, iso)]
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((w) => ({ start: instant(ix, iso, w.start), end: instant(ix, iso, w.end) }))
    .filter((s) => s.end > s.start);
}

/** Absolute working intervals of a local date, in order. */
export function workingIntervalsOn(cal: BusinessCalendar, isoDate: string): Span[] {
  return spansOn(indexOf(cal), isoDate).map((s) => ({
    start: new Date(s.start),
    end: new Date(s.end),
  }));
}

function tooFar(cal: BusinessCalendar): Error {
  return new Error(`Business calendar "${cal.code}" has no working time within ${MAX_DAYS} days`);
}

/** The instant when `ms` of working time has elapsed from `start`; ms = 0 returns `start`. */
export function addWorkingMs(cal: BusinessCalendar, start: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Invalid working duration: ${ms}`);
  const ix = indexOf(cal);
  let day = localDate(ix, start);
  hoursOn(ix, day); // refuse an unknown year even when nothing is added
  if (ms === 0) return new Date(start.getTime());
  const t = start.getTime();
  let left = ms;
  for (let i = 0; i < MAX_DAYS; i++, day = nextDate(day)) {
    for (const s of spansOn(ix, day)) {
      if (s.end <= t) continue;
      const from = Math.max(s.start, t);
      // `<=` so a budget ending exactly at closing time lands on the close, not next opening.
      if (left <= s.end - from) return new Date(from + left);
      left -= s.end - from;
    }
  }
  throw tooFar(cal);
}

/** Working milliseconds in [a, b). */
export function workingMsBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const ix = indexOf(cal);
  let day = localDate(ix, a);
  const last = localDate(ix, b);
  hoursOn(ix, day);
  hoursOn(ix, last);
  const ta = a.getTime();
  const tb = b.getTime();
  if (tb <= ta) return 0;
  let total = 0;
  for (let i = 0; i < MAX_DAYS; i++, day = nextDate(day)) {
    for (const s of spansOn(ix, day))
      total += Math.max(0, Math.min(s.end, tb) - Math.max(s.start, ta));
    if (day >= last) return total;
  }
  throw tooFar(cal);
}

function sumMinutes(ws: WorkingInterval[]): number {
  return ws.reduce((n, w) => n + minutesOf(w.end) - minutesOf(w.start), 0);
}

/** A nominal working day: Monday's hours (wall-clock, so DST does not change it). */
export function standardDayMs(cal: BusinessCalendar): number {
  // Monday first; a calendar that rests on Monday falls back to its first working weekday.
  const day = cal.week.find((ws) => sumMinutes(ws) > 0);
  if (!day) throw new Error(`Business calendar "${cal.code}" has no working hours in its week`);
  return sumMinutes(day) * 60_000;
}

/**
 * One working day = one full working day. Inside a working day (first opening ≤ start < last
 * close) the due time is the same wall time N working days later, clamped to that day's close;
 * otherwise it is the close of the Nth working day, counting from the next one to open.
 * A fractional part is added as that fraction of standardDayMs.
 */
export function addWorkingDays(cal: BusinessCalendar, start: Date, days: number): Date {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Invalid working days: ${days}`);
  const whole = Math.floor(days);
  const frac = days - whole;
  const ix = indexOf(cal);
  const t = start.getTime();
  let day = localDate(ix, start);
  hoursOn(ix, day);
  let at = t;
  if (whole > 0) {
    const today = spansOn(ix, day);
    const inside = today.length > 0 && today[0]!.start <= t && t < today[today.length - 1]!.end;
    const wall = DateTime.fromMillis(t, { zone: cal.timeZone });
    // Outside: today counts as day 1 if it has not opened yet, else the count starts tomorrow.
    const opensLater = !inside && today.length > 0 && t < today[0]!.start;
    let left = opensLater ? whole - 1 : whole;
    let found: { start: number; end: number }[] | null = left === 0 ? today : null;
    for (let i = 0; found === null && i < MAX_DAYS; i++) {
      day = nextDate(day);
      const spans = spansOn(ix, day);
      if (spans.length > 0 && --left === 0) found = spans;
    }
    if (found === null) throw tooFar(cal);
    const close = found[found.length - 1]!.end;
    if (inside) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const same = DateTime.fromObject(
        { year: y, month: m, day: d, hour: wall.hour, minute: wall.minute, second: wall.second },
        { zone: cal.timeZone },
      ).plus({ milliseconds: wall.millisecond });
      at = Math.min(same.toMillis(), close);
    } else {
      at = close;
    }
  }
  const result = new Date(at);
  return frac > 0 ? addWorkingMs(cal, result, frac * standardDayMs(cal)) : result;
}

/** Wall-clock hours ignore the calendar; the working units count on it. */
export function addDuration(cal: BusinessCalendar | null, start: Date, d: SlaDuration): Date {
  if (d.unit === 'hours') return new Date(start.getTime() + d.value * HOUR_MS);
  if (!cal) throw new Error(`A ${d.unit} duration needs a business calendar`);
  if (d.unit === 'working_hours') return addWorkingMs(cal, start, d.value * HOUR_MS);
  return addWorkingDays(cal, start, d.value);
}

/** The size of a duration as a budget of (working) milliseconds, e.g. for pause arithmetic. */
export function durationMs(cal: BusinessCalendar | null, d: SlaDuration): number {
  if (d.unit !== 'working_days') return d.value * HOUR_MS;
  if (!cal) throw new Error('A working_days duration needs a business calendar');
  return d.value * standardDayMs(cal);
}

export interface NamedDate {
  date: string;
  name: string;
}

/** Local dates from a's through b's that are rest days or 调休 days; none when b ≤ a. */
function walk(cal: BusinessCalendar, a: Date, b: Date) {
  const ix = indexOf(cal);
  const out: { date: string; works: boolean; special: CalendarDay | undefined }[] = [];
  if (b.getTime() <= a.getTime()) return out;
  const last = localDate(ix, b);
  let day = localDate(ix, a);
  for (let i = 0; i < MAX_DAYS && day <= last; i++, day = nextDate(day)) {
    const works = hoursOn(ix, day).length > 0;
    const special = ix.days.get(day);
    if (!works || special?.kind === 'workday') out.push({ date: day, works, special });
  }
  return out;
}

/** Days without working time between a and b: named holidays, else 周末 (a rest weekday). */
export function nonWorkingDaysBetween(cal: BusinessCalendar, a: Date, b: Date): NamedDate[] {
  return walk(cal, a, b)
    .filter((d) => !d.works)
    .map((d) => ({ date: d.date, name: d.special?.name ?? '周末' }));
}

/** 调休 make-up days between a and b that the span counted as working days. */
export function makeUpDaysBetween(cal: BusinessCalendar, a: Date, b: Date): NamedDate[] {
  return walk(cal, a, b)
    .filter((d) => d.works && d.special?.kind === 'workday')
    .map((d) => ({ date: d.date, name: d.special?.name ?? '' }));
}
