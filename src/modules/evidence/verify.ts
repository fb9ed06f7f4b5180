import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import type { EvidenceVerification } from '../../shared/complaints.js';
import { verifyChain, type ChainCheck } from './chain.js';
import { toChainRecord } from './present.js';
import { listRecords } from './repository.js';
import type { EvidenceStore } from './store.js';

/** Re-reads every stored file of the complaint and recomputes every record and link. */
export async function verifyEvidence(
  target: { complaintId: string; number: string },
  deps: { db: Db; store: EvidenceStore; clock: Clock },
): Promise<EvidenceVerification & ChainCheck> {
  const rows = await listRecords(deps.db, target.complaintId);
  const actual = new Map<string, string | null>();
  // One at a time: a complaint holds a few files, and verification must not starve uploads of I/O.
  for (const sha of new Set(rows.map((r) => r.sha256))) {
    actual.set(sha, await deps.store.hashFile(sha));
  }
  const check = verifyChain(
    rows.map((r) => toChainRecord(r, target.number)),
    (sha) => actual.get(sha) ?? null,
  );
  return { ...check, checkedAt: deps.clock.now().toISOString() };
}
