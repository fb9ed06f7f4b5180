// What a fired rule does to the case, in the sweeper's transaction (the complaint is locked).
// Every action is written so that running it on a case already in that state changes nothing;
// the firing row makes a rule run once per clock and event in any case.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { escalationAlerts, teams } from '../../server/db/schema.js';
import { SYSTEM_TAGS } from '../../shared/cases.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../shared/complaints.js';
import type { EscalationRule, ExpressTier } from '../../shared/sla.js';
import {
  appendEvent,
  lockComplaint,
  SYSTEM_ACTOR,
  updateComplaint,
  type ComplaintRow,
  type NewEvent,
} from '../complaints/index.js';

/** Tag put on a case whose tier-3 complaint was copied to the postal regulator. */
export const REGULATOR_TAG = '已抄送监管';

const system = (): Pick<NewEvent, 'actorKind' | 'actorId' | 'actorRole' | 'actorName'> => ({
  actorKind: SYSTEM_ACTOR.kind,
  actorId: null,
  actorRole: null,
  actorName: SYSTEM_ACTOR.name,
});

function withTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? [...tags] : [...tags, tag];
}

async function expertSeat(tx: Tx): Promise<{ id: string; code: string } | undefined> {
  const rows = await tx
    .select({ id: teams.id, code: teams.code, enabled: teams.enabled })
    .from(teams)
    .where(eq(teams.isExpertSeat, true));
  return rows.filter((t) => t.enabled).sort((a, b) => a.code.localeCompare(b.code))[0];
}

async function teamCode(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [t] = await tx.select({ code: teams.code }).from(teams).where(eq(teams.id, id));
  return t?.code ?? null;
}

/**
 * Applies the rule's actions; answers whether the case went back to a queue (the caller asks
 * the router to assign it after commit).
 */
export async function applyActions(
  tx: Tx,
  complaintId: string,
  rule: EscalationRule,
  clockKind: string,
  now: Date,
): Promise<boolean> {
  let row: ComplaintRow = await lockComplaint(tx, complaintId);
  // A finished case is not escalated: the clock that fell due will be stopped by its result.
  if (!OPEN_STATUSES.includes(row.status as ComplaintStatus)) return false;
  const ruleRef = { rule: rule.code, ruleName: rule.name, clock: clockKind };
  let queued = false;
  const patch: Parameters<typeof updateComplaint>[2] = {};
  let tags = row.tags;
  let priority = row.priority;

  for (const action of rule.actions) {
    switch (action.do) {
      case 'set_priority':
        priority = action.priority;
        break;
      case 'add_tag':
        tags = withTag(tags, action.tag);
        break;
      default:
        break;
    }
  }
  if (priority !== row.priority) patch.priority = priority;
  if (tags !== row.tags) patch.tags = tags;

  if (rule.actions.some((a) => a.do === 'escalate_to_expert')) {
    const seat = await expertSeat(tx);
    if (seat && row.teamId !== seat.id) {
      const fromTeam = await teamCode(tx, row.teamId);
      Object.assign(patch, {
        teamId: seat.id,
        assigneeId: null,
        assignedAt: null,
        escalatedAt: now,
        priority: 'red',
        tags: withTag(withTag(patch.tags ?? row.tags, SYSTEM_TAGS.urgent), SYSTEM_TAGS.escalated),
      });
      queued = true;
      row = await updateComplaint(tx, row.id, patch, now);
      await appendEvent(tx, row.id, {
        type: 'escalated',
        internal: true,
        ...system(),
        data: { ...ruleRef, fromTeam, toTeam: seat.code, reason: rule.name.zh },
        createdAt: now,
      });
    }
  }
  if (!queued && Object.keys(patch).length > 0) {
    const before = row;
    row = await updateComplaint(tx, row.id, patch, now);
    await appendEvent(tx, row.id, {
      type: 'tags_changed',
      internal: true,
      ...system(),
      data: {
        ...ruleRef,
        // The same shape as a person's tag change, plus the priority the rule set.
        added: row.tags.filter((x) => !before.tags.includes(x)),
        removed: [],
        ...(row.priority !== before.priority ? { priority: row.priority } : {}),
      },
      createdAt: now,
    });
  }

  for (const action of rule.actions) {
    if (action.do === 'alert_supervisors') {
      await tx.insert(escalationAlerts).values({
        complaintId: row.id,
        ruleId: rule.id,
        ruleCode: rule.code,
        ruleName: rule.name,
        createdAt: now,
      });
      await appendEvent(tx, row.id, {
        type: 'supervisors_alerted',
        internal: true,
        ...system(),
        data: ruleRef,
        createdAt: now,
      });
    }
    if (action.do === 'set_express_tier' && row.categoryCode === 'express_delivery') {
      // Tiers only climb: a late tier-2 rule never takes a tier-3 case back down.
      if ((row.expressTier ?? 1) < action.tier) {
        row = await updateComplaint(tx, row.id, { expressTier: action.tier as ExpressTier }, now);
        await appendEvent(tx, row.id, {
          type: 'express_tier',
          internal: true,
          ...system(),
          data: { ...ruleRef, tier: action.tier },
          createdAt: now,
        });
      }
    }
    if (action.do === 'copy_regulator' && !row.tags.includes(REGULATOR_TAG)) {
      row = await updateComplaint(tx, row.id, { tags: withTag(row.tags, REGULATOR_TAG) }, now);
      await appendEvent(tx, row.id, {
        type: 'regulator_copied',
        internal: true,
        ...system(),
        data: ruleRef,
        createdAt: now,
      });
    }
  }
  return queued;
}
