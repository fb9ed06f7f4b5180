// Links between complaints and collective cases (集体投诉): merge, progress, split.
// SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';

export async function collectiveRoutes(
  _app: FastifyInstance,
  _deps: { db: Db; clock: Clock; hooks: CaseHooks },
) {}
