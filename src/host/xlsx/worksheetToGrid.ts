/**
 * One exceljs worksheet -> one Grid, the way Office.js reads a used range:
 * the rectangle from the first to the last non-empty cell, plain values,
 * number formats alongside, merges in sheet coordinates.
 *
 * Only cells that exist in the file are visited, and the grid is sized from the
 * non-empty ones: a sheet whose <dimension> or formatting claims 1,048,576 rows
 * costs nothing beyond its real content.
 */
import type { Worksheet, Cell } from "exceljs";
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { toPlainValue } from "./cellValue";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** exceljs's ValueType.Merge: a cell covered by a merge (not its top-left). */
const MERGED_SLAVE = 1;

interface FoundCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
}

function formatOf(cell: Cell): string | null {
  const f = cell.numFmt;
  if (typeof f !== "string" || f === "" || f === "General") return null;
  return f;
}

function collectCells(ws: Worksheet): FoundCell[] {
  const found: FoundCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Office.js gives "" for every cell of a merge but its top-left.
      if ((cell.type as number) === MERGED_SLAVE) return;
      const value = toPlainValue(cell.value);
      if (value === null) return;
      found.push({ row: rowNumber, col: colNumber, value, format: formatOf(cell) });
    });
  });
  return found;
}

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function readMerges(ws: Worksheet): CellRange[] {
  // exceljs keeps merges in a private map keyed by the top-left address. Reading it
  // avoids `ws.model`, which would serialise every row of the sheet.
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeModel } | undefined> })._merges;
  const out: CellRange[] = [];
  if (internal) {
    for (const merge of Object.values(internal)) {
      const m = merge?.model;
      if (!m) continue;
      out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

export function visibilityOf(ws: Worksheet): SheetVisibility {
  const s = ws.state as string;
  return s === "hidden" || s === "veryHidden" ? s : "visible";
}

export function worksheetToGrid(ws: Worksheet): Grid {
  const found = collectCells(ws);
  const merges = readMerges(ws);
  const hidden = visibilityOf(ws) !== "visible";

  if (found.length === 0) {
    return { sheet: ws.name, origin: { row: 1, col: 1 }, cells: [], numberFormats: [], merges, hidden };
  }

  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of found) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }

  const height = bottom - top + 1;
  const width = right - left + 1;
  const cells: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const c of found) {
    cells[c.row - top][c.col - left] = c.value;
    numberFormats[c.row - top][c.col - left] = c.format;
  }

  return { sheet: ws.name, origin: { row: top, col: left }, cells, numberFormats, merges, hidden };
}
