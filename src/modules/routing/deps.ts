import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';

export interface RoutingDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}
