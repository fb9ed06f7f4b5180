// The assigner (智能分流转办): gives waiting complaints to the available member of their team with
// the least open load. One transaction per complaint; safe to run from any number of processes at
// once (see docs/ROUTING.md for why it is exact under concurrency).
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../server/db/client.js';
import {
  complaintEvents,
  complaints,
  teamMembers,
  teams,
  users,
} from '../../../server/db/schema.js';
import type { Clock } from '../../../server/lib/clock.js';
import { LOAD_STATUSES, type AssignmentRun } from '../../../shared/cases.js';
import {
  appendEvent,
  markAssigned,
  SYSTEM_ACTOR,
  updateComplaint,
} from '../../complaints/index.js';
import { lockProfiles } from '../capacity.js';
import { isWorkingNow } from '../hours.js';
import { pickAssignee } from '../pick.js';
import { countWaiting, hoursOf, loadsOf, QUEUE_ROLES } from '../repository.js';

export interface AssignDeps {
  db: Db;
  clock: Clock;
}

export interface AssignOptions {
  /** Stop after this many assignments (the rest wait for the next run). Default 1000. */
  max?: number;
}

/** A team and language nobody can take more of right now: later complaints like it are skipped. */
interface Blocked {
  teamId: string;
  language: string;
}

type Step =
  | { kind: 'empty' }
  | { kind: 'assigned' }
  | { kind: 'skipped'; id: string; blocked: Blocked | null };

const APPEAL_STATUSES = new Set(['appealed', 'reconsidering']);

/** Assigns what can be assigned now; returns how many. The post-commit hook calls this alone. */
export async function assignAvailable(deps: AssignDeps, opts: AssignOptions = {}): Promise<number> {
  const max = opts.max ?? 1000;
  const skipped: string[] = [];
  const blocked: Blocked[] = [];
  let assigned = 0;
  while (assigned < max) {
    const step = await deps.db.transaction((tx) =>
      assignNext(tx, deps.clock.now(), skipped, blocked),
    );
    if (step.kind === 'empty') break;
    if (step.kind === 'assigned') assigned++;
    else {
      skipped.push(step.id);
      if (step.blocked) blocked.push(step.blocked);
    }
  }
  return assigned;
}

/** Assigns what can be assigned now and says how much still waits (the CLI and the job). */
export async function assignWaiting(
  deps: AssignDeps,
  opts: AssignOptions = {},
): Promise<AssignmentRun> {
  const assigned = await assignAvailable(deps, opts);
  return { assigned, waiting: await countWaiting(deps.db) };
}

/** Advisory-lock namespace of "assigning in this team" (the second key is the team id's hash). */
const TEAM_LOCK = 7406004;

/**
 * The next waiting complaint: red first, then the oldest. `lock` takes it FOR UPDATE SKIP LOCKED;
 * `teamId` keeps to one team's queue.
 */
async function nextWaiting(
  tx: Tx,
  skipped: string[],
  blocked: Blocked[],
  opts: { lock: boolean; teamId?: string },
) {
  const conds: SQL[] = [
    isNull(complaints.assigneeId),
    opts.teamId ? eq(complaints.teamId, opts.teamId) : isNotNull(complaints.teamId),
    inArray(complaints.status, [...LOAD_STATUSES]),
  ];
  if (skipped.length > 0) conds.push(notInArray(complaints.id, skipped));
  if (blocked.length > 0) {
    const pairs = blocked.map((b) => sql`(${b.teamId}::uuid, ${b.language})`);
    conds.push(
      sql`(${complaints.teamId}, ${complaints.language}) not in (${sql.join(pairs, sql`, `)})`,
    );
  }
  const query = tx
    .select({
      id: complaints.id,
      teamId: complaints.teamId,
      status: complaints.status,
      language: complaints.language,
      appealResolver: complaints.appealResolver,
    })
    .from(complaints)
    .where(and(...conds))
    .orderBy(
      sql`(${complaints.priority} = 'red') desc`,
      asc(complaints.createdAt),
      asc(complaints.id),
    )
    .limit(1);
  const [row] = opts.lock ? await query.for('update', { skipLocked: true }) : await query;
  return row;
}

/** Members who handed this complaint back (release): it is not given to them again automatically. */
async function releasedBy(tx: Tx, complaintId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: sql<string>`${complaintEvents.data}->>'releasedFrom'` })
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        eq(complaintEvents.type, 'reassigned'),
        sql`${complaintEvents.data} ? 'releasedFrom'`,
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

async function assignNext(tx: Tx, now: Date, skipped: string[], blocked: Blocked[]): Promise<Step> {
  const peek = await nextWaiting(tx, skipped, blocked, { lock: false });
  if (!peek) return { kind: 'empty' };
  // One assigner per team at a time (other teams go on in parallel): without it, parallel
  // assigners each take a different complaint of the queue, and a green one can win the last
  // free place while a red one waits for the profile locks. Under the team lock the queue is
  // read after the previous assignment committed, so red work really goes first.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${TEAM_LOCK}, hashtext(${peek.teamId}))`);
  const c = await nextWaiting(tx, skipped, blocked, { lock: true, teamId: peek.teamId! });
  // Assigned by someone else meanwhile, or held by a change in progress: look again next round.
  if (!c) return { kind: 'skipped', id: peek.id, blocked: null };
  const teamId = c.teamId!;

  // Who could take it: the active staff members of its team.
  const members = await tx
    .select({ userId: teamMembers.userId, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      and(
        eq(teamMembers.teamId, teamId),
        eq(users.status, 'active'),
        inArray(users.role, [...QUEUE_ROLES]),
      ),
    );
  // Lock their profiles first, then read language, hours, absence and load from the locked rows.
  const profiles = (
    await lockProfiles(
      tx,
      members.map((m) => m.userId),
    )
  ).filter(
    (p) =>
      p.languages.includes(c.language) &&
      isWorkingNow(hoursOf(p), p.absentFrom, p.absentUntil, now),
  );
  const loads = await loadsOf(
    tx,
    profiles.map((p) => p.userId),
  );
  const candidates = profiles.map((p) => ({
    userId: p.userId,
    load: loads.get(p.userId) ?? 0,
    capacity: p.capacity,
    lastAssignedAt: p.lastAssignedAt,
  }));
  if (!candidates.some((x) => x.load < x.capacity)) {
    return { kind: 'skipped', id: c.id, blocked: { teamId, language: c.language } };
  }

  // Some people may not take this one: whoever gave the result under appeal, and anyone who
  // handed it back.
  const excluded = await releasedBy(tx, c.id);
  if (APPEAL_STATUSES.has(c.status) && c.appealResolver?.startsWith('user:')) {
    excluded.add(c.appealResolver.slice('user:'.length));
  }
  const chosen = pickAssignee(candidates.filter((x) => !excluded.has(x.userId)));
  if (!chosen) return { kind: 'skipped', id: c.id, blocked: null };

  await updateComplaint(tx, c.id, { assigneeId: chosen.userId, assignedAt: now }, now);
  await markAssigned(tx, chosen.userId, now);
  const [team] = await tx.select({ code: teams.code }).from(teams).where(eq(teams.id, teamId));
  await appendEvent(tx, c.id, {
    type: 'assigned',
    actorKind: SYSTEM_ACTOR.kind,
    actorId: null,
    actorRole: null,
    actorName: SYSTEM_ACTOR.name,
    data: {
      assigneeId: chosen.userId,
      assigneeName: members.find((m) => m.userId === chosen.userId)!.name,
      team: team!.code,
      // The person's load including this complaint.
      load: chosen.load + 1,
      capacity: chosen.capacity,
    },
    internal: true,
    createdAt: now,
  });
  return { kind: 'assigned' };
}
