// What the SLA benchmark times: one full sweep of the due clocks (the app's sweepClocks, re-armed
// to the same state before every run), the sweeper's claim query through its partial index, and
// the same claim with index scans disabled — the full scan a sweep would cost without the index.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { claimDue, sweepClocks, type SweepResult } from '../src/modules/escalation/index.js';
import type { Db } from '../src/server/db/client.js';
import { NO_CASE_HOOKS } from '../src/server/lib/case-hooks.js';
import { FixedClock } from '../src/server/lib/clock.js';
import { timed } from './benchmark.js';
import { BENCH_NOW } from './sla-templates.js';

const MAX_BATCHES = 50;

// The claim in src/modules/escalation/sweep.ts (claimDue), spelled out for EXPLAIN; the timings
// below call claimDue itself.
const CLAIM_SQL = `
  SELECT k.* FROM sla_clocks k
  JOIN complaints c ON c.id = k.complaint_id
  WHERE k.next_fire_at IS NOT NULL AND k.next_fire_at <= $1
  ORDER BY k.next_fire_at
  LIMIT $2
  FOR UPDATE OF k, c SKIP LOCKED`;

const NO_INDEX = [
  'SET LOCAL enable_indexscan = off',
  'SET LOCAL enable_indexonlyscan = off',
  'SET LOCAL enable_bitmapscan = off',
];

export interface PlanSummary {
  /** How sla_clocks was read, e.g. "Index Scan using sla_clocks_next_fire_idx". */
  clocksAccess: string;
  /** sla_clocks rows the scan looked at (returned + removed by its filter). */
  clocksScanned: number;
  /** How complaints was read. */
  complaintsAccess: string;
  complaintsScanned: number;
  sharedBlocks: number;
  executionMs: number;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

function access(all: PlanNode[], relation: string): { how: string; scanned: number } {
  const scans = all.filter((n) => n['Relation Name'] === relation);
  // A bitmap heap scan names its index on the Bitmap Index Scan beneath it.
  const index = (n: PlanNode) =>
    n['Index Name'] ?? nodes(n).find((x) => x['Node Type'] === 'Bitmap Index Scan')?.['Index Name'];
  return {
    how: scans.map((n) => `${n['Node Type']}${index(n) ? ` using ${index(n)}` : ''}`).join(' + '),
    scanned: scans.reduce(
      (s, n) =>
        s +
        ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0)) * (n['Actual Loops'] ?? 1),
      0,
    ),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the claim, in a transaction rolled back (it takes row locks). */
export async function explainClaim(
  pool: pg.Pool,
  batch: number,
  fullScan: boolean,
): Promise<{ summary: PlanSummary; text: string }> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    if (fullScan) for (const s of NO_INDEX) await c.query(s);
    const r = await c.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CLAIM_SQL}`,
      [BENCH_NOW, batch],
    );
    const t = await c.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${CLAIM_SQL}`,
      [BENCH_NOW, batch],
    );
    await c.query('ROLLBACK');
    const top = r.rows[0]!['QUERY PLAN'][0];
    const all = nodes(top.Plan);
    const clocks = access(all, 'sla_clocks');
    const comp = access(all, 'complaints');
    return {
      summary: {
        clocksAccess: clocks.how,
        clocksScanned: clocks.scanned,
        complaintsAccess: comp.how,
        complaintsScanned: comp.scanned,
        sharedBlocks: (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0),
        executionMs: top['Execution Time'],
      },
      text: t.rows.map((row) => row['QUERY PLAN']).join('\n'),
    };
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

class Rollback extends Error {}

/** Wall time of one claimDue (the sweeper's own function), rolled back afterwards. */
export async function timeClaim(
  db: Db,
  batch: number,
  fullScan: boolean,
  expect: number,
): Promise<number> {
  let took = 0;
  try {
    await db.transaction(async (tx) => {
      if (fullScan) for (const s of NO_INDEX) await tx.execute(sql.raw(s));
      const r = await timed(() => claimDue(tx, BENCH_NOW, batch));
      if (r.value.length !== expect) throw new Error(`claimed ${r.value.length}, not ${expect}`);
      took = r.ms;
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return took;
}

/** sweepClocks at BENCH_NOW until nothing is left due, as the scheduled job would over its ticks. */
export async function sweepAll(db: Db, batch: number): Promise<SweepResult> {
  const deps = { db, clock: new FixedClock(BENCH_NOW), hooks: NO_CASE_HOOKS };
  const total: SweepResult = { clocks: 0, events: 0, fired: 0, batches: 0 };
  for (;;) {
    const r = await sweepClocks(deps, { batch, maxBatches: MAX_BATCHES });
    total.clocks += r.clocks;
    total.events += r.events;
    total.fired += r.fired;
    total.batches += r.batches;
    if (r.batches < MAX_BATCHES) return total;
  }
}

async function columnList(c: pg.PoolClient, table: string): Promise<string[]> {
  const r = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id'
     ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

/** Copies the due complaints and their clocks as they are now: the state every run starts from. */
export async function saveArmedState(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE bench_armed_complaints AS
      SELECT c.* FROM complaints c JOIN bench_due d ON d.complaint_id = c.id;
    CREATE TABLE bench_armed_clocks AS
      SELECT k.* FROM sla_clocks k JOIN bench_due d ON d.complaint_id = k.complaint_id;
  `);
}

export interface Marks {
  events: number;
  audit: number;
  alerts: number;
}

export async function marks(pool: pg.Pool): Promise<Marks> {
  const r = await pool.query<{ e: string | null; a: string | null; l: string | null }>(`
    SELECT (SELECT max(id) FROM complaint_events) AS e, (SELECT max(id) FROM audit_log) AS a,
           (SELECT max(id) FROM escalation_alerts) AS l`);
  const row = r.rows[0]!;
  return { events: Number(row.e ?? 0), audit: Number(row.a ?? 0), alerts: Number(row.l ?? 0) };
}

/**
 * Undoes a run: removes the timeline entries, audit entries, alerts and rule firings it wrote
 * (the append-only triggers are set aside for this, inside the transaction) and puts the due
 * complaints and their clocks back as saved, then vacuums, so the next run does the same work
 * on the same physical state.
 */
export async function rearm(pool: pg.Pool, m: Marks): Promise<void> {
  const c = await pool.connect();
  try {
    const cc = await columnList(c, 'complaints');
    const kc = await columnList(c, 'sla_clocks');
    const set = (cols: string[]) =>
      `(${cols.join(', ')}) = (${cols.map((x) => `a.${x}`).join(', ')})`;
    await c.query('BEGIN');
    await c.query('ALTER TABLE complaint_events DISABLE TRIGGER complaint_events_append_only');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await c.query('DELETE FROM complaint_events WHERE id > $1', [m.events]);
    await c.query('DELETE FROM audit_log WHERE id > $1', [m.audit]);
    await c.query('DELETE FROM escalation_alerts WHERE id > $1', [m.alerts]);
    await c.query(
      `DELETE FROM escalation_firings f USING bench_armed_clocks a
       WHERE f.clock_id = a.id AND f.fired_at = $1`,
      [BENCH_NOW],
    );
    await c.query('ALTER TABLE complaint_events ENABLE TRIGGER complaint_events_append_only');
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await c.query(
      `UPDATE complaints c SET ${set(cc)} FROM bench_armed_complaints a WHERE c.id = a.id`,
    );
    await c.query(`UPDATE sla_clocks k SET ${set(kc)} FROM bench_armed_clocks a WHERE k.id = a.id`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
  await pool.query(
    'VACUUM complaints, sla_clocks, complaint_events, audit_log, escalation_firings, escalation_alerts',
  );
}

/** Clocks whose next instant has come (what a sweep has left to do). */
export async function dueNow(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM sla_clocks WHERE next_fire_at <= $1',
    [BENCH_NOW],
  );
  return Number(r.rows[0]!.n);
}
