/** Whole minutes, rounded up: a 20-second call is a minute on the timeline. */
export function callMinutes(startedAt: Date, endedAt: Date): number {
  return Math.max(0, Math.ceil((endedAt.getTime() - startedAt.getTime()) / 60_000));
}
