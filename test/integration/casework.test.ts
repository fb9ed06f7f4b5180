// Working a case through the API: who may act on it (the assignee, or a team member claiming it
// from the queue), optimistic versions under concurrent writes, internal notes vs replies, tags
// and escalation to the expert seat. Every refusal must change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let me: AuthedClient;
let agent: AuthedClient;
let expert: AuthedClient;
let supervisor: AuthedClient;
let newcomer: AuthedClient;
let waybill = 700000;

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
  const admin = await loginAs(t.app, 'admin');
  // A second agent who belongs to no team yet.
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: {
      role: 'agent',
      name: '钱新人',
      email: 'newcomer@example.com',
      password: 'long-enough-pw',
    },
  });
  expect(created.statusCode).toBe(201);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'newcomer@example.com', password: 'long-enough-pw' },
  });
  const cookie = `redress_session=${login.cookies.find((c) => c.name === 'redress_session')!.value}`;
  const csrf = login.json().csrfToken as string;
  newcomer = { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
});
afterAll(() => t.close());

async function newComplaint(): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`SF${waybill}001`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function view(who: AuthedClient, number: string) {
  const res = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: who.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function row(number: string) {
  const r = await t.database.pool.query<{
    version: number;
    assignee_id: string | null;
    tags: string[];
    status: string;
    events: string;
  }>(
    `SELECT c.version, c.assignee_id, c.tags, c.status,
            (SELECT count(*) FROM complaint_events e WHERE e.complaint_id = c.id) AS events
       FROM complaints c WHERE c.number = $1`,
    [number],
  );
  return r.rows[0]!;
}

const types = (detail: { timeline: { type: string }[] }) => detail.timeline.map((e) => e.type);

describe('who may act on a complaint', () => {
  it('lets a team member claim a waiting complaint by working on it', async () => {
    const number = await newComplaint();
    const waiting = await view(agent, number);
    expect(waiting.team.code).toBe('express');
    expect(waiting.assignee).toBeNull();

    const res = await act(t, agent, number, 'transitions', { action: 'review' });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee.name).toBe('赵客服');
    expect(types(res.json())).toEqual(['filed', 'transition', 'assigned', 'transition']);
    // Who holds the case is staff business: the complainant sees no assignment.
    expect(types(await view(me, number))).toEqual(['filed', 'transition', 'transition']);
  });

  it('refuses an agent acting on a complaint assigned to someone else, and changes nothing', async () => {
    const number = await newComplaint();
    expect((await act(t, agent, number, 'transitions', { action: 'review' })).statusCode).toBe(200);
    const before = await row(number);
    // The buttons follow the rule: nothing to offer someone who does not hold the case.
    expect((await view(newcomer, number)).allowedActions).toEqual([]);
    expect((await view(agent, number)).allowedActions).toContain('investigate');
    for (const [path, body] of [
      ['transitions', { action: 'investigate' }],
      ['notes', { text: '我来看看' }],
      ['replies', { text: '您好' }],
      ['escalate', { reason: '升级' }],
      ['material-requests', { items: ['面单'] }],
    ] as const) {
      const res = await act(t, newcomer, number, path, body);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('not_assignee');
      expect(res.json().error.message).toContain('未分配给您');
    }
    const tags = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/complaints/${number}/tags`,
      headers: newcomer.headers,
      payload: { tags: ['插队'] },
    });
    expect(tags.json().error.code).toBe('not_assignee');
    expect(await row(number)).toEqual(before);
  });

  it('refuses an expert a waiting case of a team they are not in', async () => {
    const number = await newComplaint();
    const res = await act(t, expert, number, 'notes', { text: '顺手处理' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_assignee');
    expect((await row(number)).assignee_id).toBeNull();
  });

  it('does not let a claim take anyone past their capacity', async () => {
    const number = await newComplaint();
    const agentId = `(SELECT id FROM users WHERE email = 'agent@demo.redress.local')`;
    const load = await countRows(
      t,
      'complaints',
      `assignee_id = ${agentId} AND status NOT IN ('resolved', 'rejected', 'closed', 'transferred')`,
    );
    await t.database.pool.query(
      `UPDATE agent_profiles SET capacity = $1 WHERE user_id = ${agentId}`,
      [load],
    );
    try {
      const before = await row(number);
      const res = await act(t, agent, number, 'notes', { text: '我来' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('at_capacity');
      expect(await row(number)).toEqual(before);
    } finally {
      await t.database.pool.query(
        `UPDATE agent_profiles SET capacity = 20 WHERE user_id = ${agentId}`,
      );
    }
    expect((await act(t, agent, number, 'notes', { text: '我来' })).statusCode).toBe(200);
  });

  it('does not let the person who gave the result take the appeal against it', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    await act(t, agent, number, 'escalate', { reason: '复杂' });
    await act(t, expert, number, 'transitions', { action: 'investigate' });
    await act(t, expert, number, 'transitions', { action: 'resolve', opinion: '维持原判' });
    expect((await act(t, me, number, 'appeal', { reason: '不服' })).statusCode).toBe(200);
    const before = await row(number);
    const res = await act(t, expert, number, 'notes', { text: '我再看看' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('same_person_reconsideration');
    expect(await row(number)).toEqual(before);
  });

  it('lets a supervisor act on any case without taking it', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const res = await act(t, supervisor, number, 'notes', { text: '请优先处理' });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee.name).toBe('赵客服');
  });
});

describe('optimistic versions', () => {
  it('lets exactly one of two concurrent writes on the same version through', async () => {
    const number = await newComplaint();
    const claimed = await act(t, agent, number, 'transitions', { action: 'review' });
    const version = claimed.json().version as number;
    const [a, b] = await Promise.all([
      act(t, agent, number, 'notes', { text: '第一条备注', version }),
      act(t, agent, number, 'notes', { text: '第二条备注', version }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.code).toBe('version_conflict');
    expect(lost.json().error.detail).toContain(String(version + 1));
    expect(lost.headers['x-complaint-version']).toBe(String(version + 1));
    // The winner's note is there, once; the loser's is nowhere.
    const notes = (await view(agent, number)).timeline.filter(
      (e: { type: string }) => e.type === 'note',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].data.text).toBe(won.json().timeline.at(-1).data.text);
    expect(won.json().version).toBe(version + 1);
  });

  it('refuses a stale version on every kind of write and changes nothing', async () => {
    const number = await newComplaint();
    const first = await act(t, agent, number, 'transitions', { action: 'review' });
    const stale = first.json().version as number;
    await act(t, agent, number, 'notes', { text: '已联系快递' });
    const before = await row(number);
    for (const [path, body] of [
      ['transitions', { action: 'investigate' }],
      ['notes', { text: 'x' }],
      ['replies', { text: 'x' }],
      ['escalate', { reason: 'x' }],
      ['material-requests', { items: ['x'] }],
    ] as const) {
      const res = await act(t, agent, number, path, { ...body, version: stale });
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.code).toBe('version_conflict');
    }
    const tags = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/complaints/${number}/tags`,
      headers: agent.headers,
      payload: { tags: ['x'], version: stale },
    });
    expect(tags.statusCode).toBe(409);
    expect(await row(number)).toEqual(before);
    // The current version goes through.
    const ok = await act(t, agent, number, 'transitions', {
      action: 'investigate',
      version: before.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(before.version + 1);
  });

  it('bumps the version with every change, events-only ones included', async () => {
    const number = await newComplaint();
    let v = (await view(agent, number)).version as number;
    const steps: [string, string, object][] = [
      ['POST', 'transitions', { action: 'review' }], // + claim
      ['POST', 'notes', { text: '备注' }],
      ['POST', 'replies', { text: '您好，正在核实' }],
      ['PUT', 'tags', { tags: ['重点'] }],
    ];
    for (const [method, path, payload] of steps) {
      const res = await t.app.inject({
        method: method as 'POST' | 'PUT',
        url: `/api/v1/complaints/${number}/${path}`,
        headers: agent.headers,
        payload,
      });
      expect(res.statusCode, path).toBe(200);
      expect(res.json().version, path).toBeGreaterThan(v);
      v = res.json().version;
    }
  });

  it('rejects a version that is not a positive integer', async () => {
    const number = await newComplaint();
    const res = await act(t, agent, number, 'notes', { text: 'x', version: '3' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['version']);
  });
});

describe('notes and replies', () => {
  it('keeps internal notes from the complainant, and signs replies with the role only', async () => {
    const number = await newComplaint();
    const noted = await act(t, agent, number, 'notes', { text: '  投诉人来电催促，已安抚  ' });
    expect(noted.statusCode).toBe(200);
    const replied = await act(t, agent, number, 'replies', {
      text: '您好，我们已联系快递公司核实，请耐心等待。',
    });
    expect(replied.statusCode).toBe(200);

    const staffView = await view(supervisor, number);
    const note = staffView.timeline.find((e: { type: string }) => e.type === 'note');
    expect(note.data).toEqual({ text: '投诉人来电催促，已安抚' });
    expect(note.actor.name).toBe('赵客服');
    const reply = staffView.timeline.find((e: { type: string }) => e.type === 'reply');
    expect(reply.actor.name).toBe('赵客服');

    const mine = await view(me, number);
    expect(types(mine)).not.toContain('note');
    const seen = mine.timeline.find((e: { type: string }) => e.type === 'reply');
    expect(seen.data.text).toBe('您好，我们已联系快递公司核实，请耐心等待。');
    expect(seen.actor).toEqual({ kind: 'staff', role: 'agent', name: '客服专员' });
    const english = await t.app.inject({
      url: `/api/v1/complaints/${number}`,
      headers: { ...me.headers, 'accept-language': 'en' },
    });
    expect(
      english.json().timeline.find((e: { type: string }) => e.type === 'reply').actor.name,
    ).toBe('Agent');
  });

  it('audits notes and replies like every other action', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'notes', { text: '内部备注' });
    expect(
      await countRows(
        t,
        'audit_log',
        `target_id = '${number}' AND action = 'complaint.note' AND data->>'internal' = 'true'`,
      ),
    ).toBe(1);
  });

  it.each([
    ['an empty note', 'notes', { text: '' }, 'text'],
    ['a blank note', 'notes', { text: '   ' }, 'text'],
    ['a note of 2001 characters', 'notes', { text: '记'.repeat(2001) }, 'text'],
    ['a reply of 2001 characters', 'replies', { text: '复'.repeat(2001) }, 'text'],
    [
      'a reply naming a macro that does not exist',
      'replies',
      {
        text: '您好',
        macroId: '00000000-0000-4000-8000-000000000000',
      },
      'macroId',
    ],
    ['an unknown field', 'notes', { text: 'x', colour: 'red' }, 'colour'],
  ])('refuses %s and changes nothing', async (_name, path, body, field) => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const before = await row(number);
    const res = await act(t, agent, number, path, body);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
    expect(await row(number)).toEqual(before);
  });

  it('records the canned reply a reply started from', async () => {
    const number = await newComplaint();
    const macros = await t.app.inject({ url: '/api/v1/macros', headers: agent.headers });
    const macroId = macros.json()[0].id as string;
    const res = await act(t, agent, number, 'replies', { text: '您好', macroId });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.at(-1).data).toEqual({ text: '您好', macroId });
  });

  it('refuses notes from a complainant, a merchant and an admin', async () => {
    const number = await newComplaint();
    expect((await act(t, me, number, 'notes', { text: 'x' })).statusCode).toBe(403);
    const merchant = await loginAs(t.app, 'merchant');
    expect((await act(t, merchant, number, 'notes', { text: 'x' })).statusCode).toBe(403);
    const admin = await loginAs(t.app, 'admin');
    expect((await act(t, admin, number, 'replies', { text: 'x' })).statusCode).toBe(403);
  });
});

describe('tags', () => {
  const put = (who: AuthedClient, number: string, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/complaints/${number}/tags`,
      headers: who.headers,
      payload,
    });

  it('trims and de-duplicates, records what was added and removed, and hides tags from the complainant', async () => {
    const number = await newComplaint();
    const first = await put(agent, number, { tags: [' 重点 ', '重点', '快递'] });
    expect(first.statusCode).toBe(200);
    expect(first.json().tags).toEqual(['重点', '快递']);
    const second = await put(agent, number, { tags: ['快递', '回访'] });
    expect(second.json().tags).toEqual(['快递', '回访']);
    expect(second.json().timeline.at(-1)).toMatchObject({
      type: 'tags_changed',
      data: { added: ['回访'], removed: ['重点'] },
    });
    // The same list again: nothing to record.
    const same = await put(agent, number, { tags: ['快递', '回访'] });
    expect(same.json().timeline).toHaveLength(second.json().timeline.length);
    expect(same.json().version).toBe(second.json().version);

    const mine = await view(me, number);
    expect(mine.tags).toEqual([]);
    expect(types(mine)).not.toContain('tags_changed');
    // Staff filter by tag.
    const list = await t.app.inject({
      url: `/api/v1/complaints?tag=${encodeURIComponent('回访')}`,
      headers: agent.headers,
    });
    expect(list.json().items.map((c: { number: string }) => c.number)).toEqual([number]);
  });

  it.each([
    ['a blank tag', { tags: ['ok', '  '] }, 'tags.1', 'required'],
    ['a 13-character tag', { tags: ['一二三四五六七八九十一二三'] }, 'tags.0', '12'],
    ['eleven tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags', '10'],
  ])('refuses %s and changes nothing', async (_name, payload, field, words) => {
    const number = await newComplaint();
    const before = await row(number);
    const res = await put(agent, number, payload);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
    if (words !== 'required') expect(res.json().error.fields[field]).toContain(words);
    expect(await row(number)).toEqual(before);
  });
});

describe('escalation', () => {
  it('sends the case to the expert seat, red and tagged, for an expert to take', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const res = await act(t, agent, number, 'escalate', { reason: '投诉人称将向媒体曝光' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.team.code).toBe('expert_seat');
    expect(c.assignee).toBeNull();
    expect(c.priority).toBe('red');
    expect(c.tags).toEqual(expect.arrayContaining(['紧急', '已升级']));
    expect(c.escalatedAt).not.toBeNull();
    expect(c.timeline.at(-1)).toMatchObject({
      type: 'escalated',
      data: { reason: '投诉人称将向媒体曝光', fromTeam: 'express', toTeam: 'expert_seat' },
    });
    // The reason is staff business.
    expect(types(await view(me, number))).not.toContain('escalated');

    // It has left the agent's hands; an expert takes it by working on it.
    const byAgent = await act(t, agent, number, 'notes', { text: '补充' });
    expect(byAgent.json().error.code).toBe('not_assignee');
    const taken = await act(t, expert, number, 'transitions', { action: 'investigate' });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().assignee.name).toBe('李专家');
    // There is no seat above the experts.
    const again = await act(t, expert, number, 'escalate', { reason: '再升级' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('transition_not_allowed');
  });

  it('refuses to escalate a finished case, or without a reason', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const blank = await act(t, agent, number, 'escalate', { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(Object.keys(blank.json().error.fields)).toEqual(['reason']);
    await act(t, agent, number, 'transitions', { action: 'reject', opinion: '不属于受理范围' });
    const before = await row(number);
    const late = await act(t, agent, number, 'escalate', { reason: '升级' });
    expect(late.statusCode).toBe(409);
    expect(await row(number)).toEqual(before);
  });
});

describe('appeals', () => {
  it('go back to a queue, the expert seat, without a handler', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    await act(t, agent, number, 'transitions', { action: 'investigate' });
    await act(t, agent, number, 'transitions', { action: 'resolve', opinion: '已赔付' });
    const appealed = await act(t, me, number, 'appeal', { reason: '赔付不足' });
    expect(appealed.statusCode).toBe(200);
    const staff = await view(supervisor, number);
    expect(staff.team.code).toBe('expert_seat');
    expect(staff.assignee).toBeNull();
    // The agent who resolved it no longer holds it.
    const byAgent = await act(t, agent, number, 'notes', { text: 'x' });
    expect(byAgent.json().error.code).toBe('not_assignee');
  });
});
