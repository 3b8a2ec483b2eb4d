/**
 * The WorkbookHost contract, one suite for every host: the memory host (playground, tests) and the
 * Excel host over the fake Excel object model with every documented behaviour on, on the web and
 * desktop profiles. The same cases run against each — read, mark, clear-and-compare, fix/undo,
 * insert/undo, new sheet/undo, settings, events — and where an operation changes the workbook, every
 * host must leave the very same workbook (snapshots compared across hosts).
 */
import type { CellValue } from "../../src/core/grid";
import { ExcelHost } from "../../src/host/excel/host";
import { MemoryHost } from "../../src/host/memory";
import { MemoryWorkbook, type WorkbookSnapshot } from "../../src/host/memory/workbook";
import { HostError, MARKS_KEY, SETTINGS_KEY, markSeverityOfFormula, type ChangeEvent, type Mark, type WorkbookHost } from "../../src/host/types";
import { FakeExcel, type FakePlatform } from "../fakes/excel";
import { addTargetTable, sampleWorkbook } from "../fakes/workbooks";

const SHEET = "绩效目标表";

interface Harness {
  host: WorkbookHost;
  wb: MemoryWorkbook;
  /** a person typing into a cell */
  userEdit(sheet: string, cell: string, value: CellValue): void;
  /** let the host's event handlers run */
  settle(): Promise<void>;
}

type Kind = "memory" | "excel-web" | "excel-desktop";
const KINDS: Kind[] = ["memory", "excel-web", "excel-desktop"];

async function harness(kind: Kind, wb: MemoryWorkbook = sampleWorkbook()): Promise<Harness> {
  if (kind === "memory") {
    const host = new MemoryHost(wb, { now: () => new Date("2026-01-02T03:04:05Z") });
    return { host, wb, userEdit: (s, c, v) => host.userEdit(s, c, v), settle: async () => undefined };
  }
  const fake = new FakeExcel(wb, { platform: kind.slice("excel-".length) as FakePlatform });
  const host = await ExcelHost.create(fake.api(), { debounceMs: 0, now: () => new Date("2026-01-02T03:04:05Z") });
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    await fake.flushEvents();
  };
  return { host, wb, userEdit: (s, c, v) => fake.userEdit(s, c, v), settle };
}

/** The severity each cell is marked with, from the workbook itself (conditional formats with Jixiao's formula). */
function markedCells(s: WorkbookSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of s.sheets) {
    for (const cf of sheet.conditionalFormats) {
      const sev = markSeverityOfFormula(cf.formula);
      if (!sev) continue;
      for (const r of cf.ranges) out[`${sheet.name}!${r}`] = sev;
    }
  }
  return out;
}

const MARKS: Mark[] = [
  { sheet: SHEET, cell: "D6", severity: "warning" },
  { sheet: SHEET, cell: "d6", severity: "error" }, // the same cell: the most severe wins
  { sheet: SHEET, cell: "A6", severity: "info" }, // a merged label
  { sheet: SHEET, cell: "C13", severity: "warning" }, // holds a note
  { sheet: "填报说明", cell: "A1", severity: "info" },
  { sheet: "受保护", cell: "D6", severity: "error" },
  { sheet: "不存在", cell: "A1", severity: "error" },
];

function withProtected(): MemoryWorkbook {
  const wb = sampleWorkbook();
  addTargetTable(wb, "受保护", { protected: true });
  return wb;
}

describe.each(KINDS)("WorkbookHost contract: %s", (kind) => {
  it("reads: sheets with visibility and the active one; grids equal to the workbook's; a missing sheet named", async () => {
    const { host, wb } = await harness(kind);
    expect(await host.listSheets()).toEqual([
      { name: SHEET, visibility: "visible", active: true },
      { name: "填报说明", visibility: "visible", active: false },
      { name: "Lists", visibility: "hidden", active: false },
    ]);
    expect(await host.readSheets({ kind: "all" })).toEqual(wb.sheets.map((s) => wb.toGrid(s)));
    expect(await host.readSheets({ kind: "active" })).toEqual([wb.toGrid(wb.requireSheet(SHEET))]);
    expect((await host.readSheets({ kind: "named", names: ["填报说明"] }))[0].cells).toEqual([["请按单位填报"]]);
    await expect(host.readSheets({ kind: "named", names: ["无此表"] })).rejects.toMatchObject({ code: "not-found", sheets: ["无此表"] });
  });

  it("marks: one mark per cell (the most severe), protected and unknown sheets skipped and said, values untouched", async () => {
    const { host, wb } = await harness(kind, withProtected());
    const before = wb.snapshot();
    const result = await host.applyMarks(MARKS);
    expect(result.marked).toBe(4);
    expect(result.skipped.map((s) => [s.sheet, s.code])).toEqual([
      ["不存在", "not-found"],
      ["受保护", "protected"],
    ]);
    const during = wb.snapshot();
    expect(markedCells(during)).toEqual({ [`${SHEET}!D6`]: "error", [`${SHEET}!A6`]: "info", [`${SHEET}!C13`]: "warning", "填报说明!A1": "info" });
    expect(during.sheets.map((s) => [s.cells, s.merges, s.comments, s.notes])).toEqual(before.sheets.map((s) => [s.cells, s.merges, s.comments, s.notes]));
    expect(await host.markStatus()).toMatchObject({ present: true, cells: 4, sheets: [SHEET, "填报说明"], onSave: "saved-with-workbook" });
  });

  it("clear-and-compare: marking twice replaces, clearing restores the workbook exactly and the status says so", async () => {
    const { host, wb } = await harness(kind);
    const before = wb.snapshot();
    await host.applyMarks(MARKS.slice(0, 5));
    await host.applyMarks([{ sheet: SHEET, cell: "E7", severity: "warning" }]);
    expect(markedCells(wb.snapshot())).toEqual({ [`${SHEET}!E7`]: "warning" });
    const cleared = await host.clearMarks();
    expect(cleared).toEqual({ removed: 1, skipped: [] });
    expect(wb.snapshot()).toEqual(before);
    expect(await host.markStatus()).toMatchObject({ present: false, advice: "" });
    await host.applyMarks(MARKS.slice(0, 5));
    await host.applyMarks([]);
    expect(wb.snapshot()).toEqual(before);
  });

  it("fix/undo: a fix and its undo restore exactly; an edit meanwhile, a formula and a protected sheet are refused", async () => {
    const { host, wb, userEdit } = await harness(kind);
    const before = wb.snapshot();
    const change = await host.setCellValue(SHEET, "D6", "≥9次", "≥9");
    expect(change).toEqual({ sheet: SHEET, cell: "D6", previous: "≥9", value: "≥9次" });
    await host.setCellValue(SHEET, "D6", change.previous, change.value);
    expect(wb.snapshot()).toEqual(before);
    // text Excel would read as a number or percent stays text, so undo finds what it wrote
    const pct = await host.setCellValue(SHEET, "D9", "95%", 0.95);
    expect(wb.getValue(wb.requireSheet(SHEET), 9, 4)).toBe("95%");
    await host.setCellValue(SHEET, "D9", pct.previous, pct.value);
    expect(wb.snapshot()).toEqual(before);
    userEdit(SHEET, "D7", "≥6000");
    await expect(host.setCellValue(SHEET, "D7", 5000, "≥5000")).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("≥6000") });
    wb.patchCell(wb.requireSheet(SHEET), 13, 4, { formula: "=B3" });
    await expect(host.setCellValue(SHEET, "D13", 1, 12.5)).rejects.toMatchObject({ code: "conflict" });
    wb.requireSheet(SHEET).protected = true;
    await expect(host.setCellValue(SHEET, "D8", 1, 1)).rejects.toMatchObject({ code: "protected", sheets: [SHEET] });
    await expect(host.setCellValue(SHEET, "not a cell", 1, 1)).rejects.toMatchObject({ code: "invalid" });
  });

  it("insert/undo: rows inside a label block grow its merges; undo restores exactly and refuses over an edit", async () => {
    const { host, wb, userEdit } = await harness(kind);
    const before = wb.snapshot();
    const request = { sheet: SHEET, afterRow: 7, startCol: 3, values: [["宣传活动场次", "≥4", "场"], ["新媒体推送条数", "≥50", "条"]], formatFromRow: 7, extendMergesInColumns: [1, 2] };
    const r = await host.insertRows(request);
    expect(r).toMatchObject({ sheet: SHEET, range: { top: 8, bottom: 9, left: 3, right: 5 } });
    expect(r.warnings).toBeUndefined();
    expect(wb.snapshot().sheets[0].merges).toEqual(expect.arrayContaining(["A6:A11", "B6:B9"]));
    await host.undoInsert(r.undoToken);
    expect(wb.snapshot()).toEqual(before);
    const again = await host.insertRows(request);
    userEdit(SHEET, "F8", "我的备注");
    const edited = wb.snapshot();
    await expect(host.undoInsert(again.undoToken)).rejects.toMatchObject({ code: "conflict" });
    expect(wb.snapshot()).toEqual(edited);
    await expect(host.undoInsert("no-such-token")).rejects.toMatchObject({ code: "not-found" });
    await expect(host.insertRows({ ...request, values: [] })).rejects.toMatchObject({ code: "invalid" });
    wb.requireSheet(SHEET).protected = true;
    await expect(host.insertRows(request)).rejects.toMatchObject({ code: "protected" });
  });

  it("new sheet/undo: a new sheet never overwrites one; undo removes only an unedited sheet, or when forced", async () => {
    const { host, wb, userEdit } = await harness(kind);
    const before = wb.snapshot();
    const request = { sheet: SHEET, cells: [["项目名称", "宣传费", null], ["一级指标", "二级指标", "指标值"], ["产出指标", "数量指标", "≥90%"]], merges: [{ top: 1, bottom: 1, left: 2, right: 3 }], headerRow: 2 };
    const added = await host.addSheet(request);
    expect(added.sheet).toBe(`${SHEET} (2)`);
    expect(wb.getValue(wb.requireSheet(added.sheet), 3, 3)).toBe("≥90%");
    await host.removeAddedSheet(added.undoToken);
    expect(wb.snapshot()).toEqual(before);
    const again = await host.addSheet(request);
    userEdit(again.sheet, "A5", "我的内容");
    await expect(host.removeAddedSheet(again.undoToken)).rejects.toMatchObject({ code: "conflict" });
    await host.removeAddedSheet(again.undoToken, { force: true });
    expect(wb.sheetByName(again.sheet)).toBeUndefined();
    await expect(host.removeAddedSheet(again.undoToken)).rejects.toMatchObject({ code: "not-found" });
  });

  it("settings: round trip in the workbook, other keys kept, hostile values read as defaults", async () => {
    const { host, wb } = await harness(kind);
    const settings = { ignored: [{ key: "vague.word|绩效目标表|E11|提高", reason: "口径如此", at: "2026-01-02" }], frameworkOverride: { "*": "core-2021" as const }, disabledRules: ["cost.direction"], keepMarksOnSave: true };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    expect(wb.settings.get("other.addin")).toEqual({ keep: true });
    wb.settings.set(SETTINGS_KEY, JSON.parse('{"frameworkOverride":{"__proto__":"common"},"ignored":[{"key":1}],"keepMarksOnSave":"yes"}'));
    expect(await host.loadSettings()).toEqual({ ignored: [], frameworkOverride: {}, disabledRules: [], keepMarksOnSave: false });
    expect(wb.settings.has(MARKS_KEY)).toBe(false);
  });

  it("events: a user's edit is reported per sheet; selectCell is reported to selection listeners", async () => {
    const { host, userEdit, settle } = await harness(kind);
    const changes: ChangeEvent[] = [];
    const selections: { sheet: string; cell: string }[] = [];
    const offChange = host.onChange((e) => changes.push(e));
    const offSelection = host.onSelectionChanged?.((s) => selections.push(s));
    await settle();
    userEdit(SHEET, "E8", "次");
    await settle();
    expect(changes).toEqual([{ sheet: SHEET, range: { top: 8, left: 5, bottom: 8, right: 5 } }]);
    await host.selectCell("填报说明", "B2");
    await settle();
    expect(selections).toEqual([{ sheet: "填报说明", cell: "B2" }]);
    await expect(host.selectCell("Lists", "A1")).rejects.toBeInstanceOf(HostError);
    offChange();
    offSelection?.();
    userEdit(SHEET, "E9", "次");
    await settle();
    expect(changes).toHaveLength(1);
  });
});

describe("WorkbookHost contract: every host leaves the same workbook", () => {
  async function onEveryHost(scenario: (h: Harness) => Promise<void>, wb: () => MemoryWorkbook = sampleWorkbook): Promise<WorkbookSnapshot[]> {
    const out: WorkbookSnapshot[] = [];
    for (const kind of KINDS) {
      const h = await harness(kind, wb());
      await scenario(h);
      out.push(h.wb.snapshot());
    }
    return out;
  }

  /** Ids carry a per-workbook counter (sheet "{…-0004-…}", conditional format "{cf-4-2}"): compared without it. */
  function withoutWorkbookCounter(s: WorkbookSnapshot): unknown {
    return JSON.parse(JSON.stringify(s).replace(/\{cf-\d+-(\d+)\}/g, "{cf-$1}").replace(/\{00000000-0000-0000-\d{4}-(\d+)\}/g, "{sheet-$1}")) as unknown;
  }

  function expectSame(snapshots: WorkbookSnapshot[]): void {
    for (const s of snapshots.slice(1)) expect(withoutWorkbookCounter(s)).toEqual(withoutWorkbookCounter(snapshots[0]));
  }

  it("after marking", async () => {
    expectSame(await onEveryHost((h) => h.host.applyMarks(MARKS).then(() => undefined), withProtected));
  });

  it("after a fix", async () => {
    expectSame(await onEveryHost((h) => h.host.setCellValue(SHEET, "D9", "95%", 0.95).then(() => undefined)));
  });

  it("after inserting rows, inside a label block and below the last one", async () => {
    expectSame(
      await onEveryHost(async (h) => {
        await h.host.insertRows({ sheet: SHEET, afterRow: 7, startCol: 3, values: [["宣传活动场次", "≥4", "场"]], formatFromRow: 7, extendMergesInColumns: [1, 2] });
        await h.host.insertRows({ sheet: SHEET, afterRow: 14, startCol: 3, values: [["单位成本", "≤2", "万元"]], formatFromRow: 14, extendMergesInColumns: [1, 2] });
      }),
    );
  });

  it("after adding a sheet", async () => {
    expectSame(await onEveryHost((h) => h.host.addSheet({ sheet: "新表", cells: [["项目名称", "宣传费"], ["指标", "100%"]], headerRow: 2 }).then(() => undefined)));
  });
});
