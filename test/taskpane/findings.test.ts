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
  tableTitle,
  toggle,
} from "../../src/taskpane/state/findings";
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
    // the first table's title is its title row
    expect(groups[0].title).toBe(tableTitle(report.tables.find((t) => t.id === groups[0].table)!));
    expect(groups[0].title).toMatch(/绩效目标表/);
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
    expect(groups[0].title).toBe("Other");
    expect(groups[0].categories.map((c) => c.category)).toEqual(["structure", "vague"]);
  });
});
