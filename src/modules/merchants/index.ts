// Merchants: tiers, shops, the merchant's answers and remedies, platform arbitration.
// SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { JobDefinition } from '../../server/jobs/runner.js';

export interface MerchantsDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}

export async function merchantsRoutes(_app: FastifyInstance, _deps: MerchantsDeps) {}

export function merchantsJobs(_deps: MerchantsDeps): JobDefinition[] {
  return [];
}
