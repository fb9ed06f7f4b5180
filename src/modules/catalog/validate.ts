// The rules a category or problem type must meet before it is saved. Pure: each function takes
// the complete value as it would be stored and names every broken rule by its field path
// (`requiredFields.2.key`), the same paths the web form uses.
import { AppError, type FieldProblem } from '../../server/lib/errors.js';
import type { Priority, RequiredEvidence, RequiredField, SlaSpec } from '../../shared/catalog.js';
import type { LocalText } from '../../shared/text.js';
import { normalise } from './suggest.js';

export const LIMITS = { fields: 20, evidence: 20, keywords: 30 } as const;
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
const KEY_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const KEY_MAX = 40;
const SLA_NUMBERS = [
  'firstResponseHours',
  'resolutionHours',
  'resolutionWorkingDays',
  'maxWorkingDays',
] as const;

export type Problems = Record<string, FieldProblem>;

export interface CategoryDraft {
  code: string;
  name: LocalText;
  description: LocalText;
  accepted: boolean;
  refusalGuidance: LocalText | null;
  sortOrder: number;
}

export interface TypeDraft {
  code: string;
  categoryCode: string;
  name: LocalText;
  priority: Priority;
  requiredFields: RequiredField[];
  requiredEvidence: RequiredEvidence[];
  sla: SlaSpec;
  keywords: string[];
  enabled: boolean;
  sortOrder: number;
}

const trimText = (t: LocalText): LocalText => ({ zh: t.zh.trim(), en: t.en.trim() });

/** Trims what people type; guidance left blank in both languages is no guidance (null). */
export function cleanCategory(d: CategoryDraft): CategoryDraft {
  const guidance = d.refusalGuidance && trimText(d.refusalGuidance);
  return {
    ...d,
    code: d.code.trim(),
    name: trimText(d.name),
    description: trimText(d.description),
    refusalGuidance: guidance && (guidance.zh || guidance.en) ? guidance : null,
  };
}

/** Trims what people type; drops empty and repeated keywords (repeats compared normalised). */
export function cleanType(d: TypeDraft): TypeDraft {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const k of d.keywords.map((x) => x.trim())) {
    const n = normalise(k);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    keywords.push(k);
  }
  return {
    ...d,
    code: d.code.trim(),
    categoryCode: d.categoryCode.trim(),
    name: trimText(d.name),
    requiredFields: d.requiredFields.map((f) => ({
      ...f,
      key: f.key.trim(),
      label: trimText(f.label),
    })),
    requiredEvidence: d.requiredEvidence.map((e) => ({
      ...e,
      key: e.key.trim(),
      label: trimText(e.label),
    })),
    sla: { ...d.sla, note: trimText(d.sla.note) },
    keywords,
  };
}

function checkCode(code: string, problems: Problems): void {
  if (!code) problems.code = { reason: 'required' };
  else if (!CODE_PATTERN.test(code)) problems.code = { reason: 'invalid_catalog_code' };
}

function checkBoth(text: LocalText, path: string, problems: Problems): void {
  if (!text.zh) problems[`${path}.zh`] = { reason: 'required' };
  if (!text.en) problems[`${path}.en`] = { reason: 'required' };
}

/** Keys and bilingual labels of a list (required fields or evidence items). */
function checkItems(
  items: { key: string; label: LocalText }[],
  path: string,
  max: number,
  problems: Problems,
): void {
  if (items.length > max) {
    problems[path] = { reason: 'too_many_items', params: { n: max } };
    return;
  }
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `${path}.${i}`;
    if (!item.key) problems[`${at}.key`] = { reason: 'required' };
    else if (!KEY_PATTERN.test(item.key) || item.key.length > KEY_MAX) {
      problems[`${at}.key`] = { reason: 'invalid_key' };
    } else if (seen.has(item.key)) problems[`${at}.key`] = { reason: 'duplicate_key' };
    seen.add(item.key);
    checkBoth(item.label, `${at}.label`, problems);
  });
}

/** `isNew`: the code is being chosen now (it never changes afterwards). */
export function categoryProblems(d: CategoryDraft, opts: { isNew: boolean }): Problems {
  const problems: Problems = {};
  if (opts.isNew) checkCode(d.code, problems);
  checkBoth(d.name, 'name', problems);
  if (!d.accepted) {
    const g = d.refusalGuidance ?? { zh: '', en: '' };
    if (!g.zh) problems['refusalGuidance.zh'] = { reason: 'refusal_guidance_required' };
    if (!g.en) problems['refusalGuidance.en'] = { reason: 'refusal_guidance_required' };
  }
  return problems;
}

export function typeProblems(d: TypeDraft, opts: { isNew: boolean }): Problems {
  const problems: Problems = {};
  if (opts.isNew) checkCode(d.code, problems);
  if (!d.categoryCode) problems.categoryCode = { reason: 'required' };
  checkBoth(d.name, 'name', problems);
  checkItems(d.requiredFields, 'requiredFields', LIMITS.fields, problems);
  checkItems(d.requiredEvidence, 'requiredEvidence', LIMITS.evidence, problems);
  for (const key of SLA_NUMBERS) {
    const value = d.sla[key];
    if (value !== null && value < 0) problems[`sla.${key}`] = { reason: 'negative_number' };
  }
  if (d.keywords.length > LIMITS.keywords) {
    problems.keywords = { reason: 'too_many_items', params: { n: LIMITS.keywords } };
  }
  return problems;
}

/** Throws the 400 that names every problem; nothing has been written when it does. */
export function failIfProblems(problems: Problems): void {
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}
