/**
 * Pure planning for WorkbookHost.addSheet, shared by the Excel and memory hosts: a unique Excel
 * sheet name, and the layout of a new table (which rows are the title, the caption and the bordered
 * frame, which cells a value may be written to, column widths), so that both hosts produce the
 * same sheet. No Office.js, no DOM.
 */
import { rangesIntersect, type CellRange, type CellValue } from "../../core/grid";
import type { AddSheetRequest } from "../types";
import { sameCellValue } from "./cells";

/** Largest table addSheet accepts (a generated target table is some 40 x 7). */
export const ADD_SHEET_LIMITS = { maxRows: 2_000, maxCols: 50, maxCellChars: 32_767 } as const;

const EXCEL_NAME_MAX = 31;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no leading or trailing quote, not "History". */
export function cleanSheetName(name: string): string {
  const s = String(name ?? "")
    .replace(/[:\\/?*[\]\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, EXCEL_NAME_MAX)
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!s || s.toLowerCase() === "history") return "绩效目标表";
  return s;
}

/** `wanted` made valid and unique among `existing` (case-insensitive, as Excel compares): "名称 (2)", "名称 (3)" … */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base = cleanSheetName(wanted);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, EXCEL_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Display width of a text in Excel's character units (CJK and full-width count twice). */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

export interface SheetLayout {
  /** rows x columns of the table */
  rows: number;
  cols: number;
  /** the whole written area, from A1 */
  range: CellRange;
  /** values to write: null in every cell a merged area covers (only its top-left cell keeps a value) */
  values: CellValue[][];
  /** number formats to write ("General" where none is given) */
  numberFormats: string[][];
  merges: CellRange[];
  /** row 1 when it is a title merged across the table */
  titleRow: number | null;
  /** rows between the title and the frame that hold only a caption in the last column (单位：万元) */
  captionRows: number[];
  /** the bordered part: from the first row after title and captions to the last */
  frame: CellRange | null;
  headerRow: number | null;
  /** per column, Excel's character units */
  columnWidths: number[];
}

export const LAYOUT_STYLE = {
  titleFontSize: 16,
  headerFill: "#F2F2F2",
  borderColor: "#000000",
  minWidth: 8,
  maxWidth: 36,
} as const;

/** Check a request's size and shape; returns a reason when it cannot be written. */
export function invalidRequest(request: AddSheetRequest): string | null {
  const cells = request.cells;
  if (!Array.isArray(cells) || cells.length === 0 || !cells.some((r) => Array.isArray(r) && r.length > 0)) return "empty";
  if (cells.length > ADD_SHEET_LIMITS.maxRows || cells.some((r) => r.length > ADD_SHEET_LIMITS.maxCols)) return "too-large";
  if (cells.some((r) => r.some((v) => typeof v === "string" && v.length > ADD_SHEET_LIMITS.maxCellChars))) return "too-large";
  const rows = cells.length;
  const cols = Math.max(...cells.map((r) => r.length));
  for (const m of request.merges ?? []) {
    const ok = [m.top, m.left, m.bottom, m.right].every((n) => Number.isInteger(n) && n >= 1) && m.top <= m.bottom && m.left <= m.right && m.bottom <= rows && m.right <= cols;
    if (!ok) return "bad-merge";
  }
  const merges = request.merges ?? [];
  for (let i = 0; i < merges.length; i++) {
    for (let j = i + 1; j < merges.length; j++) {
      const a = merges[i];
      const b = merges[j];
      if (rangesIntersect(a, b)) return "bad-merge";
    }
  }
  return null;
}

/** The layout of a new sheet. Call invalidRequest first. */
export function layoutNewSheet(request: AddSheetRequest): SheetLayout {
  const rows = request.cells.length;
  const cols = Math.max(1, ...request.cells.map((r) => r.length));
  const merges = (request.merges ?? []).filter((m) => m.top !== m.bottom || m.left !== m.right).map((m) => ({ ...m }));
  const covered = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellValue[] = [];
    const fmts: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const v = request.cells[r - 1]?.[c - 1] ?? null;
      line.push(covered(r, c) || v === "" ? null : v);
      const f = request.numberFormats?.[r - 1]?.[c - 1];
      fmts.push(typeof f === "string" && f ? f : "General");
    }
    values.push(line);
    numberFormats.push(fmts);
  }
  const filled = (r: number) => values[r - 1].map((v, i) => (v === null ? -1 : i + 1)).filter((c) => c > 0);
  const titleRow = cols > 1 && merges.some((m) => m.top === 1 && m.left === 1 && m.right === cols) ? 1 : null;
  const captionRows: number[] = [];
  let first = titleRow ? 2 : 1;
  while (first <= rows) {
    const f = filled(first);
    if (f.length === 1 && f[0] === cols && cols > 1) {
      captionRows.push(first);
      first++;
    } else break;
  }
  const frame = first <= rows ? { top: first, left: 1, bottom: rows, right: cols } : null;
  const headerRow = request.headerRow && request.headerRow >= 1 && request.headerRow <= rows ? request.headerRow : null;

  // widths: the longest text of a cell not spanning several columns, wrapped past maxWidth
  const columnWidths = new Array<number>(cols).fill(LAYOUT_STYLE.minWidth);
  for (let r = 1; r <= rows; r++) {
    if (r === titleRow || captionRows.includes(r)) continue;
    for (let c = 1; c <= cols; c++) {
      const v = values[r - 1][c - 1];
      if (v === null) continue;
      const m = merges.find((x) => x.top === r && x.left === c);
      if (m && m.right > m.left) continue;
      const text = typeof v === "number" ? String(Number(v.toFixed(6))) : String(v);
      const w = Math.max(...text.split(/\r?\n/).map(displayWidth)) + 2;
      columnWidths[c - 1] = Math.min(LAYOUT_STYLE.maxWidth, Math.max(columnWidths[c - 1], w));
    }
  }
  return {
    rows,
    cols,
    range: { top: 1, left: 1, bottom: rows, right: cols },
    values,
    numberFormats,
    merges,
    titleRow,
    captionRows,
    frame,
    headerRow,
    columnWidths: columnWidths.map((w) => Math.ceil(w)),
  };
}

/**
 * Does a sheet still hold exactly what addSheet wrote? `used`: the sheet's used range by values
 * (null when empty) with its top-left position; `written`: values from A1.
 */
export function holdsOnlyWritten(used: { top: number; left: number; values: CellValue[][] } | null, written: readonly CellValue[][]): boolean {
  let expected = 0;
  for (const line of written) for (const v of line) if (v !== null && v !== "") expected++;
  if (!used) return expected === 0;
  let seen = 0;
  for (let i = 0; i < used.values.length; i++) {
    for (let j = 0; j < used.values[i].length; j++) {
      const want = written[used.top - 1 + i]?.[used.left - 1 + j] ?? null;
      if (!sameCellValue(used.values[i][j], want)) return false;
      if (want !== null && want !== "") seen++;
    }
  }
  return seen === expected;
}

/** Excel's column width in points for a width in character units (Calibri 11: 7 px a character plus 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}
