// The assigner through the real app: complaints filed by a complainant are given to the member of
// the right team with the least open load (ties round robin), within capacity, working hours,
// absence and language; red work jumps the queue; what waits is assigned when someone frees up;
// an appeal never goes back to the person who gave the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingJobs } from '../../src/modules/routing/index.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import type { WorkingHours } from '../../src/shared/cases.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, fileComplaint, lostParcel } from '../helpers/complaints.js';

const MINUTE = 60_000;
const ALWAYS: WorkingHours = { days: [], start: '00:00', end: '00:00', alwaysOn: true };

let t: TestApp;
let clock: FixedClock;
let me: AuthedClient;
let supervisor: AuthedClient;

beforeAll(async () => {
  clock = new FixedClock(new Date('2026-11-23T02:00:00Z')); // Monday 10:00 in China
  t = await buildTestApp({
    clock,
    config: { filingLimitPerHour: 1000, filingLimitPerIpPerHour: 1000, sessionTtlHours: 72 },
  });
  me = await loginComplainant(t);
  supervisor = await loginAs(t.app, 'supervisor');
});
afterAll(() => t.close());

interface Person {
  id: string;
  name: string;
}
interface Setup {
  capacity: number;
  languages?: string[];
  hours?: WorkingHours;
}

let seq = 0;
async function person(name: string): Promise<Person> {
  seq += 1;
  const r = await t.database.pool.query<{ id: string }>(
    `INSERT INTO users (role, name, email) VALUES ('agent', $1, $2) RETURNING id`,
    [name, `p${seq}@routing-assign.test`],
  );
  return { id: r.rows[0]!.id, name };
}

async function api(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) {
  const res = await t.app.inject({ method, url, headers: supervisor.headers, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function setProfile(p: Person, setup: Partial<Setup> & Record<string, unknown>) {
  return api('PATCH', `/api/v1/agents/${p.id}`, setup);
}

/** A new team of the given people; express complaints are routed to it from now on. */
async function team(code: string, people: [Person, Setup][]): Promise<void> {
  await api('POST', '/api/v1/teams', { code, name: { zh: code, en: code } });
  for (const [p, s] of people) {
    await setProfile(p, { languages: ['zh'], hours: ALWAYS, ...s });
  }
  await api('PUT', `/api/v1/teams/${code}/members`, { userIds: people.map(([p]) => p.id) });
  // Ties at the start go to people in the order listed (otherwise they would go by user id).
  for (const [i, [p]] of people.entries()) {
    await t.database.pool.query(
      `UPDATE agent_profiles SET last_assigned_at = '2026-01-01T00:00:00Z'::timestamptz + $2 * interval '1 minute'
         WHERE user_id = $1`,
      [p.id, i],
    );
  }
  await api('PUT', '/api/v1/routing/rules', {
    categoryCode: 'express_delivery',
    typeCode: '',
    teamCode: code,
  });
}

let waybill = 0;
/** Files an express complaint a minute after the last, so assignment times differ. */
async function file(opts: { red?: boolean; language?: string } = {}): Promise<string> {
  waybill += 1;
  clock.advance(MINUTE);
  const wb = `SF${String(waybill).padStart(10, '0')}`;
  const body = opts.red
    ? {
        type: 'fresh_goods',
        description: `生鲜包裹${wb}到货时已经腐烂变质，完全无法食用`,
        demand: '退款',
        fields: { waybill_number: wb, carrier: '顺丰速运' },
      }
    : lostParcel(wb);
  const res = await fileComplaint(t, me, {
    ...body,
    ...(opts.language ? { language: opts.language } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().complaint.number as string;
}

async function holder(number: string): Promise<string | null> {
  const r = await t.database.pool.query<{ name: string | null }>(
    `SELECT u.name FROM complaints c LEFT JOIN users u ON u.id = c.assignee_id WHERE c.number = $1`,
    [number],
  );
  return r.rows[0]!.name;
}

async function teamView(code: string) {
  const res = await t.app.inject({ url: '/api/v1/teams', headers: supervisor.headers });
  return (res.json() as { code: string; waiting: number; waitingRed: number; open: number }[]).find(
    (x) => x.code === code,
  )!;
}

const job = routingJobs({
  get db() {
    return t.database.db;
  },
  clock: {
    now: () => clock.now(),
  },
})[0]!;
const runJob = () => job.handler({}, { jobId: 1, attempt: 1, log: createLogger('silent') });

describe('automatic assignment', () => {
  it('least open load first; ties go to whoever was given work longest ago (round robin)', async () => {
    const a = await person('甲');
    const b = await person('乙');
    const c = await person('丙');
    await team('t_round', [
      [a, { capacity: 10 }],
      [b, { capacity: 10 }],
      [c, { capacity: 10 }],
    ]);
    // 乙 was last given work before 甲; 丙 never.
    await t.database.pool.query(
      `UPDATE agent_profiles SET last_assigned_at = CASE user_id
         WHEN $1::uuid THEN '2026-11-23T01:00:00Z'::timestamptz
         WHEN $2::uuid THEN '2026-11-23T00:00:00Z'::timestamptz END
       WHERE user_id IN ($1, $2, $3)`,
      [a.id, b.id, c.id],
    );
    const order: (string | null)[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const n = await file();
      numbers.push(n);
      order.push(await holder(n));
    }
    expect(order).toEqual(['丙', '乙', '甲', '丙', '乙', '甲']);

    // Move 甲's last one to 乙: loads 甲 1, 乙 3, 丙 2. Least load wins over the turn (丙's).
    await api('POST', `/api/v1/complaints/${numbers[5]}/assignment`, {
      teamCode: 't_round',
      assigneeId: b.id,
      reason: '乙熟悉该快递公司',
    });
    expect(await holder(await file())).toBe('甲');
    expect(await teamView('t_round')).toMatchObject({ waiting: 0, open: 7 });
  });

  it('records the assignment on the timeline for staff only, without personal data', async () => {
    const n = await file();
    const staff = await t.app.inject({
      url: `/api/v1/complaints/${n}`,
      headers: supervisor.headers,
    });
    const assigned = staff.json().timeline.filter((e: { type: string }) => e.type === 'assigned');
    expect(assigned).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', role: null, name: '系统' },
        data: {
          assigneeId: expect.any(String),
          assigneeName: '丙',
          team: 't_round',
          load: 3,
          capacity: 10,
        },
      }),
    ]);
    expect(staff.json().assignee).toEqual({ id: expect.any(String), name: '丙' });
    const mine = await t.app.inject({ url: `/api/v1/complaints/${n}`, headers: me.headers });
    expect(mine.json().timeline.map((e: { type: string }) => e.type)).not.toContain('assigned');
    const audit = await t.database.pool.query(
      `SELECT action, actor_kind FROM audit_log WHERE target_id = $1 AND action = 'complaint.assigned'`,
      [n],
    );
    expect(audit.rows).toEqual([{ action: 'complaint.assigned', actor_kind: 'system' }]);
  });

  it('never past capacity; what waits goes to the first person who frees up', async () => {
    const a = await person('满甲');
    const b = await person('满乙');
    await team('t_cap', [
      [a, { capacity: 1 }],
      [b, { capacity: 1 }],
    ]);
    const first = await file();
    const second = await file();
    const third = await file();
    expect([await holder(first), await holder(second)].sort()).toEqual(['满乙', '满甲']);
    expect(await holder(third)).toBeNull();
    expect(await teamView('t_cap')).toMatchObject({ waiting: 1, waitingRed: 0, open: 2 });
    expect(await runJob()).toBeUndefined();
    expect(await holder(third)).toBeNull();

    // The supervisor resolves 满甲's case: 满甲 has room again and gets the waiting one.
    const freed = (await holder(first)) === '满甲' ? first : second;
    for (const action of ['review', 'investigate']) {
      expect((await act(t, supervisor, freed, 'transitions', { action })).statusCode).toBe(200);
    }
    const resolved = await act(t, supervisor, freed, 'transitions', {
      action: 'resolve',
      opinion: '已协调快递公司赔付',
    });
    expect(resolved.statusCode).toBe(200);
    expect(await holder(third)).toBe('满甲');
    expect(await teamView('t_cap')).toMatchObject({ waiting: 0, open: 2 });
  });

  it('red priority jumps the queue', async () => {
    const r = await person('红');
    await team('t_red', [[r, { capacity: 1 }]]);
    const held = await file();
    expect(await holder(held)).toBe('红');
    const yellow1 = await file();
    const yellow2 = await file();
    const red = await file({ red: true });
    expect(await teamView('t_red')).toMatchObject({ waiting: 3, waitingRed: 1 });

    await setProfile(r, { capacity: 2 });
    expect(await holder(red)).toBe('红');
    expect([await holder(yellow1), await holder(yellow2)]).toEqual([null, null]);
    await setProfile(r, { capacity: 3 });
    expect([await holder(yellow1), await holder(yellow2)]).toEqual(['红', null]);
  });

  it('cross-border work goes only to people who speak the language', async () => {
    const z = await person('中文');
    const m = await person('马来语');
    await team('t_lang', [
      [z, { capacity: 5 }],
      [m, { capacity: 2, languages: ['zh', 'ms'] }],
    ]);
    const zh1 = await file();
    expect(await holder(zh1)).toBe('中文');
    // Least load: 马来语 takes the next Chinese one too.
    const zh2 = await file();
    expect(await holder(zh2)).toBe('马来语');
    // Only 马来语 speaks Malay.
    const ms1 = await file({ language: 'ms' });
    expect(await holder(ms1)).toBe('马来语');
    // 马来语 is full: the next Malay complaint waits although 中文 has room.
    const ms2 = await file({ language: 'ms' });
    expect(await holder(ms2)).toBeNull();
    const zh3 = await file();
    expect(await holder(zh3)).toBe('中文');
    const detail = await t.app.inject({
      url: `/api/v1/complaints/${ms2}`,
      headers: supervisor.headers,
    });
    expect(detail.json().language).toBe('ms');
    await setProfile(m, { capacity: 3 });
    expect(await holder(ms2)).toBe('马来语');
  });

  it('an appeal is never given to the person who gave the result; a transferred case does not wait', async () => {
    const a = await person('原处理人');
    const b = await person('复议人');
    await team('t_appeal', [
      [a, { capacity: 5 }],
      [b, { capacity: 2 }],
    ]);
    const x = await file();
    const y = await file();
    const z = await file();
    expect([await holder(x), await holder(y), await holder(z)]).toEqual([
      '原处理人',
      '复议人',
      '原处理人',
    ]);
    // x comes back on appeal against 原处理人's result: 复议人 takes it despite the higher load.
    await t.database.pool.query(
      `UPDATE complaints SET status = 'appealed', appeal_resolver = $2, assignee_id = NULL
         WHERE number = $1`,
      [x, `user:${a.id}`],
    );
    await runJob();
    expect(await holder(x)).toBe('复议人');
    // 复议人 is now full: the next appeal against 原处理人 waits rather than going back to them.
    await t.database.pool.query(
      `UPDATE complaints SET status = 'appealed', appeal_resolver = $2, assignee_id = NULL
         WHERE number = $1`,
      [z, `user:${a.id}`],
    );
    await runJob();
    expect(await holder(z)).toBeNull();
    // A case with a merchant or an external platform is not in anyone's queue.
    await t.database.pool.query(
      `UPDATE complaints SET status = 'transferred', assignee_id = NULL WHERE number = $1`,
      [y],
    );
    await runJob();
    expect(await holder(y)).toBeNull();
    expect(await holder(z)).toBe('复议人');
    expect(await teamView('t_appeal')).toMatchObject({ waiting: 0, open: 2 });
  });

  // Last: it moves the clock through the day.
  it('respects working hours (China time) and absence; the job assigns when they change', async () => {
    const day = await person('白班');
    const night = await person('夜班');
    await team('t_hours', [
      [
        day,
        {
          capacity: 5,
          hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', alwaysOn: false },
        },
      ],
      [
        night,
        {
          capacity: 5,
          hours: { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00', alwaysOn: false },
        },
      ],
    ]);
    clock.set(new Date('2026-11-23T02:30:00Z')); // Monday 10:30
    const first = await file();
    expect(await holder(first)).toBe('白班');

    // Away until 12:00: nobody is working, so it waits.
    await setProfile(day, { absentFrom: null, absentUntil: '2026-11-23T04:00:00.000Z' });
    const second = await file();
    expect(await holder(second)).toBeNull();
    clock.set(new Date('2026-11-23T03:59:00Z')); // 11:59
    await runJob();
    expect(await holder(second)).toBeNull();
    clock.set(new Date('2026-11-23T04:00:00Z')); // 12:00: back
    await runJob();
    expect(await holder(second)).toBe('白班');

    clock.set(new Date('2026-11-23T10:30:00Z')); // 18:30: the day shift has gone home
    const third = await file();
    expect(await holder(third)).toBeNull();
    clock.set(new Date('2026-11-23T14:00:00Z')); // 22:00: the night shift starts
    await runJob();
    expect(await holder(third)).toBe('夜班');
    clock.set(new Date('2026-11-23T17:30:00Z')); // Tuesday 01:30, still Monday's night shift
    expect(await holder(await file())).toBe('夜班');
    clock.set(new Date('2026-11-23T22:00:00Z')); // Tuesday 06:00: over
    expect(await holder(await file())).toBeNull();
  });
});
