/**
 * ExcelHost against the fake Excel object model: sync counts, exact restoration after marks,
 * fixes with conflict detection, row insertion and its undo, protection and Office errors.
 */
import fc from "fast-check";
import { parseA1, type Grid } from "../../../src/core/grid";
import { textAt } from "../../../src/core/cellDisplay";
import { ExcelHost } from "../../../src/host/excel/host";
import { MemoryWorkbook, parseAddress, type WorkbookSnapshot } from "../../../src/host/memory/workbook";
import { HostError, MARKS_KEY, MARK_FILL, SETTINGS_KEY, markSeverityOfFormula, type Mark } from "../../../src/host/types";
import { FakeExcel } from "../../fakes/excel";
import { addTargetTable, manySheets, sampleWorkbook } from "../../fakes/workbooks";

const SHEET = "绩效目标表";

async function setup(wb: MemoryWorkbook = sampleWorkbook(), options: ConstructorParameters<typeof FakeExcel>[1] = {}) {
  const fake = new FakeExcel(wb, options);
  const host = await ExcelHost.create(fake.api());
  fake.resetCounters();
  return { fake, host, wb };
}

/** Everything but Jixiao's marks and their record: what "the user's workbook" means. */
function withoutMarks(s: WorkbookSnapshot): WorkbookSnapshot {
  const copy = JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
  for (const sheet of copy.sheets) sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => markSeverityOfFormula(cf.formula) === null);
  delete copy.settings[MARKS_KEY];
  return copy;
}

function ourMarks(s: WorkbookSnapshot) {
  return s.sheets.flatMap((sheet) => sheet.conditionalFormats.filter((cf) => markSeverityOfFormula(cf.formula) !== null).map((cf) => ({ sheet: sheet.name, ...cf })));
}

function thousandMarks(sheet: string): Mark[] {
  const marks: Mark[] = [];
  const sev = ["error", "warning", "info"] as const;
  for (let i = 0; i < 1000; i++) {
    // scattered cells: every other row, every third column
    const row = 20 + 2 * Math.floor(i / 25);
    const col = 1 + 3 * (i % 25);
    marks.push({ sheet, cell: `${colName(col)}${row}`, severity: sev[i % 3], message: `finding ${i}` });
  }
  return marks;
}

function colName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe("ExcelHost: creating and requirement sets", () => {
  it("loads the sheet list in one sync", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    await ExcelHost.create(fake.api());
    expect(fake.syncCount).toBe(1);
  });

  it("refuses a host without ExcelApi 1.9 with a requirement error", async () => {
    const fake = new FakeExcel(sampleWorkbook(), { requirementSets: { ExcelApi: "1.8" } });
    const err = await ExcelHost.create(fake.api()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("requirement");
    expect((err as HostError).message).toMatch(/ExcelApi 1\.9/);
    expect(fake.syncCount).toBe(0);
  });
});

describe("ExcelHost: reading", () => {
  it("lists sheets with their visibility and the active one, in one sync", async () => {
    const { fake, host } = await setup();
    expect(await host.listSheets()).toEqual([
      { name: SHEET, visibility: "visible", active: true },
      { name: "填报说明", visibility: "visible", active: false },
      { name: "Lists", visibility: "hidden", active: false },
    ]);
    expect(fake.syncCount).toBe(1);
  });

  it("reads the active sheet in exactly one sync, as grids with formats and merges", async () => {
    const { fake, host, wb } = await setup();
    const [grid] = await host.readSheets({ kind: "active" });
    expect(fake.syncCount).toBe(1);
    expect(grid.sheet).toBe(SHEET);
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.cells[0][0]).toBe("宣传费项目绩效目标表");
    expect(grid.cells[1][2]).toBeNull(); // merged B2:F2, empty cell -> null
    expect(grid.numberFormats?.[7][3]).toBe("0%"); // D8
    expect(grid.numberFormats?.[0][0]).toBeNull(); // General -> null
    expect(grid.merges).toEqual(expect.arrayContaining([parseAddress("A6:A9"), parseAddress("B6:B7"), parseAddress("A1:F1")]));
    expect(grid).toEqual(wb.toGrid(wb.requireSheet(SHEET)));
  });

  it("hands over unit and date formats, so 12 under 0\"月\" reads as 12月 and not as a date", async () => {
    const wb = sampleWorkbook();
    const sheet = wb.requireSheet(SHEET);
    wb.patchCell(sheet, 20, 2, { value: 12, numberFormat: '0"月"' });
    wb.patchCell(sheet, 21, 2, { value: 44926, numberFormat: 'yyyy"年"m"月"d"日"' });
    const { host } = await setup(wb);
    const [grid] = await host.readSheets({ kind: "active" });
    expect([textAt(grid, 20, 2), textAt(grid, 21, 2)]).toEqual(["12月", "2022年12月31日"]);
  });

  it("reads fifty sheets in exactly one sync", async () => {
    const { fake, host, wb } = await setup(manySheets(50));
    const grids = await host.readSheets({ kind: "all" });
    expect(fake.syncCount).toBe(1);
    expect(grids.map((g) => g.sheet)).toEqual(wb.sheets.map((s) => s.name));
    expect(grids[49]).toEqual(wb.toGrid(wb.sheets[49]));
    // and again (sizes now known): still one
    fake.resetCounters();
    await host.readSheets({ kind: "all" });
    expect(fake.syncCount).toBe(1);
  });

  it("reads named sheets in one sync and says which sheet is missing", async () => {
    const { fake, host } = await setup(manySheets(5));
    const grids = await host.readSheets({ kind: "named", names: ["项目3", "项目1"] });
    expect(grids.map((g) => g.sheet)).toEqual(["项目3", "项目1"]);
    expect(fake.syncCount).toBe(1);
    await expect(host.readSheets({ kind: "named", names: ["项目9"] })).rejects.toMatchObject({ code: "not-found", sheets: ["项目9"] });
  });

  it("picks up a sheet added after the list was cached, and survives a deleted one", async () => {
    const { fake, host, wb } = await setup(manySheets(3));
    addTargetTable(wb, "新增");
    let grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toEqual(["项目1", "项目2", "项目3", "新增"]);
    expect(fake.syncCount).toBe(2);
    fake.resetCounters();
    wb.deleteSheet("项目2");
    grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toEqual(["项目1", "项目3", "新增"]);
    expect(fake.syncCount).toBe(3); // failed speculative read, list refresh, read
  });

  it("reads an empty sheet as an empty grid and hidden sheets as hidden", async () => {
    const wb = sampleWorkbook();
    wb.addSheet("空白");
    const { host } = await setup(wb);
    const grids = await host.readSheets({ kind: "all" });
    const empty = grids.find((g) => g.sheet === "空白") as Grid;
    expect(empty.cells).toEqual([]);
    expect(grids.find((g) => g.sheet === "Lists")?.hidden).toBe(true);
  });

  it("splits reads only past the payload limit, and the result is the same", async () => {
    const wb = manySheets(20);
    const expected = wb.sheets.map((s) => wb.toGrid(s));
    // Excel here refuses responses over 10 kB; the host does not know sizes yet
    const { fake, host } = await setup(wb, { maxResponseBytes: 10_000 });
    const grids = await host.readSheets({ kind: "all" });
    expect(grids).toEqual(expected);
    const first = fake.syncCount;
    expect(first).toBeGreaterThan(2); // failed attempt, measuring, then batches
    // a host told the budget plans batches from remembered sizes, never failing
    const planned = new ExcelHost(fake.api(), { maxResponseBytes: 8_000 });
    await planned.readSheets({ kind: "all" }); // learns sizes
    fake.resetCounters();
    expect(await planned.readSheets({ kind: "all" })).toEqual(expected);
    expect(fake.syncs.every((s) => !s.failed && s.responseBytes <= 10_000)).toBe(true);
  });

  it("reads one huge sheet in row blocks", async () => {
    const wb = new MemoryWorkbook();
    const s = wb.addSheet("大表");
    for (let r = 1; r <= 1500; r++) for (let c = 1; c <= 8; c++) wb.patchCell(s, r, c, { value: `第${r}行第${c}列的较长文本内容` });
    const fake = new FakeExcel(wb, { maxResponseBytes: 100_000 });
    const host = await ExcelHost.create(fake.api(), { maxResponseBytes: 100_000 });
    fake.resetCounters();
    const [grid] = await host.readSheets({ kind: "active" });
    expect(grid).toEqual(wb.toGrid(s));
    const ok = fake.syncs.filter((x) => !x.failed);
    expect(ok.every((x) => x.responseBytes <= 100_000)).toBe(true);
    // the first optimistic read fails; block sizes adapt after at most one more refusal
    expect(fake.syncs.filter((x) => x.failed).length).toBeLessThanOrEqual(3);
  });

  it("reads a sheet with a stray value in its last row only where its tables are, and says so", async () => {
    const wb = sampleWorkbook();
    const s = wb.requireSheet(SHEET);
    wb.patchCell(s, 1_048_576, 6, { value: "x" });
    const { fake, host } = await setup(wb);
    const grids = await host.readSheets({ kind: "all" });
    const grid = grids.find((g) => g.sheet === SHEET) as Grid;
    expect(grid.cells).toHaveLength(13); // A1:F13
    expect(grid.cells[0][0]).toBe("宣传费项目绩效目标表");
    expect(host.readWarnings).toHaveLength(1);
    expect(host.readWarnings[0]).toMatch(/A1:F1048576.*A1:F13/);
    expect(fake.syncCount).toBeLessThanOrEqual(5);
    expect(grids.map((g) => g.sheet)).toEqual([SHEET, "填报说明", "Lists"]);
  });

  it("reads merges only where the requirement set allows", async () => {
    const { host } = await setup(sampleWorkbook(), { requirementSets: { ExcelApi: "1.9" } });
    const [grid] = await host.readSheets({ kind: "active" });
    expect(grid.merges).toBeUndefined();
    expect(grid.cells[0][0]).toBe("宣传费项目绩效目标表");
  });
});

describe("ExcelHost: marks", () => {
  it("marks 1,000 findings in at most two syncs, with addresses Excel accepts", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    const result = await host.applyMarks(thousandMarks(SHEET));
    expect(result).toEqual({ marked: 1000, skipped: [] });
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(Math.max(...fake.syncs.map((s) => s.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    const after = wb.snapshot();
    const marks = ourMarks(after);
    for (const m of marks) expect(m.ranges.join(",").length).toBeLessThanOrEqual(255);
    expect(marks.length).toBeGreaterThan(3); // chunked
    // every marked cell is covered by exactly one mark of its severity
    const sheet = wb.requireSheet(SHEET);
    for (const mark of thousandMarks(SHEET).slice(0, 60)) {
      const { row, col } = parseA1(mark.cell);
      const covering = sheet.conditionalFormats.filter((cf) => markSeverityOfFormula(cf.formula) && cf.ranges.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right));
      expect(covering).toHaveLength(1);
      expect(markSeverityOfFormula(covering[0].formula)).toBe(mark.severity);
      expect(covering[0].format.fill).toBe(MARK_FILL[mark.severity]);
    }
    // nothing else changed: values, formats, merges, the user's conditional formats, comments, notes
    expect(withoutMarks(after)).toEqual(before);
    expect(after.settings[MARKS_KEY]).toMatchObject({ v: 1, sheets: [{ name: SHEET, cells: 1000 }] });
  });

  it("mark then clear restores the workbook exactly", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    await host.applyMarks([
      { sheet: SHEET, cell: "D6", severity: "error" },
      { sheet: SHEET, cell: "D6", severity: "info" },
      { sheet: SHEET, cell: "A6", severity: "warning" }, // a merged label
      { sheet: SHEET, cell: "C13", severity: "info" }, // holds a note
      { sheet: "填报说明", cell: "A1", severity: "warning" },
    ]);
    expect(wb.snapshot()).not.toEqual(before);
    // Jixiao's marks sit on top; the user's conditional formats keep their order below
    const cfs = wb.requireSheet(SHEET).conditionalFormats;
    const userOrder = before.sheets[0].conditionalFormats.map((c) => c.id);
    expect(cfs.slice(-2).map((c) => c.id)).toEqual(userOrder);
    expect(cfs.slice(0, -2).every((c) => markSeverityOfFormula(c.formula) !== null)).toBe(true);
    fake.resetCounters();
    const cleared = await host.clearMarks();
    expect(cleared.skipped).toEqual([]);
    expect(cleared.removed).toBe(4);
    expect(fake.syncCount).toBe(2);
    expect(wb.snapshot()).toEqual(before);
  });

  it("replacing marks keeps one set, and clearing after replacing restores exactly", async () => {
    const { host, wb } = await setup();
    const before = wb.snapshot();
    await host.applyMarks([{ sheet: SHEET, cell: "D6", severity: "error" }]);
    await host.applyMarks([{ sheet: SHEET, cell: "D7", severity: "warning" }]);
    const marks = ourMarks(wb.snapshot());
    expect(marks).toHaveLength(1);
    expect(marks[0].ranges).toEqual(["D7"]);
    await host.applyMarks([]);
    expect(wb.snapshot()).toEqual(before);
  });

  it("finds and clears marks after the workbook was saved and reopened", async () => {
    const { host, wb } = await setup();
    const before = wb.snapshot();
    await host.applyMarks(thousandMarks(SHEET));
    const reopened = MemoryWorkbook.fromSnapshot(wb.snapshot());
    const fake2 = new FakeExcel(reopened);
    const host2 = await ExcelHost.create(fake2.api());
    expect((await host2.markStatus()).present).toBe(true);
    await host2.clearMarks();
    expect(reopened.snapshot()).toEqual(before);
    expect((await host2.markStatus()).present).toBe(false);
  });

  it("skips a protected sheet, says so, and marks the others", async () => {
    const wb = sampleWorkbook();
    addTargetTable(wb, "受保护", { protected: true });
    const { fake, host } = await setup(wb);
    const before = wb.snapshot();
    const result = await host.applyMarks([
      { sheet: SHEET, cell: "D6", severity: "error" },
      { sheet: "受保护", cell: "D6", severity: "error" },
      { sheet: "不存在", cell: "A1", severity: "info" },
    ]);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(result.marked).toBe(1);
    expect(result.skipped.map((s) => [s.sheet, s.code])).toEqual([
      ["不存在", "not-found"],
      ["受保护", "protected"],
    ]);
    expect(result.skipped[1].message).toMatch(/受保护/);
    const after = wb.snapshot();
    expect(after.sheets.find((s) => s.name === "受保护")).toEqual(before.sheets.find((s) => s.name === "受保护"));
    await host.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  it("an Office error in the middle of marking leaves marks that clearing removes", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    await host.applyMarks([{ sheet: SHEET, cell: "E6", severity: "warning" }]);
    fake.failOn(2, 7); // second sync of the next applyMarks: after 7 commands
    const err = await host.applyMarks(thousandMarks(SHEET)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("office");
    expect(ourMarks(wb.snapshot()).length).toBeGreaterThan(0); // half-applied
    await host.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  it("reports mark status and the saving advice", async () => {
    const { host } = await setup(sampleWorkbook(), { autoSave: true });
    expect(await host.markStatus()).toMatchObject({ present: false, advice: "" });
    await host.applyMarks([{ sheet: SHEET, cell: "D6", severity: "error" }]);
    const status = await host.markStatus();
    expect(status).toMatchObject({ present: true, cells: 1, sheets: [SHEET], autoSave: true, onSave: "saved-with-workbook" });
    expect(status.advice).toMatch(/自动保存/);
  });
});

describe("ExcelHost: selecting and fixing", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const { fake, host, wb } = await setup();
    await host.selectCell("填报说明", "A1");
    expect(fake.syncCount).toBe(1);
    expect(wb.view()).toEqual({ activeSheet: "填报说明", selection: { sheet: "填报说明", address: "A1" } });
    await expect(host.selectCell("Lists", "A1")).rejects.toMatchObject({ code: "invalid" });
    await expect(host.selectCell("不存在", "A1")).rejects.toMatchObject({ code: "not-found" });
    await expect(host.selectCell(SHEET, "not a cell")).rejects.toMatchObject({ code: "invalid" });
  });

  it("applies a fix and undoes it exactly", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    const change = await host.setCellValue(SHEET, "D6", 9, "≥9");
    expect(fake.syncCount).toBe(2);
    expect(change).toEqual({ sheet: SHEET, cell: "D6", previous: "≥9", value: 9 });
    expect(wb.getValue(wb.requireSheet(SHEET), 6, 4)).toBe(9);
    await host.setCellValue(SHEET, "D6", change.previous, change.value);
    expect(wb.snapshot()).toEqual(before);
  });

  it("refuses a fix when the cell changed meanwhile, and never overwrites a formula", async () => {
    const { fake, host, wb } = await setup();
    fake.userEdit(SHEET, "D6", "≥12");
    const err = await host.setCellValue(SHEET, "D6", 9, "≥9").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict" });
    expect((err as HostError).message).toContain("≥12");
    expect(wb.getValue(wb.requireSheet(SHEET), 6, 4)).toBe("≥12");
    wb.patchCell(wb.requireSheet(SHEET), 13, 4, { formula: "=B3" });
    await expect(host.setCellValue(SHEET, "D13", 1, 12.5)).rejects.toMatchObject({ code: "conflict" });
  });

  it("writes text that looks like a formula as text", async () => {
    const { host, wb } = await setup();
    await host.setCellValue(SHEET, "F6", "=HYPERLINK(\"http://x\")", null);
    const cell = wb.getCell(wb.requireSheet(SHEET), 6, 6);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe("=HYPERLINK(\"http://x\")");
  });

  it("refuses to fix a protected sheet with a protection error", async () => {
    const { host, wb } = await setup();
    wb.requireSheet(SHEET).protected = true;
    const before = wb.snapshot();
    const err = await host.setCellValue(SHEET, "D6", 9, "≥9").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "protected", sheets: [SHEET] });
    expect((err as HostError).message).toMatch(/撤销工作表保护/);
    expect(wb.snapshot()).toEqual(before);
  });

  it("turns Office errors into clear HostErrors", async () => {
    const { fake, host } = await setup();
    fake.failOn(1, 0, "InvalidOperationInCellEditMode");
    await expect(host.setCellValue(SHEET, "D6", 9, "≥9")).rejects.toMatchObject({ code: "office", message: expect.stringMatching(/Enter|Esc/) });
    fake.failOn(1, 0, "GeneralException");
    await expect(host.selectCell(SHEET, "A1")).rejects.toMatchObject({ code: "office", platformCode: "GeneralException" });
  });
});

describe("ExcelHost: inserting rows", () => {
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

  it("inserts formatted rows, grows the label merges, and undo restores exactly", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    const result = await host.insertRows(request);
    expect(fake.syncCount).toBe(2);
    expect(result.range).toEqual({ top: 8, bottom: 9, left: 3, right: 5 });
    expect(result.warnings).toBeUndefined();
    const s = wb.requireSheet(SHEET);
    const snap = wb.snapshot().sheets.find((x) => x.name === SHEET)!;
    expect(snap.merges).toEqual(expect.arrayContaining(["A6:A11", "B6:B9"]));
    expect(wb.getValue(s, 8, 3)).toBe("宣传活动场次");
    expect(wb.getValue(s, 9, 5)).toBe("条");
    expect(wb.getCell(s, 8, 3)?.style).toEqual(wb.getCell(s, 7, 3)?.style); // borders and font like the neighbour
    expect(snap.conditionalFormats.find((c) => c.type === "CellValue")?.ranges).toEqual(["D6:D15"]);
    expect(snap.notes).toHaveProperty("C15");
    expect(snap.comments).toHaveProperty("D6");
    fake.resetCounters();
    await host.undoInsert(result.undoToken);
    expect(fake.syncCount).toBe(2);
    expect(wb.snapshot()).toEqual(before);
  });

  it("inserts below the last row of a block and under a single-row label", async () => {
    const { host, wb } = await setup();
    const before = wb.snapshot();
    const r1 = await host.insertRows({ ...request, afterRow: 9, formatFromRow: 9 }); // 时效指标 is a one-row label in B9
    let snap = wb.snapshot().sheets.find((x) => x.name === SHEET)!;
    expect(snap.merges).toEqual(expect.arrayContaining(["A6:A11", "B9:B11"]));
    await host.undoInsert(r1.undoToken);
    expect(wb.snapshot()).toEqual(before);
    const r2 = await host.insertRows({ ...request, afterRow: 13, formatFromRow: 13, extendMergesInColumns: [1, 2] });
    snap = wb.snapshot().sheets.find((x) => x.name === SHEET)!;
    expect(snap.merges).toEqual(expect.arrayContaining(["A13:A15", "B13:B15"]));
    await host.undoInsert(r2.undoToken);
    expect(wb.snapshot()).toEqual(before);
  });

  it("refuses to undo when the inserted rows were edited, deleting nothing", async () => {
    const { fake, host, wb } = await setup();
    const result = await host.insertRows(request);
    fake.userEdit(SHEET, "F8", "我的备注");
    const snap = wb.snapshot();
    await expect(host.undoInsert(result.undoToken)).rejects.toMatchObject({ code: "conflict" });
    expect(wb.snapshot()).toEqual(snap);
    await expect(host.undoInsert("unknown-token")).rejects.toMatchObject({ code: "not-found" });
  });

  it("refuses to insert on a protected sheet, changing nothing", async () => {
    const { host, wb } = await setup();
    wb.requireSheet(SHEET).protected = true;
    const before = wb.snapshot();
    await expect(host.insertRows(request)).rejects.toMatchObject({ code: "protected" });
    expect(wb.snapshot()).toEqual(before);
    await expect(host.insertRows({ ...request, values: [] })).rejects.toMatchObject({ code: "invalid" });
  });

  it("insertion followed by undo restores exactly wherever it happens, in two syncs each (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 16 }),
        fc.subarray([1, 2, 3]),
        async (afterRow, count, formatFromRow, cols) => {
          const { fake, host, wb } = await setup();
          const before = wb.snapshot();
          const values = Array.from({ length: count }, (_, i) => [`新增${i}`, i, null]);
          const r = await host.insertRows({ sheet: SHEET, afterRow, startCol: 3, values, formatFromRow, extendMergesInColumns: cols });
          await host.undoInsert(r.undoToken);
          expect(wb.snapshot()).toEqual(before);
          expect(fake.syncCount).toBe(4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("without merge reading (ExcelApi < 1.13) inserts without touching merges and says so", async () => {
    const { host, wb } = await setup(sampleWorkbook(), { requirementSets: { ExcelApi: "1.12" } });
    const before = wb.snapshot();
    const result = await host.insertRows({ ...request, afterRow: 13, formatFromRow: 13 });
    expect(result.warnings?.[0]).toMatch(/合并单元格/);
    await host.undoInsert(result.undoToken);
    expect(wb.snapshot()).toEqual(before);
  });
});

describe("ExcelHost: settings and changes", () => {
  it("stores settings in the workbook, one sync each way", async () => {
    const { fake, host, wb } = await setup();
    const settings = { ignored: [{ key: "vague.word|绩效目标表|E11|提高", reason: "口径如此", at: "2026-01-02" }], frameworkOverride: { "*": "core-2021" as const }, disabledRules: ["cost.direction"], keepMarksOnSave: true };
    await host.saveSettings(settings);
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    expect(await host.loadSettings()).toEqual(settings);
    expect(fake.syncCount).toBe(1);
    expect(wb.settings.get("other.addin")).toEqual({ keep: true });
  });

  it("reads damaged or hostile stored settings as defaults, never polluting prototypes", async () => {
    const { host, wb } = await setup();
    wb.settings.set(SETTINGS_KEY, "{not json");
    expect(await host.loadSettings()).toEqual({ ignored: [], frameworkOverride: {}, disabledRules: [], keepMarksOnSave: false });
    wb.settings.set(SETTINGS_KEY, JSON.parse('{"frameworkOverride":{"__proto__":"common","ok":"four-goal"},"ignored":[{"key":1},{"key":"k"}],"keepMarksOnSave":"yes"}'));
    const s = await host.loadSettings();
    expect(s.frameworkOverride).toEqual({ ok: "four-goal" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.ignored).toEqual([{ key: "k", at: "" }]);
    expect(s.keepMarksOnSave).toBe(false);
  });

  it("debounces worksheet changes into one event per sheet", async () => {
    const { fake, host } = await setup(sampleWorkbook());
    const debounced = new ExcelHost(fake.api(), { debounceMs: 30 });
    void host;
    const events: { sheet: string; range: unknown }[] = [];
    const off = debounced.onChange((e) => events.push(e));
    await new Promise((r) => setTimeout(r, 10)); // registration sync
    fake.userEdit(SHEET, "D6", "≥10");
    fake.userEdit(SHEET, "E8", "次");
    await fake.flushEvents();
    expect(events).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(events).toEqual([{ sheet: SHEET, range: { top: 6, left: 4, bottom: 8, right: 5 } }]);
    off();
    await debounced.dispose();
    expect(fake.changeHandlers.size).toBe(0);
  });
});
