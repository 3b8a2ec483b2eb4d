/**
 * The look of an .xlsx file for the playground's drawing: cell styles (fill, font, borders,
 * alignment, wrap) into the memory workbook, and column widths. Values, number formats, merges
 * and visibility come from the same reader the CLI uses (host/xlsx); this adds only what a
 * person sees, so the playground looks like the workbook in Excel. Best effort: a style that
 * cannot be read is left out, never an error.
 */
import type ExcelJS from "exceljs";
import type { BorderModel, CellStyle, MemoryWorkbook } from "../host/memory";

type Color = Partial<ExcelJS.Color> | undefined;

function argb(c: Color): string | undefined {
  const v = c?.argb;
  return typeof v === "string" && /^[0-9a-f]{6,8}$/i.test(v) ? `#${v.slice(-6).toUpperCase()}` : undefined;
}

function borderOf(b: Partial<ExcelJS.Border> | undefined): BorderModel | undefined {
  if (!b?.style) return undefined;
  const color = argb(b.color);
  return color ? { style: b.style, color } : { style: b.style };
}

/** An exceljs style -> the memory workbook's CellStyle (only what is set). */
export function cellStyleOf(s: Partial<ExcelJS.Style>): CellStyle | undefined {
  const out: CellStyle = {};
  const fill = s.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = argb(fill.fgColor);
    if (c) out.fill = c;
  }
  const f = s.font;
  if (f) {
    const font: NonNullable<CellStyle["font"]> = {};
    if (f.name) font.name = f.name;
    if (typeof f.size === "number") font.size = f.size;
    if (f.bold) font.bold = true;
    if (f.italic) font.italic = true;
    if (f.strike) font.strikethrough = true;
    if (f.underline && f.underline !== "none") font.underline = typeof f.underline === "string" ? f.underline : "single";
    const c = argb(f.color);
    if (c) font.color = c;
    if (Object.keys(font).length) out.font = font;
  }
  const b = s.border;
  if (b) {
    const borders: NonNullable<CellStyle["borders"]> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const m = borderOf(b[side]);
      if (m) borders[side] = m;
    }
    if (Object.keys(borders).length) out.borders = borders;
  }
  const a = s.alignment;
  if (a) {
    if (a.horizontal) out.horizontalAlignment = a.horizontal;
    if (a.vertical) out.verticalAlignment = a.vertical;
    if (a.wrapText) out.wrapText = true;
    if (typeof a.indent === "number" && a.indent > 0) out.indent = a.indent;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Column widths per sheet, in Excel's character units (undefined: the default width). */
export type ColumnWidths = Map<string, (number | undefined)[]>;

/** Copy styles from exceljs's model of the file onto the matching sheets of `workbook`; returns column widths. */
export function applyXlsxStyles(workbook: MemoryWorkbook, wb: ExcelJS.Workbook): ColumnWidths {
  const widths: ColumnWidths = new Map();
  try {
    for (const ws of wb.worksheets) {
      const sheet = workbook.sheetByName(ws.name);
      if (!sheet) continue;
      const w: (number | undefined)[] = [];
      for (let c = 1; c <= Math.min(ws.columnCount, 200); c++) w.push(ws.getColumn(c).width);
      widths.set(ws.name, w);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const style = cellStyleOf(cell.style ?? {});
          if (style) workbook.patchCell(sheet, r, c, { style });
        });
      });
    }
  } catch {
    // the values are what matters; a workbook without readable styles is drawn plain
  }
  return widths;
}
