// Canned replies (macros) with {{variables}}. SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';

export async function macrosRoutes(_app: FastifyInstance, _deps: { db: Db; clock: Clock }) {}
