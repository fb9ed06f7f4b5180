import { describe, expect, it } from 'vitest';
import {
  chinaDay,
  formatCollectiveNumber,
  maskName,
  planSplit,
  staysOpen,
} from '../../src/modules/collective/rules.js';
import { callMinutes } from '../../src/modules/calls/minutes.js';

describe('collective case numbers', () => {
  it('uses the China date, not the UTC one', () => {
    // 2026-11-22 17:30 UTC is already 23 November 01:30 in China.
    expect(chinaDay(new Date('2026-11-22T17:30:00Z'))).toBe('20261123');
    expect(chinaDay(new Date('2026-11-22T15:59:59Z'))).toBe('20261122');
  });

  it('pads the sequence to four digits and never truncates it', () => {
    expect(formatCollectiveNumber('20261123', 1)).toBe('JT20261123-0001');
    expect(formatCollectiveNumber('20261123', 123)).toBe('JT20261123-0123');
    expect(formatCollectiveNumber('20261123', 12345)).toBe('JT20261123-12345');
  });
});

describe('masked member names', () => {
  it('keeps the first character and stars the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName(' Ann ')).toBe('A**');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('what a leave or split does', () => {
  it('a case stays open with two complaints, closes with one', () => {
    expect(staysOpen(2)).toBe(true);
    expect(staysOpen(1)).toBe(false);
    expect(staysOpen(0)).toBe(false);
  });

  it('splitting two of five creates a case and keeps the original open', () => {
    expect(planSplit(5, 2)).toEqual({
      createsCase: true,
      releasesMoved: false,
      closesOriginal: false,
    });
  });

  it('splitting one off releases it instead of making a case of one', () => {
    expect(planSplit(3, 1)).toEqual({
      createsCase: false,
      releasesMoved: true,
      closesOriginal: false,
    });
  });

  it('leaving one behind closes the original', () => {
    expect(planSplit(3, 2)).toEqual({
      createsCase: true,
      releasesMoved: false,
      closesOriginal: true,
    });
    expect(planSplit(2, 1)).toEqual({
      createsCase: false,
      releasesMoved: true,
      closesOriginal: true,
    });
  });

  it('refuses a split that empties a side', () => {
    expect(() => planSplit(3, 3)).toThrow();
    expect(() => planSplit(3, 0)).toThrow();
  });
});

describe('call minutes on the timeline', () => {
  it('rounds up to whole minutes', () => {
    const start = new Date('2026-11-23T02:00:00Z');
    expect(callMinutes(start, new Date('2026-11-23T02:00:20Z'))).toBe(1);
    expect(callMinutes(start, new Date('2026-11-23T02:03:00Z'))).toBe(3);
    expect(callMinutes(start, new Date('2026-11-23T02:03:01Z'))).toBe(4);
    expect(callMinutes(start, start)).toBe(0);
  });
});
