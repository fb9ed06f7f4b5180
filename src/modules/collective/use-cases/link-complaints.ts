// Related complaints (关联): a pair is linked once; both complaints get an internal timeline
// event naming the other, since the other complaint is someone else's business.
import { fieldError } from '../../../server/lib/errors.js';
import type { Tx } from '../../../server/db/client.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import {
  appendEvent,
  complaintForCaller,
  findComplaintById,
  findComplaintByNumber,
  loadDetail,
  updateComplaint,
  type Actor,
  type ComplaintRow,
} from '../../complaints/index.js';
import type { CollectiveDeps } from '../deps.js';
import { by, lockAll, notFound, parseNumberAs } from '../members.js';
import { deleteLink, insertLink } from '../repository.js';

interface Caller {
  principal: Principal | null;
  number: string;
  locale: Locale;
}

async function pairFor(deps: CollectiveDeps, caller: Caller, otherInput: string, field: string) {
  const { row, viewer } = await complaintForCaller(deps.db, caller.principal, caller.number);
  const otherNumber = parseNumberAs(otherInput, field);
  if (otherNumber === row.number) throw fieldError(field, 'self_link');
  const other = await findComplaintByNumber(deps.db, otherNumber);
  if (!other) throw notFound(otherNumber);
  return { row, viewer, other };
}

async function recordBoth(
  deps: CollectiveDeps,
  a: ComplaintRow,
  b: ComplaintRow,
  change: (tx: Tx) => Promise<boolean>,
  event: { type: 'linked' | 'unlinked'; note: string | null },
  actor: Actor,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockAll(tx, [a.id, b.id]);
    // Nothing to do (already linked / not linked): the answer is the unchanged complaint.
    if (!(await change(tx))) return;
    for (const [self, peer] of [
      [a, b],
      [b, a],
    ] as const) {
      await updateComplaint(tx, self.id, {}, now);
      await appendEvent(tx, self.id, {
        type: event.type,
        internal: true,
        data: { number: peer.number, ...(event.note ? { note: event.note } : {}) },
        ...by(actor, now),
      });
    }
  });
}

export async function linkComplaints(
  deps: CollectiveDeps,
  caller: Caller,
  body: { number: string; note?: string },
): Promise<ComplaintDetail> {
  const { row, viewer, other } = await pairFor(deps, caller, body.number, 'number');
  const note = body.note?.trim() || null;
  await recordBoth(
    deps,
    row,
    other,
    (tx) => insertLink(tx, row.id, other.id, note, viewer.actor.key, deps.clock.now()),
    { type: 'linked', note },
    viewer.actor,
  );
  const fresh = await findComplaintById(deps.db, row.id);
  return loadDetail(deps, fresh!, viewer, caller.locale);
}

export async function unlinkComplaints(
  deps: CollectiveDeps,
  caller: Caller,
  otherInput: string,
): Promise<ComplaintDetail> {
  const { row, viewer, other } = await pairFor(deps, caller, otherInput, 'other');
  await recordBoth(
    deps,
    row,
    other,
    (tx) => deleteLink(tx, row.id, other.id),
    { type: 'unlinked', note: null },
    viewer.actor,
  );
  const fresh = await findComplaintById(deps.db, row.id);
  return loadDetail(deps, fresh!, viewer, caller.locale);
}
