import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
}
