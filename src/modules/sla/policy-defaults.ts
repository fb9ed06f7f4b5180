// The SLA policy a problem type has when no admin has saved one: the catalogue's seed figures
// (SPEC "Complaint categories") read as targets. Hours in the seeds are wall-clock hours (content
// takedown, after-sales, funds abnormal run round the clock); working days count on cn-mainland.
import type { SlaSpec } from '../../shared/catalog.js';
import {
  CN_CALENDAR,
  DEFAULT_WARN_FRACTION,
  REPEAT_TARGET_HOURS,
  type RegionExtra,
  type SlaDuration,
  type SlaPolicy,
} from '../../shared/sla.js';

/** Where the seeds give no first-response figure, the platform answers within a day (SPEC express/merchant). */
const DEFAULT_FIRST_RESPONSE: SlaDuration = { value: 24, unit: 'hours' };

/** SPEC cross_border: South-East Asia +2 working days. */
export const DEFAULT_REGION_EXTRAS: RegionExtra[] = [
  {
    code: 'sea',
    name: { zh: '东南亚', en: 'South-East Asia' },
    countries: [
      '新加坡',
      'Singapore',
      '马来西亚',
      'Malaysia',
      '泰国',
      'Thailand',
      '越南',
      'Vietnam',
      'Viet Nam',
      '印度尼西亚',
      '印尼',
      'Indonesia',
      '菲律宾',
      'Philippines',
      '柬埔寨',
      'Cambodia',
      '老挝',
      'Laos',
      '缅甸',
      'Myanmar',
      '文莱',
      'Brunei',
      '东帝汶',
      'Timor-Leste',
    ],
    extraWorkingDays: 2,
  },
];

export function policyFromSpec(categoryCode: string, typeCode: string, spec: SlaSpec): SlaPolicy {
  const days = (value: number | null): SlaDuration | null =>
    value === null ? null : { value, unit: 'working_days' };
  const resolution: SlaDuration | null =
    spec.resolutionHours !== null
      ? { value: spec.resolutionHours, unit: 'hours' }
      : days(spec.resolutionWorkingDays ?? spec.maxWorkingDays);
  return {
    categoryCode,
    typeCode,
    calendarCode: CN_CALENDAR,
    firstResponse:
      spec.firstResponseHours !== null
        ? { value: spec.firstResponseHours, unit: 'hours' }
        : DEFAULT_FIRST_RESPONSE,
    resolution,
    hardMax: days(spec.maxWorkingDays),
    warnFraction: DEFAULT_WARN_FRACTION,
    regionExtras: categoryCode === 'cross_border' ? DEFAULT_REGION_EXTRAS : [],
    repeatTarget: { value: REPEAT_TARGET_HOURS, unit: 'hours' },
    source: 'default',
    updatedAt: null,
  };
}

/** The region whose countries include the complainant's (case-insensitive, trimmed), if any. */
export function regionOf(extras: RegionExtra[], country: string | undefined): RegionExtra | null {
  const c = country?.trim().toLowerCase();
  if (!c) return null;
  return extras.find((r) => r.countries.some((n) => n.toLowerCase() === c)) ?? null;
}

/** A working-days target lengthened by the region's extra days; other units are left as given. */
export function withRegionExtra(target: SlaDuration, region: RegionExtra | null): SlaDuration {
  if (!region || target.unit !== 'working_days') return target;
  return { value: target.value + region.extraWorkingDays, unit: 'working_days' };
}
