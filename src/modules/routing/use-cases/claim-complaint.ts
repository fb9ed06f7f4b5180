// A person takes a complaint waiting in one of their teams' queues (supervisors: any queue), up to
// their capacity, through the same claim the complaints module makes on a first action.
import { eq } from 'drizzle-orm';
import { users } from '../../../server/db/schema.js';
import { AppError } from '../../../server/lib/errors.js';
import { LOAD_STATUSES } from '../../../shared/cases.js';
import type { ComplaintStatus } from '../../../shared/complaints.js';
import {
  actOnComplaint,
  claimComplaint as takeComplaint,
  isTeamMember,
  type ActCaller,
  type MayAct,
} from '../../complaints/index.js';
import { actorCan } from '../actors.js';
import type { CaseWriteDeps } from '../deps.js';

const mayClaim: MayAct = async (tx, row, actor) => {
  // Tokens act for integrations and cannot hold complaints.
  if (!actor.userId) throw new AppError('forbidden');
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
  if (actorCan(actor, 'complaints.assign')) return;
  if (!row.teamId || !(await isTeamMember(tx, row.teamId, actor.userId))) {
    throw new AppError('forbidden', undefined, undefined, {
      zh: '只能认领本人所在团队队列中的投诉',
      en: 'You can claim only complaints waiting in your own teams\u2019 queues',
    });
  }
};

export function claimComplaint(deps: CaseWriteDeps, caller: ActCaller) {
  return actOnComplaint(
    deps,
    caller,
    async ({ tx, row, actor, now }) => {
      if (row.assigneeId !== actor.userId) await takeComplaint(tx, row, actor, now);
    },
    mayClaim,
  );
}
