// China mainland's statutory holidays and 调休 make-up working days, as data. Each year is copied
// from the State Council General Office's notice (国务院办公厅关于 YYYY 年部分节假日安排的通知),
// cited per year below. A new year's notice (usually published in November) is added here, or
// imported by an admin as iCalendar; a year missing from the database is refused, never guessed.
import type { CalendarDay, CalendarYear } from '../../../shared/sla.js';

interface Span {
  name: string;
  from: string;
  to?: string;
}

function holidays(year: number, spans: Span[]): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const s of spans) {
    const start = new Date(`${year}-${s.from}T00:00:00Z`);
    const end = new Date(`${year}-${s.to ?? s.from}T00:00:00Z`);
    for (let d = start; d <= end; d = new Date(d.getTime() + 86_400_000))
      out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name: s.name });
  }
  return out;
}

function workdays(year: number, list: [string, string][]): CalendarDay[] {
  return list.map(([md, name]) => ({ date: `${year}-${md}`, kind: 'workday', name }));
}

const year = (y: number, source: string, off: Span[], on: [string, string][]): CalendarYear => ({
  year: y,
  source,
  days: [...holidays(y, off), ...workdays(y, on)].sort((a, b) => a.date.localeCompare(b.date)),
});

export const CN_MAINLAND_YEARS: CalendarYear[] = [
  year(
    2024,
    '国务院办公厅关于2024年部分节假日安排的通知（2023年10月25日）',
    [
      { name: '元旦', from: '01-01' },
      { name: '春节', from: '02-10', to: '02-17' },
      { name: '清明节', from: '04-04', to: '04-06' },
      { name: '劳动节', from: '05-01', to: '05-05' },
      { name: '端午节', from: '06-10' },
      { name: '中秋节', from: '09-15', to: '09-17' },
      { name: '国庆节', from: '10-01', to: '10-07' },
    ],
    [
      ['02-04', '春节调休上班'],
      ['02-18', '春节调休上班'],
      ['04-07', '清明节调休上班'],
      ['04-28', '劳动节调休上班'],
      ['05-11', '劳动节调休上班'],
      ['09-14', '中秋节调休上班'],
      ['09-29', '国庆节调休上班'],
      ['10-12', '国庆节调休上班'],
    ],
  ),
  year(
    2025,
    '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
    [
      { name: '元旦', from: '01-01' },
      { name: '春节', from: '01-28', to: '02-04' },
      { name: '清明节', from: '04-04', to: '04-06' },
      { name: '劳动节', from: '05-01', to: '05-05' },
      { name: '端午节', from: '05-31', to: '06-02' },
      { name: '国庆节、中秋节', from: '10-01', to: '10-08' },
    ],
    [
      ['01-26', '春节调休上班'],
      ['02-08', '春节调休上班'],
      ['04-27', '劳动节调休上班'],
      ['09-28', '国庆节调休上班'],
      ['10-11', '国庆节调休上班'],
    ],
  ),
  year(
    2026,
    '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    [
      { name: '元旦', from: '01-01', to: '01-03' },
      { name: '春节', from: '02-15', to: '02-23' },
      { name: '清明节', from: '04-04', to: '04-06' },
      { name: '劳动节', from: '05-01', to: '05-05' },
      { name: '端午节', from: '06-19', to: '06-21' },
      { name: '中秋节', from: '09-25', to: '09-27' },
      { name: '国庆节', from: '10-01', to: '10-07' },
    ],
    [
      ['01-04', '元旦调休上班'],
      ['02-14', '春节调休上班'],
      ['02-28', '春节调休上班'],
      ['05-09', '劳动节调休上班'],
      ['09-20', '国庆节调休上班'],
      ['10-10', '国庆节调休上班'],
    ],
  ),
];
