// Decides what a staged upload is from its bytes alone: the name and the declared content type
// are the sender's claims and are ignored.
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { classifyEvidence, videoTooLong, type EvidenceKind } from './limits.js';
import { readMp4Duration } from './mp4.js';
import type { StagedFile } from './store.js';

export type FileProblem =
  | { reason: 'file_empty' }
  | { reason: 'file_type_not_allowed'; detected: string | null }
  | { reason: 'file_too_large'; kind: EvidenceKind; limitBytes: number }
  | { reason: 'video_too_long'; durationMs: number }
  | { reason: 'file_damaged' };

export type Inspection =
  | { ok: true; mime: string; kind: EvidenceKind; durationMs: number | null }
  | { ok: false; problem: FileProblem };

// file-type names some MP4-container formats (F4V, M4P) video/mp4 too; only plain MP4 is taken.
const ACCEPTED_EXTENSIONS = new Set(['png', 'jpg', 'pdf', 'mp4']);

async function mp4DurationOf(file: string): Promise<number | null> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    return await readMp4Duration({
      size,
      read: async (offset, length) => {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await fh.read(buf, 0, length, offset);
        return buf.subarray(0, bytesRead);
      },
    });
  } finally {
    await fh.close();
  }
}

export async function inspectStaged(staged: StagedFile): Promise<Inspection> {
  if (staged.size === 0) return { ok: false, problem: { reason: 'file_empty' } };
  const sniffed = await fileTypeFromFile(staged.tmpPath);
  const mime = sniffed && ACCEPTED_EXTENSIONS.has(sniffed.ext) ? sniffed.mime : null;
  const c = classifyEvidence(mime, staged.size);
  if (!c.ok) {
    switch (c.reason) {
      case 'file_empty':
        return { ok: false, problem: { reason: c.reason } };
      case 'file_type_not_allowed':
        return { ok: false, problem: { reason: c.reason, detected: sniffed?.ext ?? null } };
      case 'file_too_large':
        return { ok: false, problem: { reason: c.reason, kind: c.kind, limitBytes: c.limitBytes } };
    }
  }
  if (c.kind !== 'video') return { ok: true, mime: mime!, kind: c.kind, durationMs: null };
  const durationMs = await mp4DurationOf(staged.tmpPath);
  if (durationMs === null) return { ok: false, problem: { reason: 'file_damaged' } };
  if (videoTooLong(durationMs)) {
    return { ok: false, problem: { reason: 'video_too_long', durationMs } };
  }
  return { ok: true, mime: mime!, kind: 'video', durationMs };
}
