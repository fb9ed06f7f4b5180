// Verifying the caller before anything is disclosed: the code we just sent to the phone, or a
// complaint number together with the contact name given on that complaint (for this phone).
// Five attempts per call; each failure says how many are left.
import { safeEqual } from '../../../server/lib/crypto.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { Call } from '../../../shared/cases.js';
import {
  addOtpAttempt,
  consumeOtp,
  latestOtp,
  otpHash,
  OTP_MAX_ATTEMPTS,
} from '../../accounts/index.js';
import { findComplaintByNumber, parseNumber } from '../../complaints/index.js';
import { assertNotEnded, auditCall, callFor } from '../access.js';
import { CALL_VERIFY_ATTEMPTS, callCodeTarget, type CallsDeps } from '../deps.js';
import { presentCall } from '../present.js';
import {
  complainantByPhone,
  findCall,
  lockCall,
  takeAttempt,
  updateCall,
  type CallRow,
} from '../repository.js';

export interface VerifyBody {
  code?: string;
  complaintNumber?: string;
  name?: string;
}

type Proof =
  | { method: 'sms_code'; code: string }
  | { method: 'complaint_number'; number: string; name: string };

/** Which proof the body gives, or a 400 (never counted as an attempt). */
function proofOf(body: VerifyBody): Proof {
  if (body.code !== undefined) {
    if (body.complaintNumber !== undefined) throw fieldError('complaintNumber', 'invalid_value');
    return { method: 'sms_code', code: body.code.trim() };
  }
  if (body.complaintNumber === undefined) throw fieldError('code', 'required');
  let number: string;
  try {
    number = parseNumber(body.complaintNumber);
  } catch (e) {
    if (e instanceof AppError && e.fields?.number) {
      throw new AppError('validation_failed', { complaintNumber: e.fields.number });
    }
    throw e;
  }
  const name = body.name?.trim() ?? '';
  if (!name) throw fieldError('name', 'required');
  return { method: 'complaint_number', number, name };
}

/** The caller's account, if the check found one: theirs by phone, or the complaint's owner. */
async function check(
  deps: CallsDeps,
  call: CallRow,
  proof: Proof,
  now: Date,
): Promise<{ ok: boolean; callerUserId: string | null }> {
  const byPhone = (await complainantByPhone(deps.db, call.phone))?.id ?? null;
  if (proof.method === 'sms_code') {
    const target = callCodeTarget(call.phone);
    const otp = await latestOtp(deps.db, target);
    if (!otp || otp.consumedAt || otp.expiresAt <= now || otp.attempts >= OTP_MAX_ATTEMPTS) {
      return { ok: false, callerUserId: null };
    }
    if (!safeEqual(otp.codeHash, otpHash(target, proof.code))) {
      await addOtpAttempt(deps.db, otp.id);
      return { ok: false, callerUserId: null };
    }
    return { ok: await consumeOtp(deps.db, otp.id, now), callerUserId: byPhone };
  }
  const complaint = await findComplaintByNumber(deps.db, proof.number);
  const ok =
    !!complaint &&
    complaint.contact.phone === call.phone &&
    complaint.contact.name.trim() === proof.name;
  return { ok, callerUserId: byPhone ?? complaint?.complainantId ?? null };
}

export async function verifyCaller(
  deps: CallsDeps,
  principal: Principal,
  id: string,
  body: VerifyBody,
): Promise<Call> {
  const proof = proofOf(body);
  const { call, actor } = await callFor(deps.db, principal, id);
  assertNotEnded(call);
  if (call.verifiedAt) return presentCall(deps.db, call);
  const now = deps.clock.now();
  const taken = await takeAttempt(deps.db, call.id);
  if (!taken) {
    const current = await findCall(deps.db, call.id);
    assertNotEnded(current!);
    if (current!.verifiedAt) return presentCall(deps.db, current!);
    throw new AppError('rate_limited');
  }
  const result = await check(deps, taken, proof, now);
  if (!result.ok) {
    const left = CALL_VERIFY_ATTEMPTS - taken.verifyAttempts;
    await auditCall(deps.db, actor, 'verify_failed', call.id, { method: proof.method, left }, now);
    throw new AppError('caller_not_verified', undefined, undefined, {
      zh: `核验未通过，本次通话还可尝试 ${left} 次`,
      en: `Verification failed; ${left} attempt${left === 1 ? '' : 's'} left on this call`,
    });
  }
  const verified = await deps.db.transaction(async (tx) => {
    // An end that committed meanwhile wins: an ended call is never verified afterwards.
    assertNotEnded(await lockCall(tx, call.id));
    const row = await updateCall(tx, call.id, {
      verifiedAt: now,
      verificationMethod: proof.method,
      callerUserId: result.callerUserId,
    });
    await auditCall(tx, actor, 'verified', call.id, { method: proof.method }, now);
    return row;
  });
  return presentCall(deps.db, verified);
}
