// `npm run bench -- assistant`: issue 7's FAQ matcher against nlp.js (node-nlp's NlpManager, one
// intent per entry) on the same knowledge base and queries: training time, top-1 accuracy on
// in-scope questions, correct rejection of out-of-scope ones, and match latency. Every fourth
// query is held out (never looked at while tuning the matcher) and reported on its own. With an
// emotion test set and src/modules/assistant/nlp/emotion.ts present, emotion accuracy too.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { assertKnown, type BenchArgs, UsageError } from './args.js';
import { count, log, machine, ms, table } from './benchmark.js';
import { trainMatcher } from '../src/modules/assistant/nlp/matcher.js';
import type { KbEntry, MatchOutcome } from '../src/modules/assistant/nlp/types.js';

interface Case {
  text: string;
  expect: string | null;
}

interface Outcome {
  decision: MatchOutcome['decision'];
  best: string | null;
  top: string[];
}

type Classify = (text: string) => Outcome | Promise<Outcome>;

interface Report {
  name: string;
  kbSize: number;
  trainMs: number;
  dev: Scores;
  holdout: Scores;
  all: Scores;
  p50: number;
  p99: number;
  failures: { text: string; expect: string | null; got: Outcome }[];
}

interface Scores {
  inScope: number;
  /** In scope with the expected entry ranked first, whatever the decision. */
  ranked: number;
  answered: number;
  clarified: number;
  outScope: number;
  rejected: number;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function loadKb(file: string): KbEntry[] {
  const { entries } = readJson(file) as { entries: Omit<KbEntry, 'enabled'>[] };
  return entries.map((e) => ({ ...e, enabled: true }));
}

const isHoldout = (i: number) => i % 4 === 3;

async function evaluate(
  name: string,
  kbSize: number,
  trainMs: number,
  classify: Classify,
  cases: readonly Case[],
): Promise<Report> {
  const empty = (): Scores => ({
    inScope: 0,
    ranked: 0,
    answered: 0,
    clarified: 0,
    outScope: 0,
    rejected: 0,
  });
  const dev = empty();
  const holdout = empty();
  const all = empty();
  const failures: Report['failures'] = [];
  for (const [i, c] of cases.entries()) {
    const got = await classify(c.text);
    for (const s of [all, isHoldout(i) ? holdout : dev]) {
      if (c.expect === null) {
        s.outScope++;
        if (got.decision !== 'answer') s.rejected++;
      } else {
        s.inScope++;
        if (got.top[0] === c.expect) s.ranked++;
        if (got.decision === 'answer' && got.best === c.expect) s.answered++;
        else if (got.decision === 'clarify' && got.top[0] === c.expect) s.clarified++;
      }
    }
    const right =
      c.expect === null
        ? got.decision !== 'answer'
        : got.decision === 'answer' && got.best === c.expect;
    if (!right) failures.push({ text: c.text, expect: c.expect, got });
  }
  // Latency: warm up, then time every query (several rounds, to have a stable p99).
  for (const c of cases.slice(0, 50)) await classify(c.text);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      await classify(c.text);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { name, kbSize, trainMs, dev, holdout, all, p50: pct(0.5), p99: pct(0.99), failures };
}

function ours(kb: readonly KbEntry[]): { trainMs: number; classify: Classify } {
  const t0 = performance.now();
  const matcher = trainMatcher(kb);
  const trainMs = performance.now() - t0;
  return {
    trainMs,
    classify: (text) => {
      const m = matcher.match(text);
      return {
        decision: m.decision,
        best: m.best?.entryId ?? null,
        top: m.candidates.map((c) => c.entryId),
      };
    },
  };
}

interface NlpManagerLike {
  addDocument(lang: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(lang: string, text: string): Promise<{ intent: string; score: number }>;
}

async function nlpjs(kb: readonly KbEntry[]): Promise<{ trainMs: number; classify: Classify }> {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as {
    NlpManager: new (o: object) => NlpManagerLike;
  };
  const manager = new NlpManager({ languages: ['zh'], forceNER: false, nlu: { log: false } });
  for (const e of kb) {
    for (const q of [e.question, ...e.similar]) manager.addDocument('zh', q, e.id);
  }
  const t0 = performance.now();
  await manager.train();
  const trainMs = performance.now() - t0;
  return {
    trainMs,
    classify: async (text) => {
      const r = await manager.process('zh', text);
      const known = r.intent !== 'None';
      return {
        decision: known ? 'answer' : 'none',
        best: known ? r.intent : null,
        top: known ? [r.intent] : [],
      };
    },
  };
}

const pctOf = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function printReports(reports: readonly Report[]): void {
  const rows = reports.flatMap((r) =>
    (['dev', 'holdout', 'all'] as const).map((part) => {
      const s = r[part];
      return [
        r.name,
        count(r.kbSize),
        part,
        ms(r.trainMs),
        pctOf(s.ranked, s.inScope),
        `${pctOf(s.answered, s.inScope)} (${s.answered}/${s.inScope})`,
        pctOf(s.answered + s.clarified, s.inScope),
        `${pctOf(s.rejected, s.outScope)} (${s.rejected}/${s.outScope})`,
        part === 'all' ? ms(r.p50) : '',
        part === 'all' ? ms(r.p99) : '',
      ];
    }),
  );
  console.log(
    table(
      [
        'matcher',
        'KB entries',
        'queries',
        'training',
        'ranked first',
        'top-1 answered',
        '+ clarify',
        'rejected (out of scope)',
        'p50',
        'p99',
      ],
      rows,
    ),
  );
}

function printFailures(r: Report, limit: number): void {
  console.log(`\n${r.name}: ${r.failures.length} wrong (first ${limit}):`);
  for (const f of r.failures.slice(0, limit)) {
    console.log(
      `  ${f.expect ?? 'null'.padEnd(8)} → ${f.got.decision.padEnd(7)} ${(f.got.best ?? '').padEnd(9)} ` +
        `[${f.got.top.join(' ')}]  ${f.text}`,
    );
  }
}

interface EmotionCase {
  text: string;
  emotion?: string;
  label?: string;
  expect?: string;
}

async function emotionReport(file: string): Promise<void> {
  const module = 'src/modules/assistant/nlp/emotion.ts';
  if (!existsSync(file) || !existsSync(module)) {
    log(`emotion: skipped (${existsSync(file) ? module : file} not found)`);
    return;
  }
  const { classifyEmotion } = (await import(pathToFileURL(module).href)) as {
    classifyEmotion: (text: string) => { label: string };
  };
  const raw = readJson(file) as { cases?: EmotionCase[] } | EmotionCase[];
  // The format is {"cases":[{"text","emotion"}]}; label/expect are accepted too.
  const cases = (Array.isArray(raw) ? raw : (raw.cases ?? [])).map((c) => ({
    text: c.text,
    label: c.emotion ?? c.label ?? c.expect ?? '',
  }));
  const perLabel = new Map<string, { n: number; right: number }>();
  let right = 0;
  const t0 = performance.now();
  for (const c of cases) {
    const got = classifyEmotion(c.text).label;
    const s = perLabel.get(c.label) ?? { n: 0, right: 0 };
    s.n++;
    if (got === c.label) {
      s.right++;
      right++;
    }
    perLabel.set(c.label, s);
  }
  const each = (performance.now() - t0) / Math.max(1, cases.length);
  console.log(`\nEmotion (${file}, ${cases.length} cases, ${ms(each)} per message):`);
  console.log(
    table(
      ['label', 'cases', 'accuracy'],
      [
        ...[...perLabel].map(([label, s]) => [label, String(s.n), pctOf(s.right, s.n)]),
        ['all', String(cases.length), pctOf(right, cases.length)],
      ],
    ),
  );
}

export async function runAssistantBenchmark(args: BenchArgs): Promise<void> {
  assertKnown(args, ['kb', 'queries', 'emotions', 'baseline', 'failures', 'core']);
  const kbFile = args.get('kb') ?? 'bench/data/assistant/kb.json';
  const queriesFile = args.get('queries') ?? 'bench/data/assistant/queries.json';
  const emotionsFile = args.get('emotions') ?? 'bench/data/assistant/emotion.json';
  const baseline = args.get('baseline') !== 'false';
  const showFailures = Number(args.get('failures') ?? '0');
  const kb = loadKb(kbFile);
  const { cases } = readJson(queriesFile) as { cases: Case[] };
  // The core KB: the hand-written entries (DEFAULT_KB), on which nlp.js trains in reasonable time.
  const core = kb.filter((e) => e.id.startsWith('kb-'));
  console.log(`Machine: ${machine()}`);
  console.log(
    `KB ${kbFile}: ${count(kb.length)} entries (${count(core.length)} core); ` +
      `queries ${queriesFile}: ${cases.filter((c) => c.expect).length} in scope, ` +
      `${cases.filter((c) => !c.expect).length} out of scope (every 4th held out)\n`,
  );
  const reports: Report[] = [];
  for (const [label, entries] of [
    ['full', kb],
    ['core', core],
  ] as const) {
    if (label === 'core' && args.get('core') === 'false') continue;
    log(`ours: training on ${count(entries.length)} entries`);
    const o = ours(entries);
    reports.push(await evaluate('ours', entries.length, o.trainMs, o.classify, cases));
  }
  if (baseline) {
    const sizes = args.get('baseline') === 'full' ? [kb, core] : [core];
    for (const entries of sizes) {
      log(`nlp.js: training on ${count(entries.length)} entries`);
      const n = await nlpjs(entries);
      reports.push(await evaluate('nlp.js', entries.length, n.trainMs, n.classify, cases));
    }
  }
  console.log('');
  printReports(reports);
  console.log(
    '\nranked first: the expected entry is the best candidate, whatever the decision; ' +
      'top-1 answered: decision "answer" with the expected entry; + clarify: also counting a ' +
      'clarifying question whose first candidate is the expected entry (nlp.js never clarifies); ' +
      'rejected: out-of-scope queries not answered. Latency: per match, warm, 3 rounds.',
  );
  if (showFailures > 0) for (const r of reports) printFailures(r, showFailures);
  await emotionReport(emotionsFile);
}
