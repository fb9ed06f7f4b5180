// Delivery timing, pure: when to try again after a failure, and when SMS may wake someone.
import { DateTime } from 'luxon';

const BASE_MS = 30_000;
const CAP_MS = 6 * 3600_000;

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so workers that
 * failed together (a provider outage) do not all come back in the same second.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export const QUIET_START_HOUR = 22;
export const QUIET_END_HOUR = 8;

/**
 * If `now` falls in the person's quiet hours (22:00–08:00 in their time zone), the instant they
 * end; otherwise null. An unknown zone counts as Asia/Shanghai.
 */
export function quietHoursEnd(now: Date, timeZone: string): Date | null {
  let local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' });
  const h = local.hour;
  if (h >= QUIET_END_HOUR && h < QUIET_START_HOUR) return null;
  const day = h >= QUIET_START_HOUR ? local.plus({ days: 1 }) : local;
  return day.set({ hour: QUIET_END_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
