import type { JobDefinition } from '../../server/jobs/runner.js';
import type { AccountsDeps } from './deps.js';
import { deleteExpiredAuthRows } from './repository.js';

/** Hourly: forget expired sessions and old one-time codes. Idempotent: deleting twice is a no-op. */
export function accountsJobs(deps: AccountsDeps): JobDefinition[] {
  return [
    {
      name: 'accounts.cleanup',
      everySeconds: 3600,
      async handler(_payload, ctx) {
        const removed = await deleteExpiredAuthRows(deps.db, deps.clock.now());
        ctx.log.info(removed, 'expired sessions and codes removed');
      },
    },
  ];
}
