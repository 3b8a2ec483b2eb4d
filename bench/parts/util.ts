/** Small helpers shared by the benchmark parts. */

export interface PartResult {
  /** figures for the final JSON line */
  keys: Record<string, number | null>;
  /** everything else worth keeping in bench/out/results.json */
  details: Record<string, unknown>;
  /** why some keys are null (the code they measure has not landed) */
  missing?: string;
}

export interface PartContext {
  root: string;
  quick: boolean;
  log: (s: string) => void;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
