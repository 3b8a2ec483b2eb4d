/** unit: a quantitative value without a unit, a unit that does not fit the indicator, a unit column that disagrees. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("unit.missing", () => {
  it.each([
    ["按季宣传", "≥4"],
    ["目标人群覆盖率", "=100"],
    ["职工满意度", ">80"],
  ])("positive: %s %s (seed 002 郑煤分中心)", (name, v) => {
    const rows = withCells(cleanRows("four-goal"), 4, { 2: name, 3: v });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "unit.missing", { cell: t.cell(4, "value"), quoted: [name, v] });
  });
  it("positive: a number typed into the cell", () => {
    const rows = withCells(cleanRows("four-goal"), 4, { 3: 161 });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "unit.missing", { cell: t.cell(4, "value"), quoted: "161" });
  });
  it("negative: units written in the value, or in a 计量单位 column", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "unit.missing");
    const t = buildTable({
      template: "common",
      header: ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标值确定依据"],
      rows: [["产出指标", "数量指标", "按季宣传", "≥4", "次", "计划标准"]],
    });
    expectNone(run(t), "unit.missing");
  });
});

describe("unit.mismatch", () => {
  it("positive: a count in % (seed 002 采购设备、设施完成数 =100%)", () => {
    const rows = withCells(cleanRows("four-goal"), 4, { 2: "采购设备、设施完成数", 3: "=100%" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "unit.mismatch", { cell: t.cell(4, "value"), quoted: ["采购设备、设施完成数", "=100%"], says: [/是数量/] });
  });
  it("positive: a rate in 个, a cost in 次", () => {
    const rows = withCells(withCells(cleanRows("common"), 1, { 3: "≥3个" }), 3, { 3: "≤25次" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expectFinding(r, "unit.mismatch", { cell: t.cell(1, "value"), quoted: "≥3个", says: [/是比率/] });
    expectFinding(r, "unit.mismatch", { cell: t.cell(3, "value"), quoted: "≤25次", says: [/是成本指标/] });
  });
  it("positive: a 时效 indicator counted in 个", () => {
    const rows = withCells(cleanRows("common"), 2, { 3: "≥2个" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "unit.mismatch", { cell: t.cell(2, "value"), quoted: "≥2个", says: [/时效/] });
  });
  it("negative: counts in 人, rates in %, deadlines as dates, costs in 万元", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "unit.mismatch");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "unit.mismatch");
  });
});

describe("unit.column-mismatch", () => {
  const header = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标值确定依据"];
  it("positive: the value says % while the 计量单位 column says 人", () => {
    const t = buildTableInfo({ template: "common", header, rows: [["产出指标", "数量指标", "培训人数", "≥90%", "人", "计划标准"]] });
    expectFinding(run(t.grid), "unit.column-mismatch", { cell: t.cell(0, "value"), quoted: ["≥90%", "%", "人"] });
  });
  it("negative: the same unit, or the same unit spelled differently (百分比 / %)", () => {
    const t = buildTable({
      template: "common",
      header,
      rows: [
        ["产出指标", "数量指标", "培训人数", "≥90人", "人", "计划标准"],
        [null, "质量指标", "培训完成率", "≥90%", "百分比", "计划标准"],
      ],
    });
    expectNone(run(t), "unit.column-mismatch");
  });
});

describe("unit.missing and a unit written after the name (corpus 16, 宁夏)", () => {
  const grid = (name: string) =>
    gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", name, "80000"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]);
  it("negative: 实施营造林总面积(亩) | 80000 has its unit, 亩", () => {
    const r = run(grid("实施营造林总面积(亩)"));
    expectNone(r, "unit.missing");
    expect(r.tables[0].indicators[0].parsed?.unit).toBe("亩");
  });
  it("positive: without it the count has no unit", () => {
    expectFinding(run(grid("实施营造林总面积")), "unit.missing", { cell: "D2" });
  });
});
