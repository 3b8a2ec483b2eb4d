/**
 * The findings list's logic: counts and the severity filter, repeats collapsed into entries,
 * grouping by severity (errors first) or by table, navigation order, reselection after a change,
 * and the entry for a cell the user selects in the sheet.
 */
import { validate } from "../../src/core/engine";
import { CATEGORIES, SEVERITIES, type Finding } from "../../src/core/finding";
import {
  collapseFindings,
  entryAtCell,
  entryOf,
  entryOrder,
  groupEntries,
  keysOf,
  repeatSentence,
  reselectEntry,
  severityFilter,
  stepEntry,
  type Entry,
} from "../../src/taskpane/state/entries";
import { ALL_FILTERS, applyFilters, countBySeverity, findingId, tableLabels } from "../../src/taskpane/state/findings";
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

const members = (e: Entry) => e.members.map((m) => m.cell);

describe("entries on seed 000 (stacked, 17 tables)", () => {
  let report: ReturnType<typeof validate>;
  beforeAll(async () => {
    report = validate(await loadExampleGrids("seed000-stacked.xlsx"));
  });

  it("counts by severity and filters by one severity", () => {
    const c = countBySeverity(report.findings);
    expect(c.error + c.warning + c.info).toBe(report.findings.length);
    const errors = applyFilters(report.findings, { severities: ["error"], categories: [] });
    expect(errors).toHaveLength(c.error);
    expect(severityFilter({ severities: ["error"], categories: [] })).toBe("error");
    expect(severityFilter(ALL_FILTERS)).toBeNull();
    expect(applyFilters(report.findings, ALL_FILTERS)).toHaveLength(report.findings.length);
  });

  it("groups by severity, errors first, then by category; every finding is in exactly one entry", () => {
    const groups = groupEntries(report.findings, report.tables, "severity");
    expect(groups.map((g) => g.severity)).toEqual(SEVERITIES.filter((s) => report.findings.some((f) => f.severity === s)));
    expect(groups[0].severity).toBe("error");
    const order = entryOrder(groups);
    const all = order.flatMap((e) => e.members.map(findingId));
    expect(all).toHaveLength(report.findings.length);
    expect(new Set(all).size).toBe(report.findings.length);
    for (const g of groups) {
      const cats = g.categories.map((c) => CATEGORIES.indexOf(c.category));
      expect(cats).toEqual([...cats].sort((a, b) => a - b));
      for (const c of g.categories) for (const e of c.entries) expect([e.severity, e.category]).toEqual([g.severity, c.category]);
      expect(g.count).toBe(g.categories.reduce((n, c) => n + c.count, 0));
    }
    // the first entries are the errors
    const firstWarning = order.findIndex((e) => e.severity !== "error");
    expect(order.slice(0, firstWarning).every((e) => e.severity === "error")).toBe(true);
    expect(firstWarning).toBeGreaterThan(0);
  });

  it("collapses the money unit missing in all 17 tables into one entry", () => {
    const entries = collapseFindings(report.findings);
    const unit = entries.filter((e) => e.lead.rule === "budget-sum.unit-undeclared");
    expect(unit).toHaveLength(1);
    expect(unit[0].members).toHaveLength(17);
    expect(unit[0].tables).toHaveLength(17);
    expect(unit[0].kind).toBe("repeat");
  });

  it("collapses one shifted block (一级 in B, 二级 in C and A on adjacent rows) into one entry", () => {
    const entries = collapseFindings(report.findings);
    const block = entries.find((e) => e.lead.rule === "structure.label-misplaced")!;
    expect(members(block)).toEqual(["B72", "C72", "A73", "A74", "A75"]);
    expect(block.kind).toBe("block");
    expect(entries.filter((e) => e.lead.rule === "structure.label-misplaced")).toHaveLength(1);
  });

  it("groups by table keep each table's own entries (no repeat across tables)", () => {
    const groups = groupEntries(report.findings, report.tables, "table");
    const tableOrder = report.tables.map((t) => t.id);
    const seen = groups.filter((g) => g.table).map((g) => tableOrder.indexOf(g.table as string));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    for (const g of groups) for (const c of g.categories) for (const e of c.entries) expect(new Set(e.members.map((m) => m.table)).size).toBe(1);
    const first = report.tables.find((t) => t.id === groups[0].table)!;
    expect(groups[0].name).toBe(tableName(first));
    expect(groups[0].name).not.toMatch(/绩效目标表/);
    expect(entryOrder(groups).reduce((n, e) => n + e.members.length, 0)).toBe(report.findings.length);
  });
});

describe("entries on seed 001 (半年/全年 columns) and seed 002", () => {
  it("one entry for a cost written ≥ in both the half-year and the full-year column, errors first", async () => {
    const report = validate(await loadExampleGrids("seed001.xlsx"));
    const order = entryOrder(groupEntries(report.findings, report.tables, "severity"));
    expect(order[0].severity).toBe("error");
    expect(order[0].lead.rule).toBe("cost.direction");
    const costs = order.filter((e) => e.lead.rule === "cost.direction");
    expect(costs.map(members)).toContainEqual(["D41", "E41"]);
    expect(costs.every((e) => e.kind === "periods" && e.members.length === 2 && e.members[0].row === e.members[1].row)).toBe(true);
  });

  it("does not collapse different sentences (different indicators, amounts)", async () => {
    const report = validate(await loadExampleGrids("seed002.xlsx"));
    const entries = collapseFindings(report.findings);
    for (const e of entries) {
      const sentences = new Set(e.members.map(repeatSentence));
      if (e.kind === "repeat") expect(sentences.size).toBe(1);
    }
    // the budget against plan sums differ by amount: four entries
    expect(entries.filter((e) => e.lead.rule === "budget-sum.plan-text").length).toBe(report.findings.filter((f) => f.rule === "budget-sum.plan-text").length);
  });
});

describe("navigation over entries", () => {
  const a = finding({ key: "a", cell: "A1", message: "甲" });
  const b = finding({ key: "b", cell: "B1", message: "乙" });
  const c = finding({ key: "c", cell: "C1", message: "丙" });
  const [ea, eb, ec] = collapseFindings([a, b, c]);
  const order = [ea, eb, ec];

  it("steps forward and back, wrapping around, starting at the ends", () => {
    expect(stepEntry(order, undefined, 1)).toBe(ea);
    expect(stepEntry(order, undefined, -1)).toBe(ec);
    expect(stepEntry(order, ea.id, 1)).toBe(eb);
    expect(stepEntry(order, ec.id, 1)).toBe(ea);
    expect(stepEntry(order, ea.id, -1)).toBe(ec);
    expect(stepEntry([], undefined, 1)).toBeUndefined();
    expect(stepEntry(order, "gone", 1)).toBe(ea);
  });

  it("after a fix, keeps the selection on the entry that now stands in its place (the one before when it was last)", () => {
    expect(reselectEntry(order, order, eb.id)).toBe(eb.id);
    expect(reselectEntry(order, [ea, ec], eb.id)).toBe(ec.id);
    expect(reselectEntry(order, [ea, eb], ec.id)).toBe(eb.id);
    expect(reselectEntry(order, [], ea.id)).toBeUndefined();
  });

  it("after one member of an entry goes, the entry holding the others stays selected", () => {
    const x = finding({ key: "x", rule: "cost.direction", table: "T", indicator: "物业费", row: 5, cell: "D5", message: "≥20" });
    const y = finding({ key: "y", rule: "cost.direction", table: "T", indicator: "物业费", row: 5, cell: "E5", message: "≥60" });
    const [both] = collapseFindings([x, y]);
    const [onlyY] = collapseFindings([y]);
    expect(reselectEntry([both], [onlyY], both.id)).toBe(onlyY.id);
  });

  it("a cell selected in the sheet picks its entry, keeping the current one when it shares the cell", () => {
    const twoOnB = finding({ key: "b2", cell: "B1", message: "又一条", rule: "relevance.x" });
    const es = collapseFindings([a, b, twoOnB, c]);
    expect(entryAtCell(es, "S", "B1")?.lead.key).toBe("b");
    expect(entryAtCell(es, "S", "B1", entryOf(es, twoOnB)!.id)?.lead.key).toBe("b2");
    expect(entryAtCell(es, "S", "Z9")).toBeUndefined();
    expect(entryAtCell(es, "Other", "B1")).toBeUndefined();
  });

  it("knows the group and category block of an entry (to expand them when it is selected)", () => {
    const groups = groupEntries([a, b], [], "severity");
    expect(keysOf(groups, collapseFindings([a])[0].id)).toEqual(["info", "info/vague"]);
    expect(entryOrder(groups, new Set(["info/vague"]))).toEqual([]);
  });

  it("findings of one rule on one cell are told apart by their message", () => {
    const x = finding({ key: "same", message: "one" });
    const y = finding({ key: "same", message: "two" });
    expect(findingId(x)).not.toBe(findingId(y));
  });

  it("puts findings without a table after the tables, one group per sheet", () => {
    const groups = groupEntries([finding({ key: "x", sheet: "Other" }), finding({ key: "y", sheet: "Other", category: "structure", message: "n" })], [], "table");
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
    expect(groupEntries(report.findings, report.tables, "table").map((g) => g.name)).toEqual(["宣传费", "培训费"]);
  });

  it("two tables of the same project are told apart by their sheet, then by where they are", () => {
    const report = validate([table("表一", "宣传费"), table("表二", "宣传费"), table("表三", "培训费")]);
    expect(groupEntries(report.findings, report.tables, "table").map((g) => g.name)).toEqual(["宣传费 — 表一", "宣传费 — 表二", "培训费"]);
    const stacked: Grid = { ...table("表一", "宣传费"), cells: [...table("表一", "宣传费").cells, [null], [null], ...table("表一", "宣传费").cells] };
    const labels = tableLabels(validate([stacked]).tables);
    expect([...labels.values()]).toEqual(["宣传费 — 表一!A1:D5", "宣传费 — 表一!A8:D12"]);
  });

  it("a table without a project is named by its title, then by its sheet", () => {
    const report = validate([table("表一", null, "宣传费项目绩效目标表"), table("表二", null, "")]);
    expect([...tableLabels(report.tables).values()]).toEqual(["宣传费项目绩效目标表", "表二"]);
  });
});
