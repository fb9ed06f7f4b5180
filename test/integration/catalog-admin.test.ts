// Catalogue editing over HTTP: who may, every validation rule broken once (naming the field and
// changing nothing), the public view of disabled types, the suggester, and the seed's keywords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProblemType } from '../../src/modules/catalog/index.js';
import { seedDemoData } from '../../src/server/db/seed/index.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import {
  buildTestApp,
  DEMO_PASSWORD,
  loginAs,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';

type Method = 'GET' | 'POST' | 'PATCH';
const text = (zh: string, en: string) => ({ zh, en });

let t: TestApp;
let admin: AuthedClient;
let agent: AuthedClient;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t.app, 'admin');
  agent = await loginAs(t.app, 'agent');
});
afterAll(async () => t.close());

function call(method: Method, url: string, payload?: object, who: AuthedClient | null = admin) {
  return t.app.inject({
    method,
    url,
    headers: { ...(who?.headers ?? {}), 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
}

async function adminCatalog() {
  const res = await call('GET', '/api/v1/catalog/admin');
  expect(res.statusCode).toBe(200);
  return res.json() as { categories: { code: string; types: Record<string, unknown>[] }[] };
}

async function suggest(q: string) {
  const res = await call(
    'GET',
    `/api/v1/catalog/suggest?q=${encodeURIComponent(q)}`,
    undefined,
    null,
  );
  expect(res.statusCode).toBe(200);
  return (
    res.json() as { suggestions: { typeCode: string; categoryCode: string; score: number }[] }
  ).suggestions;
}

const newType = (code: string, extra: object = {}) => ({
  code,
  categoryCode: 'express_delivery',
  name: text('冷柜件', 'Cold-chain parcel'),
  priority: 'yellow',
  ...extra,
});

describe('reading', () => {
  it('gives staff everything, with keywords, sort order and update time', async () => {
    const { categories } = await adminCatalog();
    expect(categories).toHaveLength(10);
    const express = categories.find((c) => c.code === 'express_delivery')!;
    const lost = express.types.find((x) => x.code === 'parcel_lost')!;
    expect(lost).toMatchObject({ enabled: true, sortOrder: 0, categoryCode: 'express_delivery' });
    expect(lost.keywords).toEqual(expect.arrayContaining(['丢了', '没收到', 'lost']));
    expect(new Date(lost.updatedAt as string).toString()).not.toBe('Invalid Date');
    const judicial = categories.find((c) => c.code === 'judicial')!;
    expect(judicial.types.map((x) => x.code)).toEqual(['judicial_claim']);
    expect((await call('GET', '/api/v1/catalog/admin', undefined, agent)).statusCode).toBe(200);
  });

  it('refuses the editing routes to an agent (403) and to anonymous callers (401)', async () => {
    const before = await adminCatalog();
    const writes: [Method, string, object][] = [
      ['POST', '/api/v1/catalog/categories', { code: 'by_agent', name: text('甲', 'A') }],
      ['PATCH', '/api/v1/catalog/categories/express_delivery', { name: text('乙', 'B') }],
      ['POST', '/api/v1/catalog/types', newType('by_agent')],
      ['PATCH', '/api/v1/catalog/types/parcel_lost', { enabled: false }],
    ];
    for (const [method, url, payload] of writes) {
      const asAgent = await call(method, url, payload, agent);
      expect(asAgent.statusCode, `${method} ${url}`).toBe(403);
      expect(asAgent.json().error.code).toBe('forbidden');
      expect((await call(method, url, payload, null)).statusCode).toBe(401);
    }
    expect((await call('GET', '/api/v1/catalog/admin', undefined, null)).statusCode).toBe(401);
    expect(await adminCatalog()).toEqual(before);
  });
});

describe('editing', () => {
  it('creates a category and a type, edits them and disables the type', async () => {
    const cat = await call('POST', '/api/v1/catalog/categories', {
      code: 'cold_chain',
      name: text(' 冷链 ', 'Cold chain'),
    });
    expect(cat.statusCode).toBe(201);
    expect(cat.json()).toMatchObject({
      code: 'cold_chain',
      name: text('冷链', 'Cold chain'),
      description: text('', ''),
      accepted: true,
      refusalGuidance: null,
      sortOrder: 10,
      types: [],
    });

    const created = await call(
      'POST',
      '/api/v1/catalog/types',
      newType('cold_box_thawed', {
        categoryCode: 'cold_chain',
        requiredFields: [
          { key: 'waybill_number', kind: 'waybill_number', label: text('运单号', 'Waybill') },
        ],
        requiredEvidence: [{ key: 'photos', label: text('照片', 'Photos') }],
        sla: { firstResponseHours: 12, note: text('12 小时内响应', 'Reply within 12 h') },
        keywords: ['化冻', ' 化冻 ', '冰袋化了', ''],
      }),
    );
    expect(created.statusCode).toBe(201);
    const type = created.json();
    expect(type).toMatchObject({
      code: 'cold_box_thawed',
      categoryCode: 'cold_chain',
      enabled: true,
      sortOrder: 0,
      keywords: ['化冻', '冰袋化了'],
      requiredFields: [
        {
          key: 'waybill_number',
          kind: 'waybill_number',
          label: text('运单号', 'Waybill'),
          required: true,
        },
      ],
      sla: {
        firstResponseHours: 12,
        resolutionHours: null,
        resolutionWorkingDays: null,
        maxWorkingDays: null,
        note: text('12 小时内响应', 'Reply within 12 h'),
      },
    });
    expect((await suggest('冰袋化了'))[0]?.typeCode).toBe('cold_box_thawed');

    // SLA numbers not named keep their value; lists are replaced whole.
    const edited = await call('PATCH', '/api/v1/catalog/types/cold_box_thawed', {
      sla: { resolutionWorkingDays: 3 },
      requiredEvidence: [],
      priority: 'red',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      priority: 'red',
      requiredEvidence: [],
      sla: { firstResponseHours: 12, resolutionWorkingDays: 3 },
    });
    expect(Date.parse(edited.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(type.updatedAt));

    const renamed = await call('PATCH', '/api/v1/catalog/categories/cold_chain', {
      description: text('冷链运输', 'Cold-chain transport'),
      sortOrder: 3,
    });
    expect(renamed.json()).toMatchObject({ sortOrder: 3, name: text('冷链', 'Cold chain') });
    expect(renamed.json().types.map((x: { code: string }) => x.code)).toEqual(['cold_box_thawed']);

    const publicBefore = (await call('GET', '/api/v1/catalog', undefined, null)).json();
    const publicCat = publicBefore.categories.find(
      (c: { code: string }) => c.code === 'cold_chain',
    );
    expect(publicCat.types[0]).not.toHaveProperty('keywords');

    const disabled = await call('PATCH', '/api/v1/catalog/types/cold_box_thawed', {
      enabled: false,
    });
    expect(disabled.json().enabled).toBe(false);
    const publicAfter = (await call('GET', '/api/v1/catalog', undefined, null)).json();
    expect(
      publicAfter.categories.find((c: { code: string }) => c.code === 'cold_chain').types,
    ).toEqual([]);
    expect((await suggest('冰袋化了')).map((s) => s.typeCode)).not.toContain('cold_box_thawed');
    // Still there for complaints already filed under it, flagged.
    expect((await findProblemType(t.database.db, 'cold_box_thawed'))?.enabled).toBe(false);
    const staff = await adminCatalog();
    const stored = staff.categories.find((c) => c.code === 'cold_chain')!.types[0]!;
    expect(stored).toMatchObject({ code: 'cold_box_thawed', enabled: false });
  });

  it('moves a type to another category and refuses categories that do not exist', async () => {
    const moved = await call('PATCH', '/api/v1/catalog/types/fresh_goods', {
      categoryCode: 'cold_chain',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().categoryCode).toBe('cold_chain');
    expect((await findProblemType(t.database.db, 'fresh_goods'))?.category.code).toBe('cold_chain');
    expect((await call('PATCH', '/api/v1/catalog/types/no_such_type', {})).statusCode).toBe(404);
    const missing = await call('PATCH', '/api/v1/catalog/categories/no_such_cat', {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });
});

interface BadCase {
  rule: string;
  method: Method;
  url: string;
  payload: object;
  field: string;
  message: string;
  status?: number;
}

const field = (key: string, extra: object = {}) => ({
  key,
  kind: 'text',
  label: text('标签', 'Label'),
  ...extra,
});
const many = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));
const CATS = '/api/v1/catalog/categories';
const TYPES = '/api/v1/catalog/types';

const BAD: BadCase[] = [
  {
    rule: 'code format',
    method: 'POST',
    url: CATS,
    payload: { code: 'Bad-Code', name: text('甲', 'A') },
    field: 'code',
    message: 'must start with a lower-case letter and use only a–z, 0–9 and _ (2–40 characters)',
  },
  {
    rule: 'code length',
    method: 'POST',
    url: TYPES,
    payload: newType(`a${'b'.repeat(40)}`),
    field: 'code',
    message: 'must start with a lower-case letter and use only a–z, 0–9 and _ (2–40 characters)',
  },
  {
    rule: 'category code unique',
    method: 'POST',
    url: CATS,
    payload: { code: 'express_delivery', name: text('快递', 'Express') },
    field: 'code',
    message: 'is already in use',
    status: 409,
  },
  {
    rule: 'type code unique',
    method: 'POST',
    url: TYPES,
    payload: newType('parcel_lost'),
    field: 'code',
    message: 'is already in use',
    status: 409,
  },
  {
    rule: 'names in both languages',
    method: 'POST',
    url: CATS,
    payload: { code: 'half_named', name: text('只有中文', '  ') },
    field: 'name.en',
    message: 'is required',
  },
  {
    rule: 'type names in both languages',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { name: text('', 'Lost') },
    field: 'name.zh',
    message: 'is required',
  },
  {
    rule: 'a refused category needs guidance',
    method: 'POST',
    url: CATS,
    payload: { code: 'refused_here', name: text('甲', 'A'), accepted: false },
    field: 'refusalGuidance.zh',
    message: 'a category that is not accepted needs guidance in both languages',
  },
  {
    rule: 'guidance cannot be removed from a refused category',
    method: 'PATCH',
    url: `${CATS}/judicial`,
    payload: { refusalGuidance: null },
    field: 'refusalGuidance.en',
    message: 'a category that is not accepted needs guidance in both languages',
  },
  {
    rule: 'unknown category',
    method: 'POST',
    url: TYPES,
    payload: newType('orphan_type', { categoryCode: 'no_such_category' }),
    field: 'categoryCode',
    message: 'is not a known category',
  },
  {
    rule: 'required-field keys are snake_case',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { requiredFields: [field('OrderNo')] },
    field: 'requiredFields.0.key',
    message: 'must be snake_case starting with a letter (at most 40 characters), e.g. order_number',
  },
  {
    rule: 'required-field keys are unique',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { requiredFields: [field('order_no'), field('order_no')] },
    field: 'requiredFields.1.key',
    message: 'duplicates another item in the list',
  },
  {
    rule: 'field kinds come from FIELD_KINDS',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { requiredFields: [field('colour', { kind: 'colour' })] },
    field: 'requiredFields.0.kind',
    message: 'is not an allowed value',
  },
  {
    rule: 'field labels in both languages',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { requiredFields: [field('note', { label: text('备注', '') })] },
    field: 'requiredFields.0.label.en',
    message: 'is required',
  },
  {
    rule: 'at most 20 fields',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { requiredFields: many(21, (i) => field(`f${i}`)) },
    field: 'requiredFields',
    message: 'may have at most 20 items',
  },
  {
    rule: 'evidence keys are unique',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: {
      requiredEvidence: [
        { key: 'photo', label: text('照片', 'Photo') },
        { key: 'photo', label: text('照片', 'Photo') },
      ],
    },
    field: 'requiredEvidence.1.key',
    message: 'duplicates another item in the list',
  },
  {
    rule: 'at most 20 evidence items',
    method: 'POST',
    url: TYPES,
    payload: newType('lots_of_proof', {
      requiredEvidence: many(21, (i) => ({ key: `e${i}`, label: text('证据', 'Proof') })),
    }),
    field: 'requiredEvidence',
    message: 'may have at most 20 items',
  },
  {
    rule: 'SLA numbers are not negative',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { sla: { firstResponseHours: -1 } },
    field: 'sla.firstResponseHours',
    message: 'cannot be negative',
  },
  {
    rule: 'SLA numbers are numbers',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { sla: { maxWorkingDays: '5' } },
    field: 'sla.maxWorkingDays',
    message: 'has the wrong type',
  },
  {
    rule: 'at most 30 keywords',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { keywords: many(31, (i) => `词${i}`) },
    field: 'keywords',
    message: 'may have at most 30 items',
  },
  {
    rule: 'a type cannot move to a missing category',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { categoryCode: 'nowhere' },
    field: 'categoryCode',
    message: 'is not a known category',
  },
  {
    rule: 'the code never changes',
    method: 'PATCH',
    url: `${TYPES}/parcel_lost`,
    payload: { code: 'parcel_gone' },
    field: 'code',
    message: 'is not an allowed field',
  },
];

describe('validation', () => {
  it.each(BAD)('$rule: names $field and changes nothing', async (c) => {
    const before = await adminCatalog();
    const res = await call(c.method, c.url, c.payload);
    expect(res.statusCode, res.body).toBe(c.status ?? 400);
    const error = res.json().error;
    expect(error.code).toBe(c.status === 409 ? 'conflict' : 'validation_failed');
    expect(error.fields?.[c.field], JSON.stringify(error.fields)).toBe(c.message);
    expect(await adminCatalog()).toEqual(before);
  });

  it('speaks Chinese by default', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: CATS,
      headers: admin.headers,
      payload: { code: '1x', name: text('甲', 'A') },
    });
    expect(res.json().error.fields).toEqual({
      code: '须以小写字母开头，只含小写字母、数字和下划线（2–40 个字符）',
    });
  });
});

describe('suggest', () => {
  it('puts the obvious type first, refused categories included', async () => {
    const lost = await suggest('快递丢了');
    expect(lost[0]).toMatchObject({ typeCode: 'parcel_lost', categoryCode: 'express_delivery' });
    expect(lost.length).toBeLessThanOrEqual(5);
    expect(lost[0]!.score).toBeGreaterThan(0.5);
    expect((await suggest('我要起诉商家'))[0]).toMatchObject({
      typeCode: 'judicial_claim',
      categoryCode: 'judicial',
    });
  });

  it('needs some text', async () => {
    for (const url of ['/api/v1/catalog/suggest?q=%20%EF%BC%81', '/api/v1/catalog/suggest']) {
      const res = await call('GET', url, undefined, null);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ q: 'is required' });
    }
  });
});

describe('seed keywords on databases seeded before keywords existed', () => {
  it('fills empty keywords of shipped types, but not of types an admin saved', async () => {
    const edited = await call('PATCH', `${TYPES}/delivery_delayed`, { keywords: [] });
    expect(edited.json().keywords).toEqual([]);
    // As an older install has it: the shipped row, untouched since the seed, with no keywords.
    await t.database.pool.query(
      `UPDATE catalog_types SET keywords = '{}' WHERE code = 'parcel_lost'`,
    );

    await seedDemoData({
      db: t.database.db,
      pool: t.database.pool,
      logger: createLogger('silent'),
      clock: systemClock,
      password: DEMO_PASSWORD,
    });
    const { rows } = await t.database.pool.query<{ code: string; keywords: string[] }>(
      `SELECT code, keywords FROM catalog_types WHERE code IN ('parcel_lost', 'delivery_delayed')
       ORDER BY code`,
    );
    expect(rows[0]).toEqual({ code: 'delivery_delayed', keywords: [] });
    expect(rows[1]?.keywords).toEqual(expect.arrayContaining(['丢了', '没收到']));
  });
});
