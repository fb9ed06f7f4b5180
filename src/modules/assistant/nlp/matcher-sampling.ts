// What the matcher trains on besides the knowledge base's own paraphrases: everyday phrases that
// stand for off-topic messages, deterministic sampling (the same KB always trains the same model),
// and the weighting that keeps every category's say equal.
import { dict } from '@node-rs/jieba/dict.js';

export const BACKGROUND = '\u0000background';
/** Weight of the background phrases relative to one KB category. */
const BACKGROUND_SHARE = 0.4;
export const QUESTION_TAILS = [
  '怎么办',
  '吗',
  '多久',
  '怎么弄',
  '是什么',
  '为什么',
  '在哪里',
  '多少钱',
];

let everyday: string[] | null = null;

/** Frequent two- to four-character words of jieba's general dictionary. */
export function backgroundWords(): string[] {
  if (!everyday) {
    const scored: [string, number][] = [];
    for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
      const [word, freq] = line.split(' ');
      const f = Number(freq);
      if (word && f >= 2000 && /^[\u4e00-\u9fff]{2,4}$/.test(word)) scored.push([word, f]);
    }
    everyday = scored.map(([w]) => w);
  }
  return everyday;
}

export function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic sample of at most k items (the same KB always trains the same model). */
export function sampleOf<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  const rand = prng(0x2545f491);
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/**
 * Each category weighs the same: a bulk import of templated entries (thousands of near-twins)
 * must not decide, alone, how every other question is judged.
 */
export function categoryWeights(categories: readonly string[]): number[] {
  const perCategory = new Map<string, number>();
  for (const c of categories) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
  return categories.map(
    (c) =>
      ((c === BACKGROUND ? BACKGROUND_SHARE : 1) * categories.length) /
      perCategory.size /
      perCategory.get(c)!,
  );
}
