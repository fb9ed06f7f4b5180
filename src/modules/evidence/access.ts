import type { Tx } from '../../server/db/client.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { EvidenceItem } from '../../shared/complaints.js';

export type UploaderKind = 'complainant' | 'staff' | 'token';

export interface EvidenceTarget {
  complaintId: string;
  number: string;
}

/**
 * Who may see and add evidence is the complaints module's business; it implements this and the
 * app passes it to evidenceRoutes, so evidence never reaches into complaints' files.
 */
export interface EvidenceAccess {
  /** Throws AppError (e.g. 404 complaint_not_found, 400 for a malformed number) unless the caller may read this complaint. */
  forRead(principal: Principal | null, number: string): Promise<EvidenceTarget>;
  /** Cheap check before the body is read: throws unless the caller may upload now. */
  forUpload(
    principal: Principal | null,
    number: string,
  ): Promise<EvidenceTarget & { uploader: { kind: UploaderKind; id: string } }>;
  /**
   * Called in the same transaction, after the complaint row is locked and the records are
   * appended: re-checks the state (may throw → rollback), validates evidenceKey against the
   * complaint's checklist, and writes the timeline event.
   */
  onAppended(
    tx: Tx,
    ctx: {
      complaintId: string;
      principal: Principal;
      evidenceKey: string | null;
      items: EvidenceItem[];
    },
  ): Promise<void>;
}
