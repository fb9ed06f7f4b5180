// The complainant answers the merchant's remedy: accepting settles the case (the system resolves
// it with the offer as the opinion); refusing sends it to platform arbitration.
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { RemedyKind } from '../../../shared/cases.js';
import {
  actOnComplaint,
  appendEvent,
  applyTransition,
  fenToYuan,
  SYSTEM_ACTOR,
  updateComplaint,
  type ActContext,
} from '../../complaints/index.js';
import { sendToArbitration } from '../arbitration.js';
import { caseDeps, type Caller, type MerchantsDeps } from '../deps.js';
import { acceptedOpinion } from '../remedy-text.js';
import { closeRemedy, findRemedy, type RemedyRow } from '../repository.js';

/** The open remedy being answered, or the refusal that says why it cannot be. */
async function openOffer(ctx: ActContext, remedyId: string): Promise<RemedyRow> {
  // Only the person who filed it; anyone else is told the complaint does not exist.
  if (!ctx.isOwner) throw new AppError('complaint_not_found');
  const remedy = await findRemedy(ctx.tx, remedyId, ctx.row.id);
  if (!remedy) throw new AppError('remedy_not_found');
  // Past its deadline it is about to expire (the job does that and starts arbitration).
  if (
    remedy.status !== 'proposed' ||
    ctx.now > remedy.respondBy ||
    ctx.row.status !== 'transferred'
  ) {
    throw new AppError('remedy_not_open');
  }
  return remedy;
}

async function record(
  ctx: ActContext,
  remedy: RemedyRow,
  type: 'remedy_accepted' | 'remedy_refused',
  note: string | null,
) {
  const { tx, row, actor, now } = ctx;
  await closeRemedy(tx, remedy.id, {
    status: type === 'remedy_accepted' ? 'accepted' : 'refused',
    respondedAt: now,
    note,
  });
  const updated = await updateComplaint(
    tx,
    row.id,
    { merchantPhase: type === 'remedy_accepted' ? 'remedy_accepted' : 'remedy_refused' },
    now,
  );
  await appendEvent(tx, row.id, {
    type,
    actorKind: actor.kind,
    actorId: actor.key,
    actorRole: actor.appRole,
    actorName: actor.name,
    opinion: note,
    data: { remedyId: remedy.id, kind: remedy.kind, amount: fenToYuan(remedy.amountFen) },
    createdAt: now,
  });
  return updated;
}

export function acceptRemedy(
  deps: MerchantsDeps,
  caller: Caller,
  remedyId: string,
  input: { note?: string },
) {
  const note = input.note?.trim() || null;
  return actOnComplaint(caseDeps(deps), caller, async (ctx) => {
    const remedy = await openOffer(ctx, remedyId);
    const updated = await record(ctx, remedy, 'remedy_accepted', note);
    await applyTransition(ctx.tx, updated, {
      action: 'resolve',
      actor: SYSTEM_ACTOR,
      now: ctx.now,
      opinion: acceptedOpinion(remedy.kind as RemedyKind, remedy.amountFen, remedy.note, note),
      data: { remedyId: remedy.id },
    });
  });
}

export function refuseRemedy(
  deps: MerchantsDeps,
  caller: Caller,
  remedyId: string,
  input: { reason: string },
) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'required');
  return actOnComplaint(caseDeps(deps), caller, async (ctx) => {
    const remedy = await openOffer(ctx, remedyId);
    const updated = await record(ctx, remedy, 'remedy_refused', reason);
    await sendToArbitration(ctx.tx, updated, 'remedy_refused', ctx.now);
  });
}
