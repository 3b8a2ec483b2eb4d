/**
 * jixiao selfeval (issue 15, item 3): the 绩效自评表 of a target workbook in a new workbook. Read back
 * with the reader it is a self-evaluation of the same project with the same indicators and targets;
 * filled with consistent values it reports no self-evaluation finding; LibreOffice opens it with
 * its merged cells; the input is never touched and no file is replaced; usage errors exit 2.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { validate } from "../../src/core/engine";
import { readModelOf } from "../../src/core/readModel";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { EX, run } from "../helpers/cli";

const tmp = () => mkdtempSync(path.join(tmpdir(), "jixiao-selfeval-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tablesIn = async (file: string) => validate((await readWorkbookGrids(readFileSync(file))).grids);

describe("jixiao selfeval <target.xlsx> --out <file.xlsx>", () => {
  it("makes seed 001's 自评表: the same project, indicators and targets, read back as a self-evaluation", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed001.xlsx");
    copyFileSync(EX("seed001.xlsx"), input);
    const before = sha(input);
    const out = path.join(dir, "自评表.xlsx");
    const r = await run(["selfeval", input, "--out", out, "--year", "2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("“住房公积金管理业务费用”的自评表");
    expect(r.out).toContain("63 个指标");
    expect(sha(input)).toBe(before);

    const target = readModelOf((await tablesIn(input)).tables[0]);
    const made = await tablesIn(out);
    expect(made.tables).toHaveLength(1);
    const m = readModelOf(made.tables[0]);
    expect([m.kind, m.project, m.moneyUnit, m.execution?.budget, m.execution?.weight]).toEqual(["self-evaluation", target.project, "万元", target.budget.total, 10]);
    // the full year's target of each indicator (seed 001 gives 半年 and 全年)
    const yearTargets = target.indicators.filter((i) => !i.period || i.period === "全年");
    expect(yearTargets).toHaveLength(63);
    expect(m.indicators.map((i) => [i.name, i.value])).toEqual(yearTargets.map((i) => [i.name, i.value]));
    // 10 for the execution, the rest spread over the indicators: 100 in all
    expect(10 + m.indicators.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(100);
    // what is left to fill in is said once per column, not once per row
    const unscored = made.findings.filter((f) => f.rule === "self-evaluation.unscored");
    expect(unscored.length).toBeLessThanOrEqual(2);
    expect(made.findings.filter((f) => /^self-evaluation\.(section-points|total|score-above-points|execution)/.test(f.rule))).toEqual([]);
  });

  it("filled in with consistent values, reports no self-evaluation finding", async () => {
    const dir = tmp();
    const out = path.join(dir, "自评表.xlsx");
    expect((await run(["selfeval", EX("corpus/targets/13_anhui_luan_jinan_tiyu_wangqiusai.xlsx"), "--out", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const empty = await tablesIn(out);
    const made = empty.tables[0];
    expect(made.indicators.length).toBeGreaterThan(5);
    // as made, the achievements and scores are still to fill in
    expect(empty.findings.map((f) => f.rule)).toContain("self-evaluation.unscored");
    const header = made.header!;
    const col = (role: "value" | "actual" | "weight" | "score") => header.columns[role] as number;
    // the unit spent its whole budget, and every target is met exactly
    const exec = made.execution!.total!;
    ws.getCell(exec.label.row, (exec.budget?.col ?? 4) + 1).value = exec.budget!.value;
    ws.getCell(exec.label.row, (exec.budget?.col ?? 4) + 3).value = 1;
    ws.getCell(exec.label.row, (exec.budget?.col ?? 4) + 4).value = 10;
    for (const ind of made.indicators) {
      ws.getCell(ind.row, col("actual")).value = ind.value?.text.replace(/^[≥≤=<>]+/, "") ?? "";
      ws.getCell(ind.row, col("score")).value = Number(ind.weight?.raw);
    }
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    const report = await tablesIn(filled);
    expect(report.tables[0].kind).toBe("self-evaluation");
    expect(report.findings.filter((f) => f.category === "self-evaluation").map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("makes the 年度 table's self-evaluation where a project gives 中期 and 年度 (corpus 17), one sheet a table in a multi-table file", async () => {
    const dir = tmp();
    const r = await run(["selfeval", EX("corpus/targets/17_anhui_luan_nongyenongcun_zhijian_TRUNCATED.xlsx"), "--out", path.join(dir, "a.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    const stacked = await run(["selfeval", EX("seed000-stacked.xlsx"), "--out", path.join(dir, "b.xlsx"), "--lang", "en"]);
    expect(stacked.code).toBe(0);
    const made = await tablesIn(path.join(dir, "b.xlsx"));
    expect(made.tables.length).toBe(stacked.out.trim().split("\n").length);
    expect(new Set(made.tables.map((t) => t.sheet)).size).toBe(made.tables.length);
    expect(made.tables.every((t) => t.kind === "self-evaluation")).toBe(true);
  });

  it("--table picks one table; --points changes the scheme", async () => {
    const dir = tmp();
    const out = path.join(dir, "one.xlsx");
    expect((await run(["selfeval", EX("seed002.xlsx"), "--out", out, "--table", "2", "--points", "20,40,30,10"])).code).toBe(0);
    const made = await tablesIn(out);
    expect(made.tables).toHaveLength(1);
    expect(readModelOf(made.tables[0]).execution?.weight).toBe(20);
  });

  it("never replaces a file, and refuses bad input with a clear message and exit 2", async () => {
    const dir = tmp();
    const out = path.join(dir, "x.xlsx");
    await run(["selfeval", EX("seed001.xlsx"), "--out", out]);
    const again = await run(["selfeval", EX("seed001.xlsx"), "--out", out]);
    expect(again.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["x (2).xlsx", "x.xlsx"]);
    for (const [args, says] of [
      [[EX("seed001.xlsx")], "需要 --out"],
      [[EX("seed001.xlsx"), "--out", "a.csv"], ".xlsx"],
      [[EX("seed001.xlsx"), "--out", out, "--points", "10,50,30"], "合计为 100"],
      [[EX("seed001.xlsx"), "--out", out, "--table", "9"], "只有 1 张"],
      [[EX("corpus/self-evaluation/06_anhui_tianchang_shuili_shuihanzaihai.xlsx"), "--out", out], "没有读到绩效目标表"],
      [[path.join(dir, "missing.xlsx"), "--out", out], "missing.xlsx"],
    ] as const) {
      const r = await run(["selfeval", ...args]);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(says)]);
    }
    expect(readdirSync(dir).sort()).toEqual(["x (2).xlsx", "x.xlsx"]);
  });

  it("does not guess the money unit of a table that declares none (seed 000); the configuration's moneyUnit is used", async () => {
    const dir = tmp();
    const plain = path.join(dir, "plain.xlsx");
    expect((await run(["selfeval", EX("seed000.xlsx"), "--out", plain, "--table", "1"])).code).toBe(0);
    const cfg = path.join(dir, "jixiao.config.json");
    writeFileSync(cfg, JSON.stringify({ moneyUnit: "万元" }));
    const configured = path.join(dir, "configured.xlsx");
    expect((await run(["selfeval", EX("seed000.xlsx"), "--out", configured, "--table", "1", "--config", cfg])).code).toBe(0);
    const a4 = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets[0].getCell("A4").value;
    };
    expect([await a4(plain), await a4(configured)]).toEqual(["项目资金", "项目资金（万元）"]);
    expect((await tablesIn(plain)).findings.map((f) => f.rule)).toContain("budget-sum.unit-undeclared");
  });

  const withSoffice = spawnSync("soffice", ["--version"]).status === 0 || process.env.CI === "true" ? it : it.skip;
  withSoffice("keeps its totals by formula: filled in with what a unit types and computed by LibreOffice, it reports no self-evaluation finding", async () => {
    const dir = tmp();
    const out = path.join(dir, "自评表.xlsx");
    expect((await run(["selfeval", EX("corpus/targets/13_anhui_luan_jinan_tiyu_wangqiusai.xlsx"), "--out", out])).code).toBe(0);
    const made = (await tablesIn(out)).tables[0];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const exec = made.execution!.total!;
    const cols = made.header!.columns as Record<"actual" | "weight" | "score" | "reason", number>;
    // 86.2% of the money spent: the sheet computes 执行率 and its 得分 (10 × 86.2% = 8.62)
    ws.getCell(exec.label.row, exec.budget!.col + 1).value = exec.budget!.value * 0.862;
    ws.getCell(exec.label.row + 1, exec.budget!.col + 1).value = exec.budget!.value * 0.862;
    let sum = 8.62;
    made.indicators.forEach((ind, i) => {
      const weight = Number(ind.weight?.raw);
      // the first row missed by a fifth and scored in proportion, with its reason; the others met
      const score = i === 0 ? weight * 0.8 : weight;
      // (the cost: what was spent)
      const cost = /^≤.*万元$/.test(ind.value?.text ?? "");
      ws.getCell(ind.row, cols.actual).value = i === 0 ? "0.8种" : cost ? `${exec.budget!.value * 0.862}万元` : (ind.value?.text.replace(/^[≥≤=<>]+/, "") ?? "");
      ws.getCell(ind.row, cols.score).value = score;
      if (i === 0) ws.getCell(ind.row, cols.reason).value = "受场地影响，一项赛事延期";
      sum += score;
    });
    const typed = path.join(dir, "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const r = spawnSync("soffice", ["--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), typed], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    const report = await tablesIn(path.join(dir, "lo", "typed.xlsx"));
    const m = readModelOf(report.tables[0]);
    expect([m.execution?.rate, m.execution?.score]).toEqual([0.862, 8.62]);
    expect(Number(report.tables[0].totalRow?.score?.text)).toBeCloseTo(sum, 6);
    expect(report.findings.filter((f) => f.category === "self-evaluation").map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  withSoffice("renders in LibreOffice: the 总分's 分值 computed (100), every 一级 with its points", async () => {
    const dir = tmp();
    const out = path.join(dir, "se.xlsx");
    await run(["selfeval", EX("corpus/targets/13_anhui_luan_jinan_tiyu_wangqiusai.xlsx"), "--out", out]);
    const r = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, out], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    const csv = readFileSync(path.join(dir, "se.csv"), "utf8");
    expect(csv).toMatch(/^总分,+100,/m);
    for (const l1 of ["产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"]) expect(csv).toContain(l1);
  });
  withSoffice("opens in LibreOffice: every indicator on the sheet, its merged 一级 cells kept", async () => {
    const dir = tmp();
    const out = path.join(dir, "se.xlsx");
    await run(["selfeval", EX("seed001.xlsx"), "--out", out]);
    const r = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, out], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    const csv = readFileSync(path.join(dir, "se.csv"), "utf8");
    expect(csv).toContain("项目支出绩效自评表");
    expect(csv).toContain("实际完成值");
    expect(csv).toContain("住房公积金管理业务费用");
    expect(csv.split("\n").filter((l) => /^,/.test(l) || /^绩效指标/.test(l)).length).toBeGreaterThan(60);
    expect(existsSync(path.join(dir, "se.csv"))).toBe(true);
  });
});
