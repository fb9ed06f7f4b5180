// Replaces the years an iCalendar file covers with its days, in one transaction, audited. Years
// the file does not mention are left as they were.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { calendarDays, calendarYears } from '../../../server/db/schema.js';
import { fieldError } from '../../../server/lib/errors.js';
import type { Clock } from '../../../server/lib/clock.js';
import type { Principal } from '../../../server/plugins/auth.js';
import { findUserById } from '../../accounts/index.js';
import { recordAudit } from '../../audit/index.js';
import { loadCalendar } from './calendar-repository.js';
import { IcsProblem, parseIcs } from './parse-ics.js';

export interface ImportResult {
  years: { year: number; holidays: number; workdays: number }[];
}

export async function importCalendar(
  deps: { db: Db; clock: Clock },
  principal: Principal,
  code: string,
  input: { ics: string; source: string },
): Promise<ImportResult> {
  let byYear: ReturnType<typeof parseIcs>;
  try {
    byYear = parseIcs(input.ics);
  } catch (err) {
    if (err instanceof IcsProblem) throw fieldError('ics', 'invalid_icalendar');
    throw err;
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await loadCalendar(tx, code);
    const years: ImportResult['years'] = [];
    for (const [year, days] of byYear) {
      await tx
        .delete(calendarDays)
        .where(
          and(
            eq(calendarDays.calendarCode, code),
            sql`extract(year FROM ${calendarDays.day}) = ${year}`,
          ),
        );
      await tx
        .insert(calendarDays)
        .values(days.map((d) => ({ calendarCode: code, day: d.date, kind: d.kind, name: d.name })));
      await tx
        .insert(calendarYears)
        .values({ calendarCode: code, year, source: input.source, updatedAt: now })
        .onConflictDoUpdate({
          target: [calendarYears.calendarCode, calendarYears.year],
          set: { source: input.source, updatedAt: now },
        });
      years.push({
        year,
        holidays: days.filter((d) => d.kind === 'holiday').length,
        workdays: days.filter((d) => d.kind === 'workday').length,
      });
    }
    const user = principal.kind === 'user' ? await findUserById(tx, principal.userId) : null;
    await recordAudit(tx, {
      at: now,
      actor: {
        kind: principal.kind === 'token' ? 'token' : 'staff',
        key: principal.kind === 'token' ? `token:${principal.tokenId}` : `user:${principal.userId}`,
        appRole: principal.role,
        name: principal.kind === 'token' ? principal.name : (user?.name ?? ''),
      },
      action: 'calendar.import',
      targetType: 'calendar',
      targetId: code,
      data: { years, source: input.source },
    });
    return { years };
  });
}
