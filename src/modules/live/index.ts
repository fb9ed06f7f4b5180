// Live updates: GET /api/v1/live streams complaint changes (server-sent events) from PostgreSQL
// LISTEN/NOTIFY. SCAFFOLD — filled in by issue 4.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Db } from '../../server/db/client.js';

export async function liveRoutes(_app: FastifyInstance, _deps: { db: Db; pool: pg.Pool }) {}
