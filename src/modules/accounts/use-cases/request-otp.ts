import { randomDigits, sha256Hex } from '../../../server/lib/crypto.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { OtpRequested } from '../../../shared/accounts.js';
import type { Locale } from '../../../shared/errors.js';
import { parseTarget } from '../contacts.js';
import type { AccountsDeps } from '../deps.js';
import type { OtpSender } from '../otp-sender.js';
import {
  countRecentOtps,
  findUserByEmail,
  findUserByPhone,
  insertOtp,
  latestOtp,
} from '../repository.js';

export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_PER_HOUR = 5;
export const OTP_LENGTH = 6;

export function otpHash(target: string, code: string): string {
  return sha256Hex(`${target}\u0000${code}`);
}

export async function requestOtp(
  opts: { target: string; locale: Locale; ttlSeconds: number },
  deps: AccountsDeps & { sender: OtpSender | null; log: { info(o: object, m: string): void } },
): Promise<OtpRequested> {
  const target = parseTarget(opts.target);
  if (!target) throw fieldError('target', 'invalid_target');
  const now = deps.clock.now();

  const last = await latestOtp(deps.db, target.value);
  if (last) {
    const wait = OTP_RESEND_SECONDS - Math.floor((now.getTime() - last.createdAt.getTime()) / 1000);
    if (wait > 0) throw new AppError('rate_limited', undefined, { 'retry-after': String(wait) });
  }
  const recent = await countRecentOtps(deps.db, target.value, new Date(now.getTime() - 3600_000));
  if (recent >= OTP_MAX_PER_HOUR)
    throw new AppError('rate_limited', undefined, { 'retry-after': '3600' });
  if (!deps.sender) throw new AppError('otp_unavailable');

  const response: OtpRequested = {
    sent: true,
    channel: target.kind === 'phone' ? 'sms' : 'email',
    expiresInSeconds: opts.ttlSeconds,
    resendAfterSeconds: OTP_RESEND_SECONDS,
  };

  // Staff sign in with a password. Answer exactly as for anyone else, so the response does not
  // reveal which contacts belong to staff, but send nothing.
  const existing =
    target.kind === 'phone'
      ? await findUserByPhone(deps.db, target.value)
      : await findUserByEmail(deps.db, target.value);
  if (existing && existing.role !== 'complainant') {
    deps.log.info({ userId: existing.id }, 'one-time code requested for a staff account; not sent');
    return response;
  }

  const code = randomDigits(OTP_LENGTH);
  await insertOtp(deps.db, {
    target: target.value,
    codeHash: otpHash(target.value, code),
    expiresAt: new Date(now.getTime() + opts.ttlSeconds * 1000),
    now,
  });
  await deps.sender.send({ target, code, locale: opts.locale, ttlSeconds: opts.ttlSeconds });
  return response;
}
