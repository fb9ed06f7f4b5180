// The pure rules of collective cases: their numbers, how a complainant's name is shown in a
// member list, and what a leave or a split does to each side (a case needs two complaints).

/** The calendar day of an instant in China Standard Time (UTC+8, no daylight saving), yyyymmdd. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The key in complaint_counters that numbers one day's collective cases (TS numbers use `day`). */
export function collectiveCounterKey(day: string): string {
  return `JT${day}`;
}

/** JT{yyyymmdd}-{seq4}: JT20261123-0001. A 10,000th case of a day simply gets five digits. */
export function formatCollectiveNumber(day: string, seq: number): string {
  return `JT${day}-${String(seq).padStart(4, '0')}`;
}

export const COLLECTIVE_NUMBER_RE = /^JT\d{8}-\d{4,}$/;

/** 张三 → 张*, 欧阳小明 → 欧***, Ann Lee → A****** : the first character and one star per other. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** A collective case holds at least this many complaints; with fewer it closes. */
export const MIN_MEMBERS = 2;
export const MAX_MEMBERS = 200;

/** Whether a case left with `remaining` complaints stays open. */
export function staysOpen(remaining: number): boolean {
  return remaining >= MIN_MEMBERS;
}

export interface SplitPlan {
  /** A new case is created for the moved complaints (only when there are at least two). */
  createsCase: boolean;
  /** A single moved complaint is released instead of forming a case of one. */
  releasesMoved: boolean;
  /** The original case closes, releasing its last complaint, when only one stays. */
  closesOriginal: boolean;
}

/**
 * What a split of `movedCount` out of `memberCount` complaints does. Each side must keep at least
 * one (the use-case checks that first and answers 400); this throws on anything else.
 */
export function planSplit(memberCount: number, movedCount: number): SplitPlan {
  if (movedCount < 1 || movedCount >= memberCount) {
    throw new Error(`invalid split: ${movedCount} of ${memberCount}`);
  }
  return {
    createsCase: staysOpen(movedCount),
    releasesMoved: !staysOpen(movedCount),
    closesOriginal: !staysOpen(memberCount - movedCount),
  };
}
