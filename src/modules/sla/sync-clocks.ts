// Keeps a complaint's clocks in step with its timeline. The complaints module calls this for
// every event it records, in the same transaction and under the complaint's row lock, so a clock
// can never disagree with the case it measures (and this module never imports complaints).
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { complaints, slaClocks } from '../../server/db/schema.js';
import type { RulesSnapshot } from '../../shared/complaints.js';
import type {
  ClockKind,
  ClockState,
  EscalationRule,
  SlaDuration,
  SlaPolicy,
} from '../../shared/sla.js';
import { calendarInTx } from './calendar/calendar-repository.js';
import { effectivePolicy } from './policies.js';
import { regionOf, withRegionExtra } from './policy-defaults.js';
import {
  cancelClock,
  isStopped,
  meetClock,
  measureOf,
  pauseClock,
  projectedDue,
  restartClock,
  resumeClock,
  startClock,
  type ClockFields,
  type Measure,
} from './clock-logic.js';
import { ruleMatches } from './rule-match.js';
import { enabledRulesInTx } from './fire-clock.js';

/** What the hook needs to know about the event just recorded. */
export interface ClockEvent {
  type: string;
  action: string | null;
  actorKind: string;
  internal: boolean;
  at: Date;
}

type ClockRow = typeof slaClocks.$inferSelect;
type StoredKind = ClockKind | 'rule';

const SLA_KINDS: readonly ClockKind[] = ['first_response', 'resolution', 'hard_max'];

/** Staff events that answer the complainant (the first response). */
function isResponse(ev: ClockEvent): boolean {
  if (ev.type === 'reply' && !ev.internal) return true;
  if (['materials_requested', 'call', 'merchant_transfer', 'external_transfer'].includes(ev.type))
    return true;
  return ev.type === 'transition' && ['resolve', 'reject', 'transfer'].includes(ev.action ?? '');
}

/** Staff events that move the case on (the "no progress for N working days" rule). */
const NOT_PROGRESS = new Set(['pii_revealed', 'assigned', 'reassigned', 'tags_changed', 'flagged']);

function isStaff(ev: ClockEvent): boolean {
  return ev.actorKind === 'staff' || ev.actorKind === 'token';
}

/** Awaiting the complainant's materials, or with an external platform: the clock waits too. */
function shouldPause(status: string, merchantPhase: string | null): boolean {
  return status === 'awaiting_materials' || (status === 'transferred' && merchantPhase === null);
}

interface Loaded {
  row: ClockRow;
  fields: ClockFields;
  dirty: boolean;
}

function fieldsOf(r: ClockRow): ClockFields {
  return {
    target: r.target,
    budgetMs: r.budgetMs,
    warnFraction: r.warnFraction,
    state: r.state as ClockState,
    startedAt: r.startedAt,
    runningSince: r.runningSince,
    consumedMs: r.consumedMs,
    pausedAt: r.pausedAt,
    warnAt: r.warnAt,
    dueAt: r.dueAt,
    nextFireAt: r.nextFireAt,
    warnedAt: r.warnedAt,
    breachedAt: r.breachedAt,
    metAt: r.metAt,
    problem: r.problem,
  };
}

class CalendarCache {
  constructor(private readonly tx: Tx) {}
  async measure(code: string | null): Promise<Measure> {
    return measureOf(code === null ? null : await calendarInTx(this.tx, code));
  }
}

/** A target's clock measure: wall hours count round the clock, the rest on the policy calendar. */
function calendarFor(target: SlaDuration, calendarCode: string): string | null {
  return target.unit === 'hours' ? null : calendarCode;
}

/**
 * What the system records about the case without moving it (the sweeper's own warnings and
 * escalations, the complainant's press or rating): no clock can change, so nothing is read.
 */
const NEUTRAL = new Set([
  'sla_warning',
  'sla_breached',
  'escalated',
  'supervisors_alerted',
  'express_tier',
  'regulator_copied',
  'tags_changed',
  'pressed',
  'rated',
  'pii_revealed',
  'flagged',
]);

export async function syncClocks(tx: Tx, complaintId: string, ev: ClockEvent): Promise<void> {
  if (!isStaff(ev) && ev.action === null && NEUTRAL.has(ev.type)) return;
  const [c] = await tx
    .select({
      status: complaints.status,
      merchantPhase: complaints.merchantPhase,
      slaPolicy: complaints.slaPolicy,
      rules: complaints.rules,
      fields: complaints.fields,
      priority: complaints.priority,
      expressTier: complaints.expressTier,
    })
    .from(complaints)
    .where(eq(complaints.id, complaintId));
  if (!c) return;
  const cache = new CalendarCache(tx);
  if (ev.action === 'accept') {
    await startCase(tx, complaintId, c, cache, ev.at);
    return;
  }
  if (!c.slaPolicy) return; // accepted before clocks existed, or not accepted yet
  const rows = await tx
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.complaintId, complaintId))
    .orderBy(asc(slaClocks.id));
  const clocks: Loaded[] = rows.map((row) => ({ row, fields: fieldsOf(row), dirty: false }));
  const cycle = Math.max(0, ...rows.map((r) => r.cycle));
  const update = async (l: Loaded, f: (c: ClockFields, m: Measure) => ClockFields) => {
    const next = f(l.fields, await cache.measure(l.row.calendarCode));
    if (next !== l.fields) {
      l.fields = next;
      l.dirty = true;
    }
  };
  const rules = await enabledRulesInTx(tx);
  const ruleOf = (l: Loaded) => rules.find((r) => r.id === l.row.ruleId);
  const current = clocks.filter((l) => l.row.cycle === cycle);
  const patch: Partial<typeof complaints.$inferInsert> = {};

  if (isStaff(ev) && isResponse(ev)) {
    for (const l of clocks.filter((l) => l.row.kind === 'first_response'))
      await update(l, (f, m) => meetClock(f, m, ev.at));
    for (const l of current.filter((l) => l.row.kind === 'rule')) {
      const rule = ruleOf(l);
      if (rule?.condition.trigger === 'elapsed' && rule.condition.untilTreated)
        await update(l, (f, m) => cancelClock(f, m, ev.at));
    }
  }
  if (isStaff(ev) && !NOT_PROGRESS.has(ev.type)) {
    patch.lastProgressAt = ev.at;
    for (const l of current.filter((l) => l.row.kind === 'rule' && !isStopped(l.fields))) {
      const rule = ruleOf(l);
      if (rule?.condition.trigger === 'elapsed' && rule.condition.since === 'last_progress')
        await update(l, (f, m) => restartClock(f, m, ev.at));
    }
  }
  if (ev.action === 'resolve' || ev.action === 'reject') {
    for (const l of current) await update(l, (f, m) => meetClock(f, m, ev.at));
  }
  if (ev.action === 'close') {
    for (const l of clocks) await update(l, (f, m) => cancelClock(f, m, ev.at));
  }
  if (ev.type === 'repeat_filing' && c.slaPolicy.repeatTarget) {
    const target = c.slaPolicy.repeatTarget;
    for (const l of current.filter((l) => l.row.kind === 'resolution' && !isStopped(l.fields))) {
      const m = await cache.measure(calendarFor(target, c.slaPolicy.calendarCode));
      const expedited = restartClock(l.fields, m, ev.at, target);
      // Only ever sooner: a repeat never gives the handler more time than the first filing did.
      if (expedited.dueAt && (!l.fields.dueAt || expedited.dueAt < l.fields.dueAt)) {
        l.fields = expedited;
        l.row = { ...l.row, calendarCode: calendarFor(target, c.slaPolicy.calendarCode) };
        l.dirty = true;
      }
    }
  }

  const inserts: NewClock[] = [];
  if (ev.action === 'appeal') {
    inserts.push(
      ...(await caseClocks(complaintId, c, c.slaPolicy, rules, cache, ev.at, cycle + 1, [
        'resolution',
        'hard_max',
      ])),
    );
  }
  const pause = shouldPause(c.status, c.merchantPhase);
  for (const l of clocks.filter((l) => l.row.pausable)) {
    await update(l, (f, m) => (pause ? pauseClock(f, m, ev.at) : resumeClock(f, m, ev.at)));
  }

  for (const l of clocks.filter((l) => l.dirty)) {
    await tx
      .update(slaClocks)
      .set({ ...l.fields, calendarCode: l.row.calendarCode, updatedAt: ev.at })
      .where(eq(slaClocks.id, l.row.id));
  }
  if (inserts.length > 0) await tx.insert(slaClocks).values(inserts);
  await refreshHeadline(tx, complaintId, cache, ev.at, patch);
}

type NewClock = typeof slaClocks.$inferInsert;

interface CaseFacts {
  status: string;
  merchantPhase: string | null;
  rules: RulesSnapshot;
  fields: Record<string, string>;
  priority: string;
}

/** The clocks of one round: SLA targets (with the region's extra days) and elapsed-rule timers. */
async function caseClocks(
  complaintId: string,
  c: CaseFacts,
  policy: SlaPolicy,
  rules: EscalationRule[],
  cache: CalendarCache,
  at: Date,
  cycle: number,
  kinds: readonly ClockKind[],
): Promise<NewClock[]> {
  const region = regionOf(policy.regionExtras, c.fields.country);
  const out: NewClock[] = [];
  const add = async (
    kind: StoredKind,
    target: SlaDuration,
    warnFraction: number | null,
    ruleId: string | null,
  ) => {
    const calendarCode = calendarFor(target, policy.calendarCode);
    const f = startClock(await cache.measure(calendarCode), at, target, warnFraction);
    out.push({ ...f, complaintId, kind, ruleId, cycle, calendarCode, updatedAt: at });
  };
  for (const kind of kinds) {
    const raw =
      kind === 'first_response'
        ? policy.firstResponse
        : kind === 'resolution'
          ? policy.resolution
          : policy.hardMax;
    if (!raw) continue;
    const target = kind === 'first_response' ? raw : withRegionExtra(raw, region);
    await add(kind, target, policy.warnFraction, null);
  }
  for (const rule of rules) {
    if (rule.condition.trigger !== 'elapsed' || !ruleMatches(rule, c)) continue;
    // "Untreated" waits only for the first response, which an appeal's round does not have.
    if (cycle > 0 && rule.condition.untilTreated) continue;
    await add('rule', rule.condition.after, null, rule.id);
  }
  return out;
}

async function startCase(
  tx: Tx,
  complaintId: string,
  c: CaseFacts & { expressTier: number | null },
  cache: CalendarCache,
  at: Date,
) {
  const policy = await effectivePolicy(tx, c.rules.categoryCode, c.rules.typeCode, c.rules.sla);
  const rules = await enabledRulesInTx(tx);
  const clocks = await caseClocks(complaintId, c, policy, rules, cache, at, 0, SLA_KINDS);
  if (clocks.length > 0) await tx.insert(slaClocks).values(clocks).onConflictDoNothing();
  await refreshHeadline(tx, complaintId, cache, at, {
    slaPolicy: policy,
    lastProgressAt: at,
    // Express complaints start at tier 1 (the local outlet) and climb from there.
    ...(c.rules.categoryCode === 'express_delivery' && c.expressTier === null
      ? { expressTier: 1 }
      : {}),
  });
}

/**
 * The complaint's headline clock (the SLA clock, not a rule timer, that is neither met nor
 * cancelled and falls due first; else the last resolution clock) and the complainant's estimated
 * completion: the resolution clock's due time, or — while paused — when it would fall due if
 * work resumed now.
 */
export async function refreshHeadline(
  tx: Tx,
  complaintId: string,
  cache: CalendarCache | null,
  at: Date,
  patch: Partial<typeof complaints.$inferInsert> = {},
): Promise<void> {
  const cals = cache ?? new CalendarCache(tx);
  const rows = await tx
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.complaintId, complaintId))
    .orderBy(asc(slaClocks.cycle), asc(slaClocks.id));
  const sla = rows.filter((r) => r.kind !== 'rule');
  const live = sla.filter((r) => r.state !== 'met' && r.state !== 'cancelled');
  const rank = (r: ClockRow) => (r.dueAt ? r.dueAt.getTime() : Number.MAX_SAFE_INTEGER);
  const headline =
    [...live].sort((a, b) => rank(a) - rank(b))[0] ??
    sla.filter((r) => r.kind === 'resolution').at(-1) ??
    null;
  const resolution = sla.filter((r) => r.kind === 'resolution').at(-1) ?? null;
  let estimate: Date | null = null;
  if (resolution && !['met', 'cancelled'].includes(resolution.state)) {
    estimate = projectedDue(fieldsOf(resolution), await cals.measure(resolution.calendarCode), at);
  }
  if (resolution?.state === 'met') estimate = resolution.metAt;
  await tx
    .update(complaints)
    .set({
      ...patch,
      slaState: headline?.state ?? null,
      slaDueAt: headline?.dueAt ?? null,
      ...(rows.length > 0 || patch.slaPolicy ? { estimatedCompletionAt: estimate } : {}),
    })
    .where(eq(complaints.id, complaintId));
}

export { CalendarCache };
