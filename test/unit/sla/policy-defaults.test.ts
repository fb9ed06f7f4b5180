// Default SLA policies read from the catalogue's seed figures, and the cross-border extras.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REGION_EXTRAS,
  policyFromSpec,
  regionOf,
  withRegionExtra,
} from '../../../src/modules/sla/policy-defaults.js';
import { DEFAULT_CATALOG } from '../../../src/server/db/seed/default-catalog.js';

const typeSpec = (category: string, type: string) => {
  const t = DEFAULT_CATALOG.find((c) => c.code === category)?.types.find((x) => x.code === type);
  if (!t) throw new Error(`no ${category}/${type} in the catalogue`);
  return t.sla;
};

describe('policyFromSpec', () => {
  it('account theft: 3 working days, at most 7, answered within 24 h', () => {
    const p = policyFromSpec(
      'account_security',
      'account_stolen',
      typeSpec('account_security', 'account_stolen'),
    );
    expect(p).toMatchObject({
      calendarCode: 'cn-mainland',
      firstResponse: { value: 24, unit: 'hours' },
      resolution: { value: 3, unit: 'working_days' },
      hardMax: { value: 7, unit: 'working_days' },
      warnFraction: 0.75,
      repeatTarget: { value: 48, unit: 'hours' },
      source: 'default',
      regionExtras: [],
    });
  });

  it('payment disputes with only a maximum use it as the target too', () => {
    const p = policyFromSpec('payment_dispute', 'transfer_dispute', {
      firstResponseHours: null,
      resolutionHours: null,
      resolutionWorkingDays: null,
      maxWorkingDays: 15,
      note: { zh: '', en: '' },
    });
    expect(p.resolution).toEqual({ value: 15, unit: 'working_days' });
    expect(p.hardMax).toEqual({ value: 15, unit: 'working_days' });
  });

  it('after-sales counts wall-clock hours: 0.5 h first response, 2 h resolution, no maximum', () => {
    const p = policyFromSpec(
      'merchant_service',
      'after_sales_missing',
      typeSpec('merchant_service', 'after_sales_missing'),
    );
    expect(p.firstResponse).toEqual({ value: 0.5, unit: 'hours' });
    expect(p.resolution).toEqual({ value: 2, unit: 'hours' });
    expect(p.hardMax).toBeNull();
  });

  it('a type without any figure gets the first-response default and no resolution target', () => {
    const p = policyFromSpec('x', 'y', {
      firstResponseHours: null,
      resolutionHours: null,
      resolutionWorkingDays: null,
      maxWorkingDays: null,
      note: { zh: '', en: '' },
    });
    expect(p.firstResponse).toEqual({ value: 24, unit: 'hours' });
    expect(p.resolution).toBeNull();
    expect(p.hardMax).toBeNull();
  });

  it('gives cross-border types the South-East Asia +2 working days', () => {
    const p = policyFromSpec(
      'cross_border',
      'overseas_account',
      typeSpec('cross_border', 'overseas_account'),
    );
    expect(p.regionExtras).toEqual(DEFAULT_REGION_EXTRAS);
    const region = regionOf(p.regionExtras, ' thailand ');
    expect(region?.code).toBe('sea');
    expect(withRegionExtra(p.resolution!, region)).toEqual({ value: 7, unit: 'working_days' });
    expect(regionOf(p.regionExtras, '越南')?.extraWorkingDays).toBe(2);
    expect(regionOf(p.regionExtras, '法国')).toBeNull();
    expect(regionOf(p.regionExtras, undefined)).toBeNull();
    // Hours are not lengthened by working days.
    expect(withRegionExtra({ value: 24, unit: 'hours' }, region)).toEqual({
      value: 24,
      unit: 'hours',
    });
  });
});
