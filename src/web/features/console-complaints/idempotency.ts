/**
 * A fresh Idempotency-Key per filing form. crypto.randomUUID exists only in secure contexts, and a
 * self-hosted console is often opened over plain http on an office network, so fall back to
 * getRandomValues, which is available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
