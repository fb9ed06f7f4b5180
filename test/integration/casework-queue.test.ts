// The console's queue views (whose work, which team, a tag, an external case number, a
// collective case, urgency order, team and handler on every summary), the audited reveal of
// personal data, and the 证据已补充 tag when the complainant adds evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel, upload } from '../helpers/complaints.js';

let t: TestApp;
let me: AuthedClient;
let agent: AuthedClient;
let expert: AuthedClient;
let supervisor: AuthedClient;
let waybill = 800000;

beforeAll(async () => {
  t = await buildTestApp({ config: { filingLimitPerHour: 100 } });
  // Everyone is away, so the automatic assigner gives nothing out: complaints wait in their
  // team's queue until a member claims one by working on it.
  await t.database.pool.query('UPDATE agent_profiles SET absent_from = NULL, absent_until = $1', [
    new Date(Date.now() + 365 * 24 * 3600_000),
  ]);
  me = await loginComplainant(t);
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  supervisor = await loginAs(t.app, 'supervisor');
});
afterAll(() => t.close());

async function newComplaint(body: Record<string, unknown> = {}): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, { ...lostParcel(`YT${waybill}002`), ...body });
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function list(who: AuthedClient, query: string) {
  const res = await t.app.inject({ url: `/api/v1/complaints?${query}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: {
      number: string;
      priority: string;
      team: { code: string } | null;
      assignee: { name: string } | null;
    }[];
    total: number;
  };
}

const numbers = (l: { items: { number: string }[] }) => l.items.map((c) => c.number);

describe('queue filters and urgency order', () => {
  let waiting: string;
  let mine: string;
  let escalated: string;
  let external: string;
  let collective: string;

  beforeAll(async () => {
    // Filed in this order: waiting, mine, escalated, external, collective.
    waiting = await newComplaint();
    mine = await newComplaint();
    await act(t, agent, mine, 'transitions', { action: 'review' });
    escalated = await newComplaint();
    await act(t, agent, escalated, 'escalate', { reason: '紧急' });
    external = await newComplaint();
    await t.database.pool.query(
      `INSERT INTO external_cases (complaint_id, platform_code, direction, external_number, status, status_at)
       SELECT id, '12315', 'outbound', 'GS-2026-0042-X', 'transferred', now() FROM complaints WHERE number = $1`,
      [external],
    );
    collective = await newComplaint();
    const cc = await t.database.pool.query<{ id: string }>(
      `INSERT INTO collective_cases (number, title, created_by_name) VALUES ('JT20261122-0001', '测试', '主管')
       RETURNING id`,
    );
    await t.database.pool.query('UPDATE complaints SET collective_id = $1 WHERE number = $2', [
      cc.rows[0]!.id,
      collective,
    ]);
  });

  it('shows my work, the waiting ones and one team’s queue', async () => {
    expect(numbers(await list(agent, 'assignee=me'))).toEqual([mine]);
    expect(numbers(await list(expert, 'assignee=me'))).toEqual([]);
    const none = numbers(await list(agent, 'assignee=none'));
    expect(none).toEqual(expect.arrayContaining([waiting, escalated, external, collective]));
    expect(none).not.toContain(mine);
    const seat = await list(expert, 'team=expert_seat');
    expect(numbers(seat)).toEqual([escalated]);
    const agentId = (
      await t.database.pool.query<{ id: string }>(
        `SELECT id FROM users WHERE email = 'agent@demo.redress.local'`,
      )
    ).rows[0]!.id;
    expect(numbers(await list(supervisor, `assignee=${agentId}`))).toEqual([mine]);
  });

  it('carries team and handler on every summary', async () => {
    const page = await list(supervisor, 'pageSize=100');
    const byNumber = new Map(page.items.map((c) => [c.number, c]));
    expect(byNumber.get(mine)).toMatchObject({
      team: { code: 'express' },
      assignee: { name: '赵客服' },
    });
    expect(byNumber.get(escalated)).toMatchObject({
      team: { code: 'expert_seat' },
      assignee: null,
    });
    // Complainants see neither.
    for (const c of (await list(me, 'pageSize=100')).items) {
      expect(c.team).toBeNull();
      expect(c.assignee).toBeNull();
    }
  });

  it('finds a complaint by part of its external case number, and the members of a collective case', async () => {
    expect(numbers(await list(agent, 'externalNumber=0042-x'))).toEqual([external]);
    expect(numbers(await list(agent, 'externalNumber=%25'))).toEqual([]);
    const cc = await t.database.pool.query<{ id: string }>('SELECT id FROM collective_cases');
    expect(numbers(await list(agent, `collective=${cc.rows[0]!.id}`))).toEqual([collective]);
  });

  it('orders by urgency: red first, then the oldest', async () => {
    const newest = numbers(await list(supervisor, 'pageSize=100'));
    expect(newest).toEqual([collective, external, escalated, mine, waiting]);
    const urgent = await list(supervisor, 'pageSize=100&sort=urgency');
    // Only the escalated one is red; the rest share one priority and come oldest first.
    expect(urgent.items.map((c) => c.priority)).toEqual([
      'red',
      ...Array(4).fill(urgent.items[1]!.priority),
    ]);
    expect(numbers(urgent)).toEqual([escalated, waiting, mine, external, collective]);
  });

  it('ignores queue filters for complainants, and refuses bad ones for staff', async () => {
    const all = await list(me, '');
    expect((await list(me, 'assignee=none&team=expert_seat')).total).toBe(all.total);
    for (const [query, field] of [
      ['team=no_such_team', 'team'],
      ['assignee=someone', 'assignee'],
      ['collective=not-a-uuid', 'collective'],
      ['sort=random', 'sort'],
    ] as const) {
      const res = await t.app.inject({
        url: `/api/v1/complaints?${query}`,
        headers: agent.headers,
      });
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
  });
});

describe('revealing personal data', () => {
  const reveal = (who: AuthedClient, number: string, field: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${number}/reveal`,
      headers: who.headers,
      payload: { field },
    });

  it('gives the clear value once, records one audit entry without it, and keeps the version', async () => {
    const number = await newComplaint();
    const claimed = await act(t, agent, number, 'transitions', { action: 'review' });
    expect(claimed.json().contact.phone).toBe('138****8000');
    const audits = await countRows(t, 'audit_log');
    const res = await reveal(agent, number, 'contact.phone');
    expect(res.statusCode).toBe(200);
    const { value, auditId, field } = res.json();
    expect({ field, value }).toEqual({ field: 'contact.phone', value: '13800138000' });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const entry = await t.database.pool.query(
      'SELECT action, target_id, actor_name, data FROM audit_log WHERE id = $1',
      [auditId],
    );
    expect(entry.rows[0]).toMatchObject({
      action: 'complaint.pii_revealed',
      target_id: number,
      actor_name: '赵客服',
      data: { field: 'contact.phone' },
    });
    // The clear value is nowhere in the database.
    expect(await countRows(t, 'audit_log', `data::text LIKE '%13800138000%'`)).toBe(0);
    expect(await countRows(t, 'complaint_events', `data::text LIKE '%13800138000%'`)).toBe(0);

    const after = await t.app.inject({
      url: `/api/v1/complaints/${number}`,
      headers: supervisor.headers,
    });
    expect(after.json().version).toBe(claimed.json().version);
    expect(after.json().timeline.at(-1)).toMatchObject({
      type: 'pii_revealed',
      actor: { name: '赵客服' },
      data: { field: 'contact.phone' },
    });
    const theirs = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: me.headers });
    expect(theirs.json().timeline.map((e: { type: string }) => e.type)).not.toContain(
      'pii_revealed',
    );

    const waybillRes = await reveal(agent, number, 'fields.waybill_number');
    expect(waybillRes.json().value).toMatch(/^YT\d+002$/);
    expect(waybillRes.json().auditId).toBeGreaterThan(auditId);
  });

  it.each([
    ['a field that is not personal data', 'contact.address', 'field'],
    ['a field the type does not have', 'fields.colour', 'field'],
    ['a contact the person did not give', 'contact.email', 'field'],
  ])('refuses %s and records nothing', async (_name, field, errorField) => {
    // Filed by the agent for a caller who gave a phone only (no email).
    waybill += 1;
    const filed = await fileComplaint(t, agent, {
      ...lostParcel(`ZT${waybill}003`),
      complainant: { name: '王五', phone: '13700137001' },
    });
    expect(filed.statusCode).toBe(201);
    const number = filed.json().complaint.number as string;
    await act(t, agent, number, 'transitions', { action: 'review' });
    const audits = await countRows(t, 'audit_log');
    const res = await reveal(agent, number, field);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([errorField]);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('is for those allowed and with a need to know', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const audits = await countRows(t, 'audit_log');
    const admin = await loginAs(t.app, 'admin');
    expect((await reveal(admin, number, 'contact.phone')).statusCode).toBe(403);
    expect((await reveal(me, number, 'contact.phone')).statusCode).toBe(403);
    // The expert is not in the express team and does not hold the case.
    const notMine = await reveal(expert, number, 'contact.phone');
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('not_assignee');
    expect(await countRows(t, 'audit_log')).toBe(audits);
    // The supervisor may reveal on any case.
    expect((await reveal(supervisor, number, 'contact.name')).statusCode).toBe(200);
  });
});

describe('the 证据已补充 tag', () => {
  it('is set when the complainant adds evidence to an open case, not when staff do', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const before = (
      await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: agent.headers })
    ).json();
    expect((await upload(t, agent, number)).statusCode).toBe(201);
    const byStaff = (
      await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: agent.headers })
    ).json();
    expect(byStaff.tags).toEqual([]);
    expect(byStaff.version).toBeGreaterThan(before.version);

    expect((await upload(t, me, number)).statusCode).toBe(201);
    const byOwner = (
      await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: agent.headers })
    ).json();
    expect(byOwner.tags).toEqual(['证据已补充']);
    expect(byOwner.version).toBeGreaterThan(byStaff.version);
    const tagged = await list(agent, `tag=${encodeURIComponent('证据已补充')}`);
    expect(numbers(tagged)).toContain(number);
  });

  it('is set when the complainant hands in requested materials', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    await act(t, agent, number, 'transitions', { action: 'investigate' });
    await act(t, agent, number, 'material-requests', { items: ['签收记录截图'] });
    const supplied = await act(t, me, number, 'materials', {
      note: '快递员说放在驿站了，但驿站没有',
    });
    expect(supplied.statusCode).toBe(200);
    const staff = (
      await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: agent.headers })
    ).json();
    expect(staff.tags).toEqual(['证据已补充']);
  });

  it('lets an agent add evidence only to the cases they may work', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const res = await upload(t, expert, number);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_assignee');
  });
});
