import { AppError } from '../../../server/lib/errors.js';
import type { ComplaintsDeps } from '../deps.js';
import { mayRate } from '../present.js';
import { appendEvent, updateComplaint } from '../repository.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/** The complainant rates the handling (1–5, optional comment), once, after the result. */
export function rateComplaint(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { score: number; comment?: string },
) {
  const comment = input.comment?.trim() || null;
  return actOnComplaint(deps, caller, async ({ tx, row, actor, isOwner, now }) => {
    if (!isOwner) throw new AppError('forbidden');
    if (row.rating !== null) throw new AppError('already_rated');
    if (!mayRate(row, { kind: 'owner', actor })) throw new AppError('transition_not_allowed');
    await updateComplaint(
      tx,
      row.id,
      { rating: input.score, ratingComment: comment, ratedAt: now },
      now,
    );
    await appendEvent(tx, row.id, {
      type: 'rated',
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      data: { score: input.score, ...(comment ? { comment } : {}) },
      createdAt: now,
    });
  });
}
