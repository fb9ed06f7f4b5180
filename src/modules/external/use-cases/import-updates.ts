// A CSV of status updates from external platforms. Each row is applied on its own (its own
// transaction): a bad row changes nothing, is reported with its row number and field, and does
// not stop the others. A file that is not readable CSV, or has a bad header, is refused whole.
import { AppError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ExternalImportReport, ExternalUpdateResult } from '../../../shared/cases.js';
import {
  errorMessage,
  fieldReasonMessage,
  type ErrorCode,
  type FieldReason,
  type Locale,
} from '../../../shared/errors.js';
import { actorOf } from '../../complaints/index.js';
import { CsvError, parseCsv } from '../csv.js';
import type { ExternalDeps } from '../deps.js';
import { IMPORT_MAX_ROWS, readHeader, readRow, resolvePlatform } from '../import-rows.js';
import { listPlatforms } from '../repository.js';
import { applyExternalUpdate } from './apply-update.js';

const HEADER_HELP = {
  zh: '第一行应为表头 platform,external_number,status,note,at（或 平台,外部编号,状态,说明,时间），文件须为 UTF-8 编码',
  en: 'The first line must be the header platform,external_number,status,note,at (or 平台,外部编号,状态,说明,时间), in UTF-8',
};

/** The CSV column a refusal is about, when the refusal names none. */
const CODE_FIELDS: Partial<Record<ErrorCode, string>> = {
  platform_unknown: 'platform',
  external_case_not_found: 'external_number',
};

interface Problem {
  reason: FieldReason;
  params?: Record<string, string | number>;
}

function failure(
  row: number,
  locale: Locale,
  code: ErrorCode,
  field: string | null = CODE_FIELDS[code] ?? null,
  problem?: Problem,
): ExternalUpdateResult {
  const message =
    field && problem
      ? `${field}: ${fieldReasonMessage(problem.reason, locale, problem.params)}`
      : errorMessage(code, locale);
  return {
    row,
    ok: false,
    number: null,
    error: { code, message, ...(field ? { field } : {}) },
  };
}

/** An AppError from applying a row, as that row's result. */
function rowError(row: number, locale: Locale, err: unknown): ExternalUpdateResult {
  if (!(err instanceof AppError)) throw err;
  const [name, problem] = Object.entries(err.fields ?? {})[0] ?? [];
  return name && problem
    ? failure(row, locale, err.code, name, problem)
    : failure(row, locale, err.code);
}

export async function importUpdates(
  deps: ExternalDeps,
  opts: { principal: Principal; csv: string; locale: Locale },
): Promise<{ report: ExternalImportReport; handedBack: number }> {
  let records: string[][];
  try {
    records = parseCsv(opts.csv);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // Record 1 is the header; data rows are numbered from 1 after it.
    const name = err.record === 1 ? 'header' : `rows.${err.record - 1}`;
    throw new AppError('validation_failed', { [name]: { reason: 'invalid_format' } });
  }
  const [head, ...rows] = records;
  if (!head)
    throw new AppError(
      'validation_failed',
      { body: { reason: 'required' } },
      undefined,
      HEADER_HELP,
    );
  const header = readHeader(head);
  if (!('ok' in header)) {
    throw new AppError(
      'validation_failed',
      { [header.field]: { reason: header.reason, params: header.params } },
      undefined,
      HEADER_HELP,
    );
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('validation_failed', {
      body: { reason: 'too_many_items', params: { n: IMPORT_MAX_ROWS } },
    });
  }

  const actor = await actorOf(deps.db, opts.principal);
  const platforms = await listPlatforms(deps.db);
  const results: ExternalUpdateResult[] = [];
  let handedBack = 0;
  for (const [i, cells] of rows.entries()) {
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) continue; // blank lines (a spreadsheet's last line)
    const read = readRow(cells, header.header, deps.clock.now());
    if (!('ok' in read)) {
      results.push(failure(row, opts.locale, 'validation_failed', read.field, read));
      continue;
    }
    const code = resolvePlatform(read.update.platform, platforms);
    if (!code) {
      results.push(failure(row, opts.locale, 'platform_unknown'));
      continue;
    }
    try {
      const applied = await applyExternalUpdate(deps, actor, { ...read.update, platform: code });
      if (applied.handedBack) handedBack++;
      results.push({ row, ok: true, number: applied.number, error: null });
    } catch (err) {
      results.push(rowError(row, opts.locale, err));
    }
  }
  const applied = results.filter((r) => r.ok).length;
  return {
    report: { total: results.length, applied, failed: results.length - applied, results },
    handedBack,
  };
}
