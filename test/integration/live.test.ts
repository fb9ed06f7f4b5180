// The live stream over a real socket: staff hear every change, a complainant only the public
// changes of their own complaints, a merchant only those of cases passed to it; the stream
// survives nothing it should not (a lost LISTEN ends it so browsers resync) and never holds up
// the server's close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let base: string;
let closed = false;
let me: AuthedClient;
let agent: AuthedClient;
let supervisor: AuthedClient;
let waybill = 900000;

beforeAll(async () => {
  t = await buildTestApp({ config: { filingLimitPerHour: 100 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  me = await loginComplainant(t);
  agent = await loginAs(t.app, 'agent');
  supervisor = await loginAs(t.app, 'supervisor');
});
afterAll(async () => {
  if (!closed) await t.close();
});

type ErrorBody = { error: { code: string } };

interface SseEvent {
  event: string | null;
  data: string | null;
  retry: string | null;
}

/** Reads server-sent events from a fetch response, one block at a time; null when it ends. */
class EventReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }

  /** The next block, comments (heartbeats) skipped. */
  async block(): Promise<SseEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const lines = this.buffer.slice(0, end).split('\n');
        this.buffer = this.buffer.slice(end + 2);
        if (lines.every((l) => l.startsWith(':'))) continue;
        const field = (name: string) =>
          lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
        return { event: field('event'), data: field('data'), retry: field('retry') };
      }
      const { value, done } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next `change` event's data. */
  async change(): Promise<{ number: string; version: number; type: string }> {
    const b = await this.block();
    expect(b?.event).toBe('change');
    return JSON.parse(b!.data!);
  }

  cancel() {
    return this.reader.cancel().catch(() => undefined);
  }
}

async function open(headers: Record<string, string>): Promise<EventReader> {
  const res = await fetch(`${base}/api/v1/live`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = new EventReader(res);
  // The first block says how soon to reconnect; once it is here the stream is listening.
  expect(await reader.block()).toEqual({ event: null, data: null, retry: '3000' });
  return reader;
}

const cookieOf = (who: AuthedClient) => ({ cookie: who.cookie });

async function newComplaint(who: AuthedClient = me): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, who, lostParcel(`JD${waybill}004`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function openAt(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
  const res = await fetch(`${base}${url}`, { headers });
  expect(res.status).toBe(200);
  const reader = new EventReader(res);
  expect(await reader.block()).toEqual({ event: null, data: null, retry: '3000' });
  return reader;
}

describe('assistant conversations, live', () => {
  it('the person’s window hears the agent take the chat and write; the agents’ inbox hears it all', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/conversations',
      payload: {},
    });
    const id = started.json().id as string;
    const say = (text: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/assistant/conversations/${id}/messages`,
        payload: { text },
      });
    expect((await say('转人工')).json().status).toBe('waiting');

    const person = await openAt(`/api/v1/assistant/conversations/${id}/stream`);
    const inbox = await openAt('/api/v1/assistant/live', cookieOf(agent));
    try {
      const take = await t.app.inject({
        method: 'POST',
        url: `/api/v1/assistant/conversations/${id}/take`,
        headers: agent.headers,
      });
      expect(take.statusCode).toBe(200);
      const seq = take.json().messages.at(-1).seq as number;
      expect(await person.block()).toEqual({
        event: 'message',
        data: JSON.stringify({ seq }),
        retry: null,
      });
      expect(await person.block()).toEqual({
        event: 'status',
        data: JSON.stringify({ status: 'live' }),
        retry: null,
      });
      const inboxEvent = await inbox.block();
      expect(inboxEvent?.event).toBe('conversation');
      expect(JSON.parse(inboxEvent!.data!)).toEqual({ id, status: 'live', seq });

      await t.app.inject({
        method: 'POST',
        url: `/api/v1/assistant/conversations/${id}/agent-messages`,
        headers: agent.headers,
        payload: { text: '您好，我来帮您。' },
      });
      expect(await person.block()).toEqual({
        event: 'message',
        data: JSON.stringify({ seq: seq + 1 }),
        retry: null,
      });
    } finally {
      await person.cancel();
      await inbox.cancel();
    }
  });

  it('a conversation bound to an account is not streamed to anyone else', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/conversations',
      headers: me.headers,
      payload: {},
    });
    const res = await fetch(`${base}/api/v1/assistant/conversations/${started.json().id}/stream`);
    expect(res.status).toBe(404);
    const agentsOnly = await fetch(`${base}/api/v1/assistant/live`, { headers: cookieOf(me) });
    expect(agentsOnly.status).toBe(403);
  });
});

describe('GET /api/v1/live', () => {
  it('tells staff about a change made by another request, internal notes included', async () => {
    const number = await newComplaint();
    await act(t, agent, number, 'transitions', { action: 'review' });
    const stream = await open(cookieOf(supervisor));
    try {
      const noted = await act(t, agent, number, 'notes', { text: '已电话联系' });
      expect(noted.statusCode).toBe(200);
      expect(await stream.change()).toEqual({
        number,
        version: noted.json().version,
        type: 'note',
      });
    } finally {
      await stream.cancel();
    }
  });

  it('tells a complainant only about the public changes of their own complaints', async () => {
    const mine = await newComplaint();
    const other = await loginComplainant(t, '13600136000');
    const stream = await open(cookieOf(me));
    try {
      // Someone else's complaint: filed, claimed and worked. None of it is ours to hear.
      const theirs = await newComplaint(other);
      await act(t, agent, theirs, 'replies', { text: '您好' });
      // Ours: an internal note (and the claim that comes with it) must not be heard either…
      await act(t, agent, mine, 'notes', { text: '内部：疑似重复投诉' });
      // …and the reply must be, as the very next event.
      const replied = await act(t, agent, mine, 'replies', { text: '您好，正在核实' });
      expect(await stream.change()).toEqual({
        number: mine,
        version: replied.json().version,
        type: 'reply',
      });
    } finally {
      await stream.cancel();
    }
  });

  it('tells a merchant only about public changes of cases passed to it', async () => {
    const passed = await newComplaint();
    const notPassed = await newComplaint();
    await t.database.pool.query(
      `UPDATE complaints SET merchant_phase = 'awaiting_reply',
         merchant_id = (SELECT merchant_id FROM users WHERE email = 'merchant@demo.redress.local')
       WHERE number = $1`,
      [passed],
    );
    const merchant = await loginAs(t.app, 'merchant');
    const stream = await open(cookieOf(merchant));
    try {
      await act(t, agent, notPassed, 'replies', { text: '您好' });
      await act(t, agent, passed, 'notes', { text: '商户态度消极' });
      const replied = await act(t, agent, passed, 'replies', { text: '已转商户处理' });
      expect(await stream.change()).toEqual({
        number: passed,
        version: replied.json().version,
        type: 'reply',
      });
    } finally {
      await stream.cancel();
    }
  });

  it('refuses callers who are not logged in, and a merchant token that is nobody’s merchant', async () => {
    const anonymous = await fetch(`${base}/api/v1/live`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe('unauthenticated');
    const admin = await loginAs(t.app, 'admin');
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'live-merchant', role: 'merchant' },
    });
    const token = await fetch(`${base}/api/v1/live`, {
      headers: { authorization: `Bearer ${made.json().token}` },
    });
    expect(token.status).toBe(403);
    expect(((await token.json()) as ErrorBody).error.code).toBe('forbidden');
  });

  it('keeps serving after a client goes away', async () => {
    const number = await newComplaint();
    const gone = await open(cookieOf(supervisor));
    await gone.cancel();
    const stream = await open(cookieOf(supervisor));
    try {
      const noted = await act(t, supervisor, number, 'notes', { text: '仍在' });
      expect((await stream.change()).version).toBe(noted.json().version);
    } finally {
      await stream.cancel();
    }
  });

  it('ends the streams when its database listener is lost, and listens again for the next', async () => {
    const number = await newComplaint();
    const stream = await open(cookieOf(supervisor));
    const listener = async () =>
      (
        await t.database.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
        )
      ).rows.map((r) => r.pid);
    const [before] = await listener();
    expect(before).toBeDefined();
    await t.database.pool.query('SELECT pg_terminate_backend($1)', [before]);
    // The browser would reconnect now and refetch what it shows.
    expect(await stream.block()).toBeNull();

    const again = await open(cookieOf(supervisor));
    try {
      expect(await listener()).not.toContain(before);
      const noted = await act(t, supervisor, number, 'notes', { text: '重连之后' });
      expect(await again.change()).toEqual({
        number,
        version: noted.json().version,
        type: 'note',
      });
    } finally {
      await again.cancel();
    }
  });

  it('does not hold up the server’s close', async () => {
    const stream = await open(cookieOf(supervisor));
    closed = true;
    await t.close();
    expect(await stream.block()).toBeNull();
  });
});
