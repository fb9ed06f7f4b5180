// A worker process killed (SIGKILL) while the SMTP server is still taking its message: nothing
// is lost — the claim's lease runs out and another worker sends every message — and nothing is
// sent twice: the message the dead worker was sending was never accepted, so it arrives once.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/modules/notifications/index.js';
import { smtpEmailSender } from '../../src/modules/notifications/channels/email.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { buildTestApp, loginAs, type TestApp } from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
const LEASE_MS = 1500;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await buildTestApp({ config: { filingLimitPerHour: 500 } });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a killed worker loses nothing and sends nothing twice', async () => {
  const agent = await loginAs(t.app, 'agent');
  for (let i = 0; i < 3; i++) {
    const res = await fileComplaint(t, agent, {
      ...lostParcel(`SF300000000${i}`),
      complainant: { name: '赵六', email: `zhao${i}@example.com` },
    });
    expect(res.statusCode).toBe(201);
  }
  expect(await countRows(t, 'outbox', `status = 'pending' AND channel = 'email'`)).toBe(3);

  sink.stall = true;
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/outbox-worker.ts'], {
    env: {
      ...process.env,
      PG_CONNECTION: JSON.stringify(t.database.connection),
      SMTP_URL: sink.url,
      LEASE_MS: String(LEASE_MS),
    },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.on('exit', r));
  const until = Date.now() + 30_000;
  while (sink.started < 1) {
    if (Date.now() > until) throw new Error('the worker never started sending');
    await sleep(20);
  }
  child.kill('SIGKILL');
  await exited;
  await sleep(200);
  // The server answers only now; the client is gone, so the message is not kept.
  sink.stall = false;
  sink.release();
  expect(sink.mails).toHaveLength(0);
  expect(await countRows(t, 'outbox', `status = 'sending'`)).toBeGreaterThan(0);

  await sleep(LEASE_MS + 200);
  const deps = {
    db: t.database.db,
    clock: systemClock,
    channels: {
      sms: null,
      email: smtpEmailSender({ url: sink.url, from: 'Redress <no-reply@redress.test>' }),
      wechat: null,
    },
    publicUrl: 'http://redress.test',
  };
  const run = await dispatchOutbox(deps);
  expect(run.sent).toBe(3);
  const mails = await sink.waitFor(3);
  await sleep(200);
  expect(mails).toHaveLength(3);
  const to = mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort();
  expect(to).toEqual(['zhao0@example.com', 'zhao1@example.com', 'zhao2@example.com']);
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(3);
  expect(await countRows(t, 'outbox', `status = 'sent'`)).toBe(3);
});
