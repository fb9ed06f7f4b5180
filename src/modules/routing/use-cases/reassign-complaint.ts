// 转派: move a complaint to another team, and optionally to a named member of it with room. The
// holder may move what they hold; complaints.assign may move anything. Releasing (交回队列) is
// the same move to the complaint's own team with nobody named.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../server/db/client.js';
import { teams, users } from '../../../server/db/schema.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import { LOAD_STATUSES } from '../../../shared/cases.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../../shared/complaints.js';
import {
  actOnComplaint,
  appendEvent,
  findTeamCode,
  isTeamMember,
  lockedLoad,
  markAssigned,
  updateComplaint,
  type ActCaller,
  type Actor,
  type ComplaintRow,
} from '../../complaints/index.js';
import { actorCan } from '../actors.js';
import type { CaseWriteDeps } from '../deps.js';
import { userName } from '../repository.js';

export interface AssignmentInput {
  teamCode: string;
  assigneeId?: string | null;
  reason: string;
}

/** Moves the locked complaint to `team` and `to` (null: its queue) and records who moved it. */
async function moveComplaint(
  tx: Tx,
  row: ComplaintRow,
  actor: Actor,
  now: Date,
  move: {
    team: { id: string; code: string };
    to: string | null;
    reason: string;
    load?: { load: number; capacity: number };
  },
): Promise<void> {
  const { team, to } = move;
  await updateComplaint(
    tx,
    row.id,
    { teamId: team.id, assigneeId: to, assignedAt: to ? now : null },
    now,
  );
  const from = row.assigneeId;
  await appendEvent(tx, row.id, {
    type: 'reassigned',
    actorKind: actor.kind,
    actorId: actor.key,
    actorRole: actor.appRole,
    actorName: actor.name,
    opinion: move.reason,
    data: {
      from: {
        team: await findTeamCode(tx, row.teamId),
        assigneeId: from,
        assigneeName: from ? await userName(tx, from) : null,
      },
      to: { team: team.code, assigneeId: to, assigneeName: to ? await userName(tx, to) : null },
      // Taken from a person back to a queue: not given to them again automatically.
      ...(from && !to ? { releasedFrom: from } : {}),
      ...(move.load ?? {}),
    },
    internal: true,
    createdAt: now,
  });
}

function openOnly(row: ComplaintRow): void {
  if (!OPEN_STATUSES.includes(row.status as ComplaintStatus)) {
    throw new AppError('transition_not_allowed');
  }
}

export function reassignComplaint(deps: CaseWriteDeps, caller: ActCaller, input: AssignmentInput) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'required');
  const to = input.assigneeId ?? null;
  return actOnComplaint(
    deps,
    caller,
    async ({ tx, row, actor, now }) => {
      openOnly(row);
      const status = row.status as ComplaintStatus;
      const [team] = await tx.select().from(teams).where(eq(teams.code, input.teamCode));
      if (!team) throw fieldError('teamCode', 'not_found_value');
      if (!team.enabled) throw fieldError('teamCode', 'team_disabled');

      let load: { load: number; capacity: number } | undefined;
      if (to) {
        const [user] = await tx
          .select({ status: users.status })
          .from(users)
          .where(eq(users.id, to));
        if (!user) throw fieldError('assigneeId', 'not_found_value');
        if (user.status !== 'active') throw fieldError('assigneeId', 'account_inactive');
        if (!(await isTeamMember(tx, team.id, to))) {
          throw fieldError('assigneeId', 'not_team_member');
        }
        if (
          (status === 'appealed' || status === 'reconsidering') &&
          row.appealResolver === `user:${to}`
        ) {
          throw fieldError('assigneeId', 'gave_the_result');
        }
        const cap = await lockedLoad(tx, to);
        if (cap) {
          // Moving a case within the same person's hands does not add to their load.
          const already = row.assigneeId === to && LOAD_STATUSES.includes(status) ? 1 : 0;
          const after = cap.load - already + 1;
          if (after > cap.capacity) {
            throw fieldError('assigneeId', 'at_capacity', { n: cap.capacity });
          }
          load = { load: after, capacity: cap.capacity };
          await markAssigned(tx, to, now);
        }
      }
      await moveComplaint(tx, row, actor, now, { team, to, reason, load });
    },
    async (_tx, row, actor) => {
      const holds =
        actor.userId !== null &&
        row.assigneeId === actor.userId &&
        actorCan(actor, 'complaints.work');
      if (!holds && !actorCan(actor, 'complaints.assign')) throw new AppError('not_assignee');
    },
  );
}

/** The holder (or complaints.assign) hands the complaint back to its team's queue. */
export function releaseComplaint(
  deps: CaseWriteDeps,
  caller: ActCaller,
  input: { reason: string },
) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'required');
  return actOnComplaint(
    deps,
    caller,
    async ({ tx, row, actor, now }) => {
      openOnly(row);
      const code = await findTeamCode(tx, row.teamId);
      const team = row.teamId && code ? { id: row.teamId, code } : null;
      if (!team) throw new AppError('transition_not_allowed');
      await moveComplaint(tx, row, actor, now, { team, to: null, reason });
    },
    async (_tx, row, actor) => {
      if (!row.assigneeId) {
        throw new AppError('conflict', undefined, undefined, {
          zh: '该投诉正在团队队列中等待，没有处理人',
          en: 'It is already waiting in its team queue with no one holding it',
        });
      }
      if (row.assigneeId !== actor.userId && !actorCan(actor, 'complaints.assign')) {
        throw new AppError('not_assignee');
      }
    },
  );
}
