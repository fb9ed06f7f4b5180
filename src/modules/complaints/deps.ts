import type { Config } from '../../server/config.js';
import type { Db, Queryable } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { EvidenceItem } from '../../shared/complaints.js';

export interface ComplaintsDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'filingLimitPerHour' | 'filingLimitPerIpPerHour'>;
  /** The evidence module's list, injected so that module and this one do not import each other. */
  listEvidence(db: Queryable, complaintId: string, number: string): Promise<EvidenceItem[]>;
}
