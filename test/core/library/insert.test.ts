/**
 * Insertion planning on the seed tables (recognised from the example workbooks), applied through
 * the memory host: rows land in the right 一级/二级 block, in the table's columns and money unit,
 * and re-validation stays clean for the inserted rows.
 */
import { validate } from "../../../src/core/engine";
import type { Grid } from "../../../src/core/grid";
import { gridFromRows } from "../../../src/core/grid";
import { textAt } from "../../../src/core/cellDisplay";
import type { TargetTable } from "../../../src/core/model";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { planInsertion, type InsertionPlan } from "../../../src/core/library/insert";
import type { Template } from "../../../src/core/library/schema";
import { recognizeTables } from "../../../src/core/recognize";
import { MemoryHost } from "../../../src/host/memory";
import { loadExampleGrids } from "../../helpers/examples";

const T = (id: string): Template => {
  const t = BUILTIN_LIBRARY.templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

async function sheet(file: string, index: number): Promise<{ grid: Grid; table: TargetTable }> {
  const grid = (await loadExampleGrids(file))[index];
  const [table] = recognizeTables(grid);
  return { grid, table };
}

/** Apply the plan through the memory host and read the sheet back. */
async function apply(grid: Grid, plan: InsertionPlan): Promise<Grid> {
  const host = MemoryHost.fromGrids([grid]);
  for (const r of plan.requests) await host.insertRows(r);
  const [out] = await host.readSheets({ kind: "named", names: [grid.sheet] });
  return out;
}

function rowOf(table: TargetTable, name: string) {
  const r = table.indicators.find((i) => i.name?.text === name);
  if (!r) throw new Error(`no indicator ${name}`);
  return r;
}

describe("planInsertion into seed 000 宣传费 (common framework, 万元 undeclared)", () => {
  it("puts each template below the last row of its block, in the table's columns", async () => {
    const { table } = await sheet("seed000.xlsx", 0);
    const plan = planInsertion(table, [T("publicity.qty1"), T("publicity.cost1"), T("publicity.sat1"), T("publicity.soc1")], { defaultMoneyUnit: "万元" });
    expect(plan.skipped).toEqual([]);
    const byAfter = new Map(plan.requests.map((r) => [r.afterRow, r]));
    const blockBottom = (l2: string) => table.blocks.find((b) => b.level2?.key === l2)!.bottom;
    expect([...byAfter.keys()].sort((a, b) => a - b)).toEqual([blockBottom("数量"), blockBottom("成本"), blockBottom("社会效益"), blockBottom("服务对象满意度")]);
    // bottom-most first, so earlier requests never move later ones
    expect(plan.requests.map((r) => r.afterRow)).toEqual([...plan.requests.map((r) => r.afterRow)].sort((a, b) => b - a));
    const qty = byAfter.get(blockBottom("数量"))!;
    expect(qty).toMatchObject({ sheet: table.sheet, startCol: 1, formatFromRow: blockBottom("数量"), extendMergesInColumns: [1, 2] });
    // 一级 | 二级 | 三级 | 描述 | 指标值 | 依据: the user fills the count in
    expect(qty.values[0]).toEqual([null, null, "线下宣传活动场次", "组织进社区、进企业、进园区等线下宣传活动的场次", null, "计划标准"]);
    expect(plan.rows.find((r) => r.template.id === "publicity.qty1")!.value.hint).toBe("≥__场（示例 ≥12场）");
    // the cost ceiling comes from the budget (25) in the assumed 万元
    expect(byAfter.get(blockBottom("成本"))!.values[0][4]).toBe("≤25万元");
    expect(byAfter.get(blockBottom("服务对象满意度"))!.values[0][4]).toBe("≥90%");
  });

  it("leaves a budget-derived ceiling blank, with a note, when the table has no money unit", async () => {
    const { table } = await sheet("seed000.xlsx", 0);
    const plan = planInsertion(table, [T("publicity.cost1")]);
    expect(plan.requests[0].values[0][4]).toBeNull();
    expect(plan.notes.map((n) => n.en).join(" ")).toMatch(/no money unit/);
  });

  it("skips indicators the table already has and templates with no place in its framework", async () => {
    const { table } = await sheet("seed000.xlsx", 0);
    const dup: Template = { ...T("publicity.sat1"), id: "x.sat", name: "群众满意度" };
    const plan = planInsertion(table, [dup, T("general.approval1")]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(["present", "no-place"]);
    expect(plan.requests).toEqual([]);
  });

  it("re-validates clean for the inserted rows, which are read in their blocks", async () => {
    const { grid, table } = await sheet("seed000.xlsx", 0);
    const chosen = [T("publicity.qty1"), T("publicity.qual3"), T("publicity.time2"), T("publicity.cost2"), T("publicity.soc1"), T("publicity.sus1"), T("publicity.sat1")];
    const plan = planInsertion(table, chosen, { useExamples: true, defaultMoneyUnit: "万元" });
    const after = await apply(grid, plan);
    const [t2] = recognizeTables(after);
    for (const p of plan.rows) {
      const r = rowOf(t2, p.template.name);
      expect([p.template.name, r.row, r.level1?.key, r.level2?.key]).toEqual([p.template.name, p.row, p.placement.level1, p.placement.level2]);
      expect(r.value?.text).toBe(p.value.text);
    }
    const newRows = new Set(plan.rows.map((r) => r.row));
    const report = validate([after], { defaultMoneyUnit: "万元" });
    expect(report.findings.filter((f) => newRows.has(f.row) && f.severity !== "info").map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
    // the rows that were there keep their content
    expect(t2.indicators.length).toBe(table.indicators.length + chosen.length);
  });
});

describe("planInsertion into seed 002 (four-goal framework, 元)", () => {
  it("converts cost to 元, derives the ceiling from the budget and fills the empty 成本 block", async () => {
    const { grid, table } = await sheet("seed002.xlsx", 7);
    expect(table.moneyUnit.unit).toBe("元");
    const plan = planInsertion(table, [T("publicity.cost1"), T("publicity.cost2"), T("network-line.cost2"), T("publicity.sat1"), T("publicity.time1")], { useExamples: true });
    const cost = plan.requests.find((r) => r.afterRow === table.blocks.find((b) => b.level2?.key === "成本")!.bottom)!;
    // 三级 | 目标值 in columns C, D
    expect(cost.values.map((v) => [v[2], v[3]])).toEqual([
      ["宣传总成本", "≤250000元"],
      ["宣传品单份印制成本", "≤2元/份"],
      ["单条专线月租金", "≤3000元"],
    ]);
    // satisfaction goes under 效果目标/满意度 in this framework; deadlines carry the project year
    const sat = plan.rows.find((r) => r.template.id === "publicity.sat1")!;
    expect(sat.placement).toEqual({ level1: "效益", level2: "服务对象满意度" });
    expect(plan.rows.find((r) => r.template.id === "publicity.time1")!.value.text).toBe("2020年12月31日前");
    const after = await apply(grid, plan);
    const [t2] = recognizeTables(after);
    for (const p of plan.rows) expect([p.template.name, rowOf(t2, p.template.name).row, rowOf(t2, p.template.name).level2?.key]).toEqual([p.template.name, p.row, p.placement.level2]);
    const newRows = new Set(plan.rows.map((r) => r.row));
    const report = validate([after]);
    expect(report.findings.filter((f) => newRows.has(f.row) && f.severity !== "info").map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
  });
});

describe("planInsertion into seed 001 (evaluation framework, 半年/全年 columns, 万元)", () => {
  it("writes half-year and full-year values, halving cumulative targets and the budget ceiling", async () => {
    const { grid, table } = await sheet("seed001.xlsx", 0);
    expect(table.header?.columns.halfValue).toBeDefined();
    const plan = planInsertion(table, [T("office-operation.cost1"), T("training.qty1"), T("training.cost1"), T("government-service.qual2")], { useExamples: true });
    const v = (id: string) => plan.rows.find((r) => r.template.id === id)!;
    expect([v("office-operation.cost1").halfValue?.text, v("office-operation.cost1").value.text]).toEqual(["≤500万元", "≤1003.82万元"]);
    expect([v("training.qty1").halfValue?.text, v("training.qty1").value.text]).toEqual(["≥100人次", "≥200人次"]);
    expect([v("training.cost1").halfValue?.text, v("training.cost1").value.text]).toEqual(["≤450元/人·天", "≤450元/人·天"]);
    expect([v("government-service.qual2").halfValue?.text, v("government-service.qual2").value.text]).toEqual(["=100%", "=100%"]);
    const after = await apply(grid, plan);
    const [t2] = recognizeTables(after);
    for (const p of plan.rows) {
      const r = rowOf(t2, p.template.name);
      expect([p.template.name, r.row, r.level2?.key, r.halfValue?.text, r.value?.text]).toEqual([p.template.name, p.row, p.placement.level2, p.halfValue?.text, p.value.text]);
    }
  });
});

describe("planInsertion when the table lacks the 二级 or the 一级", () => {
  const grid = gridFromRows("Sheet1", [
    ["培训费项目绩效目标表"],
    ["项目名称", "培训费"],
    ["预算数", 10, "其中：财政资金", 10, "其他资金", 0],
    ["绩效目标", "提高窗口人员业务技能"],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "培训人次", "参加培训的累计人次", "≥200人次", "计划标准"],
    [null, "质量指标", "参训率", "实际参训人数/应参训人数", "≥95%", "计划标准"],
  ]);

  it("adds a new 二级 after the last block of its 一级 and a new 一级 after the grid, with labels", async () => {
    const [table] = recognizeTables(grid);
    const plan = planInsertion(table, [T("training.time1"), T("training.sat1"), T("training.sat2"), T("training.soc1")], { useExamples: true });
    expect(plan.skipped).toEqual([]);
    const host = MemoryHost.fromGrids([grid]);
    for (const r of plan.requests) await host.insertRows(r);
    const [after] = await host.readSheets({ kind: "all" });
    const col = (r: number, c: number) => textAt(after, r, c);
    expect([6, 7, 8, 9, 10, 11, 12].map((r) => [col(r, 1), col(r, 2), col(r, 3)])).toEqual([
      ["产出指标", "数量指标", "培训人次"],
      ["", "质量指标", "参训率"],
      ["", "时效指标", "培训完成时间"],
      ["效益指标", "社会效益指标", "培训成果转化应用比例"],
      ["满意度指标", "服务对象满意度指标", "参训学员满意度"],
      ["", "", "用人部门对培训效果满意度"],
      ["", "", ""],
    ]);
    const [t2] = recognizeTables(after);
    for (const p of plan.rows) expect([p.template.name, rowOf(t2, p.template.name).row, rowOf(t2, p.template.name).level1?.key]).toEqual([p.template.name, p.row, p.placement.level1]);
  });
});
