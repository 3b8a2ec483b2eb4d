/**
 * A WorkbookSpec -> .xlsx bytes with exceljs, styled like a real submission:
 * 宋体, bold title and header rows, thin borders on the table cells, wrapped text,
 * column widths and row heights from sheetLayout.ts. Fixed dates keep the output
 * byte-identical from one build to the next.
 */
import ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/grid";
import type { SheetSpec, WorkbookSpec } from "./sheetLayout";
import type { TableFrame } from "./tableLayout";
import { normalizeZipTimestamps } from "./zipTimestamps";

/** Creation/modification date written into every example workbook. */
export const EXAMPLE_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const FONT_NAME = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const ALL_THIN: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleTables(ws: ExcelJS.Worksheet, spec: SheetSpec<TableFrame>): void {
  for (const t of spec.tables) {
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const role = spec.roles.get(r);
      for (let c = 1; c <= t.width; c++) {
        const cell = ws.getCell(r, c);
        cell.border = ALL_THIN;
        const centred = role === "grid-header" || (role === "grid" && c <= (t.labelColumns ?? 2)) || role === "plan";
        cell.alignment = { vertical: "middle", horizontal: centred ? "center" : undefined, wrapText: true };
        cell.font = { name: FONT_NAME, size: 10, bold: false };
      }
    }
    for (let r = t.titleRow; r < t.firstRow; r++) {
      const role = spec.roles.get(r);
      if (role !== "title" && role !== "subtitle") continue;
      const cell = ws.getCell(r, 1);
      cell.alignment = { vertical: "middle", horizontal: "center" };
      cell.font = role === "title" ? { name: FONT_NAME, size: 14, bold: true } : { name: FONT_NAME, size: 11 };
    }
  }
}

function mergeAll(ws: ExcelJS.Worksheet, merges: CellRange[]): void {
  for (const m of merges) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
}

function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec<TableFrame>): void {
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { defaultRowHeight: 15 },
  });
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  mergeAll(ws, spec.merges);
  styleTables(ws, spec);
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (spec.textRows.has(c.row)) cell.font = { name: FONT_NAME, size: 11 };
    else if (c.bold) cell.font = { ...cell.font, name: FONT_NAME, bold: true };
    if (c.alignment) cell.alignment = { ...cell.alignment, ...c.alignment };
  }
  for (const [row, height] of spec.rowHeights) ws.getRow(row).height = height;
}

export async function workbookBytes(spec: WorkbookSpec<TableFrame>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Jixiao examples (scripts/build-examples.ts)";
  wb.lastModifiedBy = "Jixiao examples";
  wb.created = EXAMPLE_DATE;
  wb.modified = EXAMPLE_DATE;
  for (const sheet of spec.sheets) writeSheet(wb, sheet);
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normalizeZipTimestamps(raw, EXAMPLE_DATE);
}
