/**
 * The pane's controller on issue 14's points, against the memory host: a cell selected in the sheet
 * selects its entry; the workbook's money unit setting; the change history (undo after a re-check,
 * not after the user edited the cells); 指标库's target table follows the active cell and sheet;
 * the hint that other sheets hold tables; preferences kept on this computer.
 */
import { newTableGrid } from "../../src/core/library/newTable";
import { BUILTIN_LIBRARY } from "../../src/core/library/data";
import { planInsertion } from "../../src/core/library/insert";
import { recommendForTable } from "../../src/core/library/recommend";
import { MemoryHost, MemoryWorkbook } from "../../src/host/memory";
import { templatesForNewTable } from "../../src/taskpane/state/library";
import { ALL_FILTERS } from "../../src/taskpane/state/findings";
import { memoryPrefs } from "../../src/taskpane/state/prefs";
import { PaneSession, targetTable } from "../../src/taskpane/state/session";
import { loadExampleGrids } from "../helpers/examples";

const noYield = () => Promise.resolve();

/** Move the clock on: a user's edit comes after the echo of Jixiao's own write. */
function later(ms: number): void {
  const now = Date.now() + ms;
  jest.spyOn(Date, "now").mockReturnValue(now);
}

afterEach(() => jest.restoreAllMocks());

async function setup(file: string, options: { scope?: "active" | "all"; prefs?: ReturnType<typeof memoryPrefs> } = {}) {
  const grids = await loadExampleGrids(file);
  const host = MemoryHost.fromGrids(grids);
  const session = new PaneSession(host, { yieldToUi: noYield, scope: options.scope ?? "all", prefs: options.prefs ?? memoryPrefs() });
  await session.start();
  return { grids, host, session, original: host.snapshot() };
}

describe("a cell selected in the sheet selects its entry", () => {
  it("clicking a marked cell selects the entry holding its finding, and expands its group", async () => {
    const { host, session } = await setup("seed000-stacked.xlsx");
    await session.validate();
    const f = session.getState().report!.findings.find((x) => x.rule === "structure.label-misplaced" && x.cell === "A74")!;
    session.toggleCollapsed("warning", true);
    await host.selectCell(f.sheet, f.cell);
    const s = session.getState();
    const entry = session.entryFor(f)!;
    expect(s.selectedId).toBe(entry.id);
    expect(entry.members.map((m) => m.cell)).toEqual(["B72", "C72", "A73", "A74", "A75"]);
    expect(s.selectedCell).toEqual({ sheet: f.sheet, cell: "A74" });
    expect(s.collapsed).not.toContain("warning");
    expect(s.revealSerial).toBeGreaterThan(0);
    // a cell without a finding leaves the selection alone
    await host.selectCell(f.sheet, "H1");
    expect(session.getState().selectedId).toBe(entry.id);
    expect(session.getState().activeCell).toEqual({ sheet: f.sheet, cell: "H1" });
  });

  it("a marked cell whose finding the count buttons hide shows it: every severity is shown again", async () => {
    const { host, session } = await setup("seed000-stacked.xlsx");
    await session.validate();
    session.setFilters({ severities: ["error"], categories: [] });
    const f = session.getState().report!.findings.find((x) => x.rule === "budget-sum.unit-undeclared" && x.cell === "C186")!;
    await host.selectCell(f.sheet, f.cell);
    const s = session.getState();
    expect(s.filters).toEqual(ALL_FILTERS);
    expect(s.selectedId).toBe(session.entryFor(f)!.id);
    // a cell without a finding changes no filter
    session.setFilters({ severities: ["error"], categories: [] });
    await host.selectCell(f.sheet, "H1");
    expect(session.getState().filters.severities).toEqual(["error"]);
  });

  it("the pane's own selection (a finding's cell) does not switch to another entry on the same cell", async () => {
    const { session } = await setup("seed001.xlsx");
    await session.validate();
    const report = session.getState().report!;
    // E43 holds cost.direction (error) and cost.text-amount (info)
    const info = report.findings.find((x) => x.rule === "cost.text-amount")!;
    await session.select(info);
    expect(session.getState().selectedId).toBe(session.entryFor(info)!.id);
  });
});

describe("Jixiao's own selection, reported late (as Excel does)", () => {
  it("after a fix, the event for the changed cell does not move the list to another finding on that cell", async () => {
    const grids = await loadExampleGrids("seed001.xlsx");
    const host = MemoryHost.fromGrids(grids);
    const direct = host.onSelectionChanged.bind(host);
    host.onSelectionChanged = (handler) => direct((sel) => void setTimeout(() => handler(sel), 0));
    const session = new PaneSession(host, { yieldToUi: noYield, scope: "all", prefs: memoryPrefs() });
    await session.start();
    await session.validate();
    const e43 = session.getState().report!.findings.find((f) => f.rule === "cost.direction" && f.cell === "E43")!;
    await session.select(e43);
    await new Promise((r) => setTimeout(r, 5));
    await session.applyFix(e43);
    await new Promise((r) => setTimeout(r, 5));
    const s = session.getState();
    // E43 still holds cost.text-amount; the list stays on the entry of D43 (the pair's other half)
    expect(s.report!.findings.some((f) => f.cell === "E43" && f.rule === "cost.text-amount")).toBe(true);
    const entry = session.visibleEntries().find((e) => e.id === s.selectedId)!;
    expect(entry.members.map((m) => m.cell)).toEqual(["D43"]);
    // a click by the user afterwards is the user's
    await host.selectCell("01 住房公积金管理业务费用", "E43");
    await new Promise((r) => setTimeout(r, 5));
    expect(session.visibleEntries().find((e) => e.id === session.getState().selectedId)!.lead.rule).toBe("cost.text-amount");
    session.dispose();
  });
});

describe("money unit of the workbook (the CLI's moneyUnit)", () => {
  it("with 万元 set, the 17 missing-unit warnings go, the setting is stored in the workbook, and clearing it brings them back", async () => {
    const { host, session } = await setup("seed000-stacked.xlsx");
    await session.validate();
    const count = () => session.getState().report!.findings.filter((f) => f.rule === "budget-sum.unit-undeclared").length;
    expect(count()).toBe(17);
    await session.updateSettings({ moneyUnit: "万元" });
    expect(count()).toBe(0);
    expect((await host.loadSettings()).moneyUnit).toBe("万元");
    const again = new PaneSession(host, { yieldToUi: noYield, scope: "all", prefs: memoryPrefs() });
    await again.start();
    await again.validate();
    expect(again.getState().report!.findings.filter((f) => f.rule === "budget-sum.unit-undeclared")).toHaveLength(0);
    await session.updateSettings({ moneyUnit: undefined });
    expect(count()).toBe(17);
    expect((await host.loadSettings()).moneyUnit).toBeUndefined();
  });
});

describe("change history", () => {
  it("fixes both value columns of one entry as one change, and undoes them together", async () => {
    const { host, session, original } = await setup("seed001.xlsx");
    await session.validate();
    const entry = session.visibleEntries().find((e) => e.lead.rule === "cost.direction")!;
    expect(entry.members).toHaveLength(2);
    await session.select(entry.lead);
    expect(await session.applyFixes(entry.members)).toBe(true);
    const s = session.getState();
    expect(s.history).toHaveLength(1);
    expect(s.history[0].kind === "fix" && s.history[0].changes.map((c) => c.cell)).toEqual(entry.members.map((m) => m.cell));
    expect(s.report!.findings.some((f) => f.rule === "cost.direction" && entry.members.some((m) => m.cell === f.cell))).toBe(false);
    // the next entry is selected in the list
    expect(s.selectedId).toBeDefined();
    expect(s.selectedId).not.toBe(entry.id);
    expect(await session.undo(s.history[0].id)).toBe(true);
    await session.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });

  it("an insertion can still be undone after 重新校验, and clearing the marks says the rows are still there", async () => {
    const { host, session, original } = await setup("seed000-stacked.xlsx");
    await session.validate();
    const table = session.getState().report!.tables[0];
    const fresh = recommendForTable(table, BUILTIN_LIBRARY).templates.filter((x) => !x.present).slice(0, 1).map((x) => x.template);
    await session.insertRows(planInsertion(table, fresh).requests);
    const id = session.getState().history[0].id;
    await session.validate();
    await session.validate();
    expect(session.getState().history.map((h) => h.id)).toEqual([id]);
    await session.clearMarks();
    expect(session.getState().notice).toMatchObject({ key: "validate.clearedWithChanges", params: { n: 1 } });
    expect(await session.undo(id)).toBe(true);
    await session.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });

  it("a change whose cells the user edited since is no longer offered for undo", async () => {
    const { host, session } = await setup("seed000-stacked.xlsx");
    await session.validate();
    const f = session.getState().report!.findings.find((x) => x.fix && !x.fix.confirm)!;
    await session.applyFix(f);
    expect(session.getState().history[0].edited).toBe(false);
    // Jixiao's own write is expected to echo for a few seconds; the user edits later
    later(4000);
    host.userEdit(f.fix!.sheet, "A1", "别处的修改");
    expect(session.getState().history[0].edited).toBe(false);
    host.userEdit(f.fix!.sheet, f.fix!.cell, "用户自己的值");
    expect(session.getState().history[0].edited).toBe(true);
    session.dispose();
  });

  it("ignoring an entry ignores all its members, and the notice can take it back", async () => {
    const { session } = await setup("seed000-stacked.xlsx");
    await session.validate();
    const entry = session.visibleEntries().find((e) => e.lead.rule === "budget-sum.unit-undeclared")!;
    await session.ignoreMany(entry.members, "单位为万元，已与财政局确认");
    let s = session.getState();
    expect(s.report!.ignored).toHaveLength(17);
    expect(s.notice).toMatchObject({ key: "finding.ignoredMany", params: { n: 17 }, place: "list" });
    await session.undoIgnore();
    s = session.getState();
    expect(s.report!.ignored).toHaveLength(0);
    expect(s.settings.ignored).toHaveLength(0);
  });
});

describe("指标库's target table", () => {
  it("follows the active cell and sheet; a pick holds until the selection moves", async () => {
    const { host, session } = await setup("seed000.xlsx");
    await session.validate();
    const tables = session.getState().report!.tables;
    expect(tables.length).toBe(17);
    const target = () => targetTable(tables, session.getState());
    // the first sheet is active at start
    expect(target()?.table.id).toBe(tables[0].id);
    const seventh = tables[6];
    await host.selectCell(seventh.sheet, "A1");
    expect(target()).toMatchObject({ by: "cell" });
    expect(target()?.table.id).toBe(seventh.id);
    session.pickTable(tables[2].id);
    expect(target()).toMatchObject({ by: "picked", table: { id: tables[2].id } });
    await host.selectCell(seventh.sheet, "C5");
    expect(target()?.table.id).toBe(seventh.id);
    // outside every table on that sheet: the sheet's table
    await host.selectCell(seventh.sheet, "Z200");
    expect(target()).toMatchObject({ by: "sheet", table: { id: seventh.id } });
  });

  it("after a new table is made, it is the target; an unchecked sheet has none", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    const host = new MemoryHost(wb);
    const session = new PaneSession(host, { yieldToUi: noYield, prefs: memoryPrefs() });
    await session.start();
    expect(targetTable([], session.getState())).toBeUndefined();
    const name = "智慧校园信息化运维项目";
    const table = newTableGrid({ framework: "common", projectName: name, templates: templatesForNewTable(BUILTIN_LIBRARY, "it-maintenance", "common"), moneyUnit: "万元" });
    // the name already ends in 项目: the title does not say 项目项目
    expect(table.cells[0][0]).toBe("智慧校园信息化运维项目绩效目标表");
    await session.createTable(table, 4);
    const s = session.getState();
    expect(targetTable(s.report!.tables, s)?.table.sheet).toBe(name);
    // the empty goal is reported on the empty 绩效目标 cell, not on the project name
    const goal = s.report!.findings.find((f) => f.rule === "missing.goal")!;
    expect(goal.cell).toBe("B8");
    expect(s.report!.tables[0].projectName?.address).not.toBe(goal.cell);
  });
});

describe("the scope hint", () => {
  it("after checking the active sheet of seed 002, says that 11 more sheets hold tables; checking all says nothing", async () => {
    const { session } = await setup("seed002.xlsx", { scope: "active" });
    await session.validate();
    let s = session.getState();
    expect(s.report!.tables).toHaveLength(1);
    expect(s.others).toEqual({ sheets: 11, withTables: 11, tables: 11 });
    await session.validateAll();
    s = session.getState();
    expect(s.scope).toBe("all");
    expect(s.report!.tables).toHaveLength(12);
    expect(s.others).toBeNull();
  });

  it("a sheet without a table beside sheets with tables", async () => {
    const grids = await loadExampleGrids("seed002.xlsx");
    const host = MemoryHost.fromGrids([{ sheet: "说明", origin: { row: 1, col: 1 }, cells: [["填表说明"]] }, ...grids.slice(0, 2)]);
    const session = new PaneSession(host, { yieldToUi: noYield, prefs: memoryPrefs() });
    await session.start();
    await session.validate();
    expect(session.getState().report!.tables).toHaveLength(0);
    expect(session.getState().others).toEqual({ sheets: 2, withTables: 2, tables: 2 });
  });
});

describe("the scope hint in a workbook of many sheets", () => {
  it("past 100 other sheets, says how many without reading them", async () => {
    const grids = await loadExampleGrids("seed002.xlsx");
    const many = Array.from({ length: 101 }, (_, i) => ({ sheet: `附表${i + 1}`, origin: { row: 1, col: 1 }, cells: [["说明"]] }));
    const host = MemoryHost.fromGrids([grids[0], ...many]);
    const reads: string[] = [];
    const readSheets = host.readSheets.bind(host);
    host.readSheets = (sel, progress) => (reads.push(sel.kind), readSheets(sel, progress));
    const session = new PaneSession(host, { yieldToUi: noYield, prefs: memoryPrefs() });
    await session.start();
    await session.validate();
    expect(session.getState().others).toEqual({ sheets: 101, withTables: -1, tables: -1 });
    expect(reads).toEqual(["active"]);
  });
});

describe("preferences on this computer", () => {
  it("the advice about marks, once dismissed, stays dismissed; the grouping is remembered", async () => {
    const prefs = memoryPrefs();
    const { session } = await setup("seed001.xlsx", { prefs });
    expect(session.getState().markAdviceDismissed).toBe(false);
    expect(session.getState().groupBy).toBe("severity");
    session.dismissMarkAdvice();
    session.setGroupBy("table");
    const { session: later } = await setup("seed001.xlsx", { prefs });
    expect(later.getState().markAdviceDismissed).toBe(true);
    expect(later.getState().groupBy).toBe("table");
  });
});
