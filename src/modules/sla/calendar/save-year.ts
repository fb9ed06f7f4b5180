// An admin's correction of one year of a calendar (a holiday the State Council moved, a local
// extra day off): the year's days are replaced whole, audited, and the year becomes known.
import { DateTime } from 'luxon';
import type { Db } from '../../../server/db/client.js';
import { fieldError } from '../../../server/lib/errors.js';
import type { Clock } from '../../../server/lib/clock.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { CalendarDay, CalendarSummary } from '../../../shared/sla.js';
import { auditActorOf, recordAudit } from '../../audit/index.js';
import { listCalendars, loadCalendar } from './calendar-repository.js';
import { replaceYear } from './import-calendar.js';

function check(year: number, days: CalendarDay[]): void {
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const parsed = DateTime.fromISO(d.date, { zone: 'UTC' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || !parsed.isValid) {
      throw fieldError(`days.${i}.date`, 'invalid_date');
    }
    if (parsed.year !== year) throw fieldError(`days.${i}.date`, 'out_of_range');
    if (seen.has(d.date)) throw fieldError(`days.${i}.date`, 'taken');
    seen.add(d.date);
    if (!d.name.trim()) throw fieldError(`days.${i}.name`, 'required');
  });
}

export async function saveCalendarYear(
  deps: { db: Db; clock: Clock },
  principal: Principal,
  code: string,
  year: number,
  input: { source: string; days: CalendarDay[] },
): Promise<CalendarSummary> {
  if (!input.source.trim()) throw fieldError('source', 'required');
  check(year, input.days);
  const now = deps.clock.now();
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  await deps.db.transaction(async (tx) => {
    await loadCalendar(tx, code);
    await replaceYear(tx, code, year, days, input.source.trim(), now);
    await recordAudit(tx, {
      at: now,
      actor: await auditActorOf(tx, principal),
      action: 'calendar.year.save',
      targetType: 'calendar',
      targetId: code,
      data: {
        year,
        source: input.source.trim(),
        holidays: days.filter((d) => d.kind === 'holiday').length,
        workdays: days.filter((d) => d.kind === 'workday').length,
      },
    });
  });
  const all = await listCalendars(deps.db);
  return all.find((c) => c.code === code)!;
}
