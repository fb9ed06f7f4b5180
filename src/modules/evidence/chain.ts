// The per-complaint evidence hash chain. Each record's hash covers its facts and the previous
// record's hash, so changing a file, a record, or the order of records shows up on verification.
// What it cannot show on its own: the newest records removed and the chain re-hashed from there
// by someone with write access to the database (the append-only trigger guards that path).
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFacts {
  complaintNumber: string;
  seq: number;
  sha256: string;
  size: number;
  mime: string;
  kind: string;
  name: string;
  durationMs: number | null;
  evidenceKey: string | null;
  uploadedAt: Date;
  uploaderKind: string;
  uploaderId: string | null;
  prevHash: string;
}

export interface ChainRecord extends ChainFacts {
  recordHash: string;
}

export type ChainProblem = 'file_missing' | 'file_changed' | 'record_changed' | 'chain_broken';

export interface ChainCheck {
  valid: boolean;
  records: number;
  firstBadRecord: number | null;
  problem: ChainProblem | null;
}

/**
 * The exact bytes that are hashed: keys in alphabetical order, no whitespace, time as ISO-8601
 * UTC with milliseconds. Changing this invalidates every stored chain, so it never changes.
 */
export function canonicalRecord(f: ChainFacts): string {
  return JSON.stringify({
    complaintNumber: f.complaintNumber,
    durationMs: f.durationMs,
    evidenceKey: f.evidenceKey,
    kind: f.kind,
    mime: f.mime,
    name: f.name,
    prevHash: f.prevHash,
    seq: f.seq,
    sha256: f.sha256,
    size: f.size,
    uploadedAt: f.uploadedAt.toISOString(),
    uploaderId: f.uploaderId,
    uploaderKind: f.uploaderKind,
  });
}

export function recordHash(f: ChainFacts): string {
  return createHash('sha256').update(canonicalRecord(f), 'utf8').digest('hex');
}

/**
 * Checks records (any order) against their stored hashes and against the actual hash of each
 * file (`fileHash` returns null for a missing file). Reports the first bad record by seq.
 */
export function verifyChain(
  records: readonly ChainRecord[],
  fileHash: (sha256: string) => string | null,
): ChainCheck {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const bad = (seq: number, problem: ChainProblem): ChainCheck => ({
    valid: false,
    records: sorted.length,
    firstBadRecord: seq,
    problem,
  });
  let prev = GENESIS_HASH;
  for (const [i, r] of sorted.entries()) {
    if (r.seq !== i + 1 || r.prevHash !== prev) return bad(r.seq, 'chain_broken');
    if (recordHash(r) !== r.recordHash) return bad(r.seq, 'record_changed');
    const actual = fileHash(r.sha256);
    if (actual === null) return bad(r.seq, 'file_missing');
    if (actual !== r.sha256) return bad(r.seq, 'file_changed');
    prev = r.recordHash;
  }
  return { valid: true, records: sorted.length, firstBadRecord: null, problem: null };
}
