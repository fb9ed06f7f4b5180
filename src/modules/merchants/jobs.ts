// Every five minutes: merchants silent past their first-reply deadline, and remedies left
// unanswered past theirs, go to platform arbitration. Idempotent: each case is re-read under its
// row lock and moved only if it still qualifies, so a second run (or a second worker) does nothing.
import type { JobDefinition } from '../../server/jobs/runner.js';
import { lockComplaint } from '../complaints/index.js';
import { sendToArbitration } from './arbitration.js';
import type { MerchantsDeps } from './deps.js';
import { closeRemedy, expiredRemedies, findRemedy, overdueFirstReplies } from './repository.js';

const BATCH = 500;

export interface EscalationRun {
  overdue: number;
  expired: number;
  arbitrated: number;
}

export async function escalateOverdue(deps: MerchantsDeps): Promise<EscalationRun> {
  const now = deps.clock.now();
  const run: EscalationRun = { overdue: 0, expired: 0, arbitrated: 0 };
  for (const { id } of await overdueFirstReplies(deps.db, now, BATCH)) {
    await deps.db.transaction(async (tx) => {
      const row = await lockComplaint(tx, id);
      const due = row.merchantReplyDueAt;
      if (row.status !== 'transferred' || row.merchantPhase !== 'awaiting_reply') return;
      if (!due || due >= now) return;
      await sendToArbitration(tx, row, 'merchant_overdue', now);
      run.overdue++;
      run.arbitrated++;
    });
  }
  for (const { id, complaintId } of await expiredRemedies(deps.db, now, BATCH)) {
    await deps.db.transaction(async (tx) => {
      const row = await lockComplaint(tx, complaintId);
      const remedy = await findRemedy(tx, id, complaintId);
      if (!remedy || remedy.status !== 'proposed' || remedy.respondBy >= now) return;
      await closeRemedy(tx, id, { status: 'expired', respondedAt: null, note: null });
      run.expired++;
      // A case staff already took back from the merchant keeps its course; only the offer lapses.
      if (row.status === 'transferred' && row.merchantPhase === 'remedy_proposed') {
        await sendToArbitration(tx, row, 'remedy_expired', now);
        run.arbitrated++;
      }
    });
  }
  if (run.arbitrated > 0) await deps.hooks.queueChanged();
  return run;
}

export function merchantsJobs(deps: MerchantsDeps): JobDefinition[] {
  return [
    {
      name: 'merchants.escalate-overdue',
      everySeconds: 300,
      async handler(_payload, ctx) {
        const run = await escalateOverdue(deps);
        ctx.log.info(run, 'overdue merchant replies and remedies sent to platform arbitration');
      },
    },
  ];
}
