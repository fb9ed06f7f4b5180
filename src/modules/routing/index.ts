// Routing (智能分流转办): teams, people's capacity and hours, routing rules, and the assigner.
// SCAFFOLD — filled in by the routing work of issue 4.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { JobDefinition } from '../../server/jobs/runner.js';

export interface RoutingDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

export function routingHooks(_deps: RoutingDeps): CaseHooks {
  return { async queueChanged() {} };
}

export async function routingRoutes(
  _app: FastifyInstance,
  _deps: RoutingDeps & { hooks: CaseHooks },
) {}

export function routingJobs(_deps: { db: Db; clock: Clock }): JobDefinition[] {
  return [];
}
