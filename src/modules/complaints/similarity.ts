// "Near-identical description" for the repeat-filing check: people who re-file out of anxiety
// paste the same text with small edits, so a character-bigram overlap is the right measure (no
// word segmentation needed, works for Chinese and Latin text alike).

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams, 0..1 (1 = same text up to punctuation). */
export function descriptionSimilarity(a: string, b: string): number {
  const ga = bigrams(normalise(a));
  const gb = bigrams(normalise(b));
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  if (total === 0) return 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / total;
}

/** At or above this, two descriptions of the same type by the same person are one complaint. */
export const NEAR_IDENTICAL = 0.85;
