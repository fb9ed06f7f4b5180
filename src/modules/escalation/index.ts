// Escalation (升级): the SLA sweeper, the rules' actions, supervisors' alerts and assist teams.
// Imports sla (clocks), complaints (the case and its timeline); see docs/SLA.md.
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { JobDefinition } from '../../server/jobs/runner.js';
import { sweepClocks } from './sweep.js';

export { escalationRoutes } from './routes.js';
export { sweepClocks, claimDue, type SweepResult } from './sweep.js';

export function escalationJobs(deps: { db: Db; clock: Clock; hooks: CaseHooks }): JobDefinition[] {
  return [
    {
      name: 'escalation.sweep',
      // Every 30 s: warnings, breaches and rule timers that fell due, oldest first. Idempotent:
      // a clock is claimed under SKIP LOCKED and a rule fires once per clock and event.
      everySeconds: 30,
      async handler(_payload, ctx) {
        const run = await sweepClocks(deps);
        if (run.clocks > 0) ctx.log.info(run, 'SLA clocks swept');
      },
    },
  ];
}
