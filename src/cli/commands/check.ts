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
import type { ValidateOptions } from "../../core/engine";
import { addToTotals, emptyTotals, fileTextLines, summaryEntry, summaryText, totalsTextLines, type FileResult, type SummaryEntry } from "../format";
import { streamingOut, UsageError, type CliIO } from "../io";
import { JsonReportWriter } from "../jsonReport";
import { t } from "../messages";
import type { FileArg } from "../files";
import { inputFiles, languageOf, loadConfig } from "../input";
import { CheckWorker, checkFile, LARGE_FILE_BYTES, type Checked } from "../checkWorker";
import { readOptions } from "../options";
import type { FixOutcome } from "../writeCopies";

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

  /** One file's outcome written out: told on stderr, copies written, its output. */
  const write = async (i: number, c: Checked) => {
    const { file } = inputs[i];
    const shown = path.relative(cwd, file) || file;
    if ("error" in c) {
      if (a.format === "text") io.err(c.error.message);
      await done({ file: shown, tables: [], findings: [], error: c.error });
      return;
    }
    for (const w of c.warnings) io.err(w);
    const result = c.result;
    if (a.annotate) {
      const marked = await copies!.writeAnnotatedCopy(file, a.annotate, result.findings, lang, result.tables);
      io.err(t(lang, "annotateWrote", marked.file, marked.cells, result.findings.length));
    }
    if (a.fix) {
      const fixed = await copies!.writeFixedCopy(file, a.fix, result.findings, a.confirmFixes);
      result.fixes = { file: fixed.file, applied: fixed.applied, needConfirmation: fixed.needConfirmation, stale: fixed.stale, sameCell: fixed.sameCell, cells: fixed.cells };
      io.err(fixReport(lang, fixed));
    }
    await done(result);
  };
  /** Check file i on this thread (undefined: a lock file, told on stderr and left out). */
  const checkHere = async (i: number): Promise<Checked | undefined> => {
    const { file, noMatch, lockFile } = inputs[i];
    const shown = path.relative(cwd, file) || file;
    if (lockFile) return undefined;
    if (noMatch) return { error: { code: "no-match", message: t(lang, "noMatch", file) } };
    return checkFile(file, shown, lang, options);
  };
  /** A file the worker may take: one to read, small (a large one is checked here, alone). */
  const forWorker = (i: number) => {
    const { file, noMatch, lockFile } = inputs[i];
    try {
      return !noMatch && !lockFile && statSync(file).isFile() && statSync(file).size < LARGE_FILE_BYTES;
    } catch {
      return false;
    }
  };

  // a batch shares its files with a second thread when nothing needs a file's whole model afterwards
  // (../checkWorker.ts); each file's output is written in the files' order either way
  const worker = copies || report ? undefined : CheckWorker.start(inputs.length, lang, options);
  const ahead = new Map<number, Checked | undefined>(); // checked, not yet written
  let next = 0; // the next file to write
  let start = 0; // the next file to check
  try {
    while (next < inputs.length) {
      for (;;) {
        if (!ahead.has(next)) {
          const c = worker?.take(next);
          if (c) ahead.set(next, c);
        }
        if (!ahead.has(next)) break;
        const c = ahead.get(next);
        ahead.delete(next);
        if (c) await write(next, c);
        else io.err(t(lang, "lockFile", path.relative(cwd, inputs[next].file) || inputs[next].file));
        next++;
      }
      if (next >= inputs.length) break;
      const back = worker?.returned.shift();
      if (back) {
        ahead.set(back.i, await checkHere(back.i));
        continue;
      }
      while (worker?.wantsWork && start < inputs.length && forWorker(start)) {
        worker.give({ i: start, file: inputs[start].file, shown: path.relative(cwd, inputs[start].file) || inputs[start].file });
        start++;
      }
      if (start < inputs.length && ahead.size < 16) {
        // (reading and checking never wait on anything: the worker's messages come in between files)
        if (worker) await new Promise((resolve) => setImmediate(resolve));
        ahead.set(start, await checkHere(start));
        start++;
        continue;
      }
      // the file to write next is the worker's
      await worker?.next();
    }
  } finally {
    await worker?.stop();
  }
  if (report) io.err(t(lang, "wrote", await report.write(totals, a.report!, files)));
  if (json) await json.end(totals);
  else if (a.summary) await out.write(summaryText(summary, totals, lang) + "\n");
  else await out.write(totalsTextLines(totals, lang, color).join("\n") + "\n");
  out.end();
  if (totals.error) return 1;
  return anyUnreadable ? 2 : 0;
}
