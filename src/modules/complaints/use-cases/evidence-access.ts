// What the evidence module asks of complaints: may this caller read or add evidence to this
// complaint now, and the timeline entry for an upload (written in the upload's transaction).
import type { Queryable } from '../../../server/db/client.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { EvidenceAccess } from '../../evidence/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { SYSTEM_TAGS } from '../../../shared/cases.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../../shared/complaints.js';
import { can } from '../../../shared/roles.js';
import { mayUpload } from '../present.js';
import { appendEvent, findComplaintById, updateComplaint } from '../repository.js';
import { withTags } from '../tags.js';
import { claimComplaint, workerStanding } from '../work-rules.js';
import { complaintForCaller } from './load-complaint.js';

export function evidenceAccess(deps: Pick<ComplaintsDeps, 'db' | 'clock'>): EvidenceAccess {
  const uploadable = async (db: Queryable, principal: Principal | null, number: string) => {
    const { row, viewer } = await complaintForCaller(db, principal, number);
    // Staff who only read complaints (admins) never add evidence: a refusal, not a closed stage.
    if (
      viewer.kind === 'staff' &&
      !(viewer.actor.appRole && can(viewer.actor.appRole, 'complaints.work'))
    ) {
      throw new AppError('forbidden');
    }
    if (!mayUpload(row, viewer, deps.clock.now())) throw new AppError('evidence_upload_closed');
    // Adding evidence changes the case: agents and experts add it to what they hold (or claim).
    const standing = await workerStanding(db, row, viewer.actor);
    return { row, viewer, standing };
  };
  return {
    async forRead(principal, number) {
      const { row } = await complaintForCaller(deps.db, principal, number);
      return { complaintId: row.id, number: row.number };
    },
    async forUpload(principal, number) {
      const { row, viewer } = await uploadable(deps.db, principal, number);
      const kind = viewer.actor.kind === 'system' ? 'staff' : viewer.actor.kind;
      return {
        complaintId: row.id,
        number: row.number,
        uploader: { kind, id: viewer.actor.key ?? '' },
      };
    },
    async onAppended(tx, ctx) {
      const current = await findComplaintById(tx, ctx.complaintId);
      if (!current) throw new AppError('complaint_not_found');
      // The stage may have moved while the files streamed in: check again under the lock.
      const { viewer, standing } = await uploadable(tx, ctx.principal, current.number);
      if (
        ctx.evidenceKey !== null &&
        !current.rules.requiredEvidence.some((e) => e.key === ctx.evidenceKey)
      ) {
        throw fieldError('evidenceKey', 'invalid_evidence_key');
      }
      // New evidence is a change like any other (the version moves); from the complainant on an
      // open case it also tells the handler to look again (证据已补充).
      const flag =
        viewer.actor.kind === 'complainant' &&
        OPEN_STATUSES.includes(current.status as ComplaintStatus);
      const now = deps.clock.now();
      if (standing === 'claim') await claimComplaint(tx, current, viewer.actor, now);
      await updateComplaint(
        tx,
        current.id,
        flag ? { tags: withTags(current.tags, SYSTEM_TAGS.evidenceAdded) } : {},
        now,
      );
      await appendEvent(tx, ctx.complaintId, {
        type: 'evidence_added',
        actorKind: viewer.actor.kind,
        actorId: viewer.actor.key,
        actorRole: viewer.actor.appRole,
        actorName: viewer.actor.name,
        data: {
          files: ctx.items.length,
          names: ctx.items.map((i) => i.name),
          seqs: ctx.items.map((i) => i.seq),
          ...(ctx.evidenceKey ? { evidenceKey: ctx.evidenceKey } : {}),
        },
        createdAt: now,
      });
    },
  };
}
