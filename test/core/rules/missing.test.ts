/** missing: required fields left empty. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";
import { gridFromRows, parseA1, toA1 } from "../../../src/core/grid";

/** The cell right of a label: where its empty value belongs. */
const rightOf = (a1: string) => {
  const { row, col } = parseA1(a1);
  return toA1(row, col + 1);
};

describe("missing.project-name", () => {
  it("positive: 项目名称 left empty (reported on its empty value cell, not on the title)", () => {
    const t = buildTableInfo(cleanSpec("common", { project: null, title: "2020年项目绩效目标表" }));
    expectFinding(run(t.grid), "missing.project-name", { cell: rightOf(t.find("项目名称")), says: [/没有填写项目名称/] });
  });
  it("negative: a table whose template has no header block (a 评价指标表 under its title)", () => {
    const grid = gridFromRows("Sheet1", [
      ["2019年度高中助学金项目绩效评价指标表"],
      ["评价内容", "指标名称", "目标值", "分值"],
      ["产出数量指标", "享受资助人数", "2100人", 50],
      ["满意度指标", "资助对象满意度", "≥95%", 50],
    ]);
    expectNone(run(grid), "missing.project-name");
  });
  it("negative: a named project", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.project-name");
  });
});

describe("missing.budget", () => {
  it("positive: 预算数 and 财政资金 left empty", () => {
    const t = buildTableInfo(cleanSpec("common", { budget: null, fiscal: null }));
    expectFinding(run(t.grid), "missing.budget", { cell: rightOf(t.find("预算数")), quoted: "宣传费" });
  });
  it("negative: a budget is given", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.budget");
  });

  /** The 山西 申报表's money block: the whole term's column and the year's side by side (blind round 4, 永济). */
  const termAndYear = (year: (number | null)[]) =>
    gridFromRows("Sheet1", [
      ["项目支出绩效目标申报表"],
      ["项目名称", "2023年文物保护经费"],
      ["项目资金(元)", "实施期资金总额:", 1000000, "年度资金总额:", year[0]],
      [null, "其中:中央财政资金", 0, "其中:中央财政资金", year[1]],
      [null, "省级财政资金", 0, "省级财政资金", year[2]],
      [null, "市县(区)财政资金", 1000000, "市县(区)财政资金", year[3]],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [null, "产出指标", "数量指标", "文物安全巡查", "416处"],
      [null, "满意度指标", "服务对象满意度指标", "游客满意度", "≥90%"],
    ]);
  it("positive: the whole term's money given, the year's column left empty (its sources read from the term's column do not stand for it)", () => {
    const r = run(termAndYear([null, null, null, null]));
    expectFinding(r, "missing.budget", { cell: "E3", says: [/实施期（中期）资金总额 1000000/, /年度资金总额却空着/] });
    // the government levels' money are parts of the fiscal money, not one 财政资金 among them
    expect(r.tables[0].budget.fiscal).toBeUndefined();
    expect(r.tables[0].budget.fiscalParts.map((a) => [a.label, a.value])).toEqual([["其中:中央财政资金", 0], ["省级财政资金", 0], ["市县(区)财政资金", 1000000]]);
  });
  it("negative: the year's column filled in", () => {
    expectNone(run(termAndYear([1000000, 0, 0, 1000000])), "missing.budget");
  });
});

describe("missing.goal", () => {
  it("positive: 目标1 left empty", () => {
    const t = buildTableInfo(cleanSpec("common", { goals: [] }));
    expectFinding(run(t.grid), "missing.goal", { cell: rightOf(t.find("目标1")), quoted: "宣传费" });
  });
  it("negative: a goal text (common 目标1, four-goal 年度绩效目标)", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.goal");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "missing.goal");
  });
});

describe("missing.spending-plan", () => {
  it("positive: 资金支出计划 with month headers and no percentages (seed 000 法律顾问经费)", () => {
    const t = buildTableInfo(cleanSpec("common", { plan: null }));
    expectFinding(run(t.grid), "missing.spending-plan", { cell: t.find("资金支出计划（%）"), says: [/没有填写/] });
  });
  it("negative: a plan that reaches 100%", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.spending-plan");
  });
});

describe("missing.name", () => {
  it("positive: a value with no 三级 name", () => {
    const rows = cleanRows("common");
    rows.splice(2, 0, [null, null, null, "≥95%"]);
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "missing.name", { cell: t.cell(2, "level3"), quoted: "≥95%" });
  });
  it("negative: every value has its name", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.name");
  });
});

describe("missing.value", () => {
  it("positive: a 三级 name without a 指标值", () => {
    const rows = withCells(cleanRows("common"), 1, { 3: null });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "missing.value", { cell: t.cell(1, "value"), quoted: "宣传工作完成率", says: [/没有填写指标值/] });
  });
  it("positive: the half-year column left empty in the evaluation layout", () => {
    const rows = withCells(cleanRows("evaluation"), 7, { 3: null });
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    expectFinding(run(t.grid), "missing.value", { cell: t.cell(7, "halfValue"), quoted: "工单办结率" });
  });
  it("negative: every indicator has its values", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.value");
    expectNone(run(buildTable(cleanSpec("evaluation"))), "missing.value");
  });
});

describe("missing.basis", () => {
  it("positive: 指标值确定依据 left empty (seed 000 预留奖励绩效工资 提高工作积极性)", () => {
    const rows = cleanRows("common");
    rows[5] = [null, "社会效益指标", "政策知晓率", "≥80%", null];
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "missing.basis", { cell: t.cell(5, "basis"), quoted: "政策知晓率" });
  });
  it("negative: every basis filled; templates without a basis column are not asked for one", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "missing.basis");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "missing.basis");
  });
});
