// `npx tsx bench/assistant-emotion-check.ts [--errors]`: the emotion classifier on the held-out
// evaluation file — accuracy, a confusion matrix, per-message latency — for iterating on the
// model. It also lists evaluation texts too close to a training text (character-bigram Jaccard
// ≥ 0.6), since a held-out set is only worth something if it was not learnt by heart.
import { readFileSync } from 'node:fs';
import { EMOTION_TRAINING } from '../src/modules/assistant/nlp/emotion-data.js';
import { classifyEmotion, emotionModel } from '../src/modules/assistant/nlp/emotion.js';
import { EMOTIONS, type Emotion } from '../src/modules/assistant/nlp/types.js';

const FILE = new URL('./data/assistant/emotion.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(FILE, 'utf8')) as {
  cases: { text: string; emotion: Emotion }[];
};

const started = performance.now();
const model = emotionModel();
console.log(
  `trained on ${EMOTION_TRAINING.length} texts, ${model.features} features, ` +
    `${model.trainMs.toFixed(0)} ms (first call ${(performance.now() - started).toFixed(0)} ms)`,
);

const confusion = EMOTIONS.map(() => EMOTIONS.map(() => 0));
const errors: string[] = [];
const times: number[] = [];
for (const c of cases) {
  const t0 = performance.now();
  const r = classifyEmotion(c.text);
  times.push(performance.now() - t0);
  confusion[EMOTIONS.indexOf(c.emotion)]![EMOTIONS.indexOf(r.label)]!++;
  if (r.label !== c.emotion) {
    errors.push(`  ${c.emotion} → ${r.label} (${r.scores[r.label].toFixed(2)})  ${c.text}`);
  }
}

const correct = EMOTIONS.reduce((sum, _, i) => sum + confusion[i]![i]!, 0);
console.log(
  `\naccuracy ${((100 * correct) / cases.length).toFixed(1)}% (${correct}/${cases.length})\n`,
);
const short = (e: string) => e.slice(0, 7).padStart(8);
console.log(`${'true \\ predicted'.padEnd(10)}${EMOTIONS.map(short).join('')}   recall`);
EMOTIONS.forEach((e, i) => {
  const row = confusion[i]!;
  const total = row.reduce((a, b) => a + b, 0);
  const recall = total ? ((100 * row[i]!) / total).toFixed(0) + '%' : '-';
  console.log(`${e.padEnd(16)}${row.map((n) => String(n).padStart(8)).join('')}   ${recall}`);
});

times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `\nlatency per message: median ${(pct(0.5) * 1000).toFixed(0)} µs, ` +
    `p95 ${(pct(0.95) * 1000).toFixed(0)} µs, max ${(pct(1) * 1000).toFixed(0)} µs`,
);

const bigrams = (s: string) => {
  const t = s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};
const training = EMOTION_TRAINING.map((e) => ({ text: e.text, grams: bigrams(e.text) }));
const close: string[] = [];
for (const c of cases) {
  const g = bigrams(c.text);
  for (const t of training) {
    let shared = 0;
    for (const x of g) if (t.grams.has(x)) shared++;
    const union = g.size + t.grams.size - shared;
    if (union > 0 && shared / union >= 0.6) close.push(`  ${c.text}  ≈  ${t.text}`);
  }
}
console.log(`\nevaluation texts close to a training text: ${close.length}`);
for (const line of close) console.log(line);
if (process.argv.includes('--errors')) console.log(`\nerrors:\n${errors.join('\n')}`);
