import { fieldError } from '../../../server/lib/errors.js';
import type { ComplaintsDeps } from '../deps.js';
import { insertMaterialRequest } from '../repository.js';
import { applyTransition } from '../transition.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/** Staff ask the complainant for specific materials; the case waits for them (clock paused). */
export function requestMaterials(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { items: string[]; note?: string },
) {
  const items = input.items.map((i) => i.trim());
  const blank = items.findIndex((i) => i === '');
  if (blank >= 0) throw fieldError(`items.${blank}`, 'required');
  const note = input.note?.trim() || null;
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    await applyTransition(tx, row, {
      action: 'request_materials',
      actor,
      now,
      eventType: 'materials_requested',
      data: { items, ...(note ? { note } : {}) },
    });
    await insertMaterialRequest(tx, {
      complaintId: row.id,
      items,
      note,
      requestedById: actor.key,
      requestedByName: actor.name,
      createdAt: now,
    });
  });
}
