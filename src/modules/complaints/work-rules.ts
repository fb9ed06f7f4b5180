// The rules of working a case (docs/CASEWORK.md): agents and experts change only what they hold,
// or claim what waits in their own team's queue; every write may name the version it was based
// on, and an older one is refused so nobody overwrites a change they have not seen.
import type { Queryable, Tx } from '../../server/db/client.js';
import { AppError } from '../../server/lib/errors.js';
import type { Actor } from './actor.js';
import { appendEvent, updateComplaint, type ComplaintRow } from './repository.js';
import { LOAD_STATUSES } from '../../shared/cases.js';
import type { ComplaintStatus } from '../../shared/complaints.js';
import { findTeamCode, isTeamMember, lockedLoad, markAssigned } from './work-repository.js';

/** Agents and experts work their own cases; supervisors, tokens, the system and the parties do not. */
export function isCaseWorker(actor: Actor): boolean {
  return actor.kind === 'staff' && (actor.appRole === 'agent' || actor.appRole === 'expert');
}

/**
 * May this actor change the complaint? 'free' (not a case worker, or its assignee), 'claim' (it
 * waits unassigned in a team the person belongs to), else 403 not_assignee.
 */
export async function workerStanding(
  db: Queryable,
  row: ComplaintRow,
  actor: Actor,
): Promise<'free' | 'claim'> {
  if (!isCaseWorker(actor) || !actor.userId) return 'free';
  if (row.assigneeId === actor.userId) return 'free';
  if (row.assigneeId === null && row.teamId && (await isTeamMember(db, row.teamId, actor.userId)))
    return 'claim';
  throw new AppError('not_assignee');
}

/** 409 version_conflict naming the current version, unless the caller saw this one (or none). */
export function assertVersion(row: ComplaintRow, version: number | undefined): void {
  if (version === undefined || version === row.version) return;
  throw new AppError(
    'version_conflict',
    undefined,
    { 'x-complaint-version': String(row.version) },
    {
      zh: `当前版本为 ${row.version}，您提交的是 ${version}`,
      en: `The current version is ${row.version}; yours was ${version}`,
    },
  );
}

/**
 * The person takes the waiting complaint (in the caller's transaction, under the row lock), on
 * the terms of an explicit claim (POST …/claim): not past their capacity, and not an appeal
 * against their own result.
 */
export async function claimComplaint(
  tx: Tx,
  row: ComplaintRow,
  actor: Actor,
  now: Date,
): Promise<ComplaintRow> {
  if (!actor.userId) throw new AppError('not_assignee');
  if (row.appealResolver !== null && row.appealResolver === actor.key) {
    if (row.status === 'appealed' || row.status === 'reconsidering') {
      throw new AppError('same_person_reconsideration');
    }
  }
  const cap = LOAD_STATUSES.includes(row.status as ComplaintStatus)
    ? await lockedLoad(tx, actor.userId)
    : null;
  if (cap && cap.load >= cap.capacity) throw new AppError('at_capacity');
  if (cap) await markAssigned(tx, actor.userId, now);
  const updated = await updateComplaint(
    tx,
    row.id,
    { assigneeId: actor.userId, assignedAt: now },
    now,
  );
  await appendEvent(tx, row.id, {
    type: 'assigned',
    actorKind: actor.kind,
    actorId: actor.key,
    actorRole: actor.appRole,
    actorName: actor.name,
    internal: true,
    data: {
      assigneeId: actor.userId,
      assigneeName: actor.name,
      team: await findTeamCode(tx, row.teamId),
      claimed: true,
      ...(cap ? { load: cap.load + 1, capacity: cap.capacity } : {}),
    },
    createdAt: now,
  });
  return updated;
}
