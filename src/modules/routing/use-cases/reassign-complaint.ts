// 转派: move a complaint to another team, and optionally to a named member of it with room. The
// holder may move what they hold; complaints.assign may move anything.
import { eq } from 'drizzle-orm';
import { teams, users } from '../../../server/db/schema.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import { LOAD_STATUSES } from '../../../shared/cases.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../../shared/complaints.js';
import { appendEvent, updateComplaint } from '../../complaints/index.js';
import { actorCan } from '../actors.js';
import { lockedCapacity, markAssigned } from '../capacity.js';
import { isMember, teamCodeOf, userName } from '../repository.js';
import { writeCase, type CaseCaller, type CaseWriteDeps } from './case-write.js';

export interface AssignmentInput {
  teamCode: string;
  assigneeId?: string | null;
  reason: string;
}

export function reassignComplaint(deps: CaseWriteDeps, caller: CaseCaller, input: AssignmentInput) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'required');
  const to = input.assigneeId ?? null;
  return writeCase(
    deps,
    caller,
    { queueAfter: true },
    async ({ tx, row, actor, now, checkVersion }) => {
      const holds =
        actor.userId !== null &&
        row.assigneeId === actor.userId &&
        actorCan(actor, 'complaints.work');
      if (!holds && !actorCan(actor, 'complaints.assign')) throw new AppError('not_assignee');
      checkVersion();
      const status = row.status as ComplaintStatus;
      if (!OPEN_STATUSES.includes(status)) throw new AppError('transition_not_allowed');

      const [team] = await tx.select().from(teams).where(eq(teams.code, input.teamCode));
      if (!team) throw fieldError('teamCode', 'not_found_value');
      if (!team.enabled) throw fieldError('teamCode', 'team_disabled');

      let load: { load: number; capacity: number } | null = null;
      if (to) {
        const [user] = await tx
          .select({ status: users.status })
          .from(users)
          .where(eq(users.id, to));
        if (!user) throw fieldError('assigneeId', 'not_found_value');
        if (user.status !== 'active') throw fieldError('assigneeId', 'account_inactive');
        if (!(await isMember(tx, team.id, to))) throw fieldError('assigneeId', 'not_team_member');
        if (
          (status === 'appealed' || status === 'reconsidering') &&
          row.appealResolver === `user:${to}`
        ) {
          throw fieldError('assigneeId', 'gave_the_result');
        }
        const cap = await lockedCapacity(tx, to);
        if (cap) {
          // Moving a case within the same person's hands does not add to their load.
          const already = row.assigneeId === to && LOAD_STATUSES.includes(status) ? 1 : 0;
          const after = cap.load - already + 1;
          if (after > cap.profile.capacity) {
            throw fieldError('assigneeId', 'at_capacity', { n: cap.profile.capacity });
          }
          load = { load: after, capacity: cap.profile.capacity };
          await markAssigned(tx, to, now);
        }
      }

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
        opinion: reason,
        data: {
          from: {
            team: await teamCodeOf(tx, row.teamId),
            assigneeId: from,
            assigneeName: from ? await userName(tx, from) : null,
          },
          to: { team: team.code, assigneeId: to, assigneeName: to ? await userName(tx, to) : null },
          // Taken from a person back to a queue: not given to them again automatically.
          ...(from && !to ? { releasedFrom: from } : {}),
          ...(load ?? {}),
        },
        internal: true,
        createdAt: now,
      });
    },
  );
}
