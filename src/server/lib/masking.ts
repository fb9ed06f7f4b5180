// Personal data is shown and logged only masked (SPEC "Security and privacy").

/** 13800138000 → 138****8000 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** 18-digit resident ID → first 6 and last 4 kept (110105********1234). */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Bank card → last 4 only. */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

const ID_RE = /(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)/g;
const CARD_RE = /(?<!\d)(\d{12,15})(\d{4})(?!\d)/g;
const PHONE_RE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const EMAIL_RE = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/**
 * Masks ID numbers, bank cards, mainland mobile numbers and emails wherever they appear in free
 * text. Order matters: ID numbers (18) and cards (16–19) are longer runs than phones (11).
 */
export function maskPiiInText(text: string): string {
  return text
    .replace(ID_RE, (_m, a: string, _b: string, c: string) => `${a}********${c}`)
    .replace(CARD_RE, (_m, a: string, b: string) => `${'*'.repeat(a.length)}${b}`)
    .replace(PHONE_RE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(EMAIL_RE, (_m, a: string, domain: string) => `${a}***${domain}`);
}

/** Deep copy of a value with every string masked; used by the log serialisers. */
export function maskPiiDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return maskPiiInText(value);
  if (Array.isArray(value)) return value.map((v) => maskPiiDeep(v, depth + 1));
  // Only plain objects: class instances (requests, errors) go through their own serialisers.
  if (value && typeof value === 'object' && isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskPiiDeep(v, depth + 1);
    return out;
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
