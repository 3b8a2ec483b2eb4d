/**
 * A part of the pane that comes in a chunk of its own (issue 17: what the first paint does not
 * draw is not in the first chunk). `load` fetches it once (a failed load is tried again on the
 * next call); `useLazyPart` gives the module once it is here — at once, in the same render, when
 * it already is — and asks for it when it is needed and not yet here.
 */
import { useEffect, useState } from "react";

export interface LazyPart<M> {
  load(): Promise<M>;
  /** the module when loaded, else null */
  loaded(): M | null;
}

export function lazyPart<M>(importer: () => Promise<M>): LazyPart<M> {
  let mod: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (mod = m),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      )),
    loaded: () => mod,
  };
}

/** The part's module, or null while it loads (asked for when `needed`). */
export function useLazyPart<M>(part: LazyPart<M>, needed = true): M | null {
  const [mod, setMod] = useState(part.loaded);
  useEffect(() => {
    if (needed && !mod) part.load().then(setMod, () => undefined); // drawn without it until it is here
  }, [part, needed, mod]);
  return mod ?? part.loaded();
}
