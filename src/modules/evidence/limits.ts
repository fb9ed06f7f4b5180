// What evidence we accept (docs/COMPLAINTS.md "Evidence"). The sniffed type decides the kind and
// its limit: a JPEG up to 5 MB is a photo; a larger one, under 10 MB, is taken as a scanned
// document, since phone scans of paperwork are big JPEGs.
import type { LocalText } from '../../shared/text.js';

export type EvidenceKind = 'image' | 'document' | 'video';

export const MB = 1024 * 1024;
/** The largest limit of any kind: an upload is cut off past this, whatever it turns out to be. */
export const MAX_EVIDENCE_BYTES = 50 * MB;
export const MAX_VIDEO_MS = 60_000;

export type Classification =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; reason: 'file_empty' }
  | { ok: false; reason: 'file_type_not_allowed' }
  | { ok: false; reason: 'file_too_large'; kind: EvidenceKind; limitBytes: number };

const tooLarge = (kind: EvidenceKind, limitBytes: number): Classification => ({
  ok: false,
  reason: 'file_too_large',
  kind,
  limitBytes,
});

/** `mime` is the type sniffed from the content (null when unrecognised), never the declared one. */
export function classifyEvidence(mime: string | null, size: number): Classification {
  if (size === 0) return { ok: false, reason: 'file_empty' };
  switch (mime) {
    case 'image/png':
      return size <= 5 * MB ? { ok: true, kind: 'image' } : tooLarge('image', 5 * MB);
    case 'image/jpeg':
      if (size <= 5 * MB) return { ok: true, kind: 'image' };
      return size < 10 * MB ? { ok: true, kind: 'document' } : tooLarge('document', 10 * MB);
    case 'application/pdf':
      return size < 10 * MB ? { ok: true, kind: 'document' } : tooLarge('document', 10 * MB);
    case 'video/mp4':
      return size <= MAX_EVIDENCE_BYTES ? { ok: true, kind: 'video' } : tooLarge('video', 50 * MB);
    default:
      return { ok: false, reason: 'file_type_not_allowed' };
  }
}

export function videoTooLong(durationMs: number): boolean {
  return durationMs > MAX_VIDEO_MS;
}

/** Seconds for messages, rounded up to a tenth so 60.01 s never reads as "60 s, too long". */
export function secondsForMessage(ms: number): number {
  return Math.ceil(ms / 100) / 10;
}

export function formatLimit(bytes: number): string {
  return `${bytes / MB} MB`;
}

/** Kind names as they read inside the file_too_large message. */
export const KIND_LABELS: Record<EvidenceKind, LocalText> = {
  image: { zh: '图片', en: 'images' },
  document: { zh: '文档', en: 'documents' },
  video: { zh: '视频', en: 'videos' },
};
