// The Tencent SMS adapter against a real HTTP server standing in for sms.tencentcloudapi.com:
// what goes over the wire (signed the way the provider checks it) and how each answer is sorted
// into retry-later or give-up for the outbox.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MemorySmsProvider,
  logSmsProvider,
} from '../../src/modules/notifications/channels/dev-sms.js';
import { signTc3 } from '../../src/modules/notifications/channels/tc3.js';
import {
  tencentErrorRetryable,
  tencentSmsProvider,
  type TencentSmsOptions,
} from '../../src/modules/notifications/channels/tencent-sms.js';
import { ChannelError, type SmsMessage } from '../../src/modules/notifications/channels/types.js';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = { status?: number; body: string } | 'hang';

const received: Received[] = [];
let reply: (req: Received) => Reply = () => ({ body: '{}' });
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      const out = reply(r);
      if (out === 'hang') return; // never answers: the client's timeout must fire
      res.writeHead(out.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  received.length = 0;
  reply = () => ({ body: '{}' });
});

const NOW = new Date('2026-03-01T02:03:04Z');
const PHONE = '13800138000';

function provider(extra: Partial<TencentSmsOptions> = {}) {
  return tencentSmsProvider({
    secretId: 'AKIDtestid',
    secretKey: 'test-secret-key',
    sdkAppId: '1400000001',
    signName: '投诉服务',
    region: 'ap-guangzhou',
    templates: {
      accepted: { templateId: '1000001', params: ['number', 'deadline', 'link'] },
      result: { templateId: '1000002', params: ['number'] },
    },
    endpoint,
    now: () => NOW,
    ...extra,
  });
}

function message(extra: Partial<SmsMessage> = {}): SmsMessage {
  return {
    to: PHONE,
    node: 'accepted',
    text: '您的投诉 TS20260301-0001 已受理……',
    // Deliberately not in template order: the adapter must follow the template's order.
    vars: { link: 'https://r.example/t/abc', number: 'TS20260301-0001', deadline: '3月4日' },
    idempotencyKey: 'outbox-42-sms',
    ...extra,
  };
}

const ok = (serial = '2433:338129211716512112') =>
  JSON.stringify({
    Response: {
      SendStatusSet: [
        {
          SerialNo: serial,
          PhoneNumber: `+86${PHONE}`,
          Fee: 1,
          SessionContext: 'outbox-42-sms',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        },
      ],
      RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
    },
  });

const apiError = (code: string, message = 'something went wrong') =>
  JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: 'rid-1' } });

const statusError = (code: string, message: string) =>
  JSON.stringify({
    Response: {
      SendStatusSet: [{ SerialNo: '', PhoneNumber: `+86${PHONE}`, Code: code, Message: message }],
      RequestId: 'rid-2',
    },
  });

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ChannelError);
    return err as ChannelError;
  }
  throw new Error('expected the send to fail');
}

describe('tencentSmsProvider: the request', () => {
  it('sends one signed SendSms call that the provider would accept', async () => {
    reply = () => ({ body: ok() });
    const r = await provider().send(message());
    expect(r).toEqual({ providerMessageId: '2433:338129211716512112' });

    expect(received).toHaveLength(1);
    const req = received[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/');
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req.headers['x-tc-action']).toBe('SendSms');
    expect(req.headers['x-tc-version']).toBe('2021-01-11');
    expect(req.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(req.headers['x-tc-timestamp']).toBe(String(NOW.getTime() / 1000));

    // Re-sign what actually arrived (Host header, body bytes, timestamp) as the provider does.
    const expected = signTc3({
      secretId: 'AKIDtestid',
      secretKey: 'test-secret-key',
      service: 'sms',
      host: req.headers.host!,
      action: 'SendSms',
      version: '2021-01-11',
      timestamp: Number(req.headers['x-tc-timestamp']),
      payload: req.body,
    });
    expect(req.headers.authorization).toBe(expected.authorization);
    expect(req.headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDtestid\/2026-03-01\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );

    expect(JSON.parse(req.body)).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: '投诉服务',
      TemplateId: '1000001',
      TemplateParamSet: ['TS20260301-0001', '3月4日', 'https://r.example/t/abc'],
      SessionContext: 'outbox-42-sms',
    });
  });

  it('signs with a key the server can tell apart: a wrong secret would not verify', async () => {
    reply = () => ({ body: ok() });
    await provider({ secretKey: 'another-key' }).send(message());
    const req = received[0]!;
    const withConfiguredKey = signTc3({
      secretId: 'AKIDtestid',
      secretKey: 'test-secret-key',
      service: 'sms',
      host: req.headers.host!,
      action: 'SendSms',
      version: '2021-01-11',
      timestamp: Number(req.headers['x-tc-timestamp']),
      payload: req.body,
    });
    expect(req.headers.authorization).not.toBe(withConfiguredKey.authorization);
  });

  it('refuses, without calling the provider, a node with no template', async () => {
    const err = await failure(provider().send(message({ node: 'materials_requested' })));
    expect(err.retryable).toBe(false);
    expect(err.message).toBe('no SMS template configured for node materials_requested');
    expect(received).toHaveLength(0);
  });

  it('refuses a message missing one of the template variables', async () => {
    const err = await failure(provider().send(message({ vars: { number: 'TS1' } })));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('"deadline"');
    expect(received).toHaveLength(0);
  });

  it('refuses a number that is not a mainland mobile, masked in the message', async () => {
    const err = await failure(provider().send(message({ to: '2380013800' })));
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain('2380013800');
    expect(received).toHaveLength(0);
  });
});

describe('tencentSmsProvider: sorting the answers', () => {
  const errorCases: [string, boolean][] = [
    ['InternalError', true],
    ['InternalError.Timeout', true],
    ['InternalError.OtherError', true],
    ['RequestLimitExceeded', true],
    ['RequestLimitExceeded.UinLimitExceeded', true],
    ['LimitExceeded.DeliveryFrequencyLimit', true],
    ['ServiceUnavailable', true],
    ['InternalError.SigVerificationFail', false],
    ['AuthFailure.SignatureFailure', false],
    ['InvalidParameter', false],
    ['InvalidParameterValue.IncorrectPhoneNumber', false],
    ['InvalidParameterValue.TemplateParameterFormatError', false],
    ['FailedOperation.TemplateIncorrectOrUnapproved', false],
    ['FailedOperation.SignatureIncorrectOrUnapproved', false],
    ['UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber', false],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', false],
    ['RequestSizeLimitExceeded', false],
  ];

  it.each(errorCases)('Response.Error %s → retryable %s', async (code, retryable) => {
    reply = () => ({ body: apiError(code) });
    const err = await failure(provider().send(message()));
    expect(err.retryable).toBe(retryable);
    expect(err.providerCode).toBe(code);
    expect(err.message).toContain(code);
    expect(tencentErrorRetryable(code)).toBe(retryable);
  });

  const statusCases: [string, boolean][] = [
    ['LimitExceeded.PhoneNumberDailyLimit', true],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', true],
    ['FailedOperation.PhoneNumberInBlacklist', false],
    ['InvalidParameterValue.IncorrectPhoneNumber', false],
    ['FailedOperation.TemplateIncorrectOrUnapproved', false],
    ['InternalError.Timeout', false],
  ];

  it.each(statusCases)('SendStatusSet[0].Code %s → retryable %s', async (code, retryable) => {
    // Providers quote the number back; it must not survive into our error in clear.
    reply = () => ({ body: statusError(code, `number +86${PHONE} (${PHONE}) failed`) });
    const err = await failure(provider().send(message()));
    expect(err.retryable).toBe(retryable);
    expect(err.providerCode).toBe(code);
    expect(err.message).not.toContain(PHONE);
    expect(err.message).toContain('138****8000');
  });

  it('masks the number in a whole-request error message too', async () => {
    reply = () => ({
      body: apiError('InvalidParameterValue.IncorrectPhoneNumber', `bad ${PHONE}`),
    });
    const err = await failure(provider().send(message()));
    expect(err.message).not.toContain(PHONE);
  });

  it('treats an HTTP error from a gateway as retryable', async () => {
    reply = () => ({ status: 502, body: '<html>bad gateway</html>' });
    const err = await failure(provider().send(message()));
    expect(err.retryable).toBe(true);
    expect(err.providerCode).toBe('http_502');
  });

  it('treats an answer that is not JSON, or has no status, as retryable', async () => {
    reply = () => ({ body: 'not json' });
    expect((await failure(provider().send(message()))).retryable).toBe(true);
    reply = () => ({ body: JSON.stringify({ Response: { RequestId: 'x' } }) });
    expect((await failure(provider().send(message()))).retryable).toBe(true);
  });

  it('treats a server that never answers as retryable, after the timeout', async () => {
    reply = () => 'hang';
    const err = await failure(provider({ timeoutMs: 150 }).send(message()));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/unreachable/);
  });

  it('treats a refused connection as retryable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure(provider({ endpoint: `http://127.0.0.1:${port}` }).send(message()));
    expect(err.retryable).toBe(true);
    expect(err.message).not.toContain(PHONE);
  });
});

describe('development SMS providers', () => {
  it('logSmsProvider logs the text at info with the number masked', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const p = logSmsProvider({ info: (obj, msg) => lines.push({ obj: { ...obj }, msg }) });
    expect(await p.send(message())).toEqual({ providerMessageId: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.obj.to).toBe('138****8000');
    expect(lines[0]!.msg).toContain('您的投诉 TS20260301-0001 已受理');
    expect(JSON.stringify(lines)).not.toContain(PHONE);
  });

  it('MemorySmsProvider keeps what it sent and can be told to fail', async () => {
    const p = new MemorySmsProvider();
    await p.send(message());
    await p.send(message({ to: '13900139000', idempotencyKey: 'k2' }));
    expect(p.sent.map((m) => m.idempotencyKey)).toEqual(['outbox-42-sms', 'k2']);
    expect(p.last(PHONE)?.idempotencyKey).toBe('outbox-42-sms');
    p.failNext(new ChannelError('boom', true));
    await expect(p.send(message())).rejects.toMatchObject({ retryable: true });
    expect(p.sent).toHaveLength(2);
  });
});
