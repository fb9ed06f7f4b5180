import { describe, expect, it } from 'vitest';
import {
  clockText,
  formatSpan,
  formatTarget,
  liveColour,
  liveRemainingMs,
  msUntilNextChange,
} from '../../src/web/features/sla/clocks-format.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatSpan', () => {
  it('says wall-clock time in days of 24 h and hours', () => {
    expect(formatSpan(DAY + 3 * HOUR, 'hours', 'zh')).toBe('1天3小时');
    expect(formatSpan(DAY + 3 * HOUR + 59 * MIN, 'hours', 'zh')).toBe('1天3小时');
    expect(formatSpan(2 * DAY, 'hours', 'zh')).toBe('2天');
    expect(formatSpan(DAY + 3 * HOUR, 'hours', 'en')).toBe('1d 3h');
    expect(formatSpan(2 * DAY + 20 * MIN, 'hours', 'en')).toBe('2d');
  });

  it('says working time in hours and minutes, never in days', () => {
    expect(formatSpan(27 * HOUR + 5 * MIN, 'working_days', 'zh')).toBe('27小时5分');
    expect(formatSpan(27 * HOUR, 'working_hours', 'zh')).toBe('27小时');
    expect(formatSpan(27 * HOUR + 5 * MIN, 'working_days', 'en')).toBe('27h 5min');
    // Unknown unit (a list badge): no days either.
    expect(formatSpan(30 * HOUR, null, 'zh')).toBe('30小时');
  });

  it('leaves the minutes out of a compact span from 10 hours on', () => {
    expect(formatSpan(23 * HOUR + 59 * MIN, 'working_days', 'zh', true)).toBe('23小时');
    expect(formatSpan(9 * HOUR + 59 * MIN, 'working_days', 'zh', true)).toBe('9小时59分');
    expect(formatSpan(DAY + 3 * HOUR + 5 * MIN, 'hours', 'en', true)).toBe('1d 3h');
    expect(
      clockText({ state: 'running', remainingMs: 27 * HOUR + 5 * MIN }, null, 'zh', true),
    ).toBe('剩余 27小时');
  });

  it('says under an hour in minutes, and under a minute as such; the sign is ignored', () => {
    expect(formatSpan(45 * MIN + 59_999, 'hours', 'zh')).toBe('45分钟');
    expect(formatSpan(-2 * HOUR, 'hours', 'zh')).toBe('2小时');
    expect(formatSpan(59_999, 'working_hours', 'zh')).toBe('不足1分钟');
    expect(formatSpan(0, null, 'en')).toBe('under 1 min');
    expect(formatSpan(-5 * MIN, null, 'en')).toBe('5 min');
  });
});

describe('clockText', () => {
  it('says what is left, or how far overdue', () => {
    expect(clockText({ state: 'running', remainingMs: DAY + 3 * HOUR }, 'hours', 'zh')).toBe(
      '剩余 1天3小时',
    );
    expect(clockText({ state: 'warning', remainingMs: 90 * MIN }, 'working_days', 'zh')).toBe(
      '剩余 1小时30分',
    );
    expect(clockText({ state: 'breached', remainingMs: -2 * HOUR }, 'working_days', 'zh')).toBe(
      '超时 2小时',
    );
    expect(clockText({ state: 'running', remainingMs: DAY + 3 * HOUR }, 'hours', 'en')).toBe(
      '1d 3h left',
    );
    expect(clockText({ state: 'breached', remainingMs: -2 * HOUR }, null, 'en')).toBe('2h overdue');
  });

  it('names stopped clocks by their state', () => {
    expect(clockText({ state: 'paused', remainingMs: HOUR }, null, 'zh')).toBe('已暂停');
    expect(clockText({ state: 'met', remainingMs: HOUR }, null, 'zh')).toBe('已达成');
    expect(clockText({ state: 'cancelled', remainingMs: null }, null, 'zh')).toBe('已取消');
    expect(clockText({ state: 'paused', remainingMs: HOUR }, null, 'en')).toBe('Paused');
    expect(clockText({ state: 'met', remainingMs: null }, null, 'en')).toBe('Met');
  });

  it('falls back to the state without a figure', () => {
    expect(clockText({ state: 'breached', remainingMs: null }, null, 'zh')).toBe('已超时');
    expect(clockText({ state: 'breached', remainingMs: 0 }, null, 'zh')).toBe('已超时');
    expect(clockText({ state: 'running', remainingMs: null }, null, 'zh')).toBe('计时中');
  });
});

describe('formatTarget', () => {
  it('names the unit', () => {
    expect(formatTarget({ value: 3, unit: 'working_days' }, 'zh')).toBe('3 个工作日');
    expect(formatTarget({ value: 24, unit: 'hours' }, 'zh')).toBe('24 小时');
    expect(formatTarget({ value: 8, unit: 'working_hours' }, 'zh')).toBe('8 个工作小时');
    expect(formatTarget({ value: 3, unit: 'working_days' }, 'en')).toBe('3 working days');
    expect(formatTarget({ value: 1, unit: 'working_days' }, 'en')).toBe('1 working day');
    expect(formatTarget({ value: 48, unit: 'hours' }, 'en')).toBe('48 hours');
    expect(formatTarget({ value: 1, unit: 'working_hours' }, 'en')).toBe('1 working hour');
  });
});

describe('liveRemainingMs', () => {
  const seenAt = Date.parse('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai
  const due = (ms: number) => new Date(seenAt + ms).toISOString();

  it('counts wall-clock clocks down from the due time', () => {
    const clock = { state: 'running' as const, dueAt: due(5 * HOUR), remainingMs: 5 * HOUR };
    expect(liveRemainingMs(clock, 'hours', seenAt, seenAt + 20 * MIN)).toBe(4 * HOUR + 40 * MIN);
    expect(liveRemainingMs(clock, 'hours', seenAt, seenAt + 6 * HOUR)).toBe(-HOUR);
  });

  it('keeps a working clock’s figure while the wall time to its due time is longer', () => {
    // Due next Monday: 9 working hours left but 3 days of wall time.
    const clock = { state: 'running' as const, dueAt: due(3 * DAY), remainingMs: 9 * HOUR };
    expect(liveRemainingMs(clock, 'working_days', seenAt, seenAt + 30 * MIN)).toBe(9 * HOUR);
    // Within the last stretch the wall time is the smaller, and exact.
    expect(liveRemainingMs(clock, 'working_days', seenAt, seenAt + 3 * DAY - 2 * HOUR)).toBe(
      2 * HOUR,
    );
  });

  it('counts a working clock down one to one when all the time to its due time is working', () => {
    const clock = { state: 'warning' as const, dueAt: due(2 * HOUR), remainingMs: 2 * HOUR };
    expect(liveRemainingMs(clock, null, seenAt, seenAt + 30 * MIN)).toBe(90 * MIN);
  });

  it('counts an overdue clock on only when its overdue time was all working time', () => {
    const wallLike = { state: 'breached' as const, dueAt: due(-HOUR), remainingMs: -HOUR };
    expect(liveRemainingMs(wallLike, null, seenAt, seenAt + 10 * MIN)).toBe(-HOUR - 10 * MIN);
    // Due yesterday 18:00, 1 working hour overdue (the night did not count): keep it.
    const overnight = { state: 'breached' as const, dueAt: due(-16 * HOUR), remainingMs: -HOUR };
    expect(liveRemainingMs(overnight, 'working_days', seenAt, seenAt + 10 * MIN)).toBe(-HOUR);
  });

  it('leaves stopped clocks and clocks without a due time alone', () => {
    const paused = { state: 'paused' as const, dueAt: due(HOUR), remainingMs: 3 * HOUR };
    expect(liveRemainingMs(paused, 'hours', seenAt, seenAt + 2 * HOUR)).toBe(3 * HOUR);
    const noDue = { state: 'running' as const, dueAt: null, remainingMs: 3 * HOUR };
    expect(liveRemainingMs(noDue, 'hours', seenAt, seenAt + 2 * HOUR)).toBe(3 * HOUR);
  });
});

describe('liveColour', () => {
  const now = Date.parse('2026-11-20T02:00:00Z');
  it('turns red when time runs out and yellow past the warning time', () => {
    expect(liveColour({ state: 'running', colour: 'green' }, -1, now)).toBe('red');
    expect(liveColour({ state: 'warning', colour: 'yellow' }, -1, now)).toBe('red');
    expect(
      liveColour({ state: 'running', colour: 'green', warnAt: '2026-11-20T01:59:00Z' }, HOUR, now),
    ).toBe('yellow');
    expect(
      liveColour({ state: 'running', colour: 'green', warnAt: '2026-11-20T02:01:00Z' }, HOUR, now),
    ).toBe('green');
    expect(liveColour({ state: 'paused', colour: 'grey' }, -HOUR, now)).toBe('grey');
  });
});

describe('msUntilNextChange', () => {
  it('waits until the shown minute changes', () => {
    expect(msUntilNextChange(2 * MIN + 5_000)).toBe(5_001);
    expect(msUntilNextChange(2 * MIN + 500)).toBe(1_000);
    expect(msUntilNextChange(-(2 * MIN + 5_000))).toBe(55_001);
    expect(msUntilNextChange(-2 * MIN)).toBe(60_000);
  });
});
