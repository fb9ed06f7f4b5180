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

// Digits may be written in groups separated by one space or hyphen (138 0013 8000, 6222-0212-…).
const ID_RE = /(?<!\d)(\d{6})[ -]?(\d{8})[ -]?(\d{3}[\dXx])(?![\dXx])/g;
const CARD_RE = /(?<!\d)((?:\d[ -]?){12,15})(\d{4})(?!\d)/g;
const PHONE_RE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const EMAIL_RE = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/**
 * Masks ID numbers, bank cards, mainland mobile numbers and emails wherever they appear in free
 * text. Order matters: ID numbers (18) and cards (16–19) are longer runs than phones (11).
 * Over-masking (a long run of grouped digits that was not a card) is the safe failure.
 */
/** UUIDs are identifiers, not card numbers: one starting with 12+ digits must survive whole. */
const UUID_RE = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

export function maskPiiInText(text: string): string {
  if (UUID_RE.test(text))
    return text
      .split(UUID_RE)
      .map((part, i) => (i % 2 === 1 ? part : maskPiiInText(part)))
      .join('');
  return text
    .replace(ID_RE, (_m, a: string, _b: string, c: string) => `${a}********${c}`)
    .replace(
      CARD_RE,
      (_m, a: string, b: string) => `${'*'.repeat(a.replace(/\D/g, '').length)}${b}`,
    )
    .replace(PHONE_RE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(EMAIL_RE, (_m, a: string, domain: string) => `${a}***${domain}`);
}

/** Keys whose values are secrets whatever they look like. */
const SECRET_KEYS = new Set([
  'password',
  'passwordhash',
  'token',
  'secret',
  'csrftoken',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'codehash',
  'otp',
]);
const ONE_TIME_CODE = /^\s*\d{6}\s*$/;

function isSecret(key: string, value: unknown): boolean {
  const k = key.toLowerCase();
  if (SECRET_KEYS.has(k)) return true;
  // `code` is a secret only when it looks like our 6-digit one-time codes; error codes stay.
  return k === 'code' && typeof value === 'string' && ONE_TIME_CODE.test(value);
}

/** Deep copy of a value with every string masked; used by the log serialisers. */
export function maskPiiDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return maskPiiInText(value);
  if (Array.isArray(value)) return value.map((v) => maskPiiDeep(v, depth + 1));
  // Only plain objects: class instances (requests, errors) go through their own serialisers.
  if (value instanceof Error) return maskPiiDeep(errorToObject(value), depth);
  if (value && typeof value === 'object' && isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecret(k, v) ? '[redacted]' : maskPiiDeep(v, depth + 1);
    }
    return out;
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An Error's message, stack and own fields (pg errors carry `detail` with the offending value). */
export function errorToObject(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) out[k] = v;
  if (err.cause !== undefined)
    out.cause = err.cause instanceof Error ? errorToObject(err.cause) : err.cause;
  return out;
}
