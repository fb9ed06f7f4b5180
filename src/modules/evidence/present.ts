import type { EvidenceItem } from '../../shared/complaints.js';
import type { ChainRecord } from './chain.js';

/** The columns of an evidence_records row that the API and the chain need. */
export interface EvidenceRecordRow {
  seq: number;
  sha256: string;
  name: string;
  mime: string;
  kind: string;
  size: number;
  durationMs: number | null;
  evidenceKey: string | null;
  uploadedAt: Date;
  uploaderKind: string;
  uploaderId: string | null;
  prevHash: string;
  recordHash: string;
}

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
  return {
    complaintNumber,
    seq: row.seq,
    sha256: row.sha256,
    size: row.size,
    mime: row.mime,
    kind: row.kind,
    name: row.name,
    durationMs: row.durationMs,
    evidenceKey: row.evidenceKey,
    uploadedAt: row.uploadedAt,
    uploaderKind: row.uploaderKind,
    uploaderId: row.uploaderId,
    prevHash: row.prevHash,
    recordHash: row.recordHash,
  };
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
