// Teams, people's profiles, routing rules and one's own availability through the API: what each
// role may do, every kind of bad input refused with the field named and nothing changed, and
// every change in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let admin: AuthedClient;
let supervisor: AuthedClient;
let agent: AuthedClient;
let merchant: AuthedClient;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t.app, 'admin');
  supervisor = await loginAs(t.app, 'supervisor');
  agent = await loginAs(t.app, 'agent');
  merchant = await loginAs(t.app, 'merchant');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
function call(who: AuthedClient | null, method: Method, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { ...(who?.headers ?? {}), 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
}

async function userId(email: string): Promise<string> {
  const r = await t.database.pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    email,
  ]);
  return r.rows[0]!.id;
}

let seq = 0;
async function newStaff(role = 'agent'): Promise<string> {
  seq += 1;
  const r = await t.database.pool.query<{ id: string }>(
    'INSERT INTO users (role, name, email) VALUES ($1, $2, $3) RETURNING id',
    [role, `人员${seq}`, `staff${seq}@routing-admin.test`],
  );
  return r.rows[0]!.id;
}

async function auditActions(targetType: string, targetId: string): Promise<string[]> {
  const r = await t.database.pool.query<{ action: string }>(
    'SELECT action FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id',
    [targetType, targetId],
  );
  return r.rows.map((x) => x.action);
}

describe('teams', () => {
  it('staff who read complaints see every team with members and counts; others are refused', async () => {
    const res = await call(agent, 'GET', '/api/v1/teams');
    expect(res.statusCode).toBe(200);
    const teams = res.json() as {
      code: string;
      isExpertSeat: boolean;
      members: { name: string; role: string }[];
      waiting: number;
    }[];
    // Front-line teams by code, the expert seat last.
    expect(teams.map((x) => x.code)).toEqual([
      'account_security',
      'content_review',
      'cross_border',
      'express',
      'general',
      'merchant_disputes',
      'minor_protection',
      'payment',
      'expert_seat',
    ]);
    const express = teams.find((x) => x.code === 'express')!;
    expect(express).toMatchObject({
      name: { zh: '快递投诉组', en: 'Express delivery' },
      isExpertSeat: false,
      enabled: true,
      members: [{ name: '赵客服', role: 'agent' }],
      waiting: 0,
      waitingRed: 0,
      open: 0,
    });
    expect(teams.find((x) => x.code === 'expert_seat')!.members).toEqual([
      expect.objectContaining({ name: '李专家', role: 'expert' }),
    ]);
    expect((await call(merchant, 'GET', '/api/v1/teams')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/v1/teams')).statusCode).toBe(401);
    const me = await loginComplainant(t);
    expect((await call(me, 'GET', '/api/v1/teams')).statusCode).toBe(403);
  });

  it('a supervisor creates a team; the change is audited', async () => {
    const res = await call(supervisor, 'POST', '/api/v1/teams', {
      code: 'vip_care',
      name: { zh: ' 大客户组 ', en: 'VIP care' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: 'vip_care',
      name: { zh: '大客户组', en: 'VIP care' },
      isExpertSeat: false,
      enabled: true,
      members: [],
      waiting: 0,
      waitingRed: 0,
      open: 0,
    });
    expect(await auditActions('team', 'vip_care')).toEqual(['team.create']);
  });

  it('refuses a bad or taken code, a missing name and unknown fields, creating nothing', async () => {
    const before = await countRows(t, 'teams');
    const cases: [object, string, string][] = [
      [{ code: 'Bad-Code', name: { zh: '甲', en: 'A' } }, 'code', 'must start with a lower-case'],
      [{ code: 'express', name: { zh: '甲', en: 'A' } }, 'code', 'is already in use'],
      [{ code: 'team_x', name: { zh: '甲' } }, 'name.en', 'is required'],
      [{ code: 'team_x', name: { zh: '  ', en: 'A' } }, 'name.zh', 'is required'],
      [{ code: 'team_x', name: { zh: '甲', en: 'A' }, boss: 1 }, 'boss', 'is not an allowed field'],
    ];
    for (const [payload, field, message] of cases) {
      const res = await call(supervisor, 'POST', '/api/v1/teams', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.fields[field]).toContain(message);
    }
    expect(await countRows(t, 'teams')).toBe(before);
  });

  it('an agent cannot create or change teams or their members', async () => {
    const payload = { code: 'agent_team', name: { zh: '甲', en: 'A' } };
    expect((await call(agent, 'POST', '/api/v1/teams', payload)).statusCode).toBe(403);
    const patch = await call(agent, 'PATCH', '/api/v1/teams/express', { enabled: false });
    expect(patch.statusCode).toBe(403);
    const put = await call(agent, 'PUT', '/api/v1/teams/express/members', { userIds: [] });
    expect(put.statusCode).toBe(403);
    expect((await call(merchant, 'PATCH', '/api/v1/teams/express', {})).statusCode).toBe(403);
    const express = (await call(agent, 'GET', '/api/v1/teams'))
      .json()
      .find((x: { code: string }) => x.code === 'express');
    expect(express.enabled).toBe(true);
    expect(express.members).toHaveLength(1);
  });

  it('renames and disables a team no rule points at; refuses while rules still do', async () => {
    const renamed = await call(supervisor, 'PATCH', '/api/v1/teams/vip_care', {
      name: { zh: '大客户服务组', en: 'VIP service' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toEqual({ zh: '大客户服务组', en: 'VIP service' });

    const blocked = await call(supervisor, 'PATCH', '/api/v1/teams/express', { enabled: false });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.detail).toContain('Routing rules still send complaints');

    const off = await call(supervisor, 'PATCH', '/api/v1/teams/vip_care', { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().enabled).toBe(false);
    expect(await auditActions('team', 'vip_care')).toEqual([
      'team.create',
      'team.update',
      'team.update',
    ]);
    const back = await call(supervisor, 'PATCH', '/api/v1/teams/vip_care', { enabled: true });
    expect(back.json().enabled).toBe(true);

    const missing = await call(supervisor, 'PATCH', '/api/v1/teams/nope', { enabled: false });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('team_not_found');
  });

  it('sets members (staff only), giving new members a default profile', async () => {
    const a = await newStaff('agent');
    const e = await newStaff('expert');
    const res = await call(supervisor, 'PUT', '/api/v1/teams/vip_care/members', {
      userIds: [a, e, a],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .members.map((m: { userId: string }) => m.userId)
        .sort(),
    ).toEqual([a, e].sort());
    const profiles = await t.database.pool.query(
      `SELECT capacity, languages, work_days, work_start, work_end, always_on
         FROM agent_profiles WHERE user_id = $1`,
      [a],
    );
    expect(profiles.rows).toEqual([
      {
        capacity: 8,
        languages: ['zh'],
        work_days: [1, 2, 3, 4, 5],
        work_start: '09:00',
        work_end: '18:00',
        always_on: false,
      },
    ]);

    const shrink = await call(supervisor, 'PUT', '/api/v1/teams/vip_care/members', {
      userIds: [e],
    });
    expect(shrink.json().members.map((m: { userId: string }) => m.userId)).toEqual([e]);
    const audit = await t.database.pool.query(
      `SELECT data FROM audit_log WHERE action = 'team.members' AND target_id = 'vip_care' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.data)).toEqual([
      { added: [a, e], removed: [], members: 2 },
      { added: [], removed: [a], members: 1 },
    ]);
  });

  it('refuses unknown people, non-staff and malformed ids, leaving the members as they were', async () => {
    const complainant = (
      await t.database.pool.query<{ id: string }>(
        `INSERT INTO users (role, name, phone) VALUES ('complainant', '王女士', '13900000001') RETURNING id`,
      )
    ).rows[0]!.id;
    const someone = await newStaff('agent');
    const merchantUser = await userId('merchant@demo.redress.local');
    const adminUser = await userId('admin@demo.redress.local');
    const cases: [unknown[], string, string][] = [
      [[someone, '00000000-0000-4000-8000-000000000000'], 'userIds', 'does not exist'],
      [[someone, merchantUser], 'userIds', 'must be an agent, expert or supervisor'],
      [[adminUser], 'userIds', 'must be an agent, expert or supervisor'],
      [[complainant], 'userIds', 'must be an agent, expert or supervisor'],
      [['not-a-uuid'], 'userIds.0', 'has an invalid format'],
    ];
    for (const [userIds, field, message] of cases) {
      const res = await call(supervisor, 'PUT', '/api/v1/teams/vip_care/members', { userIds });
      expect(res.statusCode, JSON.stringify(userIds)).toBe(400);
      expect(res.json().error.fields[field]).toContain(message);
    }
    const team = (await call(supervisor, 'GET', '/api/v1/teams'))
      .json()
      .find((x: { code: string }) => x.code === 'vip_care');
    expect(team.members).toHaveLength(1);
    const unknownTeam = await call(supervisor, 'PUT', '/api/v1/teams/nope/members', {
      userIds: [],
    });
    expect(unknownTeam.statusCode).toBe(404);
  });
});

describe('agents', () => {
  it('a supervisor sees people with load and availability; agents and merchants may not', async () => {
    const res = await call(supervisor, 'GET', '/api/v1/agents');
    expect(res.statusCode).toBe(200);
    const demo = res.json().find((p: { name: string }) => p.name === '赵客服');
    expect(demo).toMatchObject({
      role: 'agent',
      capacity: 20,
      languages: ['zh', 'en'],
      hours: { alwaysOn: true },
      absentFrom: null,
      absentUntil: null,
      load: 0,
      available: true,
    });
    expect(demo.teams.map((x: { code: string }) => x.code)).toContain('express');
    expect(demo.teams.map((x: { code: string }) => x.code)).not.toContain('expert_seat');
    expect((await call(agent, 'GET', '/api/v1/agents')).statusCode).toBe(403);
    expect((await call(merchant, 'GET', '/api/v1/agents')).statusCode).toBe(403);
  });

  it('sets capacity, skills, languages, a night shift and an absence; creates a missing profile', async () => {
    const id = await newStaff('expert');
    const res = await call(supervisor, 'PATCH', `/api/v1/agents/${id}`, {
      capacity: 5,
      skills: ['退款', '退款', ' 跨境 '],
      languages: ['zh', 'ms'],
      hours: { days: [5, 1, 1], start: '22:00', end: '06:00', alwaysOn: false },
      absentFrom: '2030-01-01T00:00:00.000Z',
      absentUntil: '2030-01-08T00:00:00.000Z',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      userId: id,
      role: 'expert',
      teams: [],
      capacity: 5,
      skills: ['退款', '跨境'],
      languages: ['zh', 'ms'],
      hours: { days: [1, 5], start: '22:00', end: '06:00', alwaysOn: false },
      absentFrom: '2030-01-01T00:00:00.000Z',
      absentUntil: '2030-01-08T00:00:00.000Z',
      load: 0,
    });
    expect(await auditActions('agent', id)).toEqual(['agent.create']);
    const again = await call(supervisor, 'PATCH', `/api/v1/agents/${id}`, { capacity: 6 });
    expect(again.json()).toMatchObject({ capacity: 6, languages: ['zh', 'ms'] });
    expect(await auditActions('agent', id)).toEqual(['agent.create', 'agent.update']);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const id = await userId('agent@demo.redress.local');
    const cases: [object, string, string][] = [
      [{ capacity: 500 }, 'capacity', 'is out of range'],
      [{ capacity: 2.5 }, 'capacity', 'has the wrong type'],
      [{ languages: [] }, 'languages', 'is out of range'],
      [{ languages: ['Malay'] }, 'languages.0', 'has an invalid format'],
      [
        { hours: { days: [1], start: '25:00', end: '06:00', alwaysOn: false } },
        'hours.start',
        'must be a time as HH:MM',
      ],
      [
        { hours: { days: [1], start: '09:00', end: '9:30', alwaysOn: false } },
        'hours.end',
        'must be a time as HH:MM',
      ],
      [
        { hours: { days: [8], start: '09:00', end: '18:00', alwaysOn: false } },
        'hours.days.0',
        'is out of range',
      ],
      [{ absentFrom: 'tomorrow' }, 'absentFrom', 'has an invalid format'],
      [
        { absentFrom: '2030-01-02T00:00:00Z', absentUntil: '2030-01-01T00:00:00Z' },
        'absentUntil',
        'must be later than the start',
      ],
    ];
    for (const [payload, field, message] of cases) {
      const res = await call(supervisor, 'PATCH', `/api/v1/agents/${id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(res.json())).toContain(message);
    }
    const demo = (await call(supervisor, 'GET', '/api/v1/agents'))
      .json()
      .find((p: { userId: string }) => p.userId === id);
    expect(demo).toMatchObject({ capacity: 20, languages: ['zh', 'en'], absentFrom: null });
    expect(await auditActions('agent', id)).toEqual([]);
  });

  it('only staff who can be given complaints have a profile', async () => {
    const missing = await call(
      supervisor,
      'PATCH',
      '/api/v1/agents/00000000-0000-4000-8000-000000000000',
      { capacity: 3 },
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('agent_not_found');
    const merchantUser = await userId('merchant@demo.redress.local');
    const res = await call(supervisor, 'PATCH', `/api/v1/agents/${merchantUser}`, { capacity: 3 });
    expect(res.statusCode).toBe(404);
    const bad = await call(supervisor, 'PATCH', '/api/v1/agents/xyz', { capacity: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.userId).toBeDefined();
    const id = await userId('expert@demo.redress.local');
    expect((await call(agent, 'PATCH', `/api/v1/agents/${id}`, { capacity: 1 })).statusCode).toBe(
      403,
    );
  });
});

describe('my availability', () => {
  it('a person sees their profile and sets their own absence', async () => {
    const mine = await call(agent, 'GET', '/api/v1/me/availability');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ name: '赵客服', available: true, absentFrom: null });

    const away = await call(agent, 'PATCH', '/api/v1/me/availability', {
      absentFrom: null,
      absentUntil: '2099-01-01T00:00:00.000Z',
    });
    expect(away.statusCode).toBe(200);
    expect(away.json()).toMatchObject({
      absentFrom: null,
      absentUntil: '2099-01-01T00:00:00.000Z',
      available: false,
    });
    const id = await userId('agent@demo.redress.local');
    expect(await auditActions('agent', id)).toEqual(['agent.availability']);

    const back = await call(agent, 'PATCH', '/api/v1/me/availability', { absentUntil: null });
    expect(back.json()).toMatchObject({ absentUntil: null, available: true });
  });

  it('may not set anything but the absence, nor a backwards one', async () => {
    const cap = await call(agent, 'PATCH', '/api/v1/me/availability', { capacity: 99 });
    expect(cap.statusCode).toBe(400);
    expect(cap.json().error.fields.capacity).toBe('is not an allowed field');
    const backwards = await call(agent, 'PATCH', '/api/v1/me/availability', {
      absentFrom: '2030-01-02T00:00:00Z',
      absentUntil: '2030-01-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.absentUntil).toBe('must be later than the start');
  });

  it('needs a profile, and the right to work complaints', async () => {
    const none = await call(supervisor, 'GET', '/api/v1/me/availability');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('agent_not_found');
    const set = await call(supervisor, 'PATCH', '/api/v1/me/availability', { absentUntil: null });
    expect(set.statusCode).toBe(404);
    expect((await call(admin, 'GET', '/api/v1/me/availability')).statusCode).toBe(403);
    expect((await call(merchant, 'PATCH', '/api/v1/me/availability', {})).statusCode).toBe(403);
  });
});

describe('routing rules', () => {
  it('lists the default rules', async () => {
    const res = await call(supervisor, 'GET', '/api/v1/routing/rules');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({
      categoryCode: 'payment_dispute',
      typeCode: 'cross_border_payment_blocked',
      teamCode: 'cross_border',
    });
    expect(res.json()).toContainEqual({
      categoryCode: 'express_delivery',
      typeCode: '',
      teamCode: 'express',
    });
    expect((await call(agent, 'GET', '/api/v1/routing/rules')).statusCode).toBe(403);
  });

  it('routes a problem type to a team; complaints filed after it land in that queue', async () => {
    const res = await call(supervisor, 'PUT', '/api/v1/routing/rules', {
      categoryCode: 'express_delivery',
      typeCode: 'parcel_lost',
      teamCode: 'vip_care',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      categoryCode: 'express_delivery',
      typeCode: 'parcel_lost',
      teamCode: 'vip_care',
    });
    const me = await loginComplainant(t, '13800138001');
    const filed = await fileComplaint(t, me, lostParcel('SF1000000001'));
    expect(filed.statusCode).toBe(201);
    const number = filed.json().complaint.number as string;
    const seen = await call(supervisor, 'GET', `/api/v1/complaints/${number}`);
    expect(seen.json().team).toEqual({
      code: 'vip_care',
      name: { zh: '大客户服务组', en: 'VIP service' },
    });
    const audit = await t.database.pool.query(
      `SELECT action, data FROM audit_log WHERE target_type = 'routing_rule' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'routing_rule.set', data: { from: null, to: 'vip_care' } },
    ]);
  });

  it('refuses an unknown category, type, or team and a disabled team, changing nothing', async () => {
    const before = await countRows(t, 'routing_rules');
    const cases: [object, string, string][] = [
      [{ categoryCode: 'nope', typeCode: '', teamCode: 'express' }, 'categoryCode', 'category'],
      [
        { categoryCode: 'express_delivery', typeCode: 'nope', teamCode: 'express' },
        'typeCode',
        'is not a known problem type',
      ],
      [
        // A real type, but of another category.
        { categoryCode: 'express_delivery', typeCode: 'account_stolen', teamCode: 'express' },
        'typeCode',
        'is not a known problem type',
      ],
      [
        { categoryCode: 'express_delivery', typeCode: '', teamCode: 'nope' },
        'teamCode',
        'does not exist',
      ],
      [{ categoryCode: 'express_delivery', teamCode: 'express' }, 'typeCode', 'is required'],
    ];
    for (const [payload, field, message] of cases) {
      const res = await call(supervisor, 'PUT', '/api/v1/routing/rules', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field]).toContain(message);
    }
    await call(supervisor, 'POST', '/api/v1/teams', {
      code: 'old_team',
      name: { zh: '旧', en: 'Old' },
    });
    await call(supervisor, 'PATCH', '/api/v1/teams/old_team', { enabled: false });
    const disabled = await call(supervisor, 'PUT', '/api/v1/routing/rules', {
      categoryCode: 'express_delivery',
      typeCode: '',
      teamCode: 'old_team',
    });
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json().error.fields.teamCode).toBe('is a team no longer in use');
    expect(await countRows(t, 'routing_rules')).toBe(before);
    const byAgent = await call(agent, 'PUT', '/api/v1/routing/rules', {
      categoryCode: 'express_delivery',
      typeCode: '',
      teamCode: 'vip_care',
    });
    expect(byAgent.statusCode).toBe(403);
  });

  it('deletes a rule by path or by query; an unknown one is 404', async () => {
    await call(supervisor, 'PUT', '/api/v1/routing/rules', {
      categoryCode: 'express_delivery',
      typeCode: 'parcel_damaged',
      teamCode: 'vip_care',
    });
    const byQuery = await call(
      supervisor,
      'DELETE',
      '/api/v1/routing/rules?categoryCode=express_delivery&typeCode=parcel_damaged',
    );
    expect(byQuery.statusCode).toBe(204);
    const byPath = await call(
      supervisor,
      'DELETE',
      '/api/v1/routing/rules/express_delivery/parcel_lost',
    );
    expect(byPath.statusCode).toBe(204);
    const again = await call(
      supervisor,
      'DELETE',
      '/api/v1/routing/rules/express_delivery/parcel_lost',
    );
    expect(again.statusCode).toBe(404);
    const rules = (await call(supervisor, 'GET', '/api/v1/routing/rules')).json();
    expect(rules.filter((r: { teamCode: string }) => r.teamCode === 'vip_care')).toEqual([]);
    expect((await call(agent, 'DELETE', '/api/v1/routing/rules/express_delivery')).statusCode).toBe(
      403,
    );
    // With its rules moved away, vip_care may now be disabled.
    const off = await call(supervisor, 'PATCH', '/api/v1/teams/vip_care', { enabled: false });
    expect(off.statusCode).toBe(200);
    const actions = await t.database.pool.query(
      `SELECT action FROM audit_log WHERE target_type = 'routing_rule' ORDER BY id`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'routing_rule.set',
      'routing_rule.set',
      'routing_rule.delete',
      'routing_rule.delete',
    ]);
  });

  it('every routing endpoint is in the OpenAPI document under the routing tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    };
    const expected = [
      'get /api/v1/teams',
      'post /api/v1/teams',
      'patch /api/v1/teams/{code}',
      'put /api/v1/teams/{code}/members',
      'get /api/v1/agents',
      'patch /api/v1/agents/{userId}',
      'get /api/v1/me/availability',
      'patch /api/v1/me/availability',
      'get /api/v1/routing/rules',
      'put /api/v1/routing/rules',
      'delete /api/v1/routing/rules',
      'delete /api/v1/routing/rules/{categoryCode}',
      'delete /api/v1/routing/rules/{categoryCode}/{typeCode}',
      'get /api/v1/queues',
      'post /api/v1/complaints/{number}/claim',
      'post /api/v1/complaints/{number}/release',
      'post /api/v1/complaints/{number}/assignment',
    ];
    for (const key of expected) {
      const [method, path] = key.split(' ') as [string, string];
      const op = doc.paths[path]?.[method];
      expect(op, key).toBeDefined();
      expect(op!.tags).toEqual(['routing']);
      expect(op!.summary).toBeTruthy();
    }
  });
});
