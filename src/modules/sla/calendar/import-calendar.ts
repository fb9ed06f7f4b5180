// Replaces the years an iCalendar file is the schedule for with its days, in one transaction,
// audited. Other years, and the file's days outside the chosen years, are left alone.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../server/db/client.js';
import type { CalendarDay } from '../../../shared/sla.js';
import { calendarDays, calendarYears } from '../../../server/db/schema.js';
import { fieldError } from '../../../server/lib/errors.js';
import type { Clock } from '../../../server/lib/clock.js';
import type { Principal } from '../../../server/plugins/auth.js';
import { auditActorOf, recordAudit } from '../../audit/index.js';
import { loadCalendar } from './calendar-repository.js';
import { IcsProblem, parseIcs } from './parse-ics.js';

/**
 * Which years the file makes known. A notice's holiday can spill into the neighbouring year
 * (2024's 元旦 began on 30 Dec 2023), so a file touching several years must say which ones it
 * is the schedule for: a year made known with a stray day or two would silently look workless.
 */
function yearsToImport(byYear: Map<number, unknown>, asked: number[] | undefined): number[] {
  const inFile = [...byYear.keys()].sort((a, b) => a - b);
  if (!asked) {
    if (inFile.length > 1)
      throw fieldError('years', 'years_ambiguous', { years: inFile.join('、') });
    return inFile;
  }
  const years = [...new Set(asked)].sort((a, b) => a - b);
  const missing = years.find((y) => !byYear.has(y));
  if (missing !== undefined) throw fieldError('years', 'year_not_in_file', { year: missing });
  return years;
}

/** One year's days replaced whole, and the year made known with its source. */
export async function replaceYear(
  tx: Tx,
  code: string,
  year: number,
  days: CalendarDay[],
  source: string,
  now: Date,
): Promise<void> {
  await tx
    .delete(calendarDays)
    .where(
      and(
        eq(calendarDays.calendarCode, code),
        sql`extract(year FROM ${calendarDays.day}) = ${year}`,
      ),
    );
  if (days.length > 0)
    await tx
      .insert(calendarDays)
      .values(days.map((d) => ({ calendarCode: code, day: d.date, kind: d.kind, name: d.name })));
  await tx
    .insert(calendarYears)
    .values({ calendarCode: code, year, source, updatedAt: now })
    .onConflictDoUpdate({
      target: [calendarYears.calendarCode, calendarYears.year],
      set: { source, updatedAt: now },
    });
}

export interface ImportResult {
  years: { year: number; holidays: number; workdays: number }[];
}

export async function importCalendar(
  deps: { db: Db; clock: Clock },
  principal: Principal,
  code: string,
  input: { ics: string; source: string; years?: number[] },
): Promise<ImportResult> {
  let byYear: ReturnType<typeof parseIcs>;
  try {
    byYear = parseIcs(input.ics);
  } catch (err) {
    if (err instanceof IcsProblem) throw fieldError('ics', 'invalid_icalendar');
    throw err;
  }
  const chosen = yearsToImport(byYear, input.years);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await loadCalendar(tx, code);
    const years: ImportResult['years'] = [];
    for (const year of chosen) {
      const days = byYear.get(year)!;
      await replaceYear(tx, code, year, days, input.source, now);
      years.push({
        year,
        holidays: days.filter((d) => d.kind === 'holiday').length,
        workdays: days.filter((d) => d.kind === 'workday').length,
      });
    }
    await recordAudit(tx, {
      at: now,
      actor: await auditActorOf(tx, principal),
      action: 'calendar.import',
      targetType: 'calendar',
      targetId: code,
      data: { years, source: input.source },
    });
    return { years };
  });
}
