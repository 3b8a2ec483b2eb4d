/**
 * MemoryHost: the same contract as the Excel host (marks that restore exactly, fixes with
 * conflict detection, insertion with undo, protection errors), checked by deep comparison.
 */
import fc from "fast-check";
import { gridFromRows } from "../../../src/core/grid";
import { textAt } from "../../../src/core/cellDisplay";
import { MemoryHost } from "../../../src/host/memory";
import { MemoryWorkbook, parseAddress } from "../../../src/host/memory/workbook";
import { HostError, MARKS_KEY, MARK_FILL, markFormula, markSeverityOfFormula, type Mark } from "../../../src/host/types";
import { addTargetTable, manySheets, sampleWorkbook } from "../../fakes/workbooks";

const SHEET = "绩效目标表";

function hostOf(wb = sampleWorkbook()) {
  const host = new MemoryHost(wb);
  return { host, wb, before: host.snapshot() };
}

describe("MemoryHost: reading", () => {
  it("reads the active sheet, all sheets and named sheets as grids", async () => {
    const { host, wb } = hostOf();
    const [active] = await host.readSheets({ kind: "active" });
    expect(active).toEqual(wb.toGrid(wb.requireSheet(SHEET)));
    expect(active.numberFormats?.[7][3]).toBe("0%");
    expect(active.merges).toContainEqual(parseAddress("A6:A9"));
    const all = await host.readSheets({ kind: "all" });
    expect(all.map((g) => [g.sheet, g.hidden])).toEqual([
      [SHEET, false],
      ["填报说明", false],
      ["Lists", true],
    ]);
    expect((await host.readSheets({ kind: "named", names: ["填报说明"] }))[0].cells).toEqual([["请按单位填报"]]);
    await expect(host.readSheets({ kind: "named", names: ["无"] })).rejects.toMatchObject({ code: "not-found" });
  });

  it("hands over unit and date formats, so 12 under 0\"月\" reads as 12月 and not as a date", async () => {
    const wb = sampleWorkbook();
    const sheet = wb.requireSheet(SHEET);
    wb.patchCell(sheet, 20, 2, { value: 12, numberFormat: '0"月"' });
    wb.patchCell(sheet, 21, 2, { value: 44926, numberFormat: 'yyyy"年"m"月"d"日"' });
    const [grid] = await hostOf(wb).host.readSheets({ kind: "active" });
    expect([textAt(grid, 20, 2), textAt(grid, 21, 2)]).toEqual(["12月", "2022年12月31日"]);
    const [back] = await MemoryHost.fromGrids([grid]).readSheets({ kind: "all" });
    expect(textAt(back, 20, 2)).toBe("12月");
  });

  it("reads a sheet with a stray value far away only where its tables are, and says so", async () => {
    const wb = sampleWorkbook();
    wb.patchCell(wb.requireSheet(SHEET), 1_048_576, 16_384, { value: "x" });
    const { host } = hostOf(wb);
    const [grid] = await host.readSheets({ kind: "active" });
    expect(grid.cells).toHaveLength(13);
    expect(grid.cells[0]).toHaveLength(6);
    expect(host.readWarnings).toEqual([expect.stringMatching(/A1:XFD1048576.*A1:F13/)]);
  });

  it("builds a workbook from grids and reads the same grids back", async () => {
    const grid = { ...gridFromRows("表1", [["项目名称", "宣传费"], [null, 0.95]], { row: 3, col: 2 }), numberFormats: [[null, null], [null, "0%"]], merges: [parseAddress("B3:B4")], hidden: false };
    const host = MemoryHost.fromGrids([grid]);
    const [back] = await host.readSheets({ kind: "all" });
    expect(back).toEqual(grid);
    expect(await host.listSheets()).toEqual([{ name: "表1", visibility: "visible", active: true }]);
  });

  it("snapshots are complete: a workbook rebuilt from its snapshot has the same snapshot", () => {
    const wb = sampleWorkbook();
    expect(MemoryWorkbook.fromSnapshot(wb.snapshot()).snapshot()).toEqual(wb.snapshot());
    expect(JSON.parse(JSON.stringify(wb.snapshot()))).toEqual(wb.snapshot());
  });
});

describe("MemoryHost: marks", () => {
  it("mark then clear restores values, formats, merges, conditional formats, comments and notes exactly", async () => {
    const { host, wb, before } = hostOf();
    const marks: Mark[] = [
      { sheet: SHEET, cell: "D6", severity: "error", message: "指标值缺少单位" },
      { sheet: SHEET, cell: "D6", severity: "warning" },
      { sheet: SHEET, cell: "A6", severity: "info" },
      { sheet: SHEET, cell: "C13", severity: "warning" },
      { sheet: "填报说明", cell: "A1", severity: "info" },
    ];
    const result = await host.applyMarks(marks);
    expect(result).toEqual({ marked: 4, skipped: [] });
    const during = host.snapshot();
    expect(during).not.toEqual(before);
    // values and cell formats untouched while marked
    expect(during.sheets.map((s) => s.cells)).toEqual(before.sheets.map((s) => s.cells));
    const ours = wb.requireSheet(SHEET).conditionalFormats.filter((c) => markSeverityOfFormula(c.formula));
    expect(ours.map((c) => [c.formula, c.format.fill])).toEqual([
      [markFormula("error"), MARK_FILL.error],
      [markFormula("warning"), MARK_FILL.warning],
      [markFormula("info"), MARK_FILL.info],
    ]);
    expect(host.markAt(SHEET, "D6")).toMatchObject({ severity: "error", message: "指标值缺少单位" });
    expect(host.marks()).toHaveLength(4);
    const cleared = await host.clearMarks();
    expect(cleared).toEqual({ removed: 4, skipped: [] });
    expect(host.snapshot()).toEqual(before);
    expect(host.marks()).toEqual([]);
  });

  it("skips protected sheets and unknown sheets, reporting them", async () => {
    const wb = sampleWorkbook();
    addTargetTable(wb, "受保护", { protected: true });
    const { host, before } = hostOf(wb);
    const result = await host.applyMarks([
      { sheet: "受保护", cell: "D6", severity: "error" },
      { sheet: "无此表", cell: "A1", severity: "error" },
      { sheet: SHEET, cell: "D7", severity: "info" },
    ]);
    expect(result.marked).toBe(1);
    expect(result.skipped.map((s) => s.code).sort()).toEqual(["not-found", "protected"]);
    expect(host.snapshot().sheets[3]).toEqual(before.sheets[3]);
    await host.clearMarks();
    expect(host.snapshot()).toEqual(before);
  });

  it("reports status and advice; keepMarksOnSave changes the advice", async () => {
    const { host } = hostOf();
    expect(await host.markStatus()).toMatchObject({ present: false, advice: "" });
    await host.applyMarks([{ sheet: SHEET, cell: "D6", severity: "error" }]);
    expect(await host.markStatus()).toMatchObject({ present: true, cells: 1, sheets: [SHEET] });
    expect((await host.markStatus()).advice).toMatch(/清除标记/);
    await host.saveSettings({ ...(await host.loadSettings()), keepMarksOnSave: true });
    expect((await host.markStatus()).advice).toMatch(/保留标记/);
    expect(host.workbook.settings.get(MARKS_KEY)).toBeDefined();
    await host.clearMarks();
    expect(host.workbook.settings.has(MARKS_KEY)).toBe(false);
  });
});

describe("MemoryHost: selecting and fixing", () => {
  it("selects a cell and activates its sheet", async () => {
    const { host, before } = hostOf();
    await host.selectCell("填报说明", "A1");
    expect(host.view()).toEqual({ activeSheet: "填报说明", selection: { sheet: "填报说明", address: "A1" } });
    await expect(host.selectCell("Lists", "A1")).rejects.toMatchObject({ code: "invalid" });
    await expect(host.selectCell(SHEET, "ZZZZ1")).rejects.toMatchObject({ code: "invalid" });
    expect(host.snapshot()).toEqual(before); // selecting is not editing
  });

  it("fix then undo restores exactly; a conflicting edit is never overwritten", async () => {
    const { host, before } = hostOf();
    const change = await host.setCellValue(SHEET, "D6", 9, "≥9");
    expect(change).toEqual({ sheet: SHEET, cell: "D6", previous: "≥9", value: 9 });
    await host.setCellValue(SHEET, "D6", change.previous, change.value);
    expect(host.snapshot()).toEqual(before);
    host.userEdit(SHEET, "D6", "≥11");
    const err = await host.setCellValue(SHEET, "D6", 9, "≥9").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "conflict" });
    expect(host.workbook.getValue(host.workbook.requireSheet(SHEET), 6, 4)).toBe("≥11");
  });

  it("treats float noise and empty text as equal when checking the expected value", async () => {
    const { host } = hostOf();
    await host.setCellValue(SHEET, "D8", 0.5, 1.0000000000001);
    await host.setCellValue(SHEET, "F6", "说明", "");
  });

  it("refuses to change a protected sheet or a formula", async () => {
    const { host, wb } = hostOf();
    wb.patchCell(wb.requireSheet(SHEET), 13, 4, { formula: "=B3" });
    await expect(host.setCellValue(SHEET, "D13", 1, 12.5)).rejects.toMatchObject({ code: "conflict" });
    wb.requireSheet(SHEET).protected = true;
    await expect(host.setCellValue(SHEET, "D6", 9, "≥9")).rejects.toMatchObject({ code: "protected", sheets: [SHEET] });
    await expect(host.setCellValue("无", "A1", 1, null)).rejects.toMatchObject({ code: "not-found" });
  });
});

describe("MemoryHost: inserting rows", () => {
  const request = {
    sheet: SHEET,
    afterRow: 7,
    startCol: 3,
    values: [
      ["宣传活动场次", "≥4", "场"],
      ["新媒体推送条数", "≥50", "条"],
    ],
    formatFromRow: 7,
    extendMergesInColumns: [1, 2],
  };

  it("inserts like the Excel host and undo restores exactly", async () => {
    const { host, wb, before } = hostOf();
    const result = await host.insertRows(request);
    expect(result.range).toEqual({ top: 8, bottom: 9, left: 3, right: 5 });
    const snap = host.snapshot().sheets[0];
    expect(snap.merges).toEqual(expect.arrayContaining(["A6:A11", "B6:B9"]));
    expect(snap.cells.C8).toMatchObject({ value: "宣传活动场次", style: wb.getCell(wb.requireSheet(SHEET), 7, 3)?.style });
    expect(snap.conditionalFormats.find((c) => c.type === "CellValue")?.ranges).toEqual(["D6:D15"]);
    await host.undoInsert(result.undoToken);
    expect(host.snapshot()).toEqual(before);
    await expect(host.undoInsert(result.undoToken)).rejects.toMatchObject({ code: "not-found" });
  });

  it("copies a neighbour's horizontal merges and keeps values out of covered cells", async () => {
    const { host, wb, before } = hostOf();
    const s = wb.requireSheet(SHEET);
    wb.merge(s, parseAddress("E13:F13"));
    const withMerge = host.snapshot();
    const result = await host.insertRows({ ...request, afterRow: 13, formatFromRow: 13, values: [["新指标", "≥1", "个", "丢失"]] });
    const snap = host.snapshot().sheets[0];
    expect(snap.merges).toEqual(expect.arrayContaining(["E14:F14", "A13:A14", "B13:B14"]));
    expect(snap.cells.F14?.value ?? null).toBeNull();
    await host.undoInsert(result.undoToken);
    expect(host.snapshot()).toEqual(withMerge);
    void before;
  });

  it("refuses to undo over the user's edits, and to insert on a protected sheet", async () => {
    const { host, wb } = hostOf();
    const result = await host.insertRows(request);
    host.userEdit(SHEET, "H9", "备注");
    const snap = host.snapshot();
    await expect(host.undoInsert(result.undoToken)).rejects.toMatchObject({ code: "conflict" });
    expect(host.snapshot()).toEqual(snap);
    wb.requireSheet(SHEET).protected = true;
    await expect(host.insertRows(request)).rejects.toMatchObject({ code: "protected" });
    await expect(host.insertRows({ ...request, values: [[]] })).rejects.toMatchObject({ code: "invalid" });
  });

  it("insertion followed by undo restores exactly wherever it happens (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 16 }),
        fc.subarray([1, 2, 3]),
        async (afterRow, count, formatFromRow, cols) => {
          const { host, before } = hostOf();
          const values = Array.from({ length: count }, (_, i) => [`新增${i}`, i, null]);
          const r = await host.insertRows({ sheet: SHEET, afterRow, startCol: 3, values, formatFromRow, extendMergesInColumns: cols });
          await host.undoInsert(r.undoToken);
          expect(host.snapshot()).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("MemoryHost: settings and changes", () => {
  it("round-trips settings through the workbook and leaves other keys alone", async () => {
    const { host, wb } = hostOf();
    const settings = { ignored: [{ key: "k", reason: "r", at: "2026-01-01" }], frameworkOverride: {}, disabledRules: [], keepMarksOnSave: false, lang: "en" as const };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    expect(wb.settings.get("other.addin")).toEqual({ keep: true });
  });

  it("delivers edits immediately by default, debounced and merged when asked", async () => {
    const { host } = hostOf();
    const seen: unknown[] = [];
    const off = host.onChange((e) => seen.push(e));
    host.userEdit(SHEET, "D6", "≥10");
    expect(seen).toEqual([{ sheet: SHEET, range: { top: 6, left: 4, bottom: 6, right: 4 } }]);
    off();
    host.userEdit(SHEET, "D7", "x");
    expect(seen).toHaveLength(1);

    jest.useFakeTimers();
    try {
      const slow = new MemoryHost(sampleWorkbook(), { debounceMs: 300 });
      const events: unknown[] = [];
      slow.onChange((e) => events.push(e));
      slow.userEdit(SHEET, "D6", "1");
      slow.userEdit(SHEET, "F12", "2");
      slow.userEdit("填报说明", "A2", "3");
      expect(events).toEqual([]);
      jest.advanceTimersByTime(300);
      expect(events).toEqual([
        { sheet: SHEET, range: { top: 6, left: 4, bottom: 12, right: 6 } },
        { sheet: "填报说明", range: { top: 2, left: 1, bottom: 2, right: 1 } },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("handles fifty sheets", async () => {
    const host = new MemoryHost(manySheets(50));
    expect(await host.readSheets({ kind: "all" })).toHaveLength(50);
  });
});
