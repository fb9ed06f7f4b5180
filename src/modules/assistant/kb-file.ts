// Reads a knowledge-base file for `redress kb import FILE`: the same JSON the API takes,
// {"mode":"replace"|"merge","entries":[{"id","category","question","similar":[…],"answer"}]}
// (a bare array of entries, or {"entries"} alone, is taken as merge). Problems name the entry.
import { AppError, type FieldProblem } from '../../server/lib/errors.js';
import type { KbInput } from './kb.js';

export function parseKbFile(
  json: unknown,
  modeOverride?: 'merge' | 'replace',
): { mode: 'merge' | 'replace'; entries: KbInput[] } {
  const body: { mode?: unknown; entries?: unknown } = Array.isArray(json)
    ? { entries: json }
    : json !== null && typeof json === 'object'
      ? (json as { mode?: unknown; entries?: unknown })
      : {};
  if (!Array.isArray(body.entries)) {
    throw new AppError('validation_failed', { entries: { reason: 'required' } });
  }
  const problems: Record<string, FieldProblem> = {};
  let mode: 'merge' | 'replace' = 'merge';
  if (body.mode === 'replace' || body.mode === 'merge') mode = body.mode;
  else if (body.mode !== undefined) problems.mode = { reason: 'invalid_value' };
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const entries: KbInput[] = [];
  body.entries.forEach((raw: unknown, i) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const at = `entries[${i}]`;
    const similar = e.similar ?? [];
    for (const f of ['id', 'category', 'question', 'answer'] as const) {
      if (str(e[f]) === null) problems[`${at}.${f}`] = { reason: 'required' };
    }
    if (!Array.isArray(similar) || similar.some((s) => typeof s !== 'string'))
      problems[`${at}.similar`] = { reason: 'wrong_type' };
    if (e.enabled !== undefined && typeof e.enabled !== 'boolean')
      problems[`${at}.enabled`] = { reason: 'wrong_type' };
    entries.push({
      id: str(e.id) ?? '',
      category: str(e.category) ?? '',
      question: str(e.question) ?? '',
      similar: Array.isArray(similar)
        ? similar.filter((s): s is string => typeof s === 'string')
        : [],
      answer: str(e.answer) ?? '',
      enabled: typeof e.enabled === 'boolean' ? e.enabled : undefined,
    });
  });
  if (Object.keys(problems).length > 0) {
    throw new AppError(
      'validation_failed',
      Object.fromEntries(Object.entries(problems).slice(0, 20)),
    );
  }
  return { mode: modeOverride ?? mode, entries };
}
