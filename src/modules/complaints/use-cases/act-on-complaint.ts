// The shape every change to an existing complaint shares: find it as the caller sees it, lock
// it, check the caller may work it and saw its latest version, change it in one transaction, and
// answer with the new view.
import type { Tx } from '../../../server/db/client.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import type { Actor } from '../actor.js';
import type { ComplaintsDeps } from '../deps.js';
import { findComplaintById, lockComplaint, type ComplaintRow } from '../repository.js';
import { assertVersion, claimComplaint, workerStanding } from '../work-rules.js';
import { complaintForCaller, loadDetail } from './load-complaint.js';

export interface ActCaller {
  principal: Principal | null;
  number: string;
  locale: Locale;
  /** The version the caller based the change on; another current version → 409 version_conflict. */
  version?: number;
}

export interface ActContext {
  tx: Tx;
  /** The locked row, already claimed by the caller when it was waiting in their team's queue. */
  row: ComplaintRow;
  actor: Actor;
  isOwner: boolean;
  now: Date;
}

/**
 * Who may make this change, checked on the locked row before the version. The default is the
 * assignee rule (claiming a waiting case of one's team); changes about who holds the case itself
 * (claim, release, 转派) bring their own.
 */
export type MayAct = (tx: Tx, row: ComplaintRow, actor: Actor) => Promise<void>;

export async function actOnComplaint(
  deps: Pick<ComplaintsDeps, 'db' | 'clock' | 'hooks'>,
  caller: ActCaller,
  change: (ctx: ActContext) => Promise<void>,
  mayAct?: MayAct,
): Promise<ComplaintDetail> {
  const { row: found, viewer } = await complaintForCaller(deps.db, caller.principal, caller.number);
  await deps.db.transaction(async (tx) => {
    let row = await lockComplaint(tx, found.id);
    const now = deps.clock.now();
    // Both checks read the locked row, so a concurrent change is seen or waits for us.
    if (mayAct) {
      await mayAct(tx, row, viewer.actor);
      assertVersion(row, caller.version);
    } else {
      const standing = await workerStanding(tx, row, viewer.actor);
      assertVersion(row, caller.version);
      if (standing === 'claim') row = await claimComplaint(tx, row, viewer.actor, now);
    }
    await change({ tx, row, actor: viewer.actor, isOwner: viewer.kind === 'owner', now });
  });
  // Any change may have queued the case or freed someone's capacity.
  await deps.hooks.queueChanged();
  const row = await findComplaintById(deps.db, found.id);
  return loadDetail(deps, row!, viewer, caller.locale);
}
