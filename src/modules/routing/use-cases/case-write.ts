// The shape claim, release and reassignment share: find the complaint as the caller sees it, lock
// it, change it in one transaction, run the assigner if the change may have queued work or freed
// capacity, and answer with the complaint as the caller now sees it.
import type { Db, Tx } from '../../../server/db/client.js';
import type { CaseHooks } from '../../../server/lib/case-hooks.js';
import type { Clock } from '../../../server/lib/clock.js';
import { AppError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import {
  complaintForCaller,
  findComplaintById,
  loadDetail,
  lockComplaint,
  type Actor,
  type ComplaintRow,
} from '../../complaints/index.js';
import { assertVersion } from '../actors.js';

export interface CaseWriteDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}

export interface CaseCaller {
  principal: Principal | null;
  number: string;
  locale: Locale;
  version?: number;
}

export async function writeCase(
  deps: CaseWriteDeps,
  caller: CaseCaller,
  opts: { queueAfter: boolean },
  /** Checks who may act first, then calls `checkVersion()`, then changes the complaint. */
  change: (ctx: {
    tx: Tx;
    row: ComplaintRow;
    actor: Actor;
    now: Date;
    checkVersion: () => void;
  }) => Promise<void>,
): Promise<ComplaintDetail> {
  const { row: found, viewer } = await complaintForCaller(deps.db, caller.principal, caller.number);
  if (viewer.kind !== 'staff') throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, found.id);
    await change({
      tx,
      row,
      actor: viewer.actor,
      now: deps.clock.now(),
      // Read under the lock, so a concurrent change is either seen here or waits for us.
      checkVersion: () => assertVersion(row, caller.version),
    });
  });
  if (opts.queueAfter) await deps.hooks.queueChanged();
  const row = await findComplaintById(deps.db, found.id);
  return loadDetail(deps, row!, viewer, caller.locale);
}
