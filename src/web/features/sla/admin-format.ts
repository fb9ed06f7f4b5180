// Pure helpers of the SLA admin page: wall-clock times in a calendar's zone (the browser may sit
// in another), ISO strings read without re-zoning, and which years an iCalendar file touches.

/** Offset of `timeZone` at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(at));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/**
 * "2025-09-30T10:00" read as wall-clock time in `timeZone` → "2025-09-30T10:00:00+08:00". The
 * offset is looked up twice so a time just after a DST change gets the offset then in force.
 */
export function zonedIso(wall: string, timeZone: string): string {
  const asUtc = Date.parse(`${wall}:00Z`);
  let offset = zoneOffsetMinutes(timeZone, asUtc);
  offset = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
  return `${wall}:00${formatOffset(offset)}`;
}

export interface WallTime {
  date: string;
  time: string;
  offset: string;
}

/** An ISO string's own date, time and offset, as the server wrote them (no browser zone). */
export function splitIso(iso: string): WallTime | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return null;
  return { date: m[1]!, time: m[2]!, offset: m[3] === 'Z' ? '+00:00' : m[3]! };
}

/** ISO weekday of a YYYY-MM-DD date: 0 = Monday … 6 = Sunday (the calendar's `week` order). */
export function weekdayIndex(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day + 6) % 7;
}

/**
 * The years an iCalendar file's events start or end in, to offer as choices when the server
 * says the file spans several. Only a hint: the server decides what the file holds.
 */
export function yearsInIcs(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(/^DT(?:START|END)[^:\r\n]*:(\d{4})(\d{2})(\d{2})/gm)) {
    const year = Number(m[1]);
    // DTEND is exclusive: an event ending on 1 January does not touch that year.
    if (m[0].startsWith('DTEND') && m[2] === '01' && m[3] === '01') continue;
    years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** Every date of a month as YYYY-MM-DD, with the weekday (Monday = 0) the month starts on. */
export function monthDays(year: number, month: number): { lead: number; dates: string[] } {
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const mm = String(month + 1).padStart(2, '0');
  const dates = Array.from(
    { length: count },
    (_, i) => `${year}-${mm}-${String(i + 1).padStart(2, '0')}`,
  );
  return { lead: weekdayIndex(dates[0]!), dates };
}
