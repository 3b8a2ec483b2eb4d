/**
 * Command-line options as the three commands read them: `--flag value`, `--flag=value`, bare
 * switches, and positional arguments (files). Unknown options and missing values are usage errors.
 */
import type { Lang } from "../core/i18n";
import { UsageError } from "./io";
import { t } from "./messages";

/**
 * Walk `args`: `onOption(flag, value)` handles one option and returns false when it does not know
 * it; `value()` takes the option's value (inline after "=" or the next argument). Returns the
 * positional arguments in order.
 */
export function readOptions(args: readonly string[], lang: Lang, onOption: (flag: string, value: () => string) => boolean): string[] {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!flag.startsWith("-") || flag === "-") {
      positional.push(arg);
      continue;
    }
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(t(lang, "optionNeedsValue", flag));
      return v;
    };
    // --lang is read before dispatch (see detectLang); here it only takes its value
    if (flag === "--lang") value();
    else if (!onOption(flag, value)) throw new UsageError(t(lang, "unknownOption", arg));
  }
  return positional;
}

/** Run a command's body; a usage error becomes its message on stderr and exit code 2. */
export async function usageErrorsExit2(err: (s: string) => void, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
}
