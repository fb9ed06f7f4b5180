import { DEFAULT_KB } from '../../src/modules/assistant/data/default-kb.js';
import { DEFAULT_SCRIPTS } from '../../src/modules/assistant/data/default-scripts.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, runMigrations, wrapPool } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { DEMO_STAFF, seedDemoData, type SeedResult } from '../../src/server/db/seed/index.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';

const log = createLogger('silent');
const clock = new FixedClock(new Date('2026-11-22T02:00:00Z'));
const PASSWORD = 'seed-password-123';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** An empty database (no migrations) on the run's PostgreSQL, dropped after the file. */
async function emptyDatabase(): Promise<pg.PoolConfig> {
  const conn = inject('pg');
  const name = `redress_m_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(conn.admin);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client(conn.admin);
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  if (conn.admin.connectionString) {
    const u = new URL(conn.admin.connectionString);
    u.pathname = `/${name}`;
    return { connectionString: u.toString() };
  }
  return { ...conn.admin, database: name };
}

function openPool(connection: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...connection, max: 5 });
  cleanups.push(() => pool.end());
  return pool;
}

const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t).name)
  .sort();

async function publicTables(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return r.rows.map((x) => x.table_name);
}

async function count(pool: pg.Pool, sql: string): Promise<number> {
  const r = await pool.query<{ n: string }>(sql);
  return Number(r.rows[0]?.n);
}

describe('runMigrations', () => {
  it('can run from 3 pools at once on a fresh database and leaves the whole schema', async () => {
    const connection = await emptyDatabase();
    const pools = [openPool(connection), openPool(connection), openPool(connection)];
    await Promise.all(pools.map((p) => runMigrations(p, log)));

    const pool = pools[0]!;
    expect(schemaTables).toEqual([
      'agent_profiles',
      'api_tokens',
      'app_secrets',
      'assistant_conversations',
      'assistant_messages',
      'assistant_scripts',
      'assistant_settings',
      'audit_log',
      'business_calendars',
      'calendar_days',
      'calendar_years',
      'calls',
      'catalog_categories',
      'catalog_types',
      'collective_cases',
      'complaint_assist_teams',
      'complaint_counters',
      'complaint_events',
      'complaint_links',
      'complaints',
      'escalation_alerts',
      'escalation_firings',
      'escalation_rules',
      'evidence_blobs',
      'evidence_records',
      'external_cases',
      'external_platforms',
      'idempotency_keys',
      'jobs',
      'kb_entries',
      'kb_history',
      'kb_revision',
      'macros',
      'material_requests',
      'merchant_remedies',
      'merchants',
      'meta',
      'notification_preferences',
      'notification_switches',
      'notification_templates',
      'notifications',
      'otp_codes',
      'outbox',
      'progress_report_schedule',
      'receipts',
      'routing_rules',
      'sessions',
      'shops',
      'sla_clocks',
      'sla_policies',
      'team_members',
      'teams',
      'users',
    ]);
    expect(await publicTables(pool)).toEqual(schemaTables);

    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    expect(await count(pool, 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toBe(
      journal.entries.length,
    );

    const cols = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'jobs' ORDER BY ordinal_position`,
    );
    expect(cols.rows.map((c) => c.column_name)).toEqual(
      Object.values(getTableConfig(schema.jobs).columns).map((c) => c.name),
    );

    // The shipped China calendar: 2024–2026 with every holiday and 调休 day of the notices.
    const calendarDays = async () =>
      (
        await pool.query<{ year: number; holidays: string; workdays: string }>(
          `SELECT extract(year FROM day)::int AS year,
                  count(*) FILTER (WHERE kind = 'holiday') AS holidays,
                  count(*) FILTER (WHERE kind = 'workday') AS workdays
           FROM calendar_days WHERE calendar_code = 'cn-mainland' GROUP BY 1 ORDER BY 1`,
        )
      ).rows.map((r) => [r.year, Number(r.holidays), Number(r.workdays)]);
    const shipped = [
      [2024, 28, 8],
      [2025, 28, 5],
      [2026, 33, 6],
    ];
    expect(await calendarDays()).toEqual(shipped);
    expect(await count(pool, `SELECT count(*) AS n FROM calendar_years`)).toBe(3);
    expect(await count(pool, `SELECT count(*) AS n FROM escalation_rules`)).toBe(7);

    // Running again is a no-op, and an admin's correction to a shipped year survives it.
    await pool.query(`UPDATE calendar_days SET name = '国庆节（已核对）' WHERE day = '2025-10-08'`);
    await runMigrations(pool, log);
    expect(await count(pool, 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toBe(
      journal.entries.length,
    );
    expect(await calendarDays()).toEqual(shipped);
    expect(
      await count(pool, `SELECT count(*) AS n FROM calendar_days WHERE name = '国庆节（已核对）'`),
    ).toBe(1);
  });
});

describe('seedDemoData', () => {
  const seed = (pool: pg.Pool, force = false): Promise<SeedResult> =>
    seedDemoData({ db: wrapPool(pool), pool, logger: log, clock, password: PASSWORD, force });

  async function migratedPool(): Promise<pg.Pool> {
    return (await migrated()).pool;
  }

  async function migrated(): Promise<{ pool: pg.Pool; connection: pg.PoolConfig }> {
    const connection = await emptyDatabase();
    const pool = openPool(connection);
    await runMigrations(pool, log);
    return { pool, connection };
  }

  async function usersByRole(pool: pg.Pool): Promise<Record<string, number>> {
    const r = await pool.query<{ role: string; n: string }>(
      'SELECT role, count(*) AS n FROM users GROUP BY role ORDER BY role',
    );
    return Object.fromEntries(r.rows.map((x) => [x.role, Number(x.n)]));
  }

  const ONE_EACH = { admin: 1, agent: 1, complainant: 1, expert: 1, merchant: 1, supervisor: 1 };

  it('loads accounts and the catalogue once, and only what is missing when forced', async () => {
    const pool = await migratedPool();
    const first = await seed(pool);
    expect(first.ran).toBe(true);
    expect(first.password).toBe(PASSWORD);
    expect(first.accountsCreated).toEqual([
      ...DEMO_STAFF.map((s) => ({ role: s.role, login: s.email })),
      { role: 'complainant', login: '13800138000' },
    ]);
    expect(await usersByRole(pool)).toEqual(ONE_EACH);
    expect(await count(pool, 'SELECT count(*) AS n FROM merchants')).toBe(1);
    expect(await count(pool, 'SELECT count(*) AS n FROM catalog_categories')).toBe(10);
    expect(first.catalogEntriesAdded).toBeGreaterThan(10);

    const judicial = await pool.query<{ accepted: boolean; refusal_guidance: unknown }>(
      `SELECT accepted, refusal_guidance FROM catalog_categories WHERE code = 'judicial'`,
    );
    expect(judicial.rows[0]?.accepted).toBe(false);
    expect(judicial.rows[0]?.refusal_guidance).toEqual({
      zh: expect.stringContaining('不受理司法类诉求') as unknown,
      en: expect.stringContaining('do not accept judicial claims') as unknown,
    });
    expect(
      await count(pool, `SELECT count(*) AS n FROM catalog_categories WHERE NOT accepted`),
    ).toBe(1);
    const types = await count(pool, 'SELECT count(*) AS n FROM catalog_types');

    const second = await seed(pool);
    expect(second).toEqual({
      ran: false,
      accountsCreated: [],
      catalogEntriesAdded: 0,
      password: null,
    });
    expect(await usersByRole(pool)).toEqual(ONE_EACH);

    const agent = `(SELECT id FROM users WHERE email = 'agent@demo.redress.local')`;
    await pool.query(`DELETE FROM team_members WHERE user_id = ${agent}`);
    await pool.query(`DELETE FROM agent_profiles WHERE user_id = ${agent}`);
    await pool.query(`DELETE FROM users WHERE email = 'agent@demo.redress.local'`);
    const forced = await seed(pool, true);
    expect(forced).toEqual({
      ran: true,
      accountsCreated: [{ role: 'agent', login: 'agent@demo.redress.local' }],
      catalogEntriesAdded: 0,
      password: PASSWORD,
    });
    expect(await usersByRole(pool)).toEqual(ONE_EACH);
    expect(await count(pool, 'SELECT count(*) AS n FROM catalog_types')).toBe(types);
    expect(await count(pool, 'SELECT count(*) AS n FROM merchants')).toBe(1);
    // The re-created demo agent works the front-line queues again, round the clock.
    expect(
      await count(pool, `SELECT count(*) AS n FROM team_members WHERE user_id = ${agent}`),
    ).toBe(8);
    expect(
      await count(
        pool,
        `SELECT count(*) AS n FROM agent_profiles WHERE user_id = ${agent} AND always_on`,
      ),
    ).toBe(1);

    // Nothing missing: forced again, nothing is created and no password is reported.
    const again = await seed(pool, true);
    expect(again).toMatchObject({ ran: true, accountsCreated: [], password: null });

    // The assistant's demo KB and scripts came with the first seed, once; an admin who empties
    // the KB is not refilled by later starts.
    expect(await count(pool, 'SELECT count(*) AS n FROM kb_entries')).toBe(DEFAULT_KB.length);
    expect(await count(pool, 'SELECT count(*) AS n FROM assistant_scripts')).toBe(
      DEFAULT_SCRIPTS.length,
    );
    await pool.query('DELETE FROM kb_entries');
    await seed(pool);
    expect(await count(pool, 'SELECT count(*) AS n FROM kb_entries')).toBe(0);
  });

  it('stores staff passwords hashed, never in clear', async () => {
    const pool = await migratedPool();
    await seed(pool);
    const r = await pool.query<{ role: string; password_hash: string | null }>(
      'SELECT role, password_hash FROM users ORDER BY role',
    );
    for (const u of r.rows) {
      if (u.role === 'complainant') expect(u.password_hash).toBeNull();
      else {
        expect(u.password_hash).toMatch(/^\$argon2id\$/);
        expect(u.password_hash).not.toContain(PASSWORD);
      }
    }
  });

  it('does not duplicate anything when 3 seeds run at once on a fresh database', async () => {
    const { pool, connection } = await migrated();
    const others = [openPool(connection), openPool(connection)];
    const results = await Promise.all([seed(pool), seed(others[0]!), seed(others[1]!)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(results.filter((r) => !r.ran)).toHaveLength(2);
    expect(await usersByRole(pool)).toEqual(ONE_EACH);
    expect(await count(pool, 'SELECT count(*) AS n FROM catalog_categories')).toBe(10);
    expect(await count(pool, 'SELECT count(*) AS n FROM merchants')).toBe(1);
    expect(await count(pool, `SELECT count(*) AS n FROM meta WHERE key = 'demo_seeded_at'`)).toBe(
      1,
    );
    expect(await count(pool, 'SELECT count(*) AS n FROM kb_entries')).toBe(DEFAULT_KB.length);
  });
});
