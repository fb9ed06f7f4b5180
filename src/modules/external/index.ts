// External platforms (12315 / 12345 / 12305 / 黑猫投诉): transfers, status updates, imports.
// SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';

export interface ExternalDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}

export async function externalRoutes(_app: FastifyInstance, _deps: ExternalDeps) {}
