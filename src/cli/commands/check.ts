/** jixiao check: read .xlsx files, validate every table, print text or JSON, optionally write annotated or fixed copies. */
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { configToOptions, parseConfig, type Config } from "../../core/config";
import { validate, type ValidateOptions } from "../../core/engine";
import { readWorkbookGrids, WorkbookReadError } from "../../host/xlsx/readWorkbook";
import { readWorkbookGridsFast } from "../../host/xlsx/fastReadWorkbook";
import { toJson, toText, type FileResult } from "../format";
import { UsageError, type CliIO } from "../io";
import { collectGarbage } from "../gc";
import { t } from "../messages";
import { writeBatchReport } from "../batchReport";
import { expandFileArgs, type FileArg } from "../files";
import { readOptions } from "../options";
import { writeAnnotatedCopy, writeFixedCopy, assertNotInput } from "../writeCopies";

/** Files from this size on hold workbook models worth collecting before validation (see ../gc.ts). */
const LARGE_FILE_BYTES = 1_000_000;

export const DEFAULT_EXAMPLES = ["examples/seed000-stacked.xlsx", "examples/seed001.xlsx", "examples/seed002.xlsx"];

interface CheckArgs {
  files: string[];
  format: "text" | "json";
  annotate?: string;
  fix?: string;
  /** one workbook summarising the whole batch (files, tables, findings) */
  report?: string;
  confirmFixes: boolean;
  config?: string;
}

function parseArgs(args: string[], io: CliIO): CheckArgs {
  const out: CheckArgs = { files: [], format: "text", confirmFixes: false };
  out.files = readOptions(args, io.lang, (flag, value) => {
    if (flag === "--format") {
      const v = value();
      if (v !== "text" && v !== "json") throw new UsageError(t(io.lang, "badFormat", v));
      out.format = v;
    } else if (flag === "--annotate") out.annotate = value();
    else if (flag === "--fix") out.fix = value();
    else if (flag === "--report") {
      out.report = value();
      if (!/\.xlsx$/i.test(out.report)) throw new UsageError(t(io.lang, "reportNotXlsx", out.report));
    }
    else if (flag === "--yes") out.confirmFixes = true;
    else if (flag === "--config") out.config = value();
    else return false;
    return true;
  });
  return out;
}

/** The folder holding jixiao's package.json (examples live there), from the source or the bundle. */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && /"name":\s*"jixiao"/.test(readFileSync(pkg, "utf8"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** jixiao.config.json in `cwd` (when present) or the file given with --config. */
export function loadConfig(file: string | undefined, io: CliIO, cwd: string): Config {
  const p = file ?? path.join(cwd, "jixiao.config.json");
  if (!file && !existsSync(p)) return {};
  if (!existsSync(p)) throw new UsageError(t(io.lang, "notFound", p));
  const r = parseConfig(readFileSync(p, "utf8"));
  if (!r.ok) throw new UsageError(t(io.lang, "configInvalid", p, r.message));
  return r.config;
}

/** Read one file into grids, or a clear one-line error with its code. */
export async function readInput(file: string, lang: "zh" | "en"): Promise<{ grids: Awaited<ReturnType<typeof readWorkbookGrids>>["grids"]; warnings: string[] } | { error: { code: string; message: string } }> {
  if (!existsSync(file)) return { error: { code: "not-found", message: t(lang, "notFound", file) } };
  if (statSync(file).isDirectory()) return { error: { code: "directory", message: t(lang, "isDirectory", file) } };
  try {
    const data = readFileSync(file);
    const { grids, skipped } = await readWorkbookGridsFast(data);
    return { grids, warnings: skipped.map((k) => t(lang, "farCells", file, k.sheet, k.cells, k.example, k.kept)) };
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const key = ({ "not-xlsx": "notXlsx", xls: "oldXls", corrupt: "corrupt", encrypted: "encrypted", empty: "empty" } as const)[e.code];
      return { error: { code: e.code, message: t(lang, key, file) } };
    }
    return { error: { code: "unreadable", message: t(lang, "unreadable", file, (e as Error).message.split("\n")[0]) } };
  }
}

export async function run(args: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(args, io);
  const config = loadConfig(a.config, io, cwd);
  const lang = config.lang && !args.some((x) => x.startsWith("--lang")) ? config.lang : io.lang;
  const inputs: FileArg[] = a.files.length ? expandFileArgs(a.files) : DEFAULT_EXAMPLES.map((f) => ({ file: path.join(packageRoot(), f) }));
  const files = inputs.filter((x) => !x.noMatch && !x.lockFile).map((x) => x.file);
  for (const dir of [a.annotate, a.fix]) if (dir) assertNotInput(dir, files, lang);

  const c = configToOptions(config);
  const options: ValidateOptions = { lang, ...c, frameworkOverride: c.frameworkOverride };
  const results: FileResult[] = [];
  for (const { file, noMatch, lockFile } of inputs) {
    const shown = path.relative(cwd, file) || file;
    if (lockFile) {
      io.err(t(lang, "lockFile", shown));
      continue;
    }
    const input = noMatch ? { error: { code: "no-match", message: t(lang, "noMatch", file) } } : await readInput(file, lang);
    if ("error" in input) {
      results.push({ file: shown, tables: [], findings: [], error: input.error });
      if (a.format === "text") io.err(input.error.message);
      continue;
    }
    for (const w of input.warnings) io.err(w);
    // the workbook model of a large file is garbage now: collect it before the engine allocates
    if (statSync(file).size >= LARGE_FILE_BYTES) collectGarbage();
    const report = validate(input.grids, options);
    results.push({ file: shown, tables: report.tables, findings: report.findings, ...(input.warnings.length ? { warnings: input.warnings } : {}) });
    if (a.annotate) io.err(t(lang, "wrote", await writeAnnotatedCopy(file, a.annotate, report.findings, lang)));
    if (a.fix) io.err(t(lang, "wrote", await writeFixedCopy(file, a.fix, report.findings, a.confirmFixes)));
  }
  if (a.report) io.err(t(lang, "wrote", await writeBatchReport(results, a.report, files, lang)));
  if (a.format === "json") io.out(toJson(results));
  else io.out(toText(results.filter((r) => !r.error), lang, !!process.stdout.isTTY && !process.env.NO_COLOR));
  const anyUnreadable = results.some((r) => r.error);
  const anyError = results.some((r) => r.findings.some((f) => f.severity === "error"));
  if (anyError) return 1;
  return anyUnreadable ? 2 : 0;
}
