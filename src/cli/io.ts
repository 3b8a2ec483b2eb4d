/** The CLI's connection to the outside: output streams and the user's language. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  lang: "zh" | "en";
}

/** zh unless --lang en, JIXIAO_LANG=en, or an English locale in LANG/LC_ALL. */
export function detectLang(args: string[], env: Record<string, string | undefined>): "zh" | "en" {
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
