// The choice of assignee: least load below capacity, then round robin by last assignment, then id.
import { describe, expect, it } from 'vitest';
import { pickAssignee, type AssignCandidate } from '../../src/modules/routing/index.js';

const c = (
  userId: string,
  load: number,
  capacity: number,
  lastAssignedAt: string | null = null,
): AssignCandidate => ({
  userId,
  load,
  capacity,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
});

describe('pickAssignee', () => {
  it('takes the least open load', () => {
    expect(pickAssignee([c('a', 3, 8), c('b', 1, 8), c('c', 2, 8)])?.userId).toBe('b');
  });

  it('skips people at or past capacity, however light their load looks', () => {
    expect(pickAssignee([c('a', 2, 2), c('b', 5, 8), c('c', 0, 0)])?.userId).toBe('b');
    expect(pickAssignee([c('a', 4, 4), c('b', 9, 8)])).toBeNull();
    expect(pickAssignee([])).toBeNull();
  });

  it('breaks ties by who was given work longest ago, never-assigned first', () => {
    const tied = [
      c('a', 1, 8, '2026-11-23T02:00:00Z'),
      c('b', 1, 8, '2026-11-23T01:00:00Z'),
      c('c', 1, 8, null),
    ];
    expect(pickAssignee(tied)?.userId).toBe('c');
    expect(pickAssignee(tied.slice(0, 2))?.userId).toBe('b');
  });

  it('then by id, so the choice never depends on input order', () => {
    expect(pickAssignee([c('b', 0, 8), c('a', 0, 8)])?.userId).toBe('a');
    expect(pickAssignee([c('a', 0, 8), c('b', 0, 8)])?.userId).toBe('a');
  });

  it('round robin: repeatedly assigning to the pick spreads work evenly', () => {
    const people = [c('x', 0, 3), c('y', 0, 3), c('z', 0, 3)];
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = pickAssignee(people);
      if (!p) break;
      order.push(p.userId);
      p.load += 1;
      p.lastAssignedAt = new Date(Date.UTC(2026, 10, 23, 2, i));
    }
    expect(order).toEqual(['x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z']);
  });
});
