/**
 * The contract of a benchmark file: `bench/<name>.bench.ts` default-exports a function that measures
 * the figure and, in the same process and run, its baseline — these machines are shared and noisy, so
 * only the ratio between the two is worth comparing across runs.
 */
export interface BenchReport {
  name: string;
  /** The measured figures, e.g. { rps: 8123, p99Ms: 3.1 }. */
  figures: Record<string, number>;
  baseline: { name: string; figures: Record<string, number> };
  /** The headline ratio against the baseline, and what it means (e.g. "chorus rps / bare rps"). */
  ratio: number;
  ratioMeaning: string;
  goal?: { description: string; met: boolean };
  notes?: string[];
}

export type Bench = (opts: { quick: boolean }) => Promise<BenchReport | BenchReport[]>;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
