/** relevance: an indicator in the wrong place, or unrelated to the project. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("relevance.satisfaction-misplaced", () => {
  it("positive: 群众满意度 under 社会效益 (seed 002 公积金信息专网及驻场服务费)", () => {
    const rows = withCells(cleanRows("four-goal"), 9, { 2: "群众满意度", 3: "≥95%" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "relevance.satisfaction-misplaced", { cell: t.cell(9, "level3"), quoted: ["群众满意度", "效果目标 / 社会效益"] });
  });
  it("negative: satisfaction under 满意度", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "relevance.satisfaction-misplaced");
    expectNone(run(buildTable(cleanSpec("common"))), "relevance.satisfaction-misplaced");
  });
});

describe("relevance.not-satisfaction", () => {
  it("positive: a count under 满意度指标", () => {
    const rows = cleanRows("common");
    rows.push([null, null, "宣传册发放数量", "≥1000份"]);
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "relevance.not-satisfaction", { cell: t.cell(9, "level3"), quoted: ["宣传册发放数量", "满意度指标 / 服务对象满意度指标"] });
  });
  it("negative: 满意度, 满意率 and 投诉率 belong there", () => {
    const rows = cleanRows("common");
    rows.push([null, null, "在线回复满意率", "≥95%"], [null, null, "有效投诉率", "≤1%"]);
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "relevance.not-satisfaction");
  });
});

describe("relevance.execution-as-output", () => {
  it("positive: 预算执行率 as an output quality indicator", () => {
    const rows = withCells(cleanRows("common"), 1, { 2: "预算执行率", 3: "=100%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "relevance.execution-as-output", { cell: t.cell(1, "level3"), quoted: "预算执行率" });
  });
  it("negative: 预算执行率 under 投入管理 (four-goal) or 资金管理 (evaluation)", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "relevance.execution-as-output");
    const rows = withCells(cleanRows("evaluation"), 3, { 2: "预算执行率", 3: "=50%", 4: "=100%" });
    expectNone(run(buildTable(cleanSpec("evaluation", { rows }))), "relevance.execution-as-output");
  });
});

describe("relevance.quality-as-benefit", () => {
  it("positive: a 合格率 under 可持续影响 (seed 001 综合服务平台运营设备日检查合格率)", () => {
    const rows = withCells(cleanRows("common"), 7, { 2: "综合服务平台运营设备日检查合格率", 3: "=100%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "relevance.quality-as-benefit", { cell: t.cell(7, "level3"), quoted: "综合服务平台运营设备日检查合格率" });
  });
  it("negative: 合格率 under 质量", () => {
    const rows = withCells(cleanRows("common"), 1, { 2: "验收合格率", 3: "=100%" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "relevance.quality-as-benefit");
  });
});

describe("relevance.cost-outside-cost", () => {
  it("positive: 盐城广播电视台宣传费 =60万元 under 过程 / 组织实施 (seed 001, at a page break)", () => {
    const rows = cleanRows("evaluation");
    rows.splice(5, 0, [null, null, "盐城广播电视台宣传费", "=15万元", "=60万元"]);
    const t = buildTableInfo(cleanSpec("evaluation", { budget: 122.01, rows }));
    expectFinding(run(t.grid), "relevance.cost-outside-cost", { cell: t.cell(5, "level3"), quoted: ["盐城广播电视台宣传费", "过程 / 组织实施"], says: [/=60万元/] });
  });
  it("negative: the same cost under 产出 / 成本指标", () => {
    const rows = cleanRows("evaluation");
    rows.splice(6, 0, [null, null, "盐城广播电视台宣传费", "=15万元", "=60万元"]);
    expectNone(run(buildTable(cleanSpec("evaluation", { budget: 122.01, rows }))), "relevance.cost-outside-cost");
  });
});

describe("relevance.unrelated", () => {
  const tourism = () => withCells(cleanRows("four-goal"), 9, { 1: "经济效益", 2: "游客人数增长率", 3: "≥5%" });
  it("positive: 游客人数增长率 in an IT maintenance project (seed 002 住房公积金管理系统维护费)", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { project: "住房公积金管理系统维护费", budget: 500000, rows: tourism() }));
    expectFinding(run(t.grid), "relevance.unrelated", { cell: t.cell(9, "level3"), quoted: ["游客人数增长率", "住房公积金管理系统维护费"], says: [/旅游/] });
  });
  it("positive: the most specific field is named (能耗 in 教育系统单位建筑面积能耗增幅 is energy, not education)", () => {
    const rows = withCells(cleanRows("four-goal"), 9, { 1: "环境效益", 2: "教育系统单位建筑面积能耗增幅", 3: "≤1.5%" });
    const t = buildTableInfo(cleanSpec("four-goal", { project: "管委会工作经费", budget: 400000, rows }));
    expectFinding(run(t.grid), "relevance.unrelated", { cell: t.cell(9, "level3"), quoted: "教育系统单位建筑面积能耗增幅", says: [/属于节能领域/] });
  });
  it("negative: the same indicator in a tourism project", () => {
    expectNone(run(buildTable(cleanSpec("four-goal", { project: "旅游宣传推广经费", goals: ["提高景区知名度，吸引游客。"], rows: tourism() }))), "relevance.unrelated");
  });
});


describe("relevance.execution-as-output in a table with only 二级 labels (corpus 03, 河北)", () => {
  const grid = (name: string) =>
    gridFromRows("Sheet1", [
      ["评价内容", "指标名称", "目标值", "分值"],
      ["产出数量指标", "享受资助人数", "≥2100人", 50],
      [null, name, "≥95%", 20],
      ["服务对象满意度指标", "资助对象满意度", "≥95%", 30],
    ]);
  it("positive: 资金支出率 under 产出数量指标", () => {
    expectFinding(run(grid("资金支出率")), "relevance.execution-as-output", { cell: "B3", quoted: "资金支出率" });
  });
  it("negative: an output rate there", () => {
    expectNone(run(grid("资助对象覆盖率")), "relevance.execution-as-output");
  });
});
