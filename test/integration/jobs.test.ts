import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backoffSeconds,
  enqueue,
  JobRegistry,
  Worker,
  type JobDefinition,
} from '../../src/server/jobs/runner.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

interface JobRow {
  id: number;
  name: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  finished_at: Date | null;
}

let database: TestDatabase;
// A minute ahead of the database's now(), so jobs enqueued with the default run_at are due.
let clock: FixedClock;
const log = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());
beforeEach(async () => {
  await database.pool.query('DELETE FROM jobs');
  clock = new FixedClock(new Date(Date.now() + 60_000));
});

function workerFor(defs: JobDefinition<never>[], pool = database.pool, concurrency = 4) {
  const registry = new JobRegistry();
  for (const d of defs) registry.define(d);
  return new Worker({ pool, registry, logger: log, clock, concurrency });
}

async function rows(name?: string): Promise<JobRow[]> {
  const r = await database.pool.query<JobRow>(
    `SELECT id::int AS id, name, status, attempts, max_attempts, run_at, locked_by, locked_until,
            last_error, finished_at
     FROM jobs WHERE $1::text IS NULL OR name = $1 ORDER BY id`,
    [name ?? null],
  );
  return r.rows;
}

const after = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);

describe('job runner', () => {
  it('runs a job once with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    const w = workerFor([{ name: 't.ok', handler: async (p) => void seen.push(p) }]);
    const id = await enqueue(database.pool, 't.ok', { complaintId: 'c-1' });
    await w.drain();
    await w.drain();
    expect(seen).toEqual([{ complaintId: 'c-1' }]);
    const [row] = await rows();
    expect(row).toMatchObject({ id, status: 'done', attempts: 1, last_error: null });
    expect(row?.finished_at?.getTime()).toBe(clock.now().getTime());
    expect(row?.locked_by).toBeNull();
  });

  it('does not run a job before its run_at', async () => {
    let runs = 0;
    const w = workerFor([{ name: 't.later', handler: async () => void runs++ }]);
    await enqueue(database.pool, 't.later', {}, { runAt: after(30) });
    await w.drain();
    expect(runs).toBe(0);
    clock.advance(30_000);
    await w.drain();
    expect(runs).toBe(1);
  });

  it('retries a failing job with backoff, then fails it with the error masked', async () => {
    const attempts: number[] = [];
    const w = workerFor([
      {
        name: 't.fail',
        handler: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          throw new Error('SMS to 13800138000 failed for ID 110105199001011234');
        },
      },
    ]);
    await enqueue(database.pool, 't.fail', {}, { maxAttempts: 3 });
    expect([backoffSeconds(1), backoffSeconds(2), backoffSeconds(3)]).toEqual([5, 10, 20]);

    await w.drain();
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_by: null });
    expect(row?.run_at.getTime()).toBe(after(5).getTime());
    expect(row?.last_error).toBe('SMS to 138****8000 failed for ID 110105********1234');

    await w.drain(); // not due yet
    expect(attempts).toEqual([1]);
    clock.advance(5_000);
    await w.drain();
    [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row?.run_at.getTime()).toBe(after(10).getTime());

    clock.advance(10_000);
    await w.drain();
    [row] = await rows();
    expect(attempts).toEqual([1, 2, 3]);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, max_attempts: 3 });
    expect(row?.finished_at?.getTime()).toBe(clock.now().getTime());
    expect(row?.last_error).toBe('SMS to 138****8000 failed for ID 110105********1234');

    clock.advance(3600_000);
    await w.drain();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('keeps a second job with the same dedupe key out while the first is unfinished', async () => {
    const first = await enqueue(database.pool, 't.d', { n: 1 }, { dedupeKey: 'k' });
    const second = await enqueue(database.pool, 't.d', { n: 2 }, { dedupeKey: 'k' });
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    expect(await rows()).toHaveLength(1);
    await workerFor([{ name: 't.d', handler: async () => undefined }]).drain();
    const third = await enqueue(database.pool, 't.d', { n: 3 }, { dedupeKey: 'k' });
    expect(third).toBeGreaterThan(first!);
    expect((await rows()).map((r) => r.status)).toEqual(['done', 'pending']);
  });

  it('re-enqueues a scheduled job after it runs', async () => {
    let runs = 0;
    const w = workerFor([{ name: 't.every', everySeconds: 60, handler: async () => void runs++ }]);
    await w.ensureSchedules();
    await w.ensureSchedules(); // a second worker starting: still one pending instance
    expect(await rows()).toHaveLength(1);
    await w.drain();
    expect(runs).toBe(1);
    let all = await rows();
    expect(all.map((r) => r.status)).toEqual(['done', 'pending']);
    expect(all[1]?.run_at.getTime()).toBe(after(60).getTime());
    clock.advance(60_000);
    await w.drain();
    all = await rows();
    expect(runs).toBe(2);
    expect(all.map((r) => r.status)).toEqual(['done', 'done', 'pending']);
  });

  it('re-enqueues a scheduled job after its final failure', async () => {
    const w = workerFor([
      {
        name: 't.every-fail',
        everySeconds: 3600,
        handler: async () => {
          throw new Error('upstream down');
        },
      },
    ]);
    await w.ensureSchedules();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await w.drain();
      clock.advance(backoffSeconds(attempt) * 1000);
    }
    const all = await rows();
    expect(all.map((r) => [r.status, r.attempts])).toEqual([
      ['failed', 5],
      ['pending', 0],
    ]);
    expect(all[0]?.last_error).toBe('upstream down');
    expect(all[1]?.run_at.getTime()).toBe(after(3600 - backoffSeconds(5)).getTime());
  });

  // BUG: JobDefinition.maxAttempts is never read; schedules are always enqueued with 5.
  it("honours a scheduled job's own maxAttempts", async () => {
    const w = workerFor([
      { name: 't.max', everySeconds: 3600, maxAttempts: 1, handler: () => Promise.reject(1) },
    ]);
    await w.ensureSchedules();
    await w.drain();
    expect((await rows())[0]).toMatchObject({ status: 'failed', max_attempts: 1 });
  });

  // BUG: JobDefinition.lockSeconds is never read; every claim lasts 5 minutes.
  it("claims a job for the definition's lockSeconds", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const w = workerFor([{ name: 't.lock', lockSeconds: 30, handler: () => gate }]);
    await enqueue(database.pool, 't.lock', {});
    await w.tick();
    const [row] = await rows();
    release();
    await w.stop();
    expect(row?.locked_until?.getTime()).toBe(after(30).getTime());
  });

  it('takes over a running job whose claim has expired', async () => {
    let runs = 0;
    const w = workerFor([{ name: 't.stale', handler: async () => void runs++ }]);
    const { rows: inserted } = await database.pool.query<{ id: string }>(
      `INSERT INTO jobs (name, payload, status, attempts, locked_by, locked_until, run_at)
       VALUES ('t.stale', '{}', 'running', 1, 'dead-worker', $1, $2),
              ('t.stale', '{}', 'running', 1, 'live-worker', $3, $2) RETURNING id`,
      [after(-1), after(-600), after(120)],
    );
    await w.drain();
    expect(runs).toBe(1);
    const all = await rows();
    expect(all.map((r) => r.id)).toEqual(inserted.map((r) => Number(r.id)));
    expect(all[0]).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    expect(all[1]).toMatchObject({ status: 'running', attempts: 1, locked_by: 'live-worker' });
  });

  it('runs a job with no handler in this registry nowhere', async () => {
    await enqueue(database.pool, 't.unknown', {});
    await workerFor([{ name: 't.known', handler: async () => undefined }]).drain();
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('start() runs due jobs in the background and stop() waits for them', async () => {
    const done: number[] = [];
    const registry = new JobRegistry();
    registry.define<{ n: number }>({ name: 't.bg', handler: async (p) => void done.push(p.n) });
    const w = new Worker({ pool: database.pool, registry, logger: log, clock, pollMs: 10 });
    await enqueue(database.pool, 't.bg', { n: 1 });
    await enqueue(database.pool, 't.bg', { n: 2 });
    await w.start();
    await expect.poll(async () => (await rows()).map((r) => r.status)).toEqual(['done', 'done']);
    await w.stop();
    expect(done.sort()).toEqual([1, 2]);
    await enqueue(database.pool, 't.bg', { n: 3 });
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toHaveLength(2);
  });

  it('runs each of 200 jobs exactly once across 4 workers with their own pools', async () => {
    const counts = new Map<number, number>();
    const ranBy = new Set<number>();
    const def = (worker: number): JobDefinition<never> =>
      ({
        name: 't.many',
        handler: async (p: { n: number }) => {
          counts.set(p.n, (counts.get(p.n) ?? 0) + 1);
          ranBy.add(worker);
          await new Promise((r) => setTimeout(r, Math.random() * 3));
        },
      }) as JobDefinition<never>;
    for (let n = 0; n < 200; n++) await enqueue(database.pool, 't.many', { n });
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ ...database.connection, max: 3 }));
    try {
      const workers = pools.map((pool, i) => workerFor([def(i)], pool, 5));
      await Promise.all(workers.map((w) => w.drain()));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    expect(counts.size).toBe(200);
    expect([...counts.entries()].filter(([, c]) => c !== 1)).toEqual([]);
    // The workers really shared the queue rather than one of them taking everything.
    expect(ranBy.size).toBeGreaterThan(1);
    const all = await rows();
    expect(all).toHaveLength(200);
    expect(all.filter((r) => r.status !== 'done' || r.attempts !== 1)).toEqual([]);
  });
});
