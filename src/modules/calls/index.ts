// The phone channel: calls, caller identification and verification. docs/CALLS.md describes the
// API and the rules.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { OtpSender } from '../accounts/index.js';
import { callsRoutes as routes } from './routes.js';

export async function callsRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; otpSender: OtpSender | null },
) {
  await routes(app, deps);
}
