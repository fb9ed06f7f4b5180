import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import type { DbKind } from '../../shared/db.js';
import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import * as schema from './schema.js';
import { shipCalendars } from '../../modules/sla/index.js';

export type Db = NodePgDatabase<typeof schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either: for repository functions that run alone or as part of a caller's transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: DbKind;
  pool: pg.Pool;
  db: Db;
  describe: string;
  /** Closes the pool and detaches from the bundled PostgreSQL (stopping it if we were last). */
  close(): Promise<void>;
}

// Timestamps come back as JS Dates (timestamptz), bigints stay strings unless a column says otherwise.
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  '..',
  'src',
  'server',
  'db',
  'migrations',
);

export function wrapPool(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
  poolSize = 10,
): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let poolConfig: pg.PoolConfig;
  let describe: string;
  if (config.databaseUrl) {
    poolConfig = { connectionString: config.databaseUrl };
    const c = parseConnectionString(config.databaseUrl);
    describe = `PostgreSQL at ${c.host ?? 'localhost'}:${c.port ?? 5432}/${c.database ?? ''}`;
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir, logger);
    poolConfig = embedded.connection;
    describe = embedded.describe;
  }
  const pool = new pg.Pool({ ...poolConfig, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (e.g. the server restarting) must not crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'idle database connection lost'));
  let closed = false;
  return {
    kind: embedded ? 'embedded' : 'external',
    pool,
    db: wrapPool(pool),
    describe,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await embedded?.release();
    },
  };
}

/**
 * Applies pending migrations. An advisory lock makes concurrent starts (several servers and
 * workers on one database) take turns instead of racing.
 */
export async function runMigrations(pool: pg.Pool, logger: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7406001)');
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
      const years = await shipCalendars(client);
      if (years > 0) logger.info({ years }, 'shipped calendar years loaded');
    } finally {
      await client.query('SELECT pg_advisory_unlock(7406001)');
    }
    logger.debug('migrations up to date');
  } finally {
    client.release();
  }
}
