/** Small statistics helpers for the benchmark (no dependencies). */

export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The q-quantile (0..1) by the nearest-rank method, which never invents a value between samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: samples.length ? Math.min(...samples) : NaN,
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` value), as a float. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds for display and JSON: 3 significant decimals below 10, 1 above. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  return Math.abs(v) < 10 ? Math.round(v * 1000) / 1000 : Math.round(v * 10) / 10;
}

/**
 * Collects samples from `fn` until `max` samples or until `budgetMs` has passed (but
 * at least `min` samples), so a slow reference server cannot stretch the run.
 */
export async function sample(fn: () => Promise<number>, opts: { max: number; min: number; budgetMs: number; warmup?: number; warmupBudgetMs?: number }): Promise<number[]> {
  const warmupStart = process.hrtime.bigint();
  for (let i = 0; i < (opts.warmup ?? 0) && msSince(warmupStart) < (opts.warmupBudgetMs ?? Infinity); i++) await fn();
  const out: number[] = [];
  const start = process.hrtime.bigint();
  while (out.length < opts.max) {
    out.push(await fn());
    if (out.length >= opts.min && msSince(start) > opts.budgetMs) break;
  }
  return out;
}
