import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { runMigrations, wrapPool, type Database } from '../../src/server/db/client.js';
import { createLogger } from '../../src/server/lib/logger.js';

export interface TestDatabase extends Pick<Database, 'db' | 'pool' | 'kind'> {
  name: string;
  /** Connection settings for this database (for a second pool, or a child process). */
  connection: pg.PoolConfig;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the run's PostgreSQL; dropped by drop(). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const conn = inject('pg');
  const name = `redress_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(conn.admin);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  let connection: pg.PoolConfig;
  if (conn.admin.connectionString) {
    const u = new URL(conn.admin.connectionString);
    u.pathname = `/${name}`;
    connection = { connectionString: u.toString() };
  } else {
    connection = { ...conn.admin, database: name };
  }
  const pool = new pg.Pool({ ...connection, max: 10 });
  // pool.end() resolves before its clients' sockets have closed, so DROP … WITH (FORCE) can
  // terminate a client that is still closing (57P01) after the test is over. Errors during a
  // query still reject that query; this only keeps the late notice from being "unhandled".
  pool.on('connect', (client) => client.on('error', () => {}));
  // The same late notice on a client that is idle in the pool (e.g. the live stream's LISTEN
  // connection, handed back at close) is re-emitted by the pool itself; unheard, it would throw.
  pool.on('error', () => {});
  await runMigrations(pool, createLogger('silent'));
  return {
    name,
    kind: conn.kind,
    pool,
    db: wrapPool(pool),
    connection,
    async drop() {
      await pool.end();
      const a = new pg.Client(conn.admin);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
