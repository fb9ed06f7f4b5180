// SLA 预览: when does a span of working time that starts at `start` end on a calendar? Lets an
// admin check a calendar against the official schedule before trusting clocks to it.
import type { Db } from '../../server/db/client.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import type { SlaDuration, SlaPreviewRequest, SlaPreviewResponse } from '../../shared/sla.js';
import {
  addDuration,
  CalendarYearMissingError,
  makeUpDaysBetween,
  nonWorkingDaysBetween,
} from './calendar/calendar-math.js';
import { loadCalendar } from './calendar/calendar-repository.js';
import { formatInZone } from './calendar/format.js';

function durationOf(add: SlaPreviewRequest['add']): SlaDuration {
  const given = (['workingDays', 'workingHours', 'hours'] as const).filter(
    (k) => add[k] !== undefined,
  );
  if (given.length !== 1) throw fieldError('add', 'one_duration');
  const key = given[0]!;
  const unit =
    key === 'workingDays' ? 'working_days' : key === 'workingHours' ? 'working_hours' : 'hours';
  return { value: add[key]!, unit };
}

export async function previewDue(db: Db, req: SlaPreviewRequest): Promise<SlaPreviewResponse> {
  const start = new Date(req.start);
  if (Number.isNaN(start.getTime())) throw fieldError('start', 'invalid_format');
  const duration = durationOf(req.add);
  const cal = await loadCalendar(db, req.calendar);
  try {
    const due = addDuration(cal, start, duration);
    return {
      due: formatInZone(due, cal.timeZone),
      calendar: cal.code,
      timeZone: cal.timeZone,
      skipped: nonWorkingDaysBetween(cal, start, due),
      counted: makeUpDaysBetween(cal, start, due),
    };
  } catch (err) {
    if (err instanceof CalendarYearMissingError)
      throw new AppError('calendar_year_missing', undefined, undefined, {
        zh: `工作日历 ${err.calendarCode} 没有 ${err.year} 年的节假日数据`,
        en: `Calendar ${err.calendarCode} has no holiday data for ${err.year}`,
      });
    throw err;
  }
}
