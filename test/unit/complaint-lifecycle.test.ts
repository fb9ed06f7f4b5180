import { describe, expect, it } from 'vitest';
import {
  appealDeadlineFrom,
  availableActions,
  planTransition,
  TRANSITIONS,
  type LifecycleActor,
  type LifecycleFacts,
  type LifecycleRole,
} from '../../src/modules/complaints/lifecycle.js';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
} from '../../src/shared/complaints.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const ROLES: readonly LifecycleRole[] = [
  'complainant',
  'agent',
  'expert',
  'supervisor',
  'merchant',
  'admin',
  'system',
];

const ACTORS: Record<LifecycleRole, LifecycleActor> = {
  complainant: { role: 'complainant', key: 'user:c-1' },
  agent: { role: 'agent', key: 'user:a-1' },
  expert: { role: 'expert', key: 'user:e-1' },
  supervisor: { role: 'supervisor', key: 'user:s-1' },
  merchant: { role: 'merchant', key: 'user:m-1' },
  admin: { role: 'admin', key: 'user:ad-1' },
  system: { role: 'system', key: null },
};

/** The person who gave the result under appeal; none of ACTORS above. */
const FIRST_RESOLVER = 'user:first';

const RESOLVED_AT = new Date('2026-11-22T02:00:00Z');
const DEADLINE = new Date('2026-11-29T02:00:00Z');
const INSIDE_WINDOW = new Date('2026-11-25T02:00:00Z');
const AFTER_WINDOW = new Date('2026-11-29T02:00:01Z');

function facts(status: ComplaintStatus, over: Partial<LifecycleFacts> = {}): LifecycleFacts {
  return {
    status,
    appealResolver: FIRST_RESOLVER,
    appealDeadline: DEADLINE,
    appealedAt: null,
    isOwner: true,
    ...over,
  };
}

/** The moment that satisfies the time guards of an action: appeal inside, close after. */
const nowFor = (action: ComplaintAction): Date =>
  action === 'close' ? AFTER_WINDOW : INSIDE_WINDOW;

type Allowed = [ComplaintAction, ComplaintStatus, ComplaintStatus, readonly LifecycleRole[]];
const WORKERS = ['agent', 'expert', 'supervisor'] as const;

// docs/COMPLAINTS.md "Lifecycle", written out: action, from, to, who.
const ALLOWED: readonly Allowed[] = [
  ['accept', 'submitted', 'accepted', ['system', ...WORKERS]],
  ['review', 'accepted', 'reviewing', WORKERS],
  ['investigate', 'accepted', 'investigating', WORKERS],
  ['investigate', 'reviewing', 'investigating', WORKERS],
  ['request_materials', 'reviewing', 'awaiting_materials', WORKERS],
  ['request_materials', 'investigating', 'awaiting_materials', WORKERS],
  ['supply_materials', 'awaiting_materials', 'investigating', ['complainant', ...WORKERS]],
  ['transfer', 'accepted', 'transferred', WORKERS],
  ['transfer', 'reviewing', 'transferred', WORKERS],
  ['transfer', 'investigating', 'transferred', WORKERS],
  // The system hands a case back (platform returned it, merchant dispute to arbitration) and
  // settles one the complainant accepted the merchant's remedy for.
  ['return_from_transfer', 'transferred', 'investigating', ['system', ...WORKERS]],
  ['resolve', 'transferred', 'resolved', ['system']],
  ['resolve', 'reviewing', 'resolved', WORKERS],
  ['resolve', 'investigating', 'resolved', WORKERS],
  ['resolve', 'reconsidering', 'resolved', ['expert', 'supervisor']],
  ['reject', 'submitted', 'rejected', WORKERS],
  ['reject', 'accepted', 'rejected', WORKERS],
  ['reject', 'reviewing', 'rejected', WORKERS],
  ['reject', 'investigating', 'rejected', WORKERS],
  ['appeal', 'resolved', 'appealed', ['complainant']],
  ['start_reconsideration', 'appealed', 'reconsidering', ['expert', 'supervisor']],
  ['close', 'resolved', 'closed', ['system', ...WORKERS]],
  ['close', 'rejected', 'closed', ['system', ...WORKERS]],
];

const allowedCases = ALLOWED.flatMap(([action, from, to, who]) =>
  who.map((role) => [action, from, role, to] as const),
);

describe('TRANSITIONS', () => {
  it('holds exactly the documented (action, from, to, who) rows', () => {
    const fromTable = TRANSITIONS.flatMap((r) =>
      r.from.flatMap((from) => r.who.map((role) => `${r.action} ${from} ${role} → ${r.to}`)),
    ).sort();
    const expected = allowedCases.map(([a, f, r, t]) => `${a} ${f} ${r} → ${t}`).sort();
    expect(fromTable).toEqual(expected);
  });

  it('asks for an opinion on transfer, resolve and reject only', () => {
    const needing = [...new Set(TRANSITIONS.filter((r) => r.needsOpinion).map((r) => r.action))];
    expect(needing.sort()).toEqual(['reject', 'resolve', 'transfer']);
  });
});

describe('planTransition: every allowed move', () => {
  it.each(allowedCases)('%s from %s by %s lands on %s', (action, from, role, to) => {
    const plan = planTransition(facts(from), action, ACTORS[role], nowFor(action), '处理意见');
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.rule.action).toBe(action);
      expect(plan.rule.to).toBe(to);
    }
  });
});

describe('planTransition: everything else is refused', () => {
  const allowed = new Set(allowedCases.map(([a, f, r]) => `${a} ${f} ${r}`));
  const refused = COMPLAINT_STATUSES.flatMap((status) =>
    COMPLAINT_ACTIONS.flatMap((action) =>
      ROLES.filter((role) => !allowed.has(`${action} ${status} ${role}`)).map(
        (role) => [action, status, role] as const,
      ),
    ),
  );

  it('refuses the other 858 (action, state, role) combinations', () => {
    expect(allowedCases.length).toBe(68);
    expect(refused.length).toBe(11 * 12 * 7 - 68);
    const wronglyAllowed = refused
      .filter(([action, status, role]) => {
        const plan = planTransition(facts(status), action, ACTORS[role], nowFor(action), '意见');
        return plan.ok;
      })
      .map(([a, s, r]) => `${a} ${s} ${r}`);
    expect(wronglyAllowed).toEqual([]);
  });
});

describe('planTransition: refusal codes', () => {
  const refusal = (
    f: LifecycleFacts,
    action: ComplaintAction,
    role: LifecycleRole | LifecycleActor,
    now: Date = INSIDE_WINDOW,
    opinion: string | null = '处理意见',
  ) => {
    const actor = typeof role === 'string' ? ACTORS[role] : role;
    const plan = planTransition(f, action, actor, now, opinion);
    return plan.ok ? null : plan.refusal;
  };

  it('refuses an action from the wrong stage as transition_not_allowed', () => {
    expect(refusal(facts('investigating'), 'review', 'agent')).toEqual({
      code: 'transition_not_allowed',
    });
    expect(refusal(facts('submitted'), 'resolve', 'supervisor')).toEqual({
      code: 'transition_not_allowed',
    });
    expect(refusal(facts('investigating'), 'close', 'system', AFTER_WINDOW)).toEqual({
      code: 'transition_not_allowed',
    });
    expect(refusal(facts('closed'), 'reject', 'agent')).toEqual({
      code: 'transition_not_allowed',
    });
  });

  it('refuses a complainant taking a staff action as transition_not_allowed, not forbidden', () => {
    expect(refusal(facts('accepted'), 'review', 'complainant')).toEqual({
      code: 'transition_not_allowed',
    });
    expect(refusal(facts('investigating'), 'resolve', 'complainant')).toEqual({
      code: 'transition_not_allowed',
    });
    expect(refusal(facts('rejected'), 'close', 'complainant', AFTER_WINDOW)).toEqual({
      code: 'transition_not_allowed',
    });
  });

  it('refuses staff without the role as forbidden', () => {
    expect(refusal(facts('appealed'), 'start_reconsideration', 'agent')).toEqual({
      code: 'forbidden',
    });
    expect(refusal(facts('reconsidering'), 'resolve', 'agent')).toEqual({ code: 'forbidden' });
    expect(refusal(facts('resolved'), 'appeal', 'supervisor')).toEqual({ code: 'forbidden' });
    expect(refusal(facts('accepted'), 'review', 'merchant')).toEqual({ code: 'forbidden' });
  });

  it('refuses the first resolver reconsidering their own result', () => {
    const self = { role: 'expert', key: FIRST_RESOLVER } as const;
    expect(refusal(facts('appealed'), 'start_reconsideration', self)).toEqual({
      code: 'same_person_reconsideration',
    });
    expect(refusal(facts('reconsidering'), 'resolve', self)).toEqual({
      code: 'same_person_reconsideration',
    });
    const selfSupervisor = { role: 'supervisor', key: FIRST_RESOLVER } as const;
    expect(refusal(facts('reconsidering'), 'resolve', selfSupervisor)).toEqual({
      code: 'same_person_reconsideration',
    });
  });

  it('lets anyone senior reconsider when the first resolver is not known', () => {
    const f = facts('appealed', { appealResolver: null });
    expect(refusal(f, 'start_reconsideration', 'expert')).toBeNull();
  });

  describe('appeal window (7 days from the result)', () => {
    const resolved = facts('resolved', { appealDeadline: appealDeadlineFrom(RESOLVED_AT) });

    it('puts the deadline 7 × 24 hours after the result', () => {
      expect(appealDeadlineFrom(RESOLVED_AT)).toEqual(DEADLINE);
    });

    it('takes an appeal on day 7, one second before the deadline and at it', () => {
      const lastSecond = new Date(RESOLVED_AT.getTime() + 7 * DAY - 1000);
      expect(refusal(resolved, 'appeal', 'complainant', lastSecond)).toBeNull();
      expect(refusal(resolved, 'appeal', 'complainant', DEADLINE)).toBeNull();
    });

    it('refuses an appeal on day 8 as appeal_window_closed', () => {
      const day8 = new Date(RESOLVED_AT.getTime() + 7 * DAY + 1000);
      expect(refusal(resolved, 'appeal', 'complainant', day8)).toEqual({
        code: 'appeal_window_closed',
      });
      const laterOnDay8 = new Date(RESOLVED_AT.getTime() + 7 * DAY + 12 * HOUR);
      expect(refusal(resolved, 'appeal', 'complainant', laterOnDay8)).toEqual({
        code: 'appeal_window_closed',
      });
    });

    it('refuses an appeal with no deadline recorded as appeal_window_closed', () => {
      const f = facts('resolved', { appealDeadline: null });
      expect(refusal(f, 'appeal', 'complainant')).toEqual({ code: 'appeal_window_closed' });
    });

    it('refuses a second appeal as transition_not_allowed', () => {
      const again = facts('resolved', { appealedAt: new Date('2026-11-23T02:00:00Z') });
      expect(refusal(again, 'appeal', 'complainant')).toEqual({ code: 'transition_not_allowed' });
    });
  });

  it('answers complaint_not_found to a complainant who does not own the complaint', () => {
    const notMine = { isOwner: false };
    expect(refusal(facts('resolved', notMine), 'appeal', 'complainant')).toEqual({
      code: 'complaint_not_found',
    });
    expect(
      refusal(facts('awaiting_materials', notMine), 'supply_materials', 'complainant'),
    ).toEqual({ code: 'complaint_not_found' });
    // Ownership is checked before the window, so a closed window says nothing about the case.
    expect(refusal(facts('resolved', notMine), 'appeal', 'complainant', AFTER_WINDOW)).toEqual({
      code: 'complaint_not_found',
    });
  });

  it('lets staff supply materials on a complaint that is not theirs', () => {
    const f = facts('awaiting_materials', { isOwner: false });
    expect(refusal(f, 'supply_materials', 'agent')).toBeNull();
  });

  it('refuses resolve, reject and transfer without an opinion as validation_failed', () => {
    const missing = { code: 'validation_failed', field: 'opinion', reason: 'required' };
    expect(refusal(facts('investigating'), 'resolve', 'agent', INSIDE_WINDOW, null)).toEqual(
      missing,
    );
    expect(refusal(facts('investigating'), 'resolve', 'agent', INSIDE_WINDOW, '')).toEqual(missing);
    expect(refusal(facts('investigating'), 'resolve', 'agent', INSIDE_WINDOW, ' \n ')).toEqual(
      missing,
    );
    expect(refusal(facts('reviewing'), 'reject', 'expert', INSIDE_WINDOW, null)).toEqual(missing);
    expect(refusal(facts('accepted'), 'transfer', 'supervisor', INSIDE_WINDOW, null)).toEqual(
      missing,
    );
    expect(refusal(facts('reconsidering'), 'resolve', 'expert', INSIDE_WINDOW, null)).toEqual(
      missing,
    );
  });

  it('needs no opinion for the other moves', () => {
    expect(refusal(facts('accepted'), 'review', 'agent', INSIDE_WINDOW, null)).toBeNull();
    expect(refusal(facts('rejected'), 'close', 'system', INSIDE_WINDOW, null)).toBeNull();
  });

  describe('closing a result', () => {
    it('is refused inside the appeal window', () => {
      expect(refusal(facts('resolved'), 'close', 'system', INSIDE_WINDOW)).toEqual({
        code: 'transition_not_allowed',
      });
      expect(refusal(facts('resolved'), 'close', 'supervisor', DEADLINE)).toEqual({
        code: 'transition_not_allowed',
      });
    });

    it('is allowed once the window is over', () => {
      expect(refusal(facts('resolved'), 'close', 'system', AFTER_WINDOW)).toBeNull();
      expect(refusal(facts('resolved'), 'close', 'agent', AFTER_WINDOW)).toBeNull();
    });

    it('is allowed at once for a reconsidered result (appealedAt set)', () => {
      const reconsidered = facts('resolved', { appealedAt: new Date('2026-11-23T02:00:00Z') });
      expect(refusal(reconsidered, 'close', 'system', INSIDE_WINDOW)).toBeNull();
    });

    it('is allowed at once for a rejection', () => {
      expect(refusal(facts('rejected'), 'close', 'agent', INSIDE_WINDOW)).toBeNull();
    });
  });
});

describe('availableActions', () => {
  it('offers a complainant only the appeal on a result inside the window', () => {
    expect(availableActions(facts('resolved'), ACTORS.complainant, INSIDE_WINDOW)).toEqual([
      'appeal',
    ]);
  });

  it('offers a complainant nothing on a result after the window', () => {
    expect(availableActions(facts('resolved'), ACTORS.complainant, AFTER_WINDOW)).toEqual([]);
  });

  it('offers an agent on an investigation exactly the four ways forward', () => {
    expect(availableActions(facts('investigating'), ACTORS.agent, INSIDE_WINDOW)).toEqual([
      'request_materials',
      'transfer',
      'resolve',
      'reject',
    ]);
  });

  it('offers an expert reconsideration unless they gave the result', () => {
    expect(availableActions(facts('appealed'), ACTORS.expert, INSIDE_WINDOW)).toEqual([
      'start_reconsideration',
    ]);
    const self = { role: 'expert', key: FIRST_RESOLVER } as const;
    expect(availableActions(facts('appealed'), self, INSIDE_WINDOW)).toEqual([]);
  });

  it('never offers accept (the system does it at filing)', () => {
    expect(availableActions(facts('submitted'), ACTORS.agent, INSIDE_WINDOW)).toEqual(['reject']);
    expect(availableActions(facts('submitted'), ACTORS.system, INSIDE_WINDOW)).toEqual([]);
  });

  it('offers the complainant supply_materials while materials are awaited', () => {
    expect(
      availableActions(facts('awaiting_materials'), ACTORS.complainant, INSIDE_WINDOW),
    ).toEqual(['supply_materials']);
  });
});
