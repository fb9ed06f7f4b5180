// A complaint that arrives from an external platform: filed like any other (channel 'external',
// on the person's behalf) and kept with the number it has there, so it can be found by it.
import { AppError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ExternalCase } from '../../../shared/cases.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import {
  actorOf,
  appendEvent,
  complaintForCaller,
  fileComplaint,
  findComplaintById,
  findComplaintByNumber,
  loadDetail,
  lockComplaint,
  updateComplaint,
  type FileBody,
} from '../../complaints/index.js';
import { caseDeps, type ExternalDeps } from '../deps.js';
import { requireExternalNumber } from '../import-rows.js';
import { findExternalCase, findPlatform, insertExternalCase, presentCase } from '../repository.js';

export interface InboundInput {
  platform: string;
  externalNumber: string;
  complaint: Omit<FileBody, 'channel' | 'contactName'>;
}

export interface InboundResult {
  complaint: ComplaintDetail;
  externalCase: ExternalCase;
  /** True when the person already had an open complaint about this; the case joined it. */
  linkedToExisting: boolean;
}

/** The same platform case imported again is refused, naming the complaint it already is. */
function taken(number: string): AppError {
  return new AppError('external_number_taken', undefined, undefined, {
    zh: `该案件已导入为投诉 ${number}`,
    en: `This case was already imported as complaint ${number}`,
  });
}

export async function importComplaint(
  deps: ExternalDeps,
  opts: { principal: Principal; input: InboundInput; ip: string | null; locale: Locale },
): Promise<InboundResult> {
  const { input } = opts;
  const externalNumber = requireExternalNumber(input.externalNumber);
  const platform = await findPlatform(deps.db, input.platform);
  if (!platform?.enabled) throw new AppError('platform_unknown');
  const earlier = await findExternalCase(deps.db, platform.code, externalNumber);
  if (earlier) {
    throw taken((await findComplaintById(deps.db, earlier.complaintId))!.number);
  }

  const cdeps = caseDeps(deps);
  // The key makes a retried import (same caller, same case) file once.
  const filed = await fileComplaint(cdeps, {
    principal: opts.principal,
    body: { ...input.complaint, channel: 'external' },
    idempotencyKey: `external:${platform.code}:${externalNumber}`,
    ip: opts.ip,
    locale: opts.locale,
  });
  const row = (await findComplaintByNumber(deps.db, filed.result.complaint.number))!;
  const actor = await actorOf(deps.db, opts.principal);
  const now = deps.clock.now();
  const recorded = await deps.db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, row.id);
    const saved = await insertExternalCase(tx, {
      complaintId: locked.id,
      platformCode: platform.code,
      direction: 'inbound',
      externalNumber,
      status: 'accepted',
      statusNote: null,
      statusAt: now,
      createdAt: now,
    });
    if (!saved) return null;
    await updateComplaint(tx, locked.id, {}, now);
    await appendEvent(tx, locked.id, {
      type: 'external_update',
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      opinion: null,
      data: {
        platform: platform.code,
        platformName: platform.name,
        externalNumber,
        direction: 'inbound',
        status: 'accepted',
        at: now.toISOString(),
      },
      createdAt: now,
    });
    return saved;
  });
  // Another import of the same case won the race: this one is the repeat.
  if (!recorded) throw taken(row.number);

  const { row: fresh, viewer } = await complaintForCaller(deps.db, opts.principal, row.number);
  return {
    complaint: await loadDetail(cdeps, fresh, viewer, opts.locale),
    externalCase: presentCase(recorded, platform),
    linkedToExisting: filed.result.linkedToExisting,
  };
}
