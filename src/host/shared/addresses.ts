/**
 * Sheet addresses as both hosts use them: Excel's grid size, A1 text to rectangles and back (entire
 * rows and columns too), multi-area addresses (RangeAreas.address), and marks' cells compressed into
 * few rectangles and address lists short enough for one request. Pure: no Office.js, no DOM.
 */
import type { CellRange } from "../../core/grid";
import { MAX_COLS, MAX_ROWS, parseA1, parseRangeA1, rangesIntersect, rangeToA1 } from "../../core/grid";

export { MAX_COLS, MAX_ROWS, rangesIntersect };

/**
 * Longest multi-area address Jixiao sends in one getRanges call. Excel's own limit for a
 * multi-area reference typed into a formula or the Name Box is 255 characters; staying under it
 * keeps every request valid on every platform.
 */
export const MAX_ADDRESS_CHARS = 255;

/** A1 cell or range text -> range (entire rows "3:5" and columns "C:D" too). */
export function parseAddress(text: string): CellRange {
  const t = text.trim().replace(/\$/g, "");
  const rows = /^(\d+)(?::(\d+))?$/.exec(t);
  if (rows) {
    const a = Number(rows[1]);
    const b = Number(rows[2] ?? rows[1]);
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 1, right: MAX_COLS };
  }
  const cols = /^([A-Za-z]{1,3})(?::([A-Za-z]{1,3}))?$/.exec(t);
  if (cols) {
    const a = parseA1(`${cols[1]}1`).col;
    const b = parseA1(`${cols[2] ?? cols[1]}1`).col;
    return { top: 1, bottom: MAX_ROWS, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const r = parseRangeA1(t);
  if (r.bottom > MAX_ROWS || r.right > MAX_COLS) throw new RangeError(`address outside the sheet: ${text}`);
  return r;
}

/** Range -> A1 text, entire rows as "3:5". */
export function formatAddress(r: CellRange): string {
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  return rangeToA1(r);
}

/** Strict cell address check: "E13" or "$E$13" inside the sheet. */
export function parseCellAddress(cell: string): { row: number; col: number } | null {
  try {
    const p = parseA1(cell);
    if (p.row < 1 || p.row > MAX_ROWS || p.col < 1 || p.col > MAX_COLS) return null;
    return p;
  } catch {
    return null;
  }
}

/** Split on commas outside single quotes (sheet names may hold commas). */
function splitAreas(text: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The part after the sheet name: "'My sheet'!A1:B2" -> "A1:B2". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/** "Sheet1!A1:B2, Sheet1!D4" (RangeAreas.address) -> rectangles. Unparseable parts are skipped. */
export function parseAreasAddress(text: string | null | undefined): CellRange[] {
  if (!text) return [];
  const out: CellRange[] = [];
  for (const part of splitAreas(text)) {
    try {
      out.push(parseAddress(stripSheet(part)));
    } catch {
      // not an address we understand; leave it out
    }
  }
  return out;
}

/** Cells -> few rectangles: vertical runs per column, then equal runs in adjacent columns joined. */
export function compressCells(cells: readonly { row: number; col: number }[]): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: CellRange[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  // join runs with the same rows in adjacent columns
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const prev = open.get(key);
    if (prev && prev.right === run.left - 1) {
      prev.right = run.right;
    } else {
      const r = { ...run };
      open.set(key, r);
      out.push(r);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Rectangles -> comma-separated address lists, each at most `maxChars` long. */
export function chunkAddresses(ranges: readonly CellRange[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const r of ranges) {
    const a = rangeToA1(r);
    if (current && current.length + 1 + a.length > maxChars) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}
