// One clock's life as pure functions: start, warn, pause across a holiday, resume, breach, met.
// Expected instants are literals worked out by hand on the 2025 China calendar.
import { describe, expect, it } from 'vitest';
import {
  fireDue,
  meetClock,
  measureOf,
  pauseClock,
  projectedDue,
  remainingMs,
  resumeClock,
  restartClock,
  startClock,
} from '../../../src/modules/sla/clock-logic.js';
import { cnCalendar } from './cn-calendar-fixture.js';

const H = 3_600_000;
const cn = measureOf(cnCalendar());
const wall = measureOf(null);
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('a working-days clock on cn-mainland', () => {
  // Tuesday 30 September 2025 10:00 + 5 working days → Tuesday 14 October 10:00 (National Day,
  // with Saturday 11 October worked).
  const start = at('2025-09-30T10:00:00+08:00');
  const fresh = startClock(cn, start, { value: 5, unit: 'working_days' }, 0.75);

  it('starts with its due time, its warning at 75 % of the working time, and fires the warning first', () => {
    expect(fresh.budgetMs).toBe(45 * H);
    expect(iso(fresh.dueAt)).toBe('2025-10-14T02:00:00.000Z');
    // 33.75 working hours: 8 (30 Sep) + 9 (9 Oct) + 9 (10 Oct) + 7.75 (11 Oct, 调休) → 16:45 on 11 Oct.
    expect(iso(fresh.warnAt)).toBe('2025-10-11T08:45:00.000Z');
    expect(fresh.nextFireAt).toEqual(fresh.warnAt);
  });

  it('warns, then breaches, each once, and counts the overrun in working time', () => {
    const warned = fireDue(fresh, cn, at('2025-10-13T09:00:00+08:00'));
    expect(warned.events).toEqual(['warning']);
    expect(warned.clock.state).toBe('warning');
    expect(warned.clock.nextFireAt).toEqual(fresh.dueAt);
    expect(fireDue(warned.clock, cn, at('2025-10-13T09:00:00+08:00')).events).toEqual([]);
    const breached = fireDue(warned.clock, cn, at('2025-10-15T10:00:00+08:00'));
    expect(breached.events).toEqual(['breached']);
    expect(breached.clock.nextFireAt).toBeNull();
    // Tue 14 Oct 10:00 → Wed 15 Oct 10:00 is 9 working hours over.
    expect(remainingMs(breached.clock, cn, at('2025-10-15T10:00:00+08:00'))).toBe(-9 * H);
  });

  it('after downtime finds the warning and the breach in one look', () => {
    expect(fireDue(fresh, cn, at('2025-10-20T10:00:00+08:00')).events).toEqual([
      'warning',
      'breached',
    ]);
  });

  it('pauses across the holiday without using any of it, and resumes with what was left', () => {
    // Paused at 16:00 on 30 Sep (6 h used), resumed at 09:00 on Monday 13 Oct.
    const paused = pauseClock(fresh, cn, at('2025-09-30T16:00:00+08:00'));
    expect(paused).toMatchObject({
      state: 'paused',
      consumedMs: 6 * H,
      dueAt: null,
      nextFireAt: null,
    });
    expect(remainingMs(paused, cn, at('2025-10-12T12:00:00+08:00'))).toBe(39 * H);
    // Had work resumed on 9 Oct 09:00: 39 h → 9,10,11 Oct (27 h) + 13 Oct (9 h) + 3 h on 14 Oct → 12:00.
    expect(iso(projectedDue(paused, cn, at('2025-10-09T09:00:00+08:00')))).toBe(
      '2025-10-14T04:00:00.000Z',
    );
    const resumed = resumeClock(paused, cn, at('2025-10-13T09:00:00+08:00'));
    // 39 h from Monday 13 Oct 09:00: 13,14,15,16 Oct (36 h) + 3 h on Friday 17 Oct → 12:00.
    expect(resumed.state).toBe('running');
    expect(iso(resumed.dueAt)).toBe('2025-10-17T04:00:00.000Z');
    const met = meetClock(resumed, cn, at('2025-10-14T09:00:00+08:00'));
    expect(met).toMatchObject({ state: 'met', consumedMs: 15 * H, nextFireAt: null });
    expect(remainingMs(met, cn, at('2025-10-20T00:00:00Z'))).toBe(30 * H);
  });

  it('says which year is missing instead of guessing a due time', () => {
    const late = startClock(
      cn,
      at('2026-12-28T10:00:00+08:00'),
      { value: 5, unit: 'working_days' },
      0.75,
    );
    expect(late).toMatchObject({
      dueAt: null,
      nextFireAt: null,
      problem: 'calendar_year_missing:2027',
    });
  });
});

describe('a wall-clock clock', () => {
  it('counts round the clock and a restart gives the new target from now', () => {
    const c = startClock(wall, at('2025-10-01T10:00:00+08:00'), { value: 24, unit: 'hours' }, 0.75);
    expect(iso(c.dueAt)).toBe('2025-10-02T02:00:00.000Z');
    expect(iso(c.warnAt)).toBe('2025-10-01T20:00:00.000Z');
    const expedited = restartClock(c, wall, at('2025-10-01T12:00:00+08:00'), {
      value: 2,
      unit: 'hours',
    });
    expect(iso(expedited.dueAt)).toBe('2025-10-01T06:00:00.000Z');
  });
});
