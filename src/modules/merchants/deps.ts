import type { Db } from '../../server/db/client.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import type { Clock } from '../../server/lib/clock.js';
import type { ActCaller, ComplaintsDeps } from '../complaints/index.js';

export interface MerchantsDeps {
  db: Db;
  clock: Clock;
  hooks: CaseHooks;
}

/** The caller in the shape actOnComplaint takes (with the version the change is based on). */
export type Caller = ActCaller;

/**
 * The complaints toolkit's dependencies for changing an existing complaint. actOnComplaint never
 * files a complaint, so the filing limits it is typed with are never read here.
 */
export function caseDeps(deps: MerchantsDeps): ComplaintsDeps {
  return { ...deps, config: { filingLimitPerHour: 0, filingLimitPerIpPerHour: 0 } };
}
