// The phone channel through the API: a call discloses nothing until the caller is verified (by a
// code sent to the phone or a complaint number with its contact name), five attempts per call,
// complaints filed or worked during the call are attached, and ending it writes the timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import type { Call } from '../../src/shared/cases.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let clock: FixedClock;
let agent: AuthedClient;
let expert: AuthedClient;
let supervisor: AuthedClient;
let merchant: AuthedClient;
let waybill = 3000000000;

const PHONE = '13633330001';
let caller: AuthedClient;
let callersComplaint: string;
let someoneElses: string;

beforeAll(async () => {
  clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
  t = await buildTestApp({ clock, config: { filingLimitPerHour: 100 } });
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  supervisor = await loginAs(t.app, 'supervisor');
  merchant = await loginAs(t.app, 'merchant');
  caller = await loginComplainant(t, PHONE);
  callersComplaint = await file(caller);
  someoneElses = await file(await loginComplainant(t, '13633330009'));
  // Past the one-code-a-minute limit of the login codes above.
  clock.advance(120_000);
});
afterAll(() => t.close());

async function file(who: AuthedClient, body?: Record<string, unknown>): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, who, body ?? lostParcel(`ZT${waybill}`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number;
}

function send(
  who: AuthedClient,
  method: 'GET' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload });
}

async function start(phone = PHONE, who = agent): Promise<Call> {
  const res = await send(who, 'POST', '/calls', { phone, direction: 'inbound' });
  expect(res.statusCode).toBe(201);
  expect(res.body).not.toContain(phone.replace(/\D/g, ''));
  return res.json();
}

describe('a call from a known complainant', () => {
  let call: Call;

  it('starts knowing only whether the number is known; nothing else is disclosed', async () => {
    call = await start('+86 136 3333 0001');
    expect(call).toMatchObject({
      phone: '136****0001',
      direction: 'inbound',
      verified: false,
      verificationMethod: null,
      verifyAttemptsLeft: 5,
      callerKnown: true,
      complaints: [],
      attached: [],
      endedAt: null,
    });
    const unknown = await start('13633339999');
    expect(unknown.callerKnown).toBe(false);

    const res = await send(agent, 'GET', `/calls/${call.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().complaints).toEqual([]);
    expect(res.body).not.toContain(callersComplaint);
  });

  it('refuses to attach the caller\u2019s existing complaint before verification', async () => {
    const res = await send(agent, 'POST', `/calls/${call.id}/complaints`, {
      number: callersComplaint,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('caller_not_verified');
  });

  it('counts wrong answers and says how many are left', async () => {
    const wrongCode = await send(agent, 'POST', `/calls/${call.id}/verify`, { code: '000000' });
    expect(wrongCode.statusCode).toBe(403);
    expect(wrongCode.json().error).toMatchObject({ code: 'caller_not_verified' });
    expect(wrongCode.json().error.detail).toContain('4');

    const wrongName = await send(agent, 'POST', `/calls/${call.id}/verify`, {
      complaintNumber: callersComplaint,
      name: '不是我',
    });
    expect(wrongName.statusCode).toBe(403);
    expect(wrongName.json().error.detail).toContain('3');

    const after = (await send(agent, 'GET', `/calls/${call.id}`)).json() as Call;
    expect(after).toMatchObject({ verified: false, verifyAttemptsLeft: 3, complaints: [] });
    expect(await countRows(t, 'audit_log', `action = 'call.verify_failed'`)).toBe(2);
  });

  it('refuses malformed proofs without counting them', async () => {
    for (const [payload, field] of [
      [{}, 'code'],
      [{ code: '12' }, 'code'],
      [{ code: '123456', complaintNumber: callersComplaint }, 'complaintNumber'],
      [{ complaintNumber: 'TS1', name: '张三' }, 'complaintNumber'],
      [{ complaintNumber: callersComplaint }, 'name'],
      [{ complaintNumber: callersComplaint, name: '  ' }, 'name'],
    ] as const) {
      const res = await send(agent, 'POST', `/calls/${call.id}/verify`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    expect((await send(agent, 'GET', `/calls/${call.id}`)).json().verifyAttemptsLeft).toBe(3);
  });

  it('sends a code that verifies the call but cannot log in', async () => {
    const sent = await send(agent, 'POST', `/calls/${call.id}/code`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ sent: true, channel: 'sms', resendAfterSeconds: 60 });
    const code = t.otp.last(PHONE)!;
    expect(code).toMatch(/^\d{6}$/);

    // The number's code limits apply: one a minute.
    const again = await send(agent, 'POST', `/calls/${call.id}/code`);
    expect(again.statusCode).toBe(429);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/verify',
      payload: { target: PHONE, code },
    });
    expect(login.statusCode).toBe(401);

    const res = await send(agent, 'POST', `/calls/${call.id}/verify`, { code: ` ${code} ` });
    expect(res.statusCode).toBe(200);
    const verified: Call = res.json();
    expect(verified).toMatchObject({ verified: true, verificationMethod: 'sms_code' });
    expect(verified.complaints.map((c) => c.number)).toEqual([callersComplaint]);
    expect(verified.complaints[0]).toMatchObject({
      status: expect.any(String),
      typeName: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(res.body).not.toContain(someoneElses);

    // Verifying again changes nothing and takes no attempt.
    const twice = await send(agent, 'POST', `/calls/${call.id}/verify`, { code: '000000' });
    expect(twice.statusCode).toBe(200);
    expect(twice.json().verifyAttemptsLeft).toBe(verified.verifyAttemptsLeft);
  });

  it('attaches the caller\u2019s complaints only, once each', async () => {
    const res = await send(agent, 'POST', `/calls/${call.id}/complaints`, {
      number: callersComplaint,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().attached).toEqual([callersComplaint]);
    const twice = await send(agent, 'POST', `/calls/${call.id}/complaints`, {
      number: callersComplaint.toLowerCase(),
    });
    expect(twice.json().attached).toEqual([callersComplaint]);

    const other = await send(agent, 'POST', `/calls/${call.id}/complaints`, {
      number: someoneElses,
    });
    expect(other.statusCode).toBe(400);
    expect(Object.keys(other.json().error.fields)).toEqual(['number']);
    const bad = await send(agent, 'POST', `/calls/${call.id}/complaints`, { number: 'TS1' });
    expect(bad.statusCode).toBe(400);
  });

  it('ends with a public call entry and an internal note on the attached complaint', async () => {
    clock.advance(150_000);
    const res = await send(agent, 'POST', `/calls/${call.id}/end`, {
      note: '来电人询问进度，已告知预计完成时间',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ endedAt: expect.any(String), note: expect.any(String) });

    type Timeline = { timeline: { type: string; data: Record<string, unknown> }[] };
    const staff = (await send(agent, 'GET', `/complaints/${callersComplaint}`)).json() as Timeline;
    expect(staff.timeline.slice(-2)).toMatchObject([
      { type: 'call', data: { direction: 'inbound', minutes: 3, verified: true } },
      { type: 'note', data: { text: '来电人询问进度，已告知预计完成时间' } },
    ]);
    const mine = (await send(caller, 'GET', `/complaints/${callersComplaint}`)).json() as Timeline;
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'call', data: { verified: true } });
    expect(mine.timeline.some((e) => e.type === 'note')).toBe(false);
  });

  it('takes no further changes once ended', async () => {
    for (const [path, payload] of [
      ['end', {}],
      ['code', undefined],
      ['verify', { code: '123456' }],
      ['complaints', { number: callersComplaint }],
    ] as const) {
      const res = await send(agent, 'POST', `/calls/${call.id}/${path}`, payload);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.code).toBe('call_ended');
    }
  });
});

describe('filing for a new caller during the call', () => {
  it('attaches the complaint just filed without verification and notes the call on it', async () => {
    const phone = '13633330002';
    const call = await start(phone);
    expect(call.callerKnown).toBe(false);
    const number = await file(agent, {
      ...lostParcel(`ZT${++waybill}`),
      channel: 'phone',
      complainant: { name: '钱女士', phone },
    });
    const known = (await send(agent, 'GET', `/calls/${call.id}`)).json() as Call;
    expect(known).toMatchObject({ callerKnown: true, complaints: [] });

    const res = await send(agent, 'POST', `/calls/${call.id}/complaints`, { number });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ attached: [number], complaints: [], verified: false });

    // No body at all is fine too: the note is optional.
    const ended = await send(agent, 'POST', `/calls/${call.id}/end`);
    expect(ended.statusCode).toBe(200);
    const owner = await loginComplainant(t, phone);
    const mine = (await send(owner, 'GET', `/complaints/${number}`)).json();
    expect(mine.channel).toBe('phone');
    expect(mine.timeline.at(-1)).toMatchObject({
      type: 'call',
      data: { direction: 'inbound', minutes: 0, verified: false },
    });
    expect(mine.timeline.some((e: { type: string }) => e.type === 'note')).toBe(false);
  });

  it('verifies by complaint number and the contact name given on it', async () => {
    const phone = '13633330002';
    const call = await start(phone);
    const [number] = (
      await t.database.pool.query<{ number: string }>(
        `SELECT number FROM complaints WHERE contact->>'phone' = $1`,
        [phone],
      )
    ).rows.map((r) => r.number);
    const res = await send(agent, 'POST', `/calls/${call.id}/verify`, {
      complaintNumber: number!.toLowerCase(),
      name: ' 钱女士 ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      verified: true,
      verificationMethod: 'complaint_number',
      complaints: [expect.objectContaining({ number })],
    });
  });

  it('a complaint number of another phone does not verify', async () => {
    const call = await start('13633330002');
    const res = await send(agent, 'POST', `/calls/${call.id}/verify`, {
      complaintNumber: callersComplaint,
      name: '钱女士',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('limits and who may see a call', () => {
  it('allows five attempts per call, then 429 even for the right code', async () => {
    clock.advance(3600_000);
    const call = await start();
    for (let left = 4; left >= 0; left--) {
      const res = await send(agent, 'POST', `/calls/${call.id}/verify`, { code: '999999' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.detail).toContain(String(left));
    }
    expect((await send(agent, 'POST', `/calls/${call.id}/code`)).statusCode).toBe(200);
    const code = t.otp.last(PHONE)!;
    const res = await send(agent, 'POST', `/calls/${call.id}/verify`, { code });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
    expect((await send(agent, 'GET', `/calls/${call.id}`)).json()).toMatchObject({
      verified: false,
      verifyAttemptsLeft: 0,
      complaints: [],
    });
  });

  it('shows a call to its agent and supervisors only', async () => {
    const call = await start();
    const other = await send(expert, 'GET', `/calls/${call.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('call_not_found');
    expect((await send(expert, 'POST', `/calls/${call.id}/end`, {})).statusCode).toBe(404);
    expect((await send(supervisor, 'GET', `/calls/${call.id}`)).statusCode).toBe(200);
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
      expect((await send(agent, 'GET', `/calls/${id}`)).statusCode).toBe(404);
    }

    const mine = await send(agent, 'GET', '/calls?open=true');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((c: Call) => c.id)).toContain(call.id);
    expect(mine.json().items.every((c: Call) => c.endedAt === null)).toBe(true);
    const theirs = await send(expert, 'GET', '/calls');
    expect(theirs.json().items.map((c: Call) => c.id)).not.toContain(call.id);
    const all = await send(supervisor, 'GET', '/calls?open=true');
    expect(all.json().items.map((c: Call) => c.id)).toContain(call.id);
  });

  it('is refused to merchants and complainants, and checks its input', async () => {
    const call = await start();
    for (const who of [merchant, caller]) {
      expect(
        (await send(who, 'POST', '/calls', { phone: PHONE, direction: 'inbound' })).statusCode,
      ).toBe(403);
      expect((await send(who, 'GET', `/calls/${call.id}`)).statusCode).toBe(403);
      expect((await send(who, 'GET', '/calls')).statusCode).toBe(403);
      expect((await send(who, 'POST', `/calls/${call.id}/code`)).statusCode).toBe(403);
      expect(
        (await send(who, 'POST', `/calls/${call.id}/verify`, { code: '123456' })).statusCode,
      ).toBe(403);
      expect(
        (await send(who, 'POST', `/calls/${call.id}/complaints`, { number: callersComplaint }))
          .statusCode,
      ).toBe(403);
      expect((await send(who, 'POST', `/calls/${call.id}/end`, {})).statusCode).toBe(403);
    }
    const calls = await countRows(t, 'calls');
    for (const [payload, field] of [
      [{ phone: '12345', direction: 'inbound' }, 'phone'],
      [{ phone: '02087654321', direction: 'inbound' }, 'phone'],
      [{ phone: PHONE, direction: 'sideways' }, 'direction'],
      [{ phone: PHONE }, 'direction'],
    ] as const) {
      const res = await send(agent, 'POST', '/calls', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    expect(await countRows(t, 'calls')).toBe(calls);
  });

  it('answers 503 when no code sender is configured', async () => {
    const app = await buildApp({
      config: t.config,
      database: t.database,
      clock,
      otpSender: null,
    });
    try {
      const call = await start();
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/calls/${call.id}/code`,
        headers: agent.headers,
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('otp_unavailable');
    } finally {
      await app.close();
    }
  });

  it('audits every call action with the phone masked, never in clear', async () => {
    for (const action of ['start', 'code_sent', 'verified', 'attach', 'end', 'verify_failed']) {
      expect(await countRows(t, 'audit_log', `action = 'call.${action}'`), action).toBeGreaterThan(
        0,
      );
    }
    expect(await countRows(t, 'audit_log', `data::text like '%1363333%'`)).toBe(0);
    expect(await countRows(t, 'audit_log', `data::text like '%136****0001%'`)).toBeGreaterThan(0);
  });
});

describe('the OpenAPI document', () => {
  it('lists every call route under the calls tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    };
    const mine = Object.entries(doc.paths).flatMap(([p, m]) =>
      Object.entries(m)
        .filter(([, op]) => op.tags?.includes('calls') && op.summary)
        .map(([verb]) => `${verb.toUpperCase()} ${p}`),
    );
    expect(mine.sort()).toEqual(
      [
        'POST /api/v1/calls',
        'GET /api/v1/calls',
        'GET /api/v1/calls/{id}',
        'POST /api/v1/calls/{id}/code',
        'POST /api/v1/calls/{id}/verify',
        'POST /api/v1/calls/{id}/complaints',
        'POST /api/v1/calls/{id}/end',
      ].sort(),
    );
  });
});
