import type { EvidenceItem } from '../../shared/complaints.js';
import type { ChainRecord } from './chain.js';

/** The columns of an evidence_records row that the API and the chain need. */
export type EvidenceRecordRow = Omit<ChainRecord, 'complaintNumber'>;

export function evidenceFileUrl(complaintNumber: string, seq: number): string {
  return `/api/v1/complaints/${encodeURIComponent(complaintNumber)}/evidence/${seq}/file`;
}

export function presentEvidence(row: EvidenceRecordRow, complaintNumber: string): EvidenceItem {
  return {
    seq: row.seq,
    sha256: row.sha256,
    size: row.size,
    mime: row.mime,
    kind: row.kind as EvidenceItem['kind'],
    name: row.name,
    durationSeconds: row.durationMs === null ? null : row.durationMs / 1000,
    evidenceKey: row.evidenceKey,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploaderKind as EvidenceItem['uploadedBy'],
    recordHash: row.recordHash,
    url: evidenceFileUrl(complaintNumber, row.seq),
  };
}

export function toChainRecord(row: EvidenceRecordRow, complaintNumber: string): ChainRecord {
  // The hash covers named fields only (canonicalRecord), so extra row columns do no harm.
  return { ...row, complaintNumber };
}

/**
 * RFC 6266 / 5987: the name percent-encoded as UTF-8, so Chinese names survive every browser.
 * `inline` lets images, PDFs and videos open in the browser instead of downloading.
 */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename*=UTF-8''${encoded}`;
}
