// Every API route, called as every kind of caller: each role gets exactly what it may do and is
// refused the rest. The table must list every route in the OpenAPI document, so a new route
// cannot be added without saying who may call it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type Role, type StaffRole } from '../../src/shared/roles.js';
import { buildTestApp, loginAs, loginComplainant, type TestApp } from '../helpers/app.js';

type Caller = 'anonymous' | Role | `token:${StaffRole}`;
const STAFF: Role[] = [...STAFF_ROLES];
const ALL_USERS: Role[] = ['complainant', ...STAFF];

interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** Path as OpenAPI names it. */
  path: string;
  payload?: () => object;
  allowed: Role[] | 'everyone';
  /** The status an allowed caller gets; 200 unless stated. */
  ok?: number;
  /** Bearer tokens act as their role unless the route is only for browser sessions. */
  tokens?: boolean;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', path: '/api/health', allowed: 'everyone' },
  { method: 'GET', url: '/api/v1/catalog', path: '/api/v1/catalog', allowed: 'everyone' },
  {
    method: 'GET',
    url: '/api/v1/auth/me',
    path: '/api/v1/auth/me',
    allowed: ALL_USERS,
    tokens: false,
  },
  {
    method: 'POST',
    url: '/api/v1/auth/logout',
    path: '/api/v1/auth/logout',
    allowed: ALL_USERS,
    ok: 204,
  },
  { method: 'GET', url: '/api/v1/system/info', path: '/api/v1/system/info', allowed: STAFF },
  { method: 'GET', url: '/api/v1/users', path: '/api/v1/users', allowed: ['supervisor', 'admin'] },
  {
    method: 'POST',
    url: '/api/v1/users',
    path: '/api/v1/users',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({
      role: 'agent',
      name: '新客服',
      email: `${randomUUID()}@example.com`,
      password: 'long-enough-pw',
    }),
  },
  {
    method: 'GET',
    url: '/api/v1/merchants',
    path: '/api/v1/merchants',
    allowed: ['supervisor', 'admin'],
  },
  { method: 'GET', url: '/api/v1/tokens', path: '/api/v1/tokens', allowed: ['admin'] },
  {
    method: 'POST',
    url: '/api/v1/tokens',
    path: '/api/v1/tokens',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({ name: 'perm-test', role: 'agent' }),
  },
  {
    method: 'DELETE',
    url: `/api/v1/tokens/${randomUUID()}`,
    path: '/api/v1/tokens/{id}',
    allowed: ['admin'],
    // The token does not exist: being allowed to try means getting past the guard to a 404.
    ok: 404,
  },
];

// Login endpoints are public by nature and have their own tests.
const PUBLIC_LOGIN = ['/api/v1/auth/login', '/api/v1/auth/otp/request', '/api/v1/auth/otp/verify'];

describe('permissions for every route and caller', () => {
  let t: TestApp;
  const tokens = new Map<StaffRole, string>();

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await loginAs(t.app, 'admin');
    for (const role of STAFF_ROLES) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin.headers,
        payload: { name: `matrix-${role}`, role },
      });
      tokens.set(role, res.json().token);
    }
  });
  afterAll(async () => t.close());

  it('the table covers every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set([
      ...ROUTES.map((r) => `${r.method} ${r.path}`),
      ...PUBLIC_LOGIN.map((p) => `POST ${p}`),
    ]);
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
  });

  const callers: Caller[] = [
    'anonymous',
    ...ALL_USERS,
    ...STAFF_ROLES.map((r) => `token:${r}` as const),
  ];

  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    if (caller === 'anonymous') return {};
    if (caller.startsWith('token:'))
      return { authorization: `Bearer ${tokens.get(caller.slice(6) as StaffRole)}` };
    // A fresh session per call, so logging out in one case does not affect another.
    return caller === 'complainant'
      ? (await loginComplainantFresh()).headers
      : (await loginAs(t.app, caller as Role)).headers;
  }

  let otpPhone = 13500000000;
  async function loginComplainantFresh() {
    // Each login uses a new number: codes can be resent to one number only once a minute.
    otpPhone += 1;
    return loginComplainant(t, String(otpPhone));
  }

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, 'allowed' | 401 | 403> = {};
      for (const caller of callers) {
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          headers: await headersFor(caller),
          ...(route.payload ? { payload: route.payload() } : {}),
        });
        const role = caller === 'anonymous' ? null : (caller.replace('token:', '') as Role);
        const isToken = caller.startsWith('token:');
        const allowed =
          route.allowed === 'everyone' ||
          (role !== null && route.allowed.includes(role) && !(isToken && route.tokens === false));
        expected[caller] = allowed ? 'allowed' : caller === 'anonymous' ? 401 : 403;
        outcomes[caller] = res.statusCode;
        if (!allowed) {
          expect(res.json().error.code, `${caller} → ${route.method} ${route.url}`).toBe(
            caller === 'anonymous' ? 'unauthenticated' : 'forbidden',
          );
        }
      }
      const actual = Object.fromEntries(
        Object.entries(outcomes).map(([c, s]) => [c, s === 401 || s === 403 ? s : 'allowed']),
      );
      expect(actual).toEqual(expected);
      // Allowed calls succeed for real, not just "not refused".
      for (const [c, s] of Object.entries(outcomes)) {
        if (expected[c] === 'allowed') expect(s, `${c} got ${s}`).toBe(route.ok ?? 200);
      }
    });
  }
});
