// A complaint worked to the end through the API: materials requested and supplied, resolved,
// appealed, reconsidered by someone else, rated; and every way of breaking those rules refused
// with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintsJobs } from '../../src/modules/complaints/index.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel, upload } from '../helpers/complaints.js';

const DAY = 24 * 3600_000;
let t: TestApp;
let clock: FixedClock;
let me: AuthedClient;
let agent: AuthedClient;
let expert: AuthedClient;
let supervisor: AuthedClient;
let waybill = 100;

beforeAll(async () => {
  clock = new FixedClock(new Date('2026-11-23T02:00:00Z')); // Monday 10:00 in China
  t = await buildTestApp({ clock, config: { filingLimitPerHour: 100 } });
  me = await loginComplainant(t);
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  supervisor = await loginAs(t.app, 'supervisor');
});
afterAll(() => t.close());

async function newComplaint(): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`SF00000${waybill}`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function investigating(): Promise<string> {
  const number = await newComplaint();
  expect((await act(t, agent, number, 'transitions', { action: 'review' })).statusCode).toBe(200);
  expect((await act(t, agent, number, 'transitions', { action: 'investigate' })).statusCode).toBe(
    200,
  );
  return number;
}

async function resolvedBy(who: AuthedClient): Promise<string> {
  const number = await investigating();
  const res = await act(t, who, number, 'transitions', {
    action: 'resolve',
    opinion: '已联系快递公司赔付',
  });
  expect(res.statusCode).toBe(200);
  return number;
}

async function findStatus(number: string): Promise<string> {
  const r = await t.database.pool.query<{ status: string }>(
    'SELECT status FROM complaints WHERE number = $1',
    [number],
  );
  return r.rows[0]!.status;
}

async function timelineLength(number: string): Promise<number> {
  return countRows(
    t,
    'complaint_events e JOIN complaints c ON c.id = e.complaint_id',
    `c.number = '${number}'`,
  );
}

describe('requests for materials', () => {
  it('asks for exact items, waits for them, and returns to investigating when supplied', async () => {
    const number = await investigating();
    const asked = await act(t, agent, number, 'material-requests', {
      items: ['快递面单照片', '签收记录截图'],
      note: '请补充以便核实',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().status).toBe('awaiting_materials');

    const seen = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: me.headers });
    expect(seen.json().openMaterialRequest.items).toEqual(['快递面单照片', '签收记录截图']);
    expect(seen.json().stage.label.zh).toBe('待补充材料');
    expect(seen.json().allowedActions).toEqual(['supply_materials']);

    // Nothing uploaded and nothing said: refused, nothing changes.
    const before = await timelineLength(number);
    const empty = await act(t, me, number, 'materials', {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(['note']);
    expect(await timelineLength(number)).toBe(before);

    expect((await upload(t, me, number)).statusCode).toBe(201);
    const supplied = await act(t, me, number, 'materials', { note: '已上传面单' });
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json().status).toBe('investigating');
    expect(supplied.json().openMaterialRequest).toBeNull();
    const types = supplied.json().timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'filed',
      'transition',
      'transition',
      'transition',
      'materials_requested',
      'evidence_added',
      'materials_supplied',
    ]);
  });

  it('refuses a request for materials from a complainant or on a resolved complaint', async () => {
    const number = await resolvedBy(agent);
    const mine = await act(t, me, number, 'material-requests', { items: ['x'] });
    expect(mine.statusCode).toBe(403);
    const late = await act(t, agent, number, 'material-requests', { items: ['x'] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('transition_not_allowed');
  });
});

describe('resolution, appeal and reconsideration', () => {
  it('needs an opinion to resolve, and opens a 7-day appeal window', async () => {
    const number = await investigating();
    const bare = await act(t, agent, number, 'transitions', { action: 'resolve' });
    expect(bare.statusCode).toBe(400);
    expect(Object.keys(bare.json().error.fields)).toEqual(['opinion']);
    const res = await act(t, agent, number, 'transitions', {
      action: 'resolve',
      opinion: '已赔付 200 元',
    });
    expect(res.json().status).toBe('resolved');
    expect(res.json().latestOpinion.text).toBe('已赔付 200 元');
    expect(new Date(res.json().appeal.deadline).getTime()).toBe(clock.now().getTime() + 7 * DAY);
    const mine = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: me.headers });
    expect(mine.json().appeal.canAppeal).toBe(true);
    expect(mine.json().latestOpinion.by).toBe('处理专员');
  });

  it('takes an appeal with new evidence and a reason; a different, senior person reconsiders', async () => {
    const number = await resolvedBy(agent);
    expect((await upload(t, me, number)).statusCode).toBe(201);
    const appealed = await act(t, me, number, 'appeal', { reason: '赔付金额不足以弥补损失' });
    expect(appealed.statusCode).toBe(200);
    expect(appealed.json().status).toBe('appealed');

    // Agents may not reconsider at all; the expert may (they did not resolve it).
    const byAgent = await act(t, agent, number, 'transitions', { action: 'start_reconsideration' });
    expect(byAgent.statusCode).toBe(403);
    const started = await act(t, expert, number, 'transitions', {
      action: 'start_reconsideration',
    });
    expect(started.json().status).toBe('reconsidering');
    const done = await act(t, expert, number, 'transitions', {
      action: 'resolve',
      opinion: '复议：追加赔付 100 元',
    });
    expect(done.json().status).toBe('resolved');

    // A reconsidered result is final: no second appeal.
    const mine = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: me.headers });
    expect(mine.json().appeal.canAppeal).toBe(false);
    const again = await act(t, me, number, 'appeal', { reason: '还是不满意' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses reconsideration by the person who resolved it', async () => {
    // The supervisor may act on any case, so resolves this one the agent investigated.
    const number = await resolvedBy(supervisor);
    await act(t, me, number, 'appeal', { reason: '处理不公' });
    const before = await timelineLength(number);
    const same = await act(t, supervisor, number, 'transitions', {
      action: 'start_reconsideration',
    });
    expect(same.statusCode).toBe(403);
    expect(same.json().error.code).toBe('same_person_reconsideration');
    expect(same.json().error.message).toContain('原处理人以外');
    expect(await timelineLength(number)).toBe(before);
    // The appeal went to the expert seat, where the expert takes it.
    const other = await act(t, expert, number, 'transitions', {
      action: 'start_reconsideration',
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().team.code).toBe('expert_seat');
    expect(other.json().assignee.name).toBe('李专家');
    // The first resolver cannot resolve the reconsideration either.
    const sneak = await act(t, supervisor, number, 'transitions', {
      action: 'resolve',
      opinion: '维持',
    });
    expect(sneak.json().error.code).toBe('same_person_reconsideration');
  });

  it('refuses an appeal with neither reason nor new evidence', async () => {
    const number = await resolvedBy(agent);
    const res = await act(t, me, number, 'appeal', {});
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['reason']);
  });

  it('refuses an appeal on day 8 with a clear message and changes nothing', async () => {
    const number = await resolvedBy(agent);
    clock.advance(8 * DAY);
    try {
      // Sessions last hours, not days: log in again a week later, as people would.
      const me = await loginComplainant(t);
      const agent = await loginAs(t.app, 'agent');
      const before = await timelineLength(number);
      const late = await act(t, me, number, 'appeal', { reason: '刚看到结果' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('appeal_window_closed');
      expect(late.json().error.message).toContain('7 天');
      expect(await timelineLength(number)).toBe(before);
      const up = await upload(t, me, number);
      expect(up.json().error.code).toBe('evidence_upload_closed');
      // After the window the case can be closed.
      const closed = await act(t, agent, number, 'transitions', { action: 'close' });
      expect(closed.json().status).toBe('closed');
    } finally {
      clock.advance(-8 * DAY);
    }
  });

  it('closes results past their appeal window in the hourly job, once', async () => {
    const number = await resolvedBy(agent);
    const appealedOne = await resolvedBy(agent);
    await act(t, me, appealedOne, 'appeal', { reason: '不服' });
    const [job] = complaintsJobs({ db: t.database.db, clock });
    const ctx = { jobId: 1, attempt: 1, log: createLogger('silent') };
    await job!.handler({}, ctx);
    expect(await findStatus(number)).toBe('resolved');
    clock.advance(8 * DAY);
    try {
      await job!.handler({}, ctx);
      await job!.handler({}, ctx); // idempotent: a second run closes nothing twice
      expect(await findStatus(number)).toBe('closed');
      expect(await findStatus(appealedOne)).toBe('appealed');
      const closes = await countRows(
        t,
        'complaint_events e JOIN complaints c ON c.id = e.complaint_id',
        `c.number = '${number}' AND e.action = 'close'`,
      );
      expect(closes).toBe(1);
    } finally {
      clock.advance(-8 * DAY);
    }
  });

  it('does not close a result while its appeal window is open', async () => {
    const number = await resolvedBy(agent);
    const res = await act(t, agent, number, 'transitions', { action: 'close' });
    expect(res.statusCode).toBe(409);
  });

  it('does not let a complainant act on someone else’s complaint', async () => {
    const number = await resolvedBy(agent);
    const other = await loginComplainant(t, '13500135000');
    for (const [path, body] of [
      ['appeal', { reason: '冒充' }],
      ['rating', { score: 1 }],
      ['materials', { note: 'x' }],
    ] as const) {
      const res = await act(t, other, number, path, body);
      expect(res.statusCode).toBe(404);
    }
    const up = await upload(t, other, number);
    expect(up.statusCode).toBe(404);
  });
});

describe('rating', () => {
  it('takes one rating after the result and refuses a second', async () => {
    const number = await resolvedBy(agent);
    const early = await act(t, me, await newComplaint(), 'rating', { score: 5 });
    expect(early.statusCode).toBe(409);
    const bad = await act(t, me, number, 'rating', { score: 6 });
    expect(bad.statusCode).toBe(400);
    const rated = await act(t, me, number, 'rating', { score: 4, comment: '处理及时' });
    expect(rated.json().rating).toMatchObject({ score: 4, comment: '处理及时' });
    expect(rated.json().canRate).toBe(false);
    const twice = await act(t, me, number, 'rating', { score: 1 });
    expect(twice.json().error.code).toBe('already_rated');
  });
});

describe('my complaints and tracking', () => {
  it('lists the last 90 days by default and refuses looking back more than 180', async () => {
    const res = await t.app.inject({ url: '/api/v1/complaints', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const { from, to, items } = res.json();
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(90 * DAY);
    expect(items.length).toBeGreaterThan(0);
    const far = new Date(clock.now().getTime() - 200 * DAY).toISOString();
    const tooFar = await t.app.inject({
      url: `/api/v1/complaints?from=${encodeURIComponent(far)}`,
      headers: me.headers,
    });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().error.fields.from).toContain('180');
    const filtered = await t.app.inject({
      url: '/api/v1/complaints?status=resolved&category=express_delivery',
      headers: me.headers,
    });
    for (const c of filtered.json().items) expect(c.status).toBe('resolved');
    const wrong = await t.app.inject({
      url: '/api/v1/complaints?status=nonsense',
      headers: me.headers,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('tracks by number and the phone used at filing, without login, read-only', async () => {
    const number = await newComplaint();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/track',
      payload: { number, contact: '138-0013-8000' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().allowedActions).toEqual([]);
    expect(ok.json().canUploadEvidence).toBe(false);
    expect(ok.json().contact.phone).toBe('138****8000');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/track',
      payload: { number, contact: '13900000000' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('track_not_found');
  });
});

describe('the timeline', () => {
  it('is append-only in the database', async () => {
    await newComplaint();
    await expect(
      t.database.pool.query(`UPDATE complaint_events SET opinion = 'rewritten'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query(`DELETE FROM complaint_events`)).rejects.toThrow(
      /append-only/,
    );
  });
});
