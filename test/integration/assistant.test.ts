// The assistant through its API against a real PostgreSQL: answers from a knowledge base we
// import (so the expectations do not move with the demo KB), follow-ups in context, clarifying
// and fallback turns, the three handoffs and the live chat that follows, commands (progress,
// press, filing in conversation), and the knowledge base's history, import and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageReply, ConversationView } from '../../src/shared/assistant.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  DEMO_PHONE,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

const clock = new FixedClock(new Date('2025-10-09T10:00:00+08:00'));
let t: TestApp;
let admin: AuthedClient;
let agent: AuthedClient;
let supervisor: AuthedClient;
let expert: AuthedClient;

const KB = [
  {
    id: 'pay-refund-time',
    category: '微信支付',
    question: '退款多久能到账',
    similar: ['退款什么时候到', '退的钱几天能回来', '申请退款后钱多久退回', '退款到账时间'],
    answer: '退款原路退回，零钱一般即时到账，银行卡 1–3 个工作日。',
  },
  {
    id: 'pay-withdraw-fee',
    category: '微信支付',
    question: '零钱提现收手续费吗',
    similar: ['提现要手续费吗', '零钱提到银行卡收费吗', '提现服务费怎么算'],
    answer: '零钱提现按金额的 0.1% 收取服务费，最低 0.1 元；每人有 1000 元免费额度。',
  },
  {
    id: 'express-lost',
    category: '快递物流',
    question: '快递丢了怎么办',
    similar: ['包裹丢失怎么处理', '快递一直没收到显示已签收', '我的快递不见了'],
    answer: '请先联系快递公司核实；如确认丢件，可[提交投诉](/file)，我们会在 24 小时内响应。',
  },
  {
    id: 'account-stolen',
    category: '微信账号',
    question: '微信号被盗了怎么办',
    similar: ['账号被别人登录了', '微信被盗号了', '有人盗了我的微信'],
    answer: '请立即通过“找回密码”冻结账号，再按提示解冻并修改密码。',
  },
  {
    id: 'off-entry',
    category: '微信支付',
    question: '信用卡还款手续费',
    similar: ['还信用卡收费吗'],
    answer: '（已停用的条目）',
    enabled: false,
  },
];

beforeAll(async () => {
  t = await buildTestApp({ clock, config: { filingLimitPerHour: 500 } });
  admin = await loginAs(t.app, 'admin');
  agent = await loginAs(t.app, 'agent');
  supervisor = await loginAs(t.app, 'supervisor');
  expert = await loginAs(t.app, 'expert');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/assistant/kb/import',
    headers: admin.headers,
    payload: { mode: 'replace', entries: KB },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t.close());

async function start(who?: AuthedClient, locale?: 'zh-CN' | 'en'): Promise<ConversationView> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/assistant/conversations',
    headers: who?.headers ?? {},
    payload: locale ? { locale } : {},
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ConversationView;
}

async function say(id: string, text: string, who?: AuthedClient): Promise<MessageReply> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/assistant/conversations/${id}/messages`,
    headers: who?.headers ?? {},
    payload: { text },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MessageReply;
}

async function view(id: string, who?: AuthedClient, after = 0): Promise<ConversationView> {
  const res = await t.app.inject({
    url: `/api/v1/assistant/conversations/${id}?after=${after}`,
    headers: who?.headers ?? {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ConversationView;
}

describe('answers', () => {
  it('greets, answers a question in the person’s own words, and takes a follow-up in context', async () => {
    const c = await start();
    expect(c.status).toBe('bot');
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]!.from).toBe('bot');

    const a = await say(c.id, '我申请的退款到现在还没回来，一般要几天啊');
    expect(a.match?.entryId).toBe('pay-refund-time');
    expect(a.match!.confidence).toBeGreaterThan(0);
    expect(a.match!.confidence).toBeLessThanOrEqual(1);
    expect(a.reply).toContain('原路退回');
    expect(a.handoff).toBe(false);
    expect(a.emotion.label).toBeTypeOf('string');
    expect(a.messages.map((m) => m.from)).toEqual(['person', 'bot']);

    const typo = await say(c.id, '零钱提线要收手续费吗');
    expect(typo.match?.entryId).toBe('pay-withdraw-fee');

    const trad = await say(c.id, '我的微信號被盜了怎麼辦');
    expect(trad.match?.entryId).toBe('account-stolen');
  });

  it('a disabled entry is never the answer; something unrelated gets the fallback, not a guess', async () => {
    const c = await start();
    const off = await say(c.id, '信用卡还款手续费');
    expect(off.match?.entryId ?? null).not.toBe('off-entry');
    const weather = await say(c.id, '明天北京会下雨吗');
    expect(weather.match).toBeNull();
    expect(weather.reply).toMatch(/没有理解|换个说法/);
  });

  it('thumbs on an answer are kept; thumbs on the person’s own message are refused', async () => {
    const c = await start();
    const a = await say(c.id, '快递显示签收了但我根本没拿到');
    expect(a.match?.entryId).toBe('express-lost');
    const botSeq = a.messages.find((m) => m.from === 'bot')!.seq;
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/messages/${botSeq}/feedback`,
      payload: { helpful: true },
    });
    expect(up.statusCode).toBe(204);
    expect((await view(c.id)).messages.find((m) => m.seq === botSeq)!.helpful).toBe(true);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/messages/${botSeq - 1}/feedback`,
      payload: { helpful: false },
    });
    expect(own.statusCode).toBe(404);
  });

  it('English conversations are answered in English around the KB’s answer', async () => {
    const c = await start(undefined, 'en');
    expect(c.messages[0]!.text).toMatch(/assistant/i);
    const r = await say(c.id, 'what is the weather like on mars');
    expect(r.reply).toMatch(/did not understand/i);
  });
});

describe('handoff', () => {
  it('three unanswered turns in a row go to a person, with the queue position and wait', async () => {
    const c = await start();
    await say(c.id, '今天中午吃什么好');
    await say(c.id, '随便聊聊天吧');
    const third = await say(c.id, '你会唱歌吗');
    expect(third.handoff).toBe(true);
    expect(third.status).toBe('waiting');
    expect(third.queue).toMatchObject({ team: 'general', position: expect.any(Number) });
    expect(third.queue!.expectedWaitMinutes).toBeGreaterThanOrEqual(1);
    expect(third.reply).toMatch(/转接人工客服/);
    const v = await view(c.id);
    expect(v.handoffReason).toBe('unresolved');
  });

  it('转人工 hands over at once to the team of the topic; the agent sees transcript, topic and emotion, takes it, and they chat', async () => {
    const c = await start();
    await say(c.id, '快递丢了怎么办');
    const r = await say(c.id, '我要转人工');
    expect(r.handoff).toBe(true);
    expect(r.queue?.team).toBe('express');

    const box = await t.app.inject({ url: '/api/v1/assistant/inbox', headers: agent.headers });
    expect(box.statusCode).toBe(200);
    const item = (
      box.json().waiting as {
        id: string;
        topic: { entryId: string } | null;
        handoffReason: string;
        emotion: unknown;
      }[]
    ).find((i) => i.id === c.id);
    expect(item).toBeDefined();
    expect(item!.topic?.entryId).toBe('express-lost');
    expect(item!.handoffReason).toBe('request');
    expect(item!.emotion).not.toBeNull();

    const take = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/take`,
      headers: agent.headers,
    });
    expect(take.statusCode, take.body).toBe(200);
    expect(take.json().status).toBe('live');
    // The whole transcript, bot turns included, is the agent's to read.
    expect((take.json().messages as { from: string }[]).map((m) => m.from)).toContain('bot');

    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/take`,
      headers: expert.headers,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('conversation_taken');

    const before = (await view(c.id)).messages.at(-1)!.seq;
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/agent-messages`,
      headers: agent.headers,
      payload: { text: '您好，我是客服小赵，请提供一下运单号。' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const news = await view(c.id, undefined, before);
    expect(news.messages.map((m) => [m.from, m.text])).toEqual([
      ['agent', '您好，我是客服小赵，请提供一下运单号。'],
    ]);
    expect(news.agent?.name).toBeTruthy();

    // The person's reply goes to the agent; the bot stays quiet.
    const back = await say(c.id, '运单号 SF1234567890');
    expect(back.reply).toBeNull();
    expect(back.status).toBe('live');

    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/agent-messages`,
      headers: expert.headers,
      payload: { text: '我来' },
    });
    expect(notMine.statusCode).toBe(403);

    const close = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/close`,
      headers: agent.headers,
    });
    expect(close.json().status).toBe('closed');
    const after = await t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/conversations/${c.id}/messages`,
      payload: { text: '还在吗' },
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('conversation_closed');
  });

  it('growing anger hands over on its own before the third unanswered turn', async () => {
    const c = await start();
    const first = await say(c.id, '退款到现在都没到账，气死我了！');
    expect(['anger', 'anxiety']).toContain(first.emotion.label);
    let r = first;
    for (const text of ['你们这什么破服务，太过分了！！', '垃圾平台，骗子，太让人恶心了！']) {
      if (r.handoff) break;
      r = await say(c.id, text);
    }
    expect(r.handoff).toBe(true);
    expect((await view(c.id)).handoffReason).toBe('emotion');
  });
});

describe('commands', () => {
  let number: string;
  // One login for the whole block: one-time codes to one number are limited to one a minute.
  let me: AuthedClient;
  beforeAll(async () => {
    me = await loginComplainant(t);
    const res = await fileComplaint(t, agent, {
      ...lostParcel('SF20251009001'),
      complainant: { name: '张三', phone: DEMO_PHONE },
    });
    expect(res.statusCode, res.body).toBe(201);
    number = res.json().complaint.number as string;
  });

  it('the owner asks for progress by number and gets the processing chain at once', async () => {
    const c = await start(me);
    const r = await say(c.id, `查询投诉进度 ${number}`, me);
    expect(r.reply).toContain(number);
    expect(r.reply).toMatch(/当前状态/);
  });

  it('a visitor is asked for the contact first; a wrong one gets the same answer as a wrong number', async () => {
    const c = await start();
    const ask = await say(c.id, `查询投诉进度 ${number}`);
    expect(ask.reply).toMatch(/手机号或邮箱/);
    const wrong = await say(c.id, '13900000000');
    expect(wrong.reply).toMatch(/不匹配/);
    await say(c.id, `查询投诉进度 ${number}`);
    const right = await say(c.id, DEMO_PHONE);
    expect(right.reply).toContain(number);
    // The phone the person typed is not kept in clear in the transcript.
    const texts = (await view(c.id)).messages.map((m) => m.text).join('\n');
    expect(texts).not.toContain(DEMO_PHONE);
  });

  it('人工服务 + number presses once; a second press within 48 h is refused with the next time', async () => {
    const c = await start(me);
    const first = await say(c.id, `人工服务 ${number}`, me);
    expect(first.reply).toMatch(/已为您催办/);
    const second = await say(c.id, `人工服务 ${number}`, me);
    expect(second.reply).toMatch(/48|下次可催办/);
    const pressed = await countRows(
      t,
      'complaint_events',
      `type = 'pressed' AND complaint_id = (SELECT id FROM complaints WHERE number = '${number}')`,
    );
    expect(pressed).toBe(1);
  });

  it('我要投诉 files a complaint in conversation, asking only for what the type needs', async () => {
    const c = await start(me);
    const r1 = await say(c.id, '我要投诉', me);
    expect(r1.reply).toMatch(/描述/);
    const r2 = await say(c.id, '我的快递显示已签收但我没收到，包裹丢了', me);
    expect(r2.options.map((o) => o.text)).toContain('丢件');
    const r3 = await say(c.id, '丢件', me);
    expect(r3.reply).toContain('运单号');
    const bad = await say(c.id, '不知道', me);
    expect(bad.reply).toMatch(/运单号.*重新输入/);
    const r4 = await say(c.id, 'SF20251009777', me);
    expect(r4.reply).toContain('快递公司');
    const r5 = await say(c.id, '顺丰速运', me);
    expect(r5.reply).toMatch(/如何解决/);
    const r6 = await say(c.id, '赔偿商品损失', me);
    expect(r6.reply).toMatch(/请确认/);
    expect(r6.options.map((o) => o.label)).toContain('确认提交');
    const r7 = await say(c.id, '确认提交', me);
    const filed = /TS\d{8}-\d{6}-[0-9X]/.exec(r7.reply ?? '')?.[0];
    expect(filed, r7.reply ?? '').toBeDefined();
    const row = await t.database.pool.query<{ channel: string; type_code: string }>(
      `SELECT channel, type_code FROM complaints WHERE number = $1`,
      [filed],
    );
    expect(row.rows[0]).toMatchObject({ channel: 'assistant', type_code: 'parcel_lost' });
  });

  it('a visitor is asked to log in before submitting, and carries on as themselves after', async () => {
    const c = await start();
    await say(c.id, '我要投诉，快递包裹丢了一直没收到');
    await say(c.id, '丢件');
    await say(c.id, 'SF20251009888');
    await say(c.id, '中通快递');
    const confirm = await say(c.id, '退款');
    expect(confirm.reply).toMatch(/登录/);
    const still = await say(c.id, '确认提交');
    expect(still.reply).toMatch(/登录/);
    const done = await say(c.id, '确认提交', me);
    expect(done.reply).toMatch(/投诉已提交/);
    // Bound to the account now: a visitor without the session can no longer read it.
    const anon = await t.app.inject({ url: `/api/v1/assistant/conversations/${c.id}` });
    expect(anon.statusCode).toBe(404);
  });
});

describe('knowledge base', () => {
  it('an edit is versioned and in the history; a stale edit is refused and changes nothing', async () => {
    const get = await t.app.inject({
      url: '/api/v1/assistant/kb/pay-withdraw-fee',
      headers: agent.headers,
    });
    expect(get.statusCode).toBe(200);
    const entry = get.json();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/assistant/kb/pay-withdraw-fee',
      headers: supervisor.headers,
      payload: {
        category: entry.category,
        question: entry.question,
        similar: [...entry.similar, '提现扣钱吗'],
        answer: entry.answer,
        version: entry.version,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(entry.version + 1);
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/assistant/kb/pay-withdraw-fee',
      headers: supervisor.headers,
      payload: {
        ...entry,
        id: undefined,
        updatedAt: undefined,
        updatedBy: undefined,
        answer: '改坏',
      },
    });
    expect(stale.statusCode).toBe(409);
    const history = await t.app.inject({
      url: '/api/v1/assistant/kb/pay-withdraw-fee/history',
      headers: agent.headers,
    });
    const items = history.json().items as {
      action: string;
      by: string;
      changes: Record<string, unknown>;
    }[];
    expect(items[0]).toMatchObject({ action: 'update', by: '王主管' });
    expect(Object.keys(items[0]!.changes)).toEqual(['similar']);
    // The new wording is understood on the next message, without a restart.
    const c = await start();
    expect((await say(c.id, '提现扣钱吗')).match?.entryId).toBe('pay-withdraw-fee');
  });

  it('agents read but cannot change the KB', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/kb',
      headers: agent.headers,
      payload: { category: 'x', question: 'y', similar: [], answer: 'z' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a create names its own problems per field and writes nothing', async () => {
    const before = await countRows(t, 'kb_entries');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/kb',
      headers: admin.headers,
      payload: { category: '微信支付', question: '  ', similar: ['a', 'a'], answer: '答' },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['question', 'similar[1]']);
    expect(await countRows(t, 'kb_entries')).toBe(before);
  });

  it('an import with a bad entry is refused whole, naming the entry; export gives back what import took', async () => {
    const before = await countRows(t, 'kb_entries');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/kb/import',
      headers: admin.headers,
      payload: {
        mode: 'merge',
        entries: [
          { id: 'new-1', category: '其他', question: '新问题', similar: [], answer: '新答案' },
          { id: 'new-2', category: '其他', question: '', similar: [], answer: '答' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(['entries[1].question']);
    expect(await countRows(t, 'kb_entries')).toBe(before);

    const exp = await t.app.inject({ url: '/api/v1/assistant/kb/export', headers: agent.headers });
    expect(exp.statusCode).toBe(200);
    const entries = exp.json().entries as { id: string }[];
    expect(entries.map((e) => e.id).sort()).toEqual(KB.map((e) => e.id).sort());
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/kb/import',
      headers: admin.headers,
      payload: { mode: 'merge', entries },
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: KB.length });
  });

  it('the test bench shows the decision, candidates, tokens and emotion', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/kb/test',
      headers: agent.headers,
      payload: { text: '零钱通的钱提现到银行卡要收费吗' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.best.entryId).toBe('pay-withdraw-fee');
    expect(body.tokens).toContain('零钱通');
    expect(Object.keys(body.emotion.scores)).toHaveLength(7);
  });
});

describe('emotion and metrics', () => {
  it('POST /emotion answers one of 7 labels with scores summing to 1', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/emotion',
      payload: { text: '谢谢你们，问题终于解决了！' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().label).toBe('positive');
    const sum = Object.values(res.json().scores as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(sum).toBeCloseTo(1, 5);
  });

  it('metrics count answers, handoffs by reason, thumbs and the unmatched questions', async () => {
    const res = await t.app.inject({
      url: '/api/v1/assistant/metrics',
      headers: supervisor.headers,
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.answered).toBeGreaterThan(0);
    expect(m.handoffReasons.unresolved).toBeGreaterThanOrEqual(1);
    expect(m.handoffReasons.request).toBeGreaterThanOrEqual(1);
    expect(m.handoffReasons.emotion).toBeGreaterThanOrEqual(1);
    expect(m.feedback.up).toBeGreaterThanOrEqual(1);
    expect((m.topUnmatched as { text: string }[]).map((u) => u.text)).toContain('明天北京会下雨吗');
    const agentTry = await t.app.inject({
      url: '/api/v1/assistant/metrics',
      headers: agent.headers,
    });
    expect(agentTry.statusCode).toBe(403);
  });
});
