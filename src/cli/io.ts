/** The CLI's connection to the outside: output streams and the user's language. */
import { langFromEnv, type Lang } from "../core/i18n";

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

/**
 * The language asked for: --lang zh|en, else JIXIAO_LANG=zh|en, else the locale (LC_ALL, else
 * LC_MESSAGES, else LANG: English for an English locale, as the pane reads Office's display
 * language), else zh.
 */
export function detectLang(args: string[], env: Record<string, string | undefined>): Lang {
  const i = args.indexOf("--lang");
  const flag = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7);
  if (flag === "en" || flag === "zh") return flag;
  const envLang = env.JIXIAO_LANG ?? "";
  if (envLang === "en" || envLang === "zh") return envLang;
  return langFromEnv(env) ?? "zh";
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
