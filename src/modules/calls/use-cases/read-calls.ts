import type { Principal } from '../../../server/plugins/auth.js';
import type { Call } from '../../../shared/cases.js';
import { callAgent, callFor, isSupervisor } from '../access.js';
import type { CallsDeps } from '../deps.js';
import { presentCall } from '../present.js';
import { listCalls } from '../repository.js';

export async function getCall(deps: CallsDeps, principal: Principal, id: string): Promise<Call> {
  const { call } = await callFor(deps.db, principal, id);
  return presentCall(deps.db, call);
}

/** My calls (a supervisor: everyone's), newest first; `open` for the ones not ended yet. */
export async function listCallsFor(
  deps: CallsDeps,
  principal: Principal,
  q: { open?: boolean; page: number; pageSize: number },
): Promise<{ items: Call[]; total: number; page: number; pageSize: number }> {
  const actor = await callAgent(deps.db, principal);
  const { rows, total } = await listCalls(deps.db, {
    agentId: isSupervisor(principal) ? undefined : actor.userId!,
    open: q.open,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = [];
  for (const row of rows) items.push(await presentCall(deps.db, row));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
