// A person takes a complaint waiting in one of their teams' queues (supervisors: any queue), up to
// their capacity, under the same profile lock the assigner uses.
import { eq } from 'drizzle-orm';
import { users } from '../../../server/db/schema.js';
import { AppError } from '../../../server/lib/errors.js';
import { LOAD_STATUSES } from '../../../shared/cases.js';
import type { ComplaintStatus } from '../../../shared/complaints.js';
import { appendEvent, updateComplaint } from '../../complaints/index.js';
import { actorCan } from '../actors.js';
import { lockedCapacity, markAssigned } from '../capacity.js';
import { teamCodeOf, isMember } from '../repository.js';
import { writeCase, type CaseCaller, type CaseWriteDeps } from './case-write.js';

export function claimComplaint(deps: CaseWriteDeps, caller: CaseCaller) {
  return writeCase(
    deps,
    caller,
    { queueAfter: false },
    async ({ tx, row, actor, now, checkVersion }) => {
      // Tokens act for integrations and cannot hold complaints.
      if (!actor.userId) throw new AppError('forbidden');
      checkVersion();
      if (row.assigneeId === actor.userId) return;
      if (row.assigneeId) {
        const [holder] = await tx
          .select({ name: users.name })
          .from(users)
          .where(eq(users.id, row.assigneeId));
        throw new AppError('conflict', undefined, undefined, {
          zh: `该投诉已分配给 ${holder?.name ?? '他人'}`,
          en: `It is already assigned to ${holder?.name ?? 'someone else'}`,
        });
      }
      if (!LOAD_STATUSES.includes(row.status as ComplaintStatus)) {
        throw new AppError('transition_not_allowed');
      }
      if (!actorCan(actor, 'complaints.assign')) {
        if (!row.teamId || !(await isMember(tx, row.teamId, actor.userId))) {
          throw new AppError('forbidden', undefined, undefined, {
            zh: '只能认领本人所在团队队列中的投诉',
            en: 'You can claim only complaints waiting in your own teams\u2019 queues',
          });
        }
      }
      if (
        (row.status === 'appealed' || row.status === 'reconsidering') &&
        row.appealResolver === actor.key
      ) {
        throw new AppError('same_person_reconsideration');
      }
      const cap = await lockedCapacity(tx, actor.userId);
      if (cap && cap.load >= cap.profile.capacity) throw new AppError('at_capacity');
      await updateComplaint(tx, row.id, { assigneeId: actor.userId, assignedAt: now }, now);
      if (cap) await markAssigned(tx, actor.userId, now);
      await appendEvent(tx, row.id, {
        type: 'assigned',
        actorKind: actor.kind,
        actorId: actor.key,
        actorRole: actor.appRole,
        actorName: actor.name,
        data: {
          assigneeId: actor.userId,
          assigneeName: actor.name,
          team: await teamCodeOf(tx, row.teamId),
          claimed: true,
          ...(cap ? { load: cap.load + 1, capacity: cap.profile.capacity } : {}),
        },
        internal: true,
        createdAt: now,
      });
    },
  );
}
