// The holder (or someone with complaints.assign) hands a complaint back to its team's queue. The
// person it is taken from is not given it again automatically; they can still claim it.
import { fieldError, AppError } from '../../../server/lib/errors.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../../shared/complaints.js';
import { appendEvent, updateComplaint } from '../../complaints/index.js';
import { actorCan } from '../actors.js';
import { teamCodeOf, userName } from '../repository.js';
import { writeCase, type CaseCaller, type CaseWriteDeps } from './case-write.js';

export function releaseComplaint(
  deps: CaseWriteDeps,
  caller: CaseCaller,
  input: { reason: string },
) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'required');
  return writeCase(
    deps,
    caller,
    { queueAfter: true },
    async ({ tx, row, actor, now, checkVersion }) => {
      const holder = row.assigneeId;
      if (!holder) {
        throw new AppError('conflict', undefined, undefined, {
          zh: '该投诉正在团队队列中等待，没有处理人',
          en: 'It is already waiting in its team queue with no one holding it',
        });
      }
      if (holder !== actor.userId && !actorCan(actor, 'complaints.assign')) {
        throw new AppError('not_assignee');
      }
      checkVersion();
      if (!OPEN_STATUSES.includes(row.status as ComplaintStatus)) {
        throw new AppError('transition_not_allowed');
      }
      await updateComplaint(tx, row.id, { assigneeId: null, assignedAt: null }, now);
      const team = await teamCodeOf(tx, row.teamId);
      await appendEvent(tx, row.id, {
        type: 'reassigned',
        actorKind: actor.kind,
        actorId: actor.key,
        actorRole: actor.appRole,
        actorName: actor.name,
        opinion: reason,
        data: {
          from: { team, assigneeId: holder, assigneeName: await userName(tx, holder) },
          to: { team, assigneeId: null, assigneeName: null },
          releasedFrom: holder,
        },
        internal: true,
        createdAt: now,
      });
    },
  );
}
