// Suggests the problem type from what a person types ("快递丢了" → 丢件). Pure: the catalogue comes
// in as candidates, scores go out; no I/O, so the ranking is unit-tested with literal values.
import type { TypeSuggestion } from '../../shared/complaints.js';
import type { LocalText } from '../../shared/text.js';

export interface SuggestCandidate {
  categoryCode: string;
  categoryName: LocalText;
  categoryDescription: LocalText;
  typeCode: string;
  typeName: LocalText;
  keywords: readonly string[];
}

/** Weights of the three signals; they sum to 1 so a score stays in 0..1. */
export const WEIGHTS = { keywords: 0.7, bigrams: 0.2, category: 0.1 } as const;
/** Matched length (in units, see `units`) at which the keyword signal is full. */
const FULL_MATCH_UNITS = 4;
/** Below this a match is noise (one shared character pair in a long sentence). */
export const MIN_SCORE = 0.08;
export const MAX_SUGGESTIONS = 5;

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

/**
 * Full-width → half-width (NFKC), lower case, punctuation and symbols → one space. People type
 * "ＱＱ被盗！" and "qq 被盗" for the same thing.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/**
 * How much a term says: one per Chinese character, two per Latin word (an English word carries
 * about what a two-character Chinese word does).
 */
export function units(term: string): number {
  const han = term.match(HAN_G)?.length ?? 0;
  const words = term.replace(HAN_G, ' ').split(' ').filter(Boolean).length;
  return han + 2 * words;
}

/** Whether `term` (normalised) occurs in `query` (normalised); Latin terms only at a word start. */
export function contains(query: string, term: string): boolean {
  if (!term) return false;
  if (HAN.test(term[0] ?? '')) return query.includes(term);
  // "lost" should not fire inside "almost"; a prefix is enough ("impersonat" → impersonated).
  return ` ${query}`.includes(` ${term}`);
}

/**
 * Strength of the terms found in the query, 0..1. The longest hit counts fully and the others
 * (not contained in a longer hit) half, so "快递丢了" as one keyword beats "丢了" + "快递".
 */
export function termStrength(query: string, terms: readonly string[]): number {
  const hits = [...new Set(terms.map(normalise))].filter((t) => contains(query, t));
  const outer = hits.filter((t) => !hits.some((o) => o !== t && o.includes(t)));
  if (outer.length === 0) return 0;
  const sizes = outer.map(units);
  const longest = Math.max(...sizes);
  const rest = sizes.reduce((a, b) => a + b, 0) - longest;
  return Math.min(1, (longest + 0.5 * rest) / FULL_MATCH_UNITS);
}

/** Character pairs inside each Chinese run, and whole Latin words: the fuzzy signal. */
export function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const chunk of text.split(' ')) {
    for (const run of chunk.split(/(\p{Script=Han}+)/u)) {
      if (!run) continue;
      if (!HAN.test(run)) out.add(run);
      else if (run.length === 1) out.add(run);
      else for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
    }
  }
  return out;
}

function overlap(queryGrams: Set<string>, terms: readonly string[]): number {
  if (queryGrams.size === 0) return 0;
  const mine = new Set<string>();
  for (const term of terms) for (const g of grams(normalise(term))) mine.add(g);
  let shared = 0;
  for (const g of queryGrams) if (mine.has(g)) shared += 1;
  return shared / queryGrams.size;
}

/** A category's own words: its names and the items listed in its description (、 separated). */
export function categoryTerms(c: Pick<SuggestCandidate, 'categoryName' | 'categoryDescription'>) {
  const parts = [c.categoryDescription.zh, c.categoryDescription.en].flatMap((d) =>
    d.split(/[、，,;；/]/),
  );
  return [
    c.categoryName.zh,
    c.categoryName.en,
    ...c.categoryName.zh.split('/'),
    ...c.categoryName.en.split('/'),
    ...parts,
  ]
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Score of one candidate for a normalised query, rounded to three decimals. */
export function scoreCandidate(query: string, c: SuggestCandidate): number {
  const typeTerms = [c.typeName.zh, c.typeName.en, ...c.keywords];
  const score =
    WEIGHTS.keywords * termStrength(query, typeTerms) +
    WEIGHTS.bigrams * overlap(grams(query), typeTerms) +
    WEIGHTS.category * termStrength(query, categoryTerms(c));
  return Math.round(score * 1000) / 1000;
}

/** The best few candidates for free text; ties keep catalogue order (candidates come sorted). */
export function suggestTypes(
  text: string,
  candidates: readonly SuggestCandidate[],
  limit = MAX_SUGGESTIONS,
): TypeSuggestion[] {
  const query = normalise(text);
  if (!query) return [];
  return candidates
    .map((c, order) => ({ c, order, score: scoreCandidate(query, c) }))
    .filter((x) => x.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ c, score }) => ({
      categoryCode: c.categoryCode,
      typeCode: c.typeCode,
      categoryName: c.categoryName,
      typeName: c.typeName,
      score,
    }));
}
