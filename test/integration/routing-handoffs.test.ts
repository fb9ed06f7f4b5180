// Claim (认领), release back to the queue, reassignment (转派) and the queue overview: who may do
// each, and every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { fileComplaint, lostParcel } from '../helpers/complaints.js';

const FAR = '2099-01-01T00:00:00.000Z';
const ALWAYS = { days: [], start: '00:00', end: '00:00', alwaysOn: true };

let t: TestApp;
let me: AuthedClient;
let admin: AuthedClient;
let supervisor: AuthedClient;
let demoAgent: AuthedClient;
let merchant: AuthedClient;
let p: { id: string; client: AuthedClient };
let q: { id: string; client: AuthedClient };

async function staff(name: string, email: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: { role: 'agent', name, email, password: 'routing-pass-123' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'routing-pass-123' },
  });
  const cookie = `redress_session=${login.cookies.find((c) => c.name === 'redress_session')!.value}`;
  const csrf = login.json().csrfToken as string;
  return {
    id: res.json().id as string,
    client: { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } },
  };
}

async function as(
  who: AuthedClient,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { ...who.headers, 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
}

async function setProfile(id: string, body: object) {
  const res = await as(supervisor, 'PATCH', `/api/v1/agents/${id}`, body);
  expect(res.statusCode, res.body).toBe(200);
}

let waybill = 0;
async function file(): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`YT${String(waybill).padStart(10, '0')}`));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().complaint.number as string;
}

async function state(number: string) {
  const r = await t.database.pool.query<{
    team: string | null;
    holder: string | null;
    version: number;
  }>(
    `SELECT tm.code AS team, u.name AS holder, c.version
       FROM complaints c LEFT JOIN teams tm ON tm.id = c.team_id LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.number = $1`,
    [number],
  );
  return r.rows[0]!;
}

beforeAll(async () => {
  t = await buildTestApp({ config: { filingLimitPerHour: 1000, filingLimitPerIpPerHour: 1000 } });
  me = await loginComplainant(t);
  admin = await loginAs(t.app, 'admin');
  supervisor = await loginAs(t.app, 'supervisor');
  demoAgent = await loginAs(t.app, 'agent');
  merchant = await loginAs(t.app, 'merchant');
  p = await staff('小潘', 'pan@routing.test');
  q = await staff('小秦', 'qin@routing.test');
  // A team of two, both away for now, so complaints wait in its queue.
  await as(supervisor, 'POST', '/api/v1/teams', { code: 'desk', name: { zh: '前台', en: 'Desk' } });
  await as(supervisor, 'POST', '/api/v1/teams', {
    code: 'desk2',
    name: { zh: '二线', en: 'Desk 2' },
  });
  await as(supervisor, 'PUT', '/api/v1/teams/desk/members', { userIds: [p.id, q.id] });
  await setProfile(p.id, { capacity: 2, hours: ALWAYS, absentUntil: FAR });
  await setProfile(q.id, { capacity: 5, hours: ALWAYS, absentUntil: FAR });
  await as(supervisor, 'PUT', '/api/v1/routing/rules', {
    categoryCode: 'express_delivery',
    typeCode: '',
    teamCode: 'desk',
  });
});
afterAll(() => t.close());

describe('claim', () => {
  it('a member takes a waiting complaint; someone else holding it is a conflict', async () => {
    const n = await file();
    expect(await state(n)).toMatchObject({ team: 'desk', holder: null });
    const res = await as(q.client, 'POST', `/api/v1/complaints/${n}/claim`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignee).toEqual({ id: q.id, name: '小秦' });
    const claimed = res.json().timeline.filter((e: { type: string }) => e.type === 'assigned');
    expect(claimed).toEqual([
      expect.objectContaining({
        actor: { kind: 'staff', role: 'agent', name: '小秦' },
        data: {
          assigneeId: q.id,
          assigneeName: '小秦',
          team: 'desk',
          claimed: true,
          load: 1,
          capacity: 5,
        },
      }),
    ]);
    const again = await as(q.client, 'POST', `/api/v1/complaints/${n}/claim`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(res.json().version);

    const taken = await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, {});
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict' });
    expect(taken.json().error.detail).toBe('It is already assigned to 小秦');
    expect(await state(n)).toMatchObject({ holder: '小秦' });
  });

  it('only from one\u2019s own teams (supervisors: any), never past capacity, never for merchants', async () => {
    const n = await file();
    const outsider = await as(demoAgent, 'POST', `/api/v1/complaints/${n}/claim`, {});
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('forbidden');
    expect((await as(merchant, 'POST', `/api/v1/complaints/${n}/claim`, {})).statusCode).toBe(403);
    expect((await as(admin, 'POST', `/api/v1/complaints/${n}/claim`, {})).statusCode).toBe(403);
    expect(await state(n)).toMatchObject({ holder: null });

    const stale = await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    // 小潘's capacity is 2.
    const m = await file();
    const o = await file();
    expect((await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, {})).statusCode).toBe(200);
    expect((await as(p.client, 'POST', `/api/v1/complaints/${m}/claim`, {})).statusCode).toBe(200);
    const full = await as(p.client, 'POST', `/api/v1/complaints/${o}/claim`, {});
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('at_capacity');
    expect(await state(o)).toMatchObject({ holder: null });

    const bySupervisor = await as(supervisor, 'POST', `/api/v1/complaints/${o}/claim`, {});
    expect(bySupervisor.statusCode).toBe(200);
    expect(await state(o)).toMatchObject({ holder: '王主管' });
    expect((await as(p.client, 'POST', '/api/v1/complaints/TS2026-bad/claim', {})).statusCode).toBe(
      400,
    );
  });
});

describe('release', () => {
  it('the holder hands it back with a reason; it is not given back to them automatically', async () => {
    const n = await file();
    expect((await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, {})).statusCode).toBe(409);
    // 小潘 is full (2 of 2): make room by raising the capacity, then claim.
    await setProfile(p.id, { capacity: 3 });
    expect((await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, {})).statusCode).toBe(200);

    const noReason = await as(p.client, 'POST', `/api/v1/complaints/${n}/release`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBe('is required');
    const notMine = await as(q.client, 'POST', `/api/v1/complaints/${n}/release`, { reason: '忙' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('not_assignee');
    expect(await state(n)).toMatchObject({ holder: '小潘' });

    const res = await as(p.client, 'POST', `/api/v1/complaints/${n}/release`, {
      reason: '涉及跨境物流，我不熟悉',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignee).toBeNull();
    const event = res.json().timeline.at(-1);
    expect(event).toMatchObject({
      type: 'reassigned',
      opinion: '涉及跨境物流，我不熟悉',
      data: {
        from: { team: 'desk', assigneeId: p.id, assigneeName: '小潘' },
        to: { team: 'desk', assigneeId: null, assigneeName: null },
        releasedFrom: p.id,
      },
    });
    const twice = await as(supervisor, 'POST', `/api/v1/complaints/${n}/release`, {
      reason: '再放',
    });
    expect(twice.statusCode).toBe(409);

    // Both come back: 小潘 has the lighter load but handed this one back, so 小秦 gets it.
    await setProfile(p.id, { absentUntil: null });
    expect(await state(n)).toMatchObject({ holder: null });
    await setProfile(q.id, { absentUntil: null });
    expect(await state(n)).toMatchObject({ holder: '小秦' });
    // 小潘 can still take it on purpose.
    await as(supervisor, 'POST', `/api/v1/complaints/${n}/release`, { reason: '交还小潘' });
    const back = await as(p.client, 'POST', `/api/v1/complaints/${n}/claim`, {});
    expect(back.statusCode).toBe(200);
  });
});

describe('reassignment (转派)', () => {
  it('the holder moves it to another team\u2019s queue; the assigner there picks someone', async () => {
    const n = await file(); // both in desk are available now
    const holderName = (await state(n)).holder;
    const holderClient = holderName === '小潘' ? p.client : q.client;
    const other = holderName === '小潘' ? q.client : p.client;
    const refused = await as(other, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'express',
      reason: '不是我的',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not_assignee');

    const res = await as(holderClient, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'express',
      reason: '属于快递组',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The demo agent works the express queue round the clock.
    expect(await state(n)).toMatchObject({ team: 'express', holder: '赵客服' });
    const types = (await as(supervisor, 'GET', `/api/v1/complaints/${n}`))
      .json()
      .timeline.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['reassigned', 'assigned']);
    const owner = (
      await t.app.inject({ url: `/api/v1/complaints/${n}`, headers: me.headers })
    ).json();
    expect(owner.timeline.map((e: { type: string }) => e.type)).not.toContain('reassigned');
  });

  it('to a named member with room; refuses bad teams and people naming the field', async () => {
    const n = await file();
    const { version } = await state(n);
    const cases: [object, string, string][] = [
      [{ teamCode: 'nope', reason: 'x' }, 'teamCode', 'does not exist'],
      [
        { teamCode: 'desk', assigneeId: '00000000-0000-4000-8000-000000000000', reason: 'x' },
        'assigneeId',
        'does not exist',
      ],
      [
        { teamCode: 'desk2', assigneeId: q.id, reason: 'x' },
        'assigneeId',
        'is not a member of this team',
      ],
      [{ teamCode: 'desk', assigneeId: 'q', reason: 'x' }, 'assigneeId', 'has an invalid format'],
      [{ teamCode: 'desk', reason: '' }, 'reason', 'is too short'],
      [{ teamCode: 'desk' }, 'reason', 'is required'],
    ];
    for (const [payload, field, message] of cases) {
      const res = await as(supervisor, 'POST', `/api/v1/complaints/${n}/assignment`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field], res.body).toContain(message);
    }
    await setProfile(p.id, { capacity: 0 });
    const full = await as(supervisor, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'desk',
      assigneeId: p.id,
      reason: '指定小潘',
    });
    expect(full.statusCode).toBe(400);
    expect(full.json().error.fields.assigneeId).toBe(
      'already holds as many complaints as allowed (0)',
    );
    await as(supervisor, 'PATCH', '/api/v1/teams/desk2', { enabled: false });
    const disabled = await as(supervisor, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'desk2',
      reason: 'x',
    });
    expect(disabled.json().error.fields.teamCode).toBe('is a team no longer in use');
    await as(supervisor, 'PATCH', '/api/v1/teams/desk2', { enabled: true });
    expect(await state(n)).toMatchObject({ version });

    const stale = await as(supervisor, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'desk',
      assigneeId: q.id,
      reason: '指定小秦',
      version: version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    await as(supervisor, 'PUT', '/api/v1/teams/desk2/members', { userIds: [q.id] });
    const ok = await as(supervisor, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'desk2',
      assigneeId: q.id,
      reason: '二线处理',
      version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      team: { code: 'desk2' },
      assignee: { id: q.id, name: '小秦' },
      version: version + 1,
    });
    // An admin (complaints.assign) may move anything; an agent may not move what they do not hold.
    const byAdmin = await as(admin, 'POST', `/api/v1/complaints/${n}/assignment`, {
      teamCode: 'desk',
      assigneeId: null,
      reason: '退回前台',
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(
      (
        await as(merchant, 'POST', `/api/v1/complaints/${n}/assignment`, {
          teamCode: 'desk',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('queues', () => {
  it('shows my work and my teams; supervisors see every team', async () => {
    const mine = await as(q.client, 'GET', '/api/v1/queues');
    expect(mine.statusCode).toBe(200);
    const open = await t.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM complaints WHERE assignee_id = $1
         AND status IN ('submitted','accepted','reviewing','investigating','awaiting_materials','appealed','reconsidering')`,
      [q.id],
    );
    expect(mine.json().mine).toEqual({ open: open.rows[0]!.n, red: 0 });
    expect(open.rows[0]!.n).toBeGreaterThan(0);
    expect(mine.json().teams.map((x: { code: string }) => x.code)).toEqual(['desk', 'desk2']);
    const all = await as(supervisor, 'GET', '/api/v1/queues');
    expect(all.json().teams.length).toBe(11);
    expect(all.json().mine).toEqual({ open: 1, red: 0 });
    expect((await as(merchant, 'GET', '/api/v1/queues')).statusCode).toBe(403);
    expect((await as(admin, 'GET', '/api/v1/queues')).statusCode).toBe(403);
  });
});
