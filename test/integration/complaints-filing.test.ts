// Filing through the API: the type's rules, numbers, idempotency, repeat filings, filing on a
// person's behalf, abuse limits, and who may read what. Every refusal must change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkComplaintNumber } from '../../src/modules/complaints/numbers.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let me: AuthedClient;

beforeAll(async () => {
  t = await buildTestApp({ config: { filingLimitPerHour: 50 } });
  me = await loginComplainant(t);
});
afterAll(() => t.close());

describe('filing a complaint', () => {
  it('accepts it at once with a checked number, the rules snapshot, and a two-step timeline', async () => {
    const res = await fileComplaint(t, me, lostParcel('SF0000000001'));
    expect(res.statusCode).toBe(201);
    const { complaint, linkedToExisting } = res.json();
    expect(linkedToExisting).toBe(false);
    expect(checkComplaintNumber(complaint.number)).toEqual({ ok: true, number: complaint.number });
    expect(complaint.number).toMatch(/^TS\d{8}-\d{6}-[0-9X]$/);
    expect(complaint.status).toBe('accepted');
    expect(complaint.channel).toBe('web');
    expect(complaint.rules.typeCode).toBe('parcel_lost');
    expect(complaint.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'submitted',
      'accepted',
    ]);
    // The estimate is the resolution clock's due time, counted on the business calendar.
    expect(complaint.estimatedCompletion.basis).toBe('sla');
    expect(Date.parse(complaint.estimatedCompletion.at)).toBeGreaterThan(Date.now());
    expect(complaint.slaClocks).toBeNull(); // the clocks themselves are for staff
    expect(complaint.press).toEqual({
      count: 0,
      lastAt: null,
      nextAllowedAt: null,
      canPress: true,
    });
    expect(complaint.stage.label.zh).toBe('已受理');
    expect(complaint.fields.waybill_number).toBe('SF0000000001');
  });

  it.each([
    ['a 201-character description', { description: '投'.repeat(201) }, 'description'],
    ['an empty demand', { demand: '' }, 'demand'],
    ['a missing required field', { fields: { carrier: '顺丰' } }, 'fields.waybill_number'],
    [
      'a malformed 运单号',
      { fields: { waybill_number: 'SF#1', carrier: '顺丰' } },
      'fields.waybill_number',
    ],
    [
      'a field the type does not have',
      { fields: { waybill_number: 'SF0000000002', carrier: '顺丰', colour: 'red' } },
      'fields.colour',
    ],
    ['an unknown problem type', { type: 'no_such_type' }, 'type'],
    [
      'a complainant naming someone else',
      { complainant: { name: '王五', phone: '13700137000' } },
      'complainant',
    ],
    ['a staff-only channel', { channel: 'phone' }, 'channel'],
  ])('refuses %s, naming the field, and files nothing', async (_label, change, field) => {
    const before = await countRows(t, 'complaints');
    const res = await fileComplaint(t, me, { ...lostParcel('SF0000000002'), ...change });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields)).toContain(field);
    expect(body.error.fields[field]).toMatch(/\S/);
    expect(await countRows(t, 'complaints')).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await fileComplaint(
      t,
      me,
      { ...lostParcel('SF0000000003'), description: 'x'.repeat(201) },
      { 'accept-language': 'en' },
    );
    expect(res.json().error.fields.description).toBe('is too long (at most 200 characters)');
  });

  it('refuses judicial claims with guidance on where to take them', async () => {
    const res = await fileComplaint(t, me, {
      type: 'judicial_claim',
      description: '我要起诉商家并申请强制执行',
      demand: '判决',
      fields: {},
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('category_not_accepted');
    expect(res.json().error.detail).toContain('人民法院');
  });

  it('keeps the rules it was filed under when the catalogue changes later', async () => {
    const res = await fileComplaint(t, me, lostParcel('SF0000000004'));
    const number = res.json().complaint.number;
    await t.database.pool.query(
      `UPDATE catalog_types SET name = '{"zh":"改名","en":"Renamed"}', required_fields = '[]' WHERE code = 'parcel_lost'`,
    );
    try {
      const after = await t.app.inject({
        url: `/api/v1/complaints/${number}`,
        headers: me.headers,
      });
      expect(after.json().rules.typeName.zh).toBe('丢件');
      expect(after.json().typeName.zh).toBe('丢件');
      expect(after.json().rules.requiredFields.map((f: { key: string }) => f.key)).toContain(
        'waybill_number',
      );
    } finally {
      await t.database.pool.query(
        `UPDATE catalog_types SET name = '{"zh":"丢件","en":"Parcel lost"}',
           required_fields = (SELECT rules->'requiredFields' FROM complaints WHERE number = $1)
         WHERE code = 'parcel_lost'`,
        [number],
      );
    }
  });
});

describe('Idempotency-Key', () => {
  it('returns the first result for a retried request and never files twice', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await fileComplaint(t, me, lostParcel('SF0000000010'), headers);
    const again = await fileComplaint(t, me, lostParcel('SF0000000010'), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().complaint.number).toBe(first.json().complaint.number);
    const n = await countRows(t, 'complaints', `fields->>'waybill_number' = 'SF0000000010'`);
    expect(n).toBe(1);
  });

  it('files once when the same request arrives five times at once', async () => {
    const headers = { 'idempotency-key': 'burst-1' };
    const all = await Promise.all(
      Array.from({ length: 5 }, () => fileComplaint(t, me, lostParcel('SF0000000011'), headers)),
    );
    expect(new Set(all.map((r) => r.json().complaint.number)).size).toBe(1);
    expect(await countRows(t, 'complaints', `fields->>'waybill_number' = 'SF0000000011'`)).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    const headers = { 'idempotency-key': 'reused-1' };
    await fileComplaint(t, me, lostParcel('SF0000000012'), headers);
    const res = await fileComplaint(t, me, lostParcel('SF0000000013'), headers);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('idempotency_key_reused');
  });
});

describe('repeat filings', () => {
  it('links a second filing about the same 运单号 to the open complaint and says so', async () => {
    const first = await fileComplaint(t, me, lostParcel('SF0000000020'));
    const number = first.json().complaint.number;
    const again = await fileComplaint(t, me, {
      ...lostParcel('SF 0000-0000-20'),
      description: '还是没收到，怎么没人处理',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().linkedToExisting).toBe(true);
    expect(again.json().notice).toContain(number);
    expect(again.json().complaint.number).toBe(number);
    expect(again.json().complaint.repeatCount).toBe(1);
    const types = again.json().complaint.timeline.map((e: { type: string }) => e.type);
    expect(types).toContain('repeat_filing');
    expect(await countRows(t, 'complaints', `fields->>'waybill_number' = 'SF0000000020'`)).toBe(1);
  });

  it('links a near-identical description even without an order number', async () => {
    const text = '公众号发布谣言，说我们小区的水有毒，造成恐慌，请尽快处理删除';
    const body = {
      type: 'rumour',
      description: text,
      demand: '删除',
      fields: { content_url: 'https://example.com/a' },
    };
    const first = await fileComplaint(t, me, body);
    expect(first.statusCode).toBe(201);
    const again = await fileComplaint(t, me, {
      ...body,
      description: `${text}！`,
      fields: { content_url: 'https://example.com/b' },
    });
    expect(again.json().linkedToExisting).toBe(true);
    expect(again.json().complaint.number).toBe(first.json().complaint.number);
  });

  it('files separately for a different incident', async () => {
    const a = await fileComplaint(t, me, lostParcel('SF0000000021'));
    const b = await fileComplaint(t, me, {
      ...lostParcel('SF0000000022'),
      description: '另一个包裹也丢了，运单不同',
    });
    expect(b.statusCode).toBe(201);
    expect(b.json().complaint.number).not.toBe(a.json().complaint.number);
  });
});

describe('filing on a person’s behalf', () => {
  it('lets an agent file for a caller, who then sees it after logging in with that phone', async () => {
    const agent = await loginAs(t.app, 'agent');
    const res = await fileComplaint(t, agent, {
      ...lostParcel('SF0000000030'),
      complainant: { name: '李四', phone: '139 0013 9001' },
    });
    expect(res.statusCode).toBe(201);
    const { complaint } = res.json();
    expect(complaint.channel).toBe('phone');
    expect(complaint.contact.phone).toBe('139****9001');
    expect(complaint.timeline[0].actor.name).toBe('赵客服');

    const caller = await loginComplainant(t, '13900139001');
    const mine = await t.app.inject({ url: '/api/v1/complaints', headers: caller.headers });
    expect(mine.json().items.map((c: { number: string }) => c.number)).toEqual([complaint.number]);
    const detail = await t.app.inject({
      url: `/api/v1/complaints/${complaint.number}`,
      headers: caller.headers,
    });
    expect(detail.statusCode).toBe(200);
    // The caller sees the agent's role, not their name.
    expect(detail.json().timeline[0].actor.name).toBe('客服专员');
  });

  it('lets an API token file by email, on channel api', async () => {
    const admin = await loginAs(t.app, 'admin');
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'shop-integration', role: 'agent' },
    });
    const token = tok.json().token as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        ...lostParcel('SF0000000031'),
        complainant: { name: 'Wang', email: 'Wang@Example.com' },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().complaint.channel).toBe('api');
    expect(res.json().complaint.contact.email).toBe('w***@example.com');
  });

  it.each([
    ['no complainant', {}, 'complainant'],
    ['no phone or email', { complainant: { name: '赵六' } }, 'complainant'],
    ['a bad phone', { complainant: { name: '赵六', phone: '12345' } }, 'complainant.phone'],
    [
      'a staff member’s email',
      { complainant: { name: '冒充', email: 'expert@demo.redress.local' } },
      'complainant.email',
    ],
  ])('refuses %s', async (_label, change, field) => {
    const agent = await loginAs(t.app, 'agent');
    const res = await fileComplaint(t, agent, { ...lostParcel('SF0000000032'), ...change });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
  });

  it('does not let a merchant file', async () => {
    const merchant = await loginAs(t.app, 'merchant');
    const res = await fileComplaint(t, merchant, lostParcel('SF0000000033'));
    expect(res.statusCode).toBe(403);
  });
});

describe('reading complaints', () => {
  it('refuses a mistyped number with the check-character rule, before any lookup', async () => {
    const res = await fileComplaint(t, me, lostParcel('SF0000000040'));
    const number: string = res.json().complaint.number;
    const digit = number[11] === '9' ? '8' : '9';
    const typo = `${number.slice(0, 11)}${digit}${number.slice(12)}`;
    const bad = await t.app.inject({ url: `/api/v1/complaints/${typo}`, headers: me.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.number).toContain('校验位');
  });

  it('shows someone else’s complaint as not found, and nothing to anonymous callers', async () => {
    const res = await fileComplaint(t, me, lostParcel('SF0000000041'));
    const number = res.json().complaint.number;
    const other = await loginComplainant(t, '13700137001');
    const theirs = await t.app.inject({
      url: `/api/v1/complaints/${number}`,
      headers: other.headers,
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('complaint_not_found');
    const list = await t.app.inject({ url: '/api/v1/complaints', headers: other.headers });
    expect(list.json().items).toEqual([]);
    const anon = await t.app.inject({ url: `/api/v1/complaints/${number}` });
    expect(anon.statusCode).toBe(401);
  });

  it('masks phone and ID numbers in descriptions for everyone, staff included', async () => {
    const res = await fileComplaint(t, me, {
      ...lostParcel('SF0000000042'),
      description: '收件人电话13912345678，身份证11010519491231002X，快递没收到',
    });
    const number = res.json().complaint.number;
    const agent = await loginAs(t.app, 'agent');
    for (const who of [me, agent]) {
      const d = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: who.headers });
      expect(d.json().description).toBe(
        '收件人电话139****5678，身份证110105********002X，快递没收到',
      );
      const body = d.body;
      expect(body).not.toContain('13912345678');
      expect(body).not.toContain('11010519491231002X');
    }
  });
});

describe('abuse limits', () => {
  it('refuses filings past the hourly limit per person and files nothing', async () => {
    const limited = await buildTestApp({ config: { filingLimitPerHour: 2 } });
    try {
      const who = await loginComplainant(limited, '13600136000');
      expect((await fileComplaint(limited, who, lostParcel('SF0000000050'))).statusCode).toBe(201);
      expect((await fileComplaint(limited, who, lostParcel('SF0000000051'))).statusCode).toBe(201);
      const third = await fileComplaint(limited, who, lostParcel('SF0000000052'));
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('filing_rate_limited');
      expect(await countRows(limited, 'complaints')).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('flags a person with three rejected complaints in 30 days for staff', async () => {
    const who = await loginComplainant(t, '13600136001');
    const agent = await loginAs(t.app, 'agent');
    for (const n of [60, 61, 62]) {
      const filed = await fileComplaint(t, who, {
        ...lostParcel(`SF00000000${n}`),
        description: `第${n}次：快递又丢了${'!'.repeat(n - 59)}`,
      });
      const number = filed.json().complaint.number;
      const rej = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${number}/transitions`,
        headers: agent.headers,
        payload: { action: 'reject', opinion: '经核实为恶意投诉' },
      });
      expect(rej.statusCode).toBe(200);
    }
    const next = await fileComplaint(t, who, lostParcel('SF0000000063'));
    expect(next.statusCode).toBe(201);
    const asStaff = await t.app.inject({
      url: `/api/v1/complaints/${next.json().complaint.number}`,
      headers: agent.headers,
    });
    expect(asStaff.json().flags).toEqual(['frequent_rejections']);
    expect(next.json().complaint.flags).toEqual([]); // the person is not shown staff flags
    const flagged = await t.app.inject({
      url: '/api/v1/complaints?flagged=true',
      headers: agent.headers,
    });
    expect(flagged.json().items.map((c: { number: string }) => c.number)).toContain(
      next.json().complaint.number,
    );
  });
});
