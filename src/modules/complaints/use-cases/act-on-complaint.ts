// The shape every change to an existing complaint shares: find it as the caller sees it, lock
// it, change it in one transaction, and answer with the new view.
import type { Tx } from '../../../server/db/client.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import type { Actor } from '../actor.js';
import type { ComplaintsDeps } from '../deps.js';
import { findComplaintById, lockComplaint, type ComplaintRow } from '../repository.js';
import { complaintForCaller, loadDetail } from './load-complaint.js';

export interface ActContext {
  tx: Tx;
  row: ComplaintRow;
  actor: Actor;
  isOwner: boolean;
  now: Date;
}

export async function actOnComplaint(
  deps: ComplaintsDeps,
  caller: { principal: Principal | null; number: string; locale: Locale },
  change: (ctx: ActContext) => Promise<void>,
): Promise<ComplaintDetail> {
  const { row: found, viewer } = await complaintForCaller(deps.db, caller.principal, caller.number);
  await deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, found.id);
    await change({
      tx,
      row,
      actor: viewer.actor,
      isOwner: viewer.kind === 'owner',
      now: deps.clock.now(),
    });
  });
  // Any change may have queued the case or freed someone's capacity.
  await deps.hooks.queueChanged();
  const row = await findComplaintById(deps.db, found.id);
  return loadDetail(deps, row!, viewer, caller.locale);
}
