// Links in SMS and email: the complaint's tracking page, signed so it needs no login, valid 90
// days. The key is the server's own (app_secrets), made on first use, so `npm start` needs no
// configuration and every process on one database signs alike.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { appSecrets } from '../../server/db/schema.js';

export const LINK_VALID_DAYS = 90;
const KEY_NAME = 'tracking-link-hmac';

const keys = new WeakMap<object, Buffer>();

/** The signing key, created once per database (concurrent creators agree: ON CONFLICT). */
export async function linkKey(db: Queryable, cacheOwner: object = db): Promise<Buffer> {
  const cached = keys.get(cacheOwner);
  if (cached) return cached;
  await db
    .insert(appSecrets)
    .values({ name: KEY_NAME, value: randomBytes(32) })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, KEY_NAME));
  keys.set(cacheOwner, row!.value);
  return row!.value;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 27);
}

/** `<number>.<expiry, seconds base36>.<mac>`: short enough for an SMS. */
export function signTrackingToken(key: Buffer, number: string, expiresAt: Date): string {
  const body = `${number}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${mac(key, body)}`;
}

export type TokenCheck =
  | { ok: true; number: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; number: string };

export function verifyTrackingToken(key: Buffer, token: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [number, exp, given] = parts as [string, string, string];
  const want = Buffer.from(mac(key, `${number}.${exp}`));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    return { ok: false, reason: 'invalid' };
  }
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (!Number.isFinite(expiresAt.getTime())) return { ok: false, reason: 'invalid' };
  // The number is only told back once the signature proves we issued it.
  if (expiresAt <= now) return { ok: false, reason: 'expired', number };
  return { ok: true, number, expiresAt };
}

export function trackingLink(publicUrl: string, key: Buffer, number: string, sentAt: Date) {
  const expires = new Date(sentAt.getTime() + LINK_VALID_DAYS * 24 * 3600_000);
  return `${publicUrl.replace(/\/+$/, '')}/t/${signTrackingToken(key, number, expires)}`;
}

/** Checks a token from a tracking link against this database's key. */
export async function checkTrackingToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<TokenCheck> {
  return verifyTrackingToken(await linkKey(db), token, now);
}
