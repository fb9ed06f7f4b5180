// The merchant answers a case passed to it: replies the complainant sees, and remedies (退款 /
// 补发 / 赔偿) the complainant accepts or refuses. Either counts as the first reply.
import { AppError, fieldError } from '../../../server/lib/errors.js';
import { REMEDY_RESPONSE_HOURS, type MerchantPhase } from '../../../shared/cases.js';
import {
  actOnComplaint,
  appendEvent,
  fenToYuan,
  updateComplaint,
  type ActContext,
} from '../../complaints/index.js';
import { caseDeps, type Caller, type MerchantsDeps } from '../deps.js';
import { kindHasAmount, parseYuan } from '../remedy-text.js';
import { insertRemedy, openRemedy } from '../repository.js';
import type { RemedyBody } from '../schema.js';

const HOUR = 3600_000;

/** Only the merchant, and only while the case is with it (complaintForCaller checked whose). */
function assertWithMerchant({ row, actor }: ActContext): void {
  if (actor.appRole !== 'merchant') throw new AppError('forbidden');
  if (row.status !== 'transferred') throw new AppError('transition_not_allowed');
}

export function replyAsMerchant(deps: MerchantsDeps, caller: Caller, input: { text: string }) {
  const text = input.text.trim();
  if (!text) throw fieldError('text', 'required');
  return actOnComplaint(caseDeps(deps), caller, async (ctx) => {
    assertWithMerchant(ctx);
    const { tx, row, actor, now } = ctx;
    const first = row.merchantFirstReplyAt === null;
    const phase: MerchantPhase | null =
      row.merchantPhase === 'awaiting_reply' ? 'replied' : (row.merchantPhase as MerchantPhase);
    await updateComplaint(
      tx,
      row.id,
      { merchantFirstReplyAt: row.merchantFirstReplyAt ?? now, merchantPhase: phase },
      now,
    );
    await appendEvent(tx, row.id, {
      type: 'merchant_reply',
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      opinion: text,
      data: { first },
      createdAt: now,
    });
  });
}

/** The amount in fen, checked against the kind: refunds and compensation need one, reships none. */
export function remedyAmount(input: RemedyBody): number | null {
  if (!kindHasAmount(input.kind)) {
    if (input.amount !== undefined) throw fieldError('amount', 'invalid_value');
    return null;
  }
  if (input.amount === undefined || input.amount.trim() === '') {
    throw fieldError('amount', 'required');
  }
  const checked = parseYuan(input.amount);
  if (!checked.ok) throw fieldError('amount', checked.reason);
  return checked.fen;
}

export function proposeRemedy(deps: MerchantsDeps, caller: Caller, input: RemedyBody) {
  const amountFen = remedyAmount(input);
  const note = input.note.trim();
  if (!note) throw fieldError('note', 'required');
  return actOnComplaint(caseDeps(deps), caller, async (ctx) => {
    assertWithMerchant(ctx);
    const { tx, row, actor, now } = ctx;
    // One open offer at a time: the complainant answers it before another can be made.
    if (await openRemedy(tx, row.id)) throw new AppError('transition_not_allowed');
    const respondBy = new Date(now.getTime() + REMEDY_RESPONSE_HOURS * HOUR);
    const remedy = await insertRemedy(tx, {
      complaintId: row.id,
      kind: input.kind,
      amountFen,
      note,
      proposedById: actor.userId,
      proposedByName: actor.name,
      proposedAt: now,
      respondBy,
      status: 'proposed',
    });
    await updateComplaint(
      tx,
      row.id,
      { merchantFirstReplyAt: row.merchantFirstReplyAt ?? now, merchantPhase: 'remedy_proposed' },
      now,
    );
    await appendEvent(tx, row.id, {
      type: 'remedy_proposed',
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      opinion: note,
      data: {
        remedyId: remedy.id,
        kind: input.kind,
        amount: fenToYuan(amountFen),
        respondBy: respondBy.toISOString(),
        first: row.merchantFirstReplyAt === null,
      },
      createdAt: now,
    });
  });
}
