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
/** Merchants reach a complaint too, and find only the cases passed to their merchant. */
const VIEWERS: Role[] = [...READERS, 'merchant'];
const KB_READERS: Role[] = [...WORKERS, 'admin'];
const KB_EDITORS: Role[] = ['supervisor', 'admin'];
/**
 * The matrix's complainants never own the shared complaint and the demo merchant was never passed
 * it: 404 for them.
 */
const notOwner = (status: number) => (role: Role) =>
  role === 'complainant' || role === 'merchant' ? 404 : status;
/** The shared complaint is held by the demo agent, so an expert who is not a supervisor is refused. */
const notHolder = (status: number) => (role: Role, caller: Caller) =>
  caller === 'expert' ? 403 : status;
const shared = { number: '' };
/** Well-formed but unknown ids: an allowed caller reaches the handler and gets its 404. */
const UNKNOWN_NUMBER = 'TS20200101-999999-2';
const UNKNOWN_COLLECTIVE = 'JT20200101-0001';
const NO_ID = '00000000-0000-4000-8000-000000000000';

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A function when the URL needs data made in beforeAll (a complaint number). */
  url: string | (() => string);
  /** Path as OpenAPI names it. */
  path: string;
  payload?: () => object;
  allowed: Role[] | 'everyone';
  /** The status an allowed caller gets; 200 unless stated (per role where it differs). */
  ok?: number | ((role: Role, caller: Caller) => number);
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
    allowed: VIEWERS,
    ok: notOwner(200),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/transitions`,
    path: '/api/v1/complaints/{number}/transitions',
    allowed: WORKERS,
    ok: notHolder(409), // closing an accepted complaint is not a move its stage allows
    payload: () => ({ action: 'close' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/material-requests`,
    path: '/api/v1/complaints/{number}/material-requests',
    allowed: WORKERS,
    ok: notHolder(409),
    payload: () => ({ items: ['面单照片'] }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/materials`,
    path: '/api/v1/complaints/{number}/materials',
    allowed: ['complainant', ...WORKERS, 'merchant'],
    ok: (role, caller) => notOwner(notHolder(409)(role, caller))(role),
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
    allowed: ['complainant', ...WORKERS, 'merchant'],
    ok: (role, caller) => notOwner(notHolder(415)(role, caller))(role), // allowed staff reach the upload, which wants multipart, not JSON
    payload: () => ({}),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence`,
    path: '/api/v1/complaints/{number}/evidence',
    allowed: VIEWERS,
    ok: notOwner(200),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence/1/file`,
    path: '/api/v1/complaints/{number}/evidence/{seq}/file',
    allowed: VIEWERS,
    ok: 404, // no evidence yet
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/evidence/verify`,
    path: '/api/v1/complaints/{number}/evidence/verify',
    allowed: VIEWERS,
    ok: notOwner(200),
  },
  // Stage 3 — routing: teams, people, rules and queues.
  {
    method: 'GET',
    url: '/api/v1/teams',
    path: '/api/v1/teams',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/teams',
    path: '/api/v1/teams',
    allowed: ['supervisor', 'admin'],
    ok: 201,
    payload: () => ({
      code: `t${randomUUID().replace(/-/g, '').slice(0, 10)}`,
      name: { zh: '权限组', en: 'Permission team' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/v1/teams/no_such_team',
    path: '/api/v1/teams/{code}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ enabled: true }),
  },
  {
    method: 'PUT',
    url: '/api/v1/teams/no_such_team/members',
    path: '/api/v1/teams/{code}/members',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ userIds: [] }),
  },
  {
    method: 'GET',
    url: '/api/v1/audit',
    path: '/api/v1/audit',
    allowed: ['supervisor', 'admin'],
  },
  {
    method: 'GET',
    url: '/api/v1/agents',
    path: '/api/v1/agents',
    allowed: ['supervisor', 'admin'],
  },
  {
    method: 'PATCH',
    url: `/api/v1/agents/${NO_ID}`,
    path: '/api/v1/agents/{userId}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ capacity: 5 }),
  },
  ...(['GET', 'PATCH'] as const).map((method): RouteCase => ({
    method,
    url: '/api/v1/me/availability',
    path: '/api/v1/me/availability',
    allowed: WORKERS,
    // The demo agent and expert have working profiles; the supervisor and tokens have none.
    ok: (_role, caller) => (caller === 'agent' || caller === 'expert' ? 200 : 404),
    ...(method === 'PATCH' ? { payload: () => ({ absentFrom: null, absentUntil: null }) } : {}),
  })),
  {
    method: 'GET',
    url: '/api/v1/routing/rules',
    path: '/api/v1/routing/rules',
    allowed: ['supervisor', 'admin'],
  },
  {
    method: 'PUT',
    url: '/api/v1/routing/rules',
    path: '/api/v1/routing/rules',
    allowed: ['supervisor', 'admin'],
    ok: 400,
    payload: () => ({ categoryCode: 'express_delivery', typeCode: '', teamCode: 'no_such_team' }),
  },
  {
    method: 'DELETE',
    url: '/api/v1/routing/rules?categoryCode=no_such_category&typeCode=',
    path: '/api/v1/routing/rules',
    allowed: ['supervisor', 'admin'],
    ok: 404,
  },
  {
    method: 'DELETE',
    url: '/api/v1/routing/rules/no_such_category',
    path: '/api/v1/routing/rules/{categoryCode}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
  },
  {
    method: 'DELETE',
    url: '/api/v1/routing/rules/no_such_category/no_such_type',
    path: '/api/v1/routing/rules/{categoryCode}/{typeCode}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
  },
  { method: 'GET', url: '/api/v1/queues', path: '/api/v1/queues', allowed: WORKERS },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/claim`,
    path: '/api/v1/complaints/{number}/claim',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({}),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/release`,
    path: '/api/v1/complaints/{number}/release',
    allowed: [...WORKERS, 'admin'],
    ok: 404,
    payload: () => ({ reason: '交回队列' }),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/assignment`,
    path: '/api/v1/complaints/{number}/assignment',
    allowed: [...WORKERS, 'admin'],
    ok: 404,
    payload: () => ({ teamCode: 'express', reason: '转派' }),
  },
  // Stage 3 — casework on a well-formed unknown number: allowed callers reach the use-case (404)
  // and the shared complaint stays as it is for the other rows.
  ...(['notes', 'replies', 'escalate'] as const).map((action): RouteCase => ({
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/${action}`,
    path: `/api/v1/complaints/{number}/${action}`,
    allowed: WORKERS,
    ok: 404,
    payload: () => (action === 'escalate' ? { reason: '升级' } : { text: '权限测试' }),
  })),
  {
    method: 'PUT',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/tags`,
    path: '/api/v1/complaints/{number}/tags',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ tags: ['权限'] }),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/reveal`,
    path: '/api/v1/complaints/{number}/reveal',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ field: 'contact.phone' }),
  },
  {
    method: 'GET',
    url: '/api/v1/calendars',
    path: '/api/v1/calendars',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'GET',
    url: '/api/v1/calendars/cn-mainland',
    path: '/api/v1/calendars/{code}',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/calendars/cn-mainland/import',
    path: '/api/v1/calendars/{code}/import',
    allowed: ['admin'],
    payload: () => ({
      ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//ZH\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20310101\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nEND:VCALENDAR',
      source: '权限测试',
    }),
  },
  {
    method: 'POST',
    url: '/api/v1/sla/preview',
    path: '/api/v1/sla/preview',
    allowed: [...WORKERS, 'admin'],
    payload: () => ({
      calendar: 'cn-mainland',
      start: '2025-09-30T10:00:00+08:00',
      add: { workingDays: 3 },
    }),
  },
  {
    method: 'PUT',
    url: '/api/v1/calendars/cn-mainland/years/2032',
    path: '/api/v1/calendars/{code}/years/{year}',
    allowed: ['admin'],
    payload: () => ({
      source: '权限测试',
      days: [{ date: '2032-01-01', kind: 'holiday', name: '元旦' }],
    }),
  },
  {
    method: 'GET',
    url: '/api/v1/sla/policies',
    path: '/api/v1/sla/policies',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'PUT',
    url: '/api/v1/sla/policies',
    path: '/api/v1/sla/policies',
    allowed: ['admin'],
    payload: () => ({
      categoryCode: 'express_delivery',
      typeCode: 'parcel_damaged',
      calendarCode: 'cn-mainland',
      firstResponse: { value: 24, unit: 'hours' },
      resolution: { value: 5, unit: 'working_days' },
      hardMax: null,
      warnFraction: 0.75,
      regionExtras: [],
      repeatTarget: { value: 48, unit: 'hours' },
    }),
  },
  {
    method: 'POST',
    url: '/api/v1/sla/policies/reset',
    path: '/api/v1/sla/policies/reset',
    allowed: ['admin'],
    payload: () => ({ categoryCode: 'express_delivery', typeCode: 'parcel_damaged' }),
  },
  {
    method: 'GET',
    url: '/api/v1/escalation/rules',
    path: '/api/v1/escalation/rules',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/escalation/rules',
    path: '/api/v1/escalation/rules',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({
      code: `perm_${randomUUID().slice(0, 8)}`,
      name: { zh: '权限测试', en: 'Permission test' },
      enabled: false,
      position: 999,
      match: {},
      condition: { trigger: 'clock', clock: 'resolution', state: 'warning' },
      actions: [{ do: 'alert_supervisors' }],
    }),
  },
  {
    method: 'PUT',
    url: `/api/v1/escalation/rules/${NO_ID}`,
    path: '/api/v1/escalation/rules/{id}',
    allowed: ['admin'],
    ok: 404,
    payload: () => ({
      code: 'perm_missing',
      name: { zh: '权限测试', en: 'Permission test' },
      enabled: false,
      position: 999,
      match: {},
      condition: { trigger: 'clock', clock: 'resolution', state: 'warning' },
      actions: [{ do: 'alert_supervisors' }],
    }),
  },
  {
    method: 'DELETE',
    url: `/api/v1/escalation/rules/${NO_ID}`,
    path: '/api/v1/escalation/rules/{id}',
    allowed: ['admin'],
    ok: 404,
  },
  {
    method: 'GET',
    url: '/api/v1/escalation/alerts',
    path: '/api/v1/escalation/alerts',
    allowed: ['supervisor', 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/escalation/alerts/999999/acknowledge',
    path: '/api/v1/escalation/alerts/{id}/acknowledge',
    allowed: ['supervisor', 'admin'],
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/assist-teams`,
    path: '/api/v1/complaints/{number}/assist-teams',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ teamCode: 'expert_seat' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/press`,
    path: '/api/v1/complaints/{number}/press',
    allowed: ['complainant'],
    ok: 404,
  },
  {
    method: 'GET',
    url: '/api/v1/macros',
    path: '/api/v1/macros',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/macros',
    path: '/api/v1/macros',
    allowed: ['supervisor', 'admin'],
    ok: 201,
    payload: () => ({ title: `权限-${randomUUID().slice(0, 8)}`, body: '您好{{complainant}}' }),
  },
  {
    method: 'PATCH',
    url: `/api/v1/macros/${NO_ID}`,
    path: '/api/v1/macros/{id}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ enabled: false }),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/macros/${NO_ID}/render`,
    path: '/api/v1/complaints/{number}/macros/{id}/render',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({}),
  },
  // Stage 3 — merchants.
  {
    method: 'POST',
    url: '/api/v1/merchants',
    path: '/api/v1/merchants',
    allowed: ['supervisor', 'admin'],
    ok: 201,
    payload: () => ({ name: `权限商户-${randomUUID().slice(0, 8)}`, tier: 'standard' }),
  },
  {
    method: 'PATCH',
    url: `/api/v1/merchants/${NO_ID}`,
    path: '/api/v1/merchants/{id}',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ tier: 'gold' }),
  },
  {
    method: 'POST',
    url: `/api/v1/merchants/${NO_ID}/shops`,
    path: '/api/v1/merchants/{id}/shops',
    allowed: ['supervisor', 'admin'],
    ok: 404,
    payload: () => ({ name: '不存在的店' }),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/merchant-transfer`,
    path: '/api/v1/complaints/{number}/merchant-transfer',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ opinion: '转商户' }),
  },
  {
    method: 'GET',
    url: '/api/v1/merchant/complaints',
    path: '/api/v1/merchant/complaints',
    allowed: ['merchant'],
    tokens: false,
  },
  {
    method: 'POST',
    url: () => `/api/v1/merchant/complaints/${shared.number}/replies`,
    path: '/api/v1/merchant/complaints/{number}/replies',
    allowed: ['merchant'],
    ok: 404, // not passed to this merchant
    payload: () => ({ text: '您好' }),
  },
  {
    method: 'POST',
    url: () => `/api/v1/merchant/complaints/${shared.number}/remedies`,
    path: '/api/v1/merchant/complaints/{number}/remedies',
    allowed: ['merchant'],
    ok: 404,
    payload: () => ({ kind: 'reship', note: '补发' }),
  },
  ...(['accept', 'refuse'] as const).map((answer): RouteCase => ({
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/remedies/${NO_ID}/${answer}`,
    path: `/api/v1/complaints/{number}/remedies/{id}/${answer}`,
    allowed: ['complainant'],
    ok: 404, // the matrix's complainant does not own the shared complaint
    payload: () => (answer === 'refuse' ? { reason: '不同意' } : {}),
  })),
  // Stage 3 — external platforms.
  {
    method: 'GET',
    url: '/api/v1/external-platforms',
    path: '/api/v1/external-platforms',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/external-platforms',
    path: '/api/v1/external-platforms',
    allowed: ['admin'],
    ok: 201,
    payload: () => ({
      code: `p${randomUUID().replace(/-/g, '').slice(0, 10)}`,
      name: { zh: '权限平台', en: 'Permission platform' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/v1/external-platforms/nope_platform',
    path: '/api/v1/external-platforms/{code}',
    allowed: ['admin'],
    ok: 422,
    payload: () => ({ enabled: false }),
  },
  {
    method: 'POST',
    url: `/api/v1/complaints/${UNKNOWN_NUMBER}/external-transfers`,
    path: '/api/v1/complaints/{number}/external-transfers',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ platform: '12315', externalNumber: 'X1', note: '转12315' }),
  },
  {
    method: 'POST',
    url: '/api/v1/external-cases/updates',
    path: '/api/v1/external-cases/updates',
    allowed: [...WORKERS, 'admin'],
    ok: 404,
    payload: () => ({ platform: '12315', externalNumber: 'NO-SUCH-CASE', status: 'processing' }),
  },
  {
    method: 'POST',
    url: '/api/v1/external-cases/import',
    path: '/api/v1/external-cases/import',
    allowed: [...WORKERS, 'admin'],
    ok: 415, // allowed callers reach the import, which wants text/csv, not JSON
    payload: () => ({}),
  },
  {
    method: 'POST',
    url: '/api/v1/external-cases/inbound',
    path: '/api/v1/external-cases/inbound',
    allowed: [...WORKERS, 'admin'],
    ok: 422,
    payload: () => ({
      platform: 'nope_platform',
      externalNumber: 'X1',
      complaint: {
        type: 'parcel_lost',
        description: '外部平台转来的投诉',
        demand: '退款',
        complainant: { name: '外部', phone: '13900001111' },
      },
    }),
  },
  {
    method: 'GET',
    url: '/api/v1/external-cases/12315/NO-SUCH-CASE',
    path: '/api/v1/external-cases/{platform}/{externalNumber}',
    allowed: [...WORKERS, 'admin'],
    ok: 404,
  },
  // Stage 3 — links and collective cases (unknown numbers: the workers reach the handler).
  {
    method: 'POST',
    url: () => `/api/v1/complaints/${shared.number}/links`,
    path: '/api/v1/complaints/{number}/links',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ number: UNKNOWN_NUMBER }),
  },
  {
    method: 'DELETE',
    url: () => `/api/v1/complaints/${shared.number}/links/${UNKNOWN_NUMBER}`,
    path: '/api/v1/complaints/{number}/links/{other}',
    allowed: WORKERS,
    ok: 404,
  },
  {
    method: 'POST',
    url: '/api/v1/collective-cases',
    path: '/api/v1/collective-cases',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ title: '权限测试', numbers: [UNKNOWN_NUMBER, 'TS20200101-999998-4'] }),
  },
  {
    method: 'GET',
    url: '/api/v1/collective-cases',
    path: '/api/v1/collective-cases',
    allowed: [...WORKERS, 'admin'],
  },
  {
    method: 'GET',
    url: `/api/v1/collective-cases/${UNKNOWN_COLLECTIVE}`,
    path: '/api/v1/collective-cases/{id}',
    allowed: [...WORKERS, 'admin'],
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/collective-cases/${UNKNOWN_COLLECTIVE}/members`,
    path: '/api/v1/collective-cases/{id}/members',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ numbers: [UNKNOWN_NUMBER] }),
  },
  {
    method: 'DELETE',
    url: `/api/v1/collective-cases/${UNKNOWN_COLLECTIVE}/members/${UNKNOWN_NUMBER}`,
    path: '/api/v1/collective-cases/{id}/members/{number}',
    allowed: WORKERS,
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/collective-cases/${UNKNOWN_COLLECTIVE}/split`,
    path: '/api/v1/collective-cases/{id}/split',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ numbers: [UNKNOWN_NUMBER], title: '拆分' }),
  },
  {
    method: 'POST',
    url: `/api/v1/collective-cases/${UNKNOWN_COLLECTIVE}/progress`,
    path: '/api/v1/collective-cases/{id}/progress',
    allowed: WORKERS,
    ok: 404,
    payload: () => ({ text: '进展' }),
  },
  // Stage 3 — phone calls: a call needs a person as its agent, so tokens are refused.
  {
    method: 'POST',
    url: '/api/v1/calls',
    path: '/api/v1/calls',
    allowed: WORKERS,
    ok: 201,
    tokens: false,
    payload: () => ({ phone: '13800138000', direction: 'inbound' }),
  },
  { method: 'GET', url: '/api/v1/calls', path: '/api/v1/calls', allowed: WORKERS, tokens: false },
  {
    method: 'GET',
    url: `/api/v1/calls/${NO_ID}`,
    path: '/api/v1/calls/{id}',
    allowed: WORKERS,
    ok: 404,
    tokens: false,
  },
  {
    method: 'POST',
    url: `/api/v1/calls/${NO_ID}/code`,
    path: '/api/v1/calls/{id}/code',
    allowed: WORKERS,
    ok: 404,
    tokens: false,
  },
  {
    method: 'POST',
    url: `/api/v1/calls/${NO_ID}/verify`,
    path: '/api/v1/calls/{id}/verify',
    allowed: WORKERS,
    ok: 404,
    tokens: false,
    payload: () => ({ code: '123456' }),
  },
  {
    method: 'POST',
    url: `/api/v1/calls/${NO_ID}/complaints`,
    path: '/api/v1/calls/{id}/complaints',
    allowed: WORKERS,
    ok: 404,
    tokens: false,
    payload: () => ({ number: UNKNOWN_NUMBER }),
  },
  {
    method: 'POST',
    url: `/api/v1/calls/${NO_ID}/end`,
    path: '/api/v1/calls/{id}/end',
    allowed: WORKERS,
    ok: 404,
    tokens: false,
    payload: () => ({}),
  },
  // Stage 5 — notifications.
  {
    method: 'GET',
    url: '/api/v1/notifications',
    path: '/api/v1/notifications',
    allowed: ALL_USERS,
    tokens: false,
  },
  {
    method: 'POST',
    url: '/api/v1/notifications/read',
    path: '/api/v1/notifications/read',
    allowed: ALL_USERS,
    tokens: false,
    payload: () => ({ all: true }),
  },
  {
    method: 'GET',
    url: '/api/v1/me/notification-preferences',
    path: '/api/v1/me/notification-preferences',
    allowed: ['complainant'],
  },
  {
    method: 'PUT',
    url: '/api/v1/me/notification-preferences',
    path: '/api/v1/me/notification-preferences',
    allowed: ['complainant'],
    payload: () => ({ sms: true }),
  },
  {
    method: 'GET',
    url: '/api/v1/receipts/0000-0000-0000',
    path: '/api/v1/receipts/{code}',
    allowed: 'everyone',
    ok: 404,
  },
  {
    method: 'GET',
    url: '/api/v1/complaints/track/link/TS20200101-999999-2.abc.def',
    path: '/api/v1/complaints/track/link/{token}',
    allowed: 'everyone',
    ok: 403, // link_invalid: the handler's answer, not the guard's
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/progress-report.pdf`,
    path: '/api/v1/complaints/{number}/progress-report.pdf',
    allowed: VIEWERS,
    ok: notOwner(200),
  },
  {
    method: 'GET',
    url: () => `/api/v1/complaints/${shared.number}/receipt.pdf`,
    path: '/api/v1/complaints/{number}/receipt.pdf',
    allowed: VIEWERS,
    ok: notOwner(409), // no result yet: receipt_not_issued
  },
  {
    method: 'GET',
    url: '/api/v1/notification-templates',
    path: '/api/v1/notification-templates',
    allowed: ['admin'],
  },
  {
    method: 'PUT',
    url: '/api/v1/notification-templates/accepted/sms/zh-CN',
    path: '/api/v1/notification-templates/{node}/{channel}/{locale}',
    allowed: ['admin'],
    payload: () => ({ body: '您的投诉已受理，编号 {{number}}。详情：{{link}}' }),
  },
  {
    method: 'DELETE',
    url: '/api/v1/notification-templates/accepted/sms/zh-CN',
    path: '/api/v1/notification-templates/{node}/{channel}/{locale}',
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/notification-templates/preview',
    path: '/api/v1/notification-templates/preview',
    allowed: ['admin'],
    payload: () => ({ node: 'accepted', channel: 'sms', locale: 'zh-CN', body: '编号 {{number}}' }),
  },
  {
    method: 'PUT',
    url: '/api/v1/notification-switches/accepted/sms',
    path: '/api/v1/notification-switches/{node}/{channel}',
    allowed: ['admin'],
    payload: () => ({ enabled: true }),
  },
  { method: 'GET', url: '/api/v1/outbox', path: '/api/v1/outbox', allowed: ['admin'] },
  {
    method: 'POST',
    url: '/api/v1/outbox/999999/retry',
    path: '/api/v1/outbox/{id}/retry',
    allowed: ['admin'],
    ok: 404,
  },
  // The assistant: conversations are for anyone (a visitor's id is their key), the live chat for
  // staff who work cases, the knowledge base readable by staff and editable by supervisors/admins.
  {
    method: 'POST',
    url: '/api/v1/assistant/conversations',
    path: '/api/v1/assistant/conversations',
    allowed: 'everyone',
    payload: () => ({}),
    ok: 201,
  },
  {
    method: 'GET',
    url: `/api/v1/assistant/conversations/${NO_ID}`,
    path: '/api/v1/assistant/conversations/{id}',
    allowed: 'everyone',
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/assistant/conversations/${NO_ID}/messages`,
    path: '/api/v1/assistant/conversations/{id}/messages',
    allowed: 'everyone',
    payload: () => ({ text: '你好' }),
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/assistant/conversations/${NO_ID}/messages/2/feedback`,
    path: '/api/v1/assistant/conversations/{id}/messages/{seq}/feedback',
    allowed: 'everyone',
    payload: () => ({ helpful: true }),
    ok: 404,
  },
  {
    method: 'POST',
    url: `/api/v1/assistant/conversations/${NO_ID}/close`,
    path: '/api/v1/assistant/conversations/{id}/close',
    allowed: 'everyone',
    ok: 404,
  },
  {
    method: 'POST',
    url: '/api/v1/assistant/emotion',
    path: '/api/v1/assistant/emotion',
    allowed: 'everyone',
    payload: () => ({ text: '等了好几天还没到账，急死了' }),
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/inbox',
    path: '/api/v1/assistant/inbox',
    allowed: WORKERS,
  },
  {
    method: 'POST',
    url: `/api/v1/assistant/conversations/${NO_ID}/take`,
    path: '/api/v1/assistant/conversations/{id}/take',
    allowed: WORKERS,
    ok: 404,
    tokens: false, // an agent is a person: a machine cannot take a chat
  },
  {
    method: 'POST',
    url: `/api/v1/assistant/conversations/${NO_ID}/agent-messages`,
    path: '/api/v1/assistant/conversations/{id}/agent-messages',
    allowed: WORKERS,
    payload: () => ({ text: '您好' }),
    ok: 404,
    tokens: false,
  },
  { method: 'GET', url: '/api/v1/assistant/kb', path: '/api/v1/assistant/kb', allowed: KB_READERS },
  {
    method: 'GET',
    url: '/api/v1/assistant/kb/export',
    path: '/api/v1/assistant/kb/export',
    allowed: KB_READERS,
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/kb/changes',
    path: '/api/v1/assistant/kb/changes',
    allowed: KB_READERS,
  },
  {
    method: 'POST',
    url: '/api/v1/assistant/kb/import',
    path: '/api/v1/assistant/kb/import',
    allowed: KB_EDITORS,
    payload: () => ({ mode: 'merge', entries: [] }),
  },
  {
    method: 'POST',
    url: '/api/v1/assistant/kb/test',
    path: '/api/v1/assistant/kb/test',
    allowed: KB_READERS,
    payload: () => ({ text: '退款多久到账' }),
  },
  {
    method: 'POST',
    url: '/api/v1/assistant/kb',
    path: '/api/v1/assistant/kb',
    allowed: KB_EDITORS,
    payload: () => ({ category: '其他', question: '权限矩阵的问题', similar: [], answer: '答' }),
    ok: 201,
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/kb/no-such-entry',
    path: '/api/v1/assistant/kb/{id}',
    allowed: KB_READERS,
    ok: 404,
  },
  {
    method: 'PUT',
    url: '/api/v1/assistant/kb/no-such-entry',
    path: '/api/v1/assistant/kb/{id}',
    allowed: KB_EDITORS,
    payload: () => ({ category: '其他', question: '问', similar: [], answer: '答', version: 1 }),
    ok: 404,
  },
  {
    method: 'DELETE',
    url: '/api/v1/assistant/kb/no-such-entry',
    path: '/api/v1/assistant/kb/{id}',
    allowed: KB_EDITORS,
    ok: 404,
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/kb/no-such-entry/history',
    path: '/api/v1/assistant/kb/{id}/history',
    allowed: KB_READERS,
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/scripts',
    path: '/api/v1/assistant/scripts',
    allowed: KB_READERS,
  },
  {
    method: 'PUT',
    url: '/api/v1/assistant/scripts',
    path: '/api/v1/assistant/scripts',
    allowed: KB_EDITORS,
    payload: () => ({
      items: [{ id: 'anger-1', emotion: 'anger', locale: 'zh-CN', text: '非常理解您的心情。' }],
    }),
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/settings',
    path: '/api/v1/assistant/settings',
    allowed: KB_READERS,
  },
  {
    method: 'PUT',
    url: '/api/v1/assistant/settings',
    path: '/api/v1/assistant/settings',
    allowed: KB_EDITORS,
    payload: () => ({
      handoffThreshold: 1.5,
      unresolvedTurns: 3,
      defaultTeam: 'general',
      categoryTeams: { 快递物流: 'express' },
    }),
  },
  {
    method: 'GET',
    url: '/api/v1/assistant/metrics',
    path: '/api/v1/assistant/metrics',
    allowed: ['supervisor', 'admin'],
  },
];

// Login endpoints are public by nature and have their own tests.
const PUBLIC_LOGIN = ['/api/v1/auth/login', '/api/v1/auth/otp/request', '/api/v1/auth/otp/verify'];
// The live stream never ends, so inject() cannot call it; test/integration/live.test.ts covers who
// may open it and what each caller hears.
const STREAMS = [
  'GET /api/v1/live',
  'GET /api/v1/assistant/live',
  'GET /api/v1/assistant/conversations/{id}/stream',
];

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
      ...STREAMS,
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
      const refused: Record<string, boolean> = {};
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
        // A 403 with the use-case's own code (not_assignee, …) means the guard let them in.
        const guarded =
          res.statusCode === 401 ||
          (res.statusCode === 403 && res.json().error?.code === 'forbidden');
        outcomes[caller] = res.statusCode;
        refused[caller] = guarded;
        if (!allowed) {
          expect(res.json().error.code, `${caller} → ${route.method} ${route.url}`).toBe(
            caller === 'anonymous' ? 'unauthenticated' : 'forbidden',
          );
        }
      }
      const actual = Object.fromEntries(
        Object.entries(outcomes).map(([c, s]) => [c, refused[c] ? s : 'allowed']),
      );
      expect(actual).toEqual(expected);
      // Allowed calls succeed for real, not just "not refused".
      for (const [c, s] of Object.entries(outcomes)) {
        if (expected[c] !== 'allowed') continue;
        const role = c.replace('token:', '') as Role;
        const ok = typeof route.ok === 'function' ? route.ok(role, c as Caller) : (route.ok ?? 200);
        expect(s, `${c} got ${s}`).toBe(ok);
      }
    });
  }
});
