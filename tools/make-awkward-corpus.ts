/**
 * npx ts-node --transpile-only tools/make-awkward-corpus.ts [dir]
 *
 * Writes a corpus of awkward workbooks — what people really put in spreadsheets and what a hostile
 * file may hold — into `dir` (default test/robustness/corpus/, git-ignored). The robustness suite
 * (test/robustness/corpus.test.ts) calls makeAwkwardCorpus() on a temporary directory instead, so
 * the repository keeps only this script.
 *
 * Every entry says what a sensible result is: how many tables should be found, or which clear
 * message the CLI should give instead.
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

export interface CorpusEntry {
  file: string;
  what: string;
  /** tables the CLI should find (exact), or a minimum */
  tables?: number | { atLeast: number };
  /** the WorkbookReadError code / CLI error code expected instead of a report */
  error?: "empty" | "corrupt" | "not-xlsx" | "encrypted";
  /** sheets the reader should return */
  sheets?: number;
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type Row = (ExcelJS.CellValue | undefined)[];

/** A small but complete target table (header block + indicator grid), as rows from its top-left. */
export function targetTable(project: string, opts: { budget?: ExcelJS.CellValue; values?: ExcelJS.CellValue[] } = {}): Row[] {
  const v = opts.values ?? ["≥9次", "≥5000份", "100%", "≥95%", "逐步提高", "≥90%", "≤12.5万元"];
  return [
    [`${project}项目支出绩效目标表`],
    ["项目名称", project, null, "主管部门", "某某局"],
    ["预算数（万元）", opts.budget ?? 12.5, "其中：财政资金", 12.5, "其他资金", 0],
    ["年度绩效目标", "完成公积金政策宣传，提高缴存职工知晓率。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标值确定依据"],
    ["产出指标", "数量指标", "政策宣传次数", v[0], "次", "计划标准"],
    [null, null, "宣传资料发放份数", v[1], "份", "计划标准"],
    [null, "质量指标", "宣传内容准确率", v[2], null, "行业标准"],
    [null, "时效指标", "宣传完成及时率", v[3], null, "计划标准"],
    ["效益指标", "社会效益指标", "政策知晓率", v[4], null, "历史标准"],
    ["满意度指标", "服务对象满意度指标", "缴存职工满意度", v[5], null, "行业标准"],
    ["成本指标", "经济成本指标", "宣传费", v[6], null, "预算支出标准"],
  ];
}

function put(ws: ExcelJS.Worksheet, rows: Row[], top = 1, left = 1, boxed = true): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(top + i, left + j);
      if (v !== undefined && v !== null) cell.value = v;
      if (boxed && i >= 1) cell.border = BOX;
    }),
  );
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao awkward corpus";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

const LONG = 32_767;

function longText(seed: string): string {
  return seed.repeat(Math.ceil(LONG / seed.length)).slice(0, LONG);
}

/** name -> builder; each builder fills a fresh workbook. */
const BUILDERS: { entry: CorpusEntry; build: (wb: ExcelJS.Workbook) => void }[] = [
  {
    entry: { file: "empty-sheet.xlsx", what: "one empty worksheet", tables: 0, sheets: 1 },
    build: (wb) => {
      wb.addWorksheet("Sheet1");
    },
  },
  {
    entry: { file: "no-worksheets.xlsx", what: "a workbook without any worksheet", error: "empty" },
    build: () => undefined,
  },
  {
    entry: { file: "only-headers.xlsx", what: "the indicator header row and the header block, nothing filled in (and a sheet with the header row alone)", tables: 2 },
    build: (wb) => {
      const ws = wb.addWorksheet("只有表头");
      put(ws, [["项目支出绩效目标表"], ["项目名称", null], ["预算数（万元）", null], ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"]]);
      const ws2 = wb.addWorksheet("只有指标表头");
      put(ws2, [["一级指标", "二级指标", "三级指标", "指标值"]]);
    },
  },
  {
    entry: { file: "used-range-to-last-row.xlsx", what: "a table at the top, formatting down to row 1,048,576 and out to column XFD", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("格式到底");
      put(ws, targetTable("宣传费"));
      // formatting without values: Excel's used range (and <dimension>) then ends at XFD1048576
      for (const a1 of ["A1048576", "F1048576", "XFD1", "XFD1048576", "C500000"]) {
        const c = ws.getCell(a1);
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
        c.border = BOX;
        c.numFmt = "0.00";
      }
      ws.getColumn(4).numFmt = "@";
      ws.getRow(1_048_575).height = 30;
      // an empty string and a formula with no cached result far away are still no content
      ws.getCell("B1048576").value = "";
      ws.getCell("E1048576").value = { formula: "A1" } as ExcelJS.CellFormulaValue;
    },
  },
  {
    entry: { file: "merges-across-tables.xlsx", what: "merges that run from one table into the next, over the header row and across side-by-side columns", tables: { atLeast: 2 } },
    build: (wb) => {
      const ws = wb.addWorksheet("跨表合并");
      const a = targetTable("宣传费");
      const b = targetTable("培训费");
      put(ws, a);
      put(ws, b, a.length + 2);
      ws.mergeCells(1, 1, 1, 6); // title
      ws.mergeCells(6, 1, 9, 1); // 产出指标 down its block
      // a careless merge from the last indicator row of table 1 into the title of table 2
      ws.mergeCells(a.length, 4, a.length + 3, 4);
      // a merge over part of table 2's indicator header row
      ws.mergeCells(a.length + 6, 2, a.length + 6, 3);
      // a merge starting left of the used range and a one-cell "merge"
      ws.mergeCells(a.length + 8, 1, a.length + 12, 2);
    },
  },
  {
    entry: { file: "formula-errors.xlsx", what: "formulas with #REF!, #N/A, #DIV/0!, #VALUE!, #NAME? as values and amounts, and formulas without a cached result", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("公式错误");
      const f = (formula: string, error?: string): ExcelJS.CellValue =>
        (error ? { formula, result: { error } } : { formula }) as unknown as ExcelJS.CellValue;
      put(ws, targetTable("宣传费", { budget: f("SUM(#REF!)", "#REF!"), values: [f("A1/0", "#DIV/0!"), f("VLOOKUP(1,Z:Z,2,0)", "#N/A"), { error: "#REF!" } as ExcelJS.CellErrorValue, f("1+\"a\"", "#VALUE!"), f("FOO()", "#NAME?"), f("B3*100%"), { error: "#NULL!" } as ExcelJS.CellErrorValue] }));
      ws.getCell("D3").value = f("B3", "#REF!");
      ws.getCell("F3").value = f("B3-D3");
    },
  },
  {
    entry: { file: "dates-booleans-richtext.xlsx", what: "dates as values and in the plan, booleans, rich text in labels, headers and values, hyperlinks", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("日期与富文本");
      const rich = (...parts: string[]): ExcelJS.CellRichTextValue => ({ richText: parts.map((text, i) => ({ text, font: { bold: i % 2 === 0, color: { argb: i ? "FFFF0000" : "FF000000" } } })) });
      const rows = targetTable("宣传费", { values: [new Date(Date.UTC(2022, 11, 31)), true, false, new Date(Date.UTC(1900, 0, 1)), rich("逐步", "提高"), rich("≥", "90", "%"), new Date(Date.UTC(9999, 11, 31))] });
      rows[4] = [rich("一级", "指标"), rich("二级指标"), rich("三级", " ", "指标"), rich("指标值"), "计量单位", "指标值确定依据"];
      rows[1] = ["项目名称", { text: "宣传费", hyperlink: "https://example.invalid/" } as ExcelJS.CellHyperlinkValue, null, "开始时间", new Date(Date.UTC(2022, 0, 1))];
      put(ws, rows);
      ws.getCell("D6").numFmt = "yyyy-mm-dd";
      ws.getCell("D9").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
      ws.getCell("E2").numFmt = "yyyy-mm-dd";
      ws.getCell("D12").numFmt = "yyyy-mm-dd";
    },
  },
  {
    entry: { file: "numbers-as-text.xlsx", what: "amounts and values stored as text: full-width digits, thousands separators, 万元 inside, text number format", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("文本数字");
      const rows = targetTable("住房公积金管理业务费用", { budget: "１，００３．８２", values: ["≥９次", "5,000份", "１００％", "95 %", "提高", "＞＝９０％", "≤1,003.82万元"] });
      rows[2] = ["预算数（万元）", "１，００３．８２", "其中：财政资金", "1,003.82", "其他资金", "０"];
      put(ws, rows);
      for (const a1 of ["B3", "D3", "F3", "D6", "D7", "D8"]) ws.getCell(a1).numFmt = "@";
      ws.getCell("A14").value = "资金总额";
      ws.getCell("B14").value = "12,210,000.00";
      ws.getCell("C14").value = "（元）";
    },
  },
  {
    entry: { file: "long-cells.xlsx", what: "32,767-character cells (Excel's maximum) as goal text, as an indicator name and as a value", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("超长文本");
      const rows = targetTable("宣传费", { values: [longText("≥9次，"), "≥5000份", longText("9"), "≥95%", longText("提高"), "≥90%", "≤12.5万元"] });
      rows[3] = ["年度绩效目标", longText("完成公积金政策宣传，宣传费12.5万元；")];
      rows[7] = [null, "质量指标", longText("宣传内容准确率"), longText("9"), null, longText("行业标准")];
      put(ws, rows);
    },
  },
  {
    entry: { file: "hidden-sheets.xlsx", what: "tables on a hidden and a very hidden sheet beside a visible one", tables: 3, sheets: 4 },
    build: (wb) => {
      put(wb.addWorksheet("可见"), targetTable("宣传费"));
      put(wb.addWorksheet("隐藏", { state: "hidden" }), targetTable("培训费"));
      put(wb.addWorksheet("深度隐藏", { state: "veryHidden" }), targetTable("维修费"));
      wb.addWorksheet("空的隐藏", { state: "veryHidden" });
    },
  },
  {
    entry: { file: "200-sheets.xlsx", what: "200 worksheets, every fourth one holding a table", tables: 50, sheets: 200 },
    build: (wb) => {
      for (let i = 1; i <= 200; i++) {
        const ws = wb.addWorksheet(`项目${i}`);
        if (i % 4 === 1) put(ws, targetTable(`项目${i}`), 1, 1, false);
        else ws.getCell("A1").value = `说明 ${i}`;
      }
    },
  },
  {
    entry: { file: "awkward-sheet-names.xlsx", what: "sheet names with quotes, spaces, brackets and a name that looks like a cell reference", tables: 6, sheets: 6 },
    build: (wb) => {
      for (const name of ["O'Brien's 表", "项目 A  (1)", "it's a \"quoted\" name", "附表2（续）", "A1", "-1 ！@#%"]) put(wb.addWorksheet(name), targetTable(name.replace(/\W/g, "") || "某"));
    },
  },
  {
    entry: { file: "side-by-side.xlsx", what: "two tables side by side on one sheet (and a third below the left one)", tables: 3 },
    build: (wb) => {
      const ws = wb.addWorksheet("并排");
      const a = targetTable("宣传费");
      put(ws, a);
      put(ws, targetTable("培训费", { values: ["≥3期", "≥200人次", "100%", "100%", "提高", "≥95%", "≤8万元"] }), 1, 9);
      put(ws, targetTable("维修费"), a.length + 3);
    },
  },
  {
    entry: { file: "sparse-far-corner.xlsx", what: "a table and one value in the last cell of the sheet (XFD1048576)", tables: 1 },
    build: (wb) => {
      const ws = wb.addWorksheet("最远处");
      put(ws, targetTable("宣传费"));
      ws.getCell("XFD1048576").value = "备注";
    },
  },
];

/** Write every corpus workbook into `dir`; returns what each one is and what to expect. */
export async function makeAwkwardCorpus(dir: string): Promise<(CorpusEntry & { path: string })[]> {
  mkdirSync(dir, { recursive: true });
  const out: (CorpusEntry & { path: string })[] = [];
  for (const { entry, build } of BUILDERS) {
    const wb = newWorkbook();
    build(wb);
    const p = path.join(dir, entry.file);
    await wb.xlsx.writeFile(p);
    out.push({ ...entry, path: p });
  }
  return out;
}

export const CORPUS_ENTRIES: readonly CorpusEntry[] = BUILDERS.map((b) => b.entry);

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "test", "robustness", "corpus");
  makeAwkwardCorpus(dir).then(
    (entries) => {
      for (const e of entries) process.stdout.write(`${path.relative(process.cwd(), e.path)}: ${e.what}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`make-awkward-corpus: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
