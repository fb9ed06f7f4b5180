// What admins and supervisors change around the clocks: SLA policies (new complaints only),
// cross-border extra days, escalation rules as data, a calendar year's days, a year the calendar
// does not know, and supervisors' alerts with a second team. Bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepClocks } from '../../src/modules/escalation/index.js';
import { NO_CASE_HOOKS } from '../../src/server/lib/case-hooks.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

// Monday 3 November 2025, 10:00 in Beijing.
const clock = new FixedClock(new Date('2025-11-03T10:00:00+08:00'));
let t: TestApp;
let admin: AuthedClient;
let agent: AuthedClient;
let supervisor: AuthedClient;
let me: AuthedClient;
let waybill = 8000;

beforeAll(async () => {
  t = await buildTestApp({ clock, config: { filingLimitPerHour: 500, sessionTtlHours: 24 * 90 } });
  admin = await loginAs(t.app, 'admin');
  agent = await loginAs(t.app, 'agent');
  supervisor = await loginAs(t.app, 'supervisor');
  me = await loginComplainant(t);
});
afterAll(() => t.close());

const inject = (
  who: AuthedClient,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function fileParcel(): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`SF000000${waybill}`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function resolutionOf(number: string) {
  const d = (await inject(agent, 'GET', `/api/v1/complaints/${number}`)).json();
  return d.slaClocks.clocks.find((c: { kind: string }) => c.kind === 'resolution');
}

const of2 = (res: { json(): { policies: { typeCode: string; source: string }[] } }) =>
  res.json().policies.find((p) => p.typeCode === 'delivery_delayed')?.source;

const policy = (over: object = {}) => ({
  categoryCode: 'express_delivery',
  typeCode: 'parcel_lost',
  calendarCode: 'cn-mainland',
  firstResponse: { value: 24, unit: 'hours' },
  resolution: { value: 3, unit: 'working_days' },
  hardMax: { value: 10, unit: 'working_days' },
  warnFraction: 0.5,
  regionExtras: [],
  repeatTarget: { value: 48, unit: 'hours' },
  ...over,
});

describe('SLA policies', () => {
  it('lists the policy in force for every type, from the seed figures until an admin saves one', async () => {
    const res = await inject(agent, 'GET', '/api/v1/sla/policies');
    expect(res.statusCode).toBe(200);
    const lost = res
      .json()
      .policies.find((p: { typeCode: string }) => p.typeCode === 'parcel_lost');
    expect(lost).toMatchObject({
      source: 'default',
      resolution: { value: 5, unit: 'working_days' },
      firstResponse: { value: 24, unit: 'hours' },
      repeatTarget: { value: 48, unit: 'hours' },
      typeName: { zh: '丢件' },
    });
  });

  it('applies a saved policy to complaints accepted afterwards only', async () => {
    const before = await fileParcel(); // 5 working days → Monday 10 November 10:00
    expect((await resolutionOf(before)).dueAt).toBe('2025-11-10T02:00:00.000Z');
    const saved = await inject(admin, 'PUT', '/api/v1/sla/policies', policy());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'custom', warnFraction: 0.5 });
    const after = await fileParcel(); // 3 working days → Thursday 6 November 10:00
    expect((await resolutionOf(after)).dueAt).toBe('2025-11-06T02:00:00.000Z');
    expect((await resolutionOf(before)).dueAt).toBe('2025-11-10T02:00:00.000Z');
    expect(await countRows(t, 'audit_log', `action = 'sla.policy.save'`)).toBe(1);

    const reset = await inject(admin, 'POST', '/api/v1/sla/policies/reset', {
      categoryCode: 'express_delivery',
      typeCode: 'parcel_lost',
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ source: 'default', resolution: { value: 5 } });
  });

  it("shows a type following its category's default as such, and keeps the type's own row first", async () => {
    const cat = await inject(
      admin,
      'PUT',
      '/api/v1/sla/policies',
      policy({ typeCode: '', warnFraction: 0.6 }),
    );
    expect(cat.statusCode).toBe(200);
    expect(cat.json()).toMatchObject({ typeCode: '', source: 'custom', typeName: null });
    const own = await inject(
      admin,
      'PUT',
      '/api/v1/sla/policies',
      policy({ typeCode: 'parcel_damaged' }),
    );
    expect(own.statusCode).toBe(200);
    const rows = (await inject(agent, 'GET', '/api/v1/sla/policies')).json().policies;
    const of = (type: string) =>
      rows.find(
        (p: { categoryCode: string; typeCode: string }) =>
          p.categoryCode === 'express_delivery' && p.typeCode === type,
      );
    expect(of('').source).toBe('custom');
    expect(of('delivery_delayed')).toMatchObject({ source: 'category', warnFraction: 0.6 });
    expect(of('parcel_damaged')).toMatchObject({ source: 'custom', warnFraction: 0.5 });
    for (const typeCode of ['', 'parcel_damaged']) {
      await inject(admin, 'POST', '/api/v1/sla/policies/reset', {
        categoryCode: 'express_delivery',
        typeCode,
      });
    }
    expect(of2(await inject(agent, 'GET', '/api/v1/sla/policies'))).toBe('default');
  });

  it.each([
    ['a warning fraction of 1.5', { warnFraction: 1.5 }, 'warnFraction'],
    ['an unknown type', { typeCode: 'no_such_type' }, 'typeCode'],
    ['an unknown calendar', { calendarCode: 'mars' }, 'calendarCode'],
    ['a zero target', { resolution: { value: 0, unit: 'working_days' } }, 'resolution.value'],
    ['no target at all', { firstResponse: null, resolution: null, hardMax: null }, 'resolution'],
    [
      'a target with a bad member',
      { firstResponse: { value: -1, unit: 'hours' } },
      'firstResponse.value',
    ],
  ])('refuses %s, naming the field, and changes nothing', async (_name, over, field) => {
    const rows = await countRows(t, 'sla_policies');
    const res = await inject(admin, 'PUT', '/api/v1/sla/policies', policy(over));
    expect(res.statusCode).toBe(400);
    // One problem, the specific one (not also "wrong type" for the nullable field around it).
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
    expect(await countRows(t, 'sla_policies')).toBe(rows);
  });

  it('gives cross-border complaints from South-East Asia two more working days', async () => {
    // Two people: one person's second open complaint of a type is linked to the first.
    const other13 = await loginComplainant(t, '13800138011');
    const file = (country: string) =>
      fileComplaint(t, country === '新加坡' ? me : other13, {
        type: 'overseas_account',
        description: '我在海外无法登录微信账号，一直提示异常',
        demand: '恢复账号',
        fields: { account_id: 'wxid_abroad01', country },
      });
    const sea = await file('新加坡');
    const other = await file('德国');
    expect(sea.statusCode).toBe(201);
    expect(other.statusCode).toBe(201);
    const seaClock = await resolutionOf(sea.json().complaint.number);
    const otherClock = await resolutionOf(other.json().complaint.number);
    expect(otherClock.target).toEqual({ value: 5, unit: 'working_days' });
    expect(seaClock.target).toEqual({ value: 7, unit: 'working_days' });
    expect(seaClock.dueAt).toBe('2025-11-12T02:00:00.000Z'); // Wed 12 Nov vs Mon 10 Nov
    expect(otherClock.dueAt).toBe('2025-11-10T02:00:00.000Z');
  });
});

describe('escalation rules', () => {
  const rule = (over: object = {}) => ({
    code: 'test_warning_tag',
    name: { zh: '首次响应预警', en: 'First response warning' },
    enabled: true,
    position: 5,
    match: { categories: ['express_delivery'] },
    condition: { trigger: 'clock', clock: 'first_response', state: 'warning' },
    actions: [{ do: 'add_tag', tag: '响应预警' }],
    ...over,
  });

  it('are data an admin adds, changes and removes; the sweeper applies them', async () => {
    const created = await inject(admin, 'POST', '/api/v1/escalation/rules', rule());
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await inject(admin, 'POST', '/api/v1/escalation/rules', rule())).json().error.code,
    ).toBe('rule_code_taken');
    const number = await fileParcel();
    clock.advance(19 * 3600_000); // 75 % of the 24 h first response
    await sweepClocks({ db: t.database.db, clock, hooks: NO_CASE_HOOKS });
    const d = (await inject(agent, 'GET', `/api/v1/complaints/${number}`)).json();
    expect(d.tags).toContain('响应预警');
    expect(d.sla.state).toBe('warning');
    expect(d.sla.colour).toBe('yellow');

    const off = await inject(
      admin,
      'PUT',
      `/api/v1/escalation/rules/${id}`,
      rule({ enabled: false }),
    );
    expect(off.statusCode).toBe(200);
    expect(off.json().enabled).toBe(false);
    const list = (await inject(agent, 'GET', '/api/v1/escalation/rules')).json().rules;
    expect(list.map((r: { code: string }) => r.code)).toContain('untreated_48h');
    expect((await inject(admin, 'DELETE', `/api/v1/escalation/rules/${id}`)).statusCode).toBe(204);
    expect((await inject(admin, 'DELETE', `/api/v1/escalation/rules/${id}`)).statusCode).toBe(404);
    expect(await countRows(t, 'audit_log', `action LIKE 'escalation.rule.%'`)).toBe(3);
  });

  it.each([
    ['no actions', { actions: [] }, 'actions'],
    ['an unknown action', { actions: [{ do: 'delete_everything' }] }, 'actions.0'],
    [
      'an elapsed rule of zero hours',
      {
        condition: {
          trigger: 'elapsed',
          since: 'accepted',
          after: { value: 0, unit: 'hours' },
          untilTreated: false,
        },
      },
      'condition',
    ],
    ['a code with spaces', { code: 'bad code' }, 'code'],
  ])('refuses %s and changes nothing', async (_name, over, field) => {
    const rows = await countRows(t, 'escalation_rules');
    const res = await inject(
      admin,
      'POST',
      '/api/v1/escalation/rules',
      rule({ code: 'test_bad', ...over }),
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).join(' ')).toContain(field);
    expect(await countRows(t, 'escalation_rules')).toBe(rows);
  });
});

describe('calendars', () => {
  it('refuses to guess a year it has no data for: the clock says so and there is no estimate', async () => {
    clock.set(new Date('2026-12-28T10:00:00+08:00')); // 5 working days reach January 2027
    // A year on, everyone logs in again.
    admin = await loginAs(t.app, 'admin');
    agent = await loginAs(t.app, 'agent');
    me = await loginComplainant(t);
    const number = await fileParcel();
    const c = await resolutionOf(number);
    expect(c.dueAt).toBeNull();
    expect(c.problem).toBe('calendar_year_missing:2027');
    const mine = (await inject(me, 'GET', `/api/v1/complaints/${number}`)).json();
    expect(mine.estimatedCompletion).toBeNull();
  });

  it('lets an admin enter a year, after which previews reach it', async () => {
    const preview = () =>
      inject(agent, 'POST', '/api/v1/sla/preview', {
        calendar: 'cn-mainland',
        start: '2026-12-31T10:00:00+08:00',
        add: { workingDays: 1 },
      });
    expect((await preview()).statusCode).toBe(422);
    const bad = await inject(admin, 'PUT', '/api/v1/calendars/cn-mainland/years/2027', {
      source: '测试',
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['days.0.date']);
    const saved = await inject(admin, 'PUT', '/api/v1/calendars/cn-mainland/years/2027', {
      source: '管理员录入（测试）',
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().years.find((y: { year: number }) => y.year === 2027)).toEqual({
      year: 2027,
      source: '管理员录入（测试）',
      holidays: 1,
      workdays: 0,
    });
    // Thursday 31 Dec 10:00 + 1 working day: Friday 1 Jan is 元旦 → Monday 4 January 10:00.
    expect((await preview()).json().due).toBe('2027-01-04T10:00:00+08:00');
  });
});

describe('supervisors\u2019 alerts', () => {
  it('shows what needs a supervisor, who may add a second team and acknowledge it', async () => {
    clock.set(new Date('2025-11-17T10:00:00+08:00'));
    agent = await loginAs(t.app, 'agent');
    me = await loginComplainant(t, '13800138012');
    const number = await fileParcel();
    // Three working days without progress (the 48 h rule escalated it, which is not progress).
    clock.set(new Date('2025-11-20T10:30:00+08:00'));
    await sweepClocks({ db: t.database.db, clock, hooks: NO_CASE_HOOKS });
    const open = (await inject(supervisor, 'GET', '/api/v1/escalation/alerts')).json().alerts;
    const alert = open.find((a: { complaintNumber: string }) => a.complaintNumber === number);
    expect(alert).toMatchObject({ ruleCode: 'no_progress_3wd', acknowledgedAt: null });

    const teams = (await inject(supervisor, 'GET', '/api/v1/teams')).json();
    const second = (teams.teams ?? teams).find(
      (x: { code: string; isExpertSeat: boolean }) => !x.isExpertSeat && x.code !== 'expert_seat',
    );
    const added = await inject(supervisor, 'POST', `/api/v1/complaints/${number}/assist-teams`, {
      teamCode: second.code,
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().assistTeams.map((x: { code: string }) => x.code)).toEqual([second.code]);
    // Twice is once; an unknown team is refused by field.
    await inject(supervisor, 'POST', `/api/v1/complaints/${number}/assist-teams`, {
      teamCode: second.code,
    });
    const unknown = await inject(supervisor, 'POST', `/api/v1/complaints/${number}/assist-teams`, {
      teamCode: 'nobody',
    });
    expect(Object.keys(unknown.json().error.fields)).toEqual(['teamCode']);
    const d = (await inject(agent, 'GET', `/api/v1/complaints/${number}`)).json();
    expect(d.assistTeams.map((x: { code: string }) => x.code)).toEqual([second.code]);
    expect(d.timeline.filter((e: { type: string }) => e.type === 'assist_team_added')).toHaveLength(
      1,
    );

    const ack = await inject(
      supervisor,
      'POST',
      `/api/v1/escalation/alerts/${alert.id}/acknowledge`,
    );
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedBy).toBe('王主管');
    const still = (await inject(supervisor, 'GET', '/api/v1/escalation/alerts')).json().alerts;
    expect(still.some((a: { id: number }) => a.id === alert.id)).toBe(false);
  });
});
