// Normalising the ways people type phone numbers and emails, so one person is one account.

const PHONE_RE = /^1[3-9]\d{9}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** '+86 138-0013-8000' → '13800138000'; null when it is not a mainland mobile number. */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s\-()（）]/g, '');
  digits = digits.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  return PHONE_RE.test(digits) ? digits : null;
}

export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL_RE.test(email) && email.length <= 254 ? email : null;
}

export type ContactTarget = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

export function parseTarget(input: string): ContactTarget | null {
  const phone = normalisePhone(input);
  if (phone) return { kind: 'phone', value: phone };
  const email = normaliseEmail(input);
  if (email) return { kind: 'email', value: email };
  return null;
}
