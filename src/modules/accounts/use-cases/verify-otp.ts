import { safeEqual } from '../../../server/lib/crypto.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import { parseTarget } from '../contacts.js';
import type { AccountsDeps } from '../deps.js';
import {
  addOtpAttempt,
  consumeOtp,
  findUserByEmail,
  findUserByPhone,
  insertUser,
  latestOtp,
} from '../repository.js';
import { otpHash } from './request-otp.js';
import { startSession, type StartedSession } from './start-session.js';

export const OTP_MAX_ATTEMPTS = 5;

/**
 * Logs a complainant in with the code we sent; the first successful login creates the account
 * (a person filed on behalf of by staff already has one, found by the same phone or email).
 */
export async function verifyOtp(
  opts: { target: string; code: string; userAgent: string | null; ttlHours: number },
  deps: AccountsDeps,
): Promise<StartedSession> {
  const target = parseTarget(opts.target);
  if (!target) throw fieldError('target', 'invalid_target');
  const now = deps.clock.now();
  const otp = await latestOtp(deps.db, target.value);
  if (!otp || otp.consumedAt || otp.expiresAt <= now || otp.attempts >= OTP_MAX_ATTEMPTS) {
    throw new AppError('invalid_code');
  }
  if (!safeEqual(otp.codeHash, otpHash(target.value, opts.code.trim()))) {
    await addOtpAttempt(deps.db, otp.id);
    throw new AppError('invalid_code');
  }
  if (!(await consumeOtp(deps.db, otp.id, now))) throw new AppError('invalid_code');

  let user =
    target.kind === 'phone'
      ? await findUserByPhone(deps.db, target.value)
      : await findUserByEmail(deps.db, target.value);
  if (!user) {
    const suffix =
      target.kind === 'phone' ? target.value.slice(-4) : target.value.split('@')[0]!.slice(0, 12);
    const created = await insertUser(deps.db, {
      role: 'complainant',
      name: `用户${suffix}`,
      email: target.kind === 'email' ? target.value : null,
      phone: target.kind === 'phone' ? target.value : null,
      passwordHash: null,
      merchantId: null,
    });
    if ('taken' in created) {
      // Two first logins raced; the other one created the account.
      user =
        target.kind === 'phone'
          ? await findUserByPhone(deps.db, target.value)
          : await findUserByEmail(deps.db, target.value);
    } else {
      user = created.user;
    }
  }
  if (!user || user.role !== 'complainant') throw new AppError('invalid_code');
  if (user.status !== 'active') throw new AppError('account_disabled');
  return startSession({ user, userAgent: opts.userAgent, ttlHours: opts.ttlHours }, deps);
}
