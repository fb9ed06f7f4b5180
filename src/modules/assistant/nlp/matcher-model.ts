// A small logistic regression (fitted by Newton's method with an L2 penalty) that turns the
// matcher's similarity features into a calibrated probability — Platt scaling fitted on the
// knowledge base itself, with each paraphrase left out of the index in turn.

export class Logistic {
  constructor(readonly weights: Float64Array) {}

  prob(x: ArrayLike<number>): number {
    let z = 0;
    for (let i = 0; i < this.weights.length; i++) z += this.weights[i]! * x[i]!;
    return 1 / (1 + Math.exp(-z));
  }

  /** Fits rows `xs` (each including a constant 1) to labels `ys` (0/1); `sampleWeights` optional. */
  static fit(
    xs: readonly Float64Array[],
    ys: readonly number[],
    sampleWeights?: readonly number[],
    l2 = 1e-2,
    iterations = 25,
  ): Logistic {
    const f = xs[0]?.length ?? 1;
    const w = new Float64Array(f);
    if (xs.length === 0) return new Logistic(w);
    const model = new Logistic(w);
    for (let it = 0; it < iterations; it++) {
      const grad = new Float64Array(f);
      const hess = Array.from({ length: f }, () => new Float64Array(f));
      for (let n = 0; n < xs.length; n++) {
        const x = xs[n]!;
        const sw = sampleWeights?.[n] ?? 1;
        const p = model.prob(x);
        const r = sw * (p - ys[n]!);
        const h = sw * Math.max(p * (1 - p), 1e-6);
        for (let i = 0; i < f; i++) {
          grad[i]! += r * x[i]!;
          const hx = h * x[i]!;
          const row = hess[i]!;
          for (let j = 0; j <= i; j++) row[j]! += hx * x[j]!;
        }
      }
      for (let i = 0; i < f; i++) {
        grad[i]! += l2 * w[i]!;
        hess[i]![i]! += l2;
        for (let j = 0; j < i; j++) hess[j]![i] = hess[i]![j]!;
      }
      const step = solve(hess, grad);
      let change = 0;
      for (let i = 0; i < f; i++) {
        w[i]! -= step[i]!;
        change = Math.max(change, Math.abs(step[i]!));
      }
      if (change < 1e-6) break;
    }
    return model;
  }
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / pivot;
      if (k === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => {
    const pivot = m[i]![i]!;
    return Math.abs(pivot) < 1e-12 ? 0 : m[i]![n]! / pivot;
  });
}
