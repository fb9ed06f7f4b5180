// Related complaints (关联): linking and unlinking through the API, recorded on both timelines
// as staff-only events; bad input and callers without complaints.work change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatComplaintNumber } from '../../src/modules/complaints/numbers.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let agent: AuthedClient;
let merchant: AuthedClient;
let alice: AuthedClient;
let bob: AuthedClient;
let a1: string;
let b1: string;

interface Detail {
  number: string;
  version: number;
  links: { number: string; status: string; note: string | null }[];
  timeline: { type: string; data: Record<string, unknown> }[];
}

beforeAll(async () => {
  t = await buildTestApp({ config: { filingLimitPerHour: 100 } });
  agent = await loginAs(t.app, 'agent');
  merchant = await loginAs(t.app, 'merchant');
  alice = await loginComplainant(t, '13911110001');
  bob = await loginComplainant(t, '13911110002');
  a1 = (await fileComplaint(t, alice, lostParcel('SF1000000001'))).json().complaint.number;
  b1 = (await fileComplaint(t, bob, lostParcel('SF1000000002'))).json().complaint.number;
});
afterAll(() => t.close());

async function view(who: AuthedClient, number: string): Promise<Detail> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/complaints/${number}`,
    headers: who.headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function unlink(who: AuthedClient, number: string, other: string) {
  return t.app.inject({
    method: 'DELETE',
    url: `/api/v1/complaints/${number}/links/${other}`,
    headers: who.headers,
  });
}

const linkEvents = (type: string) =>
  countRows(t, 'complaint_events', `type = '${type}' and internal`);

describe('linking related complaints', () => {
  it('links both ways with an internal event on each, shown to staff only', async () => {
    const before = await view(agent, a1);
    const res = await act(t, agent, a1, 'links', { number: b1, note: '同一快递网点' });
    expect(res.statusCode).toBe(200);
    const detail: Detail = res.json();
    expect(detail.number).toBe(a1);
    expect(detail.links).toEqual([
      expect.objectContaining({ number: b1, note: '同一快递网点', status: expect.any(String) }),
    ]);
    expect(detail.version).toBe(before.version + 1);
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'linked', data: { number: b1 } });

    const other = await view(agent, b1);
    expect(other.links.map((l) => l.number)).toEqual([a1]);
    expect(other.timeline.at(-1)).toMatchObject({ type: 'linked', data: { number: a1 } });

    // The complainant never sees the other person's complaint.
    const mine = await view(alice, a1);
    expect(mine.links).toEqual([]);
    expect(mine.timeline.some((e) => e.type === 'linked')).toBe(false);
    expect(await countRows(t, 'audit_log', `action = 'complaint.linked'`)).toBe(2);
  });

  it('linking the pair again (either way round) changes nothing', async () => {
    const events = await linkEvents('linked');
    const version = (await view(agent, a1)).version;
    const res = await act(t, agent, b1, 'links', { number: a1.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(await linkEvents('linked')).toBe(events);
    expect((await view(agent, a1)).version).toBe(version);
    expect(await countRows(t, 'complaint_links')).toBe(1);
  });

  it('refuses a link to itself, a malformed or unknown number', async () => {
    const events = await countRows(t, 'complaint_events', `type in ('linked', 'unlinked')`);
    const self = await act(t, agent, a1, 'links', { number: a1 });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields.number).toBe('不能关联投诉本身');

    const bad = await act(t, agent, a1, 'links', { number: 'TS2026-1' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['number']);

    const unknown = formatComplaintNumber('20200101', 999999);
    const missing = await act(t, agent, a1, 'links', { number: unknown });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('complaint_not_found');
    expect(missing.json().error.detail).toContain(unknown);

    const extra = await act(t, agent, a1, 'links', { number: b1, why: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(await countRows(t, 'complaint_events', `type in ('linked', 'unlinked')`)).toBe(events);
  });

  it('is for staff who work complaints: a merchant or complainant gets 403', async () => {
    for (const who of [merchant, alice]) {
      const res = await act(t, who, a1, 'links', { number: b1 });
      expect(res.statusCode).toBe(403);
      expect((await unlink(who, a1, b1)).statusCode).toBe(403);
    }
  });

  it('unlinks with an internal event on both; unlinking again changes nothing', async () => {
    const res = await unlink(agent, b1, a1);
    expect(res.statusCode).toBe(200);
    expect(res.json().links).toEqual([]);
    expect((await view(agent, a1)).links).toEqual([]);
    expect((await view(agent, a1)).timeline.at(-1)).toMatchObject({
      type: 'unlinked',
      data: { number: b1 },
    });
    expect(await linkEvents('unlinked')).toBe(2);

    const again = await unlink(agent, b1, a1);
    expect(again.statusCode).toBe(200);
    expect(await linkEvents('unlinked')).toBe(2);

    const self = await unlink(agent, a1, a1);
    expect(self.statusCode).toBe(400);
    expect(Object.keys(self.json().error.fields)).toEqual(['other']);
  });
});
