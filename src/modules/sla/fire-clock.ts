// The sweeper's view of one claimed clock: what fell due, stored back at once, and which rules
// that calls for. Kept here so the escalation module needs no clock arithmetic of its own.
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { escalationRules, slaClocks } from '../../server/db/schema.js';
import type { RulesSnapshot } from '../../shared/complaints.js';
import type { EscalationRule } from '../../shared/sla.js';
import { calendarInTx } from './calendar/calendar-repository.js';
import { fireDue, measureOf, type ClockFields } from './clock-logic.js';
import { ruleMatches } from './rule-match.js';

export interface StoredClock {
  id: number;
  complaintId: string;
  kind: string;
  ruleId: string | null;
  cycle: number;
  calendarCode: string | null;
  fields: ClockFields;
}

export async function fireClock(
  tx: Tx,
  clock: StoredClock,
  now: Date,
): Promise<{ clock: ClockFields; events: ('warning' | 'breached')[] }> {
  const cal = clock.calendarCode ? await calendarInTx(tx, clock.calendarCode) : null;
  const fired = fireDue(clock.fields, measureOf(cal), now);
  // Nothing to do yet a due time in the past (a stopped clock, say): clear it, or the sweeper
  // would claim the same row for ever.
  const next =
    fired.events.length === 0 && clock.fields.nextFireAt && clock.fields.nextFireAt <= now
      ? { ...fired.clock, nextFireAt: null }
      : fired.clock;
  // A rule timer has no warning; at its due time it has simply run out.
  const stored =
    clock.kind === 'rule' && fired.events.length > 0 ? { ...next, nextFireAt: null } : next;
  await tx
    .update(slaClocks)
    .set({ ...stored, updatedAt: now })
    .where(eq(slaClocks.id, clock.id));
  return { clock: stored, events: fired.events };
}

function toRule(r: typeof escalationRules.$inferSelect): EscalationRule {
  return { ...r, updatedAt: r.updatedAt.toISOString() };
}

const rulesPerTx = new WeakMap<object, Promise<EscalationRule[]>>();

/** The enabled rules in order, read once per transaction (rules change in their own). */
export function enabledRulesInTx(tx: Tx): Promise<EscalationRule[]> {
  let rules = rulesPerTx.get(tx);
  if (!rules) {
    rules = tx
      .select()
      .from(escalationRules)
      .where(eq(escalationRules.enabled, true))
      .orderBy(asc(escalationRules.position))
      .then((rows) => rows.map(toRule));
    rulesPerTx.set(tx, rules);
  }
  return rules;
}

/** The enabled rules a clock's warning or breach (or a rule timer running out) calls for. */
export async function rulesFor(
  tx: Tx,
  clock: Pick<StoredClock, 'kind' | 'ruleId'>,
  event: 'warning' | 'breached',
  c: { rules: RulesSnapshot; priority: string },
): Promise<EscalationRule[]> {
  const rules = await enabledRulesInTx(tx);
  if (clock.kind === 'rule') return rules.filter((r) => r.id === clock.ruleId);
  return rules.filter(
    (r) =>
      r.condition.trigger === 'clock' &&
      r.condition.clock === clock.kind &&
      r.condition.state === event &&
      ruleMatches(r, c),
  );
}
