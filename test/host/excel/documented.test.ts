/**
 * ExcelHost against Excel's documented behaviour (test/fakes/excelBehaviours.ts, all on): the cases
 * issue 13 found failing on real Excel's terms, each with its behaviour named.
 */
import type { Grid } from "../../../src/core/grid";
import { ExcelHost } from "../../../src/host/excel/host";
import { MemoryWorkbook, formatAddress, type WorkbookSnapshot } from "../../../src/host/memory/workbook";
import type { InsertRowsRequest } from "../../../src/host/types";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/excel";
import { sampleWorkbook, stackedTables } from "../../fakes/workbooks";

const SHEET = "绩效目标表";

async function setup(wb: MemoryWorkbook = sampleWorkbook(), options: FakeExcelOptions = {}, hostOptions: ConstructorParameters<typeof ExcelHost>[1] = {}) {
  const fake = new FakeExcel(wb, options);
  const host = await ExcelHost.create(fake.api(), hostOptions);
  fake.resetCounters();
  return { fake, host, wb };
}

function mergesOf(s: WorkbookSnapshot, sheet: string): string[] {
  return s.sheets.find((x) => x.name === sheet)?.merges ?? [];
}

/** Let queued promise work (fake round trips, event handlers) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}

describe("[merged-top-left] merged areas come back only by their top-left cell (office-js #3611, #1590)", () => {
  it("the fake hides an area that only crosses the asked rows, as Excel does", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    const addresses = await fake.run<{ row7: string | null; upTo7: string }>(async (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      const row7 = ws.getRange("7:7").getMergedAreasOrNullObject();
      const upTo7 = ws.getRange("1:7").getMergedAreasOrNullObject();
      row7.load("address");
      upTo7.load("address");
      await ctx.sync();
      return { row7: row7.isNullObject ? null : row7.address, upTo7: upTo7.address };
    });
    expect(addresses.row7).toBeNull(); // A6:A9 and B6:B7 cross row 7 but start on row 6
    expect(addresses.upTo7).toContain("A6:A9");
  });

  it("inserts inside a multi-row label block: the 一级 merge starting above the row grows, undo restores exactly", async () => {
    const { fake, host, wb } = await setup();
    const before = wb.snapshot();
    const request: InsertRowsRequest = { sheet: SHEET, afterRow: 7, startCol: 3, values: [["宣传活动场次", "≥4", "场"]], formatFromRow: 7, extendMergesInColumns: [1, 2] };
    const result = await host.insertRows(request);
    expect(fake.syncCount).toBe(2);
    expect(result.warnings).toBeUndefined();
    expect(mergesOf(wb.snapshot(), SHEET)).toEqual(expect.arrayContaining(["A6:A10", "B6:B8"]));
    await host.undoInsert(result.undoToken);
    expect(wb.snapshot()).toEqual(before);
  });
});

describe("[merged-512] more than 512 merged areas: Excel refuses them, never the values", () => {
  it("reads a sheet of 100 stacked tables (600 merges) with all its merges; the next read is one sync", async () => {
    const { fake, host, wb } = await setup(stackedTables(100));
    const expected = wb.toGrid(wb.sheets[0]);
    expect(expected.merges).toHaveLength(600);
    const [grid] = await host.readSheets({ kind: "active" });
    expect(grid.cells).toEqual(expected.cells);
    expect(new Set(grid.merges?.map(formatAddress))).toEqual(new Set(expected.merges?.map(formatAddress)));
    expect(fake.syncs.filter((s) => s.failed).length).toBeGreaterThan(0); // Excel did refuse
    expect(host.readWarnings).toEqual([]);
    fake.resetCounters();
    const [again] = await host.readSheets({ kind: "all" });
    expect(fake.syncCount).toBe(1); // bands planned from the tops seen: no refusal
    expect(again.merges).toHaveLength(600);
  });

  it("inserts into the 95th table, below 564 merges, and undo restores exactly", async () => {
    const { fake, host, wb } = await setup(stackedTables(100));
    const before = wb.snapshot();
    const base = 94 * 15; // table 95 starts on row base + 1
    const result = await host.insertRows({ sheet: "汇总", afterRow: base + 7, startCol: 3, values: [["新指标", "≥1", "次"]], formatFromRow: base + 7, extendMergesInColumns: [1, 2] });
    expect(result.warnings).toBeUndefined();
    expect(fake.syncs.some((s) => s.failed)).toBe(true); // rows 1..N held more than 512 areas
    expect(mergesOf(wb.snapshot(), "汇总")).toEqual(expect.arrayContaining([`A${base + 6}:A${base + 10}`, `B${base + 6}:B${base + 8}`]));
    await host.undoInsert(result.undoToken);
    expect(wb.snapshot()).toEqual(before);
    // once a read has seen where the merges are, insertion plans its bands: two syncs, no refusal
    await host.readSheets({ kind: "all" });
    fake.resetCounters();
    const again = await host.insertRows({ sheet: "汇总", afterRow: base + 7, startCol: 3, values: [["新指标", "≥1", "次"]], formatFromRow: base + 7, extendMergesInColumns: [1, 2] });
    expect(fake.syncs.map((s) => s.failed ?? "ok")).toEqual(["ok", "ok"]);
    await host.undoInsert(again.undoToken);
    expect(wb.snapshot()).toEqual(before);
  });

  it("a sheet whose merges Excel cannot list even row by row is read without them, and says so", async () => {
    const wb = sampleWorkbook();
    const s = wb.requireSheet("填报说明");
    for (let i = 0; i < 600; i++) wb.merge(s, { top: 3, bottom: 3, left: 2 * i + 1, right: 2 * i + 2 }); // 600 areas on one row
    const { host } = await setup(wb);
    const grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toEqual([SHEET, "填报说明", "Lists"]);
    expect(grids[0].merges).toHaveLength(wb.toGrid(wb.sheets[0]).merges?.length ?? -1);
    expect(grids[1].cells[0][0]).toBe("请按单位填报");
    expect(grids[1].merges).toBeUndefined();
    expect(host.readWarnings).toEqual([expect.stringMatching(/填报说明.*合并单元格/)]);
  });
});

describe("[cells-5m] a get of more than 5 million cells is refused on every platform", () => {
  function sixMillion(): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    const s = wb.addSheet("大表");
    wb.patchCell(s, 1, 1, { value: "左上" });
    wb.patchCell(s, 100_000, 60, { value: "右下" }); // A1:BH100000 = 6,000,000 cells
    wb.patchCell(s, 50_000, 30, { value: 0.95, numberFormat: "0%" });
    return wb;
  }

  function check(grid: Grid): void {
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.cells).toHaveLength(100_000);
    expect(grid.cells[0]).toHaveLength(60);
    expect(grid.cells[0][0]).toBe("左上");
    expect(grid.cells[99_999][59]).toBe("右下");
    expect(grid.cells[49_999][29]).toBe(0.95);
    expect(grid.numberFormats?.[49_999][29]).toBe("0%");
  }

  it.each(["error", "null"] as const)("reads a used range of 6 million cells on the desktop profile in row blocks (Excel answers %s)", async (answer) => {
    const { fake, host } = await setup(sixMillion(), { platform: "desktop", behaviours: { cellLimit: { cells: 5_000_000, answer } } });
    const [grid] = await host.readSheets({ kind: "active" });
    check(grid);
    const failed = fake.syncs.filter((s) => s.failed);
    expect(failed.length).toBeLessThanOrEqual(1);
    if (answer === "error") expect(failed[0]?.failed).toBe("RangeExceedsLimit");
    expect(host.readWarnings).toEqual([]);
  }, 120_000);

  it("the same sheet read with the others (readSheets all) on the desktop profile", async () => {
    const wb = sixMillion();
    wb.addSheet("小表");
    wb.patchCell(wb.requireSheet("小表"), 2, 2, { value: "x" });
    const { host } = await setup(wb, { platform: "desktop" });
    const grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toEqual(["大表", "小表"]);
    check(grids[0]);
    expect(grids[1].cells).toEqual([["x"]]);
  }, 120_000);
});

describe("[cell-edit] while the user edits a cell", () => {
  it("a re-check after an edit waits until the user leaves the cell, then reads and marks", async () => {
    const { fake, host } = await setup(sampleWorkbook(), {}, { debounceMs: 0 });
    const events: string[] = [];
    host.onChange((e) => events.push(e.sheet));
    await settle(); // registration
    fake.userEdit(SHEET, "D6", "≥10");
    await fake.flushEvents();
    expect(events).toEqual([SHEET]);
    // the user starts typing in the next cell before the re-check runs
    fake.startCellEdit();
    let read: Grid[] | null = null;
    const pending = host.readSheets({ kind: "named", names: [SHEET] }).then((g) => (read = g));
    await settle();
    expect(read).toBeNull(); // held by Excel, not failed
    fake.endCellEdit();
    await pending;
    expect(read![0].cells[5][3]).toBe("≥10");
    fake.startCellEdit();
    const marking = host.applyMarks([{ sheet: SHEET, cell: "D6", severity: "error" }]);
    await settle();
    fake.endCellEdit();
    expect((await marking).marked).toBe(1);
    expect(fake.runs.every((r) => r.delayForCellEdit)).toBe(true);
  });

  it.each(["InvalidOperationInCellEditMode", "InvalidOperation"] as const)("a fix fails at once (%s) with a message to press Enter or Esc, changing nothing", async (code) => {
    const { fake, host, wb } = await setup(sampleWorkbook(), { behaviours: { cellEditErrorCode: code } });
    const before = wb.snapshot();
    fake.startCellEdit();
    await expect(host.setCellValue(SHEET, "D6", 9, "≥9")).rejects.toMatchObject({ code: "office", message: expect.stringMatching(/Enter.*Esc/) });
    await expect(host.insertRows({ sheet: SHEET, afterRow: 7, startCol: 3, values: [["x"]], formatFromRow: 7, extendMergesInColumns: [] })).rejects.toMatchObject({
      message: expect.stringMatching(/单元格编辑/),
    });
    fake.endCellEdit();
    expect(wb.snapshot()).toEqual(before);
    await host.setCellValue(SHEET, "D6", 9, "≥9");
  });
});

describe("[typed-strings] strings written to cells are parsed as if typed", () => {
  it.each([
    ["95%", 0.95],
    ["2022-12-31", 44926],
    ["TRUE", true],
    ["1,000", 1000],
    ["12/31/2022", 44926],
    ["-5", -5],
  ] as const)("the fake stores %s as Excel does", async (text, stored) => {
    const wb = sampleWorkbook();
    const fake = new FakeExcel(wb);
    await fake.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange("F6").values = [[text]];
      await ctx.sync();
    });
    expect(wb.getValue(wb.requireSheet(SHEET), 6, 6)).toBe(stored);
  });

  it.each(["95%", "2022-12-31", "TRUE", "1,000", "'引号", "007", "(3)", "#N/A", "１２"])("a fix writing %s keeps it text, and undo and a second fix find what they expect", async (text) => {
    const { host, wb } = await setup();
    const sheet = wb.requireSheet(SHEET);
    const cell = { row: 6, col: 4 };
    wb.patchCell(sheet, cell.row, cell.col, { value: "95" }); // text, as the user typed it in a Text cell
    const before = wb.snapshot();
    const change = await host.setCellValue(SHEET, "D6", text, "95");
    expect(change.value).toBe(text);
    expect(wb.getCell(sheet, cell.row, cell.col)).toMatchObject({ value: text });
    expect(wb.getCell(sheet, cell.row, cell.col)?.numberFormat).toBeUndefined();
    await host.setCellValue(SHEET, "D6", change.previous, change.value); // undo
    expect(wb.snapshot()).toEqual(before);
    await host.setCellValue(SHEET, "D6", text, "95"); // and again
    expect(wb.getValue(sheet, cell.row, cell.col)).toBe(text);
  });

  it("template rows and new sheets keep text that Excel would parse", async () => {
    const { host, wb } = await setup();
    const r = await host.insertRows({ sheet: SHEET, afterRow: 9, startCol: 3, values: [["完成率", "100%", "2024-06-30"]], formatFromRow: 9, extendMergesInColumns: [] });
    const s = wb.requireSheet(SHEET);
    expect([wb.getValue(s, 10, 4), wb.getValue(s, 10, 5)]).toEqual(["100%", "2024-06-30"]);
    await host.undoInsert(r.undoToken);
    const added = await host.addSheet({ sheet: "新表", cells: [["指标", "指标值"], ["满意度", "≥90%"], ["及时率", "100%"]] });
    const n = wb.requireSheet(added.sheet);
    expect(wb.getValue(n, 3, 2)).toBe("100%");
    await host.removeAddedSheet(added.undoToken);
  });
});

describe("[selection-event] worksheets.onSelectionChanged", () => {
  it("reports the user's selection and selectCell as { sheet, cell } with the top-left cell, until disposed", async () => {
    const { fake, host } = await setup();
    const seen: { sheet: string; cell: string }[] = [];
    const off = host.onSelectionChanged((sel) => seen.push(sel));
    await settle();
    fake.userSelect(SHEET, "C7:D9");
    await fake.flushEvents();
    await host.selectCell("填报说明", "A1");
    await fake.flushEvents();
    expect(seen).toEqual([
      { sheet: SHEET, cell: "C7" },
      { sheet: "填报说明", cell: "A1" },
    ]);
    off();
    fake.userSelect(SHEET, "E8");
    await fake.flushEvents();
    expect(seen).toHaveLength(2);
    await host.dispose();
    expect(fake.selectionHandlers.size).toBe(0);
  });
});

describe("[context-bound] objects belong to their request context", () => {
  it("dispose removes the handlers in the contexts that added them", async () => {
    const { fake, host } = await setup();
    host.onChange(() => undefined);
    host.onSelectionChanged(() => undefined);
    await settle();
    expect([fake.changeHandlers.size, fake.selectionHandlers.size]).toEqual([1, 1]);
    await host.dispose();
    expect([fake.changeHandlers.size, fake.selectionHandlers.size]).toEqual([0, 0]);
  });
});
