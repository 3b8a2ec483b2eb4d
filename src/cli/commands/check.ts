/**
 * jixiao check: read .xlsx files, validate every table, print text (or one line a file) or JSON
 * with the batch's totals, optionally write annotated or fixed copies and a review workbook.
 *
 * Files are checked one at a time and each is written out (its JSON, its section of the text
 * report, its rows of the review workbook) before the next is read: a batch holds one file's grids
 * and report at a time, whatever its size (issue 17). The whole-workbook rules still see the whole
 * workbook: a file is validated in one piece.
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { configToOptions } from "../../core/config";
import { validate, type ValidateOptions } from "../../core/engine";
import { addToTotals, emptyTotals, fileTextLines, summaryEntry, summaryText, totalsTextLines, type FileResult, type SummaryEntry } from "../format";
import { streamingOut, UsageError, type CliIO } from "../io";
import { collectGarbage } from "../gc";
import { JsonReportWriter } from "../jsonReport";
import { t } from "../messages";
import type { FileArg } from "../files";
import { inputFiles, languageOf, loadConfig, readInput } from "../input";
import { readOptions } from "../options";
import type { FixOutcome } from "../writeCopies";

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

/** What --fix did with one file, said honestly: how many fixes, how many left for --yes, how many no longer fit, how many met a cell another fix changed. */
function fixReport(lang: "zh" | "en", r: FixOutcome): string {
  const parts = [r.applied ? t(lang, "fixWrote", r.file, r.applied) : t(lang, "fixNone", r.file)];
  if (r.needConfirmation) parts.push(t(lang, "fixNeedYes", r.needConfirmation));
  if (r.stale) parts.push(t(lang, "fixStale", r.stale));
  if (r.sameCell) parts.push(t(lang, "fixSameCell", r.sameCell));
  return parts.join(lang === "zh" ? "；" : "; ");
}

export async function run(args: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(args, io);
  const config = loadConfig(a.config, io, cwd);
  const lang = languageOf(config, args, io);
  const inputs: FileArg[] = inputFiles(a.files);
  const files = inputs.filter((x) => !x.noMatch && !x.lockFile).map((x) => x.file);
  // the code that writes copies and workbooks (and exceljs with it) is loaded only when asked for
  const copies = a.annotate || a.fix ? await import("../writeCopies") : undefined;
  for (const dir of [a.annotate, a.fix]) if (dir) copies!.assertNotInput(dir, files, lang);
  const report = a.report ? new (await import("../batchReport")).BatchReport(lang) : undefined;

  const c = configToOptions(config);
  const options: ValidateOptions = { lang, ...c, frameworkOverride: c.frameworkOverride };
  const out = streamingOut(io);
  const json = a.format === "json" ? new JsonReportWriter(out.write) : undefined;
  const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
  const totals = emptyTotals();
  const summary: SummaryEntry[] = [];
  let anyUnreadable = false;
  await json?.begin();

  /** A checked (or unreadable) file, written out at once and then let go. */
  const done = async (result: FileResult) => {
    addToTotals(totals, result);
    if (result.error) anyUnreadable = true;
    report?.add(result);
    if (json) await json.file(result);
    else if (a.summary) summary.push(summaryEntry(result));
    else {
      const lines = fileTextLines(result, lang, color);
      if (lines.length) await out.write(lines.join("\n") + "\n");
    }
  };

  for (const { file, noMatch, lockFile } of inputs) {
    const shown = path.relative(cwd, file) || file;
    if (lockFile) {
      io.err(t(lang, "lockFile", shown));
      continue;
    }
    const input = noMatch ? { error: { code: "no-match", message: t(lang, "noMatch", file) } } : await readInput(file, lang);
    if ("error" in input) {
      if (a.format === "text") io.err(input.error.message);
      await done({ file: shown, tables: [], findings: [], error: input.error });
      continue;
    }
    const warnings = input.warnings;
    for (const w of warnings) io.err(w);
    // the reader's garbage of a large file is collected before the engine allocates
    if (statSync(file).size >= LARGE_FILE_BYTES) collectGarbage();
    const checked = validate(input.grids, options);
    input.grids.length = 0; // the grids are the engine's now; nothing here holds them any longer
    const result: FileResult = { file: shown, tables: checked.tables, findings: checked.findings, ...(warnings.length ? { warnings } : {}) };
    if (a.annotate) {
      const marked = await copies!.writeAnnotatedCopy(file, a.annotate, checked.findings, lang, checked.tables);
      io.err(t(lang, "annotateWrote", marked.file, marked.cells, checked.findings.length));
    }
    if (a.fix) {
      const fixed = await copies!.writeFixedCopy(file, a.fix, checked.findings, a.confirmFixes);
      result.fixes = { file: fixed.file, applied: fixed.applied, needConfirmation: fixed.needConfirmation, stale: fixed.stale, sameCell: fixed.sameCell, cells: fixed.cells };
      io.err(fixReport(lang, fixed));
    }
    await done(result);
  }
  if (report) io.err(t(lang, "wrote", await report.write(totals, a.report!, files)));
  if (json) await json.end(totals);
  else if (a.summary) await out.write(summaryText(summary, totals, lang) + "\n");
  else await out.write(totalsTextLines(totals, lang, color).join("\n") + "\n");
  out.end();
  if (totals.error) return 1;
  return anyUnreadable ? 2 : 0;
}
