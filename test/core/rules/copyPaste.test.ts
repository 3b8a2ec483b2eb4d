/** copy-paste: the same indicator list reused across different projects of one workbook. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, stackTables, withCells } from "../../helpers/tableBuilder";
import type { Grid } from "../../../src/core/grid";
import { loadCorpusGrids } from "../../helpers/examples";
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

describe("copy-paste.term-targets", () => {
  /** The grids with one cell (1-based sheet row and column) written anew. */
  const withCell = (grids: Grid[], row: number, col: number, value: string | number): Grid[] =>
    grids.map((g, k) => (k === 0 ? { ...g, cells: g.cells.map((line, r) => (r + g.origin.row === row ? line.map((v, c) => (c + g.origin.col === col ? value : v)) : line)) } : g));

  it("positive: the 中期 block side by side with the 年度 one, every target the same although the money is 284500 against 919万 (corpus 32, 东莞)", async () => {
    const grids = await loadCorpusGrids("targets/32_guangdong_dongguan_zhenjilianwanglu_TRUNCATED.xlsx");
    const r = run(grids);
    expectFinding(r, "copy-paste.term-targets", { cell: "D8", quoted: ["镇际联网路升级改造工程一期"], says: [/中期指标与年度指标逐项相同/, /5 项/] });
    expect(findingsOf(r, "copy-paste.term-targets")).toHaveLength(1);
  });

  it("positive: 长期 and 年度 tables stacked, the 年度 rows repeating the 长期 rows cell for cell (corpus 29, the copy cut short in its last row)", async () => {
    const r = run(await loadCorpusGrids("targets/29_hunan_ningxiang_batang_jichusheshi_TRUNCATED.xlsx"));
    expectFinding(r, "copy-paste.term-targets", { cell: "D20", quoted: ["镇域内基础设施建设"], says: [/8 项/] });
  });

  it("negative: the term's quantity set for the term (30 settlements, not the year's 3), the rates alike; a table with one term only", async () => {
    const grids = await loadCorpusGrids("targets/32_guangdong_dongguan_zhenjilianwanglu_TRUNCATED.xlsx");
    expectNone(run(withCell(grids, 8, 5, 30)), "copy-paste.term-targets");
    expectNone(run(buildTable(cleanSpec("common"))), "copy-paste.term-targets");
  });
});
