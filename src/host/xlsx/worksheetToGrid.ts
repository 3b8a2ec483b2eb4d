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
import { rangeToA1, toA1, type CellRange, type CellValue, type Grid } from "../../core/grid";
import { toPlainValue } from "./cellValue";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** exceljs's ValueType.Merge: a cell covered by a merge (not its top-left). */
const MERGED_SLAVE = 1;

/** A non-empty cell of a sheet, with its number format (null for General). */
export interface FoundCell {
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

export function readMerges(ws: Worksheet): CellRange[] {
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

/** What a grid takes from its worksheet: exceljs's Worksheet, or the direct reader's sheet entry. */
export interface SheetIdentity {
  name: string;
  state?: unknown;
}

export function visibilityOf(ws: SheetIdentity): SheetVisibility {
  const s = ws.state as string;
  return s === "hidden" || s === "veryHidden" ? s : "visible";
}

/**
 * The most cells one grid may span (Excel's own limit for one read). A sheet whose content is
 * spread wider than that (a table at A1 and a stray value at XFD1048576) would need a dense
 * 17-billion-cell array; instead the grid covers the content that fits and the rest is reported.
 */
export const MAX_GRID_CELLS = 5_000_000;

/** Content a grid left out because it lay too far from the rest (see MAX_GRID_CELLS). */
export interface SkippedCells {
  sheet: string;
  /** non-empty cells left out */
  cells: number;
  /** the first of them, "XFD1048576" */
  example: string;
  /** the range the grid covers, "A1:F30" */
  kept: string;
}

function boundsOf(cells: readonly FoundCell[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return { top, left, bottom, right };
}

const area = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const union = (a: CellRange, b: CellRange): CellRange => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) });

/** Indices of the sorted distinct values, split where a gap is wider than `gap`. */
function bands(values: number[], gap: number): Map<number, number> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const band = new Map<number, number>();
  let k = 0;
  sorted.forEach((v, i) => {
    if (i > 0 && v - sorted[i - 1] > gap) k++;
    band.set(v, k);
  });
  return band;
}

/**
 * The rectangle to read when the content's bounding box exceeds `budget` cells: content is grouped
 * into blocks separated by wide empty gaps, the block with most cells is kept, and other blocks are
 * added (most cells first) while the rectangle stays within the budget; a single block still too
 * large is cut to its first rows.
 */
function keptRange(found: readonly FoundCell[], budget: number): CellRange {
  const rowBand = bands(found.map((c) => c.row), 100);
  const colBand = bands(found.map((c) => c.col), 20);
  const blocks = new Map<string, FoundCell[]>();
  for (const c of found) {
    const k = `${rowBand.get(c.row)}:${colBand.get(c.col)}`;
    const list = blocks.get(k);
    if (list) list.push(c);
    else blocks.set(k, [c]);
  }
  const ordered = [...blocks.values()].sort((a, b) => b.length - a.length).map(boundsOf);
  let kept = ordered[0];
  for (const b of ordered.slice(1)) {
    const u = union(kept, b);
    if (area(u) <= budget) kept = u;
  }
  if (area(kept) > budget) {
    const width = kept.right - kept.left + 1;
    if (width > budget) kept = { ...kept, right: kept.left + budget - 1 };
    kept = { ...kept, bottom: kept.top + Math.max(1, Math.floor(budget / (kept.right - kept.left + 1))) - 1 };
  }
  return kept;
}

/**
 * One worksheet as a grid. When its content spans more than `budget` cells, the grid covers the
 * main block of content and what was left out is pushed to `skipped`.
 */
export function worksheetToGrid(ws: Worksheet, skipped?: SkippedCells[], budget = MAX_GRID_CELLS): Grid {
  return gridFromCells(ws, collectCells(ws), readMerges(ws), skipped, budget);
}

/**
 * The grid of a worksheet from its non-empty cells (in row order, then column order), leaving out
 * cells covered by a merge but its top-left. Name and visibility come from `ws`; `merges` sorted by
 * top, then left (readMerges).
 */
export function gridFromCells(ws: SheetIdentity, nonEmpty: FoundCell[], merges: CellRange[], skipped?: SkippedCells[], budget = MAX_GRID_CELLS): Grid {
  let found = nonEmpty;
  const hidden = visibilityOf(ws) !== "visible";

  if (found.length === 0) {
    return { sheet: ws.name, origin: { row: 1, col: 1 }, cells: [], numberFormats: [], merges, hidden };
  }

  let box = boundsOf(found);
  if (area(box) > budget) {
    const kept = keptRange(found, budget);
    const inside = (c: FoundCell) => c.row >= kept.top && c.row <= kept.bottom && c.col >= kept.left && c.col <= kept.right;
    const out = found.filter((c) => !inside(c));
    found = found.filter(inside);
    box = boundsOf(found);
    if (out.length) skipped?.push({ sheet: ws.name, cells: out.length, example: toA1(out[0].row, out[0].col), kept: rangeToA1(box) });
  }
  const { top, left, bottom, right } = box;

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

/** The first `n` non-empty cells as parallel lists (the direct reader's form), in row order, then column order. */
export interface CellLists {
  n: number;
  rows: ArrayLike<number>;
  cols: ArrayLike<number>;
  values: readonly CellValue[];
  formats: readonly (string | null)[];
}

/**
 * gridFromCells for cells given as lists: the same grid, built without an object per cell (a
 * sheet whose content spans more than `budget` cells takes gridFromCells' way).
 */
export function gridFromLists(ws: SheetIdentity, c: CellLists, merges: CellRange[], skipped?: SkippedCells[], budget = MAX_GRID_CELLS): Grid {
  const { n, rows, cols, values, formats } = c;
  if (n === 0) return gridFromCells(ws, [], merges, skipped, budget);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const k = cols[i];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (k < left) left = k;
    if (k > right) right = k;
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > budget) {
    const found: FoundCell[] = [];
    for (let i = 0; i < n; i++) found.push({ row: rows[i], col: cols[i], value: values[i], format: formats[i] });
    return gridFromCells(ws, found, merges, skipped, budget);
  }
  const cells: CellValue[][] = new Array(height);
  const numberFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    cells[r] = new Array<CellValue>(width).fill(null);
    numberFormats[r] = new Array<string | null>(width).fill(null);
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i] - top;
    const k = cols[i] - left;
    cells[r][k] = values[i];
    numberFormats[r][k] = formats[i];
  }
  return { sheet: ws.name, origin: { row: top, col: left }, cells, numberFormats, merges, hidden: visibilityOf(ws) !== "visible" };
}
