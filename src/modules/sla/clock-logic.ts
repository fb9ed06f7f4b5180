// What happens to one clock when it starts, pauses, resumes, is met or is looked at: pure
// functions over the stored fields, so the lifecycle hook and the sweeper agree by construction.
// A clock measures on its calendar (working time) or, with no calendar, on the wall clock.
import type { BusinessCalendar, ClockState, SlaDuration } from '../../shared/sla.js';
import {
  addDuration,
  addWorkingMs,
  CalendarYearMissingError,
  workingMsBetween,
} from './calendar/calendar-math.js';

/** The stored fields of a clock that its arithmetic reads and writes. */
export interface ClockFields {
  target: SlaDuration;
  budgetMs: number;
  warnFraction: number | null;
  state: ClockState;
  startedAt: Date;
  runningSince: Date | null;
  consumedMs: number;
  pausedAt: Date | null;
  warnAt: Date | null;
  dueAt: Date | null;
  nextFireAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
  problem: string | null;
}

/** The measure a clock counts on: working time of a calendar, or wall time. */
export interface Measure {
  between(a: Date, b: Date): number;
  advance(from: Date, ms: number): Date;
  calendar: BusinessCalendar | null;
}

export function measureOf(calendar: BusinessCalendar | null): Measure {
  if (!calendar) {
    return {
      calendar: null,
      between: (a, b) => Math.max(0, b.getTime() - a.getTime()),
      advance: (from, ms) => new Date(from.getTime() + ms),
    };
  }
  return {
    calendar,
    between: (a, b) => workingMsBetween(calendar, a, b),
    advance: (from, ms) => addWorkingMs(calendar, from, ms),
  };
}

/** A calendar year the clock needs but nobody has loaded: the clock says so instead of guessing. */
function problemOf(err: unknown): string {
  if (err instanceof CalendarYearMissingError) return `calendar_year_missing:${err.year}`;
  throw err;
}

const STOPPED: readonly ClockState[] = ['met', 'cancelled'];

export function isStopped(c: Pick<ClockFields, 'state'>): boolean {
  return STOPPED.includes(c.state);
}

/** Recomputes warnAt, dueAt and nextFireAt of a running clock from what it has used so far. */
function schedule(c: ClockFields, m: Measure): ClockFields {
  if (!c.runningSince) return { ...c, warnAt: null, nextFireAt: null };
  try {
    const left = c.budgetMs - c.consumedMs;
    // A breached clock keeps the instant it fell due; its overrun keeps growing from there.
    const dueAt = left > 0 ? m.advance(c.runningSince, left) : (c.breachedAt ?? c.runningSince);
    const warnLeft = c.warnFraction !== null ? c.warnFraction * c.budgetMs - c.consumedMs : null;
    const warnAt =
      c.warnedAt === null && warnLeft !== null && !c.breachedAt
        ? m.advance(c.runningSince, Math.max(0, warnLeft))
        : null;
    const pending = [c.breachedAt ? null : dueAt, warnAt].filter((d): d is Date => d !== null);
    const nextFireAt =
      pending.length > 0 ? new Date(Math.min(...pending.map((d) => d.getTime()))) : null;
    return { ...c, dueAt, warnAt, nextFireAt, problem: null };
  } catch (err) {
    return { ...c, dueAt: null, warnAt: null, nextFireAt: null, problem: problemOf(err) };
  }
}

/** A new running clock. Its due time follows the target's own rule (N working days land at the same time of day). */
export function startClock(
  m: Measure,
  at: Date,
  target: SlaDuration,
  warnFraction: number | null,
): ClockFields {
  const base: ClockFields = {
    target,
    budgetMs: 0,
    warnFraction,
    state: 'running',
    startedAt: at,
    runningSince: at,
    consumedMs: 0,
    pausedAt: null,
    warnAt: null,
    dueAt: null,
    nextFireAt: null,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
    problem: null,
  };
  try {
    const due = addDuration(m.calendar, at, target);
    return schedule({ ...base, budgetMs: m.between(at, due) }, m);
  } catch (err) {
    return { ...base, problem: problemOf(err) };
  }
}

function used(c: ClockFields, m: Measure, at: Date): number {
  if (!c.runningSince) return c.consumedMs;
  try {
    return c.consumedMs + m.between(c.runningSince, at);
  } catch (err) {
    problemOf(err);
    // The year is unknown: count nothing rather than guess the holidays in it.
    return c.consumedMs;
  }
}

export function pauseClock(c: ClockFields, m: Measure, at: Date): ClockFields {
  if (isStopped(c) || !c.runningSince) return c;
  return {
    ...c,
    consumedMs: used(c, m, at),
    runningSince: null,
    pausedAt: at,
    state: 'paused',
    warnAt: null,
    dueAt: null,
    nextFireAt: null,
  };
}

function runningState(c: Pick<ClockFields, 'breachedAt' | 'warnedAt'>): ClockState {
  return c.breachedAt ? 'breached' : c.warnedAt ? 'warning' : 'running';
}

export function resumeClock(c: ClockFields, m: Measure, at: Date): ClockFields {
  if (c.state !== 'paused') return c;
  return schedule({ ...c, runningSince: at, pausedAt: null, state: runningState(c) }, m);
}

export function meetClock(c: ClockFields, m: Measure, at: Date): ClockFields {
  if (isStopped(c)) return c;
  return {
    ...c,
    consumedMs: used(c, m, at),
    runningSince: null,
    pausedAt: null,
    state: 'met',
    metAt: at,
    warnAt: null,
    nextFireAt: null,
  };
}

export function cancelClock(c: ClockFields, m: Measure, at: Date): ClockFields {
  if (isStopped(c)) return c;
  return {
    ...c,
    consumedMs: used(c, m, at),
    runningSince: null,
    state: 'cancelled',
    warnAt: null,
    nextFireAt: null,
  };
}

/** Starts the clock over from `at` (a rule timer reset by progress, a repeat's expedited target). */
export function restartClock(
  c: ClockFields,
  m: Measure,
  at: Date,
  target: SlaDuration = c.target,
): ClockFields {
  const fresh = startClock(m, at, target, c.warnFraction);
  return c.state === 'paused' ? pauseClock(fresh, m, at) : fresh;
}

/**
 * What the sweeper does at `now`: the warning and/or breach that fell due. Returns the events
 * in order (a sweeper that was down may find both at once).
 */
export function fireDue(
  c: ClockFields,
  m: Measure,
  now: Date,
): { clock: ClockFields; events: ('warning' | 'breached')[] } {
  if (isStopped(c) || !c.runningSince || !c.nextFireAt || c.nextFireAt > now) {
    return { clock: c, events: [] };
  }
  const events: ('warning' | 'breached')[] = [];
  let next = c;
  if (c.warnAt && c.warnAt <= now && !c.warnedAt) {
    events.push('warning');
    next = { ...next, warnedAt: c.warnAt, state: 'warning' };
  }
  if (c.dueAt && c.dueAt <= now && !c.breachedAt) {
    events.push('breached');
    next = { ...next, breachedAt: c.dueAt, state: 'breached' };
  }
  return { clock: schedule(next, m), events };
}

/** Working (or wall) milliseconds left at `now`; negative once overdue. */
export function remainingMs(c: ClockFields, m: Measure, now: Date): number | null {
  if (c.problem) return null;
  if (c.state === 'met' || c.state === 'cancelled') return c.budgetMs - c.consumedMs;
  if (!c.runningSince) return c.budgetMs - c.consumedMs;
  try {
    if (c.breachedAt && c.dueAt && now > c.dueAt) return -m.between(c.dueAt, now);
    return c.budgetMs - c.consumedMs - m.between(c.runningSince, now);
  } catch {
    return null;
  }
}

/** When the clock would fall due if it ran on from `at` (a paused clock's honest estimate). */
export function projectedDue(c: ClockFields, m: Measure, at: Date): Date | null {
  if (c.problem || isStopped(c)) return c.dueAt;
  if (c.runningSince) return c.dueAt;
  try {
    return m.advance(at, Math.max(0, c.budgetMs - c.consumedMs));
  } catch {
    return null;
  }
}
