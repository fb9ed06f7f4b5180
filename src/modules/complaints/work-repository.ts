// SQL for working a case: team membership (who may claim), the expert seat (where escalations
// and appeals go), the team and handler heads of a page of summaries, and canned replies named by
// a reply. The tables are the platform's one schema; these reads keep the complaints module free
// of imports from the routing and macros modules, which import complaints.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import {
  agentProfiles,
  complaints,
  macros,
  teamMembers,
  teams,
  users,
} from '../../server/db/schema.js';
import { LOAD_STATUSES, type TeamHead } from '../../shared/cases.js';
import type { SummaryHeads } from './present.js';
import { clocksOf } from '../sla/index.js';
import type { ComplaintRow } from './repository.js';

export async function isTeamMember(db: Queryable, teamId: string, userId: string) {
  const [row] = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row !== undefined;
}

/** The expert seat (专家坐席): the enabled team marked is_expert_seat (the first by code). */
export async function findExpertSeat(
  db: Queryable,
): Promise<{ id: string; code: string } | undefined> {
  const [row] = await db
    .select({ id: teams.id, code: teams.code })
    .from(teams)
    .where(and(eq(teams.isExpertSeat, true), eq(teams.enabled, true)))
    .orderBy(asc(teams.code))
    .limit(1);
  return row;
}

export async function findTeamByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({ id: teams.id, code: teams.code })
    .from(teams)
    .where(eq(teams.code, code));
  return row;
}

export async function findTeamCode(db: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ code: teams.code }).from(teams).where(eq(teams.id, id));
  return row?.code ?? null;
}

/** Team and handler of every row of a page, in two queries whatever the page size. */
export async function summaryHeads(
  db: Queryable,
  rows: ComplaintRow[],
  now: Date,
): Promise<Map<string, SummaryHeads>> {
  const clocks = await clocksOf(
    db,
    rows.map((r) => r.id),
    now,
  );
  const teamIds = [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const userIds = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
  const [teamRows, userRows] = await Promise.all([
    teamIds.length
      ? db
          .select({ id: teams.id, code: teams.code, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, teamIds))
      : Promise.resolve([]),
    userIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : Promise.resolve([]),
  ]);
  const teamById = new Map<string, TeamHead>(
    teamRows.map((t) => [t.id, { code: t.code, name: t.name }]),
  );
  const userById = new Map(userRows.map((u) => [u.id, u]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        team: (r.teamId && teamById.get(r.teamId)) || null,
        assignee: (r.assigneeId && userById.get(r.assigneeId)) || null,
        sla: clocks.get(r.id) ?? null,
      },
    ]),
  );
}

export async function macroExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: macros.id }).from(macros).where(eq(macros.id, id));
  return row !== undefined;
}

/**
 * The person's capacity and open load, counted after locking their agent_profiles row: the same
 * protocol as the assigner (src/modules/routing/capacity.ts), so a claim and an automatic
 * assignment never together push anyone past capacity. Null when the person has no profile.
 */
export async function lockedLoad(
  tx: Tx,
  userId: string,
): Promise<{ capacity: number; load: number } | null> {
  const [profile] = await tx
    .select({ capacity: agentProfiles.capacity })
    .from(agentProfiles)
    .where(eq(agentProfiles.userId, userId))
    .for('update');
  if (!profile) return null;
  const [n] = await tx
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.assigneeId, userId), inArray(complaints.status, [...LOAD_STATUSES])));
  return { capacity: profile.capacity, load: n?.n ?? 0 };
}

/** Round-robin among equally loaded people starts after whoever took work last. */
export async function markAssigned(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .update(agentProfiles)
    .set({ lastAssignedAt: now })
    .where(eq(agentProfiles.userId, userId));
}
