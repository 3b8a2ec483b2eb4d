/**
 * The pure core's one cache: a function of a text, remembered. Labels, names, format codes and
 * message templates recur in every table of a batch (issue 7), so the core works each out once —
 * but a workbook of a million different texts must not grow memory without bound. Each memo keeps
 * two generations of at most `capacity` results: when the newer fills, the older is dropped and the
 * newer becomes it, so the texts still in use (looked up again from the older) survive, and never
 * more than twice `capacity` results are held. A text longer than `maxKeyLength` is computed every
 * time (long prose seldom recurs and would hold the most memory). A function of an object (a
 * library, a format section, a grid header) is remembered with the object instead: memoizeByObject.
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

/** What a memo holds for a result that is undefined (so that one get tells a known key from an unknown one). */
const UNDEFINED: unique symbol = Symbol("undefined");

export function memoize<V>(compute: (key: string) => V, { capacity, maxKeyLength = Number.POSITIVE_INFINITY }: MemoOptions): Memo<V> {
  let current = new Map<string, V | typeof UNDEFINED>();
  let previous = new Map<string, V | typeof UNDEFINED>();
  const memo = (key: string): V => {
    if (key.length > maxKeyLength) return compute(key);
    // one lookup for a key of the newer generation, three operations for any other (issue 17: the
    // maps are large, and each lookup of a text not held there costs a cache miss or two)
    let known = current.get(key);
    if (known === undefined) {
      known = previous.get(key);
      if (known === undefined) {
        const value = compute(key);
        known = value === undefined ? UNDEFINED : value;
      }
      if (current.size >= capacity) {
        previous = current;
        current = new Map();
      }
      current.set(key, known);
    }
    return (known === UNDEFINED ? undefined : known) as V;
  };
  return Object.defineProperty(memo, "size", { get: () => current.size + previous.size }) as Memo<V>;
}

/**
 * A function of an object, remembered for as long as the object lives (a WeakMap): what the core
 * works out once per library, format section or grid header. `rest` is read only when the result
 * is first computed; it must be what the object always comes with (the header's sheet view).
 */
export function memoizeByObject<K extends object, V, A extends unknown[] = []>(compute: (key: K, ...rest: A) => V): (key: K, ...rest: A) => V {
  const held = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (held.has(key)) return held.get(key) as V;
    const v = compute(key, ...rest);
    held.set(key, v);
    return v;
  };
}
