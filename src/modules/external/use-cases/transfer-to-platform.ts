// Staff send a case to an external platform (→ transferred), recording the number it has there;
// the platform's status updates then follow it, and a return or result hands it back.
import { AppError, fieldError } from '../../../server/lib/errors.js';
import { SYSTEM_TAGS } from '../../../shared/cases.js';
import {
  actOnComplaint,
  type ActCaller,
  applyTransition,
  assertAllowed,
  updateComplaint,
} from '../../complaints/index.js';
import { caseDeps, type ExternalDeps } from '../deps.js';
import { requireExternalNumber } from '../import-rows.js';
import { findPlatform, insertExternalCase } from '../repository.js';

export interface TransferInput {
  platform: string;
  externalNumber: string;
  note: string;
  version?: number;
}

export function transferToPlatform(deps: ExternalDeps, caller: ActCaller, input: TransferInput) {
  const externalNumber = requireExternalNumber(input.externalNumber);
  const note = input.note.trim();
  if (!note) throw fieldError('note', 'required');
  const based = { ...caller, version: input.version };
  return actOnComplaint(caseDeps(deps), based, async ({ tx, row, actor, now }) => {
    assertAllowed(row, 'transfer', actor, now, note);
    const platform = await findPlatform(tx, input.platform);
    if (!platform?.enabled) throw new AppError('platform_unknown');
    const recorded = await insertExternalCase(tx, {
      complaintId: row.id,
      platformCode: platform.code,
      direction: 'outbound',
      externalNumber,
      status: 'transferred',
      statusNote: null,
      statusAt: now,
      createdAt: now,
    });
    if (!recorded) throw new AppError('external_number_taken');
    const tags = row.tags.includes(SYSTEM_TAGS.external)
      ? row.tags
      : [...row.tags, SYSTEM_TAGS.external];
    const tagged = await updateComplaint(tx, row.id, { tags }, now);
    await applyTransition(tx, tagged, {
      action: 'transfer',
      actor,
      now,
      opinion: note,
      eventType: 'external_transfer',
      data: { platform: platform.code, platformName: platform.name, externalNumber },
    });
  });
}
