/** The Validate view's list logic: counts, filters, grouping, navigation order, reselection. */
import { validate } from "../../src/core/engine";
import { CATEGORIES, type Finding } from "../../src/core/finding";
import {
  ALL_FILTERS,
  applyFilters,
  categoriesPresent,
  countBySeverity,
  displayOrder,
  findingId,
  groupFindings,
  isFiltered,
  positionOf,
  reselect,
  step,
  tableLabels,
  toggle,
} from "../../src/taskpane/state/findings";
import { tableName } from "../../src/core/readModel";
import type { Grid } from "../../src/core/grid";
import { loadExampleGrids } from "../helpers/examples";

function finding(over: Partial<Finding>): Finding {
  return {
    rule: "vague.qualitative",
    category: "vague",
    severity: "info",
    sheet: "S",
    cell: "A1",
    row: 1,
    col: 1,
    message: "m",
    key: `k-${Math.random()}`,
    ...over,
  };
}

describe("findings list on seed 000 (stacked)", () => {
  let report: ReturnType<typeof validate>;
  beforeAll(async () => {
    report = validate(await loadExampleGrids("seed000-stacked.xlsx"));
  });

  it("counts by severity and lists the categories present in vocabulary order", () => {
    const c = countBySeverity(report.findings);
    expect(c.error + c.warning + c.info).toBe(report.findings.length);
    expect(c.total).toBe(report.findings.length);
    const cats = categoriesPresent(report.findings).map((x) => x.category);
    expect(cats).toEqual(CATEGORIES.filter((k) => report.findings.some((f) => f.category === k)));
  });

  it("groups by table in table order, then by category, losing nothing", () => {
    const groups = groupFindings(report.findings, report.tables);
    const order = displayOrder(groups);
    expect(order).toHaveLength(report.findings.length);
    expect(new Set(order.map(findingId)).size).toBe(report.findings.length);
    const tableOrder = report.tables.map((t) => t.id);
    const seen = groups.filter((g) => g.table).map((g) => tableOrder.indexOf(g.table as string));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    for (const g of groups) {
      const cats = g.categories.map((c) => CATEGORIES.indexOf(c.category));
      expect(cats).toEqual([...cats].sort((a, b) => a - b));
      for (const c of g.categories) for (const f of c.findings) expect(f.category).toBe(c.category);
      expect(g.count).toBe(g.categories.reduce((n, c) => n + c.findings.length, 0));
    }
    // a table is named by its project (not by its form title, which many tables share)
    const first = report.tables.find((t) => t.id === groups[0].table)!;
    expect(groups[0].name).toBe(tableName(first));
    expect(groups[0].name).toBe(first.projectName?.text);
    expect(groups[0].name).not.toMatch(/绩效目标表/);
  });

  it("filters by severity and category", () => {
    const errors = applyFilters(report.findings, { severities: ["error"], categories: [] });
    expect(errors.length).toBe(countBySeverity(report.findings).error);
    expect(errors.every((f) => f.severity === "error")).toBe(true);
    const cat = report.findings[0].category;
    const byCat = applyFilters(report.findings, { severities: ["error", "warning", "info"], categories: [cat] });
    expect(byCat.every((f) => f.category === cat)).toBe(true);
    expect(isFiltered(ALL_FILTERS)).toBe(false);
    expect(isFiltered({ severities: ["error"], categories: [] })).toBe(true);
    expect(applyFilters(report.findings, ALL_FILTERS)).toHaveLength(report.findings.length);
  });
});

describe("navigation", () => {
  const a = finding({ key: "a", cell: "A1" });
  const b = finding({ key: "b", cell: "B1" });
  const c = finding({ key: "c", cell: "C1" });
  const order = [a, b, c];

  it("steps forward and back, wrapping around, starting at the ends", () => {
    expect(step(order, undefined, 1)).toBe(a);
    expect(step(order, undefined, -1)).toBe(c);
    expect(step(order, findingId(a), 1)).toBe(b);
    expect(step(order, findingId(c), 1)).toBe(a);
    expect(step(order, findingId(a), -1)).toBe(c);
    expect(step([], undefined, 1)).toBeUndefined();
    expect(step(order, "gone", 1)).toBe(a);
  });

  it("reports the position", () => {
    expect(positionOf(order, findingId(b))).toBe(2);
    expect(positionOf(order, undefined)).toBe(0);
    expect(positionOf(order, "gone")).toBe(0);
  });

  it("after a fix, keeps the selection on the finding that now stands in its place", () => {
    expect(reselect(order, order, findingId(b))).toBe(findingId(b));
    expect(reselect(order, [a, c], findingId(b))).toBe(findingId(c));
    expect(reselect(order, [a], findingId(c))).toBeUndefined();
    expect(reselect(order, [], findingId(a))).toBeUndefined();
  });

  it("findings of one rule on one cell are told apart by their message", () => {
    const x = finding({ key: "same", message: "one" });
    const y = finding({ key: "same", message: "two" });
    expect(findingId(x)).not.toBe(findingId(y));
  });

  it("toggles list members", () => {
    expect(toggle(["error", "info"], "info")).toEqual(["error"]);
    expect(toggle(["error"], "info")).toEqual(["error", "info"]);
  });

  it("puts findings without a table after the tables, one group per sheet", () => {
    const groups = groupFindings([finding({ key: "x", sheet: "Other" }), finding({ key: "y", sheet: "Other", category: "structure" })], []);
    expect(groups).toHaveLength(1);
    expect(groups[0].table).toBeNull();
    expect(groups[0].name).toBe("Other");
    expect(groups[0].categories.map((c) => c.category)).toEqual(["structure", "vague"]);
  });
});

describe("tables are named by their project", () => {
  /** A small target table under the form title every table of the workbook shares. */
  const table = (sheet: string, project: string | null, title = "2022年度项目支出绩效目标申报表"): Grid => ({
    sheet,
    origin: { row: 1, col: 1 },
    cells: [
      [title, null, null, null],
      project === null ? ["备注", "无", null, null] : ["项目名称", project, null, null],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人数", null],
      [null, "时效指标", "完成时间", "2022年12月31日前"],
    ],
  });

  it("two tables with the same title and different projects are grouped under their projects", () => {
    const report = validate([table("表一", "宣传费"), table("表二", "培训费")]);
    expect(report.tables.map((t) => t.title?.text)).toEqual(["2022年度项目支出绩效目标申报表", "2022年度项目支出绩效目标申报表"]);
    expect(groupFindings(report.findings, report.tables).map((g) => g.name)).toEqual(["宣传费", "培训费"]);
  });

  it("two tables of the same project are told apart by their sheet, then by where they are", () => {
    const report = validate([table("表一", "宣传费"), table("表二", "宣传费"), table("表三", "培训费")]);
    expect(groupFindings(report.findings, report.tables).map((g) => g.name)).toEqual(["宣传费 — 表一", "宣传费 — 表二", "培训费"]);
    const stacked: Grid = { ...table("表一", "宣传费"), cells: [...table("表一", "宣传费").cells, [null], [null], ...table("表一", "宣传费").cells] };
    const labels = tableLabels(validate([stacked]).tables);
    expect([...labels.values()]).toEqual(["宣传费 — 表一!A1:D5", "宣传费 — 表一!A8:D12"]);
  });

  it("a table without a project is named by its title, then by its sheet", () => {
    const report = validate([table("表一", null, "宣传费项目绩效目标表"), table("表二", null, "")]);
    expect([...tableLabels(report.tables).values()]).toEqual(["宣传费项目绩效目标表", "表二"]);
  });
});
