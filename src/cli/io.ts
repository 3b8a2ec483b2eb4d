/** The CLI's connection to the outside: output streams and the user's language. */
import type { Lang } from "../core/i18n";

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  lang: Lang;
  /**
   * Standard output as a stream: `s` as it is (no newline added), resolved once it may be written
   * on. Where it is missing (tests), a command that writes as it goes collects its output and
   * gives it to `out` at the end: the same text.
   */
  write?: (s: string) => void | Promise<void>;
}

/** A command's standard output written as it goes, the same text as one `out` call at its end. */
export function streamingOut(io: CliIO): { write: (s: string) => void | Promise<void>; end: () => void } {
  if (io.write) return { write: io.write, end: () => undefined };
  let text = "";
  return {
    write: (s) => {
      text += s;
    },
    // `out` adds the newline the text ends with
    end: () => io.out(text.endsWith("\n") ? text.slice(0, -1) : text),
  };
}

/** zh unless --lang en, JIXIAO_LANG=en, or an English locale in LANG/LC_ALL. */
export function detectLang(args: string[], env: Record<string, string | undefined>): Lang {
  const i = args.indexOf("--lang");
  const flag = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7);
  if (flag === "en" || flag === "zh") return flag;
  const envLang = env.JIXIAO_LANG ?? "";
  if (envLang === "en" || envLang === "zh") return envLang;
  return "zh";
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
