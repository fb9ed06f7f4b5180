// Who may see and work a call: the agent who took it, or a supervisor. Anyone else is told it
// does not exist, like someone else's complaint. Calls are people's work: API tokens take none.
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import { can } from '../../shared/roles.js';
import { recordAudit } from '../audit/index.js';
import { actorOf, type Actor } from '../complaints/index.js';
import { findCall, type CallRow } from './repository.js';

/** A person with calls.handle (the route checked the permission). */
export async function callAgent(db: Queryable, principal: Principal): Promise<Actor> {
  if (principal.kind !== 'user') throw new AppError('forbidden');
  return actorOf(db, principal);
}

export function isSupervisor(principal: Principal): boolean {
  return can(principal.role, 'complaints.assign');
}

export async function callFor(
  db: Queryable,
  principal: Principal,
  id: string,
): Promise<{ call: CallRow; actor: Actor }> {
  const actor = await callAgent(db, principal);
  const call = await findCall(db, id);
  if (!call || (call.agentId !== actor.userId && !isSupervisor(principal))) {
    throw new AppError('call_not_found');
  }
  return { call, actor };
}

export function assertNotEnded(call: CallRow): void {
  if (call.endedAt) throw new AppError('call_ended');
}

/** Every call action is audited; the phone only ever masked. */
export async function auditCall(
  db: Queryable,
  actor: Actor,
  action: string,
  callId: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await recordAudit(db, {
    actor: { kind: actor.kind, key: actor.key, appRole: actor.appRole, name: actor.name },
    action: `call.${action}`,
    targetType: 'call',
    targetId: callId,
    data,
    at,
  });
}
