// Set-based seeding for the SLA benchmark: every open complaint is a copy of one of the templates
// (sla-templates.ts) made by INSERT … SELECT over generate_series, with its own id, number and
// complainant, and with the template's clocks, timeline, audit entries and rule firings. The due
// clones are spread evenly through the table, as due cases would be among older open ones.
import type pg from 'pg';
import { mod11_2 } from '../src/modules/complaints/numbers.js';
import { log, ms, timed } from './benchmark.js';
import type { Template } from './sla-templates.js';

/** Complainants: about three open complaints each. */
const COMPLAINTS_PER_PERSON = 3;
/** Clone numbers run from here, above any day's own counter (the templates number from 1). */
const SEQ_BASE = 1000;

// ISO 7064 MOD 11-2 over the 15 digits of a clone's number (date + 7-digit sequence), written
// out as one expression so PostgreSQL inlines it (numbers.ts folds the same weights by Horner).
const CHECK_EXPR = (() => {
  const terms = Array.from({ length: 15 }, (_, i) => {
    const weight = 2 ** (15 - i) % 11;
    return `substr(d, ${i + 1}, 1)::int * ${weight}`;
  });
  return `(12 - (${terms.join(' + ')}) % 11) % 11`;
})();

export async function installSeedHelpers(c: pg.Client, templates: Template[]): Promise<void> {
  await c.query(`
    CREATE FUNCTION bench_uuid(kind text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
      AS $$ SELECT md5('redress-bench-' || kind || '-' || i)::uuid $$;
    CREATE FUNCTION bench_check(d text) RETURNS text LANGUAGE sql IMMUTABLE
      AS $$ SELECT CASE ${CHECK_EXPR} WHEN 10 THEN 'X' ELSE (${CHECK_EXPR})::text END $$;
    CREATE FUNCTION bench_number(day text, seq bigint) RETURNS text LANGUAGE sql IMMUTABLE
      AS $$ SELECT 'TS' || day || '-' || lpad(seq::text, 7, '0') || '-'
                || bench_check(day || lpad(seq::text, 7, '0')) $$;
    CREATE TABLE bench_templates (grp text NOT NULL, k int NOT NULL, complaint_id uuid NOT NULL,
      number text NOT NULL, PRIMARY KEY (grp, k));
    CREATE TABLE bench_due (complaint_id uuid PRIMARY KEY);
  `);
  for (const day of ['20260318', '20251231']) {
    for (const seq of [1000, 1234567, 9999999]) {
      const digits = day + String(seq).padStart(7, '0');
      const want = `TS${day}-${digits.slice(8)}-${mod11_2(digits)}`;
      const got = (await c.query<{ n: string }>('SELECT bench_number($1, $2) AS n', [day, seq]))
        .rows[0]!.n;
      if (got !== want) throw new Error(`bench_number(${day}, ${seq}) = ${got}, expected ${want}`);
    }
  }
  const open = templates.filter((t) => t.group !== 'due');
  const due = templates.filter((t) => t.group === 'due');
  const rows = [
    ...open.map((t, k) => ['open', k, t.id, t.number] as const),
    ...due.map((t, k) => ['due', k, t.id, t.number] as const),
  ];
  for (const r of rows) {
    await c.query('INSERT INTO bench_templates VALUES ($1, $2, $3, $4)', [...r]);
  }
  await c.query(`INSERT INTO bench_due SELECT complaint_id FROM bench_templates WHERE grp = 'due'`);
  // The templates as they are now: what every clone copies, whatever later sweeps do to them.
  await c.query(`
    CREATE TABLE bench_t_complaints AS
      SELECT c.* FROM complaints c JOIN bench_templates t ON t.complaint_id = c.id;
    CREATE TABLE bench_t_clocks AS
      SELECT k.* FROM sla_clocks k JOIN bench_templates t ON t.complaint_id = k.complaint_id;
    CREATE TABLE bench_t_events AS
      SELECT e.* FROM complaint_events e JOIN bench_templates t ON t.complaint_id = e.complaint_id;
    CREATE TABLE bench_t_audit AS
      SELECT a.* FROM audit_log a JOIN bench_templates t
        ON a.target_type = 'complaint' AND a.target_id = t.number;
    CREATE TABLE bench_t_firings AS
      SELECT f.*, k.complaint_id, k.kind, k.cycle, k.rule_id AS clock_rule_id
      FROM escalation_firings f JOIN bench_t_clocks k ON k.id = f.clock_id;
  `);
  // With true (small) row counts the planner hashes the templates and streams the clones past
  // them in clone order, so every size gets the same physical layout (due cases spread out).
  await c.query(`ANALYZE bench_templates, bench_t_complaints, bench_t_clocks, bench_t_events,
    bench_t_audit, bench_t_firings`);
}

async function columns(c: pg.Client, table: string): Promise<string[]> {
  const r = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

/** `INSERT INTO table (cols) SELECT <override or alias.col> … FROM rest`, id left to its default. */
async function copyInto(
  c: pg.Client,
  table: string,
  alias: string,
  overrides: Record<string, string>,
  from: string,
  keepId = false,
): Promise<number> {
  const cols = (await columns(c, table)).filter((col) => keepId || col !== 'id');
  const exprs = cols.map((col) => overrides[col] ?? `${alias}.${col}`);
  const r = await timed(() =>
    c.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${exprs.join(', ')} FROM ${from}`),
  );
  log(`  ${table}: ${(r.value.rowCount ?? 0).toLocaleString('en-US')} rows in ${ms(r.ms)}`);
  return r.value.rowCount ?? 0;
}

export interface SeedCounts {
  complaints: number;
  clocks: number;
  events: number;
  audit: number;
  firings: number;
  users: number;
}

/** Adds `clones` complaints (`dueClones` of them due) and everything they own. */
export async function seedClones(
  c: pg.Client,
  clones: number,
  dueClones: number,
): Promise<SeedCounts> {
  const kOpen = Number(
    (await c.query(`SELECT count(*) AS n FROM bench_templates WHERE grp = 'open'`)).rows[0].n,
  );
  const kDue = Number(
    (await c.query(`SELECT count(*) AS n FROM bench_templates WHERE grp = 'due'`)).rows[0].n,
  );
  const stride = dueClones > 0 ? Math.floor(clones / dueClones) : 1;
  const users = Math.ceil(clones / COMPLAINTS_PER_PERSON);
  const dueExpr =
    dueClones > 0 ? `g.i % ${stride} = 0 AND g.i / ${stride} < ${dueClones}` : 'false';

  await c.query(`
    INSERT INTO users (id, role, name, phone, locale, status, created_at, updated_at)
    SELECT bench_uuid('u', j), 'complainant', '用户' || j, '139' || lpad(j::text, 8, '0'),
           'zh-CN', 'active', timestamptz '2026-01-10 09:00+08', timestamptz '2026-01-10 09:00+08'
    FROM generate_series(0::bigint, ${users - 1}) j`);

  await c.query(`DROP TABLE IF EXISTS bench_map`);
  await c.query(`
    CREATE UNLOGGED TABLE bench_map AS
    SELECT g.i, bench_uuid('c', g.i) AS id,
           bench_number(substr(t.number, 3, 8), g.i + ${SEQ_BASE}) AS number,
           t.complaint_id AS tid, t.number AS tnum, g.i % ${users} AS uj, g.due
    FROM (SELECT i, ${dueExpr} AS due FROM generate_series(0::bigint, ${clones - 1}) AS g(i)) g
    JOIN bench_templates t
      ON t.grp = CASE WHEN g.due THEN 'due' ELSE 'open' END
     AND t.k = CASE WHEN g.due THEN (g.i / ${stride}) % ${Math.max(kDue, 1)}
                    ELSE g.i % ${kOpen} END
    ORDER BY g.i`);
  await c.query(`INSERT INTO bench_due SELECT id FROM bench_map WHERE due`);
  await c.query(`ANALYZE bench_map`);

  const complaints = await copyInto(
    c,
    'complaints',
    'x',
    {
      id: 'm.id',
      number: 'm.number',
      complainant_id: `bench_uuid('u', m.uj)`,
      contact: `jsonb_build_object('name', '用户' || m.uj, 'phone', '139' || lpad(m.uj::text, 8, '0'), 'email', null)`,
    },
    'bench_map m JOIN bench_t_complaints x ON x.id = m.tid',
    true,
  );
  const clocks = await copyInto(
    c,
    'sla_clocks',
    'k',
    { complaint_id: 'm.id' },
    'bench_map m JOIN bench_t_clocks k ON k.complaint_id = m.tid',
  );
  const events = await copyInto(
    c,
    'complaint_events',
    'e',
    {
      complaint_id: 'm.id',
      data: `CASE WHEN e.data ? 'number' THEN jsonb_set(e.data, '{number}', to_jsonb(m.number)) ELSE e.data END`,
    },
    'bench_map m JOIN bench_t_events e ON e.complaint_id = m.tid',
  );
  const audit = await copyInto(
    c,
    'audit_log',
    'a',
    { target_id: 'm.number' },
    'bench_map m JOIN bench_t_audit a ON a.target_id = m.tnum',
  );
  const firings = await copyInto(
    c,
    'escalation_firings',
    'f',
    { clock_id: 'k.id' },
    `bench_map m JOIN bench_t_firings f ON f.complaint_id = m.tid
     JOIN sla_clocks k ON k.complaint_id = m.id AND k.kind = f.kind AND k.cycle = f.cycle
      AND k.rule_id IS NOT DISTINCT FROM f.clock_rule_id`,
    true,
  );
  // The day counters move past the clones' numbers, as numbering would have left them.
  await c.query(`
    INSERT INTO complaint_counters (day, last)
    SELECT substr(number, 3, 8), max(substr(number, 12, 7)::int) FROM bench_map GROUP BY 1
    ON CONFLICT (day) DO UPDATE SET last = greatest(complaint_counters.last, excluded.last)`);
  await c.query(`DROP TABLE bench_map`);
  return { complaints, clocks, events, audit, firings, users };
}
