// Done-when for issue 4: assignment is exact under parallel load on PostgreSQL. Several assigners
// — two connection pools in this process (two "servers") and two `redress assign` child
// processes — run at once over the same waiting complaints. To be sure they really overlap, a
// blocker transaction holds the team members' profile locks until every assigner waits (one per
// team on those locks, the rest on the team's assigning lock); then all go at once. Afterwards: no complaint was
// assigned twice, nobody holds more than their capacity, exactly min(waiting, total capacity)
// were assigned, and red complaints were served first. No timing is asserted.
import { execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignWaiting } from '../../src/modules/routing/index.js';
import { wrapPool, type Db } from '../../src/server/db/client.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { LOAD_STATUSES, type AssignmentRun } from '../../src/shared/cases.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const BIN = path.resolve('bin/redress.js');
const LOAD = `(${LOAD_STATUSES.map((s) => `'${s}'`).join(',')})`;

let database: TestDatabase;
let url: string;
const pools: pg.Pool[] = [];
let serverA: Db;
let serverB: Db;
let complainantId: string;

/** A DATABASE_URL for the test database; a socket directory goes in the `host` parameter. */
function databaseUrl(c: pg.PoolConfig): string {
  if (c.connectionString) return c.connectionString;
  const e = encodeURIComponent;
  return (
    `postgresql://${e(String(c.user))}:${e(String(c.password))}@localhost/${e(String(c.database))}` +
    `?host=${e(String(c.host))}&port=${c.port}`
  );
}

function server(): Db {
  const pool = new pg.Pool({ ...database.connection, max: 5 });
  // Dropping the database at the end terminates sessions that may still be closing.
  pool.on('connect', (client) => client.on('error', () => {}));
  pool.on('error', () => {});
  pools.push(pool);
  return wrapPool(pool);
}

const sql = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  database.pool.query<R>(text, values).then((r) => r.rows);

beforeAll(async () => {
  database = await createTestDatabase();
  url = databaseUrl(database.connection);
  serverA = server();
  serverB = server();
  const [row] = await sql<{ id: string }>(
    `INSERT INTO users (role, name, phone) VALUES ('complainant', '投诉人', '13900000000') RETURNING id`,
  );
  complainantId = row!.id;
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await database.drop();
});

interface Round {
  team: string;
  teamId: string;
  agents: { id: string; capacity: number }[];
  complaints: { id: string; red: boolean }[];
}

/** A team of `agents` people with `capacity` each, and `count` waiting complaints, `red` of them red. */
async function setUp(name: string, agents: number, capacity: number, count: number, red: number) {
  const [team] = await sql<{ id: string }>(
    `INSERT INTO teams (code, name) VALUES ($1, $2) RETURNING id`,
    [name, { zh: name, en: name }],
  );
  const round: Round = { team: name, teamId: team!.id, agents: [], complaints: [] };
  for (let i = 0; i < agents; i++) {
    const [u] = await sql<{ id: string }>(
      `INSERT INTO users (role, name, email) VALUES ('agent', $1, $2) RETURNING id`,
      [`${name}-坐席${i}`, `${name}-${i}@concurrency.test`],
    );
    await sql(
      `INSERT INTO agent_profiles (user_id, capacity, languages, always_on) VALUES ($1, $2, '{zh}', true)`,
      [u!.id, capacity],
    );
    await sql(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [team!.id, u!.id]);
    round.agents.push({ id: u!.id, capacity });
  }
  // Red ones spread through the queue, none of them the oldest: they must jump ahead.
  const step = Math.floor(count / red);
  const base = Date.UTC(2026, 10, 23, 2, 0, 0);
  for (let i = 0; i < count; i++) {
    const isRed = i % step === step - 1 && round.complaints.filter((c) => c.red).length < red;
    const [c] = await sql<{ id: string }>(
      `INSERT INTO complaints (number, status, category_code, type_code, rules, priority, channel,
         complainant_id, contact, description, demand, fields, filed_by_kind, team_id, created_at)
       VALUES ($1, 'accepted', 'express_delivery', 'parcel_lost', '{}', $2, 'web', $3,
         '{"name":"投诉人","phone":null,"email":null}', '包裹丢失', '退款', '{}', 'complainant', $4, $5)
       RETURNING id`,
      [
        `${name}-${i}`,
        isRed ? 'red' : 'yellow',
        complainantId,
        team!.id,
        new Date(base + i * 1000),
      ],
    );
    round.complaints.push({ id: c!.id, red: isRed });
  }
  return round;
}

function cli(): { child: ChildProcess; done: Promise<AssignmentRun> } {
  let child!: ChildProcess;
  const done = new Promise<AssignmentRun>((resolve, reject) => {
    child = execFile(
      process.execPath,
      [BIN, 'assign'],
      {
        timeout: 120_000,
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '' },
      },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`redress assign failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as AssignmentRun);
      },
    );
  });
  return { child, done };
}

/**
 * Runs the assigners together: one per team takes a complaint and waits on the profile locks the
 * blocker holds, the others wait for the team's assigning lock; once all wait the blocker lets go.
 */
async function runTogether(perServer: number, cliProcesses: number, teamIds: string[]) {
  const blocker = new pg.Client(database.connection);
  await blocker.connect();
  try {
    const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows[0]!.pid;
    await blocker.query('BEGIN');
    await blocker.query(
      `SELECT p.user_id FROM agent_profiles p JOIN team_members m ON m.user_id = p.user_id
        WHERE m.team_id = ANY($1::uuid[]) ORDER BY p.user_id FOR UPDATE OF p`,
      [teamIds],
    );
    const runs: Promise<AssignmentRun>[] = [];
    for (const db of [serverA, serverB]) {
      for (let i = 0; i < perServer; i++) runs.push(assignWaiting({ db, clock: systemClock }));
    }
    const children = Array.from({ length: cliProcesses }, () => cli());
    runs.push(...children.map((c) => c.done));
    const exited = children.map((c) => new Promise((r) => c.child.once('exit', r)));
    const expected = 2 * perServer + cliProcesses;
    let failed: unknown = null;
    for (const p of runs) p.catch((err: unknown) => (failed = err));
    // Wait until every assigner is blocked: one per team on the profile locks, the others on that
    // team's assigning lock (polling; a bound only so that a
    // broken assigner fails the test instead of hanging it). Asked outside the blocker's
    // transaction: activity is snapshotted once per transaction.
    for (let polls = 0; ; polls++) {
      if (failed) throw failed;
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND (query ILIKE '%agent_profiles%' OR query ILIKE '%pg_advisory_xact_lock%')
            AND pid <> $1`,
        [blockerPid],
      );
      if (row!.n >= expected) break;
      if (polls > 6000) throw new Error(`only ${row!.n} of ${expected} assigners reached the lock`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await blocker.query('COMMIT');
    const results = await Promise.all(runs);
    await Promise.all(exited);
    return results;
  } finally {
    await blocker.end();
  }
}

async function check(round: Round, expectAssigned: number) {
  const ids = round.complaints.map((c) => c.id);
  const events = await sql<{ complaint_id: string; n: number }>(
    `SELECT complaint_id, count(*)::int AS n FROM complaint_events
      WHERE type = 'assigned' AND complaint_id = ANY($1::uuid[]) GROUP BY complaint_id`,
    [ids],
  );
  // At most one assignment per complaint, and a complaint has an assignee iff it was assigned.
  expect(events.filter((e) => e.n !== 1)).toEqual([]);
  const rows = await sql<{ id: string; assignee_id: string | null; member: boolean }>(
    `SELECT c.id, c.assignee_id,
            exists (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id AND m.user_id = c.assignee_id) AS member
       FROM complaints c WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
  const assigned = rows.filter((r) => r.assignee_id !== null);
  expect(new Set(events.map((e) => e.complaint_id))).toEqual(new Set(assigned.map((r) => r.id)));
  expect(assigned.every((r) => r.member)).toBe(true);
  expect(assigned).toHaveLength(expectAssigned);
  // Nobody past capacity, counting every open complaint they hold.
  const loads = await sql<{ assignee_id: string; n: number }>(
    `SELECT assignee_id, count(*)::int AS n FROM complaints
      WHERE assignee_id = ANY($1::uuid[]) AND status IN ${LOAD} GROUP BY assignee_id`,
    [round.agents.map((a) => a.id)],
  );
  for (const l of loads) {
    expect(l.n).toBeLessThanOrEqual(round.agents.find((a) => a.id === l.assignee_id)!.capacity);
  }
  // Red work went first: every red complaint of the round got someone.
  const redIds = new Set(round.complaints.filter((c) => c.red).map((c) => c.id));
  expect(rows.filter((r) => redIds.has(r.id) && r.assignee_id === null)).toEqual([]);
  return assigned.length;
}

describe('assignment under concurrency', { timeout: 240_000 }, () => {
  it('two servers and two CLI processes: 3 agents × 4, 40 waiting (5 red)', async () => {
    const round = await setUp('conc_a', 3, 4, 40, 5);
    const results = await runTogether(3, 2, [round.teamId]);
    expect(await check(round, 12)).toBe(12);
    // Each complaint was counted by exactly the assigner that gave it; the CLI printed just
    // {"assigned","waiting"}.
    expect(results.reduce((s, r) => s + r.assigned, 0)).toBe(12);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['assigned', 'waiting']);
    // Each saw the queue when it finished: never below what finally waits.
    for (const r of results) expect(r.waiting).toBeGreaterThanOrEqual(28);
  });

  it('freed capacity and a second team: exactly the free places are filled', async () => {
    const a = await sqlRound('conc_a');
    // Five of conc_a's cases are resolved: five places free up there.
    await sql(
      `UPDATE complaints SET status = 'resolved' WHERE id IN (
         SELECT id FROM complaints WHERE team_id = $1 AND assignee_id IS NOT NULL ORDER BY created_at LIMIT 5)`,
      [a.teamId],
    );
    const b = await setUp('conc_b', 2, 5, 20, 3);
    const before = await assignedCount(a);
    const results = await runTogether(4, 0, [a.teamId, b.teamId]);
    expect(results.reduce((s, r) => s + r.assigned, 0)).toBe(15);
    expect((await assignedCount(a)) - before).toBe(5);
    expect(await check(b, 10)).toBe(10);
    const open = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM complaints WHERE team_id = $1 AND assignee_id IS NOT NULL AND status IN ${LOAD}`,
      [a.teamId],
    );
    expect(open[0]!.n).toBe(12);
    await check(a, 17);
  });

  for (const [i, shape] of [
    [1, { agents: 4, capacity: 2, count: 30, red: 4 }],
    [2, { agents: 5, capacity: 3, count: 12, red: 6 }],
    [3, { agents: 2, capacity: 6, count: 40, red: 3 }],
  ] as const) {
    it(`round ${i}: ${shape.agents} agents × ${shape.capacity}, ${shape.count} waiting (${shape.red} red)`, async () => {
      // Earlier rounds' leftovers are closed so each round starts from its own queue.
      await sql(`UPDATE complaints SET status = 'closed' WHERE assignee_id IS NULL`);
      const round = await setUp(`conc_r${i}`, shape.agents, shape.capacity, shape.count, shape.red);
      const total = Math.min(shape.count, shape.agents * shape.capacity);
      const results = await runTogether(4, 0, [round.teamId]);
      expect(await check(round, total)).toBe(total);
      expect(results.reduce((s, r) => s + r.assigned, 0)).toBe(total);
    });
  }
});

async function sqlRound(team: string): Promise<Round> {
  const [t] = await sql<{ id: string }>(`SELECT id FROM teams WHERE code = $1`, [team]);
  const agents = await sql<{ id: string; capacity: number }>(
    `SELECT p.user_id AS id, p.capacity FROM agent_profiles p JOIN team_members m ON m.user_id = p.user_id
      WHERE m.team_id = $1`,
    [t!.id],
  );
  const complaints = await sql<{ id: string; red: boolean }>(
    `SELECT id, priority = 'red' AS red FROM complaints WHERE team_id = $1`,
    [t!.id],
  );
  return { team, teamId: t!.id, agents, complaints };
}

async function assignedCount(round: Round): Promise<number> {
  const [r] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM complaints WHERE team_id = $1 AND assignee_id IS NOT NULL`,
    [round.teamId],
  );
  return r!.n;
}
