// Ending a call: every attached complaint gets a public 'call' event (the complainant sees
// 电话沟通 on their timeline) and, when the agent left a note, an internal 'note' with it.
import { maskPhone } from '../../../server/lib/masking.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { Call } from '../../../shared/cases.js';
import { appendEvent, lockComplaint, updateComplaint } from '../../complaints/index.js';
import { assertNotEnded, auditCall, callFor } from '../access.js';
import type { CallsDeps } from '../deps.js';
import { callMinutes } from '../minutes.js';
import { presentCall } from '../present.js';
import { lockCall, updateCall } from '../repository.js';

export async function endCall(
  deps: CallsDeps,
  principal: Principal,
  id: string,
  body: { note?: string },
): Promise<Call> {
  const { call, actor } = await callFor(deps.db, principal, id);
  assertNotEnded(call);
  const note = body.note?.trim() || null;
  const now = deps.clock.now();
  const by = {
    actorKind: actor.kind,
    actorId: actor.key,
    actorRole: actor.appRole,
    actorName: actor.name,
    createdAt: now,
  };
  const row = await deps.db.transaction(async (tx) => {
    // The call first, then its complaints in id order: the lock order of every call change.
    const locked = await lockCall(tx, call.id);
    assertNotEnded(locked);
    const ended = await updateCall(tx, call.id, { endedAt: now, note });
    const data = {
      direction: locked.direction,
      minutes: callMinutes(locked.startedAt, now),
      verified: locked.verifiedAt !== null,
    };
    for (const complaintId of [...locked.complaintIds].sort()) {
      await lockComplaint(tx, complaintId);
      await updateComplaint(tx, complaintId, {}, now);
      await appendEvent(tx, complaintId, { type: 'call', data, ...by });
      if (note) {
        await appendEvent(tx, complaintId, {
          type: 'note',
          internal: true,
          data: { text: note, source: 'call' },
          ...by,
        });
      }
    }
    await auditCall(
      tx,
      actor,
      'end',
      call.id,
      { ...data, phone: maskPhone(locked.phone), complaints: locked.complaintIds.length },
      now,
    );
    return ended;
  });
  return presentCall(deps.db, row);
}
