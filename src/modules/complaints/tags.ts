// Case tags (紧急, 证据已补充 …): short labels staff see and filter by.
import { fieldError } from '../../server/lib/errors.js';
import { TAG_MAX, TAGS_MAX } from '../../shared/cases.js';

/** Trimmed and de-duplicated in order; a blank or over-long tag, or too many, is a 400 on `tags`. */
export function normaliseTags(input: readonly string[]): string[] {
  const out: string[] = [];
  input.forEach((raw, i) => {
    const tag = raw.trim();
    if (tag === '') throw fieldError(`tags.${i}`, 'required');
    if ([...tag].length > TAG_MAX) throw fieldError(`tags.${i}`, 'too_long', { n: TAG_MAX });
    if (!out.includes(tag)) out.push(tag);
  });
  if (out.length > TAGS_MAX) throw fieldError('tags', 'too_many_items', { n: TAGS_MAX });
  return out;
}

/** The tags with these added (kept in place when already there). */
export function withTags(tags: readonly string[], ...add: string[]): string[] {
  return [...tags, ...add.filter((t, i) => !tags.includes(t) && add.indexOf(t) === i)];
}
