/** copy-paste: the same indicator list reused across different projects of one workbook. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, stackTables, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";

describe("copy-paste.reused-indicators", () => {
  const outputs = (): ReturnType<typeof cleanRows> => {
    const rows = cleanRows("common");
    rows.splice(0, 1, ["产出指标", "数量指标", "宣传次数", "≥9次"], [null, null, "宣传册印制数量", "≥1000份"]);
    return rows;
  };
  it("positive: two projects of one workbook with the same output and benefit indicators, reported once on the later one", () => {
    const a = buildTableInfo(cleanSpec("common", { sheet: "01 宣传费", project: "宣传费", rows: outputs() }));
    const b = buildTableInfo(cleanSpec("common", { sheet: "02 大宗印刷费", project: "大宗印刷费", budget: 8, rows: withCells(outputs(), 4, { 3: "≤8万元" }) }));
    const r = run([a.grid, b.grid]);
    expectFinding(r, "copy-paste.reused-indicators", { cell: b.cell(0, "level3"), sheet: "02 大宗印刷费", quoted: ["大宗印刷费", "宣传费"], says: [/完全相同/] });
    expect(findingsOf(r, "copy-paste.reused-indicators")).toHaveLength(1);
  });
  it("negative: different projects with their own indicators; the same project stacked twice on a sheet", () => {
    const a = buildTable(cleanSpec("common", { sheet: "01", project: "宣传费", rows: outputs() }));
    const rows = cleanRows("four-goal");
    expectNone(run([a, buildTable(cleanSpec("four-goal", { sheet: "02", rows }))]), "copy-paste.reused-indicators");
    const { grid } = stackTables("部门预算绩效文本", [cleanSpec("common", { rows: outputs() }), cleanSpec("common", { rows: outputs() })]);
    const r = run(grid);
    expect(r.tables).toHaveLength(2);
    expectNone(r, "copy-paste.reused-indicators");
  });
});
