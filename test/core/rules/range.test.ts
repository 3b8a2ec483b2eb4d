/** range: impossible or degenerate numbers, and weights that do not add up to 100. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { applyFix, expectFinding, expectNone, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("range.rate-above-100", () => {
  it("positive: a completion rate of 120%", () => {
    const rows = withCells(cleanRows("common"), 1, { 3: "≥120%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "range.rate-above-100", { cell: t.cell(1, "value"), quoted: ["宣传工作完成率", "≥120%"] });
  });
  it("negative: =100%, and a growth rate above 100% (增长率 can exceed it)", () => {
    const rows = withCells(withCells(cleanRows("common"), 1, { 3: "=100%" }), 5, { 2: "缴存人数增长率", 3: "≥120%" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "range.rate-above-100");
  });
});

describe("range.at-least-100", () => {
  it("positive: ≥100% (seed 000 审计工作完成率); the fix writes =100%", () => {
    const rows = withCells(cleanRows("common"), 1, { 2: "审计工作完成率", 3: "≥100%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "range.at-least-100", { cell: t.cell(1, "value"), quoted: ["审计工作完成率", "≥100%"] });
    expect(f.fix).toMatchObject({ cell: t.cell(1, "value"), value: "=100%", previous: "≥100%" });
    expectNone(run(applyFix(r, f)), "range.at-least-100");
  });
  it("positive: ≥ in the 运算符 column and 100 % in the value and unit columns; the fix changes the operator cell", () => {
    const t = buildTableInfo({
      template: "common",
      header: ["一级指标", "二级指标", "三级指标", "运算符", "指标值", "计量单位", "指标值确定依据"],
      rows: [["产出指标", "质量指标", "审计工作完成率", "≥", 100, "%", "计划标准"]],
    });
    const r = run(t.grid);
    const f = expectFinding(r, "range.at-least-100", { cell: t.cell(0, "value"), quoted: "≥100%" });
    expect(f.fix).toMatchObject({ cell: t.cell(0, "operator"), value: "=", previous: "≥" });
    expectNone(run(applyFix(r, f)), "range.at-least-100");
  });
  it("negative: =100% and ≥95%", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "range.at-least-100");
    expectNone(run(buildTable(cleanSpec("evaluation"))), "range.at-least-100");
  });
});

describe("range.negative", () => {
  it("positive: a negative count", () => {
    const rows = withCells(cleanRows("common"), 0, { 3: "≥-5次" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "range.negative", { cell: t.cell(0, "value"), quoted: ["宣传次数", "≥-5次"], says: [/下降/] });
  });
  it("negative: a decrease written as 下降2%", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "单位建筑面积能耗", 3: "下降2%" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "range.negative");
  });
});

describe("range.too-many-decimals", () => {
  it("positive: ≤0.0655%", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "个贷逾期率", 3: "≤0.0655%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "range.too-many-decimals", { cell: t.cell(5, "value"), quoted: "≤0.0655%" });
  });
  it("negative: ≤0.065%", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "个贷逾期率", 3: "≤0.065%" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "range.too-many-decimals");
  });
});

describe("range.satisfaction-low", () => {
  it("positive: a satisfaction target of 70%", () => {
    const rows = withCells(cleanRows("common"), 8, { 3: "≥70%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "range.satisfaction-low", { cell: t.cell(8, "value"), quoted: "≥70%" });
  });
  it("negative: ≥80% (seed 000 法律服务对象满意度)", () => {
    const rows = withCells(cleanRows("common"), 8, { 3: "≥80%" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "range.satisfaction-low");
  });
});

describe("range.weights-total", () => {
  const header = ["一级指标", "二级指标", "三级指标", "指标值", "权重", "指标值确定依据"];
  const rows = (w: number[]) => [
    ["产出指标", "数量指标", "宣传次数", "≥9次", w[0], "计划标准"],
    [null, "质量指标", "宣传工作完成率", "≥90%", w[1], "计划标准"],
    [null, "时效指标", "宣传完成时间", "2020年12月底前", w[2], "计划标准"],
    [null, "成本指标", "宣传总成本", "≤25万元", w[3], "计划标准"],
    ["效益指标", "社会效益指标", "政策知晓率", "≥80%", w[4], "计划标准"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", w[5], "计划标准"],
  ];
  it("positive: weights adding up to 90", () => {
    const t = buildTableInfo({ template: "common", header, rows: rows([20, 20, 10, 10, 20, 10]) });
    expectFinding(run(t.grid), "range.weights-total", { cell: `${"E"}${t.headerRow}`, says: [/合计为 90，应为 100/] });
  });
  it("negative: weights adding up to 100 (written as numbers or as text with 分)", () => {
    expectNone(run(buildTable({ template: "common", header, rows: rows([20, 20, 10, 20, 20, 10]) })), "range.weights-total");
    const text = rows([20, 20, 10, 20, 20, 10]).map((r) => r.map((c, i) => (i === 4 ? `${c}分` : c)));
    expectNone(run(buildTable({ template: "common", header, rows: text })), "range.weights-total");
  });
});

describe("range.weights-total with a weight kept for 预算执行率 (Sichuan exports)", () => {
  const grid = (kept: number | null, weights: number[]) =>
    gridFromRows("Sheet1", [
      ["绩效目标表"],
      ["单位信息:", "324001-市场监督管理局", "项目名称:", "食品安全工作经费"],
      ["预算执行率权重(%):", kept],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
      ["产出指标", "数量指标", "开展专项整治", "≥", "2", "次", weights[0]],
      ["效益指标", "社会效益指标", "食品安全抽检合格率", "≥", "98", "%", weights[1]],
      ["满意度指标", "服务对象满意度指标", "公众满意度", "≥", "90", "%", weights[2]],
    ]);
  it("positive: the kept weight left empty is reported on its empty cell", () => {
    expectFinding(run(grid(null, [50, 30, 10])), "range.weights-total", { cell: "B3", severity: "warning", says: [/预算执行率权重没有填写/, /应为 10/] });
  });
  it("positive: with the kept weight the indicators must make up the rest", () => {
    expectFinding(run(grid(10, [50, 30, 20])), "range.weights-total", { cell: "G4", says: [/合计为 100，加上预算执行率权重 10/] });
  });
  it("negative: 90 for the indicators and 10 kept for 预算执行率", () => {
    expectNone(run(grid(10, [50, 30, 10])), "range.weights-total");
  });
});
