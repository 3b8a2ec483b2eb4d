/** Character n-grams and weighted vectors for matching Chinese project texts (no segmentation, no model). */
import { stripMarkup, toHalfWidth } from "../text";

/** Half-width, lower-case, markup removed; runs of CJK characters, letters and digits. */
export function textRuns(s: string): string[] {
  const t = toHalfWidth(stripMarkup(s)).toLowerCase();
  return t.match(/[\u3400-\u9fffa-z0-9]+/g) ?? [];
}

/** Normalised text for substring matching: the runs joined with a separator that never matches. */
export function normalise(s: string): string {
  return textRuns(s).join("|");
}

/** Character n-grams of each run (runs shorter than n count as one gram). */
export function ngrams(s: string, n = 2): string[] {
  const out: string[] = [];
  for (const run of textRuns(s)) {
    const chars = [...run];
    if (chars.length < n) {
      if (chars.length > 0 && /[\u3400-\u9fff]/.test(run)) out.push(run);
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(""));
  }
  return out;
}

export type Vector = Map<string, number>;

/** Add the bigrams of `s`, each weighted `w`. */
export function addText(v: Vector, s: string | undefined, w: number): void {
  if (!s) return;
  for (const g of ngrams(s)) v.set(g, (v.get(g) ?? 0) + w);
}

export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y) dot += x * y;
  }
  const n = norm(a) * norm(b);
  return n ? dot / n : 0;
}

/** Sub-linear term weights times IDF. */
export function weigh(v: Vector, idf: (gram: string) => number): Vector {
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, (1 + Math.log(x > 1 ? x : 1)) * Math.min(x, 1) * idf(k));
  return out;
}

/** Dice coefficient of two texts' bigram sets (1 = same bigrams). */
export function dice(a: string, b: string): number {
  const A = new Set(ngrams(a));
  const B = new Set(ngrams(b));
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return (2 * n) / (A.size + B.size);
}
