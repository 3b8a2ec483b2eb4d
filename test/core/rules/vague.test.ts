/** vague: qualitative targets with nothing measurable. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";

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
  it("positive: 明显提高 as a benefit target (seed 000 预留奖励绩效工资)", () => {
    const rows = withCells(cleanRows("common"), 5, { 2: "提高工作积极性", 3: "明显提高" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "vague.qualitative", { cell: t.cell(5, "value"), quoted: ["提高工作积极性", "明显提高"] });
  });
  it("negative: numbers, and the standard answers of management blocks (充分, 规范, 健全)", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "vague.qualitative");
    expectNone(run(buildTable(cleanSpec("evaluation"))), "vague.qualitative");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "vague.qualitative");
  });
});
