/**
 * Recognition of all 30 seed tables from the example workbooks (real .xlsx files with merged cells).
 * test/fixtures/seed-recognition.json is the reviewed expectation: project name, budget and its cell,
 * money unit, framework, and every 三级 indicator with its cell address. Counts were checked by hand
 * against the seed documents (e.g. seed 001: 13 决策/过程 + 19 成本 + 9 数量 + 3 + 4 + 8 + 4 + 3 = 63).
 */
import { recognizeWorkbook } from "../../src/core/recognize";
import type { TargetTable } from "../../src/core/model";
import { loadExampleGrids } from "../helpers/examples";
import expected from "../fixtures/seed-recognition.json";

type Expected = (typeof expected)[number];

async function tablesOf(file: string): Promise<TargetTable[]> {
  return recognizeWorkbook(await loadExampleGrids(file));
}

describe("recognition of the 30 seed tables", () => {
  let actual: { file: string; t: TargetTable }[] = [];
  beforeAll(async () => {
    actual = [];
    for (const file of ["seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"]) for (const t of await tablesOf(file)) actual.push({ file, t });
  });

  it("finds exactly 17 + 1 + 12 tables", () => {
    expect(actual.map((a) => a.file)).toEqual(expected.map((e) => e.file));
    expect(actual).toHaveLength(30);
  });

  it.each(expected.map((e, i) => [i + 1, e.project, e] as [number, string | undefined, Expected]))("table %i %s", (i, _name, e) => {
    const { t } = actual[i - 1];
    const b = t.budget.total ?? t.budget.currentYear;
    expect({
      sheet: t.sheet,
      range: t.rangeA1,
      project: t.projectName?.text,
      budget: b?.value,
      budgetCell: b?.address,
      unit: t.moneyUnit.unit,
      framework: t.framework.id,
      indicators: t.indicators.map((x) => `${x.name?.address ?? "-"}:${x.name?.text ?? ""}`),
    }).toEqual({ sheet: e.sheet, range: e.range, project: e.project, budget: e.budget, budgetCell: e.budgetCell, unit: e.unit, framework: e.framework, indicators: e.indicators });
  });

  it("reads seed 000 the same whether the tables are stacked on one sheet or one per sheet", async () => {
    const stacked = actual.filter((a) => a.file === "seed000-stacked.xlsx").map((a) => a.t);
    const perSheet = await tablesOf("seed000.xlsx");
    expect(perSheet).toHaveLength(17);
    expect(new Set(perSheet.map((t) => t.sheet)).size).toBe(17);
    const summary = (t: TargetTable) => ({
      project: t.projectName?.text,
      budget: t.budget.total?.value,
      plan: t.spendingPlan.points.map((p) => [p.month, p.share]),
      names: t.indicators.map((i) => i.name?.text),
      values: t.indicators.map((i) => i.value?.text),
      shifts: t.indicators.map((i) => i.shift),
    });
    expect(perSheet.map(summary)).toEqual(stacked.map(summary));
  });

  it("keeps the money unit undeclared in seed 000 and reads 万元 / 元 where the tables say so", () => {
    expect(actual.filter((a) => a.file === "seed000-stacked.xlsx").every((a) => !a.t.moneyUnit.declared && a.t.moneyUnit.unit === null)).toBe(true);
    const s001 = actual.find((a) => a.file === "seed001.xlsx")?.t;
    expect(s001?.moneyUnit).toMatchObject({ unit: "万元", declared: true });
    expect(s001?.moneyUnit.source?.text).toMatch(/万元/);
    expect(actual.filter((a) => a.file === "seed002.xlsx").every((a) => a.t.moneyUnit.unit === "元")).toBe(true);
  });

  it("reads the seed 001 budget block with all its parts", () => {
    const b = actual.find((a) => a.file === "seed001.xlsx")?.t.budget;
    expect(b?.total?.value).toBe(1003.82);
    expect(b?.fiscal?.value).toBe(1003.82);
    expect(b?.fiscalParts.map((p) => [p.label, p.value])).toEqual([
      ["一般公共预算资金", 1003.82],
      ["政府性基金预算资金", 0],
      ["财政专户管理资金", 0],
    ]);
    expect(b?.otherSources.map((p) => p.value)).toEqual([0, 0]);
    expect(b?.carryOver?.value).toBe(0);
    expect(b?.other?.value).toBe(0);
    expect(b?.halfYear?.value).toBe(500);
  });

  it("reads spending plans, including the one that stops at 80% and the empty one", () => {
    const s000 = actual.filter((a) => a.file === "seed000-stacked.xlsx").map((a) => a.t);
    expect(s000[0].spendingPlan.points.map((p) => [p.label, p.share])).toEqual([
      ["3月底", 0.1],
      ["6月底", 0.3],
      ["10月底", 0.6],
      ["12月底", 1],
    ]);
    const furniture = s000.find((t) => t.projectName?.text === "办公家具及自动化设备购置费");
    expect(furniture?.spendingPlan.points.map((p) => [p.month, p.share])).toEqual([
      [6, 0.5],
      [10, 0.8],
    ]);
    const legal = s000.find((t) => t.projectName?.text === "法律顾问经费");
    expect(legal?.spendingPlan.label).toBeDefined();
    expect(legal?.spendingPlan.points).toEqual([]);
    expect(legal?.spendingPlan.headers.map((h) => h.month)).toEqual([3, 6, 10, 12]);
  });

  it("places shifted rows and labels where they belong and reports them", () => {
    const t3 = actual[2].t; // 预留奖励绩效工资: 成本指标 in the 一级 column
    const cost = t3.indicators.find((i) => i.name?.text === "发放金额");
    expect(cost?.level2?.key).toBe("成本");
    expect(cost?.level1?.key).toBe("产出");
    expect(cost?.shift).toBe(-1);
    expect(cost?.value?.text).toBe("993.85 万元");
    expect(t3.issues.some((x) => x.kind === "row-shifted" && x.col === 1)).toBe(true);
    const s001 = actual.find((a) => a.file === "seed001.xlsx")?.t;
    const upkeep = s001?.indicators.find((i) => i.name?.text === "维保维护费用");
    expect(upkeep).toMatchObject({ shift: -1 });
    expect(upkeep?.halfValue?.text).toBe("≤20万元");
    expect(upkeep?.value?.text).toBe("≤54.95万元");
    expect(upkeep?.level2?.key).toBe("成本");
  });

  it("attaches the part-one summaries of the stacked sheet to their tables", () => {
    const s000 = actual.filter((a) => a.file === "seed000-stacked.xlsx").map((a) => a.t);
    expect(s000.filter((t) => t.summary).length).toBeGreaterThanOrEqual(15);
    expect(s000[0].summary?.indicator?.text).toMatch(/宣传次数/);
  });
});
