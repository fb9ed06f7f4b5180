import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';

export interface CollectiveDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}
