/**
 * `jixiao check … --report 审核汇总.xlsx`: one workbook for the reviewer of a batch of submissions.
 *
 *   汇总 / Files      one row per file: tables, errors, warnings, suggestions, or why it was unreadable
 *   表格 / Tables     one row per target table: where it is, its name, framework, money unit, budget, counts
 *   问题 / Findings   one row per finding: file, sheet, cell, table, indicator, severity, category,
 *                     rule, message — filterable, errors first within each file
 *
 * A table is named as everywhere else (tableName): by its project, else its title, else its sheet.
 *
 * Every sheet has a frozen, filterable header so the reviewer can sort and filter in Excel.
 */
import ExcelJS from "exceljs";
import { CATEGORY_NAMES, SEVERITY_NAMES, type Finding, type Lang, type Severity } from "../core/finding";
import { frameworkById } from "../core/frameworks/data";
import type { TargetTable } from "../core/model";
import { tableName } from "../core/readModel";
import { countBySeverity, type FileResult } from "./format";
import { writeNewWorkbook } from "./writeCopies";

type Col = { zh: string; en: string; width: number };

const FILES: Col[] = [
  { zh: "文件", en: "File", width: 40 },
  { zh: "表格数", en: "Tables", width: 8 },
  { zh: "错误", en: "Errors", width: 8 },
  { zh: "警告", en: "Warnings", width: 9 },
  { zh: "建议", en: "Suggestions", width: 11 },
  { zh: "说明", en: "Note", width: 60 },
];

const TABLES: Col[] = [
  { zh: "文件", en: "File", width: 32 },
  { zh: "工作表", en: "Sheet", width: 18 },
  { zh: "区域", en: "Range", width: 12 },
  { zh: "名称", en: "Name", width: 30 },
  { zh: "指标体系", en: "Framework", width: 30 },
  { zh: "金额单位", en: "Money unit", width: 10 },
  { zh: "预算数", en: "Budget", width: 12 },
  { zh: "错误", en: "Errors", width: 8 },
  { zh: "警告", en: "Warnings", width: 9 },
  { zh: "建议", en: "Suggestions", width: 11 },
];

const FINDINGS: Col[] = [
  { zh: "文件", en: "File", width: 28 },
  { zh: "工作表", en: "Sheet", width: 16 },
  { zh: "单元格", en: "Cell", width: 8 },
  { zh: "表格", en: "Table", width: 24 },
  { zh: "指标", en: "Indicator", width: 22 },
  { zh: "严重程度", en: "Severity", width: 9 },
  { zh: "类别", en: "Category", width: 12 },
  { zh: "规则", en: "Rule", width: 26 },
  { zh: "说明", en: "Message", width: 90 },
];

const SHEETS = {
  files: { zh: "汇总", en: "Files" },
  tables: { zh: "表格", en: "Tables" },
  findings: { zh: "问题", en: "Findings" },
} as const;

const TEXT = {
  checked: { zh: "已检查", en: "checked" },
  noTables: { zh: "没有找到绩效目标表", en: "no target table found" },
  undeclared: { zh: "未注明", en: "not stated" },
  workbook: { zh: "（整个工作簿）", en: "(whole workbook)" },
} as const;

/** Excel's fills for the severity cells, as the annotated copies and the pane's marks use them. */
const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c[lang], width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return ws;
}

/** The table's name, or its id for a finding whose table is not in the list. */
const nameOf = (t: TargetTable | undefined, id: string): string => (t ? tableName(t) : id);

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report as a workbook (not yet written). */
export function batchReportWorkbook(results: readonly FileResult[], lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const files = addSheet(wb, SHEETS.files[lang], FILES, lang);
  const tables = addSheet(wb, SHEETS.tables[lang], TABLES, lang);
  const findings = addSheet(wb, SHEETS.findings[lang], FINDINGS, lang);

  for (const r of results) {
    if (r.error) {
      files.addRow([r.file, null, null, null, null, r.error.message]).getCell(6).font = { color: { argb: "FF9C0006" } };
      continue;
    }
    const c = countBySeverity(r.findings);
    const note = [r.tables.length ? TEXT.checked[lang] : TEXT.noTables[lang], ...(r.warnings ?? [])].join("；");
    files.addRow([r.file, r.tables.length, c.error, c.warning, c.info, note]);

    const byTable = new Map<string, Finding[]>();
    for (const f of r.findings) if (f.table) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
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
        t.moneyUnit.unit ?? TEXT.undeclared[lang],
        total ? total.value : null,
        tc.error,
        tc.warning,
        tc.info,
      ]);
    }

    const ordered = [...r.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    for (const f of ordered) {
      const row = findings.addRow([
        r.file,
        f.sheet,
        f.cell,
        f.table ? nameOf(tableOf.get(f.table), f.table) : TEXT.workbook[lang],
        f.indicator ?? "",
        SEVERITY_NAMES[f.severity][lang],
        CATEGORY_NAMES[f.category][lang],
        f.rule,
        f.message,
      ]);
      row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[f.severity] } };
      row.getCell(9).alignment = { wrapText: true, vertical: "top" };
    }
  }
  return wb;
}

/** Write the report beside nothing it could replace: `wanted`, or "name (2).xlsx" when taken. */
export function writeBatchReport(results: readonly FileResult[], wanted: string, inputs: readonly string[], lang: Lang): Promise<string> {
  return writeNewWorkbook(batchReportWorkbook(results, lang), wanted, inputs);
}
