// 查看明文: a permitted staff member sees the clear value of one masked field. Every reveal is an
// internal timeline event and exactly one audit entry, whose id is returned; the value itself is
// never written anywhere (not the timeline, not the audit log, not the server log).
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import { REVEALABLE_FIELDS, type RevealResult } from '../../../shared/cases.js';
import type { ComplaintsDeps } from '../deps.js';
import { lockComplaint, recordEvent, type ComplaintRow } from '../repository.js';
import { isCaseWorker } from '../work-rules.js';
import { isTeamMember } from '../work-repository.js';
import { complaintForCaller } from './load-complaint.js';

function clearValue(row: ComplaintRow, field: string): string {
  let value: string | null | undefined;
  if ((REVEALABLE_FIELDS as readonly string[]).includes(field)) {
    value = row.contact[field.slice('contact.'.length) as 'name' | 'phone' | 'email'];
  } else if (field.startsWith('fields.')) {
    const key = field.slice('fields.'.length);
    if (!Object.hasOwn(row.fields, key)) throw fieldError('field', 'invalid_value');
    value = row.fields[key];
  } else {
    throw fieldError('field', 'invalid_value');
  }
  if (!value) throw fieldError('field', 'not_found_value');
  return value;
}

export async function revealPii(
  deps: Pick<ComplaintsDeps, 'db' | 'clock'>,
  caller: { principal: Principal | null; number: string },
  field: string,
): Promise<RevealResult> {
  const { row: found, viewer } = await complaintForCaller(deps.db, caller.principal, caller.number);
  if (viewer.kind !== 'staff') throw new AppError('forbidden');
  const { actor } = viewer;
  clearValue(found, field); // a bad field is a 400 before anything is written
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, found.id);
    // Need to know: agents and experts see clear data of the cases in their hands or their
    // team's queue, not of every case they can read.
    if (
      isCaseWorker(actor) &&
      row.assigneeId !== actor.userId &&
      !(row.teamId && actor.userId && (await isTeamMember(tx, row.teamId, actor.userId)))
    ) {
      throw new AppError('not_assignee');
    }
    const value = clearValue(row, field);
    // A read, not a change: the version stays, so the caller's next write is not refused for it.
    const { auditId } = await recordEvent(tx, row.id, {
      type: 'pii_revealed',
      internal: true,
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      data: { field },
      createdAt: deps.clock.now(),
    });
    return { field, value, auditId };
  });
}
