import type { Config } from '../../server/config.js';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';

export interface ComplaintsDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'filingLimitPerHour' | 'filingLimitPerIpPerHour'>;
  hooks: CaseHooks;
}
