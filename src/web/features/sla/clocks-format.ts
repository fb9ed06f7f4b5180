// Words for SLA clocks, pure so the unit tests can pin them: the time left (or overdue) on a
// badge, a policy target, and how a clock's remaining time moves on between fetches.
//
// Remaining time is the server's: working milliseconds for working-time clocks, wall milliseconds
// for `hours` clocks. A working day is not assumed to be any number of hours, so working time is
// only ever said in hours and minutes; days (of 24 h) appear only for wall-clock targets.
import type { ClockColour, ClockState, SlaDuration, SlaUnit } from '../../../shared/sla.js';

export type ClockLang = 'zh' | 'en';

export const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** The fields every clock shape (list badge or full clock) shares. */
export interface ClockLike {
  state: ClockState;
  colour: ClockColour;
  dueAt: string | null;
  remainingMs: number | null;
}

const WORDS = {
  zh: {
    lessThanMinute: '不足1分钟',
    left: (span: string) => `剩余 ${span}`,
    over: (span: string) => `超时 ${span}`,
    paused: '已暂停',
    met: '已达成',
    cancelled: '已取消',
    breached: '已超时',
    running: '计时中',
  },
  en: {
    lessThanMinute: 'under 1 min',
    left: (span: string) => `${span} left`,
    over: (span: string) => `${span} overdue`,
    paused: 'Paused',
    met: 'Met',
    cancelled: 'Cancelled',
    breached: 'Overdue',
    running: 'Running',
  },
} as const;

/** From this many hours on, a compact span (list cells) leaves the minutes out. */
const COMPACT_HOURS = 10;

/**
 * A length of time in words, its sign ignored: "1天3小时" / "27小时5分" / "45分钟" (en "1d 3h",
 * "27h 5min", "45 min"). Whole minutes, rounded down; days only for wall-clock (`hours`) clocks.
 * Compact (list cells) leaves the minutes out from 10 hours on: "27小时".
 */
export function formatSpan(
  ms: number,
  unit: SlaUnit | null,
  lang: ClockLang,
  compact = false,
): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return WORDS[lang].lessThanMinute;
  const zh = lang === 'zh';
  if (unit === 'hours' && minutes >= DAY_MINUTES) {
    const days = Math.floor(minutes / DAY_MINUTES);
    const hours = Math.floor((minutes % DAY_MINUTES) / 60);
    if (zh) return `${days}天${hours ? `${hours}小时` : ''}`;
    return `${days}d${hours ? ` ${hours}h` : ''}`;
  }
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = compact && hours >= COMPACT_HOURS ? 0 : minutes % 60;
    if (zh) return `${hours}小时${rest ? `${rest}分` : ''}`;
    return `${hours}h${rest ? ` ${rest}min` : ''}`;
  }
  return zh ? `${minutes}分钟` : `${minutes} min`;
}

/** Clocks that are counting (or counting overdue); the others show their state, not a time. */
export function isTicking(state: ClockState): boolean {
  return state === 'running' || state === 'warning' || state === 'breached';
}

/**
 * What a badge says: "剩余 1天3小时", "超时 2小时", "已暂停", "已达成", "已取消"
 * (en "1d 3h left", "2h overdue", "Paused", "Met", "Cancelled").
 */
export function clockText(
  clock: Pick<ClockLike, 'state' | 'remainingMs'>,
  unit: SlaUnit | null,
  lang: ClockLang,
  compact = false,
): string {
  const words = WORDS[lang];
  if (clock.state === 'paused') return words.paused;
  if (clock.state === 'met') return words.met;
  if (clock.state === 'cancelled') return words.cancelled;
  const left = clock.remainingMs;
  if (left === null) return clock.state === 'breached' ? words.breached : words.running;
  if (left < 0) return words.over(formatSpan(left, unit, lang, compact));
  if (clock.state === 'breached') return words.breached;
  return words.left(formatSpan(left, unit, lang, compact));
}

/** A policy target: "3 个工作日", "24 小时", "8 个工作小时" (en "3 working days" …). */
export function formatTarget(target: SlaDuration, lang: ClockLang): string {
  const { value, unit } = target;
  if (lang === 'zh') {
    if (unit === 'hours') return `${value} 小时`;
    if (unit === 'working_hours') return `${value} 个工作小时`;
    return `${value} 个工作日`;
  }
  const one = value === 1;
  if (unit === 'hours') return `${value} ${one ? 'hour' : 'hours'}`;
  if (unit === 'working_hours') return `${value} working ${one ? 'hour' : 'hours'}`;
  return `${value} working ${one ? 'day' : 'days'}`;
}

/**
 * The remaining time now, from what the server said at `seenAt` (ms since epoch).
 *
 * Wall-clock time to the due time is exact for `hours` clocks. For working-time clocks the browser
 * does not know the calendar, but working time left can never exceed wall time left, and when the
 * two were equal at `seenAt` every minute until (or since) the due time is working time: so the
 * smaller of the two is shown, and an overdue working clock counts on only when it has been
 * overdue in working time since it fell due. Otherwise it keeps the server's figure until the next
 * fetch. Stopped clocks keep the server's figure.
 */
export function liveRemainingMs(
  clock: Pick<ClockLike, 'state' | 'dueAt' | 'remainingMs'>,
  unit: SlaUnit | null,
  seenAt: number,
  now: number,
): number | null {
  const { remainingMs } = clock;
  if (!isTicking(clock.state) || clock.dueAt === null) return remainingMs;
  const due = Date.parse(clock.dueAt);
  if (Number.isNaN(due)) return remainingMs;
  const wallLeft = due - now;
  if (remainingMs === null || unit === 'hours') return wallLeft;
  if (remainingMs >= 0) return Math.min(remainingMs, wallLeft);
  const allWorking = Math.abs(due - seenAt - remainingMs) < MINUTE_MS;
  return allWorking ? Math.min(remainingMs, wallLeft) : remainingMs;
}

/**
 * The colour now: a counting clock turns red once its time has run out, and yellow once past its
 * warning time, before the server's sweep says so.
 */
export function liveColour(
  clock: Pick<ClockLike, 'state' | 'colour'> & { warnAt?: string | null },
  liveMs: number | null,
  now: number,
): ClockColour {
  if (clock.state !== 'running' && clock.state !== 'warning') return clock.colour;
  if (liveMs !== null && liveMs < 0) return 'red';
  if (clock.state === 'running' && clock.warnAt && Date.parse(clock.warnAt) <= now) {
    return 'yellow';
  }
  return clock.colour;
}

/**
 * How long until the words for `liveMs` change (the next whole minute of it), so a badge can
 * re-render exactly then; at least a second, at most a minute.
 */
export function msUntilNextChange(liveMs: number): number {
  const into = liveMs >= 0 ? liveMs % MINUTE_MS : MINUTE_MS - (-liveMs % MINUTE_MS);
  return Math.min(MINUTE_MS, Math.max(1_000, into + 1));
}
