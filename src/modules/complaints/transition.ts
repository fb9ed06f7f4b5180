// The one function through which every state change happens (DESIGN.md rule 4): it asks the
// lifecycle table, updates the complaint and writes the timeline in the caller's transaction,
// which must already hold the complaint's row lock.
import type { Tx } from '../../server/db/client.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import type {
  ComplaintAction,
  ComplaintStatus,
  TimelineEventType,
} from '../../shared/complaints.js';
import type { Actor } from './actor.js';
import { appealDeadlineFrom, planTransition, type LifecycleFacts } from './lifecycle.js';
import {
  appendEvent,
  updateComplaint,
  type ComplaintRow,
  type NewComplaint,
} from './repository.js';

export function factsOf(row: ComplaintRow, actor: Pick<Actor, 'userId'>): LifecycleFacts {
  return {
    status: row.status as ComplaintStatus,
    appealResolver: row.appealResolver,
    appealDeadline: row.appealDeadline,
    appealedAt: row.appealedAt,
    isOwner: actor.userId !== null && actor.userId === row.complainantId,
  };
}

/** Throws the refusal, or returns the rule that allows the move. */
export function assertAllowed(
  row: ComplaintRow,
  action: ComplaintAction,
  actor: Actor,
  now: Date,
  opinion: string | null,
) {
  const plan = planTransition(factsOf(row, actor), action, actor, now, opinion);
  if (plan.ok) return plan.rule;
  const r = plan.refusal;
  if (r.code === 'validation_failed' && r.field) throw fieldError(r.field, r.reason);
  throw new AppError(r.code);
}

function sideEffects(
  row: ComplaintRow,
  action: ComplaintAction,
  actor: Actor,
  now: Date,
  opinion: string | null,
): Partial<NewComplaint> {
  const patch: Partial<NewComplaint> = {};
  // The latest opinion is the handler's; a complainant's appeal reason stays on the timeline.
  if (opinion && actor.kind !== 'complainant') {
    patch.latestOpinion = opinion;
    patch.latestOpinionAt = now;
    patch.latestOpinionBy = actor.name;
  }
  switch (action) {
    case 'accept':
      // The clocks (and the estimated completion) start when the acceptance is recorded.
      patch.acceptedAt = now;
      break;
    case 'resolve':
      patch.resolvedAt = now;
      patch.resolvedBy = actor.key;
      // How the result came about (reporting: online service / merchant / platform arbitration).
      if (row.merchantPhase === 'arbitration') {
        patch.resolutionMethod = 'arbitration';
        patch.merchantPhase = 'arbitrated';
      } else {
        patch.resolutionMethod = row.status === 'transferred' ? 'merchant' : 'service';
      }
      // A reconsidered result is final: no second appeal window.
      patch.appealDeadline = row.status === 'reconsidering' ? null : appealDeadlineFrom(now);
      break;
    case 'appeal':
      patch.appealedAt = now;
      patch.appealResolver = row.resolvedBy;
      break;
    case 'close':
      patch.closedAt = now;
      break;
    default:
      break;
  }
  return patch;
}

export interface TransitionInput {
  action: ComplaintAction;
  actor: Actor;
  now: Date;
  opinion?: string | null;
  eventType?: TimelineEventType;
  data?: Record<string, unknown>;
}

export async function applyTransition(
  tx: Tx,
  row: ComplaintRow,
  input: TransitionInput,
): Promise<ComplaintRow> {
  const opinion = input.opinion?.trim() || null;
  const rule = assertAllowed(row, input.action, input.actor, input.now, opinion);
  const updated = await updateComplaint(
    tx,
    row.id,
    { status: rule.to, ...sideEffects(row, input.action, input.actor, input.now, opinion) },
    input.now,
  );
  await appendEvent(tx, row.id, {
    type: input.eventType ?? 'transition',
    action: input.action,
    fromStatus: row.status,
    toStatus: rule.to,
    actorKind: input.actor.kind,
    actorId: input.actor.key,
    actorRole: input.actor.appRole,
    actorName: input.actor.name,
    opinion,
    data: input.data ?? {},
    createdAt: input.now,
  });
  return updated;
}
