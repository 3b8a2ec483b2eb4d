/** placeholder: template text left in place of a real value or name. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("placeholder.value", () => {
  it.each(["n", "n%", "XX", "××", "**", "待定", "是"])("positive: %s left as the target (seed 002 住房公积金管理系统维护费)", (v) => {
    const rows = withCells(cleanRows("four-goal"), 4, { 3: v });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "placeholder.value", { cell: t.cell(4, "value"), quoted: ["发放工资人数", v] });
  });
  it("positive: a workbook's own placeholder word from the configuration", () => {
    const rows = withCells(cleanRows("four-goal"), 4, { 3: "（填数）" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid, { placeholderWords: ["（填数）"] }), "placeholder.value", { cell: t.cell(4, "value"), quoted: "（填数）" });
  });
  it("negative: 是 or 否 answering a yes/no indicator (corpus 31: 项目预算资金是否被核减 | 是/否 | 否)", () => {
    const grid = gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "计量单位", "指标值"],
      ["产出指标", "质量指标", "项目预算资金是否被核减", "是/否", "否"],
      ["产出指标", "质量指标", "开展预算编报考评", "是/否", "是"],
      ["产出指标", "质量指标", "资料归档", "", "是/否"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "%", "≥90"],
    ]);
    const found = findingsOf(run(grid), "placeholder.value").map((f) => f.cell);
    // the template's 是/否 prompt itself is still a placeholder
    expect(found).toEqual(["E4"]);
  });
  it("negative: real targets, words such as 及时 and 健全 included", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "placeholder.value");
  });
});

describe("placeholder.text", () => {
  it("positive: an indicator named 待定", () => {
    const rows = withCells(cleanRows("common"), 1, { 2: "待定" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "placeholder.text", { cell: t.cell(1, "level3"), quoted: "待定" });
  });
  it("positive: a project called XX项目", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { project: "XX项目" }));
    expectFinding(run(t.grid), "placeholder.text", { cell: t.valueOf("项目名称"), quoted: "XX项目" });
  });
  it("negative: real names", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "placeholder.text");
  });
});

describe("placeholder.text: a template's prompt left in a name (corpus 16, 宁夏)", () => {
  const grid = (name: string) =>
    gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "质量指标 (必填)", name, "85%"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]);
  it("positive: 苗木成活率(≥**%) keeps the template's (≥**%)", () => {
    expectFinding(run(grid("苗木成活率(≥**%)")), "placeholder.text", { cell: "C2", quoted: ["苗木成活率(≥**%)", "(≥**%)"], says: [/填写提示/] });
  });
  it("negative: a note in brackets that is no prompt", () => {
    expectNone(run(grid("苗木成活率(造林当年)")), "placeholder.text");
  });
});

describe("placeholder.template-text", () => {
  const grid = (goalDone: string, sample: string | null) =>
    gridFromRows("Sheet1", [
      ["部门预算项目支出绩效自评表(2023年度)"],
      ["项目名称", "工资性支出"],
      ["项目年度目标", "保障工资及时、足额发放", "年度目标完成情况", goalDone],
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "发放覆盖率", "=100%", "100%", 90, 90],
      [null, null, sample, null, null, null, null],
    ]);
  it("positive: the template's instruction left as the content (corpus self-evaluation 01) and its …… sample row (02)", () => {
    const r = run(grid("对照年度目标,说明相关任务目标的完成情况(100字以内)", "……"));
    expectFinding(r, "placeholder.template-text", { cell: "D3", says: [/填写说明/] });
    expectFinding(r, "placeholder.template-text", { cell: "C6", quoted: "……", says: [/示例行/] });
  });
  it("negative: the unit's own text", () => {
    expectNone(run(grid("工资按月足额发放，社保按时缴纳。", null)), "placeholder.template-text");
  });
});
