/**
 * addSheet / removeAddedSheet ("new table from template") on both hosts: the memory host and the
 * Excel host over the fake object model. The new sheet holds the table's cells, merges, number
 * formats and layout, the engine finds exactly one table of the chosen framework on it, an existing
 * sheet of the same name is never touched, and undo removes only an unedited sheet Jixiao made.
 */
import { validate } from "../../src/core/engine";
import { BUILTIN_LIBRARY } from "../../src/core/library/data";
import { newTableGrid, type NewTable } from "../../src/core/library/newTable";
import type { FrameworkId } from "../../src/core/model";
import { ExcelHost } from "../../src/host/excel/host";
import { MemoryHost } from "../../src/host/memory";
import { MemoryWorkbook, formatAddress, type SheetSnapshot } from "../../src/host/memory/workbook";
import { charsToPoints, cleanSheetName, holdsOnlyWritten, layoutNewSheet, pointsToChars, uniqueSheetName } from "../../src/host/shared/newSheet";
import { HostError, type WorkbookHost } from "../../src/host/types";
import { FakeExcel } from "../fakes/excel";
import { sampleWorkbook } from "../fakes/workbooks";

const FRAMEWORKS: FrameworkId[] = ["common", "core-2021", "evaluation", "four-goal"];
const training = BUILTIN_LIBRARY.templates.filter((t) => t.projectTypes.includes("training"));
const general = BUILTIN_LIBRARY.templates.filter((t) => t.projectTypes.includes("general") && t.level1 !== "成本");

function table(framework: FrameworkId = "common", projectName = "业务培训费"): NewTable {
  return newTableGrid({ framework, projectName, templates: [...training, ...general], budget: { total: 12.9 }, moneyUnit: "万元", year: 2024 });
}

interface Setup {
  host: WorkbookHost;
  wb: MemoryWorkbook;
  fake?: FakeExcel;
}

const HOSTS: [string, (wb: MemoryWorkbook) => Promise<Setup>][] = [
  ["memory", async (wb) => ({ host: new MemoryHost(wb), wb })],
  [
    "excel",
    async (wb) => {
      const fake = new FakeExcel(wb);
      const host = await ExcelHost.create(fake.api());
      fake.resetCounters();
      return { host, wb, fake };
    },
  ],
];

function sheetOf(wb: MemoryWorkbook, name: string): SheetSnapshot {
  const s = wb.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe.each(HOSTS)("%s host: addSheet", (_kind, make) => {
  it.each(FRAMEWORKS)("creates a new active sheet with a %s table the engine recognises as one table", async (fw) => {
    const { host, wb } = await make(sampleWorkbook());
    const t = table(fw);
    const result = await host.addSheet(t);
    expect(result.sheet).toBe("业务培训费");
    expect(result.range).toEqual({ top: 1, left: 1, bottom: t.cells.length, right: t.cells[0].length });
    expect(wb.activeSheet?.name).toBe("业务培训费");
    const sheet = wb.requireSheet("业务培训费");
    // values (merged-over cells are empty), merges and number formats
    const values = wb.values(sheet, result.range);
    const covered = (r: number, c: number) => {
      const m = wb.mergeAt(sheet, r, c);
      return !!m && !(m.top === r && m.left === c);
    };
    t.cells.forEach((line, i) => line.forEach((v, j) => expect(values[i][j]).toEqual(covered(i + 1, j + 1) || v === "" ? null : v)));
    expect(sheet.merges.map(formatAddress).sort()).toEqual(t.merges.map(formatAddress).sort());
    const planRow = t.cells.findIndex((r) => r[0] === "资金支出计划（%）") + 2;
    expect(wb.getCell(sheet, planRow, 2)?.numberFormat).toBe("0%");
    expect(wb.getCell(sheet, planRow, 2)?.value).toBe(0.25);
    // layout: title, bordered frame, header row, wrap, widths
    expect(wb.getCell(sheet, 1, 1)?.style?.font).toMatchObject({ bold: true, size: 16 });
    expect(wb.getCell(sheet, t.headerRow, 1)?.style).toMatchObject({ font: { bold: true }, fill: "#F2F2F2", horizontalAlignment: "center" });
    expect(wb.getCell(sheet, t.cells.length, 3)?.style?.borders?.bottom).toMatchObject({ style: "thin" });
    expect(wb.getCell(sheet, 1, 1)?.style?.borders).toBeUndefined();
    expect(wb.getCell(sheet, 5, 2)?.style?.wrapText).toBe(true);
    expect(sheet.columnWidths?.length).toBe(t.cells[0].length);
    expect(Math.max(...(sheet.columnWidths as number[]))).toBeGreaterThan(8);

    const grids = await host.readSheets({ kind: "active" });
    const report = validate(grids);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].framework.id).toBe(fw);
    expect(report.tables[0].projectName?.text).toBe("业务培训费");
    // the other sheets are as they were
    expect(wb.sheets.map((s) => s.name)).toEqual(["绩效目标表", "填报说明", "Lists", "业务培训费"]);
  });

  it("never overwrites: a sheet with the same name (any case) is untouched and the new one is named “(2)”, “(3)”", async () => {
    const base = sampleWorkbook();
    const existing = base.addSheet("业务培训费");
    base.patchCell(existing, 1, 1, { value: "我的草稿" });
    base.merge(existing, { top: 2, left: 1, bottom: 3, right: 2 });
    const { host, wb } = await make(base);
    const before = sheetOf(wb, "业务培训费");
    const first = await host.addSheet(table());
    const second = await host.addSheet(table());
    expect([first.sheet, second.sheet]).toEqual(["业务培训费 (2)", "业务培训费 (3)"]);
    expect(sheetOf(wb, "业务培训费")).toEqual(before);
    expect(wb.activeSheet?.name).toBe("业务培训费 (3)");
  });

  it("undo removes the new sheet and leaves the workbook exactly as before", async () => {
    const { host, wb } = await make(sampleWorkbook());
    const before = wb.snapshot();
    const r = await host.addSheet(table("core-2021"));
    expect(wb.sheets).toHaveLength(4);
    await host.removeAddedSheet(r.undoToken);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.activeSheet).toBeDefined();
    // a second undo knows nothing of it
    await expect(host.removeAddedSheet(r.undoToken)).rejects.toMatchObject({ code: "not-found" });
  });

  it("undo refuses to delete a sheet the user edited since, unless forced", async () => {
    const { host, wb } = await make(sampleWorkbook());
    const r = await host.addSheet(table());
    const sheet = wb.requireSheet(r.sheet);
    wb.setValues(sheet, 20, 5, [["我填的值"]], "user");
    const err = await host.removeAddedSheet(r.undoToken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "conflict", sheets: [r.sheet] });
    expect(wb.sheetByName(r.sheet)).toBeDefined();
    // a value typed outside the table counts too
    wb.setValues(sheet, 20, 5, [[null]], "user");
    wb.setValues(sheet, 80, 12, [["备注"]], "user");
    await expect(host.removeAddedSheet(r.undoToken)).rejects.toMatchObject({ code: "conflict" });
    await host.removeAddedSheet(r.undoToken, { force: true });
    expect(wb.sheetByName(r.sheet)).toBeUndefined();
  });

  it("undo after the user deleted the sheet says it is gone", async () => {
    const { host, wb } = await make(sampleWorkbook());
    const r = await host.addSheet(table());
    wb.deleteSheet(r.sheet);
    await expect(host.removeAddedSheet(r.undoToken)).rejects.toMatchObject({ code: "not-found", sheets: [r.sheet] });
  });

  it("undo never deletes the last visible sheet", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    const { host } = await make(wb);
    const r = await host.addSheet(table());
    wb.deleteSheet("Sheet1");
    await expect(host.removeAddedSheet(r.undoToken)).rejects.toMatchObject({ code: "invalid" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["业务培训费"]);
  });

  it("refuses empty or malformed tables with a clear error and adds nothing", async () => {
    const { host, wb } = await make(sampleWorkbook());
    const before = wb.snapshot();
    await expect(host.addSheet({ sheet: "x", cells: [] })).rejects.toMatchObject({ code: "invalid" });
    await expect(host.addSheet({ sheet: "x", cells: [["a", "b"]], merges: [{ top: 1, left: 1, bottom: 1, right: 9 }] })).rejects.toMatchObject({ code: "invalid" });
    await expect(host.addSheet({ sheet: "x", cells: Array.from({ length: 3000 }, () => ["a"]) })).rejects.toMatchObject({ code: "invalid" });
    expect(wb.snapshot()).toEqual(before);
  });

  it("names the sheet safely: Excel's forbidden characters and length", async () => {
    const { host, wb } = await make(sampleWorkbook());
    const r = await host.addSheet({ ...table(), sheet: "a/b:c*d?e[f]" + "长".repeat(40) });
    expect(r.sheet).toBe(cleanSheetName("a/b:c*d?e[f]" + "长".repeat(40)));
    expect(r.sheet.length).toBeLessThanOrEqual(31);
    expect(wb.sheetByName(r.sheet)).toBeDefined();
  });
});

describe("ExcelHost.addSheet: batching", () => {
  it("creates the sheet in two syncs and removes it in two, with no sync in a loop", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    const host = await ExcelHost.create(fake.api());
    fake.resetCounters();
    const r = await host.addSheet(table("evaluation"));
    expect(fake.syncCount).toBe(2);
    fake.resetCounters();
    await host.removeAddedSheet(r.undoToken);
    expect(fake.syncCount).toBe(2);
    // the sheet list stays right for the next read: one sync reads everything
    fake.resetCounters();
    const grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toEqual(["绩效目标表", "填报说明", "Lists"]);
    expect(fake.syncCount).toBe(1);
  });

  it("reads the new sheet with the others in one sync afterwards", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    const host = await ExcelHost.create(fake.api());
    await host.addSheet(table());
    fake.resetCounters();
    const grids = await host.readSheets({ kind: "all" });
    expect(grids.map((g) => g.sheet)).toContain("业务培训费");
    expect(fake.syncCount).toBe(1);
  });

  it("makes the same sheet as the memory host (values, formats, merges, widths)", async () => {
    const memory = new MemoryHost(sampleWorkbook());
    const fake = new FakeExcel(sampleWorkbook());
    const excel = await ExcelHost.create(fake.api());
    for (const fw of FRAMEWORKS) {
      const t = table(fw, `项目-${fw}`);
      await memory.addSheet(t);
      await excel.addSheet(t);
      const a = sheetOf(memory.workbook, t.sheet);
      const b = sheetOf(fake.workbook, t.sheet);
      expect({ ...b, id: "" }).toEqual({ ...a, id: "" });
    }
    // a small table of any shape: a title and a one-row frame (no inside borders to draw)
    const small = { sheet: "简表", cells: [["标题", null, null], ["a", "=b", 3]], merges: [{ top: 1, left: 1, bottom: 1, right: 3 }], numberFormats: [[], [null, null, "0.00"]] };
    await memory.addSheet(small);
    await excel.addSheet(small);
    expect({ ...sheetOf(fake.workbook, "简表"), id: "" }).toEqual({ ...sheetOf(memory.workbook, "简表"), id: "" });
    expect(sheetOf(fake.workbook, "简表").cells.B2.value).toBe("=b");
  });
});

describe("new sheet planning", () => {
  it("picks unique names like Excel compares them", () => {
    expect(uniqueSheetName("Sheet1", ["sheet1", "Sheet1 (2)"])).toBe("Sheet1 (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
    expect(uniqueSheetName("History", [])).toBe("绩效目标表");
    expect(uniqueSheetName("'引号'", [])).toBe("引号");
  });

  it("lays out title, caption, frame and header from a core table", () => {
    const t = table();
    const l = layoutNewSheet(t);
    expect(l.titleRow).toBe(1);
    expect(l.captionRows).toEqual([2]);
    expect(l.frame).toEqual({ top: 3, left: 1, bottom: t.cells.length, right: 6 });
    expect(l.headerRow).toBe(t.headerRow);
    expect(l.columnWidths.every((w) => w >= 8 && w <= 36)).toBe(true);
    // the description column is wider than the level-1 column
    expect(l.columnWidths[3]).toBeGreaterThan(l.columnWidths[0]);
  });

  it("converts widths between characters and points without drift", () => {
    for (const w of [8, 10, 12, 20, 36]) expect(pointsToChars(charsToPoints(w))).toBe(w);
  });

  it("tells an untouched sheet from an edited one", () => {
    const written = [["a", null], [null, 2]];
    expect(holdsOnlyWritten({ top: 1, left: 1, values: [["a", null], [null, 2]] }, written)).toBe(true);
    expect(holdsOnlyWritten({ top: 2, left: 2, values: [[2]] }, written)).toBe(false);
    expect(holdsOnlyWritten({ top: 1, left: 1, values: [["a", "b"], [null, 2]] }, written)).toBe(false);
    expect(holdsOnlyWritten(null, written)).toBe(false);
    expect(holdsOnlyWritten(null, [[null]])).toBe(true);
  });
});
