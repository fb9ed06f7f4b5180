import { DateTime } from 'luxon';

/** ISO 8601 with the zone's offset at that instant, e.g. 2025-10-11T10:00:00+08:00. */
export function formatInZone(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
}
