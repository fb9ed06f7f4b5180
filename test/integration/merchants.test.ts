// The merchant portal end to end through the API: merchants and shops administered, a case passed
// to the merchant its complaint names, the merchant's reply and remedy, the complainant's answer,
// and platform arbitration by an expert when the merchant is silent or the offer is refused.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantsJobs } from '../../src/modules/merchants/index.js';
import { routingHooks } from '../../src/modules/routing/index.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import {
  buildTestApp,
  DEMO_PASSWORD,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint } from '../helpers/complaints.js';

const HOUR = 3600_000;
const DEMO_SHOP = '演示旗舰店';
let t: TestApp;
let clock: FixedClock;
let me: AuthedClient;
let other: AuthedClient;
let agent: AuthedClient;
let expert: AuthedClient;
let admin: AuthedClient;
let merchant: AuthedClient;
let rival: AuthedClient;
let demoMerchantId: string;
let order = 1000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function login(email: string): Promise<AuthedClient> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const c = res.cookies.find((x) => x.name === 'redress_session')!;
  const cookie = `redress_session=${c.value}`;
  return {
    cookie,
    csrf: res.json().csrfToken,
    headers: { cookie, 'x-csrf-token': res.json().csrfToken },
  };
}

function call(
  who: AuthedClient,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  clock = new FixedClock(new Date('2026-11-23T02:00:00Z')); // Monday 10:00 in China
  t = await buildTestApp({
    clock,
    config: { filingLimitPerHour: 100, sessionTtlHours: 24 * 30 },
  });
  me = await loginComplainant(t);
  other = await loginComplainant(t, '13900139111');
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  admin = await loginAs(t.app, 'admin');
  merchant = await loginAs(t.app, 'merchant');
  const list = await call(admin, 'GET', '/api/v1/merchants');
  demoMerchantId = list
    .json()
    .items.find((m: Json) => m.shops.some((s: Json) => s.name === DEMO_SHOP)).id;
  // A second merchant with its own account, to show merchants never see each other's cases.
  const created = await call(admin, 'POST', '/api/v1/merchants', {
    name: '对手商贸',
    tier: 'gold',
  });
  const user = await call(admin, 'POST', '/api/v1/users', {
    role: 'merchant',
    name: '对手商户',
    email: 'rival@example.com',
    password: DEMO_PASSWORD,
    merchantId: created.json().id,
  });
  expect(user.statusCode).toBe(201);
  rival = await login('rival@example.com');
});
afterAll(() => t.close());

/** A quality dispute naming the shop, filed by `who`. */
async function fileAgainst(shop = DEMO_SHOP, who = me): Promise<string> {
  order += 1;
  const res = await fileComplaint(t, who, {
    type: 'quality_dispute',
    description: `订单 ORD-${order} 买到的鞋子开胶，第${order}次联系商家都不处理`,
    demand: '退货退款',
    fields: { order_number: `ORD-${order}`, merchant_name: shop },
  });
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function transferred(shop = DEMO_SHOP): Promise<string> {
  const number = await fileAgainst(shop);
  const res = await act(t, agent, number, 'merchant-transfer', { opinion: '请商户核实处理' });
  expect(res.statusCode).toBe(200);
  return number;
}

async function detail(who: AuthedClient, number: string): Promise<Json> {
  const res = await call(who, 'GET', `/api/v1/complaints/${number}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function events(number: string): Promise<number> {
  return countRows(
    t,
    'complaint_events e JOIN complaints c ON c.id = e.complaint_id',
    `c.number = '${number}'`,
  );
}

function propose(number: string, body: object, who = merchant) {
  return call(who, 'POST', `/api/v1/merchant/complaints/${number}/remedies`, body);
}

function runJob() {
  const hooks = routingHooks({ db: t.database.db, clock, log: t.app.log });
  const [job] = merchantsJobs({ db: t.database.db, clock, hooks });
  return job!.handler({}, { jobId: 1, attempt: 1, log: createLogger('silent') });
}

describe('merchants, tiers and shops (admin)', () => {
  it('lists merchants with their shops and adds one with its tier\u2019s reply hours', async () => {
    const demo = (await call(admin, 'GET', '/api/v1/merchants')).json().items as Json[];
    expect(demo.find((m) => m.id === demoMerchantId)).toMatchObject({
      tier: 'standard',
      replyHours: 24,
      shops: [{ name: DEMO_SHOP }],
    });
    const res = await call(admin, 'POST', '/api/v1/merchants', { name: '金牌商城', tier: 'gold' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '金牌商城', tier: 'gold', replyHours: 12, shops: [] });
    const own = await call(admin, 'POST', '/api/v1/merchants', {
      name: '自定商城',
      tier: 'flagship',
      replyHours: 3,
    });
    expect(own.json()).toMatchObject({ tier: 'flagship', replyHours: 3 });
  });

  it('changes tier (resetting the hours unless given) and hours, and registers shops', async () => {
    const id = (
      await call(admin, 'POST', '/api/v1/merchants', { name: '升级商城', tier: 'standard' })
    ).json().id as string;
    const tier = await call(admin, 'PATCH', `/api/v1/merchants/${id}`, { tier: 'flagship' });
    expect(tier.json()).toMatchObject({ tier: 'flagship', replyHours: 6 });
    const hours = await call(admin, 'PATCH', `/api/v1/merchants/${id}`, { replyHours: 10 });
    expect(hours.json()).toMatchObject({ tier: 'flagship', replyHours: 10 });
    const shop = await call(admin, 'POST', `/api/v1/merchants/${id}/shops`, { name: '升级专营店' });
    expect(shop.statusCode).toBe(201);
    expect(shop.json().shops).toEqual([{ id: expect.any(String), name: '升级专营店' }]);
    expect(await countRows(t, 'audit_log', `target_id = '${id}'`)).toBe(4);
  });

  it('refuses taken names, bad input, unknown merchants and callers without the permission', async () => {
    const before = await countRows(t, 'merchants');
    const dup = await call(admin, 'POST', '/api/v1/merchants', { name: '金牌商城', tier: 'gold' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toHaveProperty('name');
    const shopTaken = await call(admin, 'POST', `/api/v1/merchants/${demoMerchantId}/shops`, {
      name: DEMO_SHOP,
    });
    expect(shopTaken.statusCode).toBe(409);
    const badTier = await call(admin, 'POST', '/api/v1/merchants', { name: '甲', tier: 'vip' });
    expect(badTier.statusCode).toBe(400);
    expect(badTier.json().error.fields).toHaveProperty('tier');
    const badHours = await call(admin, 'POST', '/api/v1/merchants', {
      name: '乙',
      tier: 'gold',
      replyHours: 0,
    });
    expect(badHours.json().error.fields).toHaveProperty('replyHours');
    const blank = await call(admin, 'POST', '/api/v1/merchants', { name: '  ', tier: 'gold' });
    expect(blank.json().error.fields).toHaveProperty('name');
    const empty = await call(admin, 'PATCH', `/api/v1/merchants/${demoMerchantId}`, {});
    expect(empty.statusCode).toBe(400);
    const unknown = await call(
      admin,
      'PATCH',
      '/api/v1/merchants/00000000-0000-4000-8000-000000000000',
      { tier: 'gold' },
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('merchant_not_found');
    expect((await call(agent, 'GET', '/api/v1/merchants')).statusCode).toBe(403);
    expect(
      (await call(merchant, 'POST', '/api/v1/merchants', { name: '丙', tier: 'gold' })).statusCode,
    ).toBe(403);
    expect(await countRows(t, 'merchants')).toBe(before);
  });
});

describe('passing a case to the merchant', () => {
  it('finds the merchant by the shop the complaint names and sets the first-reply deadline', async () => {
    const number = await fileAgainst();
    const res = await act(t, agent, number, 'merchant-transfer', { opinion: '请商户核实处理' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.status).toBe('transferred');
    expect(c.merchant).toMatchObject({
      id: demoMerchantId,
      shop: DEMO_SHOP,
      phase: 'awaiting_reply',
      replyDueAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(),
      firstReplyAt: null,
      remedies: [],
    });
    expect(c.timeline.at(-1)).toMatchObject({ type: 'merchant_transfer', action: 'transfer' });
  });

  it('refuses an unknown merchant, a shop of another merchant, no merchant at all and a stale version', async () => {
    const number = await fileAgainst('不存在的小店');
    const before = await events(number);
    const unknown = await act(t, agent, number, 'merchant-transfer', {
      merchantId: '00000000-0000-4000-8000-000000000000',
      opinion: '转商户',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('merchantId');
    const shops = (await call(admin, 'GET', '/api/v1/merchants')).json().items as Json[];
    const demoShop = shops.find((m) => m.id === demoMerchantId)!.shops[0].id as string;
    const rivalId = shops.find((m) => m.name === '对手商贸')!.id as string;
    const mismatch = await act(t, agent, number, 'merchant-transfer', {
      merchantId: rivalId,
      shopId: demoShop,
      opinion: '转商户',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toHaveProperty('shopId');
    const nobody = await act(t, agent, number, 'merchant-transfer', { opinion: '转商户' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().error.code).toBe('merchant_unknown');
    const noOpinion = await act(t, agent, number, 'merchant-transfer', { merchantId: rivalId });
    expect(noOpinion.statusCode).toBe(400);
    const version = (await detail(agent, number)).version as number;
    const stale = await act(t, agent, number, 'merchant-transfer', {
      merchantId: rivalId,
      opinion: '转商户',
      version: version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(await events(number)).toBe(before);
    // Named explicitly, the case goes to the rival merchant, with the current version.
    const ok = await act(t, agent, number, 'merchant-transfer', {
      merchantId: rivalId,
      opinion: '转商户',
      version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().merchant).toMatchObject({ id: rivalId, shop: null, phase: 'awaiting_reply' });
    expect(new Date(ok.json().merchant.replyDueAt).getTime()).toBe(
      clock.now().getTime() + 12 * HOUR,
    );
    const again = await act(t, agent, number, 'merchant-transfer', { opinion: '再转' });
    expect(again.statusCode).toBe(409);
  });
});

describe('the merchant\u2019s side', () => {
  it('sees only its own cases, most pressing first; another merchant gets 404', async () => {
    const number = await transferred();
    const inbox = await call(merchant, 'GET', '/api/v1/merchant/complaints?phase=awaiting_reply');
    expect(inbox.statusCode).toBe(200);
    const items = inbox.json().items as Json[];
    expect(items.map((i) => i.number)).toContain(number);
    expect(items.every((i) => i.phase === 'awaiting_reply')).toBe(true);
    const dues = items.map((i) => i.replyDueAt as string);
    expect([...dues].sort()).toEqual(dues);
    expect(items[0]).toMatchObject({ shop: DEMO_SHOP, complainantName: null });
    expect((await call(merchant, 'GET', `/api/v1/complaints/${number}`)).statusCode).toBe(200);

    const theirs = await call(rival, 'GET', `/api/v1/complaints/${number}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('complaint_not_found');
    const reply = await call(rival, 'POST', `/api/v1/merchant/complaints/${number}/replies`, {
      text: '不是我们的订单',
    });
    expect(reply.statusCode).toBe(404);
    const rivalInbox = (await call(rival, 'GET', '/api/v1/merchant/complaints')).json();
    expect(rivalInbox.items.map((i: Json) => i.number)).not.toContain(number);
    expect((await call(agent, 'GET', '/api/v1/merchant/complaints')).statusCode).toBe(403);
  });

  it('replies: the first reply meets the deadline, and the complainant sees it', async () => {
    const number = await transferred();
    const blank = await call(merchant, 'POST', `/api/v1/merchant/complaints/${number}/replies`, {
      text: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const res = await call(merchant, 'POST', `/api/v1/merchant/complaints/${number}/replies`, {
      text: '您好，我们已联系仓库核实，请稍候',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().merchant).toMatchObject({
      phase: 'replied',
      firstReplyAt: clock.now().toISOString(),
    });
    const mine = await detail(me, number);
    expect(mine.timeline.at(-1)).toMatchObject({
      type: 'merchant_reply',
      opinion: '您好，我们已联系仓库核实，请稍候',
      actor: { name: '商户' },
    });
    expect(mine.merchant.phase).toBe('replied');
  });

  it('checks remedy amounts against the kind, and allows one open offer at a time', async () => {
    const number = await transferred();
    const cases: [object, string][] = [
      [{ kind: 'refund', note: '退款' }, 'amount'],
      [{ kind: 'refund', amount: '0', note: '退款' }, 'amount'],
      [{ kind: 'refund', amount: '12.345', note: '退款' }, 'amount'],
      [{ kind: 'compensation', amount: '1000000.01', note: '赔偿' }, 'amount'],
      [{ kind: 'compensation', amount: 12, note: '赔偿' }, 'amount'],
      [{ kind: 'reship', amount: '5.00', note: '补发' }, 'amount'],
      [{ kind: 'exchange', note: '换货' }, 'kind'],
      [{ kind: 'reship', note: ' ' }, 'note'],
    ];
    for (const [body, field] of cases) {
      const res = await propose(number, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields).toHaveProperty(field);
    }
    expect(
      await countRows(
        t,
        'merchant_remedies r JOIN complaints c ON c.id = r.complaint_id',
        `c.number = '${number}'`,
      ),
    ).toBe(0);
    const ok = await propose(number, { kind: 'refund', amount: '12.5', note: '全额退款' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().merchant).toMatchObject({
      phase: 'remedy_proposed',
      firstReplyAt: clock.now().toISOString(),
      remedies: [
        {
          kind: 'refund',
          amount: '12.50',
          status: 'proposed',
          respondBy: new Date(clock.now().getTime() + 72 * HOUR).toISOString(),
        },
      ],
    });
    const second = await propose(number, { kind: 'reship', note: '补发一双' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('transition_not_allowed');
  });
});

describe('the complainant answers the remedy', () => {
  it('accepting resolves the case as settled by the merchant', async () => {
    const number = await transferred();
    await propose(number, { kind: 'refund', amount: '12.50', note: '全额退款' });
    const mine = await detail(me, number);
    const remedy = mine.merchant.remedies[0];
    expect(remedy).toMatchObject({ amount: '12.50', proposedBy: '商户', status: 'proposed' });
    const url = `/api/v1/complaints/${number}/remedies/${remedy.id}`;

    expect((await call(other, 'POST', `${url}/accept`, {})).statusCode).toBe(404);
    const unknown = await call(
      me,
      'POST',
      `/api/v1/complaints/${number}/remedies/00000000-0000-4000-8000-000000000000/accept`,
      {},
    );
    expect(unknown.json().error.code).toBe('remedy_not_found');

    const res = await call(me, 'POST', `${url}/accept`, { note: '同意' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ status: 'resolved', resolutionMethod: 'merchant' });
    expect(c.merchant.phase).toBe('remedy_accepted');
    expect(c.merchant.remedies[0]).toMatchObject({ status: 'accepted', responseNote: '同意' });
    expect(c.latestOpinion.text).toBe(
      '商户方案已被投诉人接受：退款 ¥12.50（全额退款）；投诉人说明：同意',
    );
    expect(c.timeline.slice(-2).map((e: Json) => e.type)).toEqual([
      'remedy_accepted',
      'transition',
    ]);

    const twice = await call(me, 'POST', `${url}/refuse`, { reason: '反悔' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('remedy_not_open');
    const late = await call(merchant, 'POST', `/api/v1/merchant/complaints/${number}/replies`, {
      text: '补充说明',
    });
    expect(late.statusCode).toBe(409);
  });

  it('refusing sends the case to platform arbitration, where an expert decides', async () => {
    const number = await transferred();
    await propose(number, { kind: 'compensation', amount: '20', note: '补偿 20 元' });
    const remedyId = (await detail(me, number)).merchant.remedies[0].id as string;
    const url = `/api/v1/complaints/${number}/remedies/${remedyId}/refuse`;
    expect((await call(me, 'POST', url, {})).statusCode).toBe(400);
    expect((await call(me, 'POST', url, { reason: '  ' })).statusCode).toBe(400);

    const res = await call(me, 'POST', url, { reason: '金额太少，要求退货退款' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('investigating');
    expect(
      res
        .json()
        .timeline.slice(-2)
        .map((e: Json) => e.type),
    ).toEqual(['remedy_refused', 'arbitration']);

    const c = await detail(expert, number);
    expect(c.merchant.phase).toBe('arbitration');
    expect(c.tags).toContain('平台仲裁');
    expect(c.team.code).toBe('expert_seat');
    expect(c.assignee?.name).toBe('李专家');
    const arbitration = c.timeline.find((e: Json) => e.type === 'arbitration');
    expect(arbitration.data).toEqual({ reason: 'remedy_refused' });

    const resolved = await act(t, expert, number, 'transitions', {
      action: 'resolve',
      opinion: '经平台仲裁，商户退货退款',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionMethod: 'arbitration' });
    expect(resolved.json().merchant.phase).toBe('arbitrated');
  });
});

describe('deadlines (merchants.escalate-overdue)', () => {
  it('sends a case the merchant left unanswered to arbitration, once', async () => {
    const silent = await transferred();
    const answered = await transferred();
    await call(merchant, 'POST', `/api/v1/merchant/complaints/${answered}/replies`, {
      text: '已处理',
    });
    await runJob();
    expect((await detail(expert, silent)).status).toBe('transferred');

    clock.advance(24 * HOUR + 60_000);
    await runJob();
    const c = await detail(expert, silent);
    expect(c).toMatchObject({ status: 'investigating', team: { code: 'expert_seat' } });
    expect(c.assignee?.name).toBe('李专家');
    expect(c.merchant.phase).toBe('arbitration');
    expect(c.timeline.filter((e: Json) => e.type === 'arbitration')).toMatchObject([
      { data: { reason: 'merchant_overdue' }, toStatus: 'investigating' },
    ]);
    expect((await detail(expert, answered)).status).toBe('transferred');

    const seen = await events(silent);
    await runJob();
    expect(await events(silent)).toBe(seen);
    const late = await call(merchant, 'POST', `/api/v1/merchant/complaints/${silent}/replies`, {
      text: '抱歉回复晚了',
    });
    expect(late.statusCode).toBe(409);
  });

  it('lets an unanswered remedy expire into arbitration', async () => {
    const number = await transferred();
    await propose(number, { kind: 'reship', note: '补发一双新的' });
    const remedyId = (await detail(me, number)).merchant.remedies[0].id as string;
    clock.advance(72 * HOUR + 60_000);
    const late = await call(
      me,
      'POST',
      `/api/v1/complaints/${number}/remedies/${remedyId}/accept`,
      {},
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('remedy_not_open');
    await runJob();
    const c = await detail(me, number);
    expect(c.status).toBe('investigating');
    expect(c.merchant.remedies[0]).toMatchObject({ status: 'expired', amount: null });
    expect(c.timeline.at(-1)).toMatchObject({
      type: 'arbitration',
      data: { reason: 'remedy_expired' },
    });
    expect((await detail(expert, number)).assignee?.name).toBe('李专家');
    await runJob();
    expect(
      (await detail(me, number)).timeline.filter((e: Json) => e.type === 'arbitration'),
    ).toHaveLength(1);
  });
});
