// How a call is shown to the agent: the phone masked, and the caller's complaints only once the
// caller is verified (before that, only whether we know the number at all).
import type { Queryable } from '../../server/db/client.js';
import { maskPhone, maskPiiInText } from '../../server/lib/masking.js';
import type { Call } from '../../shared/cases.js';
import { STATUS_LABELS, type ComplaintStatus } from '../../shared/complaints.js';
import { CALL_VERIFY_ATTEMPTS } from './deps.js';
import { callerComplaints, numbersOf, phoneKnown, type CallRow } from './repository.js';

export async function presentCall(db: Queryable, row: CallRow): Promise<Call> {
  const verified = row.verifiedAt !== null;
  const [known, complaints, attached] = await Promise.all([
    phoneKnown(db, row.phone),
    verified ? callerComplaints(db, row.phone, row.callerUserId) : Promise.resolve([]),
    numbersOf(db, row.complaintIds),
  ]);
  return {
    id: row.id,
    phone: maskPhone(row.phone),
    direction: row.direction as Call['direction'],
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    verified,
    verificationMethod: (row.verificationMethod as Call['verificationMethod']) ?? null,
    verifyAttemptsLeft: Math.max(0, CALL_VERIFY_ATTEMPTS - row.verifyAttempts),
    callerKnown: known,
    complaints: complaints.map((c) => ({
      number: c.number,
      status: c.status as ComplaintStatus,
      statusLabel: STATUS_LABELS[c.status as ComplaintStatus],
      typeName: c.rules.typeName,
      createdAt: c.createdAt.toISOString(),
    })),
    attached,
    note: row.note ? maskPiiInText(row.note) : null,
  };
}
