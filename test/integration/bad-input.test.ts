// Bad input gets the documented error shape and status, never a stack trace, and writes nothing.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { wrapPool } from '../../src/server/db/client.js';
import { buildTestApp, loginAs, type AuthedClient, type TestApp } from '../helpers/app.js';

const ERROR_SHAPE = {
  error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
};

describe('bad input', () => {
  let t: TestApp;
  let admin: AuthedClient;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp({ config: { bodyLimitBytes: 4096 } });
    admin = await loginAs(t.app, 'admin');
    snapshot = async () => {
      const r = await t.database.pool.query(
        `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM api_tokens) AS tokens,
                (SELECT max(updated_at) FROM users) AS changed`,
      );
      return JSON.stringify(r.rows[0]);
    };
  });
  afterAll(async () => t.close());

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...admin.headers, ...headers },
      payload: body,
    });

  const cases: {
    name: string;
    run: () => ReturnType<typeof post>;
    status: number;
    code: string;
    fields?: object;
  }[] = [
    {
      name: 'malformed JSON',
      run: () => post('/api/v1/users', '{"role": "agent",'),
      status: 400,
      code: 'malformed_json',
    },
    {
      name: 'empty JSON body',
      run: () => post('/api/v1/users', ''),
      status: 400,
      code: 'malformed_json',
    },
    {
      name: 'wrong types',
      run: () =>
        post(
          '/api/v1/users',
          JSON.stringify({ role: 'agent', name: 42, email: ['a'], password: true }),
        ),
      status: 400,
      code: 'validation_failed',
      fields: { name: '类型不正确', email: '类型不正确', password: '类型不正确' },
    },
    {
      name: 'unknown field',
      run: () =>
        post(
          '/api/v1/users',
          JSON.stringify({
            role: 'agent',
            name: 'a',
            email: 'a@b.cn',
            password: 'long-enough-1',
            isAdmin: true,
          }),
        ),
      status: 400,
      code: 'validation_failed',
      fields: { isAdmin: '不允许的字段' },
    },
    {
      name: 'missing fields and a bad enum',
      run: () => post('/api/v1/users', JSON.stringify({ role: 'root' })),
      status: 400,
      code: 'validation_failed',
      fields: { role: '取值不在允许范围内', name: '必填', email: '必填', password: '必填' },
    },
    {
      name: 'a complainant role through the staff endpoint',
      run: () =>
        post(
          '/api/v1/users',
          JSON.stringify({
            role: 'complainant',
            name: 'a',
            email: 'c@b.cn',
            password: 'long-enough-1',
          }),
        ),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'oversized body',
      run: () =>
        post('/api/v1/tokens', JSON.stringify({ name: 'x'.repeat(10_000), role: 'agent' })),
      status: 413,
      code: 'payload_too_large',
    },
    {
      name: 'unsupported content type',
      run: () =>
        post('/api/v1/tokens', 'name=x&role=agent', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'bad bearer token',
      run: () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: { authorization: 'Bearer rdr_forged' },
          payload: { name: 'x', role: 'agent' },
        }),
      status: 401,
      code: 'invalid_token',
    },
    {
      name: 'malformed authorization header',
      run: () =>
        t.app.inject({
          url: '/api/v1/users',
          headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
        }),
      status: 401,
      code: 'invalid_token',
    },
    {
      name: 'unknown session cookie',
      run: () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: { cookie: 'redress_session=stale' },
          payload: { name: 'x', role: 'agent' },
        }),
      status: 401,
      code: 'session_expired',
    },
    {
      name: 'bad query parameter',
      run: () =>
        t.app.inject({ url: '/api/v1/users?pageSize=5000&role=boss', headers: admin.headers }),
      status: 400,
      code: 'validation_failed',
      fields: { pageSize: '超出允许范围', role: '取值不在允许范围内' },
    },
    {
      name: 'bad path parameter',
      run: () =>
        t.app.inject({
          method: 'DELETE',
          url: '/api/v1/tokens/not-a-uuid',
          headers: admin.headers,
        }),
      status: 400,
      code: 'validation_failed',
      fields: { id: '格式不正确' },
    },
    {
      name: 'short password and a merchant without merchant',
      run: () =>
        post(
          '/api/v1/users',
          JSON.stringify({ role: 'merchant', name: '店', email: 'shop@b.cn', password: 'short' }),
        ),
      status: 400,
      code: 'validation_failed',
      fields: { password: '密码至少 10 个字符', merchantId: '商户账号必须关联商户' },
    },
    {
      name: 'email already in use',
      run: () =>
        post(
          '/api/v1/users',
          JSON.stringify({
            role: 'agent',
            name: 'a',
            email: 'AGENT@demo.redress.local',
            password: 'long-enough-1',
          }),
        ),
      status: 409,
      code: 'email_taken',
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}, nothing written`, async () => {
      const before = await snapshot();
      const res = await c.run();
      expect(res.statusCode).toBe(c.status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(body).toEqual(ERROR_SHAPE);
      expect(body.error.code).toBe(c.code);
      if (c.fields) expect(body.error.fields).toEqual(c.fields);
      expect(res.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      expect(await snapshot()).toBe(before);
    });
  }

  it('answers in English when asked', async () => {
    const res = await post('/api/v1/users', JSON.stringify({ role: 'agent' }), {
      'accept-language': 'en',
    });
    expect(res.json().error).toEqual({
      code: 'validation_failed',
      message: 'Some fields are invalid; please check them',
      fields: { name: 'is required', email: 'is required', password: 'is required' },
    });
  });

  it('answers unknown API paths with route_not_found', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});

describe('server errors', () => {
  it('hide internals behind a generic message', async () => {
    const dead = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 300 });
    dead.on('error', () => undefined);
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: { pool: dead, db: wrapPool(dead), kind: 'external' },
    });
    const res = await app.inject({ url: '/api/v1/catalog', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'Internal server error; please try again later' },
    });
    expect(res.body).not.toContain('ECONNREFUSED');
    await app.close();
    await dead.end();
  });
});
