/**
 * A sheet as Excel gives it: a rectangle of cell values starting at `origin`.
 * Pure data, no Office or Node types, so every host can build one.
 */

/** A cell value as Office.js / exceljs hand it over: text, number, boolean or empty.
 * Errors arrive as their text (`#REF!`), dates as serial numbers (with a date number format). */
export type CellValue = string | number | boolean | null;

/** 1-based sheet coordinates. */
export interface CellRef {
  row: number;
  col: number;
}

/** An inclusive rectangle in 1-based sheet coordinates. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** 1-based sheet row and column of `cells[0][0]` (the top-left of the used range). */
  origin: CellRef;
  cells: CellValue[][];
  /** Number formats parallel to `cells`, where known ("0%", "0.00", "yyyy-mm-dd" …). */
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas in sheet coordinates. Only the top-left cell of a merge holds a value. */
  merges?: CellRange[];
  /** Hidden or very hidden sheets are still checked, but hosts may say so. */
  hidden?: boolean;
}

/** Excel's sheet: 1,048,576 rows (XFD1048576 is its last cell) by 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const A_CODE = "A".charCodeAt(0);

/** 1 -> "A", 27 -> "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer, got ${col}`);
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(A_CODE + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" -> 1, "AA" -> 27. */
export function columnNumber(letters: string): number {
  const s = letters.toUpperCase();
  if (!/^[A-Z]+$/.test(s)) throw new RangeError(`not a column name: ${letters}`);
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - A_CODE + 1);
  return n;
}

/** (13, 5) -> "E13". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "E13" -> { row: 13, col: 5 }; accepts "$E$13" too. */
export function parseA1(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) throw new RangeError(`not an A1 address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "A1:F30"; a single cell range gives "A1". */
export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** "E13" -> { row: 13, col: 5 }, or undefined for anything that is not an A1 address. */
export function tryParseA1(address: string): CellRef | undefined {
  try {
    return parseA1(address);
  } catch {
    return undefined;
  }
}

export function parseRangeA1(text: string): CellRange {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Whether two rectangles share a cell. */
export function rangesIntersect(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Whether `outer` covers every cell of `inner`. */
export function rangeContains(outer: CellRange, inner: CellRange): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

/** Whether a cell lies in a rectangle. */
export function rangeHasCell(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The cells two rectangles share, or null. */
export function rangeIntersection(a: CellRange, b: CellRange): CellRange | null {
  if (!rangesIntersect(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

/** Quote a sheet name for a formula-style reference when it needs it: 'My sheet'!A1. */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet);
  return plain ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export function gridRowCount(grid: Grid): number {
  return grid.cells.length;
}

export function gridColumnCount(grid: Grid): number {
  let max = 0;
  for (const r of grid.cells) if (r.length > max) max = r.length;
  return max;
}

/** The value at a 1-based sheet position, or null outside the grid. */
export function valueAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.cells[row - grid.origin.row];
  if (!r) return null;
  const v = r[col - grid.origin.col];
  return v === undefined ? null : v;
}

export function formatAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.numberFormats?.[row - grid.origin.row];
  if (!r) return null;
  return r[col - grid.origin.col] ?? null;
}

/** Excel serial date (1900 system) to y-m-d. */
export function serialToDate(serial: number): { y: number; m: number; d: number } {
  // Excel's day 60 is the fictitious 1900-02-29; days after it are one too high.
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Make a grid from rows of values placed at A1 (tests, examples, the CLI). */
export function gridFromRows(sheet: string, rows: CellValue[][], origin: CellRef = { row: 1, col: 1 }): Grid {
  return { sheet, origin, cells: rows.map((r) => r.slice()) };
}
