import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type pg from 'pg';
import type { Db } from '../../server/db/client.js';
import type { DbKind } from '../../shared/db.js';
import type { SystemInfo } from '../../shared/system.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { countUsers } from '../accounts/index.js';
import { catalogCounts } from '../catalog/index.js';

export interface SystemDeps {
  db: Db;
  pool: pg.Pool;
  dbKind: DbKind;
  version: string;
  startedAt: Date;
}

const DbKindSchema = Type.Union([Type.Literal('embedded'), Type.Literal('external')]);

/** Resolves true only if the database answers within the timeout. */
async function databaseAnswers(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function systemRoutes(app: FastifyInstance, deps: SystemDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability (503 when the database does not answer)',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), db: DbKindSchema }),
          503: Type.Object({ status: Type.Literal('unavailable'), db: DbKindSchema }),
        },
      },
    },
    async (_req, reply) => {
      if (await databaseAnswers(deps.pool, 2000)) return { status: 'ok' as const, db: deps.dbKind };
      return reply.status(503).send({ status: 'unavailable' as const, db: deps.dbKind });
    },
  );

  r.get(
    '/api/v1/system/info',
    {
      config: { access: 'system.info' },
      schema: {
        tags: ['system'],
        summary: 'Version, database and basic counts for the console dashboard',
        response: {
          200: Type.Object({
            version: Type.String(),
            db: DbKindSchema,
            startedAt: Type.String({ format: 'date-time' }),
            counts: Type.Object({
              users: Type.Integer(),
              categories: Type.Integer(),
              problemTypes: Type.Integer(),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (): Promise<SystemInfo> => ({
      version: deps.version,
      db: deps.dbKind,
      startedAt: deps.startedAt.toISOString(),
      counts: { users: await countUsers(deps.db), ...(await catalogCounts(deps.db)) },
    }),
  );
}
