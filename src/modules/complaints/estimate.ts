// The estimated completion time shown to the complainant. Until Stage 4 counts working time on
// the business calendar, this is a placeholder from the type's SLA: hours as clock hours, working
// days as Monday–Friday in China time (holidays and 调休 not yet known here).
import type { SlaSpec } from '../../shared/catalog.js';

const HOUR = 3600_000;
const CHINA_OFFSET = 8 * HOUR;

function addWeekdays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += 24 * HOUR;
    const weekday = new Date(t + CHINA_OFFSET).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t);
}

export function placeholderEstimate(sla: SlaSpec, acceptedAt: Date): Date | null {
  if (sla.resolutionHours !== null)
    return new Date(acceptedAt.getTime() + sla.resolutionHours * HOUR);
  const days = sla.resolutionWorkingDays ?? sla.maxWorkingDays;
  return days !== null ? addWeekdays(acceptedAt, days) : null;
}
