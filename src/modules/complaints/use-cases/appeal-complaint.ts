import type { Principal } from '../../../server/plugins/auth.js';
import type { Locale } from '../../../shared/errors.js';
import { fieldError } from '../../../server/lib/errors.js';
import { countEvidenceSince } from '../../evidence/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { applyTransition, assertAllowed } from '../transition.js';
import { actOnComplaint } from './act-on-complaint.js';

/**
 * The complainant appeals the result (申诉): within 7 days, once, with a reason or new evidence
 * uploaded since the result. Another person will reconsider it (复议).
 */
export function appealComplaint(
  deps: ComplaintsDeps,
  caller: { principal: Principal | null; number: string; locale: Locale },
  input: { reason?: string },
) {
  const reason = input.reason?.trim() || null;
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    // Window and stage first: a late appeal is told so, whatever else it lacks.
    assertAllowed(row, 'appeal', actor, now, reason);
    const newFiles = await countEvidenceSince(tx, row.id, row.resolvedAt ?? now);
    if (!reason && newFiles === 0) throw fieldError('reason', 'appeal_reason_or_evidence');
    await applyTransition(tx, row, {
      action: 'appeal',
      actor,
      now,
      opinion: reason,
      data: { newEvidence: newFiles },
    });
  });
}
