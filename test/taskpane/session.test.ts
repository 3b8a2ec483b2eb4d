/**
 * The pane's controller against the memory host: validate, navigate, fix and undo, ignore and
 * un-ignore, settings, cancel, clear — and the workbook is exactly as it was afterwards.
 */
import { validate } from "../../src/core/engine";
import type { Grid } from "../../src/core/grid";
import { HostError } from "../../src/host/types";
import { MemoryHost } from "../../src/host/memory";
import { PaneSession, patchGrid } from "../../src/taskpane/state/session";
import { findingId } from "../../src/taskpane/state/findings";
import { BUILTIN_LIBRARY } from "../../src/core/library/data";
import { planInsertion } from "../../src/core/library/insert";
import { recommendForTable } from "../../src/core/library/recommend";
import { loadExampleGrids } from "../helpers/examples";

const noYield = () => Promise.resolve();

async function setup(file = "seed000-stacked.xlsx") {
  const grids = await loadExampleGrids(file);
  const host = MemoryHost.fromGrids(grids);
  const session = new PaneSession(host, { yieldToUi: noYield });
  await session.start();
  return { grids, host, session, original: host.snapshot() };
}

describe("PaneSession on seed 000 (stacked)", () => {
  it("validates: the same findings as the engine, marks on the sheet, then clear restores the workbook", async () => {
    const { grids, host, session, original } = await setup();
    expect(await session.validate()).toBe(true);
    const s = session.getState();
    const expected = validate(grids, { lang: "zh" });
    expect(s.report?.findings.map((f) => f.key)).toEqual(expected.findings.map((f) => f.key));
    expect(s.report?.tables).toHaveLength(expected.tables.length);
    expect(s.marksShown).toBe(true);
    expect(s.busy).toBeNull();
    expect(host.marks().length).toBeGreaterThan(0);
    expect(host.snapshot()).not.toEqual(original);

    await session.clearMarks();
    expect(session.getState().marksShown).toBe(false);
    expect(session.getState().notice?.key).toBe("validate.cleared");
    expect(host.snapshot()).toEqual(original);
    // the list stays for navigation
    expect(session.getState().report?.findings.length).toBe(expected.findings.length);
  });

  it("selects the cell of a finding and steps through the list", async () => {
    const { host, session } = await setup();
    await session.validate();
    const first = await session.step(1);
    expect(first).toBeDefined();
    expect(host.view().selection).toEqual({ sheet: first!.sheet, address: first!.cell });
    const second = await session.step(1);
    expect(host.view().selection?.address).toBe(second!.cell);
    const back = await session.step(-1);
    expect(back).toBe(first);
    // wraps to the last
    const last = await session.step(-1);
    const order = session.visibleOrder();
    expect(last).toBe(order[order.length - 1]);
  });

  it("navigation follows the filters", async () => {
    const { session } = await setup();
    await session.validate();
    session.setFilters({ severities: ["error"], categories: [] });
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) seen.add((await session.step(1))!.severity);
    expect([...seen]).toEqual(["error"]);
  });

  it("applies a fix (the finding disappears), then undoes it (the workbook is as before)", async () => {
    const { host, session, original } = await setup();
    await session.validate();
    const before = session.getState().report!;
    const f = before.findings.find((x) => x.fix && !x.fix.confirm)!;
    expect(f).toBeDefined();
    await session.select(f);
    expect(await session.applyFix(f)).toBe(true);
    const s = session.getState();
    expect(s.report!.findings.some((x) => findingId(x) === findingId(f))).toBe(false);
    expect(s.report!.findings.length).toBeLessThan(before.findings.length);
    expect(s.notice).toMatchObject({ kind: "success", key: "finding.fixApplied", place: "list", historyId: s.history[0].id });
    expect(s.history.map((h) => h.kind)).toEqual(["fix"]);
    // the sheet shows the changed cell
    expect(host.view().selection).toEqual({ sheet: f.fix!.sheet, address: f.fix!.cell });
    // the value is in the workbook, and a fresh check agrees with the session's
    const grids = await host.readSheets({ kind: "all" });
    const fresh = validate(grids, { lang: "zh" });
    expect(s.report!.findings.map((x) => x.key)).toEqual(fresh.findings.map((x) => x.key));
    // our own write does not make the report stale
    expect(s.stale).toBe(false);
    // the selection moved on to the next finding
    expect(s.selectedId).toBeDefined();

    expect(await session.undoFix()).toBe(true);
    expect(session.getState().history).toHaveLength(0);
    expect(session.getState().report!.findings.map((x) => x.key)).toEqual(before.findings.map((x) => x.key));
    await session.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });

  it("refuses a fix when the cell changed since the check", async () => {
    const { host, session } = await setup();
    await session.validate();
    const f = session.getState().report!.findings.find((x) => x.fix)!;
    host.userEdit(f.sheet, f.cell, "something else");
    expect(session.getState().stale).toBe(true);
    expect(await session.applyFix(f)).toBe(false);
    expect(session.getState().notice).toMatchObject({ kind: "error", key: "error.conflict", params: { cell: f.cell } });
    // re-check clears the stale flag
    await session.validate();
    expect(session.getState().stale).toBe(false);
  });

  it("ignores with a reason stored in the workbook, survives a new session, and un-ignores", async () => {
    const { host, session } = await setup();
    await session.validate();
    const n = session.getState().report!.findings.length;
    const f = session.getState().report!.findings[0];
    await session.ignore(f, "  reviewed with the bureau  ");
    let s = session.getState();
    expect(s.report!.findings).toHaveLength(n - 1);
    expect(s.report!.ignored.map((x) => x.key)).toEqual([f.key]);
    expect(s.notice?.key).toBe("finding.ignored");
    const stored = await host.loadSettings();
    expect(stored.ignored).toEqual([{ key: f.key, reason: "reviewed with the bureau", at: expect.any(String) }]);

    // a colleague opens the workbook: the decision holds
    const other = new PaneSession(host, { yieldToUi: noYield });
    await other.start();
    await other.validate();
    expect(other.getState().report!.ignored.map((x) => x.key)).toEqual([f.key]);

    await session.unignore(f.key);
    s = session.getState();
    expect(s.report!.findings).toHaveLength(n);
    expect(s.report!.ignored).toHaveLength(0);
    expect((await host.loadSettings()).ignored).toEqual([]);
  });

  it("switches language: messages re-rendered in English, preference saved", async () => {
    const { host, session } = await setup();
    await session.validate();
    expect(session.getState().report!.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
    await session.setLang("en");
    expect(session.getState().lang).toBe("en");
    expect(session.getState().report!.findings[0].message).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect((await host.loadSettings()).lang).toBe("en");
  });

  it("turns rules off and overrides the framework through settings", async () => {
    const { session } = await setup();
    await session.validate();
    const rule = session.getState().report!.findings[0].rule;
    await session.updateSettings({ disabledRules: [rule] });
    expect(session.getState().report!.findings.some((f) => f.rule === rule)).toBe(false);
    await session.updateSettings({ frameworkOverride: { "*": "core-2021" } });
    expect(session.getState().report!.tables.every((t) => t.framework.id === "core-2021" && t.framework.overridden)).toBe(true);
  });

  it("cancelling a check keeps the previous result and marks", async () => {
    const { host, session } = await setup();
    await session.validate();
    const before = session.getState().report;
    const marks = host.marks();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new PaneSession(host, { yieldToUi: () => gate });
    await slow.start();
    (slow as unknown as { state: { report: unknown } }).state.report = before;
    const run = slow.validate();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(slow.getState().busy?.cancellable).toBe(true);
    slow.cancel();
    expect(slow.getState().busy).toBeNull();
    expect(slow.getState().notice?.key).toBe("validate.cancelled");
    release();
    expect(await run).toBe(false);
    expect(slow.getState().report).toBe(before);
    expect(host.marks()).toEqual(marks);
  });

  it("reports host errors as notices, never throws", async () => {
    const { host, session } = await setup();
    host.readSheets = () => Promise.reject(new HostError("office", "boom"));
    expect(await session.validate()).toBe(false);
    expect(session.getState().notice).toMatchObject({ kind: "error", key: "error.generic", params: { message: "boom" } });
    expect(session.getState().busy).toBeNull();
  });

  it("checks only the active sheet when asked", async () => {
    const { session } = await setup("seed000.xlsx");
    session.setScope("active");
    await session.validate();
    expect(session.getState().report!.tables).toHaveLength(1);
    session.setScope("all");
    await session.validate();
    expect(session.getState().report!.tables.length).toBeGreaterThan(1);
  });

  it("shows the teaching state's data for a sheet with no table", async () => {
    const host = MemoryHost.fromGrids([{ sheet: "Notes", origin: { row: 1, col: 1 }, cells: [["just a note"]] }]);
    const session = new PaneSession(host, { yieldToUi: noYield });
    await session.start();
    await session.validate();
    const r = session.getState().report!;
    expect(r.tables).toHaveLength(0);
    expect(r.sheetsWithoutTables).toEqual(["Notes"]);
  });
});

describe("PaneSession: re-check after edits", () => {
  const settle = async (session: PaneSession) => {
    await new Promise((r) => setTimeout(r, 40));
    for (let i = 0; i < 100 && session.getState().busy; i++) await new Promise((r) => setTimeout(r, 10));
  };

  async function seed002(options: { recheckDelayMs: number }) {
    const grids = await loadExampleGrids("seed002.xlsx");
    const host = MemoryHost.fromGrids(grids);
    const session = new PaneSession(host, { yieldToUi: noYield, scope: "all", ...options });
    await session.start();
    await session.validate();
    return { grids, host, session, original: host.snapshot() };
  }

  it("a moment after an edit, only the edited sheet is read again; its new problem is listed and marked", async () => {
    const { host, session } = await seed002({ recheckDelayMs: 5 });
    const report = session.getState().report!;
    const table = report.tables[3];
    const value = table.indicators[0].value!;
    const reads: unknown[] = [];
    const readSheets = host.readSheets.bind(host);
    host.readSheets = (sel, progress) => (reads.push(sel), readSheets(sel, progress));
    host.userEdit(table.sheet, value.address, "n%");
    host.userEdit(table.sheet, value.address, "XX"); // typing on: one re-check after the pause
    expect(session.getState().stale).toBe(true);
    await settle(session);
    expect(reads).toEqual([{ kind: "named", names: [table.sheet] }]);
    const s = session.getState();
    expect(s.stale).toBe(false);
    const found = s.report!.findings.find((f) => f.sheet === table.sheet && f.cell === value.address && f.rule === "placeholder.value");
    expect(found?.message).toContain("XX");
    expect(host.marks().some((m) => m.sheet === table.sheet && m.cell === value.address && m.severity === "error")).toBe(true);
    // the result is what a full check of the edited workbook gives
    await session.validate();
    expect(session.getState().report!.findings.map((f) => f.key)).toEqual(s.report!.findings.map((f) => f.key));
    session.dispose();
  });

  it("with automatic re-checks off, an edit only says the result is out of date", async () => {
    const { host, session } = await seed002({ recheckDelayMs: 5 });
    await session.updateSettings({ autoRecheck: false });
    const before = session.getState().report!;
    const value = before.tables[0].indicators[0].value!;
    host.userEdit(before.tables[0].sheet, value.address, "n%");
    await settle(session);
    expect(session.getState().stale).toBe(true);
    expect(session.getState().report!.findings.map((f) => f.key)).toEqual(before.findings.map((f) => f.key));
    session.dispose();
  });

  it("an edit on a sheet outside the checked scope changes nothing; dispose cancels a pending re-check", async () => {
    const grids = await loadExampleGrids("seed002.xlsx");
    const host = MemoryHost.fromGrids(grids);
    const session = new PaneSession(host, { yieldToUi: noYield, scope: "active", recheckDelayMs: 5 });
    await session.start();
    await session.validate();
    const checked = new Set(session.getState().report!.tables.map((t) => t.sheet));
    const other = grids.find((g) => !checked.has(g.sheet))!;
    host.userEdit(other.sheet, "A1", "改了别的表");
    expect(session.getState().stale).toBe(false);
    const mine = session.getState().report!.tables[0];
    host.userEdit(mine.sheet, mine.indicators[0].value!.address, "n%");
    session.dispose();
    await settle(session);
    expect(session.getState().stale).toBe(true);
    expect(session.getState().busy).toBeNull();
  });
});

describe("PaneSession: templates", () => {
  it("inserts a planned template into a seed table, re-checks, and undoes it exactly", async () => {
    const { host, session, original } = await setup();
    await session.validate();
    const table = session.getState().report!.tables[0];
    const rec = recommendForTable(table, BUILTIN_LIBRARY);
    const fresh = rec.templates.filter((x) => !x.present).slice(0, 2).map((x) => x.template);
    const plan = planInsertion(table, fresh);
    expect(plan.rows.length).toBeGreaterThan(0);
    const rowsBefore = host.workbook.usedRange(host.workbook.sheets[0], true)!.bottom;

    const results = await session.insertRows(plan.requests);
    expect(results).toHaveLength(plan.requests.length);
    let s = session.getState();
    expect(s.notice).toMatchObject({ kind: "success", key: "templates.inserted", params: { n: plan.rows.length }, place: "insert", historyId: s.history[0].id });
    // the sheet shows the first inserted row
    const top = results!.reduce((a, b) => (b.range.top < a.range.top ? b : a)).range;
    expect(host.view().selection?.address).toBe(`${String.fromCharCode(64 + top.left)}${top.top}`);
    expect(s.stale).toBe(false);
    expect(host.workbook.usedRange(host.workbook.sheets[0], true)!.bottom).toBe(rowsBefore + plan.rows.length);
    // the inserted indicators are in the re-checked table, and none of them is reported
    const after = s.report!.tables[0];
    for (const r of plan.rows) expect(after.indicators.some((i) => i.name?.text === r.template.name)).toBe(true);
    // (a value left blank for the user, e.g. a cost ceiling when the table names no money unit, is rightly reported)
    const inserted = new Set(plan.rows.filter((r) => r.value.text !== null).map((r) => r.row));
    expect(inserted.size).toBeGreaterThan(0);
    expect(s.report!.findings.filter((f) => f.sheet === table.sheet && inserted.has(f.row) && f.rule !== "copy-paste.same-list")).toEqual([]);

    expect(await session.undoInsert()).toBe(true);
    s = session.getState();
    expect(s.history).toHaveLength(0);
    expect(s.stale).toBe(false);
    await session.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });
});

describe("patchGrid", () => {
  it("writes inside the grid and grows it when the cell lies outside", () => {
    const g: Grid = { sheet: "S", origin: { row: 2, col: 2 }, cells: [["a", "b"]] };
    patchGrid([g], "S", "C2", "x");
    expect(g.cells).toEqual([["a", "x"]]);
    patchGrid([g], "S", "E4", 5);
    expect(g.cells[2][3]).toBe(5);
    patchGrid([g], "S", "A1", "top");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.cells[0][0]).toBe("top");
    expect(g.cells[1]).toEqual([null, "a", "x"]);
    patchGrid([g], "Missing", "A1", 1);
  });
});
