// What a canned reply's {{variables}} mean for one complaint (src/shared/macros.ts fills them).
import type { MacroVariable } from '../../shared/cases.js';
import { STATUS_LABELS, type ComplaintStatus } from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import type { LocalText } from '../../shared/text.js';
import { chinaDate } from './numbers.js';
import type { ComplaintRow } from './repository.js';

const pick = (t: LocalText, locale: Locale) => (locale === 'en' ? t.en : t.zh);

/** Values for the complaint, the agent writing and the caller's language; dates in China time. */
export function macroVariables(
  row: ComplaintRow,
  agentName: string,
  locale: Locale,
  now: Date,
): Partial<Record<MacroVariable, string>> {
  return {
    number: row.number,
    complainant: row.contact.name,
    agent: agentName,
    category: pick(row.rules.categoryName, locale),
    type: pick(row.rules.typeName, locale),
    status: pick(STATUS_LABELS[row.status as ComplaintStatus], locale),
    ...(row.estimatedCompletionAt ? { estimate: chinaDate(row.estimatedCompletionAt) } : {}),
    today: chinaDate(now),
  };
}
