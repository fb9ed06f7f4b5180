// Clocks as the console shows them: colour, state and remaining working time at `now`.
import { and, asc, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { slaClocks } from '../../server/db/schema.js';
import {
  CLOCK_COLOUR,
  type BusinessCalendar,
  type ClockKind,
  type ClockState,
  type ClockView,
  type ComplaintSla,
  type SlaBadge,
} from '../../shared/sla.js';
import { findCalendar } from './calendar/calendar-repository.js';
import { measureOf, remainingMs, type ClockFields } from './clock-logic.js';

type ClockRow = typeof slaClocks.$inferSelect;

function viewOf(r: ClockRow, cal: BusinessCalendar | null, now: Date): ClockView {
  const state = r.state as ClockState;
  const f: ClockFields = { ...r, state };
  return {
    kind: r.kind as ClockKind,
    state,
    colour: CLOCK_COLOUR[state],
    target: r.target,
    calendarCode: r.calendarCode,
    startedAt: r.startedAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    warnAt: r.warnAt?.toISOString() ?? null,
    remainingMs: remainingMs(f, measureOf(cal), now),
    pausedSince: r.pausedAt?.toISOString() ?? null,
    metAt: r.metAt?.toISOString() ?? null,
    breachedAt: r.breachedAt?.toISOString() ?? null,
    problem: r.problem,
  };
}

function headlineOf(views: ClockView[]): ClockView | null {
  const live = views.filter((v) => v.state !== 'met' && v.state !== 'cancelled');
  const due = (v: ClockView) => (v.dueAt ? Date.parse(v.dueAt) : Number.MAX_SAFE_INTEGER);
  return (
    live.sort((a, b) => due(a) - due(b))[0] ??
    views.filter((v) => v.kind === 'resolution').at(-1) ??
    null
  );
}

/** Every SLA clock (not rule timers) of the given complaints, newest round last. */
export async function clocksOf(
  db: Queryable,
  complaintIds: string[],
  now: Date,
): Promise<Map<string, ComplaintSla>> {
  const out = new Map<string, ComplaintSla>();
  if (complaintIds.length === 0) return out;
  const rows = await db
    .select()
    .from(slaClocks)
    .where(and(inArray(slaClocks.complaintId, complaintIds), ne(slaClocks.kind, 'rule')))
    .orderBy(asc(slaClocks.cycle), asc(slaClocks.id));
  const cals = new Map<string, BusinessCalendar | null>();
  for (const code of new Set(rows.map((r) => r.calendarCode))) {
    if (code !== null) cals.set(code, await findCalendar(db, code));
  }
  const by = new Map<string, ClockView[]>();
  for (const r of rows) {
    const cal = r.calendarCode ? (cals.get(r.calendarCode) ?? null) : null;
    const list = by.get(r.complaintId) ?? [];
    // Only the latest round of each kind is shown (an appeal's round replaces the first).
    const view = viewOf(r, cal, now);
    const i = list.findIndex((v) => v.kind === view.kind);
    if (i >= 0) list[i] = view;
    else list.push(view);
    by.set(r.complaintId, list);
  }
  for (const [id, clocks] of by) {
    const headline = headlineOf([...clocks]);
    out.set(id, {
      state: headline?.state ?? null,
      colour: headline?.colour ?? null,
      headline,
      clocks,
    });
  }
  return out;
}

export function badgeOf(sla: ComplaintSla | undefined): SlaBadge | null {
  const h = sla?.headline;
  if (!h) return null;
  return {
    kind: h.kind,
    state: h.state,
    colour: h.colour,
    dueAt: h.dueAt,
    remainingMs: h.remainingMs,
  };
}
