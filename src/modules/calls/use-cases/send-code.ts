// A one-time code to the caller's phone, read back to the agent to prove the caller holds it.
// Issued like a login code (length, hashing, expiry, the same sender) and counted against the
// same per-number sending limits, but stored under its own target so it can never log anyone in.
import { randomDigits } from '../../../server/lib/crypto.js';
import { AppError } from '../../../server/lib/errors.js';
import { maskPhone } from '../../../server/lib/masking.js';
import type { Principal } from '../../../server/plugins/auth.js';
import {
  countRecentOtps,
  insertOtp,
  latestOtp,
  otpHash,
  OTP_LENGTH,
  OTP_MAX_PER_HOUR,
  OTP_RESEND_SECONDS,
} from '../../accounts/index.js';
import { assertNotEnded, auditCall, callFor } from '../access.js';
import { CALL_CODE_TTL_SECONDS, callCodeTarget, type CallsDeps } from '../deps.js';

export interface CallCodeSent {
  sent: true;
  channel: 'sms';
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export async function sendCallCode(
  deps: CallsDeps,
  principal: Principal,
  id: string,
): Promise<CallCodeSent> {
  const { call, actor } = await callFor(deps.db, principal, id);
  assertNotEnded(call);
  if (!deps.otpSender) throw new AppError('otp_unavailable');
  const now = deps.clock.now();
  const target = callCodeTarget(call.phone);
  // The number's login codes and call codes share the limits: one SMS per minute, five an hour.
  const targets = [call.phone, target];
  const latest = await Promise.all(targets.map((t) => latestOtp(deps.db, t)));
  const lastAt = Math.max(0, ...latest.map((o) => o?.createdAt.getTime() ?? 0));
  const wait = OTP_RESEND_SECONDS - Math.floor((now.getTime() - lastAt) / 1000);
  if (wait > 0) throw new AppError('rate_limited', undefined, { 'retry-after': String(wait) });
  const hourAgo = new Date(now.getTime() - 3600_000);
  const counts = await Promise.all(targets.map((t) => countRecentOtps(deps.db, t, hourAgo)));
  if (counts.reduce((a, b) => a + b, 0) >= OTP_MAX_PER_HOUR) {
    throw new AppError('rate_limited', undefined, { 'retry-after': '3600' });
  }

  const code = randomDigits(OTP_LENGTH);
  await insertOtp(deps.db, {
    target,
    codeHash: otpHash(target, code),
    expiresAt: new Date(now.getTime() + CALL_CODE_TTL_SECONDS * 1000),
    now,
  });
  await deps.otpSender.send({
    target: { kind: 'phone', value: call.phone },
    code,
    locale: 'zh-CN',
    ttlSeconds: CALL_CODE_TTL_SECONDS,
  });
  await auditCall(deps.db, actor, 'code_sent', call.id, { phone: maskPhone(call.phone) }, now);
  return {
    sent: true,
    channel: 'sms',
    expiresInSeconds: CALL_CODE_TTL_SECONDS,
    resendAfterSeconds: OTP_RESEND_SECONDS,
  };
}
