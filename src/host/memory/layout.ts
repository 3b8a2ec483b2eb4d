/** A new sheet's layout (shared/newSheet.ts) as the memory workbook stores formats: one style per cell. */
import { LAYOUT_STYLE, type SheetLayout } from "../shared/newSheet";
import type { CellStyle } from "./workbook";

/**
 * The format of one cell of the layout, as the memory workbook stores it. The Excel host writes the
 * same formats range by range (whole area, frame borders, title, captions, header row), and the fake
 * Excel object model turns those commands into exactly these cell styles.
 */
export function layoutCellStyle(layout: SheetLayout, row: number, col: number): CellStyle {
  const style: CellStyle = { wrapText: true, verticalAlignment: "center" };
  const f = layout.frame;
  if (f && row >= f.top && row <= f.bottom && col >= f.left && col <= f.right) {
    const b = { style: "thin", color: LAYOUT_STYLE.borderColor };
    style.borders = { top: { ...b }, bottom: { ...b }, left: { ...b }, right: { ...b } };
  }
  if (row === layout.titleRow) {
    style.font = { bold: true, size: LAYOUT_STYLE.titleFontSize };
    style.horizontalAlignment = "center";
  }
  if (layout.captionRows.includes(row)) style.horizontalAlignment = "right";
  if (row === layout.headerRow) {
    style.font = { ...style.font, bold: true };
    style.horizontalAlignment = "center";
    style.fill = LAYOUT_STYLE.headerFill;
  }
  return style;
}

