// The type-specific fields of a filing, checked by their kind and normalised for storage and for
// the repeat-filing check (运单号 in upper case, amounts with two decimals, …).
import type { FieldKind, RequiredField } from '../../shared/catalog.js';
import type { FieldReason } from '../../shared/errors.js';
import type { FieldProblem } from '../../server/lib/errors.js';
import { mod11_2, checkComplaintNumber } from './numbers.js';

const PHONE_RE = /^1[3-9]\d{9}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const FIELD_MAX = 200;

/** A resident ID number: 17 digits and an ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && mod11_2(id.slice(0, 17)) === id[17];
}

type Checked = { value: string } | { reason: FieldReason; params?: Record<string, number> };

function checkValue(kind: FieldKind, raw: string, today: string): Checked {
  // NFKC folds full-width letters, digits and spaces (typed with Chinese input methods).
  const v = raw.normalize('NFKC').trim();
  switch (kind) {
    case 'text':
      return { value: v };
    case 'order_number':
      return /^[A-Za-z0-9-]{4,40}$/.test(v)
        ? { value: v.toUpperCase() }
        : { reason: 'invalid_order_number' };
    case 'waybill_number': {
      const w = v.replace(/[\s-]/g, '').toUpperCase();
      return /^[A-Z0-9]{8,30}$/.test(w) ? { value: w } : { reason: 'invalid_waybill_number' };
    }
    case 'amount': {
      const a = v.replace(/[,，¥￥元\s]/g, '');
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(a) || Number(a) <= 0) return { reason: 'invalid_amount' };
      return { value: Number(a).toFixed(2) };
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return { reason: 'invalid_date' };
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        return { reason: 'invalid_date' };
      }
      return v > today ? { reason: 'future_date' } : { value: v };
    }
    case 'phone': {
      let p = v.replace(/[\s\-()]/g, '');
      if (p.startsWith('+86')) p = p.slice(3);
      return PHONE_RE.test(p) ? { value: p } : { reason: 'invalid_phone' };
    }
    case 'email':
      return EMAIL_RE.test(v) && v.length <= 254
        ? { value: v.toLowerCase() }
        : { reason: 'invalid_email' };
    case 'id_number': {
      const id = v.replace(/\s/g, '').toUpperCase();
      return isValidIdNumber(id) ? { value: id } : { reason: 'invalid_id_number' };
    }
    case 'case_number': {
      const c = checkComplaintNumber(v);
      return c.ok ? { value: c.number } : { reason: c.reason };
    }
    case 'url':
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:'
          ? { value: u.toString() }
          : { reason: 'invalid_url' };
      } catch {
        return { reason: 'invalid_url' };
      }
  }
}

export type FieldCheck =
  | { ok: true; values: Record<string, string> }
  | { ok: false; problems: Record<string, FieldProblem> };

/**
 * Checks `fields` against the type's field list: required ones present, every value valid for
 * its kind, no keys the type does not define. `today` is yyyy-mm-dd in China time.
 */
export function checkFields(
  defs: readonly RequiredField[],
  fields: Record<string, string>,
  today: string,
): FieldCheck {
  const problems: Record<string, FieldProblem> = {};
  const values: Record<string, string> = {};
  const known = new Set(defs.map((d) => d.key));
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) problems[`fields.${key}`] = { reason: 'unknown_field' };
  }
  for (const def of defs) {
    const raw = fields[def.key];
    if (raw === undefined || raw.trim() === '') {
      if (def.required) problems[`fields.${def.key}`] = { reason: 'required' };
      continue;
    }
    if (raw.length > FIELD_MAX) {
      problems[`fields.${def.key}`] = { reason: 'too_long', params: { n: FIELD_MAX } };
      continue;
    }
    const checked = checkValue(def.kind, raw, today);
    if ('value' in checked) values[def.key] = checked.value;
    else problems[`fields.${def.key}`] = { reason: checked.reason, params: checked.params };
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** The field kinds that identify the incident itself (a repeat filing names the same one). */
export const IDENTIFYING_KINDS: readonly FieldKind[] = ['order_number', 'waybill_number'];
