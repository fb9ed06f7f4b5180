// The WeChat subscription-message sender against a real HTTP server playing api.weixin.qq.com:
// the token life cycle (cache, expiry, single flight, refresh-and-retry-once), the request body,
// value truncation, and how WeChat's errcodes become retry-later or give-up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  ChannelError,
  type WechatMessage,
} from '../../src/modules/notifications/channels/types.js';
import {
  fitWechatValue,
  wechatSubscribeSender,
  type WechatOptions,
} from '../../src/modules/notifications/channels/wechat.js';

const APP_ID = 'wx1234567890abcdef';
const APP_SECRET = 'sEcReT-0123456789abcdef0123456789';

/** The fake WeChat: issues T1, T2, … and accepts only tokens it still considers valid. */
const wx = {
  tokenFetches: [] as URLSearchParams[],
  sends: [] as { token: string; body: Record<string, unknown>; contentType: string }[],
  valid: new Set<string>(),
  tokenDelayMs: 0,
  tokenReply: null as null | (() => { status?: number; body: string }),
  sendReply: null as null | ((token: string) => { status?: number; body: string }),
  staleCode: 40001,
  /** Delays, in order, before answering successive stale-token sends (to interleave them). */
  staleDelaysMs: [] as number[],
  reset() {
    this.tokenFetches = [];
    this.sends = [];
    this.valid = new Set();
    this.tokenDelayMs = 0;
    this.tokenReply = null;
    this.sendReply = null;
    this.staleCode = 40001;
    this.staleDelaysMs = [];
  },
};

let server: http.Server;
let baseUrl: string;

function answer(res: http.ServerResponse, out: { status?: number; body: string }) {
  res.writeHead(out.status ?? 200, { 'Content-Type': 'application/json' });
  res.end(out.body);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
        wx.tokenFetches.push(url.searchParams);
        const token = `T${wx.tokenFetches.length}`;
        setTimeout(() => {
          if (wx.tokenReply) return answer(res, wx.tokenReply());
          wx.valid.add(token);
          answer(res, { body: JSON.stringify({ access_token: token, expires_in: 7200 }) });
        }, wx.tokenDelayMs);
        return;
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
        const token = url.searchParams.get('access_token') ?? '';
        wx.sends.push({
          token,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          contentType: req.headers['content-type'] ?? '',
        });
        if (!wx.valid.has(token)) {
          const body = JSON.stringify({ errcode: wx.staleCode, errmsg: 'invalid credential' });
          setTimeout(() => answer(res, { body }), wx.staleDelaysMs.shift() ?? 0);
          return;
        }
        if (wx.sendReply) return answer(res, wx.sendReply(token));
        return answer(res, {
          body: JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 3000000000 + wx.sends.length }),
        });
      }
      answer(res, { status: 404, body: '{}' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let clock: FixedClock;
beforeEach(() => {
  wx.reset();
  clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
});

function sender(extra: Partial<WechatOptions> = {}) {
  return wechatSubscribeSender({
    appId: APP_ID,
    appSecret: APP_SECRET,
    templates: {
      accepted: {
        templateId: 'tmpl-accepted',
        fields: { character_string1: 'number', thing2: 'summary', time3: 'acceptedAt' },
      },
      result: { templateId: 'tmpl-result', fields: { phrase1: 'outcome', name2: 'handler' } },
    },
    baseUrl,
    now: () => clock.now(),
    ...extra,
  });
}

function message(extra: Partial<WechatMessage> = {}): WechatMessage {
  return {
    openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    node: 'accepted',
    page: 'pages/track/index?no=TS20260301-0001',
    vars: { number: 'TS20260301-0001', summary: '快递丢失', acceptedAt: '2026-03-01 16:00' },
    idempotencyKey: 'outbox-7-wechat',
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ChannelError);
    return err as ChannelError;
  }
  throw new Error('expected the send to fail');
}

describe('wechatSubscribeSender: the request', () => {
  it('fetches a token with the app credentials and posts the subscription message', async () => {
    const r = await sender({ miniprogramState: 'formal' }).send(message());
    expect(r).toEqual({ providerMessageId: '3000000001' });

    expect(wx.tokenFetches).toHaveLength(1);
    const q = wx.tokenFetches[0]!;
    expect(q.get('grant_type')).toBe('client_credential');
    expect(q.get('appid')).toBe(APP_ID);
    expect(q.get('secret')).toBe(APP_SECRET);

    expect(wx.sends).toHaveLength(1);
    expect(wx.sends[0]!.token).toBe('T1');
    expect(wx.sends[0]!.contentType).toMatch(/^application\/json/);
    expect(wx.sends[0]!.body).toEqual({
      touser: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      template_id: 'tmpl-accepted',
      page: 'pages/track/index?no=TS20260301-0001',
      data: {
        character_string1: { value: 'TS20260301-0001' },
        thing2: { value: '快递丢失' },
        time3: { value: '2026-03-01 16:00' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it('leaves page and miniprogram_state out when there are none', async () => {
    await sender().send(message({ page: null }));
    expect(wx.sends[0]!.body).not.toHaveProperty('page');
    expect(wx.sends[0]!.body).not.toHaveProperty('miniprogram_state');
  });

  it('refuses, without any HTTP call, a node with no template or a missing variable', async () => {
    const noTemplate = await failure(sender().send(message({ node: 'materials_requested' })));
    expect(noTemplate.retryable).toBe(false);
    expect(noTemplate.message).toBe('no WeChat template configured for node materials_requested');
    const missing = await failure(sender().send(message({ vars: { number: 'TS1' } })));
    expect(missing.retryable).toBe(false);
    expect(missing.message).toContain('"summary"');
    expect(wx.tokenFetches).toHaveLength(0);
    expect(wx.sends).toHaveLength(0);
  });

  it('cuts thing values to 20 characters, counting a Chinese character as one', async () => {
    const long = '您于二零二六年三月一日提交的关于快递包裹在运输途中丢失的投诉'; // 30 characters
    await sender().send(message({ vars: { ...message().vars, summary: long } }));
    const sent = (wx.sends[0]!.body.data as Record<string, { value: string }>).thing2!.value;
    expect(Array.from(sent)).toHaveLength(20);
    expect(sent).toBe('您于二零二六年三月一日提交的关于快递包…');
    // Codes are not free text: cutting one would change what it says.
    const code = 'TS20260301-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(fitWechatValue('character_string1', code)).toBe(code);
  });

  it('fits each free-text type to its own limit and leaves short values alone', () => {
    expect(fitWechatValue('thing2', '快递丢失')).toBe('快递丢失');
    expect(fitWechatValue('thing12', 'a'.repeat(20))).toBe('a'.repeat(20));
    expect(fitWechatValue('thing12', 'a'.repeat(21))).toBe(`${'a'.repeat(19)}…`);
    expect(fitWechatValue('phrase1', '已办结并回访完成')).toBe('已办结并回');
    expect(fitWechatValue('name2', '欧阳一二三四五六七八九')).toBe('欧阳一二三四五六七八');
    // An emoji is one character to WeChat, two UTF-16 units to JavaScript.
    expect(Array.from(fitWechatValue('thing1', '😀'.repeat(25)))).toHaveLength(20);
  });
});

describe('wechatSubscribeSender: the access token', () => {
  it('reuses one token across sends until it nears expiry, then fetches a new one', async () => {
    const s = sender();
    await s.send(message());
    await s.send(message());
    expect(wx.tokenFetches).toHaveLength(1);

    // 7200 s lifetime less a 300 s margin: still cached just before 6900 s…
    clock.advance(6899_000);
    await s.send(message());
    expect(wx.tokenFetches).toHaveLength(1);
    // …and renewed once past it.
    clock.advance(2_000);
    await s.send(message());
    expect(wx.tokenFetches).toHaveLength(2);
    expect(wx.sends.map((x) => x.token)).toEqual(['T1', 'T1', 'T1', 'T2']);
  });

  it('makes concurrent sends share one token fetch', async () => {
    wx.tokenDelayMs = 80;
    const s = sender();
    const results = await Promise.all(Array.from({ length: 10 }, () => s.send(message())));
    expect(results).toHaveLength(10);
    expect(wx.tokenFetches).toHaveLength(1);
    expect(new Set(wx.sends.map((x) => x.token))).toEqual(new Set(['T1']));
  });

  it.each([40001, 42001, 40014])(
    'on errcode %i drops the token, fetches a new one and retries the send once',
    async (code) => {
      wx.staleCode = code;
      const s = sender();
      await s.send(message());
      wx.valid.delete('T1'); // someone else refreshed it, or WeChat expired it early
      const r = await s.send(message());
      expect(r.providerMessageId).not.toBeNull();
      expect(wx.tokenFetches).toHaveLength(2);
      expect(wx.sends.map((x) => x.token)).toEqual(['T1', 'T1', 'T2']);
      // And the new token is the cached one from now on.
      await s.send(message());
      expect(wx.tokenFetches).toHaveLength(2);
    },
  );

  it('retries only once: a token refused twice is a retryable failure, not a loop', async () => {
    wx.sendReply = () => ({
      body: JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }),
    });
    const err = await failure(sender().send(message()));
    expect(err.retryable).toBe(true);
    expect(err.providerCode).toBe('40001');
    expect(wx.sends).toHaveLength(2);
    expect(wx.tokenFetches).toHaveLength(2);
  });

  it('makes concurrent sends that all hit a stale token share one refresh', async () => {
    const s = sender();
    await s.send(message());
    wx.valid.delete('T1');
    wx.tokenDelayMs = 50;
    await Promise.all(Array.from({ length: 8 }, () => s.send(message())));
    expect(wx.tokenFetches).toHaveLength(2);
    expect(wx.sends.filter((x) => x.token === 'T2')).toHaveLength(8);
  });

  it('keeps a token another sender just fetched when a late stale answer arrives', async () => {
    const s = sender();
    await s.send(message());
    wx.valid.delete('T1');
    // Both go out with T1; the first learns it is stale at once and refreshes to T2, the
    // second only after that. It must retry with T2, not throw T2 away and fetch T3.
    wx.staleDelaysMs = [0, 150];
    await Promise.all([s.send(message()), s.send(message())]);
    expect(wx.tokenFetches).toHaveLength(2);
    expect(wx.sends.map((x) => x.token).sort()).toEqual(['T1', 'T1', 'T1', 'T2', 'T2']);
  });

  it('reports a refused token request without the secret, as final for bad credentials', async () => {
    wx.tokenReply = () => ({
      body: JSON.stringify({ errcode: 40125, errmsg: `invalid appsecret ${APP_SECRET} rid: 2` }),
    });
    const err = await failure(sender().send(message()));
    expect(err.retryable).toBe(false);
    expect(err.providerCode).toBe('40125');
    expect(err.message).not.toContain(APP_SECRET);
    expect(wx.sends).toHaveLength(0);

    wx.tokenReply = () => ({ body: JSON.stringify({ errcode: -1, errmsg: 'system error' }) });
    expect((await failure(sender().send(message()))).retryable).toBe(true);
  });
});

describe('wechatSubscribeSender: sorting the answers', () => {
  const cases: [number, boolean][] = [
    [43101, false], // the user refused, or has used up, the subscription
    [40003, false], // invalid openid
    [47003, false], // template data does not fit the template
    [40037, false], // invalid template_id
    [-1, true], // system busy
    [45009, true], // daily call quota
  ];

  it.each(cases)('errcode %i → retryable %s', async (code, retryable) => {
    wx.sendReply = () => ({ body: JSON.stringify({ errcode: code, errmsg: `msg ${code}` }) });
    const err = await failure(sender().send(message()));
    expect(err.retryable).toBe(retryable);
    expect(err.providerCode).toBe(String(code));
    expect(wx.sends).toHaveLength(1); // only a stale token earns a second attempt
  });

  it('treats HTTP 5xx as retryable', async () => {
    wx.sendReply = () => ({ status: 503, body: 'busy' });
    const err = await failure(sender().send(message()));
    expect(err.retryable).toBe(true);
    expect(err.providerCode).toBe('http_503');
  });

  it('treats a network failure as retryable and names neither the secret nor the token', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure(sender({ baseUrl: `http://127.0.0.1:${port}` }).send(message()));
    expect(err.retryable).toBe(true);
    expect(err.message).not.toContain(APP_SECRET);
  });

  it('never puts the token in an error message', async () => {
    wx.sendReply = (token) => ({
      body: JSON.stringify({ errcode: 47003, errmsg: `argument invalid! token ${token}` }),
    });
    const err = await failure(sender().send(message()));
    expect(err.message).not.toContain('T1');
  });
});
