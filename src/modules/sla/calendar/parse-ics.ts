// An admin's holiday file as iCalendar (RFC 5545, parsed by node-ical): all-day events are
// holidays, except those marked as make-up working days (调休上班) — CATEGORIES:WORKDAY, or a
// summary containing 上班/补班 or "working day". Timed events are refused: a calendar day is a day.
import ical from 'node-ical';
import type { CalendarDay, DayKind } from '../../../shared/sla.js';

export class IcsProblem extends Error {}

const DAY = 86_400_000;
const MAX_DAYS = 400;

function kindOf(summary: string, categories: string[]): DayKind {
  if (categories.some((c) => c.trim().toUpperCase() === 'WORKDAY')) return 'workday';
  return /上班|补班|working\s*day|workday/i.test(summary) ? 'workday' : 'holiday';
}

function summaryText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  // node-ical gives {val, params} when the summary carries parameters such as LANGUAGE.
  if (value && typeof value === 'object' && 'val' in value) return String(value.val).trim();
  return '';
}

/** The days of every year the file mentions, grouped by year. */
export function parseIcs(text: string): Map<number, CalendarDay[]> {
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch {
    throw new IcsProblem('not_icalendar');
  }
  const byDate = new Map<string, CalendarDay>();
  for (const item of Object.values(parsed)) {
    if (!item || item.type !== 'VEVENT') continue;
    const start = item.start as (Date & { dateOnly?: boolean }) | undefined;
    if (!start || !start.dateOnly) throw new IcsProblem('timed_event');
    const end = (item.end as Date | undefined) ?? new Date(start.getTime() + DAY);
    const days = Math.round((end.getTime() - start.getTime()) / DAY);
    if (days < 1 || days > MAX_DAYS) throw new IcsProblem('bad_range');
    const name = summaryText(item.summary) || '节假日';
    const categories = Array.isArray(item.categories) ? item.categories.map(String) : [];
    const kind = kindOf(name, categories);
    for (let i = 0; i < days; i++) {
      const date = new Date(start.getTime() + i * DAY).toISOString().slice(0, 10);
      byDate.set(date, { date, kind, name });
    }
  }
  if (byDate.size === 0) throw new IcsProblem('no_days');
  const byYear = new Map<number, CalendarDay[]>();
  for (const day of [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = Number(day.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), day]);
  }
  return byYear;
}
