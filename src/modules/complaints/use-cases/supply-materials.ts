import { AppError, fieldError } from '../../../server/lib/errors.js';
import { countEvidenceSince } from '../../evidence/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { SYSTEM_TAGS } from '../../../shared/cases.js';
import { fulfilMaterialRequest, openMaterialRequest, updateComplaint } from '../repository.js';
import { withTags } from '../tags.js';
import { applyTransition, assertAllowed } from '../transition.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/**
 * The complainant hands in what was asked (files uploaded beforehand, and/or a note) and the
 * case goes back to investigating.
 */
export function supplyMaterials(deps: ComplaintsDeps, caller: ActCaller, input: { note?: string }) {
  const note = input.note?.trim() || null;
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    assertAllowed(row, 'supply_materials', actor, now, note);
    const request = await openMaterialRequest(tx, row.id);
    if (!request || row.status !== 'awaiting_materials')
      throw new AppError('transition_not_allowed');
    const files = await countEvidenceSince(tx, row.id, request.createdAt);
    if (files === 0 && !note) throw fieldError('note', 'materials_needed');
    if (actor.kind === 'complainant' && !row.tags.includes(SYSTEM_TAGS.evidenceAdded)) {
      // Before the transition, so its event (and live notice) carries the final version.
      const tags = withTags(row.tags, SYSTEM_TAGS.evidenceAdded);
      await updateComplaint(tx, row.id, { tags }, now);
    }
    await applyTransition(tx, row, {
      action: 'supply_materials',
      actor,
      now,
      eventType: 'materials_supplied',
      data: { files, ...(note ? { note } : {}) },
    });
    await fulfilMaterialRequest(tx, request.id, now, note);
  });
}
