// China's statutory holidays and 调休 make-up days for 2025–2026, typed in from the State Council
// notices, so the calendar maths is tested against the official data rather than the shipped seed.
import type { BusinessCalendar, CalendarDay, WorkingInterval } from '../../../src/shared/sla.js';

const OFFICE: WorkingInterval[] = [{ start: '09:00', end: '18:00' }];

/** Inclusive range of local dates, all with one kind and name. */
function range(from: string, to: string, kind: CalendarDay['kind'], name: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`);) {
    out.push({ date: d.toISOString().slice(0, 10), kind, name });
    d = new Date(d.getTime() + 86_400_000);
  }
  return out;
}

const holiday = (from: string, to: string, name: string) => range(from, to, 'holiday', name);
const workday = (date: string, name: string) => range(date, date, 'workday', `${name}调休上班`);

export const CN_2025_DAYS: CalendarDay[] = [
  ...holiday('2025-01-01', '2025-01-01', '元旦'),
  ...holiday('2025-01-28', '2025-02-04', '春节'),
  ...holiday('2025-04-04', '2025-04-06', '清明节'),
  ...holiday('2025-05-01', '2025-05-05', '劳动节'),
  ...holiday('2025-05-31', '2025-06-02', '端午节'),
  ...holiday('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ...workday('2025-01-26', '春节'),
  ...workday('2025-02-08', '春节'),
  ...workday('2025-04-27', '劳动节'),
  ...workday('2025-09-28', '国庆节'),
  ...workday('2025-10-11', '国庆节'),
];

export const CN_2026_DAYS: CalendarDay[] = [
  ...holiday('2026-01-01', '2026-01-03', '元旦'),
  ...holiday('2026-02-15', '2026-02-23', '春节'),
  ...holiday('2026-04-04', '2026-04-06', '清明节'),
  ...holiday('2026-05-01', '2026-05-05', '劳动节'),
  ...holiday('2026-06-19', '2026-06-21', '端午节'),
  ...holiday('2026-09-25', '2026-09-27', '中秋节'),
  ...holiday('2026-10-01', '2026-10-07', '国庆节'),
  ...workday('2026-01-04', '元旦'),
  ...workday('2026-02-14', '春节'),
  ...workday('2026-02-28', '春节'),
  ...workday('2026-05-09', '劳动节'),
  ...workday('2026-09-20', '国庆节'),
  ...workday('2026-10-10', '国庆节'),
];

/** Mon–Fri 09:00–18:00 Asia/Shanghai with the 2025 and 2026 notices (no other year). */
export function cnCalendar(): BusinessCalendar {
  return {
    code: 'cn-mainland',
    name: { zh: '中国大陆工作日历', en: 'Mainland China business calendar' },
    timeZone: 'Asia/Shanghai',
    week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [], []],
    makeUpHours: OFFICE,
    years: [
      {
        year: 2025,
        source: '国务院办公厅关于2025年部分节假日安排的通知（2024-11-12）',
        days: CN_2025_DAYS,
      },
      {
        year: 2026,
        source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
        days: CN_2026_DAYS,
      },
    ],
  };
}

/** America/New_York, Mon–Fri 09:00–17:00, 2025 only with no special days: a DST test bed. */
export function nyCalendar(week?: WorkingInterval[][]): BusinessCalendar {
  const office: WorkingInterval[] = [{ start: '09:00', end: '17:00' }];
  return {
    code: 'us-ny-test',
    name: { zh: '纽约测试日历', en: 'New York test calendar' },
    timeZone: 'America/New_York',
    week: week ?? [office, office, office, office, office, [], []],
    makeUpHours: office,
    years: [{ year: 2025, source: 'test', days: [] }],
  };
}
