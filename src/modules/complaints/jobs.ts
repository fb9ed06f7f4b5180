import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { complaints } from '../../server/db/schema.js';
import type { JobDefinition } from '../../server/jobs/runner.js';
import type { Clock } from '../../server/lib/clock.js';
import { SYSTEM_ACTOR } from './actor.js';
import { lockComplaint } from './repository.js';
import { applyTransition } from './transition.js';

/**
 * Hourly: close results whose appeal window has passed unused (the SPEC's resolved → closed).
 * Idempotent: each complaint is re-read under its lock and closed only if still resolved.
 */
export function complaintsJobs(deps: { db: Db; clock: Clock }): JobDefinition[] {
  return [
    {
      name: 'complaints.close-expired',
      everySeconds: 3600,
      async handler(_payload, ctx) {
        const now = deps.clock.now();
        const due = await deps.db
          .select({ id: complaints.id })
          .from(complaints)
          .where(
            and(
              eq(complaints.status, 'resolved'),
              isNull(complaints.appealedAt),
              lt(complaints.appealDeadline, now),
            ),
          )
          .limit(500);
        let closed = 0;
        for (const { id } of due) {
          await deps.db.transaction(async (tx) => {
            const row = await lockComplaint(tx, id);
            if (row.status !== 'resolved' || row.appealedAt) return;
            await applyTransition(tx, row, { action: 'close', actor: SYSTEM_ACTOR, now });
            closed++;
          });
        }
        ctx.log.info({ closed }, 'complaints past their appeal window closed');
      },
    },
  ];
}
