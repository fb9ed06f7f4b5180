// SQL for teams, members, people's profiles and routing rules, and the read models the console
// shows (Team, AgentProfile). The assigner's own locking queries live in use-cases/assign-waiting.ts.
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { agentProfiles, complaints, teamMembers, teams, users } from '../../server/db/schema.js';
import {
  LOAD_STATUSES,
  type AgentProfile,
  type Team,
  type TeamHead,
  type WorkingHours,
} from '../../shared/cases.js';
import { isWorkingNow } from './hours.js';

export type TeamRow = typeof teams.$inferSelect;
export type ProfileRow = typeof agentProfiles.$inferSelect;

/** Roles that can sit in a team and be given complaints. */
export const QUEUE_ROLES = ['agent', 'expert', 'supervisor'] as const;

const loadStatuses = () => inArray(complaints.status, [...LOAD_STATUSES]);

export async function findTeamByCode(db: Queryable, code: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.code, code));
  return row;
}

export async function teamIdsOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

export function hoursOf(p: ProfileRow): WorkingHours {
  return { days: p.workDays, start: p.workStart, end: p.workEnd, alwaysOn: p.alwaysOn };
}

/** Open load per person: complaints assigned to them in a status that counts (LOAD_STATUSES). */
export async function loadsOf(db: Queryable, userIds: string[]): Promise<Map<string, number>> {
  const loads = new Map<string, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return loads;
  const rows = await db
    .select({ userId: complaints.assigneeId, n: count() })
    .from(complaints)
    .where(and(inArray(complaints.assigneeId, userIds), loadStatuses()))
    .groupBy(complaints.assigneeId);
  for (const r of rows) if (r.userId) loads.set(r.userId, r.n);
  return loads;
}

/** Teams with their members and queue counts; all teams, or those with the given ids. */
export async function loadTeams(db: Queryable, onlyIds?: string[]): Promise<Team[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  const rows = await db
    .select()
    .from(teams)
    .where(onlyIds ? inArray(teams.id, onlyIds) : undefined)
    .orderBy(asc(teams.isExpertSeat), asc(teams.createdAt), asc(teams.code));
  const ids = rows.map((t) => t.id);
  if (ids.length === 0) return [];
  const members = await db
    .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, role: users.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, ids))
    .orderBy(asc(users.name), asc(users.id));
  const counts = await db
    .select({
      teamId: complaints.teamId,
      waiting: sql<number>`count(*) filter (where ${complaints.assigneeId} is null)::int`,
      waitingRed: sql<number>`count(*) filter (where ${complaints.assigneeId} is null and ${complaints.priority} = 'red')::int`,
      open: sql<number>`count(*) filter (where ${complaints.assigneeId} is not null)::int`,
    })
    .from(complaints)
    .where(and(inArray(complaints.teamId, ids), loadStatuses()))
    .groupBy(complaints.teamId);
  const byTeam = new Map(counts.map((c) => [c.teamId, c]));
  return rows.map((t) => {
    const c = byTeam.get(t.id);
    return {
      code: t.code,
      name: t.name,
      isExpertSeat: t.isExpertSeat,
      enabled: t.enabled,
      members: members
        .filter((m) => m.teamId === t.id)
        .map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
      waiting: c?.waiting ?? 0,
      waitingRed: c?.waitingRed ?? 0,
      open: c?.open ?? 0,
    };
  });
}

/** People with a profile (active accounts), or just the given ones, as the console shows them. */
export async function loadAgents(
  db: Queryable,
  now: Date,
  onlyUserIds?: string[],
): Promise<AgentProfile[]> {
  if (onlyUserIds && onlyUserIds.length === 0) return [];
  const rows = await db
    .select({ p: agentProfiles, name: users.name, role: users.role })
    .from(agentProfiles)
    .innerJoin(users, eq(users.id, agentProfiles.userId))
    .where(
      and(
        eq(users.status, 'active'),
        onlyUserIds ? inArray(agentProfiles.userId, onlyUserIds) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  const ids = rows.map((r) => r.p.userId);
  if (ids.length === 0) return [];
  const memberships = await db
    .select({ userId: teamMembers.userId, code: teams.code, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(inArray(teamMembers.userId, ids))
    .orderBy(asc(teams.isExpertSeat), asc(teams.createdAt), asc(teams.code));
  const loads = await loadsOf(db, ids);
  return rows.map(({ p, name, role }) => {
    const load = loads.get(p.userId) ?? 0;
    const hours = hoursOf(p);
    const teamsOf: TeamHead[] = memberships
      .filter((m) => m.userId === p.userId)
      .map((m) => ({ code: m.code, name: m.name }));
    return {
      userId: p.userId,
      name,
      role,
      teams: teamsOf,
      capacity: p.capacity,
      skills: p.skills,
      languages: p.languages,
      hours,
      absentFrom: p.absentFrom?.toISOString() ?? null,
      absentUntil: p.absentUntil?.toISOString() ?? null,
      load,
      available: load < p.capacity && isWorkingNow(hours, p.absentFrom, p.absentUntil, now),
    };
  });
}

/** The caller's own queue: what they hold now, and how much of it is red. */
export async function myLoad(
  db: Queryable,
  userId: string,
): Promise<{ open: number; red: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      red: sql<number>`count(*) filter (where ${complaints.priority} = 'red')::int`,
    })
    .from(complaints)
    .where(and(eq(complaints.assigneeId, userId), loadStatuses()));
  return { open: row?.open ?? 0, red: row?.red ?? 0 };
}

/** Complaints waiting in some team's queue (not yet given to anyone). */
export async function countWaiting(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(complaints)
    .where(and(isNull(complaints.assigneeId), isNotNull(complaints.teamId), loadStatuses()));
  return row?.n ?? 0;
}

export async function userName(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}
