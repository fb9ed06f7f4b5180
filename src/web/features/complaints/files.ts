// What evidence files we take, checked in the browser before anything is uploaded (the server
// checks again, by content). Limits from docs/COMPLAINTS.md "Evidence".
import { MAX_FILES_PER_SUBMISSION } from '../../app/types';

const MB = 1024 * 1024;

export type FileKind = 'png' | 'jpeg' | 'pdf' | 'mp4';

/** Largest accepted size per kind; JPEG up to 5 MB counts as a photo, above that as a scan. */
export const LIMITS: Record<FileKind, { max: number; inclusive: boolean }> = {
  png: { max: 5 * MB, inclusive: true },
  jpeg: { max: 10 * MB, inclusive: false },
  pdf: { max: 10 * MB, inclusive: false },
  mp4: { max: 50 * MB, inclusive: true },
};

export const ACCEPT = '.jpg,.jpeg,.png,.pdf,.mp4,image/jpeg,image/png,application/pdf,video/mp4';

function kindOf(file: File): FileKind | null {
  const name = file.name.toLowerCase();
  if (file.type === 'image/png' || name.endsWith('.png')) return 'png';
  if (file.type === 'image/jpeg' || /\.jpe?g$/.test(name)) return 'jpeg';
  if (file.type === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
  if (file.type === 'video/mp4' || name.endsWith('.mp4')) return 'mp4';
  return null;
}

export type FileProblem =
  { reason: 'type' } | { reason: 'empty' } | { reason: 'size'; kind: FileKind; limit: string };

export function checkFile(file: File): FileProblem | null {
  const kind = kindOf(file);
  if (!kind) return { reason: 'type' };
  if (file.size === 0) return { reason: 'empty' };
  const { max, inclusive } = LIMITS[kind];
  if (inclusive ? file.size > max : file.size >= max) {
    return { reason: 'size', kind, limit: formatSize(max) };
  }
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(0)} KB`;
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function isImage(file: File): boolean {
  const kind = kindOf(file);
  return kind === 'png' || kind === 'jpeg';
}

/** The server takes at most three files per request; more go in further requests. */
export function chunk<T>(items: readonly T[], size = MAX_FILES_PER_SUBMISSION): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
