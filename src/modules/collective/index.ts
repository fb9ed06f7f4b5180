// Links between complaints and collective cases (集体投诉): merge, progress, split.
// docs/COLLECTIVE.md describes the API and the rules.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import { collectiveRoutes as routes } from './routes.js';

export async function collectiveRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; hooks: CaseHooks },
) {
  await routes(app, deps);
}
