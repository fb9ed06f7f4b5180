// Records an accepted submission: one transaction appends the records, lets the complaints
// module check and log it, and moves the files into the store (fsynced) before COMMIT, so an
// acknowledged upload is never lost. A failure leaves no new file behind.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { EvidenceItem } from '../../shared/complaints.js';
import type { EvidenceAccess, UploaderKind } from './access.js';
import { presentEvidence } from './present.js';
import type { AcceptedFile } from './receive.js';
import { appendEvidence, lockBlobs, referencedBlobs } from './repository.js';
import type { EvidenceStore } from './store.js';

export interface AddEvidenceDeps {
  db: Db;
  store: EvidenceStore;
  access: EvidenceAccess;
  clock: Clock;
}

export interface AddEvidenceInput {
  complaintId: string;
  principal: Principal;
  uploader: { kind: UploaderKind; id: string };
  files: AcceptedFile[];
  evidenceKey: string | null;
}

/**
 * Removes files this request created that no evidence_blobs row references. Under the blob locks,
 * so a concurrent upload of the same content that found "our" file already there has either
 * committed its row (the file stays) or not started (it will write its own copy).
 */
async function removeUnreferenced(deps: AddEvidenceDeps, created: string[]): Promise<void> {
  if (created.length === 0) return;
  await deps.db.transaction(async (tx) => {
    await lockBlobs(tx, created);
    const kept = await referencedBlobs(tx, created);
    for (const sha of created) if (!kept.has(sha)) await deps.store.remove(sha);
  });
}

export async function addEvidence(
  input: AddEvidenceInput,
  deps: AddEvidenceDeps,
): Promise<EvidenceItem[]> {
  const created: string[] = [];
  try {
    return await deps.db.transaction(async (tx) => {
      const { number, rows } = await appendEvidence(tx, {
        complaintId: input.complaintId,
        files: input.files.map((f) => ({
          sha256: f.staged.sha256,
          size: f.staged.size,
          mime: f.mime,
          kind: f.kind,
          name: f.name,
          durationMs: f.durationMs,
        })),
        evidenceKey: input.evidenceKey,
        submissionId: randomUUID(),
        uploadedAt: deps.clock.now(),
        uploader: input.uploader,
      });
      const items = rows.map((r) => presentEvidence(r, number));
      await deps.access.onAppended(tx, {
        complaintId: input.complaintId,
        principal: input.principal,
        evidenceKey: input.evidenceKey,
        items,
      });
      for (const f of input.files) {
        if ((await deps.store.commit(f.staged)).created) created.push(f.staged.sha256);
      }
      return items;
    });
  } catch (err) {
    // Also after a failed COMMIT: if it did commit after all, the rows keep the files.
    await removeUnreferenced(deps, created).catch(() => undefined);
    throw err;
  } finally {
    await Promise.all(input.files.map((f) => deps.store.discard(f.staged)));
  }
}
