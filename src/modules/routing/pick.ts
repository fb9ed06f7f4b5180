// Who gets the next complaint, as a pure function: the least open load among those below
// capacity; ties go to whoever was given work longest ago (never-assigned first), then by id, so
// equally loaded people take turns (round robin) and the choice is deterministic.

export interface AssignCandidate {
  userId: string;
  /** Open complaints the person holds now (counted under the profile lock). */
  load: number;
  capacity: number;
  lastAssignedAt: Date | null;
}

export function compareCandidates(a: AssignCandidate, b: AssignCandidate): number {
  if (a.load !== b.load) return a.load - b.load;
  const at = a.lastAssignedAt?.getTime() ?? -Infinity;
  const bt = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

export function pickAssignee<T extends AssignCandidate>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (c.load >= c.capacity) continue;
    if (!best || compareCandidates(c, best) < 0) best = c;
  }
  return best;
}
