/**
 * jixiao selfeval <target.xlsx> --out <file.xlsx>: the 绩效自评表 of every target table in a workbook
 * (or of the one --table names), made as the pane's 新建自评表 makes it (core/library/selfEvaluation.ts),
 * one sheet each in a new workbook. The input is only read; the output never replaces a file.
 *
 *   --out <file.xlsx>      the new workbook ("name (2).xlsx" when the name is taken)
 *   --table <n>            only the n-th target table of the file (as `jixiao check` numbers them)
 *   --points a,b,c,d       分值 of 预算执行率, 产出, 效益, 满意度 (default 10,50,30,10; they add to 100)
 *   --year <yyyy>          the year in the title (项目支出绩效自评表（2025年度）)
 *   --config <file>        jixiao.config.json (moneyUnit, framework as for check)
 */
import type { Lang } from "../../core/i18n";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { configToOptions } from "../../core/config";
import { validate } from "../../core/engine";
import { DEFAULT_POINTS, selfEvaluationGrid, type PointsScheme, type SelfEvaluationTable } from "../../core/library/selfEvaluation";
import type { MoneyUnit, TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";
import { wrappedRowHeight } from "../format";
import { UsageError, type CliIO } from "../io";
import { languageOf, loadConfig, readInput } from "../input";
import { t } from "../messages";
import { readOptions, usageErrorsExit2 } from "../options";
import { writeNewWorkbook } from "../writeCopies";

interface Args {
  files: string[];
  out?: string;
  table?: number;
  points: PointsScheme;
  year?: number;
  config?: string;
}

function parseArgs(args: string[], lang: Lang): Args {
  const a: Args = { files: [], points: DEFAULT_POINTS };
  a.files = readOptions(args, lang, (flag, value) => {
    if (flag === "--out") {
      a.out = value();
      if (!/\.xlsx$/i.test(a.out)) throw new UsageError(t(lang, "selfevalOutNotXlsx", a.out));
    } else if (flag === "--table") {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(t(lang, "selfevalBadTable", v));
      a.table = n;
    } else if (flag === "--points") {
      const v = value();
      const n = v.split(/[,，]/).map((x) => Number(x.trim()));
      if (n.length !== 4 || n.some((x) => !Number.isFinite(x) || x < 0) || Math.abs(n.reduce((s, x) => s + x, 0) - 100) > 1e-9)
        throw new UsageError(t(lang, "selfevalBadPoints", v));
      a.points = { execution: n[0], output: n[1], benefit: n[2], satisfaction: n[3] };
    } else if (flag === "--year") {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new UsageError(t(lang, "selfevalBadYear", v));
      a.year = n;
    } else if (flag === "--config") a.config = value();
    else return false;
    return true;
  });
  if (a.files.length !== 1) throw new UsageError(t(lang, "selfevalOneFile"));
  if (!a.out) throw new UsageError(t(lang, "selfevalNeedsOut"));
  return a;
}

/** Column widths of the 自评表 (A 绩效指标 … I 偏差原因分析及改进措施), in characters. */
const WIDTHS = [14, 16, 16, 30, 14, 14, 8, 8, 28];
const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };

/** One made table as a sheet: values, merges and number formats as the grid gives them, ruled and wrapped for printing. */
function addTableSheet(wb: ExcelJS.Workbook, made: SelfEvaluationTable, used: Set<string>): string {
  let name = made.sheet;
  for (let i = 2; used.has(name); i++) name = `${made.sheet.slice(0, 27)} (${i})`;
  used.add(name);
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = WIDTHS.map((width) => ({ width }));
  made.cells.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      if (v !== null) cell.value = v;
      const fmt = made.numberFormats[i]?.[j];
      if (fmt) cell.numFmt = fmt;
      cell.font = FONT;
      // (a cell left to fill keeps the general alignment: a number typed in goes right, a text left)
      const horizontal = typeof v === "number" ? "right" : i === 0 ? "center" : typeof v === "string" ? "left" : undefined;
      cell.alignment = { vertical: "middle", wrapText: true, ...(horizontal ? { horizontal } : {}) };
      if (i > 0) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
  });
  ws.getRow(1).font = { ...FONT, size: 16, bold: true };
  ws.getRow(1).height = 30;
  const header = ws.getRow(made.headerRow);
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  // the figures a spreadsheet computes (执行率, its 得分, the 总分): the value as made is the formula's result
  for (const f of made.formulas) {
    const cell = ws.getCell(f.row, f.col);
    const v = made.cells[f.row - 1]?.[f.col - 1];
    cell.value = { formula: f.formula, ...(v !== null && v !== undefined ? { result: v } : {}) } as ExcelJS.CellFormulaValue;
  }
  for (const m of made.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  // a spreadsheet keeps a row's height as the file gives it: each row as high as its longest wrapped text needs
  made.cells.forEach((r, i) => {
    if (i === 0) return;
    let height = 15;
    r.forEach((v, j) => {
      if (typeof v !== "string") return;
      const m = made.merges.find((x) => x.top === i + 1 && x.left === j + 1 && x.bottom === i + 1);
      const width = WIDTHS.slice(j, m ? m.right : j + 1).reduce((a, w) => a + w, 0);
      height = Math.max(height, wrappedRowHeight(v, width, 12));
    });
    if (height > 15) ws.getRow(i + 1).height = height;
  });
  return name;
}

export function selfEvaluationWorkbook(tables: readonly TargetTable[], points: PointsScheme, year?: number, moneyUnit?: MoneyUnit): { wb: ExcelJS.Workbook; sheets: string[]; indicators: number[] } {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const used = new Set<string>();
  const sheets: string[] = [];
  const indicators: number[] = [];
  for (const tbl of tables) {
    const made = selfEvaluationGrid(tbl, { points, year, moneyUnit });
    sheets.push(addTableSheet(wb, made, used));
    indicators.push(tbl.indicators.filter((i) => i.name || i.value).length);
  }
  return { wb, sheets, indicators };
}

/** The tables a self-evaluation is made for: each target table, the 年度 one alone where a project gives 中期 and 年度. */
function yearTables(targets: readonly TargetTable[]): TargetTable[] {
  return targets.filter((x) => x.term !== "中期" || !targets.some((o) => o !== x && o.term === "年度" && tableName(o) === tableName(x)));
}

export function run(args: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  return usageErrorsExit2(io.err, () => selfeval(args, io, cwd));
}

async function selfeval(args: string[], io: CliIO, cwd: string): Promise<number> {
  const a = parseArgs(args, io.lang);
  const config = loadConfig(a.config, io, cwd);
  const lang = languageOf(config, args, io);
  const file = path.resolve(cwd, a.files[0]);
  const input = await readInput(file, lang);
  if ("error" in input) {
    io.err(input.error.message);
    return 2;
  }
  for (const w of input.warnings) io.err(w);
  const options = configToOptions(config);
  const report = validate(input.grids, { lang, ...options });
  const targets = report.tables.filter((x) => x.kind === "target" && x.indicators.length > 0);
  const shown = path.relative(cwd, file) || file;
  if (targets.length === 0) {
    io.err(t(lang, "selfevalNoTarget", shown));
    return 2;
  }
  if (a.table !== undefined && a.table > targets.length) throw new UsageError(t(lang, "selfevalTableOutOfRange", a.table, shown, targets.length));
  // a self-evaluation looks back on one year: of a project's 中期 and 年度 tables, the 年度 one (unless --table names the other)
  const chosen = a.table !== undefined ? [targets[a.table - 1]] : yearTables(targets);
  const { wb, sheets, indicators } = selfEvaluationWorkbook(chosen, a.points, a.year, options.defaultMoneyUnit);
  const out = await writeNewWorkbook(wb, path.resolve(cwd, a.out as string), [file]);
  chosen.forEach((tbl, i) => io.out(t(lang, "selfevalMade", tableName(tbl), sheets[i], indicators[i])));
  const rel = path.relative(cwd, out);
  io.err(t(lang, "wrote", rel && !rel.startsWith("..") ? rel : out));
  return 0;
}
