// `npm run bench -- sla`: issue 5's requirement that a sweep costs what is due, not what is open.
// With N open complaints of which --due have a resolution clock past due, one full sweep (every
// due clock breached, its rules run, its timeline written) is timed at each size; in the same run
// the claim query is timed through its partial index and, as the baseline, with index scans off.
// If the sweep follows what is due, its time barely moves from 100k to 1M open complaints while
// the full scan grows with them.
import pg from 'pg';
import { assertKnown, intArg, intListArg, UsageError, type BenchArgs } from './args.js';
import { bytes, count, log, machine, median, min, ms, ratio, table, timed } from './benchmark.js';
import { startBenchServer, type BenchDatabase, type BenchServer } from './db.js';
import {
  dueNow,
  explainClaim,
  marks,
  rearm,
  saveArmedState,
  sweepAll,
  timeClaim,
  type PlanSummary,
} from './sla-measure.js';
import { installSeedHelpers, seedClones } from './sla-seed.js';
import { BENCH_NOW, createTemplates } from './sla-templates.js';

interface Options {
  sizes: number[];
  due: number;
  repeats: number;
  batch: number;
}

interface Subject {
  size: number;
  database: BenchDatabase;
  seedMs: number;
  clocks: number;
  pending: number;
  /** Heap pages of complaints holding the due ones: the same layout at every size. */
  duePages: number;
  sizes: Record<string, number>;
  sweeps: number[];
  fired: number;
  events: number;
  claimIndex: number[];
  claimScan: number[];
  planIndex: PlanSummary;
  planScan: PlanSummary;
  planText: string;
}

function options(args: BenchArgs): Options {
  assertKnown(args, ['sizes', 'due', 'repeats', 'batch']);
  const sizes = intListArg(args, 'sizes', [100_000, 1_000_000]).sort((a, b) => a - b);
  const due = intArg(args, 'due', 1000);
  if (sizes[0]! < due) throw new UsageError(`--sizes: every size must be at least --due (${due})`);
  return { sizes, due, repeats: intArg(args, 'repeats', 5), batch: intArg(args, 'batch', 200) };
}

async function relationSizes(pool: pg.Pool): Promise<Record<string, number>> {
  const r = await pool.query<{ name: string; bytes: string }>(`
    SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class
    WHERE relname IN ('complaints', 'sla_clocks', 'complaint_events', 'audit_log',
                      'sla_clocks_next_fire_idx')`);
  return Object.fromEntries(r.rows.map((x) => [x.name, Number(x.bytes)]));
}

async function countOf(pool: pg.Pool, q: string): Promise<number> {
  return Number((await pool.query<{ n: string }>(q)).rows[0]!.n);
}

/** A database of its own per size: templates through the app, then clones up to `size`. */
async function prepare(server: BenchServer, size: number, o: Options): Promise<Subject> {
  const database = await server.createDatabase();
  const { pool } = database;
  const seeder = new pg.Client(database.connection);
  await seeder.connect();
  const seeded = await timed(async () => {
    try {
      await seeder.query(`SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'`);
      const made = await timed(() => createTemplates(database.db, o.due));
      const templates = made.value;
      const dueTemplates = templates.filter((t) => t.group === 'due').length;
      log(
        `${count(size)}: ${templates.length} templates made through the app's use-cases in ` +
          `${ms(made.ms)} (${dueTemplates} due; ${new Set(templates.map((t) => t.typeCode)).size} problem types)`,
      );
      const smallest = templates.length + (o.due - dueTemplates);
      if (size < smallest) {
        throw new UsageError(`--sizes: the smallest size must be at least ${smallest}`);
      }
      await installSeedHelpers(seeder, templates);
      const dueClones = o.due - dueTemplates;
      const n = await seedClones(seeder, size - templates.length, dueClones);
      log(
        `${count(size)}: +${count(n.complaints)} complaints, ${count(n.clocks)} clocks, ` +
          `${count(n.events)} timeline events, ${count(n.audit)} audit entries, ` +
          `${count(n.firings)} firings, ${count(n.users)} complainants`,
      );
      await seeder.query('VACUUM ANALYZE');
    } finally {
      await seeder.end();
    }
  });
  await saveArmedState(pool);
  const open = await countOf(
    pool,
    `SELECT count(*) AS n FROM complaints WHERE status = 'investigating'`,
  );
  if (open !== size) throw new Error(`expected ${size} open complaints, found ${open}`);
  const due = await dueNow(pool);
  if (due !== o.due) throw new Error(`expected ${o.due} due clocks, found ${due}`);
  const clocks = await countOf(pool, 'SELECT count(*) AS n FROM sla_clocks');
  const pending = await countOf(
    pool,
    'SELECT count(*) AS n FROM sla_clocks WHERE next_fire_at IS NOT NULL',
  );
  const duePages = await countOf(
    pool,
    `SELECT count(DISTINCT (ctid::text::point)[0]) AS n FROM complaints
     WHERE id IN (SELECT complaint_id FROM bench_due)`,
  );
  log(
    `${count(size)}: seeded in ${ms(seeded.ms)} (incl. VACUUM ANALYZE): ${count(clocks)} clocks, ` +
      `${count(pending)} pending in the partial index, ${count(due)} due ` +
      `(their complaints on ${count(duePages)} heap pages)`,
  );
  const none: PlanSummary = {
    clocksAccess: '',
    clocksScanned: 0,
    complaintsAccess: '',
    complaintsScanned: 0,
    sharedBlocks: 0,
    executionMs: 0,
  };
  return {
    size,
    database,
    seedMs: seeded.ms,
    clocks,
    pending,
    duePages,
    sizes: await relationSizes(pool),
    sweeps: [],
    fired: 0,
    events: 0,
    claimIndex: [],
    claimScan: [],
    planIndex: none,
    planScan: none,
    planText: '',
  };
}

/**
 * Times the sizes in turn (100k, 1M, 100k, 1M …) rather than one after the other, so a slow
 * spell on a shared machine falls on both alike and the ratio stays honest.
 */
async function measure(subjects: Subject[], o: Options): Promise<void> {
  const claimed = Math.min(o.batch, o.due);
  for (const s of subjects) {
    const { pool } = s.database;
    const index = await explainClaim(pool, o.batch, false);
    const scan = await explainClaim(pool, o.batch, true);
    s.planIndex = index.summary;
    s.planScan = scan.summary;
    s.planText = index.text;
    log(
      `${count(s.size)}: claim plan ${index.summary.clocksAccess} → ` +
        `${count(index.summary.clocksScanned)} clock rows; without index scans ` +
        `${scan.summary.clocksAccess} → ${count(scan.summary.clocksScanned)} clock rows`,
    );
    // One untimed round first: the plans and pages the timed rounds find warm.
    await timeClaim(s.database.db, o.batch, false, claimed);
    await timeClaim(s.database.db, o.batch, true, claimed);
  }
  for (let i = 0; i < o.repeats; i++) {
    for (const s of subjects) {
      s.claimIndex.push(await timeClaim(s.database.db, o.batch, false, claimed));
      s.claimScan.push(await timeClaim(s.database.db, o.batch, true, claimed));
    }
  }
  for (const s of subjects) {
    log(
      `${count(s.size)}: claim of ${claimed}: via index ${ms(median(s.claimIndex))}, ` +
        `full scan ${ms(median(s.claimScan))} (medians of ${o.repeats})`,
    );
  }
  for (let i = 0; i < o.repeats; i++) {
    for (const s of subjects) {
      const { pool, db } = s.database;
      await pool.query('CHECKPOINT');
      const before = await marks(pool);
      const run = await timed(() => sweepAll(db, o.batch));
      const left = await dueNow(pool);
      if (run.value.clocks !== o.due || run.value.events !== o.due || left !== 0) {
        throw new Error(
          `${s.size}, sweep ${i + 1}: ${JSON.stringify(run.value)}, ${left} left due`,
        );
      }
      s.fired = run.value.fired;
      s.events = run.value.events;
      s.sweeps.push(run.ms);
      log(
        `${count(s.size)}: sweep ${i + 1}/${o.repeats} ${ms(run.ms)} — ${count(run.value.clocks)} clocks, ` +
          `${count(run.value.events)} breaches, ${count(run.value.fired)} rules fired, ${run.value.batches} batches`,
      );
      await rearm(pool, before);
      if ((await dueNow(pool)) !== o.due)
        throw new Error('re-arming did not restore the due clocks');
    }
  }
}

function report(results: Subject[], o: Options, describe: string): void {
  const head = [
    'open complaints',
    'clocks (pending)',
    'sweep median',
    'sweep min',
    'per due clock',
    'claim via index',
    'index rows read',
    'claim, full scan',
    'full-scan rows read',
  ];
  const rows = results.map((r) => [
    count(r.size),
    `${count(r.clocks)} (${count(r.pending)})`,
    ms(median(r.sweeps)),
    ms(min(r.sweeps)),
    ms(median(r.sweeps) / o.due),
    ms(median(r.claimIndex)),
    count(r.planIndex.clocksScanned),
    ms(median(r.claimScan)),
    count(r.planScan.clocksScanned + r.planScan.complaintsScanned),
  ]);
  const first = results[0]!;
  const last = results.at(-1)!;
  if (results.length > 1) {
    rows.push([
      `ratio ${count(last.size)} / ${count(first.size)}`,
      ratio(last.clocks, first.clocks),
      ratio(median(last.sweeps), median(first.sweeps)),
      ratio(min(last.sweeps), min(first.sweeps)),
      '',
      ratio(median(last.claimIndex), median(first.claimIndex)),
      '',
      ratio(median(last.claimScan), median(first.claimScan)),
      '',
    ]);
  }
  console.log('');
  console.log(
    `SLA sweep at ${BENCH_NOW.toISOString()}: ${count(o.due)} due resolution clocks, batches of ${o.batch}, ${o.repeats} runs per size`,
  );
  console.log(`Machine: ${machine()}`);
  console.log(`Database: ${describe}`);
  console.log('');
  console.log(table(head, rows));
  if (results.length > 1) {
    console.log('');
    console.log(
      `Open complaints ${ratio(last.size, first.size)}: one sweep ${ratio(median(last.sweeps), median(first.sweeps))} ` +
        `(medians), the claim via the partial index ${ratio(median(last.claimIndex), median(first.claimIndex))}, ` +
        `the same claim by full scan ${ratio(median(last.claimScan), median(first.claimScan))}.`,
    );
  }
  console.log('');
  for (const r of results) {
    console.log(
      `${count(r.size)} open — seeded in ${ms(r.seedMs)}, the ${count(o.due)} due complaints on ` +
        `${count(r.duePages)} heap pages; sweeps: ${r.sweeps.map(ms).join(', ')}`,
    );
    console.log(
      `  each sweep: ${count(o.due)} clocks, ${count(r.events)} breaches, ${count(r.fired)} rules fired; ` +
        `sizes: ${Object.entries(r.sizes)
          .map(([k, v]) => `${k} ${bytes(v)}`)
          .join(', ')}`,
    );
    console.log(
      `  claim via index: ${r.planIndex.clocksAccess} → ${count(r.planIndex.clocksScanned)} clock rows, ` +
        `${count(r.planIndex.complaintsScanned)} complaint rows, ${count(r.planIndex.sharedBlocks)} buffers`,
    );
    console.log(
      `  claim, full scan: ${r.planScan.clocksAccess} → ${count(r.planScan.clocksScanned)} clock rows; ` +
        `complaints by ${r.planScan.complaintsAccess} → ${count(r.planScan.complaintsScanned)} rows, ` +
        `${count(r.planScan.sharedBlocks)} buffers`,
    );
  }
  console.log('');
  console.log(`EXPLAIN (ANALYZE, BUFFERS) of the claim at ${count(last.size)} open:`);
  console.log(last.planText);
}

export async function runSlaBenchmark(args: BenchArgs): Promise<void> {
  const o = options(args);
  log(
    `sla: sizes ${o.sizes.map(count).join(', ')}, ${count(o.due)} due, ${o.repeats} runs, batch ${o.batch}`,
  );
  const server = await startBenchServer();
  try {
    log(server.describe);
    const subjects: Subject[] = [];
    for (const size of o.sizes) subjects.push(await prepare(server, size, o));
    await measure(subjects, o);
    report(subjects, o, server.describe);
  } finally {
    await server.close();
  }
}
