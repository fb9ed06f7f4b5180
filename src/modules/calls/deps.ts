import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { OtpSender } from '../accounts/index.js';

export interface CallsDeps {
  db: Db;
  clock: Clock;
  otpSender: OtpSender | null;
}

/** How long a code sent during a call is valid (the login default, OTP_TTL_SECONDS). */
export const CALL_CODE_TTL_SECONDS = 300;
/** Verification attempts one call allows, by either method. */
export const CALL_VERIFY_ATTEMPTS = 5;
/** The otp_codes target of a caller check: kept apart from login codes so it can never log in. */
export const callCodeTarget = (phone: string) => `call:${phone}`;
