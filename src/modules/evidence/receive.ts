// Reads one multipart evidence submission: every file is staged in the store's temp folder, then
// every file is inspected. Whatever goes wrong, every staged file of the request is discarded
// before the error leaves here, so a refused or cut-off upload leaves nothing behind.
import type { FastifyRequest } from 'fastify';
import { MAX_FILES_PER_SUBMISSION } from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import { AppError, fieldError, type FieldProblem } from '../../server/lib/errors.js';
import { inspectStaged, type FileProblem } from './inspect.js';
import {
  formatLimit,
  KIND_LABELS,
  MAX_VIDEO_MS,
  secondsForMessage,
  type EvidenceKind,
} from './limits.js';
import type { EvidenceStore, StagedFile } from './store.js';

export const FILES_FIELD = 'files';
export const KEY_FIELD = 'evidenceKey';
const KEY_MAX = 100;
const NAME_MAX = 200;

/** Registration options for @fastify/multipart in the evidence routes' own scope. */
export const multipartOptions = {
  // We see a too-large file ourselves (the store counts bytes) and name it in the reply.
  throwFileSizeLimit: false,
  limits: {
    // One more than allowed, so a 4th file arrives and is answered with too_many_files.
    files: MAX_FILES_PER_SUBMISSION + 1,
    fields: 4,
    fieldSize: 1024,
    parts: MAX_FILES_PER_SUBMISSION + 1 + 4,
    headerPairs: 16,
  },
};

export interface AcceptedFile {
  staged: StagedFile;
  name: string;
  mime: string;
  kind: EvidenceKind;
  durationMs: number | null;
}

export interface ReceivedUpload {
  files: AcceptedFile[];
  evidenceKey: string | null;
}

/** The last path segment, without control characters or broken surrogates, at most 200 chars. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const chars = Array.from(base)
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return c >= 0x20 && c !== 0x7f;
    })
    // PostgreSQL stores lone surrogates as U+FFFD; hashing that form keeps the chain verifiable.
    .map((ch) => (ch.length === 1 && /[\uD800-\uDFFF]/.test(ch) ? '\uFFFD' : ch));
  return chars.slice(0, NAME_MAX).join('').trim() || 'file';
}

function toFieldProblem(p: FileProblem, locale: Locale): FieldProblem {
  const lang = locale === 'en' ? 'en' : 'zh';
  switch (p.reason) {
    case 'file_type_not_allowed':
      return {
        reason: p.reason,
        params: { detected: p.detected ?? (lang === 'en' ? 'unknown' : '未知') },
      };
    case 'file_too_large':
      return {
        reason: p.reason,
        params: { kind: KIND_LABELS[p.kind][lang], limit: formatLimit(p.limitBytes) },
      };
    case 'video_too_long':
      return {
        reason: p.reason,
        params: { actual: secondsForMessage(p.durationMs), max: MAX_VIDEO_MS / 1000 },
      };
    default:
      return { reason: p.reason };
  }
}

const tooManyFiles = () =>
  new AppError('validation_failed', {
    [FILES_FIELD]: { reason: 'too_many_files', params: { n: MAX_FILES_PER_SUBMISSION } },
  });

function multipartError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const { code, syscall } = err as { code?: string; syscall?: string };
  if (code === 'FST_FILES_LIMIT') return tooManyFiles();
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('payload_too_large');
  }
  // Our own disk failing is a server error, not a bad request.
  if (syscall) return err;
  return new AppError('malformed_multipart');
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    // A refused part must still be read for the parser to reach the parts after it.
  }
}

async function inspectAll(
  staged: { file: StagedFile; name: string }[],
  locale: Locale,
): Promise<AcceptedFile[]> {
  const problems: Record<string, FieldProblem> = {};
  const files: AcceptedFile[] = [];
  for (const [i, s] of staged.entries()) {
    const r = await inspectStaged(s.file);
    if (r.ok) {
      files.push({
        staged: s.file,
        name: s.name,
        mime: r.mime,
        kind: r.kind,
        durationMs: r.durationMs,
      });
    } else problems[`${FILES_FIELD}[${i}]`] = toFieldProblem(r.problem, locale);
  }
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  return files;
}

export async function receiveUpload(
  request: FastifyRequest,
  store: EvidenceStore,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const staged: { file: StagedFile; name: string }[] = [];
  const fields: Record<string, FieldProblem> = {};
  let fileParts = 0;
  let evidenceKey: string | null = null;
  const discardAll = () => Promise.all(staged.map((s) => store.discard(s.file)));
  try {
    const parts = request.parts({ limits: { fileSize: store.maxBytes + 1 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== FILES_FIELD) fields[part.fieldname] = { reason: 'unknown_field' };
        else if (++fileParts <= MAX_FILES_PER_SUBMISSION) {
          staged.push({ file: await store.stage(part.file), name: cleanFileName(part.filename) });
          continue;
        }
        await drain(part.file);
      } else if (part.fieldname === KEY_FIELD && typeof part.value === 'string') {
        const key = part.value.trim();
        if (part.valueTruncated || key.length > KEY_MAX) {
          fields[KEY_FIELD] = { reason: 'too_long', params: { n: KEY_MAX } };
        } else evidenceKey = key || null;
      } else {
        fields[part.fieldname] = {
          reason: part.fieldname === FILES_FIELD ? 'wrong_type' : 'unknown_field',
        };
      }
    }
  } catch (err) {
    await discardAll();
    throw multipartError(err);
  }
  try {
    if (fileParts > MAX_FILES_PER_SUBMISSION) throw tooManyFiles();
    if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
    if (fileParts === 0) throw fieldError(FILES_FIELD, 'required');
    return { files: await inspectAll(staged, request.locale), evidenceKey };
  } catch (err) {
    await discardAll();
    throw err;
  }
}
