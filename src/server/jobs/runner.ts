// Background work on PostgreSQL: jobs are rows, claimed with FOR UPDATE SKIP LOCKED so any
// number of `redress worker` processes (or the one inside `serve`) share the queue without
// running a job twice at once. Handlers must be idempotent: a worker killed mid-job leaves the
// row locked until `locked_until`, after which another worker runs it again.
import { hostname } from 'node:os';
import type pg from 'pg';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { maskPiiInText } from '../lib/masking.js';

export interface JobContext {
  jobId: number;
  attempt: number;
  log: Logger;
}

export interface JobDefinition<P = Record<string, unknown>> {
  name: string;
  /** Must be safe to run more than once for the same payload. */
  handler(payload: P, ctx: JobContext): Promise<void>;
  maxAttempts?: number;
  /** Run every N seconds (one pending instance at a time, however many workers). */
  everySeconds?: number;
  /** How long a claim lasts before another worker may take the job over. */
  lockSeconds?: number;
}

export class JobRegistry {
  private readonly defs = new Map<string, JobDefinition<never>>();

  define<P>(def: JobDefinition<P>): void {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
    this.defs.set(def.name, def as JobDefinition<never>);
  }

  get(name: string): JobDefinition<Record<string, unknown>> | undefined {
    return this.defs.get(name) as JobDefinition<Record<string, unknown>> | undefined;
  }

  names(): string[] {
    return [...this.defs.keys()];
  }

  scheduled(): JobDefinition<never>[] {
    return [...this.defs.values()].filter((d) => d.everySeconds);
  }
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface EnqueueOptions {
  runAt?: Date;
  /** While a job with this key is pending or running, enqueueing another is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job; pass a transaction's client to enqueue atomically with the change that caused it. */
export async function enqueue(
  db: Queryable,
  name: string,
  payload: object,
  opts: EnqueueOptions = {},
): Promise<number | null> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO jobs (name, payload, run_at, dedupe_key, max_attempts)
     VALUES ($1, $2, coalesce($3, now()), $4, $5)
     ON CONFLICT (dedupe_key) WHERE status IN ('pending','running') DO NOTHING
     RETURNING id`,
    [
      name,
      JSON.stringify(payload),
      opts.runAt ?? null,
      opts.dedupeKey ?? null,
      opts.maxAttempts ?? 5,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

interface ClaimedJob {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface WorkerOptions {
  pool: pg.Pool;
  registry: JobRegistry;
  logger: Logger;
  clock: Clock;
  concurrency?: number;
  pollMs?: number;
}

const DEFAULT_LOCK_SECONDS = 300;

export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 5 * 2 ** (attempt - 1));
}

export class Worker {
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private running = false;
  /** Set by stop(): a tick already under way must not claim anything after it. */
  private stopped = false;
  private currentTick: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly pollMs: number;

  constructor(private readonly opts: WorkerOptions) {
    this.concurrency = opts.concurrency ?? 4;
    this.pollMs = opts.pollMs ?? 1000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.ensureSchedules();
    this.opts.logger.info(
      { worker: this.id, jobs: this.opts.registry.names() },
      'job worker started',
    );
    this.loop();
  }

  /** Stops claiming and waits for the jobs already running to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.currentTick?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
  }

  private loop() {
    if (!this.running) return;
    this.currentTick = this.tick()
      .catch((err: unknown) => this.opts.logger.warn({ err }, 'job worker tick failed'))
      .finally(() => {
        this.currentTick = null;
        if (this.running) this.timer = setTimeout(() => this.loop(), this.pollMs);
      });
  }

  async ensureSchedules(): Promise<void> {
    for (const def of this.opts.registry.scheduled()) {
      await enqueue(
        this.opts.pool,
        def.name,
        {},
        {
          dedupeKey: `schedule:${def.name}`,
          maxAttempts: def.maxAttempts,
        },
      );
    }
  }

  /** One pass: release stale claims, claim due jobs up to the free slots, start them. */
  async tick(): Promise<number> {
    const now = this.opts.clock.now();
    await this.opts.pool.query(
      `UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL
       WHERE status = 'running' AND locked_until < $1`,
      [now],
    );
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0 || this.stopped) return 0;
    const names = this.opts.registry.names();
    const lockSeconds = names.map(
      (n) => this.opts.registry.get(n)?.lockSeconds ?? DEFAULT_LOCK_SECONDS,
    );
    const r = await this.opts.pool.query<ClaimedJob>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1,
              locked_until = $2::timestamptz + make_interval(secs =>
                (SELECT l.secs FROM unnest($3::text[], $5::int[]) AS l(name, secs) WHERE l.name = jobs.name))
       WHERE id IN (
         SELECT id FROM jobs
         WHERE status = 'pending' AND run_at <= $2 AND name = ANY($3)
         ORDER BY run_at, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING id, name, payload, attempts, max_attempts`,
      [this.id, now, names, free, lockSeconds],
    );
    for (const job of r.rows) {
      const p = this.run(job).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
    return r.rows.length;
  }

  /** Runs every due job to completion; for tests and one-shot CLI use. */
  async drain(): Promise<void> {
    while ((await this.tick()) > 0 || this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private async run(job: ClaimedJob): Promise<void> {
    const def = this.opts.registry.get(job.name);
    const log = this.opts.logger.child({ job: job.name, jobId: job.id });
    const id = Number(job.id);
    try {
      if (!def) throw new Error(`no handler for job ${job.name}`);
      await def.handler(job.payload, { jobId: id, attempt: job.attempts, log });
      const client = await this.opts.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `UPDATE jobs SET status = 'done', finished_at = $2, locked_by = NULL, locked_until = NULL, last_error = NULL WHERE id = $1`,
          [id, this.opts.clock.now()],
        );
        if (def.everySeconds) {
          const next = new Date(this.opts.clock.now().getTime() + def.everySeconds * 1000);
          await enqueue(
            client,
            def.name,
            {},
            {
              runAt: next,
              dedupeKey: `schedule:${def.name}`,
              maxAttempts: def.maxAttempts,
            },
          );
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    } catch (err) {
      const message = maskPiiInText(err instanceof Error ? err.message : String(err)).slice(
        0,
        2000,
      );
      const final = job.attempts >= job.max_attempts;
      log.warn({ attempt: job.attempts, final, error: message }, 'job failed');
      const retryAt = new Date(
        this.opts.clock.now().getTime() + backoffSeconds(job.attempts) * 1000,
      );
      await this.opts.pool
        .query(
          `UPDATE jobs SET status = $2, last_error = $3, run_at = $4, locked_by = NULL, locked_until = NULL,
                  finished_at = CASE WHEN $2 = 'failed' THEN $5::timestamptz ELSE NULL END
           WHERE id = $1`,
          [id, final ? 'failed' : 'pending', message, retryAt, this.opts.clock.now()],
        )
        .catch((e: unknown) => log.error({ err: e }, 'could not record job failure'));
      if (final && def?.everySeconds) {
        // A schedule outlives one failed run.
        const next = new Date(this.opts.clock.now().getTime() + def.everySeconds * 1000);
        await enqueue(
          this.opts.pool,
          def.name,
          {},
          { runAt: next, dedupeKey: `schedule:${def.name}`, maxAttempts: def.maxAttempts },
        ).catch((e: unknown) => log.error({ err: e }, 'could not reschedule job'));
      }
    }
  }
}
