// The SLA sweeper: finds clocks whose next instant (warning or due) has come, by the partial
// index on next_fire_at, so a sweep costs what is due and not what is open. Any number of
// workers may sweep at once: each claims its batch with FOR UPDATE SKIP LOCKED on the clock and
// its complaint (never waiting, so never deadlocking with a lifecycle change that holds the
// complaint), and a rule fires at most once per clock and event because its escalation_firings
// row is inserted first and the actions run only if that insert happened.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../server/db/client.js';
import { escalationFirings, slaClocks } from '../../server/db/schema.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { ClockState, SlaDuration } from '../../shared/sla.js';
import { appendEvent, lockComplaint, SYSTEM_ACTOR } from '../complaints/index.js';
import { fireClock, refreshHeadline, rulesFor, type StoredClock } from '../sla/index.js';
import { applyActions } from './actions.js';

export interface SweepDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}

export interface SweepResult {
  /** Clocks looked at. */
  clocks: number;
  /** Warnings and breaches recorded. */
  events: number;
  /** Rules whose actions ran. */
  fired: number;
  /** Batches (transactions) used. */
  batches: number;
}

type ClaimedRow = {
  id: string;
  complaint_id: string;
  kind: string;
  rule_id: string | null;
  cycle: number;
  calendar_code: string | null;
  target: SlaDuration;
  budget_ms: string;
  warn_fraction: number | null;
  state: string;
  started_at: Date | string;
  running_since: Date | string | null;
  consumed_ms: string;
  paused_at: Date | string | null;
  warn_at: Date | string | null;
  due_at: Date | string | null;
  next_fire_at: Date | string | null;
  warned_at: Date | string | null;
  breached_at: Date | string | null;
  met_at: Date | string | null;
  problem: string | null;
};

// Raw SQL rows bring timestamps as the driver gives them (text here); the clock maths wants Dates.
const at = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const at0 = (v: Date | string): Date => new Date(v);

function storedOf(r: ClaimedRow): StoredClock {
  return {
    id: Number(r.id),
    complaintId: r.complaint_id,
    kind: r.kind,
    ruleId: r.rule_id,
    cycle: r.cycle,
    calendarCode: r.calendar_code,
    fields: {
      target: r.target,
      budgetMs: Number(r.budget_ms),
      warnFraction: r.warn_fraction,
      state: r.state as ClockState,
      startedAt: at0(r.started_at),
      runningSince: at(r.running_since),
      consumedMs: Number(r.consumed_ms),
      pausedAt: at(r.paused_at),
      warnAt: at(r.warn_at),
      dueAt: at(r.due_at),
      nextFireAt: at(r.next_fire_at),
      warnedAt: at(r.warned_at),
      breachedAt: at(r.breached_at),
      metAt: at(r.met_at),
      problem: r.problem,
    },
  };
}

/** Claims up to `limit` due clocks, oldest due first, skipping any another worker holds. */
export async function claimDue(tx: Tx, now: Date, limit: number): Promise<StoredClock[]> {
  const r = await tx.execute<ClaimedRow>(sql`
    SELECT k.* FROM ${slaClocks} k
    JOIN complaints c ON c.id = k.complaint_id
    WHERE k.next_fire_at IS NOT NULL AND k.next_fire_at <= ${now}
    ORDER BY k.next_fire_at
    LIMIT ${limit}
    FOR UPDATE OF k, c SKIP LOCKED`);
  return r.rows.map(storedOf);
}

/** The firing's key: an SLA clock's warning/breach, or one run of a rule timer (reset by progress). */
function firingEvent(clock: StoredClock, event: 'warning' | 'breached'): string {
  if (clock.kind !== 'rule') return event;
  return `due@${clock.fields.startedAt.toISOString()}`;
}

async function sweepBatch(deps: SweepDeps, limit: number, out: SweepResult): Promise<number> {
  const now = deps.clock.now();
  let moved = false;
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await claimDue(tx, now, limit);
    for (const clock of due) {
      const fired = await fireClock(tx, clock, now);
      if (fired.events.length === 0) continue;
      const row = await lockComplaint(tx, clock.complaintId);
      for (const event of fired.events) {
        out.events++;
        if (clock.kind !== 'rule') {
          await appendEvent(tx, clock.complaintId, {
            type: event === 'warning' ? 'sla_warning' : 'sla_breached',
            internal: true,
            actorKind: SYSTEM_ACTOR.kind,
            actorId: null,
            actorRole: null,
            actorName: SYSTEM_ACTOR.name,
            data: {
              clock: clock.kind,
              dueAt: fired.clock.dueAt?.toISOString() ?? null,
              cycle: clock.cycle,
            },
            createdAt: now,
          });
        }
        for (const rule of await rulesFor(tx, clock, event, row)) {
          const inserted = await tx
            .insert(escalationFirings)
            .values({
              clockId: clock.id,
              ruleId: rule.id,
              event: firingEvent(clock, event),
              firedAt: now,
            })
            .onConflictDoNothing()
            .returning({ clockId: escalationFirings.clockId });
          if (inserted.length === 0) continue;
          out.fired++;
          if (await applyActions(tx, clock.complaintId, rule, clock.kind, now)) moved = true;
        }
      }
      await refreshHeadline(tx, clock.complaintId, null, now);
    }
    return due.length;
  });
  out.clocks += claimed;
  out.batches++;
  // An escalation to the expert seat queued the case: assign it now rather than at the next tick.
  if (moved) await deps.hooks.queueChanged();
  return claimed;
}

/**
 * Sweeps everything due now, in due order, in batches of `batch` clocks per transaction, and
 * stops after `maxBatches` (the next run carries on). After downtime this is the catch-up.
 */
export async function sweepClocks(
  deps: SweepDeps,
  opts: { batch?: number; maxBatches?: number } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? 200;
  const maxBatches = opts.maxBatches ?? 50;
  const out: SweepResult = { clocks: 0, events: 0, fired: 0, batches: 0 };
  for (let i = 0; i < maxBatches; i++) {
    // Stop only on an empty claim: a short batch may just mean another sweeper held some due
    // clocks (SKIP LOCKED), or held their complaint, and those are free again by now.
    const n = await sweepBatch(deps, batch, out);
    if (n === 0) break;
  }
  return out;
}
