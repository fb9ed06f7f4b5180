// The sweeper's view of one claimed clock: what fell due, stored back at once, and which rules
// that calls for. Kept here so the escalation module needs no clock arithmetic of its own.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { escalationRules, slaClocks } from '../../server/db/schema.js';
import type { RulesSnapshot } from '../../shared/complaints.js';
import type { EscalationRule } from '../../shared/sla.js';
import { findCalendar } from './calendar/calendar-repository.js';
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
  const cal = clock.calendarCode ? await findCalendar(tx, clock.calendarCode) : null;
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

/** The enabled rules a clock's warning or breach (or a rule timer running out) calls for. */
export async function rulesFor(
  tx: Tx,
  clock: Pick<StoredClock, 'kind' | 'ruleId'>,
  event: 'warning' | 'breached',
  c: { rules: RulesSnapshot; priority: string },
): Promise<EscalationRule[]> {
  if (clock.kind === 'rule') {
    if (!clock.ruleId) return [];
    const rows = await tx
      .select()
      .from(escalationRules)
      .where(and(eq(escalationRules.id, clock.ruleId), eq(escalationRules.enabled, true)));
    return rows.map(toRule);
  }
  const rows = await tx
    .select()
    .from(escalationRules)
    .where(eq(escalationRules.enabled, true))
    .orderBy(asc(escalationRules.position));
  return rows
    .map(toRule)
    .filter(
      (r) =>
        r.condition.trigger === 'clock' &&
        r.condition.clock === clock.kind &&
        r.condition.state === event &&
        ruleMatches(r, c),
    );
}
