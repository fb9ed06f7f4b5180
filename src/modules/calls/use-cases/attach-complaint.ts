// Attaching a complaint worked during the call, so ending the call notes it on that timeline.
// It must be the caller's: once verified, any of theirs; before that, only one filed (or re-filed)
// for this phone during this very call, which discloses nothing the caller did not just say.
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { Call } from '../../../shared/cases.js';
import { findComplaintByNumber, parseNumber } from '../../complaints/index.js';
import { assertNotEnded, auditCall, callFor } from '../access.js';
import type { CallsDeps } from '../deps.js';
import { presentCall } from '../present.js';
import { isCallersComplaint, lockCall, touchedSince, updateCall } from '../repository.js';

export async function attachComplaint(
  deps: CallsDeps,
  principal: Principal,
  id: string,
  body: { number: string },
): Promise<Call> {
  const number = parseNumber(body.number);
  const { call, actor } = await callFor(deps.db, principal, id);
  assertNotEnded(call);
  const complaint = await findComplaintByNumber(deps.db, number);
  if (!complaint) throw new AppError('complaint_not_found');
  if (!(await isCallersComplaint(deps.db, complaint.id, call.phone, call.callerUserId))) {
    throw fieldError('number', 'not_caller_complaint');
  }
  if (!call.verifiedAt && !(await touchedSince(deps.db, complaint.id, call.startedAt))) {
    throw new AppError('caller_not_verified');
  }
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCall(tx, call.id);
    assertNotEnded(locked);
    if (locked.complaintIds.includes(complaint.id)) return locked;
    const updated = await updateCall(tx, call.id, {
      complaintIds: [...locked.complaintIds, complaint.id],
    });
    await auditCall(tx, actor, 'attach', call.id, { number }, now);
    return updated;
  });
  return presentCall(deps.db, row);
}
