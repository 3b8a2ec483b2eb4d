/**
 * jixiao read: what Jixiao read out of every table of every file, for a reviewer who collects a
 * batch's indicators into one list (the bureau's own library, later monitoring). Nothing is checked.
 *
 *   --format json   (default) {"files":[{"file","tables":[ReadTable…]}]}, each table exactly as
 *                   readModelOf gives it (../../core/readModel.ts, docs/architecture.md "The read model")
 *   --format csv    one row per indicator, its file's and table's fields repeated; a table without
 *                   indicators keeps one row; UTF-8 with a BOM, RFC 4180 quoting
 *   --format xlsx   sheet 指标 / Indicators with the CSV's rows, sheet 表格 / Tables with one row per table
 *
 * Files, configuration and unreadable-file messages are those of `jixiao check` (../input.ts);
 * --out never replaces a file (../writeCopies.ts).
 */
import type { Lang } from "../../core/i18n";
import { statSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { configToOptions } from "../../core/config";
import { recognizeWorkbook, type RecognizeOptions } from "../../core/recognize";
import { readModelOf, tableName, type ReadIndicator, type ReadTable } from "../../core/readModel";
import { collectGarbage } from "../gc";
import { inputFiles, languageOf, loadConfig, readInput } from "../input";
import { UsageError, type CliIO } from "../io";
import { t } from "../messages";
import { readOptions, usageErrorsExit2 } from "../options";
import { writeNewFile } from "../writeCopies";

type Format = "json" | "csv" | "xlsx";

/** Files from this size on hold workbook models worth collecting before recognition (see ../gc.ts). */
const LARGE_FILE_BYTES = 1_000_000;

/** One file as `jixiao read --format json` prints it. */
export interface ReadFile {
  file: string;
  tables: ReadTable[];
  /** the file could not be read (the same code and message as `jixiao check`) */
  error?: { code: string; message: string };
  /** the file was read, but not all of it (content far from the rest) */
  warnings?: string[];
}

interface Args {
  files: string[];
  format?: Format;
  out?: string;
  config?: string;
  help: boolean;
}

const EXTENSION: Record<string, Format> = { ".json": "json", ".csv": "csv", ".xlsx": "xlsx" };

function parseArgs(args: string[], lang: Lang): Args & { format: Format } {
  const a: Args = { files: [], help: false };
  a.files = readOptions(args, lang, (flag, value) => {
    if (flag === "--format") {
      const v = value();
      if (v !== "json" && v !== "csv" && v !== "xlsx") throw new UsageError(t(lang, "readBadFormat", v));
      a.format = v;
    } else if (flag === "--out" || flag === "-o") a.out = value();
    else if (flag === "--config") a.config = value();
    else if (flag === "--help" || flag === "-h") a.help = true;
    else return false;
    return true;
  });
  // `--out 指标.xlsx` alone says the format; an explicit --format must agree with a known extension
  const implied = a.out ? EXTENSION[path.extname(a.out).toLowerCase()] : undefined;
  const format = a.format ?? implied ?? "json";
  if (a.out && ((implied && implied !== format) || (format === "xlsx" && !implied))) throw new UsageError(t(lang, "readOutMismatch", a.out, format));
  if (format === "xlsx" && !a.out) throw new UsageError(t(lang, "readXlsxNeedsOut"));
  return { ...a, format };
}

// ---- rows: the CSV and the Indicators sheet share them, the Tables sheet starts the same way ----

type Cell = string | number | null;

function tableCells(file: string, tb: ReadTable): Cell[] {
  const b = tb.budget;
  return [file, tb.sheet, tb.range, tb.project, tb.title, tb.framework, tb.moneyUnit, b.total, b.fiscal, b.other, b.carryOver];
}

function indicatorCells(i: ReadIndicator): Cell[] {
  return [i.row, i.cell, i.level1, i.level2, i.name, i.value, i.operator, i.number, i.unit, i.weight, i.basis, i.period ?? null];
}

const INDICATOR_FIELDS = 12;

/** After the target's fields (added last, so that the earlier columns stay where they were): what a self-evaluation or a monitoring table adds. */
function afterYearCells(i: ReadIndicator | undefined): Cell[] {
  return [i?.actual ?? null, i?.score ?? null, i?.reason ?? null, i?.progress ?? null, i?.forecast ?? null, i?.correction ?? null];
}

/** One row per indicator, the table's fields first; a table without indicators keeps one row. */
export function indicatorRows(files: readonly ReadFile[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const f of files) {
    for (const tb of f.tables) {
      const head = tableCells(f.file, tb);
      if (tb.indicators.length === 0) rows.push([...head, ...new Array<Cell>(INDICATOR_FIELDS).fill(null), tb.kind, ...afterYearCells(undefined)]);
      for (const i of tb.indicators) rows.push([...head, ...indicatorCells(i), tb.kind, ...afterYearCells(i)]);
    }
  }
  return rows;
}

function tableRows(files: readonly ReadFile[]): Cell[][] {
  return files.flatMap((f) => f.tables.map((tb) => [...tableCells(f.file, tb), tb.indicators.length, tb.kind]));
}

function header(lang: Lang, key: "readColumns" | "readTableColumns"): string[] {
  return t(lang, key).split("|");
}

// ---- CSV ----

/** A plain number, which Excel reads as one: "-5", "+3.5", "-5%". */
const SIGNED_NUMBER = /^[+-][\d.,]+%?$/;

/**
 * Text that Excel and LibreOffice would take for a formula when they open the CSV ("=100%" shows
 * as 1, "=HYPERLINK(…)" runs) starts with an apostrophe, the usual guard; JSON and xlsx keep it as written.
 */
function guarded(s: string): string {
  // a sign alone ("=" in the 运算符 column) is text to both
  if (s.length < 2) return s;
  return /^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !SIGNED_NUMBER.test(s)) ? `'${s}` : s;
}

function csvField(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "number") return String(c);
  const s = guarded(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF between records, fields with commas, quotes or line breaks quoted; a BOM so Excel reads UTF-8. */
export function toCsv(files: readonly ReadFile[], lang: Lang): string {
  const records = [header(lang, "readColumns"), ...indicatorRows(files)].map((r) => r.map(csvField).join(","));
  return "\uFEFF" + records.join("\r\n") + "\r\n";
}

// ---- xlsx ----

/** Display width of text in Excel's character units: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Amounts (budget figures, a target's number) with thousands separators, decimals only where they are. */
function amountFormat(v: number): string {
  return Number.isInteger(v) ? "#,##0" : "#,##0.0#########";
}

function shown(v: string | number, amount: boolean): string {
  if (typeof v === "string") return v.split("\n")[0];
  return amount ? v.toLocaleString("en-US", { maximumFractionDigits: 10 }) : String(v);
}

/** Columns as wide as their header and (the first rows of) their content, within 6–40 (titles 50). */
function widths(head: readonly string[], rows: readonly Cell[][], amounts: ReadonlySet<number>): number[] {
  return head.map((h, c) => {
    let w = displayWidth(h) + 3; // room for the filter button
    for (const r of rows.slice(0, 2000)) {
      const v = r[c];
      if (v !== null) w = Math.max(w, displayWidth(shown(v, amounts.has(c))) + 2);
    }
    w = Math.min(c === TITLE_COLUMN ? 50 : 40, Math.max(6, w));
    // exceljs leaves out a column of width 9 (its default) and Excel then shows it at 8.43
    return w === 9 ? 9.5 : w;
  });
}

/** Column indexes (0-based) shared by both sheets: the table's fields come first in each. */
const TITLE_COLUMN = 4;
const BUDGET_COLUMNS = [7, 8, 9, 10];
/** the indicator's row number and its number, on the Indicators sheet */
const ROW_COLUMN = 11;
const NUMBER_COLUMN = 18;

function addSheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Cell[][], amounts: ReadonlySet<number>, centred: ReadonlySet<number>): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    // printed: landscape, all columns on the page's width, the header on every page
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  const w = widths(head, rows, amounts);
  ws.columns = head.map((h, i) => ({ header: h, width: w[i] }));
  const top = ws.getRow(1);
  top.font = { bold: true };
  top.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => (c === null ? undefined : c)));
    for (const c of amounts) {
      const v = r[c];
      if (typeof v === "number") row.getCell(c + 1).numFmt = amountFormat(v);
    }
  }
  head.forEach((_, i) => {
    // a number column's header sits over its numbers
    const numeric = amounts.has(i) || rows.some((r) => typeof r[i] === "number");
    const horizontal = centred.has(i) ? "center" : numeric ? "right" : "left";
    top.getCell(i + 1).alignment = { horizontal, vertical: "middle" };
    if (centred.has(i)) ws.getColumn(i + 1).alignment = { horizontal: "center" };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: head.length } };
}

export function toWorkbook(files: readonly ReadFile[], lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const amounts = new Set(BUDGET_COLUMNS);
  addSheet(wb, t(lang, "readIndicatorsSheet"), header(lang, "readColumns"), indicatorRows(files), new Set([...amounts, NUMBER_COLUMN]), new Set([ROW_COLUMN]));
  addSheet(wb, t(lang, "readTablesSheet"), header(lang, "readTableColumns"), tableRows(files), amounts, new Set());
  return wb;
}

export function toReadJson(files: readonly ReadFile[]): string {
  return JSON.stringify({ files }, null, 2);
}

// ---- the command ----

export function run(args: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  return usageErrorsExit2(io.err, () => read(args, io, cwd));
}

async function read(args: string[], io: CliIO, cwd: string): Promise<number> {
  const a = parseArgs(args, io.lang);
  if (a.help) {
    io.out(t(io.lang, "readUsage"));
    return 0;
  }
  const config = loadConfig(a.config, io, cwd);
  const lang = languageOf(config, args, io);
  const c = configToOptions(config);
  const options: RecognizeOptions = { defaultMoneyUnit: c.defaultMoneyUnit, frameworkOverride: c.frameworkOverride, placeholderWords: c.placeholderWords };

  const inputs = inputFiles(a.files);
  const files: ReadFile[] = [];
  for (const { file, noMatch, lockFile } of inputs) {
    const shown = path.relative(cwd, file) || file;
    if (lockFile) {
      io.err(t(lang, "lockFile", shown));
      continue;
    }
    const input = noMatch ? { error: { code: "no-match", message: t(lang, "noMatch", file) } } : await readInput(file, lang);
    if ("error" in input) {
      io.err(input.error.message);
      files.push({ file: shown, tables: [], error: input.error });
      continue;
    }
    for (const w of input.warnings) io.err(w);
    if (statSync(file).size >= LARGE_FILE_BYTES) collectGarbage();
    const tables = recognizeWorkbook(input.grids, options);
    if (tables.length === 0) io.err(t(lang, "readNoTables", shown));
    for (const tb of tables) if (tb.indicators.length === 0) io.err(t(lang, "readNoIndicators", shown, tableName(tb), `${tb.sheet}!${tb.rangeA1}`));
    files.push({ file: shown, tables: tables.map(readModelOf), ...(input.warnings.length ? { warnings: input.warnings } : {}) });
  }

  const text = a.format === "json" ? toReadJson(files) + "\n" : a.format === "csv" ? toCsv(files, lang) : undefined;
  if (a.out) {
    const data = text ?? Buffer.from(await toWorkbook(files, lang).xlsx.writeBuffer());
    let written: string;
    try {
      written = writeNewFile(data, a.out, inputs.map((x) => x.file));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      io.err(t(lang, "readCannotWrite", a.out, (e as Error).message.split("\n")[0]));
      return 2;
    }
    const tables = files.reduce((n, f) => n + f.tables.length, 0);
    const indicators = files.reduce((n, f) => n + f.tables.reduce((m, tb) => m + tb.indicators.length, 0), 0);
    io.err(t(lang, "readWrote", written, tables, indicators));
  } else if (text !== undefined) io.out(text.replace(/\r?\n$/, ""));
  return files.some((f) => f.error) ? 2 : 0;
}
