/** duplicate: the same 三级 indicator twice in one table. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";

describe("duplicate.indicator", () => {
  it("positive: 项目质量可控性 twice (seed 002 公积金信息专网及驻场服务费)", () => {
    const rows = cleanRows("four-goal");
    rows.splice(3, 0, [null, null, "项目质量可控性", "可控"], [null, null, "项目质量可控性", "可控"]);
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "duplicate.indicator", { cell: t.cell(4, "level3"), quoted: "项目质量可控性", says: [new RegExp(t.cell(3, "level3"))] });
  });
  it("negative: every indicator once", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "duplicate.indicator");
  });
});
