// The matcher's inverted indexes and the similarity features it reads from them. A message is read
// in five term spaces: jieba words, pairs of adjacent words, and single characters, character
// bigrams and trigrams of the cleaned text (these survive segmentation errors and typos). In each space an entry is seen
// two ways: as its separate questions (the best-matching one counts) and as one pooled document
// of all its questions, whose term counts say which words its paraphrases agree on. Both are
// scored with BM25, with inverse frequencies over entries (not questions), so a word repeated by
// one entry's paraphrases is not thereby made common. Scoring walks only the query's postings.
import { normalise } from './normalise.js';
import { segment } from './segment.js';
import { canonical } from './synonyms.js';

export const SPACE_COUNT = 5;
/** Index of each space in an Analysed. */
export const W1 = 0;
export const W2 = 1;
export const C2 = 2;
export const C3 = 3;
export const C1 = 4;

/** A message reduced to terms per space, each with a weight (1 = the message itself). */
export type Analysed = Map<string, number>[];

const K1 = 1.2;
const B = 0.75;

/** Characters that carry no topic, dropped before character n-grams are taken. */
const STOP_CHARS =
  /[的了吗呢吧啊呀哦嘛么哈啦呗喔噢嗯额诶哎唉哇哟我你您他她它们是在就都也还又这那个着过得地之请]/g;

function add(m: Map<string, number>, term: string, weight: number): void {
  m.set(term, Math.max(m.get(term) ?? 0, weight));
}

export function emptyAnalysed(): Analysed {
  return Array.from({ length: SPACE_COUNT }, () => new Map<string, number>());
}

/** Terms of one text; `weight` lets context texts count less than the message itself. */
export function analyse(text: string, weight = 1, into?: Analysed): Analysed {
  const a = into ?? emptyAnalysed();
  const n = canonical(normalise(text));
  if (n.length === 0) return a;
  const words = segment(n);
  for (let i = 0; i < words.length; i++) {
    add(a[W1]!, words[i]!, weight);
    if (i + 1 < words.length) add(a[W2]!, `${words[i]!}|${words[i + 1]!}`, weight);
  }
  for (const chunk of n.replace(STOP_CHARS, '').split(' ')) {
    const chars = [...chunk];
    for (const c of chars) add(a[C1]!, c, weight);
    if (chars.length === 1) add(a[C2]!, chars[0]!, weight);
    for (let i = 0; i + 1 < chars.length; i++) add(a[C2]!, chars[i]! + chars[i + 1]!, weight);
    for (let i = 0; i + 2 < chars.length; i++) {
      add(a[C3]!, chars[i]! + chars[i + 1]! + chars[i + 2]!, weight);
    }
  }
  return a;
}

/** One term space over all questions (documents) and entries (pooled documents). */
export class TermSpace {
  readonly ids = new Map<string, number>();
  idf = new Float64Array(0);
  unknownIdf = 1;
  /** term → questions containing it. */
  docPostings: Int32Array[] = [];
  /** term → entries whose questions contain it, and in how many of them. */
  entryPostings: Int32Array[] = [];
  entryCounts: Int32Array[] = [];
  docTerms: Int32Array[] = [];
  docLen = new Float64Array(0);
  /** Σ idf over a question's terms. */
  docIdf = new Float64Array(0);
  entryLen = new Float64Array(0);
  /** Σ idf × count over an entry's terms (count: how many of its questions contain the term). */
  entryIdfCount = new Float64Array(0);
  avgDocLen = 1;
  avgEntryLen = 1;

  /**
   * `maxEntries`: terms in more entries than this are known (so not counted as unknown) but not
   * indexed: their long postings would cost more time than their low weight is worth.
   */
  build(
    docs: readonly string[][],
    docEntry: Int32Array,
    entryCount: number,
    maxEntries = Infinity,
  ): void {
    const docTermIds = docs.map((terms) => {
      const set = new Set<number>();
      for (const t of terms) {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(t, id);
        }
        set.add(id);
      }
      return Int32Array.from([...set].sort((x, y) => x - y));
    });
    const v = this.ids.size;
    const docFreq = new Int32Array(v);
    const perTerm: Map<number, number>[] = Array.from({ length: v }, () => new Map());
    docTermIds.forEach((ids, d) => {
      const e = docEntry[d]!;
      for (const t of ids) {
        docFreq[t]!++;
        const m = perTerm[t]!;
        m.set(e, (m.get(e) ?? 0) + 1);
      }
    });
    this.idf = new Float64Array(v);
    for (let t = 0; t < v; t++) {
      const n = perTerm[t]!.size;
      this.idf[t] = Math.log(1 + (entryCount - n + 0.5) / (n + 0.5));
    }
    this.unknownIdf = Math.log(1 + (entryCount + 0.5) / 0.5);
    const fill = new Int32Array(v);
    const indexed = (t: number) => perTerm[t]!.size <= maxEntries;
    this.docPostings = Array.from(
      { length: v },
      (_, t) => new Int32Array(indexed(t) ? docFreq[t]! : 0),
    );
    docTermIds.forEach((ids, d) => {
      for (const t of ids) if (indexed(t)) this.docPostings[t]![fill[t]!++] = d;
    });
    this.entryPostings = perTerm.map((m, t) => Int32Array.from(indexed(t) ? m.keys() : []));
    this.entryCounts = perTerm.map((m, t) => Int32Array.from(indexed(t) ? m.values() : []));
    this.docTerms = docTermIds;
    this.docLen = Float64Array.from(docTermIds, (ids) => ids.length);
    this.docIdf = Float64Array.from(docTermIds, (ids) => {
      let s = 0;
      for (const t of ids) s += this.idf[t]!;
      return s;
    });
    this.entryLen = new Float64Array(entryCount);
    this.entryIdfCount = new Float64Array(entryCount);
    docTermIds.forEach((ids, d) => {
      this.entryLen[docEntry[d]!]! += ids.length;
      this.entryIdfCount[docEntry[d]!]! += this.docIdf[d]!;
    });
    const nd = Math.max(1, docTermIds.length);
    this.avgDocLen = Math.max(1, this.docLen.reduce((s, x) => s + x, 0) / nd);
    this.avgEntryLen = Math.max(
      1,
      this.entryLen.reduce((s, x) => s + x, 0) / Math.max(1, entryCount),
    );
  }
}

/** Per-entry features of one query in one space (all normalised to about [0, 1]). */
export interface SpaceScores {
  /** Best BM25 over the entry's questions, over the query's own mass. */
  docBm25: Float64Array;
  /** Best F1 of the two coverages (share of the query matched, of the question matched). */
  docF1: Float64Array;
  /** BM25 of the pooled entry, over the query's mass. */
  poolBm25: Float64Array;
  /** Share of the entry's typical content (terms weighted by how many paraphrases use them) present. */
  profCov: Float64Array;
  /** Share of the query's mass the entry's vocabulary covers at all. */
  queryCov: Float64Array;
  /** Share of the query's mass in terms the index has never seen. */
  unknown: number;
}

/** Reusable scratch buffers for scoring (one query at a time; the matcher is synchronous). */
export class Scorer {
  private readonly dot: Float64Array;
  private readonly bm: Float64Array;
  private readonly docSeen: Int32Array;
  private readonly touchedDocs: Int32Array;
  private readonly entrySeen: Int32Array;
  private gen = 0;
  readonly out: SpaceScores;
  readonly touchedEntries: number[] = [];

  constructor(
    private readonly space: TermSpace,
    private readonly docEntry: Int32Array,
    private readonly entryDocs: Int32Array,
  ) {
    const nd = docEntry.length;
    const ne = entryDocs.length;
    this.dot = new Float64Array(nd);
    this.bm = new Float64Array(nd);
    this.docSeen = new Int32Array(nd);
    this.touchedDocs = new Int32Array(nd);
    this.entrySeen = new Int32Array(ne);
    this.out = {
      docBm25: new Float64Array(ne),
      docF1: new Float64Array(ne),
      poolBm25: new Float64Array(ne),
      profCov: new Float64Array(ne),
      queryCov: new Float64Array(ne),
      unknown: 0,
    };
  }

  /**
   * Scores the query against every entry sharing a term with it. `excludeDoc` leaves one question
   * out (training: a paraphrase is scored as if it were not in the knowledge base).
   */
  score(terms: ReadonlyMap<string, number>, excludeDoc = -1): void {
    const { space, out } = this;
    const gen = ++this.gen;
    for (const e of this.touchedEntries) {
      out.docBm25[e] = 0;
      out.docF1[e] = 0;
      out.poolBm25[e] = 0;
      out.profCov[e] = 0;
      out.queryCov[e] = 0;
    }
    this.touchedEntries.length = 0;
    let nTouched = 0;
    let qMass = 0;
    let unknownMass = 0;
    const exEntry = excludeDoc >= 0 ? this.docEntry[excludeDoc]! : -1;
    const exTerms = excludeDoc >= 0 ? new Set(space.docTerms[excludeDoc]) : null;
    const exLen = excludeDoc >= 0 ? space.docLen[excludeDoc]! : 0;
    const avgD = space.avgDocLen;
    const avgE = space.avgEntryLen;
    for (const [term, a] of terms) {
      const t = space.ids.get(term);
      if (t === undefined) {
        unknownMass += a * space.unknownIdf;
        qMass += a * space.unknownIdf;
        continue;
      }
      const idf = space.idf[t]!;
      qMass += a * idf;
      const post = space.docPostings[t]!;
      for (let i = 0; i < post.length; i++) {
        const d = post[i]!;
        if (this.docSeen[d] !== gen) {
          this.docSeen[d] = gen;
          this.dot[d] = 0;
          this.bm[d] = 0;
          this.touchedDocs[nTouched++] = d;
        }
        this.dot[d]! += a * idf;
        this.bm[d]! += (a * idf * (K1 + 1)) / (1 + K1 * (1 - B + (B * space.docLen[d]!) / avgD));
      }
      const ep = space.entryPostings[t]!;
      const ec = space.entryCounts[t]!;
      for (let i = 0; i < ep.length; i++) {
        const e = ep[i]!;
        let c = ec[i]!;
        let len = space.entryLen[e]!;
        let docs = this.entryDocs[e]!;
        if (e === exEntry) {
          if (exTerms!.has(t)) c--;
          len -= exLen;
          docs--;
        }
        if (c <= 0) continue;
        this.touch(e, gen);
        out.poolBm25[e]! += (a * idf * c * (K1 + 1)) / (c + K1 * (1 - B + (B * len) / avgE));
        out.profCov[e]! += (a * idf * c) / Math.max(1, docs);
        out.queryCov[e]! += a * idf;
      }
    }
    out.unknown = qMass > 0 ? unknownMass / qMass : 0;
    if (qMass === 0) return;
    for (let i = 0; i < nTouched; i++) {
      const d = this.touchedDocs[i]!;
      if (d === excludeDoc) continue;
      const e = this.docEntry[d]!;
      this.touch(e, gen);
      const bm = this.bm[d]! / qMass;
      if (bm > out.docBm25[e]!) out.docBm25[e] = bm;
      const qc = this.dot[d]! / qMass;
      const dc = Math.min(1, this.dot[d]! / space.docIdf[d]!);
      const f1 = qc + dc > 0 ? (2 * qc * dc) / (qc + dc) : 0;
      if (f1 > out.docF1[e]!) out.docF1[e] = f1;
    }
    for (const e of this.touchedEntries) {
      out.poolBm25[e]! /= qMass;
      out.queryCov[e]! /= qMass;
      let mass = space.entryIdfCount[e]!;
      let docs = this.entryDocs[e]!;
      if (e === exEntry) {
        mass -= space.docIdf[excludeDoc]!;
        docs--;
      }
      const prof = docs > 0 ? mass / docs : 0;
      out.profCov[e] = prof > 0 ? Math.min(1, out.profCov[e]! / prof) : 0;
    }
  }

  private touch(e: number, gen: number): void {
    if (this.entrySeen[e] !== gen) {
      this.entrySeen[e] = gen;
      this.touchedEntries.push(e);
    }
  }
}
