// The FAQ matcher (issue 7): which knowledge-base entry answers a message, how sure we are, and
// whether to answer, offer choices or admit we do not know. Pure: trainMatcher builds immutable
// indexes and models; to take a changed knowledge base, train a new Matcher and swap it in.
//
// How it decides: the message is cleaned (filler dropped, synonyms folded) and read in five term
// spaces (words, word pairs, single characters, character bigrams and trigrams). Per entry, BM25
// against its best question and against all its questions pooled, and how much of each side the
// other covers, are features. A cheap sum of them shortlists entries; a logistic regression, fitted on the knowledge
// base itself (each paraphrase left out and matched back: its own entry a positive, the other
// shortlisted entries and random everyday phrases negatives), reranks the shortlist. A second
// small logistic model (Platt scaling on the same held-out paraphrases) turns the best entry's
// score, its lead over the runner-up and how much of the message it explains into the probability
// that the answer is right.
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
import {
  BACKGROUND,
  backgroundWords,
  categoryWeights,
  prng,
  QUESTION_TAILS,
  sampleOf,
} from './matcher-sampling.js';
import { normalise } from './normalise.js';
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
/** Single characters in more entries than this are not indexed (latency; see TermSpace.build). */
const C1_MAX_ENTRIES = 300;
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
        s === C1 ? C1_MAX_ENTRIES : Infinity,
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
    // A follow-up is read with the topic even when it matches something alone: "那要多久？"
    // after a question about withdrawal fees asks how long a withdrawal takes, not a refund.
    if (!context || !isElliptical(text)) return alone;
    const topic = context.topicEntryId != null ? this.byId.get(context.topicEntryId) : undefined;
    const recent = (context.recentTexts ?? []).filter((t) => t !== text).slice(-1);
    if (topic === undefined && recent.length === 0) return alone;
    const q = emptyAnalysed();
    if (topic !== undefined) analyse(this.entries[topic]!.question, TOPIC_WEIGHT, q);
    // The topic already says what the last messages were about; they are read only without one.
    if (topic === undefined) for (const r of recent) analyse(r, RECENT_WEIGHT, q);
    analyse(text, 1, q);
    let withContext = this.read(q);
    // "那要多久？" after a question about fees asks about time: when the follow-up names an
    // aspect the topic's question does not have, the topic entry itself is not the answer.
    const aspect = ASPECT.exec(normalise(text))?.[0];
    if (
      aspect &&
      topic !== undefined &&
      !normalise(this.entries[topic]!.question).includes(aspect)
    ) {
      const topicId = this.entries[topic]!.id;
      const candidates = withContext.candidates.filter((c) => c.entryId !== topicId);
      const best = candidates[0] ?? null;
      withContext = { decision: decide(best), best, candidates, usedContext: true };
    }
    const aloneConf = alone.best?.confidence ?? 0;
    const ctxConf = withContext.best?.confidence ?? 0;
    if (withContext.decision === 'answer') return { ...withContext, usedContext: true };
    // With a topic, a follow-up the context cannot settle is better asked back ("您是想问…")
    // than answered on its own words, which lack the subject.
    if (topic !== undefined && withContext.decision === 'clarify') {
      return { ...withContext, usedContext: true };
    }
    if (
      alone.decision !== 'answer' &&
      withContext.decision !== 'none' &&
      ctxConf >= aloneConf + CONTEXT_MARGIN
    ) {
      return { ...withContext, usedContext: true };
    }
    return alone;
  }
}

function decide(best: Candidate | null): MatchDecision {
  if (!best) return 'none';
  if (best.confidence >= ANSWER_THRESHOLD) return 'answer';
  if (best.confidence >= CLARIFY_THRESHOLD) return 'clarify';
  return 'none';
}

/** What a follow-up may ask about a topic that its question did not: time, money, limits. */
const ASPECT = /多久|多长时间|几天|什么时候|多少钱|多少|手续费|费用|收费|限额|额度|到账/;
/** Words that open a follow-up: "那要多久？", "还有别的办法吗", "如果超过了呢". */
const FOLLOW_UP_START = /^(那|那么|还有|还要|还能|如果|要是|然后|另外|这个|这样|这种|那个|那种)/;
/**
 * Question words and the light words of a follow-up; a message made of little else leans on
 * what was said before ("要手续费吗", "怎么弄", "能退吗").
 */
const FOLLOW_UP_WORDS =
  /多久|多长时间|几天|多少钱|多少|怎么办|怎么弄|怎么操作|怎么样|怎么|如何|为什么|什么时候|哪里|在哪|吗|呢|啊|吧|呀|嘛|要|是|的|了|能|可以|需要|会|还|也|手续费|费用|收费|到账|退|办/g;

/**
 * A follow-up that leans on what was said before. Short is not enough: "明天北京会下雨吗" is
 * short but says everything it means, and reading it with the previous topic would answer a
 * question nobody asked.
 */
export function isElliptical(text: string): boolean {
  const n = normalise(text).replace(/\s/g, '');
  if (n.length === 0 || n.length > 12) return false;
  if (FOLLOW_UP_START.test(n)) return true;
  return n.replace(FOLLOW_UP_WORDS, '').length <= 2;
}

/** Builds a matcher over the enabled entries; disabled ones are not indexed, so never returned. */
export function trainMatcher(entries: readonly KbEntry[]): Matcher {
  return new FaqMatcher(entries.filter((e) => e.enabled));
}
