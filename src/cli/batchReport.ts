/**
 * `jixiao check … --report 审核汇总.xlsx`: one workbook for the reviewer of a batch of submissions.
 *
 *   汇总 / Files      one row per file: tables, errors, warnings, suggestions, or why it was unreadable;
 *                     the last row 合计 / Total: the batch's totals (as the text report's last line)
 *   表格 / Tables     one row per target table: where it is, its name, framework, money unit, budget, counts
 *   问题 / Findings   one row per finding: file, sheet, cell, table, indicator, severity, category,
 *                     rule, message — filterable, errors first within each file
 *
 * A table is named as everywhere else (tableName): by its project, else its title, else its sheet.
 *
 * Every sheet has a frozen, filterable header so the reviewer can sort and filter in Excel.
 */
import ExcelJS from "exceljs";
import { categoryName, compareSeverity, countBySeverity, findingsByTable, severityName, type Lang, type Severity } from "../core/finding";
import { frameworkById } from "../core/frameworks/data";
import type { TargetTable } from "../core/model";
import { tableName } from "../core/readModel";
import { totalsOf, wrappedRowHeight, type FileResult, type Totals } from "./format";
import { t as say } from "./messages";
import { SEVERITY_ARGB, writeNewWorkbook } from "./writeCopies";

/** Column widths; the headers are messages reportFilesColumns, reportTablesColumns, reportFindingsColumns. */
const WIDTHS = {
  files: [40, 8, 8, 9, 11, 60],
  tables: [32, 18, 12, 30, 30, 10, 12, 8, 9, 11],
  findings: [28, 16, 8, 24, 22, 9, 12, 26, 90],
} as const;

/** Excel's fills for the severity cells, as the annotated copies and the pane's marks use them. */
const FILL: Record<Severity, string> = SEVERITY_ARGB;

const BOLD: Partial<ExcelJS.Font> = { bold: true, name: "宋体", size: 11 };

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string, widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    // printed: landscape, all columns on the page's width, the header on every page
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  ws.columns = headers.split("|").map((header, i) => ({ header, width: widths[i] ?? 12 }));
  ws.getRow(1).font = BOLD;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: widths.length } };
  return ws;
}

/** The table's name, or its id for a finding whose table is not in the list. */
const nameOf = (t: TargetTable | undefined, id: string): string => (t ? tableName(t) : id);

/**
 * The review workbook built as the batch goes (issue 17): each file's rows are added when it has
 * been checked, so the batch's tables and findings need not be kept until the end.
 */
export class BatchReport {
  readonly wb = new ExcelJS.Workbook();
  private readonly files: ExcelJS.Worksheet;
  private readonly tables: ExcelJS.Worksheet;
  private readonly findings: ExcelJS.Worksheet;

  constructor(private readonly lang: Lang) {
    this.wb.creator = "jixiao";
    const [filesName, tablesName, findingsName] = say(lang, "reportSheets").split("|");
    this.files = addSheet(this.wb, filesName, say(lang, "reportFilesColumns"), WIDTHS.files);
    this.tables = addSheet(this.wb, tablesName, say(lang, "reportTablesColumns"), WIDTHS.tables);
    this.findings = addSheet(this.wb, findingsName, say(lang, "reportFindingsColumns"), WIDTHS.findings);
  }

  /** One file's rows on the three sheets. */
  add(r: FileResult): void {
    const { lang, files, tables, findings } = this;
    if (r.error) {
      files.addRow([r.file, null, null, null, null, r.error.message]).getCell(6).font = { color: { argb: "FF9C0006" } };
      return;
    }
    const c = countBySeverity(r.findings);
    const note = [r.tables.length ? say(lang, "reportChecked") : say(lang, "summaryNoTables"), ...(r.warnings ?? [])].join("；");
    files.addRow([r.file, r.tables.length, c.error, c.warning, c.info, note]);

    const byTable = findingsByTable(r.findings);
    const tableOf = new Map(r.tables.map((t) => [t.id, t]));
    for (const t of r.tables) {
      const tc = countBySeverity(byTable.get(t.id) ?? []);
      const fw = frameworkById(t.framework.id);
      const total = t.budget.total;
      tables.addRow([
        r.file,
        t.sheet,
        t.rangeA1,
        tableName(t),
        lang === "zh" ? fw.zh : fw.en,
        t.moneyUnit.unit ?? say(lang, "reportUndeclared"),
        total ? total.value : null,
        tc.error,
        tc.warning,
        tc.info,
      ]);
    }

    const ordered = [...r.findings].sort((a, b) => compareSeverity(a.severity, b.severity));
    for (const f of ordered) {
      const row = findings.addRow([
        r.file,
        f.sheet,
        f.cell,
        f.table ? nameOf(tableOf.get(f.table), f.table) : say(lang, "wholeWorkbook"),
        f.indicator ?? "",
        severityName(lang, f.severity),
        categoryName(lang, f.category),
        f.rule,
        f.message,
      ]);
      row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[f.severity] } };
      row.alignment = { vertical: "top" };
      row.getCell(9).alignment = { wrapText: true, vertical: "top" };
      row.height = wrappedRowHeight(f.message, WIDTHS.findings[8]);
    }
  }

  /** The batch's totals row, as the text report ends with them; the workbook is then complete. */
  finish(tt: Totals): ExcelJS.Workbook {
    const { lang } = this;
    const total = this.files.addRow([say(lang, "totalRow"), tt.tables, tt.error, tt.warning, tt.info, say(lang, "totalNote", tt.files, tt.filesWithErrors, tt.unreadable)]);
    total.font = BOLD;
    total.border = { top: { style: "thin" } };
    return this.wb;
  }

  /** Written beside nothing it could replace: `wanted`, or "name (2).xlsx" when taken. */
  write(tt: Totals, wanted: string, inputs: readonly string[]): Promise<string> {
    return writeNewWorkbook(this.finish(tt), wanted, inputs);
  }
}

/** The report of a whole batch as a workbook (not yet written). */
export function batchReportWorkbook(results: readonly FileResult[], lang: Lang): ExcelJS.Workbook {
  const report = new BatchReport(lang);
  for (const r of results) report.add(r);
  return report.finish(totalsOf(results));
}

/** Write the report beside nothing it could replace: `wanted`, or "name (2).xlsx" when taken. */
export function writeBatchReport(results: readonly FileResult[], wanted: string, inputs: readonly string[], lang: Lang): Promise<string> {
  return writeNewWorkbook(batchReportWorkbook(results, lang), wanted, inputs);
}
