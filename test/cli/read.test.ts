/**
 * jixiao read on the real example workbooks: the JSON is readModelOf for every table, the CSV
 * parses back with one row per indicator, the xlsx opens (exceljs and LibreOffice) with the same
 * rows, unreadable files and usage errors exit 2, and no output replaces a file.
 */
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { toCsv, type ReadFile } from "../../src/cli/commands/read";
import { recognizeWorkbook } from "../../src/core/recognize";
import { readModelOf, type ReadTable } from "../../src/core/readModel";
import { readWorkbookGridsFast } from "../../src/host/xlsx/fastReadWorkbook";
import { EX, run } from "../helpers/cli";

const SHOWN = (f: string) => path.relative(process.cwd(), EX(f));

const tmp = () => mkdtempSync(path.join(tmpdir(), "jixiao-read-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

type Json = { files: { file: string; tables: ReadTable[]; error?: { code: string; message: string } }[] };

/** RFC 4180: records separated by CRLF (or LF), fields by commas, "…" quoting with "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** What the sheet rows should hold for one table: its fields, then one indicator per row (or none). */
function expectedRows(file: string, tb: ReadTable): (string | number | null)[][] {
  const b = tb.budget;
  const head = [file, tb.sheet, tb.range, tb.project, tb.title, tb.framework, tb.moneyUnit, b.total, b.fiscal, b.other, b.carryOver];
  // after the target's fields: the table's kind and what a self-evaluation or a monitoring table adds
  const after = (i?: ReadTable["indicators"][number]) => [tb.kind, i?.actual ?? null, i?.score ?? null, i?.reason ?? null, i?.progress ?? null, i?.forecast ?? null, i?.correction ?? null];
  if (!tb.indicators.length) return [[...head, ...new Array<null>(12).fill(null), ...after()]];
  return tb.indicators.map((i) => [...head, i.row, i.cell, i.level1, i.level2, i.name, i.value, i.operator, i.number, i.unit, i.weight, i.basis, i.period ?? null, ...after(i)]);
}

/** As the CSV writes a cell (text Excel would take for a formula gets its apostrophe). */
function csvText(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  return v.length > 1 && (/^[=@]/.test(v) || (/^[+-]/.test(v) && !/^[+-][\d.,]+%?$/.test(v))) ? `'${v}` : v;
}

function sheetRows(wb: ExcelJS.Workbook, sheet: string): (string | number | null)[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = r.getCell(c).value;
      cells.push(v === null || v === undefined ? null : (v as string | number));
    }
    out.push(cells);
  });
  return out;
}

let all: Json;
beforeAll(async () => {
  const r = await run(["read", EX("seed000-stacked.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx")]);
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  all = JSON.parse(r.out) as Json;
});

describe("jixiao read --format json (the default): the read model of every table", () => {
  it("finds the known tables: 17 stacked in seed 000, seed 001's one, 12 in seed 002", () => {
    expect(all.files.map((f) => f.file)).toEqual([SHOWN("seed000-stacked.xlsx"), SHOWN("seed001.xlsx"), SHOWN("seed002.xlsx")]);
    expect(all.files.map((f) => f.tables.length)).toEqual([17, 1, 12]);
    expect(Object.keys(all.files[0])).toEqual(["file", "tables"]);
  });

  it("gives seed 001's project, framework, money unit and budget (万元) as written", () => {
    const t = all.files[1].tables[0];
    expect(t).toMatchObject({
      sheet: "01 住房公积金管理业务费用",
      title: "盐城市市本级项目预算绩效目标表",
      project: "住房公积金管理业务费用",
      kind: "target",
      framework: "evaluation",
      moneyUnit: "万元",
      budget: { total: 1003.82, fiscal: 1003.82, other: 0, carryOver: 0, cell: "E11" },
    });
    // 半年 and 全年 targets: two entries per indicator row, each with its period
    expect(t.indicators[0]).toMatchObject({ row: 25, cell: "D25", level1: "决策", level2: "项目立项", name: "立项依据充分性", value: "充分" });
    expect(t.indicators[0].period).toBeTruthy();
    expect(t.indicators[1]).toMatchObject({ row: 25, cell: "E25", name: "立项依据充分性" });
  });

  it("gives seed 002's first table in 元 with its parsed targets", () => {
    const t = all.files[2].tables[0];
    expect(t).toMatchObject({ project: "政府购买服务（劳务）经费", framework: "four-goal", moneyUnit: "元", budget: { total: 12210000, cell: "B8" } });
    expect(t.indicators[0]).toEqual({ row: 24, cell: "D24", level1: "投入与目标管理", level2: "投入管理", name: "预算执行率", value: "=100%", operator: "=", number: 100, unit: "%", weight: null, basis: null });
  });

  it("is exactly readModelOf(table) for every table, nothing added or left out", async () => {
    for (const [i, f] of ["seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"].entries()) {
      const { grids } = await readWorkbookGridsFast(readFileSync(EX(f)));
      expect(all.files[i].tables).toEqual(JSON.parse(JSON.stringify(recognizeWorkbook(grids).map(readModelOf))));
    }
  });

  it("reads the bundled example workbooks when no file is given", async () => {
    const r = await run(["read"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Json).files.reduce((n, f) => n + f.tables.length, 0)).toBe(30);
  });

  it("applies the configuration's moneyUnit and framework, as check does", async () => {
    const dir = tmp();
    const config = path.join(dir, "jixiao.config.json");
    writeFileSync(config, JSON.stringify({ moneyUnit: "万元", framework: "core-2021" }));
    const r = await run(["read", EX("seed000-stacked.xlsx"), "--config", config]);
    expect(r.code).toBe(0);
    const tables = (JSON.parse(r.out) as Json).files[0].tables;
    expect(all.files[0].tables[0].moneyUnit).toBeNull(); // seed 000 never says 元 or 万元
    expect(new Set(tables.map((t) => t.moneyUnit))).toEqual(new Set(["万元"]));
    expect(new Set(tables.map((t) => t.framework))).toEqual(new Set(["core-2021"]));
  });
});

describe("jixiao read --format csv", () => {
  let zh: string;
  beforeAll(async () => {
    const r = await run(["read", EX("seed000-stacked.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx"), "--format", "csv"]);
    expect(r.code).toBe(0);
    zh = r.out;
  });

  it("starts with a BOM and a Chinese header, and parses back to one row per indicator with the table's fields repeated", () => {
    expect(zh.startsWith("\uFEFF文件,工作表,区域,项目名称,标题,指标体系,金额单位,预算数,财政资金,其他资金,上年结转,行,单元格,一级指标,二级指标,指标名称,指标值,")).toBe(true);
    expect(zh).toContain("\r\n");
    const [head, ...rows] = parseCsv(zh.slice(1));
    expect(head).toHaveLength(30);
    const expected = all.files.flatMap((f) => f.tables.flatMap((tb) => expectedRows(f.file, tb))).map((r) => r.map(csvText));
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(all.files.reduce((n, f) => n + f.tables.reduce((m, t) => m + t.indicators.length, 0), 0));
    // seed 001's table fields on each of its rows
    const seed001 = rows.filter((r) => r[0] === SHOWN("seed001.xlsx"));
    expect(seed001).toHaveLength(all.files[1].tables[0].indicators.length);
    for (const r of seed001) expect(r.slice(3, 11)).toEqual(["住房公积金管理业务费用", "盐城市市本级项目预算绩效目标表", "evaluation", "万元", "1003.82", "1003.82", "0", "0"]);
  });

  it("quotes commas, quotes and line breaks (RFC 4180), and keeps Excel from taking =100% for a formula", () => {
    // seed 000 has an indicator name with a comma
    expect(zh).toContain('"改善生活环境, 提高生活水平"');
    // seed 002's targets such as =100%: text in Excel, not the formula =100% (shown as 1)
    expect(zh).toContain(",'=100%,=,100,%,");
    const tb = all.files[1].tables[0];
    const odd: ReadFile = { file: 'a "b", c.xlsx', tables: [{ ...tb, project: "第一行\n第二行", indicators: [{ ...tb.indicators[0], name: '说"明"，含,逗号\r\n换行' }] }] };
    const rows = parseCsv(toCsv([odd], "zh").slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe('a "b", c.xlsx');
    expect(rows[1][3]).toBe("第一行\n第二行");
    expect(rows[1][15]).toBe('说"明"，含,逗号\r\n换行');
  });

  it("keeps a table that has no indicator as one row", () => {
    const tb = all.files[1].tables[0];
    const rows = parseCsv(toCsv([{ file: "x.xlsx", tables: [{ ...tb, indicators: [] }, tb] }], "zh").slice(1));
    expect(rows).toHaveLength(2 + tb.indicators.length);
    expect(rows[1].slice(0, 4)).toEqual(["x.xlsx", tb.sheet, tb.range, tb.project]);
    expect(rows[1].slice(11)).toEqual([...new Array(12).fill(""), "target", ...new Array(6).fill("")]);
  });

  it("says which file holds no table and which table no indicator (that table keeps its row)", async () => {
    const dir = tmp();
    const file = path.join(dir, "申报.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRows([["本工作簿只有说明文字"]]);
    wb.addWorksheet("空表").addRows([["项目支出绩效目标表"], ["项目名称", "没有指标的项目"], [], ["一级指标", "二级指标", "三级指标", "指标值"]]);
    await wb.xlsx.writeFile(file);
    const empty = path.join(dir, "说明.xlsx");
    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet("说明").addRows([["本工作簿只有说明文字"]]);
    await wb2.xlsx.writeFile(empty);
    const r = await run(["read", file, empty, "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split("\n");
    expect(lines).toEqual([`${path.relative(process.cwd(), file)}：表“没有指标的项目”（空表!A1:D4）没有读到指标，汇总中只占一行`, `${path.relative(process.cwd(), empty)}：没有找到绩效目标表`]);
    const rows = parseCsv(r.out.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 4)).toEqual(["空表", "A1:D4", "没有指标的项目"]);
  });

  it("has an English header with --lang en", async () => {
    const r = await run(["read", EX("seed001.xlsx"), "--format", "csv", "--lang", "en"]);
    expect(r.out.split("\r\n")[0]).toBe("\uFEFFfile,sheet,range,project,title,framework,moneyUnit,budget.total,budget.fiscal,budget.other,budget.carryOver,row,cell,level1,level2,name,value,operator,number,unit,weight,basis,period,kind,actual,score,reason,progress,forecast,correction");
  });
});

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const withSoffice = soffice.status === 0 ? it : it.skip;

describe("jixiao read --format xlsx", () => {
  const dir = tmp();
  const out = path.join(dir, "指标汇总.xlsx");
  let err = "";
  beforeAll(async () => {
    const r = await run(["read", EX("seed000-stacked.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx"), "--format", "xlsx", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    err = r.err;
  });

  it("says where it wrote how much", () => {
    const indicators = all.files.reduce((n, f) => n + f.tables.reduce((m, t) => m + t.indicators.length, 0), 0);
    expect(err.trim()).toBe(`已写入 ${out}：30 张表的 ${indicators} 个指标`);
  });

  it("holds sheet 指标 with the CSV's rows (numbers as numbers), a frozen header and a filter, and sheet 表格 with one row per table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标", "表格"]);
    const ws = wb.getWorksheet("指标")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    for (let c = 1; c <= 30; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);

    const [head, ...rows] = sheetRows(wb, "指标");
    expect(head.slice(0, 3)).toEqual(["文件", "工作表", "区域"]);
    expect(rows).toEqual(all.files.flatMap((f) => f.tables.flatMap((tb) => expectedRows(f.file, tb))));
    expect(typeof rows[0][7]).toBe("number"); // budget
    expect(typeof rows[0][11]).toBe("number"); // row

    const [thead, ...tables] = sheetRows(wb, "表格");
    expect(thead).toEqual(["文件", "工作表", "区域", "项目名称", "标题", "指标体系", "金额单位", "预算数", "财政资金", "其他资金", "上年结转", "指标数", "表类型"]);
    expect(tables).toHaveLength(30);
    expect(tables[17]).toEqual([SHOWN("seed001.xlsx"), "01 住房公积金管理业务费用", "A1:F87", "住房公积金管理业务费用", "盐城市市本级项目预算绩效目标表", "evaluation", "万元", 1003.82, 1003.82, 0, 0, all.files[1].tables[0].indicators.length, "target"]);
  });

  withSoffice(
    "opens in LibreOffice: converted to CSV it holds the same rows",
    () => {
      const conv = tmp();
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${path.join(conv, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", conv, out],
        { timeout: 170_000, stdio: "ignore" },
      );
      const csv = readdirSync(conv).find((f) => f.endsWith(".csv"));
      expect(csv).toBeDefined();
      const [head, ...rows] = parseCsv(readFileSync(path.join(conv, csv as string), "utf8"));
      expect(head[0]).toBe("文件");
      const expected = all.files.flatMap((f) => f.tables.flatMap((tb) => expectedRows(f.file, tb)));
      expect(rows).toHaveLength(expected.length);
      // LibreOffice writes the cells as shown: amounts with thousands separators
      const asShown = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 10 }) : v);
      const amounts = new Set([7, 8, 9, 10, 18]);
      rows.forEach((r, i) => expect(r).toEqual(expected[i].map((v, c) => (amounts.has(c) ? asShown(v) : v === null ? "" : String(v)))));
    },
    180_000,
  );

  it("speaks English with --lang en (sheet names and headers)", async () => {
    const en = path.join(dir, "indicators.xlsx");
    const r = await run(["read", EX("seed001.xlsx"), "--format", "xlsx", "--out", en, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Wrote ${all.files[1].tables[0].indicators.length} indicators of 1 table to ${en}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Indicators", "Tables"]);
    expect(sheetRows(wb, "Indicators")[0].slice(0, 3)).toEqual(["file", "sheet", "range"]);
  });
});

describe("exit codes and files", () => {
  it("an unreadable file: one line saying why, exit 2, and the other file is still read", async () => {
    const dir = tmp();
    const bad = path.join(dir, "notes.xlsx");
    writeFileSync(bad, "这不是工作簿，只是改了扩展名的文本。");
    const r = await run(["read", bad, EX("seed001.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("不是 .xlsx 工作簿");
    const json = JSON.parse(r.out) as Json;
    expect(json.files[0]).toMatchObject({ tables: [], error: { code: "not-xlsx" } });
    expect(json.files[1].tables).toHaveLength(1);

    const csv = await run(["read", path.join(dir, "nope.xlsx"), EX("seed001.xlsx"), "--format", "csv", "--lang", "en"]);
    expect(csv.code).toBe(2);
    expect(csv.err.trim()).toMatch(/nope\.xlsx: no such file$/);
    expect(parseCsv(csv.out.slice(1))).toHaveLength(1 + all.files[1].tables[0].indicators.length);
  });

  it("the .xls message, the lock-file skip and pattern expansion are check's", async () => {
    const dir = tmp();
    copyFileSync(EX("seed001.xlsx"), path.join(dir, "a.xlsx"));
    writeFileSync(path.join(dir, "~$a.xlsx"), Buffer.alloc(165, 1));
    const xls = path.join(dir, "旧表.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(512)]));
    const r = await run(["read", path.join(dir, "*.xlsx"), path.join(dir, "~$a.xlsx"), xls]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("锁文件");
    expect(lines[1]).toMatch(/旧版 Excel 文件（\.xls 格式）/);
    const json = JSON.parse(r.out) as Json;
    expect(json.files.map((f) => path.basename(f.file))).toEqual(["a.xlsx", "旧表.xls"]);
    expect(json.files[0].tables).toHaveLength(1);
  });

  it("usage errors exit 2 before anything is read or written", async () => {
    const dir = tmp();
    for (const args of [
      ["--format", "xml"],
      ["--format", "xlsx"],
      ["--format", "csv", "--out", path.join(dir, "x.xlsx")],
      ["--format", "xlsx", "--out", path.join(dir, "x")],
      ["--bogus"],
      ["--out"],
    ]) {
      const r = await run(["read", EX("seed001.xlsx"), ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect((await run(["read", "--format", "xlsx"])).err).toContain("--format xlsx 需要 --out");
  });

  it("never replaces a file: the output goes to “name (2)”, and the input is unchanged", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed001.xlsx");
    copyFileSync(EX("seed001.xlsx"), input);
    const before = sha(input);
    const out = path.join(dir, "指标.csv");
    writeFileSync(out, "用户自己的文件");
    // the format follows --out's extension when --format is not given
    const r = await run(["read", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("用户自己的文件");
    const second = path.join(dir, "指标 (2).csv");
    expect(r.err).toContain(second);
    expect(readFileSync(second, "utf8").startsWith("\uFEFF文件,")).toBe(true);
    const again = await run(["read", input, "--out", out]);
    expect(again.err).toContain(path.join(dir, "指标 (3).csv"));
    expect(readFileSync(second, "utf8").startsWith("\uFEFF文件,")).toBe(true);
    // an output named like the input goes beside it
    const xlsx = await run(["read", input, "--out", input]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.err).toContain(path.join(dir, "seed001 (2).xlsx"));
    expect(sha(input)).toBe(before);
    expect(existsSync(path.join(dir, "seed001 (2).xlsx"))).toBe(true);
  });
});

describe("help", () => {
  it("jixiao read --help prints the read usage; the main usage lists read", async () => {
    const zh = await run(["read", "--help"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("用法：jixiao read");
    expect(zh.out).toContain("--format json|csv|xlsx");
    const en = await run(["read", "--help", "--lang", "en"]);
    expect(en.out).toContain("Usage: jixiao read");
    expect((await run(["help"])).out).toMatch(/^ {2}read \[/m);
    expect((await run(["help", "--lang", "en"])).out).toMatch(/^ {2}read \[file\.xlsx/m);
  });
});
