// Supervisors' escalation alerts (升级提醒) and the second team they may ask to assist (跨部门协查).
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import {
  complaintAssistTeams,
  complaints,
  escalationAlerts,
  teams,
  users,
} from '../../server/db/schema.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { TeamHead } from '../../shared/cases.js';
import type { EscalationAlert } from '../../shared/sla.js';
import {
  actorOf,
  appendEvent,
  findComplaintByNumber,
  lockComplaint,
  parseNumber,
} from '../complaints/index.js';

const LIST_LIMIT = 200;

async function assistTeams(db: Db, complaintIds: string[]): Promise<Map<string, TeamHead[]>> {
  const out = new Map<string, TeamHead[]>();
  if (complaintIds.length === 0) return out;
  const rows = await db
    .select({ complaintId: complaintAssistTeams.complaintId, code: teams.code, name: teams.name })
    .from(complaintAssistTeams)
    .innerJoin(teams, eq(teams.id, complaintAssistTeams.teamId))
    .where(inArray(complaintAssistTeams.complaintId, complaintIds))
    .orderBy(asc(complaintAssistTeams.addedAt));
  for (const r of rows) {
    out.set(r.complaintId, [...(out.get(r.complaintId) ?? []), { code: r.code, name: r.name }]);
  }
  return out;
}

export async function listAlerts(db: Db, open: boolean): Promise<EscalationAlert[]> {
  const rows = await db
    .select({
      id: escalationAlerts.id,
      complaintId: escalationAlerts.complaintId,
      number: complaints.number,
      ruleCode: escalationAlerts.ruleCode,
      ruleName: escalationAlerts.ruleName,
      createdAt: escalationAlerts.createdAt,
      acknowledgedAt: escalationAlerts.acknowledgedAt,
      acknowledgedBy: users.name,
    })
    .from(escalationAlerts)
    .innerJoin(complaints, eq(complaints.id, escalationAlerts.complaintId))
    .leftJoin(users, eq(users.id, escalationAlerts.acknowledgedBy))
    .where(open ? isNull(escalationAlerts.acknowledgedAt) : undefined)
    .orderBy(desc(escalationAlerts.createdAt))
    .limit(LIST_LIMIT);
  const helpers = await assistTeams(db, [...new Set(rows.map((r) => r.complaintId))]);
  return rows.map((r) => ({
    id: r.id,
    complaintNumber: r.number,
    ruleCode: r.ruleCode,
    ruleName: r.ruleName,
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: r.acknowledgedBy ?? null,
    assistTeams: helpers.get(r.complaintId) ?? [],
  }));
}

export async function acknowledgeAlert(
  db: Db,
  id: number,
  principal: Principal,
  now: Date,
): Promise<EscalationAlert> {
  const userId = principal.kind === 'user' ? principal.userId : null;
  const [row] = await db
    .update(escalationAlerts)
    .set({ acknowledgedAt: now, acknowledgedBy: userId })
    .where(and(eq(escalationAlerts.id, id), isNull(escalationAlerts.acknowledgedAt)))
    .returning({ id: escalationAlerts.id });
  // Acknowledging twice is harmless: the first acknowledgement stands.
  if (!row) {
    const [exists] = await db
      .select({ id: escalationAlerts.id })
      .from(escalationAlerts)
      .where(eq(escalationAlerts.id, id));
    if (!exists) throw new AppError('alert_not_found');
  }
  const all = await listAlerts(db, false);
  const found = all.find((a) => a.id === id);
  if (!found) throw new AppError('alert_not_found');
  return found;
}

/** Adds a second team to a case (跨部门协查): recorded on the timeline for the staff. */
export async function addAssistTeam(
  db: Db,
  number: string,
  teamCode: string,
  principal: Principal,
  now: Date,
): Promise<TeamHead[]> {
  const parsed = parseNumber(number);
  const found = await findComplaintByNumber(db, parsed);
  if (!found) throw new AppError('complaint_not_found');
  const [team] = await db.select().from(teams).where(eq(teams.code, teamCode));
  if (!team || !team.enabled) throw fieldError('teamCode', 'not_found_value');
  const actor = await actorOf(db, principal);
  await db.transaction(async (tx) => {
    const row = await lockComplaint(tx, found.id);
    if (row.teamId === team.id) throw fieldError('teamCode', 'invalid_value');
    const added = await tx
      .insert(complaintAssistTeams)
      .values({ complaintId: row.id, teamId: team.id, addedBy: actor.userId, addedAt: now })
      .onConflictDoNothing()
      .returning({ teamId: complaintAssistTeams.teamId });
    if (added.length === 0) return;
    await appendEvent(tx, row.id, {
      type: 'assist_team_added',
      internal: true,
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      data: { team: team.code, name: team.name },
      createdAt: now,
    });
  });
  return (await assistTeams(db, [found.id])).get(found.id) ?? [];
}
