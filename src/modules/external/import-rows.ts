// From CSV cells to status updates: the header (English or Chinese), status names (codes or
// their Chinese/English labels), times (ISO, or China local time as spreadsheets write it).
// Pure; the use-case applies each row in its own transaction.
import {
  EXTERNAL_STATUSES,
  EXTERNAL_STATUS_LABELS,
  type ExternalStatus,
} from '../../shared/cases.js';
import { fieldError } from '../../server/lib/errors.js';
import type { FieldReason } from '../../shared/errors.js';

export const CSV_COLUMNS = ['platform', 'external_number', 'status', 'note', 'at'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['platform', 'external_number', 'status'];
const ZH_COLUMNS: Record<string, CsvColumn> = {
  平台: 'platform',
  外部编号: 'external_number',
  状态: 'status',
  说明: 'note',
  时间: 'at',
};

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const EXTERNAL_NUMBER_MAX = 60;
export const STATUS_NOTE_MAX = 500;

export type Header = Record<CsvColumn, number | null>;
export interface CellProblem {
  field: string;
  reason: FieldReason;
  params?: Record<string, string | number>;
}

const fold = (s: string) => s.normalize('NFKC').trim();

/** Which cell holds which column; unknown, repeated or missing columns are named. */
export function readHeader(cells: string[]): { ok: true; header: Header } | CellProblem {
  const header: Header = {
    platform: null,
    external_number: null,
    status: null,
    note: null,
    at: null,
  };
  for (const [i, raw] of cells.entries()) {
    const name = fold(raw);
    if (name === '') continue;
    const key = name.toLowerCase().replace(/[\s-]+/g, '_');
    const column =
      ZH_COLUMNS[name] ?? (CSV_COLUMNS as readonly string[]).find((c) => c === key) ?? null;
    if (!column) return { field: `header.${name}`, reason: 'unknown_field' };
    if (header[column as CsvColumn] !== null)
      return { field: `header.${name}`, reason: 'duplicate_key' };
    header[column as CsvColumn] = i;
  }
  const missing = REQUIRED_COLUMNS.find((c) => header[c] === null);
  if (missing) return { field: `header.${missing}`, reason: 'required' };
  return { ok: true, header };
}

/** A status code, or its Chinese or English label ("对方已办结", "Resolved there"). */
export function parseStatus(input: string): ExternalStatus | null {
  const s = fold(input);
  const lower = s.toLowerCase();
  for (const status of EXTERNAL_STATUSES) {
    const label = EXTERNAL_STATUS_LABELS[status];
    if (lower === status || s === label.zh || lower === label.en.toLowerCase()) return status;
  }
  return null;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO 8601 with a zone, or "2026-11-20 14:30[:00]" / "2026/11/20" read as China time (UTC+8). */
export function parseTime(input: string): Date | null {
  const s = fold(input);
  if (ISO_WITH_ZONE.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h - 8, mi, se);
  // 2026-02-30 rolls over into March: refuse it rather than guess.
  if (new Date(utc + 8 * 3600_000).getUTCDate() !== d) return null;
  return new Date(utc);
}

/** Case numbers on other platforms: any printable text, trimmed, at most 60 characters. */
export function checkExternalNumber(input: string, field: string): string | CellProblem {
  const n = fold(input);
  if (!n) return { field, reason: 'required' };
  if (n.length > EXTERNAL_NUMBER_MAX) {
    return { field, reason: 'too_long', params: { n: EXTERNAL_NUMBER_MAX } };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(n)) return { field, reason: 'invalid_format' };
  return n;
}

/** checkExternalNumber for API bodies: the number, or a 400 naming the field. */
export function requireExternalNumber(input: string, field = 'externalNumber'): string {
  const n = checkExternalNumber(input, field);
  if (typeof n !== 'string') throw fieldError(n.field, n.reason, n.params);
  return n;
}

export interface RowUpdate {
  /** As written: a platform code or name, resolved against the platform list by the use-case. */
  platform: string;
  externalNumber: string;
  status: ExternalStatus;
  note: string | null;
  at: Date | null;
}

/** One data row as an update, or the first field that is wrong. */
export function readRow(
  cells: string[],
  header: Header,
  now: Date,
): { ok: true; update: RowUpdate } | CellProblem {
  const cell = (c: CsvColumn) => {
    const i = header[c];
    return i === null ? '' : (cells[i] ?? '');
  };
  const used = new Set(Object.values(header).filter((i): i is number => i !== null));
  const extra = cells.findIndex((v, i) => !used.has(i) && v.trim() !== '');
  if (extra >= 0) return { field: `column ${extra + 1}`, reason: 'unknown_field' };

  const platform = fold(cell('platform'));
  if (!platform) return { field: 'platform', reason: 'required' };
  const externalNumber = checkExternalNumber(cell('external_number'), 'external_number');
  if (typeof externalNumber !== 'string') return externalNumber;
  const statusText = fold(cell('status'));
  if (!statusText) return { field: 'status', reason: 'required' };
  const status = parseStatus(statusText);
  if (!status) return { field: 'status', reason: 'invalid_value' };
  // Free text is kept as written (full-width punctuation included), only trimmed.
  const note = cell('note').trim() || null;
  if (note && note.length > STATUS_NOTE_MAX) {
    return { field: 'note', reason: 'too_long', params: { n: STATUS_NOTE_MAX } };
  }
  const atText = fold(cell('at'));
  const at = atText ? parseTime(atText) : null;
  if (atText && !at) return { field: 'at', reason: 'invalid_format' };
  if (at && at > now) return { field: 'at', reason: 'future_date' };
  return { ok: true, update: { platform, externalNumber, status, note, at } };
}

/** The platform a row names: its code, or its Chinese or English name. */
export function resolvePlatform(
  input: string,
  platforms: readonly { code: string; name: { zh: string; en: string } }[],
): string | null {
  const lower = input.toLowerCase();
  const hit = platforms.find(
    (p) => p.code === lower || p.name.zh === input || p.name.en.toLowerCase() === lower,
  );
  return hit?.code ?? null;
}
