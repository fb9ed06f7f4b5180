import type pg from 'pg';
import { accountsJobs } from '../../modules/accounts/index.js';
import { complaintsJobs } from '../../modules/complaints/index.js';
import { merchantsJobs } from '../../modules/merchants/index.js';
import { escalationJobs } from '../../modules/escalation/index.js';
import { routingJobs } from '../../modules/routing/index.js';
import { notificationsJobs, type Channels } from '../../modules/notifications/index.js';
import { NO_CASE_HOOKS } from '../lib/case-hooks.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { JobRegistry, type JobDefinition } from './runner.js';

export { enqueue, JobRegistry, Worker, type JobDefinition } from './runner.js';

/** Every job the platform knows; `serve` and `redress worker` build the same registry. */
export function buildJobRegistry(deps: {
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  /** Providers and the public address for notifications; without them nothing is sent out. */
  notifications?: { channels: Channels; publicUrl: string; log?: Logger };
}): JobRegistry {
  const registry = new JobRegistry();
  const jobs: JobDefinition[] = [
    ...accountsJobs(deps),
    ...complaintsJobs(deps),
    ...routingJobs(deps),
    // Jobs run outside a request; the merchant escalation job queues work the routing job assigns.
    ...merchantsJobs({ ...deps, hooks: NO_CASE_HOOKS }),
    // The routing job assigns what an escalation sends to the expert seat.
    ...escalationJobs({ ...deps, hooks: NO_CASE_HOOKS }),
    ...notificationsJobs({
      db: deps.db,
      clock: deps.clock,
      channels: deps.notifications?.channels ?? { sms: null, email: null, wechat: null },
      publicUrl: deps.notifications?.publicUrl ?? 'http://localhost:3000',
      log: deps.notifications?.log,
    }),
    {
      name: 'jobs.prune',
      everySeconds: 24 * 3600,
      // Finished jobs are kept a week for inspection; deleting old rows twice is harmless.
      async handler(_payload, ctx) {
        const r = await deps.pool.query(
          `DELETE FROM jobs WHERE status IN ('done','failed') AND finished_at < $1`,
          [new Date(deps.clock.now().getTime() - 7 * 24 * 3600_000)],
        );
        ctx.log.info({ removed: r.rowCount }, 'old jobs pruned');
      },
    },
  ];
  for (const job of jobs) registry.define(job);
  return registry;
}
