// The model complaints the SLA benchmark clones: a few hundred open complaints made by the app's
// own code (filed, answered and taken into investigation through the complaints use-cases, warned
// by the real sweeper), so every column, the rules snapshot, the SLA policy, the clocks, the
// timeline and the audit trail are exactly what the app writes. Each template is placed in time
// so that at BENCH_NOW nothing of it is due, except the resolution clock of the "due" ones.
import { eq, sql } from 'drizzle-orm';
import { insertCatalogIfMissing, loadCatalog } from '../src/modules/catalog/index.js';
import { fileComplaint } from '../src/modules/complaints/index.js';
import { mod11_2 } from '../src/modules/complaints/numbers.js';
import { transitionComplaint } from '../src/modules/complaints/use-cases/transition-complaint.js';
import { replyToComplainant } from '../src/modules/complaints/use-cases/work-on-case.js';
import { sweepClocks } from '../src/modules/escalation/index.js';
import { measureOf, startClock, type ClockFields } from '../src/modules/sla/clock-logic.js';
import {
  effectivePolicy,
  findCalendar,
  regionOf,
  ruleMatches,
  withRegionExtra,
} from '../src/modules/sla/index.js';
import { loadConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import { complaints, escalationRules, slaClocks } from '../src/server/db/schema.js';
import { DEFAULT_CATALOG } from '../src/server/db/seed/default-catalog.js';
import { NO_CASE_HOOKS } from '../src/server/lib/case-hooks.js';
import { FixedClock } from '../src/server/lib/clock.js';
import type { Principal } from '../src/server/plugins/auth.js';
import type { FieldKind, ProblemType, RequiredField } from '../src/shared/catalog.js';
import type {
  BusinessCalendar,
  EscalationCondition,
  SlaDuration,
  SlaPolicy,
} from '../src/shared/sla.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The instant every sweep of the benchmark runs at: Wednesday 18 March 2026, 14:00 in Beijing. */
export const BENCH_NOW = new Date('2026-03-18T06:00:00Z');
const T = BENCH_NOW.getTime();
/** When the real sweeper warned the templates that are past their warning (and not yet due). */
const WARN_SWEEP = new Date(T - 1 * HOUR);
/** When it warned the due ones, before their resolution clock ran out. */
const DUE_WARN_SWEEP = new Date(T - 4 * HOUR);
/** Room kept between any instant and the sweeps, so nothing sits on a boundary. */
const MARGIN = 5 * MIN;

/** The integration the templates are filed and worked through (a call-centre system's API token). */
const TOKEN: Principal = {
  kind: 'token',
  tokenId: '00000000-0000-4000-8000-00000000be0c',
  role: 'agent',
  name: '呼叫中心工单接口',
};

export type Group = 'plain' | 'warned' | 'due';

interface TypeFacts {
  categoryCode: string;
  type: ProblemType;
  policy: SlaPolicy;
  calendar: BusinessCalendar | null;
  timers: Extract<EscalationCondition, { trigger: 'elapsed' }>[];
}

interface Plan {
  facts: TypeFacts;
  group: Group;
  acceptedAt: Date;
  repliedAt: Date;
  progressAt: Date;
}

export interface Template {
  group: Group;
  id: string;
  number: string;
  typeCode: string;
}

/** A clock as syncClocks would start it (wall hours off the calendar, working days on it). */
function clockAt(f: TypeFacts, target: SlaDuration, at: Date, warn: number | null): ClockFields {
  const cal = target.unit === 'hours' ? null : f.calendar;
  return startClock(measureOf(cal), at, target, warn);
}

function slaTargets(f: TypeFacts): { kind: 'resolution' | 'hard_max'; target: SlaDuration }[] {
  const region = regionOf(f.policy.regionExtras, undefined);
  const out: { kind: 'resolution' | 'hard_max'; target: SlaDuration }[] = [];
  if (f.policy.resolution)
    out.push({ kind: 'resolution', target: withRegionExtra(f.policy.resolution, region) });
  if (f.policy.hardMax)
    out.push({ kind: 'hard_max', target: withRegionExtra(f.policy.hardMax, region) });
  return out;
}

const timeOf = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);

/** Whether the plan leaves exactly what its group calls for due at BENCH_NOW. */
function fits(p: Plan): boolean {
  const { facts: f, group } = p;
  const A = p.acceptedAt.getTime();
  if (!(A < p.repliedAt.getTime() && p.repliedAt < p.progressAt)) return false;
  const sweepAt = group === 'warned' ? WARN_SWEEP : group === 'due' ? DUE_WARN_SWEEP : BENCH_NOW;
  if (p.progressAt.getTime() > sweepAt.getTime() - MARGIN) return false;
  if (f.policy.firstResponse) {
    const fr = clockAt(f, f.policy.firstResponse, p.acceptedAt, f.policy.warnFraction);
    if (fr.problem || timeOf(fr.dueAt) <= p.repliedAt.getTime()) return false;
  }
  const sweep = sweepAt.getTime();
  for (const { kind, target } of slaTargets(f)) {
    const c = clockAt(f, target, p.acceptedAt, f.policy.warnFraction);
    if (c.problem || !c.dueAt) return false;
    const warn = timeOf(c.warnAt);
    const due = c.dueAt.getTime();
    const untouched = timeOf(c.nextFireAt) > T + MARGIN;
    const warnedOnly = warn <= sweep - MARGIN && due > T + MARGIN;
    if (group === 'plain' && !untouched) return false;
    if (group !== 'plain' && kind === 'hard_max' && !(untouched || warnedOnly)) return false;
    if (group === 'warned' && kind === 'resolution' && !warnedOnly) return false;
    if (group === 'due' && kind === 'resolution') {
      if (!(warn <= sweep - MARGIN && due > sweep + MARGIN && due < T - MARGIN)) return false;
    }
  }
  if (group === 'due' && !f.policy.resolution) return false;
  for (const timer of f.timers) {
    // The "untreated" timer stops at the first response; the others run from their start.
    if (timer.untilTreated) continue;
    const from = timer.since === 'last_progress' ? p.progressAt : p.acceptedAt;
    if (timeOf(clockAt(f, timer.after, from, null).dueAt) <= T + MARGIN) return false;
  }
  return true;
}

/** The first response: within the hour, and well inside the first-response target. */
function replyAfter(f: TypeFacts, acceptedAt: Date, within: number): Date {
  const A = acceptedAt.getTime();
  const fr = f.policy.firstResponse
    ? timeOf(clockAt(f, f.policy.firstResponse, acceptedAt, null).dueAt) - A
    : Number.POSITIVE_INFINITY;
  return new Date(A + Math.max(MIN, Math.min(HOUR, within, fr / 2)));
}

/** The latest acceptance whose resolution clock falls due no later than `dueBy`. */
function acceptedFor(f: TypeFacts, dueBy: number): Date | null {
  const target = slaTargets(f).find((t) => t.kind === 'resolution')?.target;
  if (!target) return null;
  const due = (a: number) => timeOf(clockAt(f, target, new Date(a), null).dueAt);
  let lo = T - 200 * 24 * HOUR;
  let hi = T;
  if (due(lo) > dueBy) return null;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (due(mid) <= dueBy) lo = mid;
    else hi = mid;
  }
  return new Date(Math.floor(lo / 1000) * 1000);
}

function plansFor(f: TypeFacts): Plan[] {
  const out: Plan[] = [];
  // Open, nothing pending before BENCH_NOW: accepted between 45 minutes and a day and a half ago.
  for (const wanted of [0.75, 3, 8, 16, 30]) {
    for (let age = wanted * HOUR; age >= 10 * MIN; age *= 0.6) {
      const acceptedAt = new Date(T - Math.round(age / 1000) * 1000);
      const repliedAt = replyAfter(f, acceptedAt, age / 4);
      const progressAt = new Date(Math.max(T - age / 2, T - 20 * HOUR));
      const p: Plan = { facts: f, group: 'plain', acceptedAt, repliedAt, progressAt };
      if (fits(p)) {
        out.push(p);
        break;
      }
    }
  }
  // Warned at 75 % of the resolution target, due 2 h to a day after BENCH_NOW.
  for (const after of [2, 7, 20]) {
    const acceptedAt = acceptedFor(f, T + after * HOUR);
    if (!acceptedAt) continue;
    const progressAt = new Date(WARN_SWEEP.getTime() - 30 * MIN);
    const repliedAt = replyAfter(f, acceptedAt, HOUR);
    const p: Plan = { facts: f, group: 'warned', acceptedAt, repliedAt, progressAt };
    if (fits(p)) out.push(p);
  }
  // Warned, then due between 20 minutes and 3 hours before BENCH_NOW: what the sweep breaches.
  for (const before of [20 / 60, 1.5, 3]) {
    const acceptedAt = acceptedFor(f, T - before * HOUR);
    if (!acceptedAt) continue;
    const progressAt = new Date(DUE_WARN_SWEEP.getTime() - 30 * MIN);
    const repliedAt = replyAfter(f, acceptedAt, HOUR);
    const p: Plan = { facts: f, group: 'due', acceptedAt, repliedAt, progressAt };
    if (fits(p)) out.push(p);
  }
  return out;
}

/** A valid value of each field kind, as a person would type it. */
function valueFor(field: RequiredField, n: number, acceptedAt: Date): string {
  const kind: FieldKind = field.kind;
  const digits = String(100000 + n);
  switch (kind) {
    case 'text':
      return field.key === 'country' ? '美国' : `基准样例${n}`;
    case 'order_number':
      return `DD2026${digits}88`;
    case 'waybill_number':
      return `SF10${digits}2468`;
    case 'amount':
      return String(50 + (n % 900)) + '.00';
    case 'date':
      return new Date(acceptedAt.getTime() - 3 * 24 * HOUR).toISOString().slice(0, 10);
    case 'phone':
      return `1360${String(n).padStart(7, '0')}`;
    case 'email':
      return `case${n}@example.com`;
    case 'id_number': {
      const body = `11010519900307${String(n % 1000).padStart(3, '0')}`;
      return body + mod11_2(body);
    }
    case 'case_number': {
      const d = `20260105${String(n).padStart(6, '0')}`;
      return `TS20260105-${d.slice(8)}-${mod11_2(d)}`;
    }
    case 'url':
      return `https://example.com/item/${n}`;
  }
}

async function typeFacts(db: Db): Promise<TypeFacts[]> {
  const rules = await db.select().from(escalationRules).where(eq(escalationRules.enabled, true));
  const calendars = new Map<string, BusinessCalendar | null>();
  const out: TypeFacts[] = [];
  for (const cat of await loadCatalog(db)) {
    if (!cat.accepted) continue;
    for (const type of cat.types) {
      const policy = await effectivePolicy(db, cat.code, type.code, type.sla);
      if (!calendars.has(policy.calendarCode)) {
        calendars.set(policy.calendarCode, await findCalendar(db, policy.calendarCode));
      }
      const facts = {
        rules: { categoryCode: cat.code, typeCode: type.code },
        priority: type.priority,
      };
      const timers = rules
        .filter((r) => r.condition.trigger === 'elapsed' && ruleMatches(r, facts))
        .map((r) => r.condition as Extract<EscalationCondition, { trigger: 'elapsed' }>);
      out.push({
        categoryCode: cat.code,
        type,
        policy,
        calendar: calendars.get(policy.calendarCode) ?? null,
        timers,
      });
    }
  }
  return out;
}

/**
 * Loads the default catalogue, then files and works the templates through the app's use-cases on
 * a clock set to each step's instant, and lets the real sweeper record the warnings. At most
 * `maxDue` due templates are made (fewer if the catalogue offers fewer).
 */
export async function createTemplates(db: Db, maxDue: number): Promise<Template[]> {
  await insertCatalogIfMissing(db, DEFAULT_CATALOG);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  const clock = new FixedClock(BENCH_NOW);
  const deps = { db, clock, hooks: NO_CASE_HOOKS, config };
  const all = (await typeFacts(db)).map(plansFor);
  // Round-robin over the types, so every group mixes categories.
  const byGroup = (g: Group) => {
    const lists = all.map((plans) => plans.filter((p) => p.group === g));
    const out: Plan[] = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) {
      for (const l of lists) if (i < l.length) out.push(l[i]!);
    }
    return out;
  };
  const templates: Template[] = [];
  let n = 0;
  const make = async (p: Plan) => {
    n += 1;
    const fields: Record<string, string> = {};
    for (const field of p.facts.type.requiredFields)
      fields[field.key] = valueFor(field, n, p.acceptedAt);
    clock.set(p.acceptedAt);
    const filed = await fileComplaint(deps, {
      principal: TOKEN,
      body: {
        type: p.facts.type.code,
        description: `${p.facts.type.name.zh}：客户来电反映问题至今未解决，要求平台介入处理（样例 ${n}）`,
        demand: '尽快处理并给出结果',
        fields,
        channel: 'phone',
        complainant: { name: `投诉人${n}`, phone: `137${String(n).padStart(8, '0')}` },
      },
      idempotencyKey: null,
      ip: null,
      locale: 'zh-CN',
    });
    const number = filed.result.complaint.number;
    const caller = { principal: TOKEN, number, locale: 'zh-CN' as const };
    clock.set(p.repliedAt);
    await replyToComplainant(deps, caller, {
      text: '您好，您的投诉已受理，我们正在联系相关方核实，会尽快给您答复。',
    });
    clock.set(p.progressAt);
    await transitionComplaint(deps, caller, { action: 'investigate' });
    const [row] = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.number, number));
    templates.push({ group: p.group, id: row!.id, number, typeCode: p.facts.type.code });
  };
  for (const p of byGroup('plain')) await make(p);
  for (const p of byGroup('warned')) await make(p);
  clock.set(WARN_SWEEP);
  await sweepClocks(deps, { maxBatches: 1000 });
  for (const p of byGroup('due').slice(0, maxDue)) await make(p);
  clock.set(DUE_WARN_SWEEP);
  await sweepClocks(deps, { maxBatches: 1000 });
  await assertOnlyDueAreDue(db, templates);
  return templates;
}

/** The templates' clocks due at BENCH_NOW are exactly the due templates' resolution clocks. */
async function assertOnlyDueAreDue(db: Db, templates: Template[]): Promise<void> {
  const due = await db
    .select({ complaintId: slaClocks.complaintId, kind: slaClocks.kind, state: slaClocks.state })
    .from(slaClocks)
    .where(sql`${slaClocks.nextFireAt} <= ${BENCH_NOW}`);
  const wanted = new Set(templates.filter((t) => t.group === 'due').map((t) => t.id));
  const wrong = due.filter((c) => !wanted.has(c.complaintId) || c.kind !== 'resolution');
  const warned = due.filter((c) => c.state === 'warning').length;
  if (wrong.length > 0 || due.length !== wanted.size || warned !== wanted.size) {
    throw new Error(
      `template clocks due at ${BENCH_NOW.toISOString()}: ${JSON.stringify(due)}; ` +
        `expected the ${wanted.size} due templates' resolution clocks, warned`,
    );
  }
}
