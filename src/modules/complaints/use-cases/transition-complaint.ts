import type { StaffTransition } from '../../../shared/complaints.js';
import type { ComplaintsDeps } from '../deps.js';
import { applyTransition } from '../transition.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/** A staff move along the lifecycle (review, investigate, resolve, reject, reconsider, close …). */
export function transitionComplaint(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { action: StaffTransition; opinion?: string },
) {
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    await applyTransition(tx, row, { action: input.action, actor, now, opinion: input.opinion });
  });
}
