// SLA 预览 against the shipped China calendar: the literal example, the Spring Festival,
// wall-clock hours, a year without data, and bad input that names the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type AuthedClient, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: AuthedClient;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

function preview(payload: object, locale = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/sla/preview',
    headers: { ...admin.headers, 'accept-language': locale },
    payload,
  });
}

describe('POST /api/v1/sla/preview', () => {
  it('skips the 2025 National Day holiday and counts the make-up Saturday', async () => {
    const res = await preview({
      calendar: 'cn-mainland',
      start: '2025-09-30T10:00:00+08:00',
      add: { workingDays: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.due).toBe('2025-10-11T10:00:00+08:00');
    expect(body.timeZone).toBe('Asia/Shanghai');
    expect(body.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(body.counted).toEqual([{ date: '2025-10-11', name: '国庆节调休上班' }]);
  });

  it('counts working hours across the 2026 Spring Festival', async () => {
    // Friday 13 Feb 16:00 + 4 h: 2 h on Friday, 2 h on the make-up Saturday 14 Feb.
    const res = await preview({
      calendar: 'cn-mainland',
      start: '2026-02-13T16:00:00+08:00',
      add: { workingHours: 4 },
    });
    expect(res.json().due).toBe('2026-02-14T11:00:00+08:00');
    // 2 working days from Saturday 14 Feb 10:00: the holiday runs to Monday 23 Feb.
    const days = await preview({
      calendar: 'cn-mainland',
      start: '2026-02-14T10:00:00+08:00',
      add: { workingDays: 2 },
    });
    expect(days.json().due).toBe('2026-02-25T10:00:00+08:00');
  });

  it('adds wall-clock hours without consulting holidays', async () => {
    const res = await preview({
      calendar: 'cn-mainland',
      start: '2025-10-01T10:00:00+08:00',
      add: { hours: 48 },
    });
    expect(res.json().due).toBe('2025-10-03T10:00:00+08:00');
  });

  it('refuses a span reaching a year the calendar has no data for, naming the year', async () => {
    const res = await preview(
      { calendar: 'cn-mainland', start: '2026-12-30T10:00:00+08:00', add: { workingDays: 5 } },
      'en',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('calendar_year_missing');
    expect(res.json().error.detail).toContain('2027');
  });

  it('names the field that is wrong and the calendar that does not exist', async () => {
    const two = await preview({
      calendar: 'cn-mainland',
      start: '2025-09-30T10:00:00+08:00',
      add: { workingDays: 1, workingHours: 2 },
    });
    expect(two.statusCode).toBe(400);
    expect(Object.keys(two.json().error.fields)).toEqual(['add']);
    const none = await preview({
      calendar: 'cn-mainland',
      start: '2025-09-30T10:00:00+08:00',
      add: {},
    });
    expect(none.statusCode).toBe(400);
    const unknown = await preview({
      calendar: 'mars',
      start: '2025-09-30T10:00:00+08:00',
      add: { workingDays: 1 },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('calendar_not_found');
    const badStart = await preview({
      calendar: 'cn-mainland',
      start: 'yesterday',
      add: { workingDays: 1 },
    });
    expect(badStart.statusCode).toBe(400);
    expect(Object.keys(badStart.json().error.fields)).toEqual(['start']);
  });
});

const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Redress test//ZH',
  'BEGIN:VEVENT',
  'UID:2027-national-day',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271008',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-makeup',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20270926',
  'SUMMARY:国庆节调休上班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-new-year',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20270101',
  'SUMMARY:元旦',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('calendars', () => {
  it('lists the shipped calendar with its three cited years', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendars', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const cn = res.json().find((c: { code: string }) => c.code === 'cn-mainland');
    expect(cn.timeZone).toBe('Asia/Shanghai');
    expect(cn.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    expect(cn.years[1].source).toContain('2025年部分节假日安排');
    const one = await t.app.inject({
      url: '/api/v1/calendars/cn-mainland',
      headers: admin.headers,
    });
    const y2025 = one.json().years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.days).toContainEqual({
      date: '2025-09-28',
      kind: 'workday',
      name: '国庆节调休上班',
    });
  });

  it('imports a year from iCalendar, after which the preview reaches into it', async () => {
    const agent = await loginAs(t.app, 'agent');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars/cn-mainland/import',
      headers: agent.headers,
      payload: { ics: ICS_2027, source: 'test' },
    });
    expect(refused.statusCode).toBe(403);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars/cn-mainland/import',
      headers: admin.headers,
      payload: { ics: ICS_2027, source: '测试：2027 年安排' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().years).toEqual([{ year: 2027, holidays: 8, workdays: 1 }]);

    // Thursday 30 Sep 2027 10:00 + 1 working day: 1–7 Oct off → Friday 8 Oct 10:00.
    const due = await preview({
      calendar: 'cn-mainland',
      start: '2027-09-30T10:00:00+08:00',
      add: { workingDays: 1 },
    });
    expect(due.json().due).toBe('2027-10-08T10:00:00+08:00');
    // Friday 24 Sep 2027 10:00 + 1 working day lands on the make-up Sunday 26 Sep.
    const makeUp = await preview({
      calendar: 'cn-mainland',
      start: '2027-09-24T10:00:00+08:00',
      add: { workingDays: 1 },
    });
    expect(makeUp.json().due).toBe('2027-09-26T10:00:00+08:00');
  });

  it('asks which years a file spanning several is for, and imports only those', async () => {
    // The 2028 schedule as a notice gives it: 元旦 starts on Saturday 30 Dec 2027.
    const ics = ICS_2027.replace('DTSTART;VALUE=DATE:20271001', 'DTSTART;VALUE=DATE:20271230')
      .replace('DTEND;VALUE=DATE:20271008', 'DTEND;VALUE=DATE:20280102')
      .replace('DTSTART;VALUE=DATE:20270926', 'DTSTART;VALUE=DATE:20280105')
      .replace('DTSTART;VALUE=DATE:20270101', 'DTSTART;VALUE=DATE:20280210');
    const url = '/api/v1/calendars/cn-mainland/import';
    const before = await t.app.inject({ url: '/api/v1/calendars', headers: admin.headers });
    const ambiguous = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { ics, source: '测试：2028 年安排' },
    });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.fields.years).toBe(
      '文件涉及多个年份（2027、2028），请选择要导入的年份',
    );
    const notThere = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { ics, source: 'x', years: [2029] },
    });
    expect(notThere.json().error.fields.years).toBe('文件中没有 2029 年的日期');
    const after = await t.app.inject({ url: '/api/v1/calendars', headers: admin.headers });
    expect(after.json()).toEqual(before.json());

    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { ics, source: '测试：2028 年安排', years: [2028] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().years).toEqual([{ year: 2028, holidays: 2, workdays: 1 }]);
    // 2027's days stayed as the 2027 import left them (31 Dec 2027 is a plain Friday there).
    const cal = await t.app.inject({
      url: '/api/v1/calendars/cn-mainland',
      headers: admin.headers,
    });
    const y2027 = cal.json().years.find((y: { year: number }) => y.year === 2027);
    expect(y2027.days.map((d: { date: string }) => d.date)).not.toContain('2027-12-31');
  });

  it('refuses a file that is not iCalendar and changes nothing', async () => {
    const before = await t.app.inject({ url: '/api/v1/calendars', headers: admin.headers });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars/cn-mainland/import',
      headers: admin.headers,
      payload: { ics: '元旦,2028-01-01', source: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['ics']);
    const after = await t.app.inject({ url: '/api/v1/calendars', headers: admin.headers });
    expect(after.json()).toEqual(before.json());
  });
});
