import type { SlaSpec } from '../../shared/catalog.js';
import type { CreateTypeInput } from './admin-schema.js';

type SlaInput = NonNullable<CreateTypeInput['sla']>;

const EMPTY: SlaSpec = {
  firstResponseHours: null,
  resolutionHours: null,
  resolutionWorkingDays: null,
  maxWorkingDays: null,
  note: { zh: '', en: '' },
};

/**
 * The SLA a request describes on top of `base`: keys it gives replace, keys it leaves out keep
 * their value, so `{"sla":{"note":…}}` does not wipe the targets.
 */
export function slaFrom(input: SlaInput | undefined, base: SlaSpec = EMPTY): SlaSpec {
  if (!input) return base;
  const pick = <K extends keyof SlaSpec>(key: K): SlaSpec[K] =>
    input[key] === undefined ? base[key] : (input[key] as SlaSpec[K]);
  return {
    firstResponseHours: pick('firstResponseHours'),
    resolutionHours: pick('resolutionHours'),
    resolutionWorkingDays: pick('resolutionWorkingDays'),
    maxWorkingDays: pick('maxWorkingDays'),
    note: pick('note'),
  };
}
