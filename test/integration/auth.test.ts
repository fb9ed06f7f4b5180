import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_PHONE,
  loginAs,
  type TestApp,
} from '../helpers/app.js';

const clock = new FixedClock(new Date('2026-11-23T09:00:00+08:00'));

async function count(t: TestApp, table: string): Promise<number> {
  const r = await t.database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(r.rows[0]!.n);
}

describe('staff login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('logs in with email and password and sets an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ' Admin@Demo.Redress.Local ', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ role: 'admin', email: DEMO_LOGINS.admin });
    expect(body.permissions).toContain('users.manage');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'redress_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    // Only a hash of the cookie is stored.
    const stored = await t.database.pool.query('SELECT id FROM sessions WHERE id = $1', [
      cookie.value,
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    for (const payload of [
      { email: DEMO_LOGINS.agent, password: 'wrong-password' },
      { email: 'nobody@demo.redress.local', password: DEMO_PASSWORD },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'invalid_credentials', message: '邮箱或密码不正确' },
      });
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('does not let a complainant log in with a password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'user@demo.redress.local', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a disabled account after a correct password', async () => {
    await t.database.pool.query(`UPDATE users SET status = 'disabled' WHERE email = $1`, [
      DEMO_LOGINS.expert,
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email: DEMO_LOGINS.expert, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
    await t.database.pool.query(`UPDATE users SET status = 'active' WHERE email = $1`, [
      DEMO_LOGINS.expert,
    ]);
  });

  it('knows the caller via /me, and logout ends the session', async () => {
    const a = await loginAs(t.app, 'supervisor');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('supervisor');
    expect(me.json().csrfToken).toBe(a.csrf);

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: a.headers,
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
  });

  it('expires sessions after the configured lifetime', async () => {
    const a = await loginAs(t.app, 'agent');
    clock.advance((t.config.sessionTtlHours + 1) * 3600_000);
    const res = await t.app.inject({ url: '/api/v1/system/info', headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'session_expired',
      message: '登录已过期，请重新登录',
    });
  });

  it('requires the CSRF token on state-changing requests made with the cookie, and writes nothing without it', async () => {
    const a = await loginAs(t.app, 'admin');
    const before = await count(t, 'api_tokens');
    for (const headers of [{ cookie: a.cookie }, { cookie: a.cookie, 'x-csrf-token': 'forged' }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers,
        payload: { name: 'x', role: 'agent' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_invalid');
    }
    expect(await count(t, 'api_tokens')).toBe(before);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: a.headers,
      payload: { name: 'x', role: 'agent' },
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { loginRateLimitPerMinute: 3 } });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After once an address passes the limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: DEMO_LOGINS.admin, password: 'guess-' + i },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last!.json().error.code).toBe('rate_limited');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('complainant one-time codes', () => {
  let t: TestApp;
  const otpClock = new FixedClock(new Date('2026-11-23T10:00:00+08:00'));
  beforeAll(async () => {
    t = await buildTestApp({ clock: otpClock });
  });
  afterAll(async () => t.close());

  const request = (target: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { target } });
  const verify = (target: string, code: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { target, code } });

  it('sends a code to a phone and logs the existing complainant in with it', async () => {
    const res = await request('+86 138-0013-8000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      sent: true,
      channel: 'sms',
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    });
    const code = t.otp.last(DEMO_PHONE)!;
    expect(code).toMatch(/^\d{6}$/);
    const login = await verify(DEMO_PHONE, code);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({
      role: 'complainant',
      name: '张三',
      phone: '138****8000',
    });
    expect(login.json().permissions).toEqual(['portal.access', 'complaints.file']);
    // A code works once.
    expect((await verify(DEMO_PHONE, code)).statusCode).toBe(401);
  });

  it('creates the account on the first login by email', async () => {
    await request('New.Person@Example.com');
    const code = t.otp.last('new.person@example.com')!;
    const res = await verify('new.person@example.com', code);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'complainant', email: 'n***@example.com' });
    const row = await t.database.pool.query(
      `SELECT role FROM users WHERE email = 'new.person@example.com'`,
    );
    expect(row.rows).toEqual([{ role: 'complainant' }]);
  });

  it('lets a person resend only after 60 seconds', async () => {
    otpClock.advance(120_000);
    expect((await request('13900139000')).statusCode).toBe(200);
    const again = await request('13900139000');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBe(60);
    otpClock.advance(61_000);
    expect((await request('13900139000')).statusCode).toBe(200);
  });

  it('burns a code after 5 wrong guesses', async () => {
    otpClock.advance(120_000);
    await request('13700137000');
    const code = t.otp.last('13700137000')!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify('13700137000', wrong)).statusCode).toBe(401);
    expect((await verify('13700137000', code)).json().error.code).toBe('invalid_code');
  });

  it('rejects an expired code', async () => {
    otpClock.advance(120_000);
    await request('13600136000');
    const code = t.otp.last('13600136000')!;
    otpClock.advance(301_000);
    expect((await verify('13600136000', code)).statusCode).toBe(401);
  });

  it('sends nothing to a staff contact but answers the same way', async () => {
    const sentBefore = t.otp.sent.length;
    const res = await request(DEMO_LOGINS.agent);
    expect(res.statusCode).toBe(200);
    expect(res.json().channel).toBe('email');
    expect(t.otp.sent.length).toBe(sentBefore);
  });

  it('explains a target that is neither a phone nor an email, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/request',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { target: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Some fields are invalid; please check them',
        fields: { target: 'enter an 11-digit mobile number or an email address' },
      },
    });
  });
});

describe('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('creates a token shown once, stores only its hash, and stops accepting it once revoked', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'ci', role: 'supervisor' },
    });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^rdr_[\w-]{43}$/);
    expect(item).toMatchObject({
      name: 'ci',
      role: 'supervisor',
      prefix: token.slice(0, 10),
      revokedAt: null,
    });
    const stored = await t.database.pool.query('SELECT token_hash FROM api_tokens WHERE id = $1', [
      item.id,
    ]);
    expect(stored.rows[0].token_hash).not.toContain(token.slice(4));

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer })).statusCode).toBe(200);
    // A supervisor token may read users but not create them; no CSRF is needed for bearer calls.
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer,
      payload: { role: 'agent', name: 'x', email: 'x@example.com', password: 'long-enough-1' },
    });
    expect(refused.statusCode).toBe(403);

    const list = await t.app.inject({ url: '/api/v1/tokens', headers: { cookie: admin.cookie } });
    expect(
      list.json().items.find((i: { id: string }) => i.id === item.id).lastUsedAt,
    ).not.toBeNull();

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${item.id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/users', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
    expect(after.headers['www-authenticate']).toBe('Bearer');
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${item.id}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});
