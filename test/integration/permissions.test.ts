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
const WORKERS: Role[] = ['agent', 'expert', 'supervisor'];
/** Complainants (their own complaints) and staff who may read every complaint. */
const READERS: Role[] = ['complainant', ...WORKERS, 'admin'];
/** The matrix's complainants are never the owner of the shared complaint: 404 for them. */
const notOwner = (status: number) => (role: Role) => (role === 'complainant' ? 404 : status);
const shared = { number: '' };

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A function when the URL needs data made in beforeAll (a complaint number). */
  url: string | (() => string);
  /** Path as OpenAPI names it. */
  path: string;
  payload?: () => object;
  allowed: Role[] | 'everyone';
  /** The status an allowed caller gets; 200 unless stated (per role where it differs). */
  ok?: number | ((role: Role) => number);
  /** Bearer tokens act as their role unless the route is only for browser sessions. */
  tokens?: boolean;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', path: '/api/health', allowed: 'everyone' },
  { method: 'GET', url: '/api/v1/catalog', path: '/api/v1/catalog', allowed: 'everyone' },
  // Catalogue: staff read it whole, admins edit it, anyone may ask for a type suggestion.
  {
    method: 'GET',
    url: `/api/v1/catalog/suggest?q=${encodeURIComponent('快递丢了')}`,
    path: '/api/v1/catalog/suggest',
    allowed: 'everyone',
  },
  {
    method: 'GET',
    url: '/api/v1/catalog/admin',
    path: '/api/v1/catalog/admin',
    allowed: ['agent', 'expert', 'supervisor', 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/catalog/categories',
    path: '/api/v1/catalog/categories',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({
      code: `perm_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      name: { zh: '权限测试', en: 'Permission test' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/v1/catalog/categories/cs_quality',
    path: '/api/v1/catalog/categories/{code}',
    allowed: ['admin'],
    payload: () => ({ sortOrder: 5 }),
  },
  {
    method: 'POST',
    url: '/api/v1/catalog/types',
    path: '/api/v1/catalog/types',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({
      code: `perm_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      categoryCode: 'cs_quality',
      name: { zh: '权限测试', en: 'Permission test' },
      priority: 'green',
    }),
  },
  {
    method: 'PATCH',
    url: '/api/v1/catalog/types/agent_handling',
    path: '/api/v1/catalog/types/{code}',
    allowed: ['admin'],
    payload: () => ({ sortOrder: 0 }),
  },
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
  // Complaints, on one complaint filed by the demo complainant in beforeAll. Callers who pass the
  // guard but may not act on this complaint in its state get the use-case's own answer (404 for
  // someone else's complaint, 409 for a move its stage does not allow), as with tokens above.
  {
    method: 'POST',
    url: '/api/v1/complaints',
    path: '/api/v1/complaints',
    allowed: ['complainant', 'agent', 'expert', 'supervisor', 'admin'],
    // Staff must name the person; a complainant may not (400 staff_only).
    ok: (role) => (role === 'complainant' ? 400 : 201),
    payload: () => ({
      type: 'parcel_lost',
      description: '快递显示已签收但没有收到',
      demand: '退款',
      fields: {
        waybill_number: `SF${Date.now()}${Math.floor(Math.random() * 1e4)}`,
        carrier: '顺丰',
      },
      complainant: {
        name: '权限测试',
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      },
    }),
  },
  { method: 'GET', url: '/api/v1/complaints', path: '/api/v1/complaints', allowed: READERS },
  {
    method: 'POST',
    url: '/api/v1/complaints/track',
    path: '/api/v1/complaints/track',
    allowed: 'everyone',
    payload: () => ({ number: shared.number, contact: '13800138000' }),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}`,
    path: '/api/v1/complaints/{number}',
    allowed: READERS,
    ok: notOwner(200),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/transitions`,
    path: '/api/v1/complaints/{number}/transitions',
    allowed: WORKERS,
    ok: 409, // closing an accepted complaint is not a move its stage allows
    payload: () => ({ action: 'close' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/material-requests`,
    path: '/api/v1/complaints/{number}/material-requests',
    allowed: WORKERS,
    ok: 409,
    payload: () => ({ items: ['面单照片'] }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/materials`,
    path: '/api/v1/complaints/{number}/materials',
    allowed: ['complainant', ...WORKERS],
    ok: notOwner(409),
    payload: () => ({ note: '补充说明' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/appeal`,
    path: '/api/v1/complaints/{number}/appeal',
    allowed: ['complainant'],
    ok: 404,
    payload: () => ({ reason: '不服' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/rating`,
    path: '/api/v1/complaints/{number}/rating',
    allowed: ['complainant'],
    ok: 404,
    payload: () => ({ score: 5 }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/evidence`,
    path: '/api/v1/complaints/{number}/evidence',
    allowed: ['complainant', ...WORKERS],
    ok: notOwner(415), // allowed staff reach the upload, which wants multipart, not JSON
    payload: () => ({}),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence`,
    path: '/api/v1/complaints/{number}/evidence',
    allowed: READERS,
    ok: notOwner(200),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence/1/file`,
    path: '/api/v1/complaints/{number}/evidence/{seq}/file',
    allowed: READERS,
    ok: 404, // no evidence yet
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence/verify`,
    path: '/api/v1/complaints/{number}/evidence/verify',
    allowed: READERS,
    ok: notOwner(200),
  },
];

// Login endpoints are public by nature and have their own tests.
const PUBLIC_LOGIN = ['/api/v1/auth/login', '/api/v1/auth/otp/request', '/api/v1/auth/otp/verify'];

describe('permissions for every route and caller', () => {
  let t: TestApp;
  const tokens = new Map<StaffRole, string>();

  beforeAll(async () => {
    t = await buildTestApp({ config: { filingLimitPerHour: 1000, filingLimitPerIpPerHour: 1000 } });
    const owner = await loginComplainant(t);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: owner.headers,
      payload: {
        type: 'parcel_lost',
        description: '权限矩阵共用的投诉',
        demand: '退款',
        fields: { waybill_number: 'SF9999999999', carrier: '顺丰' },
      },
    });
    shared.number = filed.json().complaint.number;
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
          url: typeof route.url === 'function' ? route.url() : route.url,
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
        if (expected[c] !== 'allowed') continue;
        const role = c.replace('token:', '') as Role;
        const ok = typeof route.ok === 'function' ? route.ok(role) : (route.ok ?? 200);
        expect(s, `${c} got ${s}`).toBe(ok);
      }
    });
  }
});
