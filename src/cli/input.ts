/**
 * What the commands that read submissions share (check, read, recommend): the bundled examples
 * when no file is given, the configuration file, and one file read into grids or a one-line
 * reason why it cannot be.
 */
import type { Lang } from "../core/i18n";
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_KEYS, checkConfig, ruleCatalogue, type Config } from "../core/config";
import type { Grid } from "../core/grid";
import { WorkbookReadError } from "../host/xlsx/readErrors";
import { readWorkbookGridsFast } from "../host/xlsx/fastReadWorkbook";
import { expandFileArgs, type FileArg } from "./files";
import { UsageError, type CliIO } from "./io";
import { configProblemText, t } from "./messages";
import { isFindingsSheet } from "./findingsSheet";

export const DEFAULT_EXAMPLES = ["examples/seed000-stacked.xlsx", "examples/seed001.xlsx", "examples/seed002.xlsx"];

/** The folder holding jixiao's package.json (examples live there), from the source or the bundle. */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && /"name":\s*"jixiao"/.test(readFileSync(pkg, "utf8"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** The files as given (patterns expanded, lock files marked), or the bundled examples when none is. */
export function inputFiles(files: readonly string[]): FileArg[] {
  return files.length ? expandFileArgs(files) : DEFAULT_EXAMPLES.map((f) => ({ file: path.join(packageRoot(), f) }));
}

/** jixiao.config.json in `cwd` (when present) or the file given with --config. */
export function loadConfig(file: string | undefined, io: CliIO, cwd: string): Config {
  const p = file ?? path.join(cwd, "jixiao.config.json");
  if (!file && !existsSync(p)) return {};
  if (!existsSync(p)) throw new UsageError(t(io.lang, "notFound", p));
  const r = checkConfig(readFileSync(p, "utf8"));
  if (!r.ok) throw new UsageError(t(io.lang, "configInvalid", p, configProblemText(io.lang, r.problem, CONFIG_KEYS, ruleCatalogue().families)));
  return r.config;
}

/** The configuration's language, unless --lang was given on the command line. */
export function languageOf(config: Config, args: readonly string[], io: CliIO): Lang {
  return config.lang && !args.some((x) => x.startsWith("--lang")) ? config.lang : io.lang;
}

/** Read one file into grids, or a clear one-line error with its code. */
export async function readInput(file: string, lang: Lang): Promise<{ grids: Grid[]; warnings: string[] } | { error: { code: string; message: string } }> {
  if (!existsSync(file)) return { error: { code: "not-found", message: t(lang, "notFound", file) } };
  if (statSync(file).isDirectory()) return { error: { code: "directory", message: t(lang, "isDirectory", file) } };
  try {
    const data = readFileSync(file);
    const { grids: all, skipped } = await readWorkbookGridsFast(data);
    // the list of findings in an annotated copy is Jixiao's, not the submission's
    const grids = all.filter((g) => !isFindingsSheet(g));
    return { grids, warnings: skipped.map((k) => t(lang, "farCells", file, k.sheet, k.cells, k.example, k.kept)) };
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const key = ({ "not-xlsx": "notXlsx", xls: "oldXls", corrupt: "corrupt", encrypted: "encrypted", empty: "empty" } as const)[e.code];
      return { error: { code: e.code, message: t(lang, key, file) } };
    }
    return { error: { code: "unreadable", message: t(lang, "unreadable", file, (e as Error).message.split("\n")[0]) } };
  }
}
