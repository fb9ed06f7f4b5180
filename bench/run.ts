// `npm run bench -- <name> [options]`: runs one benchmark; with no name, lists them. Figures are
// ratios against a baseline measured in the same run (DESIGN.md); results go to docs/BENCHMARKS.md.
import { parseArgs, UsageError } from './args.js';
import type { Benchmark } from './benchmark.js';

// Each benchmark is loaded only when run, so listing them (or a typo) answers at once.
const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'sla',
    summary:
      'SLA sweep latency with N open complaints of which --due are due, against a full scan (issue 5)',
    usage: '--sizes=100000,1000000 --due=1000 --repeats=5 --batch=200',
    run: async (args) => (await import('./sla.js')).runSlaBenchmark(args),
  },
  {
    name: 'assistant',
    summary:
      'FAQ matcher vs nlp.js: top-1 accuracy, out-of-scope rejection, latency; emotion accuracy (issue 7)',
    usage:
      '--kb=bench/data/assistant/kb.json --queries=bench/data/assistant/queries.json ' +
      '--emotions=bench/data/assistant/emotion.json [--baseline=false|full] [--failures=N]',
    run: async (args) => (await import('./assistant.js')).runAssistantBenchmark(args),
  },
];

function list(): void {
  console.log('Benchmarks (npm run bench -- <name> [options]):\n');
  for (const b of BENCHMARKS) {
    console.log(`  ${b.name.padEnd(8)} ${b.summary}`);
    console.log(`  ${''.padEnd(8)} ${b.usage}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'list') {
    list();
    return 0;
  }
  const bench = BENCHMARKS.find((b) => b.name === name);
  if (!bench) {
    console.error(
      `Unknown benchmark "${name}". Available: ${BENCHMARKS.map((b) => b.name).join(', ')}.`,
    );
    return 2;
  }
  await bench.run(parseArgs(rest));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exitCode = 2;
      return;
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
