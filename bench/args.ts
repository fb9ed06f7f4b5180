// Command-line options of a benchmark: `--name=value` or `--name value`, and bare `--flag`.
export type BenchArgs = Map<string, string>;

/** A mistake on the command line: reported as a message, without a stack trace. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(a)}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      out.set(a.slice(2), argv[++i]!);
    } else {
      out.set(a.slice(2), 'true');
    }
  }
  return out;
}

/** A whole number ≥ min, accepting 1_000_000 and 1e6. */
function wholeNumber(name: string, raw: string, min: number): number {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name}=${raw}: expected a whole number of at least ${min}`);
  }
  return n;
}

export function intArg(args: BenchArgs, name: string, fallback: number, min = 1): number {
  const raw = args.get(name);
  return raw === undefined ? fallback : wholeNumber(name, raw, min);
}

/** A comma-separated list of whole numbers (`--sizes=100_000,1e6`). */
export function intListArg(args: BenchArgs, name: string, fallback: number[], min = 1): number[] {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  return raw.split(',').map((s) => wholeNumber(name, s.trim(), min));
}

/** Refuses options the benchmark does not know, so a typo is not silently ignored. */
export function assertKnown(args: BenchArgs, known: readonly string[]): void {
  const unknown = [...args.keys()].filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `--${k}`).join(', ')}` +
        ` (known: ${known.map((k) => `--${k}`).join(', ')})`,
    );
  }
}
