/**
 * Crashes found by the property tests and the awkward-workbook corpus, each kept as a plain test
 * next to the smallest input that showed it.
 */
import ExcelJS from "exceljs";
import { validate } from "../../src/core/engine";
import type { Grid } from "../../src/core/grid";
import { recognizeTables } from "../../src/core/recognize";
import { parseValue } from "../../src/core/value/parse";
import { worksheetToGrid, type SkippedCells } from "../../src/host/xlsx/worksheetToGrid";
import { ExcelHost } from "../../src/host/excel/host";
import { MemoryWorkbook } from "../../src/host/memory/workbook";
import { FakeExcel } from "../fakes/excel";

describe("regressions found by the robustness suite", () => {
  it("a table whose 三级 column is the sheet's column A and a row that reads badly does not shift off the sheet", () => {
    // RangeError: column must be a positive integer, got 0 — the row-shift search tried the name one
    // column left of column A and anchored a row-shifted finding there.
    const grid: Grid = { sheet: "S", origin: { row: 1, col: 1 }, cells: [["三级指标", "指标说明", "指标值"], [0, null, null]] };
    expect(() => validate([grid])).not.toThrow();
    const [t] = recognizeTables(grid);
    expect(t.indicators[0]?.shift ?? 0).toBe(0);
  });

  it("the same table further right is not shifted out of its own columns either", () => {
    const grid: Grid = { sheet: "S", origin: { row: 4, col: 3 }, cells: [["三级指标", "指标说明", "指标值"], [0, null, null]] };
    const r = validate([grid]);
    for (const f of r.findings) expect(f.col).toBeGreaterThanOrEqual(3);
  });
});

describe("rules never anchor a finding left of the table when a row is read as shifted", () => {
  it.each([
    ["basis column first", [["取值依据", "具体指标", "计划目标值"], [false, null, null]]],
    ["value column first", [["目标值", "具体指标", "半年度目标值"], ["１，００３．８２", null, null]]],
    ["a second header under the first", [["评分标准", "绩效指标", "指标值"], [null, null, null], ["三级指标", "计划目标值", null]]],
  ])("%s", (_, cells) => {
    // RangeError in missing.basis / missing.value: a role column at the table's left edge plus a shift of -1
    const grid: Grid = { sheet: "S", origin: { row: 1, col: 1 }, cells: cells as Grid["cells"] };
    const r = validate([grid]);
    for (const f of r.findings) expect(f.col).toBeGreaterThanOrEqual(1);
  });
});

describe("the Excel host tells text that starts with = from a formula", () => {
  // Office.js drops the quote of a text constant ('=100%) in range.formulas (OfficeDev/office-js#6687),
  // so "=100%" typed as text read as a formula: a fix to such a cell, and the undo of the
  // range.at-least-100 fix (which writes "=100%"), were refused with "the cell holds a formula".
  it("fixes a cell holding the text =100% and undoes a fix that wrote it; a real formula is still refused", async () => {
    const wb = new MemoryWorkbook();
    const s = wb.addSheet("表");
    wb.patchCell(s, 1, 1, { value: "=100%" });
    wb.patchCell(s, 2, 1, { value: 12.5, formula: "=B3" });
    wb.patchCell(s, 3, 1, { value: "≥100%" });
    const fake = new FakeExcel(wb);
    const host = await ExcelHost.create(fake.api());
    const before = wb.snapshot();
    const a = await host.setCellValue("表", "A1", "≥100%", "=100%");
    const b = await host.setCellValue("表", "A3", "=100%", "≥100%");
    await host.setCellValue("表", "A3", b.previous, b.value);
    await host.setCellValue("表", "A1", a.previous, a.value);
    expect(wb.snapshot()).toEqual(before);
    await expect(host.setCellValue("表", "A2", 1, 12.5)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("content far apart on one sheet (found by the awkward-workbook corpus)", () => {
  // A table at A1 and one value at XFD1048576 made the reader allocate a 1,048,576 × 16,384 grid:
  // the CLI died with "JavaScript heap out of memory".
  it("the grid covers the main block within the cell budget and reports what it left out", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("远");
    ws.getCell("A1").value = "一级指标";
    ws.getCell("B2").value = "三级指标";
    ws.getCell("C3").value = 5;
    ws.getCell("XFD1048576").value = "备注";
    ws.getCell("A900000").value = "远处";
    const skipped: SkippedCells[] = [];
    const grid = worksheetToGrid(ws, skipped, 100);
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.cells).toHaveLength(3);
    expect(skipped).toEqual([{ sheet: "远", cells: 2, example: "A900000", kept: "A1:C3" }]);
  });

  it("a dense block larger than the budget is cut to its first rows", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("密");
    for (let r = 1; r <= 50; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).value = r * c;
    const skipped: SkippedCells[] = [];
    const grid = worksheetToGrid(ws, skipped, 40);
    expect(grid.cells.length * grid.cells[0].length).toBeLessThanOrEqual(40);
    expect(skipped[0]).toMatchObject({ sheet: "密", cells: 200 - 40, kept: "A1:D10" });
  });

  it("within the budget nothing changes", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("近");
    ws.getCell("B2").value = 1;
    ws.getCell("Z500").value = 2;
    const skipped: SkippedCells[] = [];
    const grid = worksheetToGrid(ws, skipped);
    expect(grid.origin).toEqual({ row: 2, col: 2 });
    expect(grid.cells).toHaveLength(499);
    expect(skipped).toEqual([]);
  });
});

describe("values people really type (found by the awkward-workbook corpus)", () => {
  const table = (value: Grid["cells"][number][number], format: string | null = null): Grid => {
    const cells: Grid["cells"] = [
      ["项目名称", "宣传费"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "时效指标", "宣传完成时间", value],
    ];
    return { sheet: "S", origin: { row: 1, col: 1 }, cells, numberFormats: cells.map((r) => r.map((_, j) => (j === 3 ? format : null))) };
  };
  const at = (g: Grid) => validate([g]).findings.filter((f) => f.cell === "D3");

  it("an Excel error value (#N/A, #REF!, #DIV/0!) as a target says the formula failed", () => {
    // they were read as words and passed without a finding (only #DIV/0! was "malformed" because of its "!")
    for (const e of ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!"]) {
      expect(parseValue(e)).toMatchObject({ kind: "malformed" });
      expect(at(table(e)).map((f) => f.message).join()).toMatch(/Excel 的错误值/);
    }
    expect(parseValue("#1").kind).not.toBe("malformed"); // not every # is an error
  });

  it("a date typed into Excel (a serial with a date format) is a target date, not a number without a unit", () => {
    // 44926 with yyyy-mm-dd was parsed as the number 44926 and reported as "no unit"
    expect(at(table(44926, "yyyy-mm-dd"))).toEqual([]);
    expect(at(table(44926, "yyyy\"年\"m\"月\"d\"日\""))).toEqual([]);
    expect(recognizeTables(table(44926, "yyyy-mm-dd"))[0].indicators[0].parsed?.kind).toBe("date");
  });

  it("a 32,767-character cell is quoted by its start, not in full", () => {
    const long = "≥9次，".repeat(8000).slice(0, 32_767);
    const [f] = at(table(long));
    expect(f.message.length).toBeLessThan(400);
    expect(f.message).toContain("…");
    expect(f.value).toBe(long); // the finding still names the whole value (ignore keys)
  });
});
