// Routing (智能分流转办): teams, people's capacity and hours, routing rules, and the assigner.
// See docs/ROUTING.md.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { JobDefinition } from '../../server/jobs/runner.js';
import type { RoutingDeps } from './deps.js';
import { queueRoutes } from './queue-routes.js';
import { routingAdminRoutes } from './routes.js';
import { assignAvailable, assignWaiting } from './use-cases/assign-waiting.js';

export type { RoutingDeps } from './deps.js';
export { assignWaiting, type AssignDeps, type AssignOptions } from './use-cases/assign-waiting.js';
export { chinaWeekTime, isAbsent, isOnShift, isWorkingNow, parseHm } from './hours.js';
export { pickAssignee, type AssignCandidate } from './pick.js';

/**
 * After a case change commits, assign what waits. Runs in this process are serialised and
 * coalesced: a call joins a run that has not started yet, otherwise queues one after the run in
 * progress (which may already have passed the caller's complaint). Never throws.
 */
export function routingHooks(deps: RoutingDeps): CaseHooks {
  let last: Promise<void> = Promise.resolve();
  let pending: Promise<void> | null = null;
  const runOnce = async () => {
    pending = null;
    try {
      // On every case change: no count of what still waits (that is one more query per request).
      const assigned = await assignAvailable(deps);
      if (assigned > 0) deps.log.info({ assigned }, 'waiting complaints assigned');
    } catch (err) {
      deps.log.error({ err }, 'assigning waiting complaints failed; the routing job will retry');
    }
  };
  return {
    queueChanged() {
      if (pending) return pending;
      const next = last.then(runOnce);
      pending = next;
      last = next;
      return next;
    },
  };
}

export async function routingRoutes(
  app: FastifyInstance,
  deps: RoutingDeps & { hooks: CaseHooks },
) {
  await routingAdminRoutes(app, deps);
  await queueRoutes(app, deps);
}

/**
 * Every minute: people come on shift and absences end without any request to trigger the
 * assigner. Idempotent: it only assigns complaints that still wait, each under its row lock.
 */
export function routingJobs(deps: { db: Db; clock: Clock }): JobDefinition[] {
  return [
    {
      name: 'routing.assign-waiting',
      everySeconds: 60,
      async handler(_payload, ctx) {
        const run = await assignWaiting(deps);
        if (run.assigned > 0) ctx.log.info(run, 'waiting complaints assigned');
        else ctx.log.debug(run, 'nothing to assign');
      },
    },
  ];
}
