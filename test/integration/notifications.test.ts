// Notifications end to end through the API, with a real SMTP server on loopback and the SMS
// memory adapter: each key node reaches the bell at once and SMS/email through the outbox
// worker, exactly once, in the complainant's language, with a receipt that verifies; quiet
// hours hold SMS back; failures back off and end as dead letters an admin can retry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatchOutbox,
  queueNotifications,
  queueProgressReports,
  type Channels,
  type DispatchDeps,
} from '../../src/modules/notifications/index.js';
import { smtpEmailSender } from '../../src/modules/notifications/channels/email.js';
import { MemorySmsProvider } from '../../src/modules/notifications/channels/dev-sms.js';
import { ChannelError } from '../../src/modules/notifications/channels/types.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

// Thursday 9 October 2025, 10:00 in Beijing: daytime, a working day.
const clock = new FixedClock(new Date('2025-10-09T10:00:00+08:00'));
const PUBLIC = 'http://redress.test';
let t: TestApp;
let sink: SmtpSink;
const sms = new MemorySmsProvider();
let channels: Channels;
let agent: AuthedClient;
let expert: AuthedClient;
let admin: AuthedClient;
let seq = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  channels = {
    sms,
    email: smtpEmailSender({ url: sink.url, from: 'Redress <no-reply@redress.test>' }),
    wechat: null,
  };
  t = await buildTestApp({
    clock,
    channels,
    config: { filingLimitPerHour: 500, sessionTtlHours: 24 * 90, publicUrl: PUBLIC },
  });
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

function deps(extra: Partial<DispatchDeps> = {}): DispatchDeps {
  return { db: t.database.db, clock, channels, publicUrl: PUBLIC, ...extra };
}

/** Staff file for a person reachable by phone and email; answers the number and their login. */
async function fileFor(locale: 'zh-CN' | 'en' = 'zh-CN') {
  seq += 1;
  const phone = `1390013${String(9000 + seq).padStart(4, '0')}`;
  const email = `person${seq}@example.com`;
  const res = await fileComplaint(t, agent, {
    ...lostParcel(`SF10000${seq}`),
    complainant: { name: '王小明', phone, email },
  });
  expect(res.statusCode).toBe(201);
  const number = res.json().complaint.number as string;
  const me = await loginComplainant(t, phone);
  if (locale === 'en') {
    await t.database.pool.query(`UPDATE users SET locale = 'en' WHERE phone = $1`, [phone]);
  }
  return { number, phone, email, me };
}

async function bell(who: AuthedClient) {
  const res = await t.app.inject({ url: '/api/v1/notifications', headers: who.headers });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    unread: number;
    items: { id: number; node: string; title: string; body: string; complaintNumber: string }[];
  };
}

const outboxOf = async (number: string) =>
  (
    await t.database.pool.query<{ node: string; channel: string; status: string }>(
      `SELECT o.node, o.channel, o.status FROM outbox o JOIN complaints c ON c.id = o.complaint_id
       WHERE c.number = $1 ORDER BY o.id`,
      [number],
    )
  ).rows;

describe('key nodes', () => {
  it('accepted: the bell at once, then one SMS and one email with the number and a signed link', async () => {
    const mailsBefore = sink.mails.length;
    const { number, phone, email, me } = await fileFor();
    // Written in the filing's transaction; nothing has been sent yet.
    expect(await outboxOf(number)).toEqual([
      { node: 'accepted', channel: 'sms', status: 'pending' },
      { node: 'accepted', channel: 'email', status: 'pending' },
    ]);
    const b = await bell(me);
    expect(b.unread).toBe(1);
    expect(b.items[0]).toMatchObject({
      node: 'accepted',
      title: '投诉已受理',
      complaintNumber: number,
    });
    expect(b.items[0]!.body).toContain(number);

    const run = await dispatchOutbox(deps());
    expect(run).toMatchObject({ sent: 2, dead: 0, retrying: 0 });
    const [mail] = (await sink.waitFor(mailsBefore + 1)).slice(mailsBefore);
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain(email);
    expect(mail!.subject).toBe(`投诉已受理 | ${number}`);
    expect(mail!.text).toContain(`投诉编号为 ${number}`);
    expect(mail!.text).toMatch(new RegExp(`${PUBLIC}/t/${number.replace(/-/g, '\\-')}\\.`));
    expect(mail!.html).toContain('查看处理进度');
    expect(mail!.headers.get('x-redress-idempotency-key')).toMatch(/:accepted:once:email$/);
    const text = sms.sent.find((s) => s.to === phone);
    expect(text?.text).toContain(number);
    expect(text?.text).toContain(`${PUBLIC}/t/`);

    // Nothing is left to send, and a second pass sends nothing again.
    expect((await dispatchOutbox(deps())).claimed).toBe(0);
    expect(sink.mails.length).toBe(mailsBefore + 1);
  });

  it('the signed link opens the tracking view; an altered or expired one is refused clearly', async () => {
    const { number } = await fileFor();
    await dispatchOutbox(deps());
    const link = sms.sent.at(-1)!.text.match(/\/t\/(\S+)/)![1]!;
    const ok = await t.app.inject({ url: `/api/v1/complaints/track/link/${link}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().number).toBe(number);
    const tampered = link.slice(0, -2) + (link.endsWith('A') ? 'BB' : 'AA');
    const bad = await t.app.inject({ url: `/api/v1/complaints/track/link/${tampered}` });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe('link_invalid');
    const later = new FixedClock(new Date(clock.now().getTime() + 91 * 24 * 3600_000));
    const saved = clock.now();
    clock.set(later.now());
    try {
      const old = await t.app.inject({ url: `/api/v1/complaints/track/link/${link}` });
      expect(old.statusCode).toBe(410);
      expect(old.json().error.message).toContain('90 天');
    } finally {
      clock.set(saved);
    }
  });

  it('materials requested (what exactly), supplied (the agent hears), resolved with a receipt that verifies', async () => {
    const { number, email, me } = await fileFor();
    await dispatchOutbox(deps());
    expect((await act(t, agent, number, 'claim')).statusCode).toBe(200);
    await act(t, agent, number, 'transitions', { action: 'review' });
    const asked = await act(t, agent, number, 'material-requests', {
      items: ['快递面单照片', '商品价值证明'],
      note: '照片需清晰',
    });
    expect(asked.statusCode).toBe(200);
    const b = await bell(me);
    expect(b.items[0]!.node).toBe('materials_requested');
    expect(b.items[0]!.body).toContain('1. 快递面单照片；2. 商品价值证明');
    await act(t, me, number, 'materials', { note: '已补充' });
    const agentBell = await bell(agent);
    expect(
      agentBell.items.some(
        (i) => i.node === 'staff_materials_supplied' && i.complaintNumber === number,
      ),
    ).toBe(true);

    await act(t, agent, number, 'transitions', { action: 'investigate' });
    const resolved = await act(t, agent, number, 'transitions', {
      action: 'resolve',
      opinion: '经核实，快递公司同意按保价金额赔付 300 元。',
    });
    expect(resolved.statusCode).toBe(200);
    const before = sink.mails.length;
    await dispatchOutbox(deps());
    const mails = (await sink.waitFor(before + 2)).slice(before);
    const result = mails.find((m) => m.subject?.startsWith('投诉处理结果'))!;
    expect(result.to && 'text' in result.to ? result.to.text : '').toContain(email);
    expect(result.text).toContain('按保价金额赔付 300 元');
    const pdf = result.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe(`receipt-${number}.pdf`);
    const code = /回执验证码 ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(result.text ?? '')![1]!;

    // The PDF carries the Chinese text it must, and the code printed on it verifies.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf.content);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-']).toString();
    expect(text).toContain('处理回执');
    expect(text).toContain(number);
    expect(text).toContain(code);
    const check = await t.app.inject({ url: `/api/v1/receipts/${code.toLowerCase()}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ valid: true, number, outcome: 'resolved', problems: [] });
    const { createHash } = await import('node:crypto');
    expect(check.json().pdfSha256).toBe(createHash('sha256').update(pdf.content).digest('hex'));

    // The portal downloads the same receipt.
    const dl = await t.app.inject({
      url: `/api/v1/complaints/${number}/receipt.pdf`,
      headers: me.headers,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['x-receipt-code']).toBe(code);
    expect(dl.rawPayload.equals(pdf.content)).toBe(true);

    // An altered record no longer verifies.
    await t.database.pool.query(
      `UPDATE receipts SET content = jsonb_set(content, '{opinion}', '"不予赔付"') WHERE code = $1`,
      [code],
    );
    const altered = await t.app.inject({ url: `/api/v1/receipts/${code}` });
    expect(altered.json()).toMatchObject({ valid: false, problems: ['content_altered'] });
    const unknown = await t.app.inject({ url: '/api/v1/receipts/0000-0000-0000' });
    expect(unknown.statusCode).toBe(404);
  });

  it('appeal accepted and decided reach the complainant; English for an English speaker', async () => {
    const { number, me } = await fileFor('en');
    await act(t, agent, number, 'claim');
    await act(t, agent, number, 'transitions', { action: 'review' });
    await act(t, agent, number, 'transitions', { action: 'investigate' });
    await act(t, agent, number, 'transitions', {
      action: 'resolve',
      opinion: 'Refund of 100 yuan.',
    });
    await act(t, me, number, 'appeal', { reason: 'The parcel was worth more.' });
    await act(t, expert, number, 'transitions', { action: 'start_reconsideration' });
    await act(t, expert, number, 'transitions', {
      action: 'resolve',
      opinion: 'Refund raised to 300 yuan.',
    });
    const nodes = (await bell(me)).items.map((i) => i.node);
    expect(nodes.slice(0, 3)).toEqual(['appeal_decided', 'appeal_accepted', 'result']);
    const before = sink.mails.length;
    await dispatchOutbox(deps());
    const mails = (await sink.waitFor(before + 4)).slice(before);
    const subjects = mails.map((m) => m.subject);
    expect(subjects).toContain(`Reconsideration result | ${number}`);
    expect(subjects).toContain(`Appeal accepted | ${number}`);
    const decided = mails.find((m) => m.subject?.startsWith('Reconsideration'))!;
    expect(decided.text).toContain('Refund raised to 300 yuan.');
    expect(decided.attachments).toHaveLength(1);
  });

  it('a replayed event queues nothing twice', async () => {
    const { number } = await fileFor();
    const [{ id }] = (
      await t.database.pool.query<{ id: string }>(`SELECT id FROM complaints WHERE number = $1`, [
        number,
      ])
    ).rows as [{ id: string }];
    const before = await countRows(t, 'outbox');
    const bellBefore = await countRows(t, 'notifications');
    await t.database.db.transaction((tx) =>
      queueNotifications(tx, id, {
        seq: 2,
        type: 'transition',
        action: 'accept',
        fromStatus: 'submitted',
        toStatus: 'accepted',
        internal: false,
        opinion: null,
        data: {},
        at: clock.now(),
      }),
    );
    expect(await countRows(t, 'outbox')).toBe(before);
    expect(await countRows(t, 'notifications')).toBe(bellBefore);
  });
});

describe('progress reports', () => {
  it('every 48 h while open an email brings the PDF report; a result stops them', async () => {
    const saved = clock.now();
    try {
      const { number, me } = await fileFor();
      await dispatchOutbox(deps());
      const reportsOf = async () =>
        (await outboxOf(number)).filter((r) => r.node === 'progress_report').length;
      clock.set(new Date(saved.getTime() + 47 * 3600_000));
      await queueProgressReports(deps());
      expect(await reportsOf()).toBe(0);
      clock.set(new Date(saved.getTime() + 49 * 3600_000));
      await queueProgressReports(deps());
      await queueProgressReports(deps());
      expect(await reportsOf()).toBe(1);
      const before = sink.mails.length;
      await dispatchOutbox(deps());
      const mail = (await sink.waitFor(before + 1))
        .slice(before)
        .find((m) => m.subject === `投诉处理进度报告 | ${number}`)!;
      expect(mail.text).toContain('第 1 期处理进度报告');
      const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(pdf.filename).toBe(`progress-${number}-1.pdf`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
      fs.writeFileSync(path.join(dir, 'p.pdf'), pdf.content);
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'p.pdf'), '-']).toString();
      expect(text).toContain('投诉处理进度报告');
      expect(text).toContain(number);
      expect(text).toContain('投诉已受理');

      // 48 h later the second; then a result ends them.
      clock.set(new Date(saved.getTime() + 98 * 3600_000));
      await queueProgressReports(deps());
      expect(await reportsOf()).toBe(2);
      await act(t, agent, number, 'claim');
      const rejected = await act(t, agent, number, 'transitions', {
        action: 'reject',
        opinion: '不属于受理范围',
      });
      expect(rejected.statusCode).toBe(200);
      clock.set(new Date(saved.getTime() + 150 * 3600_000));
      await queueProgressReports(deps());
      expect(await reportsOf()).toBe(2);

      // The portal offers the same report to download at any time.
      const dl = await t.app.inject({
        url: `/api/v1/complaints/${number}/progress-report.pdf`,
        headers: me.headers,
      });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const other = await loginComplainant(t, '13700137000');
      const refused = await t.app.inject({
        url: `/api/v1/complaints/${number}/progress-report.pdf`,
        headers: other.headers,
      });
      expect(refused.statusCode).toBe(404);
    } finally {
      clock.set(saved);
    }
  });
});

describe('delivery', () => {
  it('several workers at once deliver every message exactly once', async () => {
    for (let i = 0; i < 8; i++) await fileFor();
    const pending = await countRows(
      t,
      'outbox',
      `status = 'pending' AND next_attempt_at <= '${clock.now().toISOString()}'`,
    );
    expect(pending).toBeGreaterThanOrEqual(16);
    const before = sink.mails.length;
    const smsBefore = sms.sent.length;
    const runs = await Promise.all(
      [1, 2, 3, 4].map((w) =>
        dispatchOutbox(deps({ workerId: `w${w}` }), { limit: 3 }).then(async (first) => {
          let total = first.sent;
          for (;;) {
            const r = await dispatchOutbox(deps({ workerId: `w${w}` }), { limit: 3 });
            total += r.sent;
            if (r.claimed === 0) return total;
          }
        }),
      ),
    );
    expect(runs.reduce((a, b) => a + b, 0)).toBe(pending);
    const mails = (await sink.waitFor(before + pending / 2)).slice(before);
    const ids = mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = sms.sent.slice(smsBefore).map((s) => s.idempotencyKey);
    expect(new Set(texts).size).toBe(texts.length);
    expect(mails.length + texts.length).toBe(pending);
  });

  it('a worker that dies after the provider accepted leaves the message due again, resent under the same Message-ID', async () => {
    await fileFor();
    const before = sink.mails.length;
    // The provider accepts, then the worker "dies" before marking the row sent.
    await expect(
      dispatchOutbox(
        deps({
          workerId: 'doomed',
          leaseMs: 60_000,
          afterSend: async () => {
            throw new Error('killed');
          },
        }),
      ),
    ).resolves.toMatchObject({ sent: 0 });
    // (The thrown error is recorded as a failure; what matters is the mail went out once.)
    const first = (await sink.waitFor(before + 1)).slice(before);
    const pendingAgain = await countRows(t, 'outbox', `status = 'pending'`);
    expect(pendingAgain).toBeGreaterThan(0);
    clock.set(new Date(clock.now().getTime() + 10 * 60_000));
    await dispatchOutbox(deps());
    const all = (await sink.waitFor(before + 2)).slice(before);
    const again = all.slice(first.length);
    expect(again.map((m) => m.messageId)).toEqual(expect.arrayContaining([first[0]!.messageId]));
  });

  it('SMS waits for 08:00 in the person\u2019s time zone; red priority does not', async () => {
    const night = new Date('2025-10-09T23:30:00+08:00');
    const saved = clock.now();
    clock.set(night);
    try {
      const { number } = await fileFor();
      const r = await dispatchOutbox(deps());
      expect(r.deferred).toBe(1);
      const [row] = (
        await t.database.pool.query(
          `SELECT o.status, o.next_attempt_at, o.deferred_reason, o.attempts FROM outbox o
           JOIN complaints c ON c.id = o.complaint_id WHERE c.number = $1 AND o.channel = 'sms'`,
          [number],
        )
      ).rows;
      expect(row).toMatchObject({ status: 'pending', deferred_reason: 'quiet_hours', attempts: 0 });
      expect(new Date(row.next_attempt_at).toISOString()).toBe('2025-10-10T00:00:00.000Z');
      await t.database.pool.query(
        `UPDATE outbox SET priority = 'red', next_attempt_at = $1 WHERE channel = 'sms' AND deferred_reason = 'quiet_hours'`,
        [night],
      );
      expect((await dispatchOutbox(deps())).sent).toBeGreaterThanOrEqual(1);
    } finally {
      clock.set(saved);
    }
  });

  it('failures back off with jitter, end as a dead letter, and an admin retry sends it', async () => {
    const { number } = await fileFor();
    let fail = true;
    const flaky: Channels = {
      ...channels,
      sms: {
        name: 'flaky',
        async send(m) {
          if (fail) throw new ChannelError('provider busy', true, 'InternalError');
          return sms.send(m);
        },
      },
    };
    const q = `SELECT o.id, o.status, o.attempts, o.next_attempt_at, o.last_error FROM outbox o
               JOIN complaints c ON c.id = o.complaint_id WHERE c.number = $1 AND o.channel = 'sms'`;
    const gaps: number[] = [];
    for (let i = 0; i < 8; i++) {
      await dispatchOutbox(deps({ channels: flaky, random: () => 0.5 }));
      const [row] = (await t.database.pool.query(q, [number])).rows;
      if (row.status === 'dead') break;
      gaps.push(new Date(row.next_attempt_at).getTime() - clock.now().getTime());
      clock.set(new Date(row.next_attempt_at));
    }
    const [dead] = (await t.database.pool.query(q, [number])).rows;
    expect(dead.status).toBe('dead');
    expect(dead.attempts).toBe(8);
    expect(dead.last_error).toContain('provider busy');
    // 30 s doubling, three quarters of each step with random() = 0.5.
    expect(gaps.slice(0, 3)).toEqual([22_500, 45_000, 90_000]);

    const list = await t.app.inject({ url: '/api/v1/outbox?status=dead', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const item = list
      .json()
      .items.find((i: { complaintNumber: string }) => i.complaintNumber === number);
    expect(item.recipient).toMatch(/^139\*{4}\d{4}$/);
    expect((await t.app.inject({ url: '/api/v1/outbox', headers: agent.headers })).statusCode).toBe(
      403,
    );
    fail = false;
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${item.id}/retry`,
      headers: admin.headers,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await dispatchOutbox(deps({ channels: flaky }));
    const [sent] = (await t.database.pool.query(q, [number])).rows;
    expect(sent.status).toBe('sent');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${item.id}/retry`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
  });

  it('a provider that refuses for good sends the message straight to the dead letters', async () => {
    const { number } = await fileFor();
    const refusing: Channels = {
      ...channels,
      sms: {
        name: 'refusing',
        async send() {
          throw new ChannelError('template not approved', false, 'FailedOperation');
        },
      },
    };
    await dispatchOutbox(deps({ channels: refusing }));
    const rows = await outboxOf(number);
    expect(rows.find((r) => r.channel === 'sms')?.status).toBe('dead');
    expect(rows.find((r) => r.channel === 'email')?.status).toBe('sent');
  });
});

describe('template preview', () => {
  it('a real complaint fills what it has; what it lacks keeps its sample, so the preview reads', async () => {
    const { number } = await fileFor();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notification-templates/preview',
      headers: admin.headers,
      payload: {
        node: 'materials_requested',
        channel: 'sms',
        locale: 'zh-CN',
        body: '投诉 {{number}} 需要您补充材料：{{items}}',
        number,
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json().body as string;
    // This complaint has had no materials request: its number is real, the list is the sample.
    expect(body).toBe(`投诉 ${number} 需要您补充材料：1. 快递面单照片；2. 商品价值证明`);
  });

  it('a variable the node does not offer is refused, naming the field and the variable', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notification-templates/preview',
      headers: admin.headers,
      payload: {
        node: 'accepted',
        channel: 'sms',
        locale: 'zh-CN',
        body: '投诉 {{number}} 的退款 {{refund}}',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('body');
    expect(JSON.stringify(res.json().error)).toContain('refund');
  });
});
