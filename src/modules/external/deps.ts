import type { Config } from '../../server/config.js';
import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { ComplaintsDeps } from '../complaints/index.js';

type FilingLimits = Pick<Config, 'filingLimitPerHour' | 'filingLimitPerIpPerHour'>;

export interface ExternalDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
  /**
   * The filing limits complaints imported from a platform are held to (buildApp passes the
   * configured ones); without them, the configuration's defaults.
   */
  config?: FilingLimits;
}

/** FILING_LIMIT_PER_HOUR / FILING_LIMIT_PER_IP_PER_HOUR defaults (src/server/config.ts). */
const DEFAULT_LIMITS: FilingLimits = { filingLimitPerHour: 5, filingLimitPerIpPerHour: 30 };

/** The complaints toolkit's dependencies. */
export function caseDeps(deps: ExternalDeps): ComplaintsDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    hooks: deps.hooks,
    config: deps.config ?? DEFAULT_LIMITS,
  };
}
