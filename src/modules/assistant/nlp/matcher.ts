// The FAQ matcher (issue 7): which knowledge-base entry answers a message, how sure we are, and
// whether to answer, offer choices or admit we do not know. Pure: trainMatcher builds immutable
// indexes and models; to take a changed knowledge base, train a new Matcher and swap it in.
//
// How it decides: the message is cleaned (filler dropped, synonyms folded) and read in four term
// spaces (words, word pairs, character bigrams and trigrams). Per entry, BM25 against its best
// question and against all its questions pooled, and how much of each side the other covers, are
// features. A cheap sum of them shortlists entries; a logistic regression, fitted on the knowledge
// base itself (each paraphrase left out and matched back: its own entry a positive, the other
// shortlisted entries and random everyday phrases negatives), reranks the shortlist. A second
// small logistic model (Platt scaling on the same held-out paraphrases) turns the best entry's
// score and its lead over the runner-up into the probability that the answer is right.
import { dict } from '@node-rs/jieba/dict.js';
import {
  analyse,
  C2,
  C1,
  C3,
  emptyAnalysed,
  Scorer,
  SPACE_COUNT,
  TermSpace,
  W1,
  W2,
  type Analysed,
} from './matcher-index.js';
import { Logistic } from './matcher-model.js';
import { normalise } from './normalise.js';
import { segment } from './segment.js';
import type {
  Candidate,
  KbEntry,
  MatchContext,
  MatchDecision,
  Matcher,
  MatchOutcome,
} from './types.js';

/** Answer when the best entry's confidence is at least this (chosen on the development queries). */
export const ANSWER_THRESHOLD = 0.2;
/** Between this and ANSWER_THRESHOLD, offer the candidates to choose from; below it, none. */
export const CLARIFY_THRESHOLD = 0.1;
/** A context reading replaces the message's own reading only when this much more confident. */
export const CONTEXT_MARGIN = 0.1;

const MAX_CANDIDATES = 3;
/** Entries reranked by the model after the cheap first ranking. */
const SHORTLIST = 20;
/** Paraphrases used to fit the models: enough for a stable fit, bounded for big KBs. */
const MAX_TRAINING_QUERIES = 1500;
const NEGATIVES_PER_QUERY = 6;
/** Weights of context read together with an elliptical message. */
const TOPIC_WEIGHT = 0.5;
const RECENT_WEIGHT = 0.5;

/** Ridge penalty per training row: keeps the weights of correlated features small and stable. */
const L2 = 2e-3;
const PER_SPACE = 5;
/** Single characters in more entries than this share are not indexed (see TermSpace.build). */
const C1_MAX_SHARE = 0.05;
const BASE_FEATURES = 1 + PER_SPACE * SPACE_COUNT + 5;
/** Base features also taken relative to the best competitor: docF1, poolBm25, profCov of W1, C2. */
const RELATIVE = [W1, C2].flatMap((s) => [1, 2, 3].map((f) => 1 + s * PER_SPACE + f));
const FEATURES = BASE_FEATURES + RELATIVE.length;
const UNKNOWN_W1 = 1 + PER_SPACE * SPACE_COUNT + 2;

interface Ranked {
  entry: number;
  raw: number;
}

interface Scored {
  entry: number;
  p: number;
  x: Float64Array;
}

const logit = (p: number) => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));

class FaqMatcher implements Matcher {
  private readonly spaces: TermSpace[] = [];
  private readonly scorers: Scorer[] = [];
  private readonly byId = new Map<string, number>();
  private readonly raw: Float64Array;
  private readonly seen: Int32Array;
  private gen = 0;
  private model = new Logistic(new Float64Array(FEATURES));
  private calibrator = new Logistic(new Float64Array(8));

  constructor(private readonly entries: readonly KbEntry[]) {
    const texts: string[] = [];
    const owner: number[] = [];
    const entryDocs = new Int32Array(entries.length);
    entries.forEach((entry, e) => {
      this.byId.set(entry.id, e);
      for (const q of new Set([entry.question, ...entry.similar])) {
        if (normalise(q).length === 0) continue;
        texts.push(q);
        owner.push(e);
        entryDocs[e]!++;
      }
    });
    const docEntry = Int32Array.from(owner);
    const analysed = texts.map((t) => analyse(t));
    for (let s = 0; s < SPACE_COUNT; s++) {
      const space = new TermSpace();
      space.build(
        analysed.map((a) => [...a[s]!.keys()]),
        docEntry,
        entries.length,
        s === C1 ? C1_MAX_SHARE : 1,
      );
      this.spaces.push(space);
      this.scorers.push(new Scorer(space, docEntry, entryDocs));
    }
    this.raw = new Float64Array(entries.length);
    this.seen = new Int32Array(entries.length);
    this.fit(analysed, docEntry, entryDocs);
  }

  get size(): number {
    return this.entries.length;
  }

  private rawScore(e: number): number {
    let r = 0;
    for (const s of [W1, W2, C2, C3]) {
      const o = this.scorers[s]!.out;
      r += o.docBm25[e]! + o.poolBm25[e]!;
    }
    const w = this.scorers[W1]!.out;
    const c = this.scorers[C2]!.out;
    return r + w.profCov[e]! + c.profCov[e]!;
  }

  /** Scores a query in every space; returns the shortlist by raw score, best first. */
  private rank(q: Analysed, excludeDoc = -1): Ranked[] {
    for (let s = 0; s < SPACE_COUNT; s++) this.scorers[s]!.score(q[s]!, excludeDoc);
    const top: Ranked[] = [];
    const gen = ++this.gen;
    for (const scorer of this.scorers) {
      for (const e of scorer.touchedEntries) {
        if (this.seen[e] === gen) continue;
        this.seen[e] = gen;
        const raw = this.rawScore(e);
        this.raw[e] = raw;
        if (top.length === SHORTLIST && raw <= top[SHORTLIST - 1]!.raw) continue;
        let i = top.length < SHORTLIST ? top.length : SHORTLIST - 1;
        top[i] = { entry: e, raw };
        while (i > 0 && top[i - 1]!.raw < raw) {
          top[i] = top[i - 1]!;
          top[i - 1] = { entry: e, raw };
          i--;
        }
      }
    }
    return top;
  }

  private features(top: readonly Ranked[], e: number): Float64Array {
    const x = new Float64Array(BASE_FEATURES);
    x[0] = 1;
    let k = 1;
    for (let s = 0; s < SPACE_COUNT; s++) {
      const o = this.scorers[s]!.out;
      x[k++] = o.docBm25[e]!;
      x[k++] = o.docF1[e]!;
      x[k++] = o.poolBm25[e]!;
      x[k++] = o.profCov[e]!;
      x[k++] = o.queryCov[e]!;
    }
    const bestOther = top[0]?.entry === e ? (top[1]?.raw ?? 0) : (top[0]?.raw ?? 0);
    x[k++] = this.raw[e]! - bestOther;
    x[k++] = top[0]?.entry === e ? 1 : 0;
    x[k++] = this.scorers[W1]!.out.unknown; // UNKNOWN_W1
    x[k++] = this.scorers[C2]!.out.unknown;
    x[k] = this.scorers[C2]!.out.docF1[e]! * this.scorers[W1]!.out.profCov[e]!;
    return x;
  }

  /**
   * Feature rows of a whole shortlist. Besides each entry's own scores, how far it leads (or
   * trails) the best of the other shortlisted entries on the strongest signals: whether an entry
   * is right depends on its competitors as much as on its absolute similarity.
   */
  private rows(top: readonly Ranked[]): Float64Array[] {
    const base = top.map((r) => this.features(top, r.entry));
    return base.map((x, i) => {
      const row = new Float64Array(FEATURES);
      row.set(x);
      RELATIVE.forEach((f, j) => {
        let other = 0;
        base.forEach((y, k) => {
          if (k !== i && y[f]! > other) other = y[f]!;
        });
        row[BASE_FEATURES + j] = x[f]! - other;
      });
      return row;
    });
  }

  /** The shortlist reranked by the model, best first. */
  private scored(q: Analysed, excludeDoc = -1): Scored[] {
    const top = this.rank(q, excludeDoc);
    const rows = this.rows(top);
    const out = top.map((r, i) => ({ entry: r.entry, p: this.model.prob(rows[i]!), x: rows[i]! }));
    out.sort((a, b) => b.p - a.p);
    return out;
  }

  /**
   * What the calibration reads: the best entry's score, its lead over the runner-up, and how much
   * of the message the best entry explains at all (words and characters; unknown words), since a
   * message that is mostly about something else should not be answered however it ranks.
   */
  private calibrationRow(s: readonly Scored[]): Float64Array {
    const p1 = s[0]?.p ?? 0;
    const p2 = s[1]?.p ?? 0;
    const x = s[0]?.x;
    const at = (space: number, f: number) => x?.[1 + space * PER_SPACE + f] ?? 0;
    return Float64Array.from([
      1,
      logit(p1),
      logit(p1) - logit(p2),
      at(W1, 4),
      at(C2, 4),
      at(W1, 1),
      at(C2, 1),
      x?.[UNKNOWN_W1] ?? 0,
    ]);
  }

  private confidence(s: readonly Scored[]): number {
    return s.length === 0 ? 0 : this.calibrator.prob(this.calibrationRow(s));
  }

  private fit(analysed: readonly Analysed[], docEntry: Int32Array, entryDocs: Int32Array): void {
    // Paraphrases to leave out, drawn evenly across categories: a bulk import of templated
    // entries must not crowd out the hand-written ones.
    const byCategory = new Map<string, number[]>();
    for (let d = 0; d < docEntry.length; d++) {
      if (entryDocs[docEntry[d]!]! < 2) continue;
      const c = this.entries[docEntry[d]!]!.category;
      const docs = byCategory.get(c);
      if (docs) docs.push(d);
      else byCategory.set(c, [d]);
    }
    const quota = Math.ceil(MAX_TRAINING_QUERIES / Math.max(1, byCategory.size));
    const sample = [...byCategory.values()].flatMap((docs) => sampleOf(docs, quota));
    // Per training query: its shortlist's feature rows and which row (if any) is right.
    const queries: { rows: Float64Array[]; right: number; category: string }[] = [];
    for (const d of sample) {
      const own = docEntry[d]!;
      const top = this.rank(analysed[d]!, d);
      queries.push({
        rows: this.rows(top),
        right: top.findIndex((r) => r.entry === own),
        category: this.entries[own]!.category,
      });
    }
    // Background: random phrases of everyday words stand for messages about something else; their
    // matches are by definition wrong, which teaches the model what a chance overlap looks like.
    const words = backgroundWords();
    const rand = prng(0x5eed);
    const backgroundCount = Math.min(1500, Math.ceil(sample.length / 2));
    for (let i = 0; i < backgroundCount; i++) {
      const n = 1 + Math.floor(rand() * 4);
      let text = '';
      for (let k = 0; k < n; k++) text += words[Math.floor(rand() * words.length)]!;
      if (rand() < 0.6) text += QUESTION_TAILS[Math.floor(rand() * QUESTION_TAILS.length)]!;
      const top = this.rank(analyse(text));
      if (top.length === 0) continue;
      queries.push({
        rows: this.rows(top),
        right: -1,
        category: BACKGROUND,
      });
    }
    const xs: Float64Array[] = [];
    const ys: number[] = [];
    const categories: string[] = [];
    for (const q of queries) {
      const negatives = q.category === BACKGROUND ? 2 : NEGATIVES_PER_QUERY;
      let n = 0;
      q.rows.forEach((x, i) => {
        if (i !== q.right && n++ >= negatives) return;
        xs.push(x);
        ys.push(i === q.right ? 1 : 0);
        categories.push(q.category);
      });
    }
    this.model = Logistic.fit(xs, ys, categoryWeights(categories), L2 * xs.length);
    // Calibration: does the reranked best entry answer the question?
    const cx: Float64Array[] = [];
    const cy: number[] = [];
    const cc: string[] = [];
    for (const q of queries) {
      if (q.rows.length === 0) continue;
      const s = q.rows.map((x, i) => ({ entry: i, p: this.model.prob(x), x }));
      s.sort((a, b) => b.p - a.p);
      cx.push(this.calibrationRow(s));
      cy.push(s[0]!.entry === q.right ? 1 : 0);
      cc.push(q.category);
    }
    this.calibrator = Logistic.fit(cx, cy, categoryWeights(cc), L2 * cx.length);
  }

  private read(q: Analysed): MatchOutcome {
    const s = this.scored(q);
    const conf = this.confidence(s);
    // The other candidates' confidences: their model scores, scaled like the best one's.
    const scale = s.length > 0 && s[0]!.p > 0 ? conf / s[0]!.p : 0;
    const candidates: Candidate[] = s.slice(0, MAX_CANDIDATES).map((c, i) => ({
      entryId: this.entries[c.entry]!.id,
      question: this.entries[c.entry]!.question,
      confidence: i === 0 ? conf : Math.min(conf, c.p * scale),
    }));
    const best = candidates[0] ?? null;
    return { decision: decide(best), best, candidates, usedContext: false };
  }

  match(text: string, context?: MatchContext): MatchOutcome {
    const alone = this.read(analyse(text));
    if (!context || alone.decision === 'answer' || !isElliptical(text)) return alone;
    const topic = context.topicEntryId != null ? this.byId.get(context.topicEntryId) : undefined;
    const recent = (context.recentTexts ?? []).filter((t) => t !== text).slice(-1);
    if (topic === undefined && recent.length === 0) return alone;
    const q = emptyAnalysed();
    if (topic !== undefined) analyse(this.entries[topic]!.question, TOPIC_WEIGHT, q);
    for (const r of recent) analyse(r, RECENT_WEIGHT, q);
    analyse(text, 1, q);
    const withContext = this.read(q);
    const aloneConf = alone.best?.confidence ?? 0;
    const ctxConf = withContext.best?.confidence ?? 0;
    if (withContext.decision !== 'none' && ctxConf >= aloneConf + CONTEXT_MARGIN) {
      return { ...withContext, usedContext: true };
    }
    return alone;
  }
}

/**
 * Each category weighs the same: a bulk import of templated entries (thousands of near-twins)
 * must not decide, alone, how every other question is judged.
 */
function categoryWeights(categories: readonly string[]): number[] {
  const perCategory = new Map<string, number>();
  for (const c of categories) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
  return categories.map(
    (c) =>
      ((c === BACKGROUND ? BACKGROUND_SHARE : 1) * categories.length) /
      perCategory.size /
      perCategory.get(c)!,
  );
}

function decide(best: Candidate | null): MatchDecision {
  if (!best) return 'none';
  if (best.confidence >= ANSWER_THRESHOLD) return 'answer';
  if (best.confidence >= CLARIFY_THRESHOLD) return 'clarify';
  return 'none';
}

/** A follow-up that leans on what was said before: few content words ("那要多久？", "怎么弄"). */
export function isElliptical(text: string): boolean {
  const n = normalise(text);
  return n.replace(/ /g, '').length <= 8 || segment(n).length <= 2;
}

const BACKGROUND = '\u0000background';
/** Weight of the background phrases relative to one KB category. */
const BACKGROUND_SHARE = 0.4;
const QUESTION_TAILS = ['怎么办', '吗', '多久', '怎么弄', '是什么', '为什么', '在哪里', '多少钱'];

let everyday: string[] | null = null;

/** Frequent two- to four-character words of jieba's general dictionary. */
function backgroundWords(): string[] {
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

function prng(seed: number): () => number {
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
function sampleOf<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  const rand = prng(0x2545f491);
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/** Builds a matcher over the enabled entries; disabled ones are not indexed, so never returned. */
export function trainMatcher(entries: readonly KbEntry[]): Matcher {
  return new FaqMatcher(entries.filter((e) => e.enabled));
}
