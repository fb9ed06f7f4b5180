// The complaint lifecycle (SPEC "Lifecycle") as one table: which action moves which states to
// which, who may do it, and what it needs. Every state change on the server goes through
// planTransition; nothing else decides whether a move is allowed.
import {
  APPEAL_WINDOW_DAYS,
  type ComplaintAction,
  type ComplaintStatus,
} from '../../shared/complaints.js';
import type { ErrorCode, FieldReason } from '../../shared/errors.js';

export type LifecycleRole =
  'complainant' | 'agent' | 'expert' | 'supervisor' | 'merchant' | 'admin' | 'system';

const WORKERS: readonly LifecycleRole[] = ['agent', 'expert', 'supervisor'];
const SENIORS: readonly LifecycleRole[] = ['expert', 'supervisor'];

type Guard =
  /** The person who gave the result under appeal may not reconsider it. */
  | 'not_first_resolver'
  /** Appeals only within the window after the result, and only once. */
  | 'within_appeal_window'
  /** Closing a result early would cut the complainant's appeal window short. */
  | 'appeal_window_over'
  | 'owner';

export interface TransitionRule {
  action: ComplaintAction;
  from: readonly ComplaintStatus[];
  to: ComplaintStatus;
  who: readonly LifecycleRole[];
  /** An opinion or reason must accompany the move. */
  needsOpinion: boolean;
  guards: readonly Guard[];
}

const rule = (
  action: ComplaintAction,
  from: readonly ComplaintStatus[],
  to: ComplaintStatus,
  who: readonly LifecycleRole[],
  opts: { needsOpinion?: boolean; guards?: readonly Guard[] } = {},
): TransitionRule => ({
  action,
  from,
  to,
  who,
  needsOpinion: opts.needsOpinion ?? false,
  guards: opts.guards ?? [],
});

export const TRANSITIONS: readonly TransitionRule[] = [
  rule('accept', ['submitted'], 'accepted', ['system', ...WORKERS]),
  rule('review', ['accepted'], 'reviewing', WORKERS),
  rule('investigate', ['accepted', 'reviewing'], 'investigating', WORKERS),
  rule('request_materials', ['reviewing', 'investigating'], 'awaiting_materials', WORKERS),
  rule('supply_materials', ['awaiting_materials'], 'investigating', ['complainant', ...WORKERS], {
    guards: ['owner'],
  }),
  rule('transfer', ['accepted', 'reviewing', 'investigating'], 'transferred', WORKERS, {
    needsOpinion: true,
  }),
  // The system hands a case back when an external platform returns it or a merchant dispute goes
  // to platform arbitration.
  rule('return_from_transfer', ['transferred'], 'investigating', ['system', ...WORKERS]),
  rule('resolve', ['reviewing', 'investigating'], 'resolved', WORKERS, { needsOpinion: true }),
  // Resolving a reconsideration is a separate row: only seniors, never the first resolver.
  rule('resolve', ['reconsidering'], 'resolved', SENIORS, {
    needsOpinion: true,
    guards: ['not_first_resolver'],
  }),
  // A merchant's remedy accepted by the complainant settles a case that is with the merchant.
  rule('resolve', ['transferred'], 'resolved', ['system'], { needsOpinion: true }),
  rule('reject', ['submitted', 'accepted', 'reviewing', 'investigating'], 'rejected', WORKERS, {
    needsOpinion: true,
  }),
  rule('appeal', ['resolved'], 'appealed', ['complainant'], {
    guards: ['owner', 'within_appeal_window'],
  }),
  rule('start_reconsideration', ['appealed'], 'reconsidering', SENIORS, {
    guards: ['not_first_resolver'],
  }),
  rule('close', ['resolved'], 'closed', ['system', ...WORKERS], { guards: ['appeal_window_over'] }),
  rule('close', ['rejected'], 'closed', ['system', ...WORKERS]),
];

/** The facts about a complaint the guards look at. */
export interface LifecycleFacts {
  status: ComplaintStatus;
  /** 'user:<id>' / 'token:<id>' of whoever gave the result under appeal (or the current one). */
  appealResolver: string | null;
  appealDeadline: Date | null;
  appealedAt: Date | null;
  isOwner: boolean;
}

export interface LifecycleActor {
  role: LifecycleRole;
  /** 'user:<id>' / 'token:<id>'; null for the system. */
  key: string | null;
}

export type Refusal =
  | { code: ErrorCode; field?: undefined }
  | { code: 'validation_failed'; field: string; reason: FieldReason };

export type Plan = { ok: true; rule: TransitionRule } | { ok: false; refusal: Refusal };

function guardRefusal(
  guard: Guard,
  facts: LifecycleFacts,
  actor: LifecycleActor,
  now: Date,
): Refusal | null {
  switch (guard) {
    case 'owner':
      return actor.role === 'complainant' && !facts.isOwner
        ? { code: 'complaint_not_found' }
        : null;
    case 'not_first_resolver':
      return facts.appealResolver !== null && actor.key === facts.appealResolver
        ? { code: 'same_person_reconsideration' }
        : null;
    case 'within_appeal_window':
      if (facts.appealedAt !== null) return { code: 'transition_not_allowed' };
      return !facts.appealDeadline || now > facts.appealDeadline
        ? { code: 'appeal_window_closed' }
        : null;
    case 'appeal_window_over':
      // A result that was already reconsidered (appealedAt set) is final: it may close at once.
      return facts.appealedAt === null &&
        facts.appealDeadline !== null &&
        now <= facts.appealDeadline
        ? { code: 'transition_not_allowed' }
        : null;
  }
}

/**
 * Whether `actor` may take `action` now, and by which rule. Refusals say why: the wrong stage
 * (409), the wrong role (403), a broken guard (its own code), or a missing opinion (400).
 */
export function planTransition(
  facts: LifecycleFacts,
  action: ComplaintAction,
  actor: LifecycleActor,
  now: Date,
  opinion: string | null,
): Plan {
  // A role that may never take this action is refused as such, whatever the stage.
  const everMine = TRANSITIONS.some((r) => r.action === action && r.who.includes(actor.role));
  if (!everMine && actor.role !== 'complainant') {
    return { ok: false, refusal: { code: 'forbidden' } };
  }
  const fromHere = TRANSITIONS.filter((r) => r.action === action && r.from.includes(facts.status));
  if (fromHere.length === 0) return { ok: false, refusal: { code: 'transition_not_allowed' } };
  const mine = fromHere.find((r) => r.who.includes(actor.role));
  if (!mine) {
    const code = actor.role === 'complainant' ? 'transition_not_allowed' : 'forbidden';
    return { ok: false, refusal: { code } };
  }
  for (const guard of mine.guards) {
    const refusal = guardRefusal(guard, facts, actor, now);
    if (refusal) return { ok: false, refusal };
  }
  if (mine.needsOpinion && !opinion?.trim()) {
    return {
      ok: false,
      refusal: { code: 'validation_failed', field: 'opinion', reason: 'required' },
    };
  }
  return { ok: true, rule: mine };
}

/** Actions the actor could take now (an opinion assumed given), to drive buttons. */
export function availableActions(
  facts: LifecycleFacts,
  actor: LifecycleActor,
  now: Date,
): ComplaintAction[] {
  const actions = new Set<ComplaintAction>();
  for (const r of TRANSITIONS) {
    if (r.action === 'accept') continue;
    if (planTransition(facts, r.action, actor, now, 'x').ok) actions.add(r.action);
  }
  return [...actions];
}

export function appealDeadlineFrom(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + APPEAL_WINDOW_DAYS * 24 * 3600_000);
}
