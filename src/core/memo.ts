/**
 * The pure core's one cache: a function of a text, remembered. Labels, names, format codes and
 * message templates recur in every table of a batch (issue 7), so the core works each out once —
 * but a workbook of a million different texts must not grow memory without bound, so every memo
 * holds at most `capacity` results (all forgotten at once when full: the next table's texts are
 * back within a few rows) and never remembers a text longer than `maxKeyLength` (long prose seldom
 * recurs and would hold the most memory).
 */
export interface MemoOptions {
  /** results held before the memo starts again */
  capacity: number;
  /** texts longer than this are computed every time */
  maxKeyLength?: number;
}

export interface Memo<V> {
  (key: string): V;
  /** how many results are held (for the tests) */
  readonly size: number;
}

export function memoize<V>(compute: (key: string) => V, { capacity, maxKeyLength = Number.POSITIVE_INFINITY }: MemoOptions): Memo<V> {
  const held = new Map<string, V>();
  const memo = (key: string): V => {
    if (key.length > maxKeyLength) return compute(key);
    // (a result may be undefined: has() tells a remembered undefined from an unknown key)
    const known = held.get(key);
    if (known !== undefined || held.has(key)) return known as V;
    const value = compute(key);
    if (held.size >= capacity) held.clear();
    held.set(key, value);
    return value;
  };
  return Object.defineProperty(memo, "size", { get: () => held.size }) as Memo<V>;
}
