/** vague: qualitative targets with nothing measurable. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("vague.satisfaction", () => {
  it("positive: 缴存职工满意度 提高 (seed 001)", () => {
    const rows = withCells(cleanRows("evaluation"), 10, { 2: "缴存职工满意度", 3: "提高", 4: "提高" });
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    const r = run(t.grid);
    expectFinding(r, "vague.satisfaction", { cell: t.cell(10, "value"), quoted: ["缴存职工满意度", "提高"] });
    // the same word in both columns is reported once
    expect(findingsOf(r, "vague.satisfaction")).toHaveLength(1);
  });
  it("negative: ≥95%", () => {
    expectNone(run(buildTable(cleanSpec("evaluation"))), "vague.satisfaction");
  });
});

describe("vague.qualitative", () => {
  it("positive: a benefit that only answers yes or no (corpus 12: 项目实施是否产生经济价值 | 否), not a placeholder", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "项目实施是否产生经济价值", 3: "否" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "vague.qualitative", { cell: t.cell(5, "value"), quoted: ["项目实施是否产生经济价值", "否"] });
    expect(f.message).toContain("只回答了是或否");
    expectNone(r, "placeholder.value");
  });
  it("positive: 明显提高 as a benefit target (seed 000 预留奖励绩效工资)", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "提高工作积极性", 3: "明显提高" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "vague.qualitative", { cell: t.cell(5, "value"), quoted: ["提高工作积极性", "明显提高"] });
  });
  it("positive: a timeliness target that only says 及时 (seed 002 物业响应及时性) asks for a deadline or a rate", () => {
    const rows = withCells(cleanRows("common"), 2, { 2: "物业响应及时性", 3: "及时" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const f = expectFinding(run(t.grid), "vague.qualitative", { cell: t.cell(2, "value"), quoted: ["物业响应及时性", "及时"] });
    expect(f.message).toContain("建议写明完成时限（如“12月31日前”）或及时率（如 ≥95%）");
    expect(findingsOf(run(t.grid, { lang: "en" }), "vague.qualitative")[0].message).toContain("give a deadline (e.g. 12月31日前) or an on-time rate (e.g. ≥95%)");
    expect(f.severity).toBe("info");
  });
  it("negative: timeliness written as a deadline or a rate, and words that only start like 及时", () => {
    for (const v of ["12月31日前", "≥95%", "及时率≥95%", "=100%"]) {
      const rows = withCells(cleanRows("common"), 2, { 2: "物业响应及时性", 3: v });
      expectNone(run(buildTable(cleanSpec("common", { rows }))), "vague.qualitative");
    }
  });
  it("negative: numbers, and the standard answers of management blocks (充分, 规范, 健全)", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "vague.qualitative");
    expectNone(run(buildTable(cleanSpec("evaluation"))), "vague.qualitative");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "vague.qualitative");
  });
});

describe("vague.restates-name", () => {
  const grid = (rows: [string, string][]) =>
    gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...rows.map(([name, value], i) => [i === 0 ? "效益指标" : null, i === 0 ? "社会效益指标" : null, name, value]),
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]);
  it("positive: the name again, most of it, or its end (corpus self-evaluation 10, 安徽 霍邱)", () => {
    const r = run(grid([["带动农民增收", "农民增收"], ["巩固拓展脱贫攻坚成果", "巩固拓展脱贫攻坚成果"], ["科技特派员创业能力提升", "创业能力提升"]]));
    expect(findingsOf(r, "vague.restates-name").map((f) => f.cell)).toEqual(["D2", "D3", "D4"]);
    expectFinding(r, "vague.restates-name", { cell: "D2", quoted: ["带动农民增收", "农民增收"] });
    expect(findingsOf(r, "vague.restates-name")[0].message).toBe("指标“带动农民增收”的指标值“农民增收”只是重复了指标名称，没有说明要达到什么程度。");
    expect(findingsOf(run(grid([["带动农民增收", "农民增收"]]), { lang: "en" }), "vague.restates-name")[0].message).toContain("only repeats the name");
  });
  it("negative: a short answer, a number, a real qualitative target", () => {
    const r = run(grid([["预算编制合理性", "合理"], ["带动农民增收", "户均增收≥2000元"], ["群众生活条件改善", "新建道路3公里，惠及农户120户"]]));
    expectNone(r, "vague.restates-name");
  });
});
