import { and, asc, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import { complaints, evidenceBlobs, evidenceRecords } from '../../server/db/schema.js';
import { AppError } from '../../server/lib/errors.js';
import type { EvidenceItem } from '../../shared/complaints.js';
import { GENESIS_HASH, recordHash } from './chain.js';
import type { EvidenceKind } from './limits.js';
import { presentEvidence, type EvidenceRecordRow } from './present.js';

export interface NewEvidenceFile {
  sha256: string;
  size: number;
  mime: string;
  kind: EvidenceKind;
  name: string;
  durationMs: number | null;
}

export interface AppendEvidenceInput {
  complaintId: string;
  files: NewEvidenceFile[];
  evidenceKey: string | null;
  submissionId: string;
  uploadedAt: Date;
  uploader: { kind: 'complainant' | 'staff' | 'token'; id: string };
}

// pg_advisory_xact_lock(int4, int4): this namespace, then 32 bits of the file's hash. A collision
// only makes two unrelated uploads take turns.
const BLOB_LOCK_NAMESPACE = 7406002;

/**
 * Serialises everything that creates, references or removes the stored file of these hashes
 * until the transaction ends. Taken in hash order, so two uploads never wait on each other in a
 * cycle.
 */
export async function lockBlobs(tx: Tx, shas: readonly string[]): Promise<void> {
  for (const sha of [...new Set(shas)].sort()) {
    const key = Number.parseInt(sha.slice(0, 8), 16) | 0;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BLOB_LOCK_NAMESPACE}::int4, ${key}::int4)`);
  }
}

/**
 * Appends the files to the complaint's chain. Must run inside a transaction: the complaint row
 * lock makes concurrent uploads to one complaint take consecutive seqs off one chain head.
 */
export async function appendEvidence(
  tx: Tx,
  input: AppendEvidenceInput,
): Promise<{ number: string; rows: EvidenceRecordRow[] }> {
  const [complaint] = await tx
    .select({ number: complaints.number })
    .from(complaints)
    .where(eq(complaints.id, input.complaintId))
    .for('update');
  if (!complaint) throw new AppError('complaint_not_found');
  await lockBlobs(
    tx,
    input.files.map((f) => f.sha256),
  );

  const [head] = await tx
    .select({ seq: evidenceRecords.seq, recordHash: evidenceRecords.recordHash })
    .from(evidenceRecords)
    .where(eq(evidenceRecords.complaintId, input.complaintId))
    .orderBy(desc(evidenceRecords.seq))
    .limit(1);

  // One row per distinct content; the blob locks above keep concurrent inserts from racing.
  const blobs = new Map(
    input.files.map((f) => [f.sha256, { sha256: f.sha256, size: f.size, mime: f.mime }]),
  );
  await tx
    .insert(evidenceBlobs)
    .values([...blobs.values()])
    .onConflictDoNothing();

  let seq = head?.seq ?? 0;
  let prevHash = head?.recordHash ?? GENESIS_HASH;
  const values = input.files.map((f) => {
    seq += 1;
    const facts = {
      complaintNumber: complaint.number,
      seq,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      kind: f.kind,
      name: f.name,
      durationMs: f.durationMs,
      evidenceKey: input.evidenceKey,
      uploadedAt: input.uploadedAt,
      uploaderKind: input.uploader.kind,
      uploaderId: input.uploader.id,
      prevHash,
    };
    prevHash = recordHash(facts);
    return {
      ...facts,
      complaintId: input.complaintId,
      submissionId: input.submissionId,
      recordHash: prevHash,
    };
  });
  const rows = await tx.insert(evidenceRecords).values(values).returning();
  return { number: complaint.number, rows: rows.sort((a, b) => a.seq - b.seq) };
}

/** Which of these hashes a committed (or our own) evidence_blobs row references. */
export async function referencedBlobs(
  db: Queryable,
  shas: readonly string[],
): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db
    .select({ sha256: evidenceBlobs.sha256 })
    .from(evidenceBlobs)
    .where(inArray(evidenceBlobs.sha256, [...shas]));
  return new Set(rows.map((r) => r.sha256));
}

export async function listRecords(
  db: Queryable,
  complaintId: string,
): Promise<EvidenceRecordRow[]> {
  return db
    .select()
    .from(evidenceRecords)
    .where(eq(evidenceRecords.complaintId, complaintId))
    .orderBy(asc(evidenceRecords.seq));
}

export async function findRecord(
  db: Queryable,
  complaintId: string,
  seq: number,
): Promise<EvidenceRecordRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceRecords)
    .where(and(eq(evidenceRecords.complaintId, complaintId), eq(evidenceRecords.seq, seq)));
  return row;
}

/** The complaint's evidence, oldest first, as the API shows it. */
export async function listEvidence(
  db: Queryable,
  complaintId: string,
  number: string,
): Promise<EvidenceItem[]> {
  return (await listRecords(db, complaintId)).map((r) => presentEvidence(r, number));
}

/** How many files were added to the complaint at or after `since` (new evidence for a step). */
export async function countEvidenceSince(
  db: Queryable,
  complaintId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(evidenceRecords)
    .where(
      and(eq(evidenceRecords.complaintId, complaintId), gte(evidenceRecords.uploadedAt, since)),
    );
  return row?.n ?? 0;
}
