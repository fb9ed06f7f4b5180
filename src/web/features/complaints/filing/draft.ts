// The filing wizard's state: what the person has chosen and typed so far, and the files held
// until submission.
import type { Category, ProblemType } from '../../../app/types';
import { composeDemand } from '../rules';

export const STEP_KEYS = ['category', 'type', 'details', 'evidence', 'review'] as const;
export const STEP = { category: 0, type: 1, details: 2, evidence: 3, review: 4 } as const;

export interface DetailsValues {
  fields: Record<string, string>;
  description: string;
  demandChips: string[];
  demandText: string;
  contactName: string;
}

/** Held files per checklist item; OTHER holds files that answer no particular item. */
export type HeldFiles = Record<string, File[]>;
export const OTHER = '';

export interface Draft {
  categoryCode: string | null;
  typeCode: string | null;
  details: DetailsValues | null;
  files: HeldFiles;
}

export const EMPTY_DRAFT: Draft = { categoryCode: null, typeCode: null, details: null, files: {} };

export function findType(
  categories: readonly Category[],
  typeCode: string | null,
): { category: Category; type: ProblemType } | null {
  for (const category of categories) {
    const type = category.types.find((t) => t.code === typeCode);
    if (type) return { category, type };
  }
  return null;
}

/** Only the type's own fields, without blanks: the server refuses unknown keys. */
export function filingFields(type: ProblemType, details: DetailsValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of type.requiredFields) {
    const value = (details.fields[field.key] ?? '').trim();
    if (value) out[field.key] = value;
  }
  return out;
}

export function demandOf(details: DetailsValues): string {
  return composeDemand(details.demandChips, details.demandText);
}

export function fileCount(files: HeldFiles): number {
  return Object.values(files).reduce((n, list) => n + list.length, 0);
}

/**
 * Where a server field error belongs in the form: `fields.waybill_number` is the waybill
 * input, `demand` the free-text part of the demand.
 */
export type DetailsFieldName =
  ['fields', string] | ['description'] | ['contactName'] | ['demandText'];

export function formName(serverKey: string): DetailsFieldName | null {
  if (serverKey.startsWith('fields.')) return ['fields', serverKey.slice('fields.'.length)];
  if (serverKey === 'description' || serverKey === 'contactName') return [serverKey];
  if (serverKey === 'demand') return ['demandText'];
  return null;
}
