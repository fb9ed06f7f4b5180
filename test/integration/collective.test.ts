// Collective cases (集体投诉) through the API: merging complaints of different people, progress
// every member's complainant sees, joining, leaving and splitting, and every refusal leaving
// nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatComplaintNumber } from '../../src/modules/complaints/numbers.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import type { CollectiveCase, CollectiveSplit } from '../../src/shared/cases.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let agent: AuthedClient;
let supervisor: AuthedClient;
let merchant: AuthedClient;
const people: AuthedClient[] = [];
let waybill = 2000000000;

interface Detail {
  number: string;
  tags: string[];
  collective: { number: string; progress: string | null; status: string } | null;
  timeline: { type: string; data: Record<string, unknown> }[];
}

beforeAll(async () => {
  // Monday 23 November 2026, 01:30 in China but still the 22nd in UTC: the number uses China's day.
  t = await buildTestApp({
    clock: new FixedClock(new Date('2026-11-22T17:30:00Z')),
    config: { filingLimitPerHour: 100 },
  });
  agent = await loginAs(t.app, 'agent');
  supervisor = await loginAs(t.app, 'supervisor');
  merchant = await loginAs(t.app, 'merchant');
  for (const phone of ['13922220001', '13922220002', '13922220003']) {
    people.push(await loginComplainant(t, phone));
  }
});
afterAll(() => t.close());

async function file(who: AuthedClient): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, who, lostParcel(`YT${waybill}`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number;
}

function send(
  who: AuthedClient,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload });
}

async function view(who: AuthedClient, number: string): Promise<Detail> {
  const res = await send(who, 'GET', `/complaints/${number}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function create(numbers: string[], title = '同一快递网点丢件'): Promise<CollectiveCase> {
  const res = await send(agent, 'POST', '/collective-cases', { title, numbers });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** Collective events only: filing and routing write their own events meanwhile. */
const collectiveEvents = () => countRows(t, 'complaint_events', `type like 'collective%'`);

async function collectiveOf(number: string): Promise<string | null> {
  const r = await t.database.pool.query<{ number: string | null }>(
    `SELECT k.number FROM complaints c LEFT JOIN collective_cases k ON k.id = c.collective_id
      WHERE c.number = $1`,
    [number],
  );
  return r.rows[0]!.number;
}

describe('a collective case of two people\u2019s complaints', () => {
  let c: CollectiveCase;
  let a: string;
  let b: string;

  beforeAll(async () => {
    a = await file(people[0]!);
    b = await file(people[1]!);
  });

  it('merges them under a JT number of the China date, tagged, each with a public event', async () => {
    c = await create([a, b]);
    expect(c.number).toBe('JT20261123-0001');
    expect(c.status).toBe('open');
    expect(c.memberCount).toBe(2);
    expect(c.members.map((m) => m.number).sort()).toEqual([a, b].sort());
    // Names are masked: the first character and a star per other one.
    for (const m of c.members) expect(m.complainantName).toMatch(/^.\*+$/u);

    for (const [who, number] of [
      [people[0]!, a],
      [people[1]!, b],
    ] as const) {
      const staff = await view(agent, number);
      expect(staff.tags).toContain('集体投诉');
      const mine = await view(who, number);
      expect(mine.collective).toMatchObject({ number: c.number, status: 'open', progress: null });
      expect(mine.timeline.at(-1)).toMatchObject({
        type: 'collective_joined',
        data: { collective: c.number },
      });
    }
  });

  it('posts progress that every member\u2019s complainant sees on their own complaint', async () => {
    const text = '已与快递公司总部沟通，将统一核实网点丢件情况';
    const res = await send(agent, 'POST', `/collective-cases/${c.id}/progress`, { text });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ progress: text, progressAt: expect.any(String) });
    for (const [who, number] of [
      [people[0]!, a],
      [people[1]!, b],
    ] as const) {
      const mine = await view(who, number);
      expect(mine.collective?.progress).toBe(text);
      expect(mine.timeline.at(-1)).toMatchObject({
        type: 'collective_update',
        data: { collective: c.number, text },
      });
    }
    expect(await countRows(t, 'audit_log', `action = 'complaint.collective_update'`)).toBe(2);
  });

  it('refuses bad progress and changes nothing', async () => {
    const events = await collectiveEvents();
    for (const text of ['', '   ', 'x'.repeat(501)]) {
      const res = await send(agent, 'POST', `/collective-cases/${c.id}/progress`, { text });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['text']);
    }
    expect(await collectiveEvents()).toBe(events);
  });

  it('is read by staff by id or number, listed with a status filter and paging', async () => {
    const byId = await send(supervisor, 'GET', `/collective-cases/${c.id}`);
    expect(byId.statusCode).toBe(200);
    const byNumber = await send(agent, 'GET', `/collective-cases/${c.number.toLowerCase()}`);
    expect(byNumber.json()).toEqual(byId.json());
    for (const missing of ['JT20200101-0001', 'nope', '00000000-0000-0000-0000-000000000000']) {
      const res = await send(agent, 'GET', `/collective-cases/${missing}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('collective_not_found');
    }
    const list = await send(agent, 'GET', '/collective-cases?status=open&pageSize=1');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 1 });
    expect(list.json().items[0]).toMatchObject({ status: 'open', memberCount: expect.any(Number) });
    const closed = await send(agent, 'GET', '/collective-cases?status=closed');
    expect(closed.json().items.every((s: { status: string }) => s.status === 'closed')).toBe(true);
    expect((await send(agent, 'GET', '/collective-cases?status=gone')).statusCode).toBe(400);
    const q = await send(agent, 'GET', `/collective-cases?q=${encodeURIComponent('网点丢件')}`);
    expect(q.json().items.map((s: { id: string }) => s.id)).toContain(c.id);
  });

  it('is for staff only: complainants and merchants get 403', async () => {
    for (const who of [people[0]!, merchant]) {
      expect((await send(who, 'GET', '/collective-cases')).statusCode).toBe(403);
      expect((await send(who, 'GET', `/collective-cases/${c.id}`)).statusCode).toBe(403);
      expect(
        (await send(who, 'POST', '/collective-cases', { title: 'x', numbers: [a, b] })).statusCode,
      ).toBe(403);
      expect(
        (await send(who, 'POST', `/collective-cases/${c.id}/progress`, { text: '进展' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await send(who, 'POST', `/collective-cases/${c.id}/members`, { numbers: [a] })).statusCode,
      ).toBe(403);
      expect((await send(who, 'DELETE', `/collective-cases/${c.id}/members/${a}`)).statusCode).toBe(
        403,
      );
      expect(
        (await send(who, 'POST', `/collective-cases/${c.id}/split`, { title: 'x', numbers: [a] }))
          .statusCode,
      ).toBe(403);
    }
  });
});

describe('refusals change nothing', () => {
  it('checks the title, the numbers and the merchant', async () => {
    const x = await file(people[0]!);
    const y = await file(people[1]!);
    const before = await countRows(t, 'collective_cases');
    const events = await collectiveEvents();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ title: '', numbers: [x, y] }, 'title', 400],
      [{ title: '   ', numbers: [x, y] }, 'title', 400],
      [{ title: 'x'.repeat(61), numbers: [x, y] }, 'title', 400],
      [{ title: '合并', numbers: [x] }, 'numbers', 400],
      [{ title: '合并', numbers: [x, x.toLowerCase()] }, 'numbers.1', 400],
      [{ title: '合并', numbers: [x, 'TS1'] }, 'numbers.1', 400],
      [{ title: '合并', numbers: [x, y], merchantId: 'acme' }, 'merchantId', 400],
      [
        { title: '合并', numbers: [x, y], merchantId: '00000000-0000-4000-8000-000000000000' },
        'merchantId',
        400,
      ],
    ];
    for (const [payload, field, status] of cases) {
      const res = await send(agent, 'POST', '/collective-cases', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    const unknown = formatComplaintNumber('20200101', 999999);
    const missing = await send(agent, 'POST', '/collective-cases', {
      title: '合并',
      numbers: [x, unknown],
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.detail).toContain(unknown);
    expect(await countRows(t, 'collective_cases')).toBe(before);
    expect(await collectiveEvents()).toBe(events);
  });

  it('a complaint already in another case: 409 naming it, and nothing changes', async () => {
    const [p, q, r] = [await file(people[0]!), await file(people[1]!), await file(people[2]!)];
    const first = await create([p, q]);
    const second = await create([r, await file(people[2]!)]);
    const cases = await countRows(t, 'collective_cases');
    const fresh = await file(people[0]!);
    const events = await collectiveEvents();

    const join = await send(agent, 'POST', `/collective-cases/${first.id}/members`, {
      numbers: [fresh, r],
    });
    expect(join.statusCode).toBe(409);
    expect(join.json().error.code).toBe('already_in_collective');
    expect(join.json().error.detail).toContain(second.number);
    expect(join.json().error.detail).toContain(r);

    const merge = await send(agent, 'POST', '/collective-cases', {
      title: '再合并',
      numbers: [fresh, p],
    });
    expect(merge.statusCode).toBe(409);
    expect(merge.json().error.detail).toContain(first.number);

    expect(await collectiveOf(fresh)).toBeNull();
    expect(await collectiveOf(r)).toBe(second.number);
    expect(await countRows(t, 'collective_cases')).toBe(cases);
    expect(await collectiveEvents()).toBe(events);
    expect((await view(agent, fresh)).tags).not.toContain('集体投诉');
  });

  it('two merges racing over the same complaint: one wins, the other gets 409', async () => {
    const [p, q, r] = [await file(people[0]!), await file(people[1]!), await file(people[2]!)];
    const results = await Promise.all([
      send(agent, 'POST', '/collective-cases', { title: '甲', numbers: [p, q] }),
      send(supervisor, 'POST', '/collective-cases', { title: '乙', numbers: [r, q] }),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const winner = results.find((x) => x.statusCode === 201)!.json() as CollectiveCase;
    expect(await collectiveOf(q)).toBe(winner.number);
    expect(winner.memberCount).toBe(2);
  });
});

describe('joining, leaving and splitting', () => {
  it('joins, skips members already there, and leaves; the last one closes the case', async () => {
    const [p, q, r] = [await file(people[0]!), await file(people[1]!), await file(people[2]!)];
    const c = await create([p, q]);
    const joined = await send(agent, 'POST', `/collective-cases/${c.number}/members`, {
      numbers: [r, p],
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().memberCount).toBe(3);

    const left = await send(agent, 'DELETE', `/collective-cases/${c.id}/members/${p}`);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ status: 'open', memberCount: 2 });
    const pView = await view(people[0]!, p);
    expect(pView.collective).toBeNull();
    expect(pView.timeline.at(-1)).toMatchObject({
      type: 'collective_left',
      data: { collective: c.number, reason: 'left' },
    });
    expect((await view(agent, p)).tags).not.toContain('集体投诉');

    const notMember = await send(agent, 'DELETE', `/collective-cases/${c.id}/members/${p}`);
    expect(notMember.statusCode).toBe(404);
    expect(notMember.json().error.detail).toContain(c.number);
    const badNumber = await send(agent, 'DELETE', `/collective-cases/${c.id}/members/TS1`);
    expect(badNumber.statusCode).toBe(400);
    expect(Object.keys(badNumber.json().error.fields)).toEqual(['number']);

    // Two left; one leaves, so the case closes and releases the other.
    const last = await send(agent, 'DELETE', `/collective-cases/${c.id}/members/${q}`);
    expect(last.statusCode).toBe(200);
    expect(last.json()).toMatchObject({ status: 'closed', memberCount: 0, members: [] });
    expect(await collectiveOf(r)).toBeNull();
    expect((await view(people[2]!, r)).timeline.at(-1)).toMatchObject({
      type: 'collective_left',
      data: { collective: c.number, reason: 'closed' },
    });

    // A closed case takes no more changes.
    for (const [url, payload] of [
      [`/collective-cases/${c.id}/progress`, { text: '进展' }],
      [`/collective-cases/${c.id}/members`, { numbers: [p] }],
      [`/collective-cases/${c.id}/split`, { title: '拆', numbers: [p] }],
    ] as const) {
      const res = await send(agent, 'POST', url, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('collective_closed');
    }
  });

  it('splits members into a new case, with events on the moved ones', async () => {
    const ns = [
      await file(people[0]!),
      await file(people[1]!),
      await file(people[2]!),
      await file(people[0]!),
    ];
    const c = await create(ns, '网点A');
    const res = await send(agent, 'POST', `/collective-cases/${c.id}/split`, {
      title: '网点B',
      numbers: [ns[1], ns[2]],
    });
    expect(res.statusCode).toBe(201);
    const out: CollectiveSplit = res.json();
    expect(out.original).toMatchObject({ status: 'open', memberCount: 2 });
    expect(out.created).toMatchObject({ title: '网点B', status: 'open', memberCount: 2 });
    expect(out.original.members.map((m) => m.number).sort()).toEqual([ns[0], ns[3]].sort());
    expect(out.created!.members.map((m) => m.number).sort()).toEqual([ns[1], ns[2]].sort());

    const moved = await view(people[1]!, ns[1]!);
    expect(moved.collective?.number).toBe(out.created!.number);
    expect(moved.timeline.slice(-2)).toMatchObject([
      { type: 'collective_left', data: { collective: c.number, reason: 'split' } },
      { type: 'collective_joined', data: { collective: out.created!.number, from: c.number } },
    ]);
    expect((await view(agent, ns[1]!)).tags.filter((x) => x === '集体投诉')).toHaveLength(1);
    // Those that stayed saw nothing happen.
    expect((await view(people[0]!, ns[0]!)).timeline.at(-1)?.type).toBe('collective_joined');
  });

  it('a side left with one complaint releases it', async () => {
    const ns = [await file(people[0]!), await file(people[1]!), await file(people[2]!)];
    const c = await create(ns);
    // One split off: it is released rather than made a case of one.
    const one = await send(agent, 'POST', `/collective-cases/${c.id}/split`, {
      title: '单独处理',
      numbers: [ns[0]],
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ created: null, original: { memberCount: 2 } });
    expect(await collectiveOf(ns[0]!)).toBeNull();

    // Two left; splitting one off leaves one on each side: both released, the case closes.
    const both = await send(agent, 'POST', `/collective-cases/${c.id}/split`, {
      title: '单独处理',
      numbers: [ns[1]],
    });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ created: null, original: { status: 'closed' } });
    expect(await collectiveOf(ns[1]!)).toBeNull();
    expect(await collectiveOf(ns[2]!)).toBeNull();
  });

  it('refuses splits that empty a side or name non-members, changing nothing', async () => {
    const ns = [await file(people[0]!), await file(people[1]!)];
    const outsider = await file(people[2]!);
    const c = await create(ns);
    const events = await collectiveEvents();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '拆', numbers: ns }, 'numbers'],
      [{ title: '拆', numbers: [outsider] }, 'numbers.0'],
      [{ title: '拆', numbers: [] }, 'numbers'],
      [{ title: '', numbers: [ns[0]] }, 'title'],
    ];
    for (const [payload, field] of cases) {
      const res = await send(agent, 'POST', `/collective-cases/${c.id}/split`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    expect(await collectiveEvents()).toBe(events);
    expect((await send(agent, 'GET', `/collective-cases/${c.id}`)).json().memberCount).toBe(2);
  });
});

describe('the OpenAPI document', () => {
  it('lists every links and collective route under the collective tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([p, m]) =>
      Object.entries(m).map(([verb, op]) => ({ route: `${verb.toUpperCase()} ${p}`, op })),
    );
    const mine = ops.filter((o) => o.op.tags?.includes('collective')).map((o) => o.route);
    expect(mine.sort()).toEqual(
      [
        'POST /api/v1/complaints/{number}/links',
        'DELETE /api/v1/complaints/{number}/links/{other}',
        'POST /api/v1/collective-cases',
        'GET /api/v1/collective-cases',
        'GET /api/v1/collective-cases/{id}',
        'POST /api/v1/collective-cases/{id}/members',
        'DELETE /api/v1/collective-cases/{id}/members/{number}',
        'POST /api/v1/collective-cases/{id}/split',
        'POST /api/v1/collective-cases/{id}/progress',
      ].sort(),
    );
    for (const o of ops.filter((x) => x.op.tags?.includes('collective'))) {
      expect(o.op.summary, o.route).toBeTruthy();
    }
  });
});
