/**
 * The pure core's one cache: a function of a text, remembered. Labels, names, format codes and
 * message templates recur in every table of a batch (issue 7), so the core works each out once —
 * but a workbook of a million different texts must not grow memory without bound. Each memo keeps
 * two generations of at most `capacity` results: when the newer fills, the older is dropped and the
 * newer becomes it, so the texts still in use (looked up again from the older) survive, and never
 * more than twice `capacity` results are held. A text longer than `maxKeyLength` is computed every
 * time (long prose seldom recurs and would hold the most memory).
 */
export interface MemoOptions {
  /** results held in one generation */
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
  let current = new Map<string, V>();
  let previous = new Map<string, V>();
  const memo = (key: string): V => {
    if (key.length > maxKeyLength) return compute(key);
    // (a result may be undefined: has() tells a remembered undefined from an unknown key)
    const known = current.get(key);
    if (known !== undefined || current.has(key)) return known as V;
    const value = previous.has(key) ? (previous.get(key) as V) : compute(key);
    if (current.size >= capacity) {
      previous = current;
      current = new Map();
    }
    current.set(key, value);
    return value;
  };
  return Object.defineProperty(memo, "size", { get: () => current.size + previous.size }) as Memo<V>;
}
