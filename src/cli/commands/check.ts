/**
 * jixiao check: read .xlsx files, validate every table, print text (or one line a file) or JSON
 * with the batch's totals, optionally write annotated or fixed copies and a review workbook.
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { configToOptions } from "../../core/config";
import { validate, type ValidateOptions } from "../../core/engine";
import { toJson, toSummary, toText, type FileResult } from "../format";
import { UsageError, type CliIO } from "../io";
import { collectGarbage } from "../gc";
import { t } from "../messages";
import { writeBatchReport } from "../batchReport";
import type { FileArg } from "../files";
import { inputFiles, languageOf, loadConfig, readInput } from "../input";
import { readOptions } from "../options";
import { writeAnnotatedCopy, writeFixedCopy, assertNotInput, type FixOutcome } from "../writeCopies";

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
  /** one line a file, then the totals */
  summary: boolean;
}

function parseArgs(args: string[], io: CliIO): CheckArgs {
  const out: CheckArgs = { files: [], format: "text", confirmFixes: false, summary: false };
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
    else if (flag === "--summary") out.summary = true;
    else if (flag === "--config") out.config = value();
    else return false;
    return true;
  });
  if (out.summary && out.format === "json") throw new UsageError(t(io.lang, "summaryWithJson"));
  return out;
}

/** What --fix did with one file, said honestly: how many fixes, how many left for --yes, how many no longer fit. */
function fixReport(lang: "zh" | "en", r: FixOutcome): string {
  const parts = [r.applied ? t(lang, "fixWrote", r.file, r.applied) : t(lang, "fixNone", r.file)];
  if (r.needConfirmation) parts.push(t(lang, "fixNeedYes", r.needConfirmation));
  if (r.stale) parts.push(t(lang, "fixStale", r.stale));
  return parts.join(lang === "zh" ? "；" : "; ");
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
    const result: FileResult = { file: shown, tables: report.tables, findings: report.findings, ...(input.warnings.length ? { warnings: input.warnings } : {}) };
    results.push(result);
    if (a.annotate) {
      const marked = await writeAnnotatedCopy(file, a.annotate, report.findings, lang, report.tables);
      io.err(t(lang, "annotateWrote", marked.file, marked.cells, report.findings.length));
    }
    if (a.fix) {
      const fixed = await writeFixedCopy(file, a.fix, report.findings, a.confirmFixes);
      result.fixes = { file: fixed.file, applied: fixed.applied, needConfirmation: fixed.needConfirmation, stale: fixed.stale, cells: fixed.cells };
      io.err(fixReport(lang, fixed));
    }
  }
  if (a.report) io.err(t(lang, "wrote", await writeBatchReport(results, a.report, files, lang)));
  if (a.format === "json") io.out(toJson(results));
  else if (a.summary) io.out(toSummary(results, lang));
  else io.out(toText(results, lang, !!process.stdout.isTTY && !process.env.NO_COLOR));
  const anyUnreadable = results.some((r) => r.error);
  const anyError = results.some((r) => r.findings.some((f) => f.severity === "error"));
  if (anyError) return 1;
  return anyUnreadable ? 2 : 0;
}
