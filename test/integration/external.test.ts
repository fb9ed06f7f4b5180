// External platforms through the API: the configurable list, a case sent to 12315 with its
// number there, status updates by API (a token) and by CSV (good and bad rows side by side), a
// result handing the case back to its handler, and a complaint imported from a platform found by
// the number it has there.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/server/lib/clock.js';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { act, countRows, fileComplaint, lostParcel } from '../helpers/complaints.js';

const HOUR = 3600_000;
let t: TestApp;
let clock: FixedClock;
let me: AuthedClient;
let agent: AuthedClient;
let admin: AuthedClient;
let merchant: AuthedClient;
let token: Pick<AuthedClient, 'headers'>;
let waybill = 5000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function call(
  who: Pick<AuthedClient, 'headers'>,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

function importCsv(csv: string | Buffer, who = token, type = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/external-cases/import',
    headers: { ...who.headers, 'content-type': type },
    payload: csv,
  });
}

beforeAll(async () => {
  clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
  t = await buildTestApp({
    clock,
    config: { filingLimitPerHour: 100, sessionTtlHours: 24 * 30 },
  });
  me = await loginComplainant(t);
  agent = await loginAs(t.app, 'agent');
  admin = await loginAs(t.app, 'admin');
  merchant = await loginAs(t.app, 'merchant');
  const created = await call(admin, 'POST', '/api/v1/tokens', {
    name: '12315 对接',
    role: 'agent',
  });
  expect(created.statusCode).toBe(201);
  token = { headers: { authorization: `Bearer ${created.json().token}` } };
});
afterAll(() => t.close());

async function fileParcel(): Promise<string> {
  waybill += 1;
  const res = await fileComplaint(t, me, lostParcel(`SF00${waybill}00`));
  expect(res.statusCode).toBe(201);
  return res.json().complaint.number as string;
}

async function sentTo(platform: string, externalNumber: string): Promise<string> {
  const number = await fileParcel();
  const res = await act(t, agent, number, 'external-transfers', {
    platform,
    externalNumber,
    note: '涉及快递企业，转邮政管理部门处理',
  });
  expect(res.statusCode).toBe(200);
  return number;
}

async function detail(who: AuthedClient, number: string): Promise<Json> {
  const res = await call(who, 'GET', `/api/v1/complaints/${number}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

function events(number: string): Promise<number> {
  return countRows(
    t,
    'complaint_events e JOIN complaints c ON c.id = e.complaint_id',
    `c.number = '${number}'`,
  );
}

function update(body: object, who = token) {
  return call(who, 'POST', '/api/v1/external-cases/updates', body);
}

describe('the list of platforms', () => {
  it('ships 12315, 12345, 12305 and 黑猫投诉, and the admin adds, renames and disables', async () => {
    const list = await call(agent, 'GET', '/api/v1/external-platforms');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: Json) => p.code)).toEqual([
      '12305',
      '12315',
      '12345',
      'heimao',
    ]);
    const res = await call(admin, 'POST', '/api/v1/external-platforms', {
      code: 'sh_12345',
      name: { zh: '上海12345', en: 'Shanghai 12345' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: 'sh_12345',
      name: { zh: '上海12345', en: 'Shanghai 12345' },
      enabled: true,
    });
    const off = await call(admin, 'PATCH', '/api/v1/external-platforms/sh_12345', {
      enabled: false,
      name: { zh: '上海市12345', en: 'Shanghai 12345 hotline' },
    });
    expect(off.json()).toMatchObject({ enabled: false, name: { zh: '上海市12345' } });
    expect(await countRows(t, 'audit_log', `target_id = 'sh_12345'`)).toBe(2);
  });

  it('refuses taken and malformed codes, unknown platforms and callers without the permission', async () => {
    const before = await countRows(t, 'external_platforms');
    const name = { zh: '某平台', en: 'Some platform' };
    const dup = await call(admin, 'POST', '/api/v1/external-platforms', { code: '12315', name });
    expect(dup.statusCode).toBe(409);
    for (const code of ['A', 'has space', 'x'.repeat(21), '中文']) {
      const bad = await call(admin, 'POST', '/api/v1/external-platforms', { code, name });
      expect(bad.statusCode, code).toBe(400);
      expect(bad.json().error.fields).toHaveProperty('code');
    }
    const blank = await call(admin, 'POST', '/api/v1/external-platforms', {
      code: 'blank',
      name: { zh: ' ', en: 'x' },
    });
    expect(blank.json().error.fields).toHaveProperty(['name.zh']);
    const unknown = await call(admin, 'PATCH', '/api/v1/external-platforms/nope', {
      enabled: false,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('platform_unknown');
    expect((await call(admin, 'PATCH', '/api/v1/external-platforms/12315', {})).statusCode).toBe(
      400,
    );
    const byAgent = await call(agent, 'POST', '/api/v1/external-platforms', { code: 'abc', name });
    expect(byAgent.statusCode).toBe(403);
    expect((await call(merchant, 'GET', '/api/v1/external-platforms')).statusCode).toBe(403);
    expect(await countRows(t, 'external_platforms')).toBe(before);
  });
});

describe('sending a case to a platform', () => {
  it('records the number there, tags the case and shows the complainant where it is', async () => {
    const number = await fileParcel();
    const res = await act(t, agent, number, 'external-transfers', {
      platform: '12305',
      externalNumber: '  YZ-2026-0001  ',
      note: '转邮政管理部门处理',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'transferred' });
    expect(res.json().tags).toContain('已转外部平台');
    const mine = await detail(me, number);
    expect(mine.externalCases).toEqual([
      {
        platform: {
          code: '12305',
          name: expect.objectContaining({ zh: '12305邮政业用户申诉' }),
          enabled: true,
        },
        direction: 'outbound',
        externalNumber: 'YZ-2026-0001',
        status: 'transferred',
        statusLabel: { zh: '已转送', en: 'Sent' },
        statusNote: null,
        statusAt: clock.now().toISOString(),
      },
    ]);
    expect(mine.timeline.at(-1)).toMatchObject({
      type: 'external_transfer',
      toStatus: 'transferred',
      data: { platform: '12305', externalNumber: 'YZ-2026-0001' },
    });
  });

  it('refuses an unknown or disabled platform, a taken number, bad input and a stale version', async () => {
    await sentTo('12315', 'TAKEN-1');
    const number = await fileParcel();
    const before = [await events(number), await countRows(t, 'external_cases')];
    const send = (body: Record<string, unknown>) =>
      act(t, agent, number, 'external-transfers', body);
    const unknown = await send({ platform: 'nope', externalNumber: 'X1', note: '转' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('platform_unknown');
    const disabled = await send({ platform: 'sh_12345', externalNumber: 'X1', note: '转' });
    expect(disabled.statusCode).toBe(422);
    const taken = await send({ platform: '12315', externalNumber: 'TAKEN-1', note: '转' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('external_number_taken');
    const blank = await send({ platform: '12315', externalNumber: '   ', note: '转' });
    expect(blank.json().error.fields).toHaveProperty('externalNumber');
    const long = await send({ platform: '12315', externalNumber: 'x'.repeat(61), note: '转' });
    expect(long.json().error.fields).toHaveProperty('externalNumber');
    const noNote = await send({ platform: '12315', externalNumber: 'X1', note: ' ' });
    expect(noNote.json().error.fields).toHaveProperty('note');
    const version = (await detail(agent, number)).version as number;
    const stale = await send({
      platform: '12315',
      externalNumber: 'X1',
      note: '转',
      version: version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect([await events(number), await countRows(t, 'external_cases')]).toEqual(before);
  });
});

describe('status updates by API', () => {
  it('records an update by a token, shows it to the complainant, and ignores a repeat', async () => {
    const number = await sentTo('12315', 'SH-API-1');
    const res = await update({
      platform: '12315',
      externalNumber: 'SH-API-1',
      status: 'accepted',
      note: '已受理，编号 SH-API-1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      row: 1,
      ok: true,
      number,
      error: null,
      handedBack: false,
      externalCase: { status: 'accepted', statusLabel: { zh: '对方已受理' } },
    });
    const mine = await detail(me, number);
    expect(mine.status).toBe('transferred');
    expect(mine.externalCases[0]).toMatchObject({
      status: 'accepted',
      statusNote: '已受理，编号 SH-API-1',
    });
    expect(mine.timeline.at(-1)).toMatchObject({
      type: 'external_update',
      actor: { kind: 'token' },
      data: { status: 'accepted' },
    });
    const seen = await events(number);
    const again = await update({
      platform: '12315',
      externalNumber: 'SH-API-1',
      status: 'accepted',
      note: '已受理，编号 SH-API-1',
    });
    expect(again.statusCode).toBe(200);
    expect(await events(number)).toBe(seen);
  });

  it('hands the case back to its handler when the platform resolves it', async () => {
    const number = await sentTo('12315', 'SH-API-2');
    const handler = (await detail(agent, number)).assignee;
    const res = await update({
      platform: '12315',
      externalNumber: 'SH-API-2',
      status: 'resolved',
      note: '市场监管部门已调解，快递公司同意赔付',
      at: new Date(clock.now().getTime() - HOUR).toISOString(),
    });
    expect(res.json()).toMatchObject({
      ok: true,
      handedBack: true,
      externalCase: { status: 'resolved' },
    });
    const c = await detail(agent, number);
    expect(c.status).toBe('investigating');
    expect(c.assignee).toEqual(handler);
    expect(c.latestOpinion.text).toContain('快递公司同意赔付');
    // An older update arrives late: on the timeline, but the status stays the newer one.
    const late = await update({
      platform: '12315',
      externalNumber: 'SH-API-2',
      status: 'processing',
      at: new Date(clock.now().getTime() - 2 * HOUR).toISOString(),
    });
    expect(late.json().externalCase.status).toBe('resolved');
    expect((await detail(agent, number)).timeline.at(-1)).toMatchObject({
      type: 'external_update',
      data: { status: 'processing', outdated: true },
    });
    const done = await act(t, agent, number, 'transitions', {
      action: 'resolve',
      opinion: '12315 调解成功，快递公司已赔付',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().resolutionMethod).toBe('service');
  });

  it('leaves a case alone when the platform reporting is no longer the one holding it', async () => {
    const number = await sentTo('12315', 'SH-API-4');
    const back = await update({
      platform: '12315',
      externalNumber: 'SH-API-4',
      status: 'returned',
    });
    expect(back.json().handedBack).toBe(true);
    const merchants = (await call(admin, 'GET', '/api/v1/merchants')).json().items as Json[];
    const passed = await act(t, agent, number, 'merchant-transfer', {
      merchantId: merchants[0]!.id,
      opinion: '退回后转商户处理',
    });
    expect(passed.statusCode).toBe(200);
    const late = await update({ platform: '12315', externalNumber: 'SH-API-4', status: 'closed' });
    expect(late.json()).toMatchObject({
      ok: true,
      handedBack: false,
      externalCase: { status: 'closed' },
    });
    expect((await detail(agent, number)).status).toBe('transferred');
  });

  it('refuses an unknown case number, an unknown platform, bad input and the wrong callers', async () => {
    await sentTo('12345', 'BJ-API-3');
    const unknown = await update({
      platform: '12345',
      externalNumber: 'NO-SUCH',
      status: 'accepted',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('external_case_not_found');
    const platform = await update({
      platform: 'nope',
      externalNumber: 'BJ-API-3',
      status: 'accepted',
    });
    expect(platform.statusCode).toBe(422);
    const status = await update({ platform: '12345', externalNumber: 'BJ-API-3', status: 'done' });
    expect(status.json().error.fields).toHaveProperty('status');
    const future = await update({
      platform: '12345',
      externalNumber: 'BJ-API-3',
      status: 'accepted',
      at: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('at');
    const notIso = await update({
      platform: '12345',
      externalNumber: 'BJ-API-3',
      status: 'accepted',
      at: 'yesterday',
    });
    expect(notIso.json().error.fields).toHaveProperty('at');
    const body = { platform: '12345', externalNumber: 'BJ-API-3', status: 'accepted' };
    expect((await update(body, merchant)).statusCode).toBe(403);
    expect((await update(body, me)).statusCode).toBe(403);
    expect(
      await countRows(
        t,
        'external_cases',
        `external_number = 'BJ-API-3' AND status = 'transferred'`,
      ),
    ).toBe(1);
  });
});

describe('status updates by CSV', () => {
  it('applies good rows and reports bad ones by row and field, changing nothing for them', async () => {
    const a = await sentTo('12315', 'CSV-A');
    const b = await sentTo('heimao', 'CSV-B');
    const future = new Date(clock.now().getTime() + HOUR).toISOString();
    const csv = [
      'platform,external_number,status,note,at',
      '12315,CSV-A,processing,"已转辖区市场监管所，联系人 王, 电话 12315",2026-11-23 09:30',
      'heimao,CSV-B,finished,,',
      '12315,NO-SUCH,accepted,,',
      'nope,CSV-A,accepted,,',
      `12315,CSV-A,accepted,,${future}`,
      '',
      '黑猫投诉,CSV-B,对方已办结,商家已退款,2026-11-23T09:00:00+08:00',
      '12315,CSV-A,accepted,,2026-13-01',
    ].join('\r\n');
    const res = await importCsv(`${csv}\r\n`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 7, applied: 2, failed: 5 });
    const byRow = Object.fromEntries(report.results.map((r: Json) => [r.row, r]));
    expect(byRow[1]).toEqual({ row: 1, ok: true, number: a, error: null });
    expect(byRow[2].error).toMatchObject({ code: 'validation_failed', field: 'status' });
    expect(byRow[3].error).toMatchObject({
      code: 'external_case_not_found',
      field: 'external_number',
    });
    expect(byRow[4].error).toMatchObject({ code: 'platform_unknown', field: 'platform' });
    expect(byRow[5].error).toMatchObject({ code: 'validation_failed', field: 'at' });
    expect(byRow[6]).toBeUndefined(); // the blank line
    expect(byRow[7]).toMatchObject({ ok: true, number: b });
    expect(byRow[8].error).toMatchObject({ field: 'at' });

    const caseA = await detail(me, a);
    expect(caseA.externalCases[0]).toMatchObject({
      status: 'processing',
      statusNote: '已转辖区市场监管所，联系人 王, 电话 12315',
      statusAt: '2026-11-23T01:30:00.000Z',
    });
    expect(caseA.status).toBe('transferred');
    const caseB = await detail(agent, b);
    expect(caseB.externalCases[0]).toMatchObject({ status: 'resolved', statusNote: '商家已退款' });
    expect(caseB.status).toBe('investigating');
  });

  it('reads the Chinese header with a BOM, and refuses files it cannot read whole', async () => {
    const number = await sentTo('12345', 'CSV-ZH');
    const zh = '\uFEFF平台,外部编号,状态,说明\n12345,CSV-ZH,对方处理中,承办单位已接单\n';
    const res = await importCsv(zh, token, 'text/csv; charset=utf-8');
    expect(res.json()).toMatchObject({ total: 1, applied: 1 });
    expect((await detail(me, number)).externalCases[0].status).toBe('processing');

    const seen = await events(number);
    const gbk = Buffer.from([0xc6, 0xbd, 0xcc, 0xa8, 0x0a]); // "平台" in GBK
    const notUtf8 = await importCsv(gbk);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.detail).toContain('UTF-8');
    const badHeader = await importCsv('platform,number,status\n12345,CSV-ZH,closed\n');
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.fields).toHaveProperty(['header.number']);
    const missing = await importCsv('platform,status\n');
    expect(missing.json().error.fields).toHaveProperty(['header.external_number']);
    const quote = await importCsv('platform,external_number,status\n12345,"CSV-ZH,closed\n');
    expect(quote.statusCode).toBe(400);
    expect(quote.json().error.fields).toHaveProperty(['rows.1']);
    const many = `platform,external_number,status\n${'12345,CSV-ZH,closed\n'.repeat(5001)}`;
    const tooMany = await importCsv(many);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toHaveProperty('body');
    expect((await importCsv('', token)).statusCode).toBe(400);
    const huge = `platform,external_number,status,note\n12345,CSV-ZH,closed,${'长'.repeat(800_000)}\n`;
    expect((await importCsv(huge)).statusCode).toBe(413);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/external-cases/import',
      headers: token.headers,
      payload: { platform: '12345' },
    });
    expect(json.statusCode).toBe(415);
    expect((await importCsv(zh, merchant)).statusCode).toBe(403);
    expect(await events(number)).toBe(seen);
  });
});

describe('complaints imported from a platform', () => {
  const inbound = (externalNumber: string, phone: string) => ({
    platform: '12345',
    externalNumber,
    complaint: {
      type: 'parcel_lost',
      description: `12345 转来：快递${externalNumber}显示签收但本人未收到`,
      demand: '找回包裹或赔偿',
      fields: { waybill_number: `YT${phone}`, carrier: '圆通速递' },
      complainant: { name: '王五', phone },
    },
  });

  it('files it on the channel external, keeps its number, and finds it by that number', async () => {
    const res = await call(
      token,
      'POST',
      '/api/v1/external-cases/inbound',
      inbound('GZ-12345-0001', '13700137701'),
    );
    expect(res.statusCode).toBe(201);
    const { complaint, externalCase, linkedToExisting } = res.json();
    expect(linkedToExisting).toBe(false);
    expect(complaint).toMatchObject({ channel: 'external', status: 'accepted' });
    expect(externalCase).toMatchObject({
      direction: 'inbound',
      externalNumber: 'GZ-12345-0001',
      status: 'accepted',
      platform: { code: '12345' },
    });
    expect(complaint.externalCases).toHaveLength(1);

    const found = await call(agent, 'GET', '/api/v1/external-cases/12345/GZ-12345-0001');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      number: complaint.number,
      externalCase: { status: 'accepted' },
    });

    // The person sees it, with where it came from, after logging in with that phone.
    const person = await loginComplainant(t, '13700137701');
    const theirs = await detail(person, complaint.number);
    expect(theirs.externalCases[0]).toMatchObject({
      direction: 'inbound',
      externalNumber: 'GZ-12345-0001',
    });

    // Updates follow it; a result from the platform that sent it does not "hand it back".
    const upd = await update({
      platform: '12345',
      externalNumber: 'GZ-12345-0001',
      status: 'closed',
    });
    expect(upd.json()).toMatchObject({ ok: true, handedBack: false });
    expect((await detail(agent, complaint.number)).status).toBe('accepted');
  });

  it('refuses the same case twice, unknown platforms, bad filings and callers without the permission', async () => {
    const first = await call(
      token,
      'POST',
      '/api/v1/external-cases/inbound',
      inbound('GZ-12345-0002', '13700137702'),
    );
    expect(first.statusCode).toBe(201);
    const before = await countRows(t, 'complaints');
    const again = await call(
      token,
      'POST',
      '/api/v1/external-cases/inbound',
      inbound('GZ-12345-0002', '13700137703'),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'external_number_taken' });
    expect(again.json().error.detail).toContain(first.json().complaint.number);
    const platform = await call(token, 'POST', '/api/v1/external-cases/inbound', {
      ...inbound('GZ-X', '13700137704'),
      platform: 'nope',
    });
    expect(platform.statusCode).toBe(422);
    const noContact = inbound('GZ-Y', '13700137705');
    delete (noContact.complaint.complainant as Partial<typeof noContact.complaint.complainant>)
      .phone;
    const bad = await call(token, 'POST', '/api/v1/external-cases/inbound', noContact);
    expect(bad.statusCode).toBe(400);
    const badType = await call(token, 'POST', '/api/v1/external-cases/inbound', {
      ...inbound('GZ-Z', '13700137706'),
      complaint: { ...inbound('GZ-Z', '13700137706').complaint, type: 'no_such_type' },
    });
    expect(badType.json().error.fields).toHaveProperty('type');
    expect(
      (
        await call(
          merchant,
          'POST',
          '/api/v1/external-cases/inbound',
          inbound('GZ-M', '13700137707'),
        )
      ).statusCode,
    ).toBe(403);
    expect(await countRows(t, 'complaints')).toBe(before);

    const none = await call(agent, 'GET', '/api/v1/external-cases/12345/NO-SUCH');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('external_case_not_found');
    expect((await call(agent, 'GET', '/api/v1/external-cases/nope/GZ-12345-0002')).statusCode).toBe(
      422,
    );
    expect(
      (await call(merchant, 'GET', '/api/v1/external-cases/12345/GZ-12345-0002')).statusCode,
    ).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('lists the external and merchant routes, the import as a CSV body', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Json;
    const imp = doc.paths['/api/v1/external-cases/import'].post;
    expect(imp.tags).toEqual(['external']);
    expect(Object.keys(imp.requestBody.content)).toEqual(['text/csv']);
    for (const path of [
      '/api/v1/external-platforms',
      '/api/v1/external-platforms/{code}',
      '/api/v1/complaints/{number}/external-transfers',
      '/api/v1/external-cases/updates',
      '/api/v1/external-cases/inbound',
      '/api/v1/external-cases/{platform}/{externalNumber}',
      '/api/v1/merchants',
      '/api/v1/merchants/{id}',
      '/api/v1/merchants/{id}/shops',
      '/api/v1/complaints/{number}/merchant-transfer',
      '/api/v1/merchant/complaints',
      '/api/v1/merchant/complaints/{number}/replies',
      '/api/v1/merchant/complaints/{number}/remedies',
      '/api/v1/complaints/{number}/remedies/{id}/accept',
      '/api/v1/complaints/{number}/remedies/{id}/refuse',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
