import { describe, expect, it } from 'vitest';
import { placeholderEstimate } from '../../src/modules/complaints/estimate.js';
import type { SlaSpec } from '../../src/shared/catalog.js';

const sla = (over: Partial<SlaSpec>): SlaSpec => ({
  firstResponseHours: null,
  resolutionHours: null,
  resolutionWorkingDays: null,
  maxWorkingDays: null,
  note: { zh: '', en: '' },
  ...over,
});

// 2026-11-20 is a Friday; 10:00 China time is 02:00 UTC.
const FRIDAY_10 = new Date('2026-11-20T02:00:00Z');

describe('placeholderEstimate', () => {
  it('adds resolution hours as clock hours, through nights and weekends', () => {
    expect(placeholderEstimate(sla({ resolutionHours: 24 }), FRIDAY_10)).toEqual(
      new Date('2026-11-21T02:00:00Z'),
    );
    expect(placeholderEstimate(sla({ resolutionHours: 72 }), FRIDAY_10)).toEqual(
      new Date('2026-11-23T02:00:00Z'),
    );
    expect(placeholderEstimate(sla({ resolutionHours: 2 }), FRIDAY_10)).toEqual(
      new Date('2026-11-20T04:00:00Z'),
    );
  });

  it('prefers resolution hours over working days', () => {
    const both = sla({ resolutionHours: 48, resolutionWorkingDays: 10, maxWorkingDays: 15 });
    expect(placeholderEstimate(both, FRIDAY_10)).toEqual(new Date('2026-11-22T02:00:00Z'));
  });

  it('counts 3 working days from Friday 10:00 to Wednesday 10:00, China time', () => {
    expect(placeholderEstimate(sla({ resolutionWorkingDays: 3 }), FRIDAY_10)).toEqual(
      new Date('2026-11-25T02:00:00Z'),
    );
  });

  it('counts 1 working day from Friday to Monday', () => {
    expect(placeholderEstimate(sla({ resolutionWorkingDays: 1 }), FRIDAY_10)).toEqual(
      new Date('2026-11-23T02:00:00Z'),
    );
  });

  it('counts working days in China time near midnight UTC', () => {
    // Friday 2026-11-20 23:30 China time is still Friday 15:30 UTC: 1 working day → Monday.
    expect(
      placeholderEstimate(sla({ resolutionWorkingDays: 1 }), new Date('2026-11-20T15:30:00Z')),
    ).toEqual(new Date('2026-11-23T15:30:00Z'));
    // Saturday 2026-11-21 00:30 China time is Friday 16:30 UTC: 1 working day → Monday 00:30
    // China time, which is Sunday 16:30 UTC (counting UTC weekdays would give Monday 16:30 UTC).
    expect(
      placeholderEstimate(sla({ resolutionWorkingDays: 1 }), new Date('2026-11-20T16:30:00Z')),
    ).toEqual(new Date('2026-11-22T16:30:00Z'));
  });

  it('falls back to the maximum working days', () => {
    expect(placeholderEstimate(sla({ maxWorkingDays: 5 }), FRIDAY_10)).toEqual(
      new Date('2026-11-27T02:00:00Z'),
    );
    expect(
      placeholderEstimate(sla({ resolutionWorkingDays: 2, maxWorkingDays: 5 }), FRIDAY_10),
    ).toEqual(new Date('2026-11-24T02:00:00Z'));
  });

  it('gives a working-day count from a Saturday that skips Sunday', () => {
    expect(
      placeholderEstimate(sla({ resolutionWorkingDays: 2 }), new Date('2026-11-21T02:00:00Z')),
    ).toEqual(new Date('2026-11-24T02:00:00Z'));
  });

  it('answers null when the SLA gives no resolution time', () => {
    expect(placeholderEstimate(sla({}), FRIDAY_10)).toBeNull();
    expect(placeholderEstimate(sla({ firstResponseHours: 24 }), FRIDAY_10)).toBeNull();
  });
});
