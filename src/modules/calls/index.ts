// The phone channel: calls, caller identification and verification. SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { OtpSender } from '../accounts/index.js';

export async function callsRoutes(
  _app: FastifyInstance,
  _deps: { db: Db; clock: Clock; otpSender: OtpSender | null },
) {}
