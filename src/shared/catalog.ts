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

/** A problem type (问题类型) as the API and the seed describe it. */
export interface ProblemType {
  code: string;
  name: LocalText;
  priority: Priority;
  requiredFields: RequiredField[];
  requiredEvidence: RequiredEvidence[];
  sla: SlaSpec;
}

/** A complaint category (投诉类别) with its problem types; `accepted: false` is refused at intake. */
export interface Category {
  code: string;
  name: LocalText;
  description: LocalText;
  accepted: boolean;
  refusalGuidance: LocalText | null;
  types: ProblemType[];
}
