import type { LocalText } from './text.js';

export const PRIORITIES = ['red', 'yellow', 'green'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FIELD_KINDS = [
  'text',
  'order_number',
  'waybill_number',
  'amount',
  'date',
  'phone',
  'email',
  'id_number',
  'case_number',
  'url',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface RequiredField {
  key: string;
  kind: FieldKind;
  label: LocalText;
  required: boolean;
}

export interface RequiredEvidence {
  key: string;
  label: LocalText;
}

/** SLA targets as the seeds state them; Stage 4 turns them into clocks on the business calendar. */
export interface SlaSpec {
  firstResponseHours: number | null;
  resolutionHours: number | null;
  resolutionWorkingDays: number | null;
  maxWorkingDays: number | null;
  note: LocalText;
}
