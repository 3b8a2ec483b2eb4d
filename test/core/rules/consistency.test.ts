/** consistency: the table agrees with itself — 半年 and 全年 columns, goal texts and summaries, dates. */
import type { Grid } from "../../../src/core/grid";
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("consistency.half-vs-full", () => {
  it("positive: 月租金 =1.146万元 (半年) vs =1.416万元 (全年) (seed 001 视频会议系统服务费)", () => {
    const rows = cleanRows("evaluation");
    rows.splice(6, 0, [null, null, "视频会议系统服务费月租金", "=1.146万元", "=1.416万元"]);
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    expectFinding(run(t.grid), "consistency.half-vs-full", { cell: t.cell(6, "halfValue"), quoted: ["视频会议系统服务费月租金", "=1.146万元", "=1.416万元"], says: [/应相同/] });
  });
  it("positive (error): a cumulative half-year target above the full year", () => {
    const rows = withCells(cleanRows("evaluation"), 6, { 3: "≥20000平方米" });
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    expectFinding(run(t.grid), "consistency.half-vs-full", { cell: t.cell(6, "halfValue"), severity: "error", quoted: ["≥20000平方米", "≥13915平方米"], says: [/超过了全年/] });
  });
  it("negative: the same rent in both columns; half of a cumulative amount; rates may be equal", () => {
    const rows = cleanRows("evaluation");
    rows.splice(6, 0, [null, null, "监控外包服务费月租金", "=1.29万元", "=1.29万元"]);
    expectNone(run(buildTable(cleanSpec("evaluation", { rows }))), "consistency.half-vs-full");
  });
});

describe("consistency.goal-vs-table", () => {
  const goal = "印制宣传册、明白卡100万册，服务缴存职工及广大群众300万人左右。争取群众满意度达到100%。";
  it("positive: 印制明白卡 300万册 while the goal says 100万册 (seed 002 公积金政策宣传费)", () => {
    const rows = withCells(cleanRows("four-goal"), 4, { 2: "印制明白卡", 3: "300万册" });
    const t = buildTableInfo(cleanSpec("four-goal", { project: "公积金政策宣传费", budget: 480000, goals: [goal, goal], rows }));
    expectFinding(run(t.grid), "consistency.goal-vs-table", { cell: t.cell(4, "value"), quoted: ["印制宣传册、明白卡100万册", "印制明白卡", "300万册"] });
  });
  it("positive: the part-one summary (分项绩效目标) against the table (seed 000 法律顾问经费)", () => {
    const t = buildTableInfo(cleanSpec("common", { project: "法律顾问经费", budget: 3, rows: withCells(cleanRows("common"), 1, { 2: "法律相关工作完成率", 3: "100%" }) }), 5);
    const summary: Grid = {
      ...t.grid,
      origin: { row: 1, col: 1 },
      cells: [["（十四）法律顾问经费"], ["绩效目标：达到依法行政，防范法律风险"], ["绩效指标：法律相关工作完成率 ≥ 90%"], [], ...t.grid.cells],
      numberFormats: [[], [], [], [], ...(t.grid.numberFormats ?? [])],
    };
    expectFinding(run(summary), "consistency.goal-vs-table", { cell: t.cell(1, "value"), quoted: ["法律相关工作完成率 ≥ 90%", "100%"], says: [/分项绩效目标（A3）/] });
  });
  it("negative: the same number (100万册), and parts that add up (宣传次数 3+3+3 = 9 次)", () => {
    const rows = withCells(cleanRows("four-goal"), 4, { 2: "印制明白卡", 3: "100万册" });
    expectNone(run(buildTable(cleanSpec("four-goal", { goals: [goal, goal], rows }))), "consistency.goal-vs-table");
    const three = cleanRows("common");
    three.splice(0, 1, ["产出指标", "数量指标", "业务工作内容宣传次数", "≥3次"], [null, null, "党中央方针政策宣传次数", "≥3次"], [null, null, "思想教育内容宣传次数", "≥3次"]);
    expectNone(run(buildTable(cleanSpec("common", { goals: ["公积金制度等宣传次数 ≥ 9 次。"], rows: three }))), "consistency.goal-vs-table");
  });
});

describe("consistency.dates", () => {
  it("positive: 开始时间 after 结束时间", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { start: "2020-12-31", end: "2020-01-01" }));
    expectFinding(run(t.grid), "consistency.dates", { cell: t.valueOf("开始时间"), quoted: ["2020-12-31", "2020-01-01"] });
  });
  it("negative: a project that runs forwards (seed 001: 2022年 to 2024年)", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "consistency.dates");
    expectNone(run(buildTable(cleanSpec("evaluation", { start: "2022年", end: "2024年" }))), "consistency.dates");
  });
});

describe("consistency.deadline-after-end", () => {
  it("positive: a 时效 deadline after the project's end", () => {
    const rows = withCells(cleanRows("four-goal"), 6, { 3: "2021年6月30日前" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "consistency.deadline-after-end", { cell: t.cell(6, "value"), quoted: ["工资发放及时性", "2021年6月30日前", "2020-12-31"] });
  });
  it("negative: a deadline within the project", () => {
    const rows = withCells(cleanRows("four-goal"), 6, { 3: "2020年12月31日前" });
    expectNone(run(buildTable(cleanSpec("four-goal", { rows }))), "consistency.deadline-after-end");
  });
});

describe("consistency.deadline-after-end with the end in 项目期 (corpus 16, 宁夏)", () => {
  const grid = (deadline: string) =>
    gridFromRows("Sheet1", [
      ["项目支出绩效目标申报表"],
      ["项目名称", "南部水源涵养林建设项目"],
      ["项目属性", "新建", "项目期", "2022年3月-2023年11月"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "时效指标", "项目完成时间", deadline],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]);
  it("positive: 2023年底 is after the project's end in 2023年11月", () => {
    expectFinding(run(grid("2023年底")), "consistency.deadline-after-end", { cell: "D5", quoted: ["2023年底", "2022年3月-2023年11月"] });
  });
  it("negative: a deadline within the period", () => {
    expectNone(run(grid("2023年11月底前")), "consistency.deadline-after-end");
  });
});
