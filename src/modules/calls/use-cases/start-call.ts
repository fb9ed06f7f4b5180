// An agent starts a call with a phone number. Nothing about the caller's complaints is shown
// until the caller is verified; only whether the number is known at all.
import { fieldError } from '../../../server/lib/errors.js';
import { maskPhone } from '../../../server/lib/masking.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { Call } from '../../../shared/cases.js';
import { normalisePhone } from '../../accounts/index.js';
import { auditCall, callAgent } from '../access.js';
import type { CallsDeps } from '../deps.js';
import { presentCall } from '../present.js';
import { insertCall } from '../repository.js';

export async function startCall(
  deps: CallsDeps,
  principal: Principal,
  body: { phone: string; direction: 'inbound' | 'outbound' },
): Promise<Call> {
  const phone = normalisePhone(body.phone);
  if (!phone) throw fieldError('phone', 'invalid_phone');
  const actor = await callAgent(deps.db, principal);
  const now = deps.clock.now();
  const call = await deps.db.transaction(async (tx) => {
    const row = await insertCall(tx, {
      phone,
      direction: body.direction,
      agentId: actor.userId!,
      startedAt: now,
    });
    await auditCall(
      tx,
      actor,
      'start',
      row.id,
      { direction: body.direction, phone: maskPhone(phone) },
      now,
    );
    return row;
  });
  return presentCall(deps.db, call);
}
