/** jixiao check: read .xlsx files, validate every table, print text or JSON, optionally write annotated or fixed copies. */
import { statSync } from "node:fs";
import * as path from "node:path";
import { configToOptions } from "../../core/config";
import { validate, type ValidateOptions } from "../../core/engine";
import { toJson, toText, type FileResult } from "../format";
import { UsageError, type CliIO } from "../io";
import { collectGarbage } from "../gc";
import { t } from "../messages";
import { writeBatchReport } from "../batchReport";
import type { FileArg } from "../files";
import { inputFiles, languageOf, loadConfig, readInput } from "../input";
import { readOptions } from "../options";
import { writeAnnotatedCopy, writeFixedCopy, assertNotInput } from "../writeCopies";

/** Files from this size on hold workbook models worth collecting before validation (see ../gc.ts). */
const LARGE_FILE_BYTES = 1_000_000;

// shared with read and recommend (../input.ts); recommend imports them from here
export { DEFAULT_EXAMPLES, loadConfig, packageRoot, readInput } from "../input";

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

export async function run(args: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(args, io);
  const config = loadConfig(a.config, io, cwd);
  const lang = languageOf(config, args, io);
  const inputs: FileArg[] = inputFiles(a.files);
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
