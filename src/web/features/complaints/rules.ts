// Client-side checks that mirror the server's rules (src/shared/errors.ts FIELD_REASONS), so a
// complainant hears about a mistyped 运单号 on the field, before anything is sent. The server
// still decides: its answers are shown on the same fields.
import type { FieldKind } from '../../app/types';

/**
 * Complaint numbers: TS + acceptance date + '-' + sequence + '-' + check character. The sequence
 * is six digits, but the server accepts up to nine for a day that overflows, so we do too.
 */
export const COMPLAINT_NUMBER = /^TS\d{8}-\d{6,9}-[0-9X]$/;

export function normaliseNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** ISO 7064 MOD 11-2, the check character of resident ID cards ('X' stands for 10). */
function mod11_2(digits: string): string {
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Today's date in the browser's calendar, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Full-width letters, digits and spaces (typed on Chinese keyboards) as their ASCII forms. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function validUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Longest value of any field, as the server allows. */
export const FIELD_MAX = 200;

/**
 * The message key (under portalComplaints.fieldError) for a bad value, or null when fine. As
 * forgiving as the server (src/modules/complaints/field-rules.ts): it tidies 运单号 spacing,
 * ¥ signs and +86 itself, so we must not refuse what it would take.
 */
export function checkFieldValue(kind: FieldKind, raw: string): string | null {
  if (raw.length > FIELD_MAX) return 'text';
  const v = toHalfWidth(raw).trim();
  switch (kind) {
    case 'text':
      return null;
    case 'order_number':
      return /^[A-Za-z0-9-]{4,40}$/.test(v) ? null : kind;
    case 'waybill_number':
      return /^[A-Z0-9]{8,30}$/.test(v.replace(/[\s-]/g, '').toUpperCase()) ? null : kind;
    case 'amount': {
      const a = v.replace(/[,，¥￥元\s]/g, '');
      return /^\d{1,9}(\.\d{1,2})?$/.test(a) && Number(a) > 0 ? null : kind;
    }
    case 'date':
      if (!validDate(v)) return kind;
      return v > todayIso() ? 'future_date' : null;
    case 'phone': {
      const p = v.replace(/[\s\-()]/g, '').replace(/^\+86/, '');
      return /^1[3-9]\d{9}$/.test(p) ? null : kind;
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v) ? null : kind;
    case 'id_number': {
      const id = v.replace(/\s/g, '').toUpperCase();
      return /^\d{17}[\dX]$/.test(id) && mod11_2(id.slice(0, 17)) === id[17] ? null : kind;
    }
    case 'case_number':
      // The shape only: the check character is the server's to judge, with its own message.
      return COMPLAINT_NUMBER.test(normaliseNumber(v)) ? null : kind;
    case 'url':
      return validUrl(v) ? null : kind;
  }
}

/** Characters as people count them (an emoji is one), which is also how the server counts. */
export function charCount(value: string | undefined | null): number {
  return value ? Array.from(value).length : 0;
}

/** The demand sent to the server: the chosen quick demands, then the person's own words. */
export function composeDemand(chips: readonly string[], text: string | undefined): string {
  const parts = [chips.join('、'), (text ?? '').trim()].filter(Boolean);
  return parts.join('；');
}

/**
 * One key per wizard run, so a double click or a retry after a dropped connection files once.
 * crypto.randomUUID exists only on secure origins; a self-hosted portal may be reached over plain
 * http on a LAN address, where getRandomValues still works.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
