import { fieldError } from '../../../server/lib/errors.js';
import { countEvidenceSince } from '../../evidence/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { updateComplaint } from '../repository.js';
import { applyTransition, assertAllowed } from '../transition.js';
import { findExpertSeat } from '../work-repository.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/**
 * The complainant appeals the result (申诉): within 7 days, once, with a reason or new evidence
 * uploaded since the result. Another person will reconsider it (复议): the case goes back to a
 * queue, the expert seat's, and the assigner gives it to an expert who did not resolve it.
 */
export function appealComplaint(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { reason?: string },
) {
  const reason = input.reason?.trim() || null;
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    // Window and stage first: a late appeal is told so, whatever else it lacks.
    assertAllowed(row, 'appeal', actor, now, reason);
    const newFiles = await countEvidenceSince(tx, row.id, row.resolvedAt ?? now);
    if (!reason && newFiles === 0) throw fieldError('reason', 'appeal_reason_or_evidence');
    // Before the transition, so its event (and live notice) carries the final version.
    const seat = await findExpertSeat(tx);
    await updateComplaint(
      tx,
      row.id,
      { teamId: seat?.id ?? row.teamId, assigneeId: null, assignedAt: null },
      now,
    );
    await applyTransition(tx, row, {
      action: 'appeal',
      actor,
      now,
      opinion: reason,
      data: { newEvidence: newFiles },
    });
  });
}
