// Canned replies: who sees which, keeping titles unique and variables known, the audit trail,
// and filling one in for a complaint in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

let t: TestApp;
let agent: AuthedClient;
let expert: AuthedClient;
let supervisor: AuthedClient;
let admin: AuthedClient;
let me: AuthedClient;

beforeAll(async () => {
  // Monday 2026-11-23 00:30 in China, still Sunday in UTC: "today" must be China's.
  const clock = new FixedClock(new Date('2026-11-22T16:30:00Z'));
  t = await buildTestApp({ clock });
  agent = await loginAs(t.app, 'agent');
  expert = await loginAs(t.app, 'expert');
  supervisor = await loginAs(t.app, 'supervisor');
  admin = await loginAs(t.app, 'admin');
  me = await loginComplainant(t);
});
afterAll(() => t.close());

interface Macro {
  id: string;
  title: string;
  body: string;
  teamCode: string | null;
  enabled: boolean;
}

async function macros(who: AuthedClient, query = ''): Promise<Macro[]> {
  const res = await t.app.inject({ url: `/api/v1/macros${query}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const titles = (list: Macro[]) => list.map((m) => m.title);

function create(who: AuthedClient, payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/v1/macros', headers: who.headers, payload });
}

function patch(who: AuthedClient, id: string, payload: object) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/v1/macros/${id}`,
    headers: who.headers,
    payload,
  });
}

describe('managing canned replies', () => {
  it('adds one, audited, and refuses a title already in use', async () => {
    const audits = await countRows(t, 'audit_log', `action = 'macro.create'`);
    const res = await create(supervisor, {
      title: '  致歉  ',
      body: '{{complainant}}您好，给您带来不便深表歉意。',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: '致歉', teamCode: null, enabled: true });
    expect(await countRows(t, 'audit_log', `action = 'macro.create'`)).toBe(audits + 1);
    const entry = await t.database.pool.query(
      `SELECT actor_name, target_type, target_id FROM audit_log WHERE action = 'macro.create'
       ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.rows[0]).toEqual({
      actor_name: '王主管',
      target_type: 'macro',
      target_id: res.json().id,
    });

    const twice = await create(admin, { title: '致歉', body: '另一条' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('macro_title_taken');
    expect(await countRows(t, 'audit_log', `action = 'macro.create'`)).toBe(audits + 1);
  });

  it.each([
    ['an unknown variable', { title: 'a1', body: '您好{{name}}' }, 'body', 'name'],
    ['a misspelt variable', { title: 'a2', body: '{{ nubmer }}' }, 'body', 'nubmer'],
    ['a blank title', { title: '  ', body: 'x' }, 'title', null],
    ['an empty body', { title: 'a3', body: '' }, 'body', null],
    ['an unknown team', { title: 'a4', body: 'x', teamCode: 'nope' }, 'teamCode', null],
    ['a body of 2001 characters', { title: 'a5', body: '长'.repeat(2001) }, 'body', '2000'],
  ])('refuses %s and keeps nothing', async (_name, payload, field, word) => {
    const before = await countRows(t, 'macros');
    const res = await create(supervisor, payload);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
    if (word) expect(res.json().error.fields[field]).toContain(word);
    expect(await countRows(t, 'macros')).toBe(before);
  });

  it('changes one, audited, with the same checks', async () => {
    const made = await create(supervisor, { title: '催办', body: '正在加急处理 {{number}}' });
    const id = made.json().id as string;
    const res = await patch(supervisor, id, { body: '已加急：{{number}}', teamCode: 'express' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '催办',
      body: '已加急：{{number}}',
      teamCode: 'express',
    });
    const entry = await t.database.pool.query(
      `SELECT data FROM audit_log WHERE action = 'macro.update' AND target_id = $1`,
      [id],
    );
    expect(entry.rows[0].data).toMatchObject({
      changed: ['body', 'teamCode'],
      teamCode: 'express',
    });

    const bad = await patch(supervisor, id, { body: '{{foo}}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.body).toContain('foo');
    const taken = await patch(supervisor, id, { title: '受理确认' });
    expect(taken.json().error.code).toBe('macro_title_taken');
    const missing = await patch(supervisor, '00000000-0000-4000-8000-000000000000', {
      enabled: false,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('macro_not_found');
    const unchanged = (await macros(supervisor)).find((m) => m.id === id)!;
    expect(unchanged).toMatchObject({ title: '催办', body: '已加急：{{number}}' });
    // Back to everyone's, so the tests below need not care.
    expect((await patch(supervisor, id, { teamCode: null })).json().teamCode).toBeNull();
  });

  it('is for managers only', async () => {
    expect((await create(agent, { title: 'x', body: 'x' })).statusCode).toBe(403);
    const any = (await macros(agent))[0]!;
    expect((await patch(expert, any.id, { enabled: false })).statusCode).toBe(403);
  });
});

describe('who sees which canned replies', () => {
  beforeAll(async () => {
    expect(
      (await create(supervisor, { title: '专家专用', body: 'E', teamCode: 'expert_seat' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await create(supervisor, { title: '已停用', body: 'D', enabled: false })).statusCode,
    ).toBe(201);
  });

  it('gives case workers the enabled ones for everyone or their teams', async () => {
    const forAgent = titles(await macros(agent));
    expect(forAgent).toEqual(expect.arrayContaining(['受理确认', '请补充材料', '处理结果告知']));
    expect(forAgent).not.toContain('专家专用');
    expect(forAgent).not.toContain('已停用');
    const forExpert = titles(await macros(expert));
    expect(forExpert).toContain('专家专用');
    expect(forExpert).not.toContain('已停用');
  });

  it('gives managers all of them, or only the usable ones when asked', async () => {
    const all = titles(await macros(supervisor));
    expect(all).toEqual(expect.arrayContaining(['专家专用', '已停用', '受理确认']));
    expect(titles(await macros(admin))).toEqual(all);
    const usable = titles(await macros(supervisor, '?usable=true'));
    expect(usable).toContain('专家专用');
    expect(usable).not.toContain('已停用');
  });

  it('refuses complainants and merchants', async () => {
    const merchant = await loginAs(t.app, 'merchant');
    for (const who of [me, merchant]) {
      const res = await t.app.inject({ url: '/api/v1/macros', headers: who.headers });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('filling one in for a complaint', () => {
  let number: string;
  let detail: {
    estimatedCompletion: { at: string };
    categoryName: { zh: string; en: string };
    typeName: { zh: string; en: string };
  };
  let everything: string;

  beforeAll(async () => {
    const filed = await fileComplaint(t, me, lostParcel('SF6600000001'));
    number = filed.json().complaint.number;
    detail = filed.json().complaint;
    const made = await create(supervisor, {
      title: '全部变量',
      body: '{{number}}|{{complainant}}|{{agent}}|{{category}}|{{type}}|{{status}}|{{estimate}}|{{today}}',
    });
    everything = made.json().id;
  });

  const render = (who: AuthedClient, id: string, lang = 'zh-CN') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${number}/macros/${id}/render`,
      headers: { ...who.headers, 'accept-language': lang },
      payload: {},
    });

  it('fills every variable from the complaint, the caller and China’s date', async () => {
    const estimate = new Date(new Date(detail.estimatedCompletion.at).getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    const zh = await render(agent, everything);
    expect(zh.statusCode).toBe(200);
    expect(zh.json().text).toBe(
      [
        number,
        '张三',
        '赵客服',
        detail.categoryName.zh,
        detail.typeName.zh,
        '已受理',
        estimate,
        '2026-11-23',
      ].join('|'),
    );
    const en = await render(agent, everything, 'en');
    expect(en.json().text).toBe(
      [
        number,
        '张三',
        '赵客服',
        detail.categoryName.en,
        detail.typeName.en,
        'Accepted',
        estimate,
        '2026-11-23',
      ].join('|'),
    );
  });

  it('fills a demo macro as the agent would send it', async () => {
    const demo = (await macros(agent)).find((m) => m.title === '受理确认')!;
    const res = await render(agent, demo.id);
    expect(res.json().text).toMatch(new RegExp(`^您好张三，您的投诉（编号 ${number}）已受理，`));
    expect(res.json().text).not.toContain('{{');
  });

  it('refuses a macro the caller may not use, and callers who do not work cases', async () => {
    const all = await macros(supervisor);
    const expertOnly = all.find((m) => m.title === '专家专用')!;
    const disabled = all.find((m) => m.title === '已停用')!;
    for (const id of [expertOnly.id, disabled.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await render(agent, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('macro_not_found');
    }
    expect((await render(expert, expertOnly.id)).statusCode).toBe(200);
    expect((await render(admin, everything)).statusCode).toBe(403);
    expect((await render(me, everything)).statusCode).toBe(403);
  });
});
