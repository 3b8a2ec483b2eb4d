/**
 * The user's own preferences on this computer (how the list is grouped, advice already read):
 * not the workbook's settings, which travel with the file to colleagues. localStorage where the
 * page has it (Office keeps it per add-in), else kept in memory for the session.
 */
export interface Prefs {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function memoryPrefs(initial: Record<string, string> = {}): Prefs {
  const m = new Map(Object.entries(initial));
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v) };
}

export function browserPrefs(): Prefs {
  const fallback = memoryPrefs();
  const storage = (): Storage | null => {
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      // storage blocked (privacy settings, sandboxed frame)
      return null;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      fallback.set(key, value);
      try {
        storage()?.setItem(key, value);
      } catch {
        // full or blocked: the in-memory value holds for this session
      }
    },
  };
}
