import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';

export interface RoutingDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** What claim, release and 转派 need: they change a complaint, then let the assigner run. */
export interface CaseWriteDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}
