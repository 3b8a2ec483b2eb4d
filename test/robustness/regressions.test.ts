/**
 * Crashes found by the property tests and the awkward-workbook corpus, each kept as a plain test
 * next to the smallest input that showed it.
 */
import { validate } from "../../src/core/engine";
import type { Grid } from "../../src/core/grid";
import { recognizeTables } from "../../src/core/recognize";
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
