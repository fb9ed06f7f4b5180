// Reads a business calendar with all its known years. Calendars are small (a few dozen special
// days a year), so the whole calendar is loaded per use; callers reuse it within a request.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../server/db/client.js';
import { businessCalendars, calendarDays, calendarYears } from '../../../server/db/schema.js';
import { AppError } from '../../../server/lib/errors.js';
import type {
  BusinessCalendar,
  CalendarSummary,
  CalendarYear,
  DayKind,
} from '../../../shared/sla.js';

export async function findCalendar(db: Db | Tx, code: string): Promise<BusinessCalendar | null> {
  const [cal] = await db.select().from(businessCalendars).where(eq(businessCalendars.code, code));
  if (!cal) return null;
  const years = await db
    .select()
    .from(calendarYears)
    .where(eq(calendarYears.calendarCode, code))
    .orderBy(asc(calendarYears.year));
  const days = await db
    .select()
    .from(calendarDays)
    .where(eq(calendarDays.calendarCode, code))
    .orderBy(asc(calendarDays.day));
  const byYear = new Map<number, CalendarYear>(
    years.map((y) => [y.year, { year: y.year, source: y.source, days: [] }]),
  );
  for (const d of days) {
    // A day of a year without its year row is not trusted data: the year stays unknown.
    byYear
      .get(Number(d.day.slice(0, 4)))
      ?.days.push({ date: d.day, kind: d.kind as DayKind, name: d.name });
  }
  return {
    code: cal.code,
    name: cal.name,
    timeZone: cal.timeZone,
    week: cal.week,
    makeUpHours: cal.makeUpHours,
    years: [...byYear.values()],
  };
}

export async function loadCalendar(db: Db | Tx, code: string): Promise<BusinessCalendar> {
  const cal = await findCalendar(db, code);
  if (!cal) throw new AppError('calendar_not_found');
  return cal;
}

export async function listCalendars(db: Db): Promise<CalendarSummary[]> {
  const cals = await db.select().from(businessCalendars).orderBy(asc(businessCalendars.code));
  const counts = await db
    .select({
      code: calendarDays.calendarCode,
      year: sql<number>`extract(year FROM ${calendarDays.day})::int`,
      holidays: sql<number>`count(*) FILTER (WHERE ${calendarDays.kind} = 'holiday')::int`,
      workdays: sql<number>`count(*) FILTER (WHERE ${calendarDays.kind} = 'workday')::int`,
    })
    .from(calendarDays)
    .groupBy(calendarDays.calendarCode, sql`2`);
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return cals.map((c) => ({
    code: c.code,
    name: c.name,
    timeZone: c.timeZone,
    week: c.week,
    makeUpHours: c.makeUpHours,
    years: years
      .filter((y) => y.calendarCode === c.code)
      .map((y) => {
        const n = counts.find((k) => k.code === c.code && k.year === y.year);
        return {
          year: y.year,
          source: y.source,
          holidays: n?.holidays ?? 0,
          workdays: n?.workdays ?? 0,
        };
      }),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

// A transaction sees one version of a calendar (an edit commits in its own transaction), so a
// calendar read once serves every clock the transaction touches: a sweep of hundreds of clocks
// reads it once, not three queries per clock.
const perTx = new WeakMap<object, Map<string, Promise<BusinessCalendar | null>>>();

export function calendarInTx(db: Db | Tx, code: string): Promise<BusinessCalendar | null> {
  let cals = perTx.get(db);
  if (!cals) {
    cals = new Map();
    perTx.set(db, cals);
  }
  let cal = cals.get(code);
  if (!cal) {
    cal = findCalendar(db, code);
    cals.set(code, cal);
  }
  return cal;
}
