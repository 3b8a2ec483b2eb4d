import { createHash } from "node:crypto";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readWorkbookGridsFast } from "../../src/host/xlsx/fastReadWorkbook";
import { EX, ROOT, run } from "../helpers/cli";

function sha(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), "jixiao-cli-"));
}

describe("jixiao check on the example workbooks", () => {
  it("reports all 30 seed tables with their ranges as JSON, exit 1 for the real errors", async () => {
    const r = await run(["check", EX("seed000-stacked.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx"), "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { files: { file: string; tables: { sheet: string; title: string; range: string }[]; findings: { rule: string; cell: string; severity: string; category: string; sheet: string; row: number; col: number; message: string }[] }[] };
    expect(json.files.map((f) => f.tables.length)).toEqual([17, 1, 12]);
    for (const f of json.files) {
      for (const t of f.tables) {
        expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
        expect(typeof t.sheet).toBe("string");
      }
      for (const x of f.findings) {
        expect(Object.keys(x)).toEqual(expect.arrayContaining(["rule", "category", "severity", "sheet", "cell", "row", "col", "message"]));
        expect(x.rule).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      }
    }
    // stacked tables do not overlap and run top to bottom
    const ranges = json.files[0].tables.map((t) => t.range.split(":").map((a) => Number(/\d+/.exec(a)?.[0])));
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1]);
  });

  it("checks the bundled examples when no file is given", async () => {
    const r = await run(["check", "--format", "json"]);
    const json = JSON.parse(r.out) as { files: { tables: unknown[] }[] };
    expect(json.files.reduce((n, f) => n + f.tables.length, 0)).toBe(30);
  });

  it("prints a text report grouped by table and severity, Chinese by default and English on request", async () => {
    const zh = await run(["check", EX("seed001.xlsx")]);
    expect(zh.out).toContain("住房公积金管理业务费用");
    expect(zh.out).toMatch(/错误 \(\d+\)/);
    expect(zh.out).toContain("成本指标");
    const en = await run(["check", EX("seed001.xlsx"), "--lang", "en"]);
    expect(en.out).toMatch(/^ {4}Error \(\d+\)$/m);
    // category and severity as core names them, beside the rule
    expect(en.out).toContain("[Cost · cost.direction]");
    expect(zh.out).toContain("[成本指标 · cost.direction]");
    expect(en.out).toContain("a cost is a ceiling");
  });
});

describe("bad input: one clear line and exit code 2, and the batch goes on", () => {
  const dir = tmp();
  const notXlsx = path.join(dir, "notes.xlsx");
  writeFileSync(notXlsx, "这不是工作簿，只是改了扩展名的文本。");
  const corrupt = path.join(dir, "corrupt.xlsx");
  writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
  const encrypted = path.join(dir, "encrypted.xlsx");
  // an OLE compound file whose directory names the EncryptedPackage stream, as Excel writes password-protected .xlsx
  writeFileSync(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(512)]));
  const folder = path.join(dir, "folder");
  mkdirSync(folder);
  // Excel 97-2003 (.xls, also what WPS saves by default in places): an OLE file with a Workbook stream
  const xls = path.join(dir, "旧表.xls");
  writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(512)]));

  it.each([
    ["missing path", path.join(dir, "nope.xlsx"), /文件不存在/],
    ["directory", folder, /文件夹/],
    ["renamed text file", notXlsx, /不是 \.xlsx/],
    ["corrupt zip", corrupt, /损坏|无法读取|不是/],
    ["password-protected", encrypted, /密码/],
    ["old-format .xls", xls, /旧版 Excel 文件（\.xls 格式），请在 Excel 或 WPS 中“另存为” \.xlsx/],
  ])("%s", async (_name, file, message) => {
    const r = await run(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("continues past a bad file and still reports the good one", async () => {
    const r = await run(["check", notXlsx, EX("seed001.xlsx"), "--format", "json"]);
    const json = JSON.parse(r.out) as { files: { file: string; error?: { code: string }; tables: unknown[] }[] };
    expect(json.files[0].error?.code).toBe("not-xlsx");
    expect(json.files[1].tables).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it("rejects usage errors with exit 2", async () => {
    expect((await run(["check", EX("seed001.xlsx"), "--format", "xml"])).code).toBe(2);
    expect((await run(["check", "--bogus"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
  });
});

describe("tables are named by their project, not by the form title they share", () => {
  async function twoTables(dir: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, project] of [
      ["表一", "宣传费"],
      ["表二", "培训费"],
    ]) {
      const ws = wb.addWorksheet(sheet);
      ws.addRow(["2022年度项目支出绩效目标申报表"]);
      ws.addRow(["项目名称", project]);
      ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
      ws.addRow(["产出指标", "数量指标", "培训人数", null]);
      ws.addRow([null, "时效指标", "完成时间", "2022年12月31日前"]);
    }
    const file = path.join(dir, "两张表.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("in the text report, the JSON and the review workbook", async () => {
    const dir = tmp();
    const file = await twoTables(dir);
    const text = (await run(["check", file])).out;
    expect(text).toMatch(/1\. 宣传费 {2}表一!A1:D5/);
    expect(text).toMatch(/2\. 培训费 {2}表二!A1:D5/);
    const json = JSON.parse((await run(["check", file, "--format", "json"])).out) as { files: { tables: { name: string; title: string; project: string }[] }[] };
    expect(json.files[0].tables.map((t) => [t.name, t.title, t.project])).toEqual([
      ["宣传费", "2022年度项目支出绩效目标申报表", "宣传费"],
      ["培训费", "2022年度项目支出绩效目标申报表", "培训费"],
    ]);
    await run(["check", file, "--report", path.join(dir, "审核汇总.xlsx")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "审核汇总.xlsx"));
    const column = (sheet: string, col: number) => (wb.getWorksheet(sheet)!.getColumn(col).values as unknown[]).slice(2);
    expect(column("表格", 4)).toEqual(["宣传费", "培训费"]);
    expect(new Set(column("问题", 4))).toEqual(new Set(["宣传费", "培训费"]));
  });
});

describe("nothing is written to the inputs", () => {
  it("--annotate writes a marked copy with a summary sheet and leaves the input byte-identical", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed001.xlsx");
    copyFileSync(EX("seed001.xlsx"), input);
    const before = sha(input);
    const out = path.join(dir, "marked");
    const r = await run(["check", input, "--annotate", out]);
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "seed001.xlsx"));
    expect(wb.getWorksheet("校验结果")).toBeDefined();
    const ws = wb.worksheets[0];
    const marked: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => (c.note ? marked.push(c.address) : undefined)));
    expect(marked.length).toBeGreaterThan(5);
  });

  it("--annotate keeps every cell's number format: Chinese Excel's built-in dates and backslash escapes too", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("目标表");
    ws.addRow(["项目名称", "格式测试"]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow(["产出指标", "时效指标", "完成日期", 44926]);
    ws.addRow([null, "质量指标", "达标率", 95]);
    ws.getCell("D3").numFmt = "yyyy-mm-dd";
    ws.getCell("D4").numFmt = "0\\%";
    // as Chinese Excel writes 2022年12月31日: numFmtId 31 with no <numFmt> of its own
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const id = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/.exec(styles)![1];
    zip.file("xl/styles.xml", styles.replace(`<numFmt numFmtId="${id}" formatCode="yyyy-mm-dd"/>`, "").split(`numFmtId="${id}"`).join('numFmtId="31"'));
    const dir = tmp();
    const input = path.join(dir, "格式.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = path.join(dir, "marked");
    await run(["check", input, "--annotate", out]);
    // the copy's formats are the input's, the marked cells' own added after them: 31 stays 31
    const copy = await JSZip.loadAsync(readFileSync(path.join(out, "格式.xlsx")));
    const copyStyles = await copy.file("xl/styles.xml")!.async("string");
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(copyStyles)![1].matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    const sheet = await copy.file("xl/worksheets/sheet1.xml")!.async("string");
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1]);
    expect(xfs[styleOf("D3")]).toMatch(/numFmtId="31"/);
    expect([...copyStyles.matchAll(/formatCode="([^"]*)"/g)].map((m) => m[1])).toContain("0\\%");
    // and both readers still read them as the file means
    const grids = await readWorkbookGridsFast(readFileSync(path.join(out, "格式.xlsx")));
    expect(grids.grids[0].numberFormats?.[2]?.[3]).toBe('yyyy"年"m"月"d"日"');
  });

  it("--fix writes fixed copies that have fewer findings, and the input is unchanged", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed000-stacked.xlsx");
    copyFileSync(EX("seed000-stacked.xlsx"), input);
    const before = sha(input);
    const out = path.join(dir, "fixed");
    await run(["check", input, "--fix", out, "--yes"]);
    expect(sha(input)).toBe(before);
    const a = JSON.parse((await run(["check", input, "--format", "json"])).out) as { files: { findings: { fix?: unknown }[] }[] };
    const b = JSON.parse((await run(["check", path.join(out, "seed000-stacked.xlsx"), "--format", "json"])).out) as { files: { findings: { fix?: unknown }[] }[] };
    const fixable = a.files[0].findings.filter((f) => f.fix).length;
    expect(fixable).toBeGreaterThan(0);
    expect(b.files[0].findings.filter((f) => f.fix).length).toBe(0);
    expect(b.files[0].findings.length).toBe(a.files[0].findings.length - fixable);
  });

  it("never replaces a file in the output folder: same-named submissions and the user's own files get (2), (3)", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "县区A"));
    mkdirSync(path.join(dir, "县区B"));
    copyFileSync(EX("seed001.xlsx"), path.join(dir, "县区A", "绩效目标表.xlsx"));
    copyFileSync(EX("seed002.xlsx"), path.join(dir, "县区B", "绩效目标表.xlsx"));
    const out = path.join(dir, "marked");
    mkdirSync(out);
    writeFileSync(path.join(out, "绩效目标表.xlsx"), "the user's own file");
    const r = await run(["check", path.join(dir, "县区A", "绩效目标表.xlsx"), path.join(dir, "县区B", "绩效目标表.xlsx"), "--annotate", out]);
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(out, "绩效目标表.xlsx"), "utf8")).toBe("the user's own file");
    expect(r.err).toContain(path.join(out, "绩效目标表 (2).xlsx"));
    expect(r.err).toContain(path.join(out, "绩效目标表 (3).xlsx"));
    // each copy is the annotated version of its own submission (1 table vs 12)
    const tables = async (f: string) => (JSON.parse((await run(["check", path.join(out, f), "--format", "json"])).out) as { files: { tables: unknown[] }[] }).files[0].tables.length;
    expect([await tables("绩效目标表 (2).xlsx"), await tables("绩效目标表 (3).xlsx")]).toEqual([1, 12]);
  });

  it("refuses an output directory that would overwrite an input", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed001.xlsx");
    copyFileSync(EX("seed001.xlsx"), input);
    const before = sha(input);
    for (const flag of ["--annotate", "--fix"]) {
      const r = await run(["check", input, flag, dir]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/覆盖/);
    }
    expect(sha(input)).toBe(before);
  });
});

describe("--report: one review workbook for a batch", () => {
  async function sheets(file: string): Promise<Record<string, unknown[][]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const out: Record<string, unknown[][]> = {};
    for (const ws of wb.worksheets) {
      out[ws.name] = [];
      ws.eachRow((row) => out[ws.name].push((row.values as unknown[]).slice(1)));
    }
    return out;
  }

  it("lists every file, every table and every finding of the batch, unreadable files included", async () => {
    const dir = tmp();
    const files = [EX("seed001.xlsx"), EX("seed002.xlsx"), path.join(dir, "缺失.xlsx")];
    const json = JSON.parse((await run(["check", ...files.slice(0, 2), "--format", "json"])).out) as { files: { tables: unknown[]; findings: { severity: string; rule: string; cell: string; message: string }[] }[] };
    const r = await run(["check", ...files, "--report", path.join(dir, "审核汇总.xlsx")]);
    expect(r.code).toBe(1);
    const s = await sheets(path.join(dir, "审核汇总.xlsx"));
    expect(Object.keys(s)).toEqual(["汇总", "表格", "问题"]);
    const count = (sev: string) => json.files.map((f) => f.findings.filter((x) => x.severity === sev).length);
    expect(s["汇总"].slice(1).map((row) => row.slice(1, 5))).toEqual([
      [1, count("error")[0], count("warning")[0], count("info")[0]],
      [12, count("error")[1], count("warning")[1], count("info")[1]],
      [],
      // the batch's totals, as the text report ends with them
      [13, count("error")[0] + count("error")[1], count("warning")[0] + count("warning")[1], count("info")[0] + count("info")[1]],
    ]);
    expect(String(s["汇总"][3][5])).toContain("文件不存在");
    expect(s["汇总"][4][0]).toBe("合计");
    expect(s["汇总"][4][5]).toBe("3 个文件：2 个有错误，1 个无法读取");
    // one row per table, whose counts add up to the file's
    expect(s["表格"]).toHaveLength(1 + 13);
    expect(s["表格"][1].slice(3, 6)).toEqual(["住房公积金管理业务费用", "评价指标体系（财预〔2020〕10号）", "万元"]);
    const tableErrors = s["表格"].slice(2).reduce((n, row) => n + Number(row[7]), 0);
    expect(tableErrors).toBe(count("error")[1]);
    // one row per finding, errors first, the message as the pane and the text report give it
    const all = json.files.flatMap((f) => f.findings);
    expect(s["问题"]).toHaveLength(1 + all.length);
    const first = s["问题"][1];
    expect(first.slice(5, 7)).toEqual(["错误", "成本指标"]);
    expect(all.map((f) => f.message)).toContain(first[8]);
  });

  it("speaks English with --lang en, never replaces a file, and wants an .xlsx name", async () => {
    const dir = tmp();
    const wanted = path.join(dir, "review.xlsx");
    writeFileSync(wanted, "the user's own file");
    const r = await run(["check", EX("seed001.xlsx"), "--report", wanted, "--lang", "en"]);
    expect(readFileSync(wanted, "utf8")).toBe("the user's own file");
    expect(r.err).toContain(path.join(dir, "review (2).xlsx"));
    const s = await sheets(path.join(dir, "review (2).xlsx"));
    expect(Object.keys(s)).toEqual(["Files", "Tables", "Findings"]);
    expect(s["Findings"][0]).toEqual(["File", "Sheet", "Cell", "Table", "Indicator", "Severity", "Category", "Rule", "Message"]);
    expect(s["Tables"][0].slice(0, 4)).toEqual(["File", "Sheet", "Range", "Name"]);
    const bad = await run(["check", EX("seed001.xlsx"), "--report", path.join(dir, "review.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(".xlsx");
  });
});

describe("file patterns (Windows shells pass *.xlsx through unexpanded)", () => {
  it("expands folder\\*.xlsx itself, case-insensitively, leaving out Excel's ~$ lock files", async () => {
    const dir = tmp();
    copyFileSync(EX("seed001.xlsx"), path.join(dir, "盐城.xlsx"));
    copyFileSync(EX("seed002.xlsx"), path.join(dir, "ZHENGZHOU.XLSX"));
    writeFileSync(path.join(dir, "~$盐城.xlsx"), "owner lock"); // present while 盐城.xlsx is open in Excel
    writeFileSync(path.join(dir, "说明.txt"), "not a workbook");
    const r = await run(["check", path.join(dir, "*.xlsx"), "--format", "json"]);
    const json = JSON.parse(r.out) as { files: { file: string; tables: unknown[]; error?: unknown }[] };
    expect(json.files.map((f) => path.basename(f.file))).toEqual(["ZHENGZHOU.XLSX", "盐城.xlsx"]);
    expect(json.files.map((f) => f.tables.length)).toEqual([12, 1]);
    expect(json.files.every((f) => !f.error)).toBe(true);
    expect(r.code).toBe(1);
    // expanded by a shell instead, the lock file is named and skipped, not counted as unreadable
    const shell = await run(["check", path.join(dir, "~$盐城.xlsx"), path.join(dir, "盐城.xlsx"), "--format", "json"]);
    expect(JSON.parse(shell.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(["盐城.xlsx"]);
    expect(shell.err).toContain("锁文件");
    expect(shell.code).toBe(1);
  });

  it("a pattern that matches nothing is reported in its place, and the batch goes on", async () => {
    const dir = tmp();
    copyFileSync(EX("seed001.xlsx"), path.join(dir, "a.xlsx"));
    const r = await run(["check", path.join(dir, "*.xls"), path.join(dir, "a.xlsx"), "--lang", "en"]);
    expect(r.err).toContain(`${path.join(dir, "*.xls")}: no file matches this pattern`);
    expect(r.out).toMatch(/a\.xlsx — 1 table/);
    const zh = await run(["check", path.join(dir, "没有*.xlsx")]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("没有与之匹配的文件");
  });
});

describe("the bundled command", () => {
  it("runs as `jixiao check` with the documented exit codes", () => {
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT });
    expect(existsSync(path.join(ROOT, "build", "jixiao.js"))).toBe(true);
    const ok = spawnSync("node", [path.join(ROOT, "bin", "jixiao.js"), "check", EX("seed001.xlsx"), "--format", "json"], { encoding: "utf8" });
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout).files[0].tables).toHaveLength(1);
    const bad = spawnSync("node", [path.join(ROOT, "bin", "jixiao.js"), "check", "/nonexistent/file.xlsx"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });

  it("stops quietly when its reader closes the pipe (jixiao check … | head -1)", async () => {
    // the reader is gone before the first line is written, as when `head -1` has had its line
    const child = spawn("node", [path.join(ROOT, "bin", "jixiao.js"), "check", "--lang", "en", EX("seed000-stacked.xlsx"), EX("seed001.xlsx")], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    expect([0, 1]).toContain(code);
  });
});

describe("jixiao check writes as it goes (issue 17)", () => {
  /** The same command with stdout as a stream (`write`, as the program has it) and as one text. */
  async function bothWays(args: string[]) {
    let whole = "";
    const wholeCode = await main(args, { out: (s) => (whole += s + "\n"), err: () => undefined });
    const pieces: string[] = [];
    const streamedCode = await main(args, { out: (s) => pieces.push(s + "\n"), write: async (s) => void pieces.push(s), err: () => undefined });
    return { whole, wholeCode, streamed: pieces.join(""), streamedCode, pieces: pieces.length };
  }

  it.each([
    ["json", ["--format", "json"]],
    ["text", []],
    ["summary", ["--summary"]],
    ["english json", ["--format", "json", "--lang", "en"]],
  ])("%s: the same bytes, written in pieces", async (_what, flags) => {
    const files = [EX("seed000-stacked.xlsx"), path.join(ROOT, "no-such-file.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx")];
    const r = await bothWays(["check", ...files, ...flags]);
    expect(r.streamed).toBe(r.whole);
    expect(r.streamedCode).toBe(r.wholeCode);
    // a piece a checked file at least, and the end
    if (!flags.includes("--summary")) expect(r.pieces).toBeGreaterThanOrEqual(4);
  });

  it("the JSON is JSON.stringify of the whole batch, byte for byte (the contract of docs/architecture.md, The CLI)", async () => {
    const { toJson } = await import("../../src/cli/format");
    const { validate } = await import("../../src/core/engine");
    const files = ["seed000-stacked.xlsx", "seed001.xlsx"];
    const results = [];
    for (const f of files) {
      const { grids } = await readWorkbookGridsFast(readFileSync(EX(f)));
      const report = validate(grids, { lang: "zh" });
      results.push({ file: path.relative(process.cwd(), EX(f)), tables: report.tables, findings: report.findings });
    }
    const r = await bothWays(["check", ...files.map(EX), "--format", "json"]);
    expect(r.streamed).toBe(toJson(results) + "\n");
  });

  it("an empty batch: files [] and the totals", async () => {
    const r = await bothWays(["check", path.join(ROOT, "nothing-here-*.xlsx"), "--format", "json"]);
    expect(r.streamed).toBe(r.whole);
    expect(JSON.parse(r.streamed).totals.files).toBe(1);
  });
});
