// SLA clocks through the API, on a clock the test moves: they start at acceptance on the China
// calendar (National Day 2025 and its make-up days), pause while the complainant owes materials,
// are met by the first response, and the sweeper warns, breaches and escalates — once, however
// many sweepers run — and catches up in due order after downtime.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepClocks } from '../../src/modules/escalation/index.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { NO_CASE_HOOKS } from '../../src/server/lib/case-hooks.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

const HOUR = 3600_000;
// Tuesday 30 September 2025, 10:00 in Beijing: the day before the National Day holiday.
const START = new Date('2025-09-30T10:00:00+08:00');
const clock = new FixedClock(START);

let t: TestApp;
let waybill = 7000;
let me: AuthedClient;
let agent: AuthedClient;
let supervisor: AuthedClient;

beforeAll(async () => {
  // Sessions last the 90 days the test travels through (the clock moves back and forth).
  t = await buildTestApp({ clock, config: { filingLimitPerHour: 500, sessionTtlHours: 24 * 90 } });
  me = await loginComplainant(t);
  agent = await loginAs(t.app, 'agent');
  supervisor = await loginAs(t.app, 'supervisor');
});
afterAll(() => t.close());

interface Clock {
  kind: string;
  state: string;
  colour: string;
  dueAt: string | null;
  remainingMs: number | null;
  pausedSince: string | null;
}

async function file(me: AuthedClient): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`SF000000${waybill}`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function view(who: AuthedClient, number: string) {
  const res = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: who.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function clockOf(detail: { slaClocks: { clocks: Clock[] } }, kind: string): Clock {
  const c = detail.slaClocks.clocks.find((k) => k.kind === kind);
  if (!c) throw new Error(`no ${kind} clock`);
  return c;
}

const sweep = () => sweepClocks({ db: t.database.db, clock, hooks: NO_CASE_HOOKS });

describe('clocks on the China calendar', () => {
  it('start at acceptance: 24 h first response, 5 working days skipping National Day and counting Saturday 11 October', async () => {
    clock.set(START);
    const number = await file(me);
    const d = await view(agent, number);
    expect(clockOf(d, 'first_response')).toMatchObject({
      state: 'running',
      colour: 'green',
      dueAt: '2025-10-01T02:00:00.000Z', // 24 wall-clock hours
    });
    // Working days: 9 Oct (Thu), 10 (Fri), 11 (Sat, 调休上班), 13 (Mon), 14 (Tue) → 14 Oct 10:00.
    expect(clockOf(d, 'resolution')).toMatchObject({
      state: 'running',
      dueAt: '2025-10-14T02:00:00.000Z',
      remainingMs: 45 * HOUR, // five working days of nine hours
    });
    expect(d.estimatedCompletion).toEqual({ at: '2025-10-14T02:00:00.000Z', basis: 'sla' });
    expect(d.expressTier).toBe(1);
    // The complainant sees the same estimate, not the clocks.
    const mine = await view(me, number);
    expect(mine.estimatedCompletion.at).toBe('2025-10-14T02:00:00.000Z');
    expect(mine.slaClocks).toBeNull();
    // Lists carry the headline clock: the first response falls due first.
    const list = await t.app.inject({
      url: `/api/v1/complaints?q=${number}`,
      headers: agent.headers,
    });
    const row = list.json().items.find((i: { number: string }) => i.number === number);
    expect(row.sla).toMatchObject({ kind: 'first_response', colour: 'green' });
  });

  it('pause while the complainant owes materials and resume with what was left', async () => {
    clock.set(START);
    const number = await file(me);
    // Thursday 9 October 10:00: 8 h on 30 Sep + 1 h on 9 Oct = one working day used.
    clock.set(new Date('2025-10-09T10:00:00+08:00'));
    expect((await act(t, agent, number, 'transitions', { action: 'review' })).statusCode).toBe(200);
    const asked = await act(t, agent, number, 'material-requests', { items: ['快递面单照片'] });
    expect(asked.statusCode).toBe(200);
    let d = await view(agent, number);
    expect(clockOf(d, 'first_response').state).toBe('met');
    expect(clockOf(d, 'resolution')).toMatchObject({
      state: 'paused',
      colour: 'grey',
      remainingMs: 36 * HOUR,
      pausedSince: '2025-10-09T02:00:00.000Z',
    });
    // Saturday 11 October is a make-up working day, but the clock is paused: it does not count.
    clock.set(new Date('2025-10-13T10:00:00+08:00'));
    const supplied = await act(t, me, number, 'materials', { note: '面单已拍照补充' });
    expect(supplied.statusCode).toBe(200);
    d = await view(agent, number);
    // 36 working hours from Monday 13 Oct 10:00: 8 + 9 + 9 + 9 + 1 → Friday 17 Oct 10:00.
    expect(clockOf(d, 'resolution')).toMatchObject({
      state: 'running',
      dueAt: '2025-10-17T02:00:00.000Z',
    });
    expect(d.estimatedCompletion.at).toBe('2025-10-17T02:00:00.000Z');
  });
});

describe('the sweeper', () => {
  it('warns, breaches, escalates to the expert seat with the red flag, climbs the express tiers, and fires each rule once', async () => {
    clock.set(START);
    const number = await file(me);
    // Nobody answers. Friday 17 October 12:00: every target has passed.
    clock.set(new Date('2025-10-17T12:00:00+08:00'));
    const first = await sweep();
    expect(first.events).toBeGreaterThanOrEqual(3);
    const d = await view(agent, number);
    expect(clockOf(d, 'first_response')).toMatchObject({ state: 'breached', colour: 'red' });
    expect(clockOf(d, 'resolution').state).toBe('breached');
    expect(clockOf(d, 'resolution').remainingMs).toBeLessThan(0);
    expect(d.priority).toBe('red');
    expect(d.team.code).toBe('expert_seat');
    expect(d.tags).toEqual(expect.arrayContaining(['加急', '紧急', '已升级', '已抄送监管']));
    expect(d.expressTier).toBe(3);
    const types = d.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'sla_warning',
        'sla_breached',
        'escalated',
        'express_tier',
        'regulator_copied',
      ]),
    );
    // The 48 h untreated rule and the breach both asked for the expert seat: it moved once.
    expect(types.filter((x: string) => x === 'escalated')).toHaveLength(1);
    // A second sweep finds nothing new and fires nothing again.
    const firings = await countRows(t, 'escalation_firings');
    const again = await sweep();
    expect(again.fired).toBe(0);
    expect(await countRows(t, 'escalation_firings')).toBe(firings);
    // 3 working days without progress alerted the supervisors.
    const alerts = await t.app.inject({
      url: '/api/v1/escalation/alerts',
      headers: supervisor.headers,
    });
    expect(alerts.statusCode).toBe(200);
    expect(
      alerts.json().alerts.map((a: { complaintNumber: string }) => a.complaintNumber),
    ).toContain(number);
  });

  it('lets several sweepers run at once without firing a rule twice', async () => {
    clock.set(START);
    const numbers: string[] = [];
    for (let i = 0; i < 6; i++) numbers.push(await file(me));
    clock.set(new Date('2025-10-17T12:00:00+08:00'));
    const runs = await Promise.all([sweep(), sweep(), sweep(), sweep()]);
    const total = runs.reduce((n, r) => n + r.fired, 0);
    const r = await t.database.pool.query<{ n: string; dup: string }>(
      `SELECT count(*) AS n, count(*) - count(DISTINCT (f.clock_id, f.rule_id, f.event)) AS dup
         FROM escalation_firings f JOIN sla_clocks k ON k.id = f.clock_id
         JOIN complaints c ON c.id = k.complaint_id WHERE c.number = ANY($1)`,
      [numbers],
    );
    expect(Number(r.rows[0]!.dup)).toBe(0);
    expect(Number(r.rows[0]!.n)).toBe(total);
    const escalated = await t.database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
        WHERE c.number = ANY($1) AND e.type = 'escalated'`,
      [numbers],
    );
    expect(Number(escalated.rows[0]!.n)).toBe(6);
  });

  it('catches up after downtime in due order', async () => {
    clock.set(new Date('2025-10-20T10:00:00+08:00'));
    const a = await file(me);
    clock.advance(HOUR);
    const b = await file(me);
    // Down for a week: both first responses (and more) fell due meanwhile.
    clock.set(new Date('2025-10-27T10:00:00+08:00'));
    const run = await sweepClocks(
      { db: t.database.db, clock, hooks: NO_CASE_HOOKS },
      { batch: 1, maxBatches: 1000 },
    );
    expect(run.batches).toBeGreaterThan(2);
    const order = await t.database.pool.query<{ number: string }>(
      `SELECT c.number FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
        WHERE c.number = ANY($1) AND e.type = 'sla_breached' AND e.data->>'clock' = 'first_response'
        ORDER BY e.id`,
      [[a, b]],
    );
    expect(order.rows.map((r) => r.number)).toEqual([a, b]);
    const left = await countRows(
      t,
      'sla_clocks',
      `next_fire_at IS NOT NULL AND next_fire_at <= '2025-10-27T02:00:00Z'`,
    );
    expect(left).toBe(0);
  });
});

describe('催办 (press)', () => {
  it('lets the owner press once per 48 h, records it for the agent, and refuses in between', async () => {
    clock.set(new Date('2025-11-03T10:00:00+08:00'));
    const number = await file(me);
    const first = await act(t, me, number, 'press');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ count: 1, canPress: false });
    expect(first.json().nextAllowedAt).toBe('2025-11-05T02:00:00.000Z');
    clock.advance(47 * HOUR);
    const early = await act(t, me, number, 'press');
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('press_too_soon');
    expect(early.json().error.detail).toContain('2025/11/05 10:00');
    clock.advance(HOUR);
    const second = await act(t, me, number, 'press');
    expect(second.statusCode).toBe(200);
    expect(second.json().count).toBe(2);
    const d = await view(agent, number);
    expect(d.press.count).toBe(2);
    expect(d.timeline.filter((e: { type: string }) => e.type === 'pressed')).toHaveLength(2);
    // Staff cannot press on someone's behalf.
    expect((await act(t, agent, number, 'press')).statusCode).toBe(403);
  });
});
