/**
 * Pure planning shared by the Excel and memory hosts: no Office.js, no DOM. Addresses for marks
 * (cells -> rectangles -> address strings short enough for one request), the steps of a row
 * insertion (which columns can take copied formats, which merges grow, which cells a value may
 * not be written to), and value comparison for conflict detection.
 */
import type { CellRange, CellValue } from "../../core/grid";
import { parseA1, rangeToA1 } from "../../core/grid";
import { MAX_COLS, MAX_ROWS, parseAddress } from "../memory/workbook";

/**
 * Longest multi-area address Jixiao sends in one getRanges call. Excel's own limit for a
 * multi-area reference typed into a formula or the Name Box is 255 characters; staying under it
 * keeps every request valid on every platform.
 */
export const MAX_ADDRESS_CHARS = 255;

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

/** Cell values equal for conflict detection: "" and null are both empty; numbers within float noise. */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (x === y) return true;
  if (typeof x === "number" && typeof y === "number") {
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return false;
}

/** Office.js hands "" for empty cells; Jixiao's CellValue uses null. */
export function fromOfficeValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

// ------------------------------------------------------------------------------ insertion

export interface InsertPlanInput {
  afterRow: number;
  count: number;
  startCol: number;
  width: number;
  formatFromRow: number;
  extendMergesInColumns: readonly number[];
  /** merged areas touching row `afterRow` and row `formatFromRow` (before insertion); null when unknown */
  merges: readonly CellRange[] | null;
}

export interface InsertPlan {
  /** insert `count` entire rows at this row (the old row moves down) */
  insertAt: number;
  /** the row to copy formats from, in coordinates after the insertion */
  sourceRow: number;
  /** column spans whose formats are copied from `sourceRow` onto the new rows */
  copySpans: { left: number; right: number }[];
  /** merged areas to create after the insertion (grown 一级/二级 labels), after-insertion coordinates */
  extend: CellRange[];
  /** merged areas the new rows will be part of without Jixiao doing anything (replicated or grown by Excel) */
  covering: CellRange[];
  /** new-row cells covered by a merge (not its top-left): values for them are not written */
  isCovered(row: number, col: number): boolean;
  warnings: ("merges-unknown" | "merge-conflict")[];
}

function overlapsCols(m: CellRange, left: number, right: number): boolean {
  return m.left <= right && left <= m.right;
}

/**
 * Plan an insertion so that no step cuts through a merged area (Excel refuses those) and the new
 * rows look like their neighbours: formats copied where the source cell is not part of a taller
 * merge, label merges grown over the new rows, values kept out of cells a merge covers.
 */
export function planInsert(input: InsertPlanInput): InsertPlan {
  const { afterRow, count, formatFromRow } = input;
  const insertAt = afterRow + 1;
  const newTop = insertAt;
  const newBottom = insertAt + count - 1;
  const shiftRow = (r: number): number => (r >= insertAt ? r + count : r);
  const sourceRow = shiftRow(formatFromRow);
  const warnings: InsertPlan["warnings"] = [];

  if (input.merges === null) {
    // Without merge information only the value columns are formatted and no merge is touched.
    const skip = new Set(input.extendMergesInColumns);
    const spans: { left: number; right: number }[] = [];
    for (let c = input.startCol; c < input.startCol + input.width; c++) {
      if (skip.has(c)) continue;
      const last = spans[spans.length - 1];
      if (last && last.right === c - 1) last.right = c;
      else spans.push({ left: c, right: c });
    }
    if (input.extendMergesInColumns.length) warnings.push("merges-unknown");
    return { insertAt, sourceRow, copySpans: spans, extend: [], covering: [], isCovered: () => false, warnings };
  }

  // merges in after-insertion coordinates
  const after = input.merges.map((m) => {
    if (m.top >= insertAt) return { ...m, top: m.top + count, bottom: m.bottom + count };
    if (m.bottom >= insertAt) return { ...m, bottom: m.bottom + count };
    return { ...m };
  });
  // merges Excel grows over the new rows: they spanned the insertion point
  const grown = after.filter((m) => m.top <= afterRow && m.bottom >= newBottom && m.bottom > afterRow);
  // merges on the source row
  const onSource = after.filter((m) => m.top <= sourceRow && sourceRow <= m.bottom);

  const excluded = new Set<string>();
  const excludedCols: { left: number; right: number }[] = [];
  const exclude = (m: CellRange): void => {
    const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
    if (excluded.has(k)) return;
    excluded.add(k);
    excludedCols.push({ left: m.left, right: m.right });
  };
  for (const m of grown) exclude(m);
  for (const m of onSource) if (m.bottom > m.top) exclude(m);
  // a single-row merge on the source row that shares a column with an excluded span would be cut
  let changed = true;
  while (changed) {
    changed = false;
    for (const m of onSource) {
      const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
      if (excluded.has(k)) continue;
      if (excludedCols.some((x) => overlapsCols(m, x.left, x.right))) {
        exclude(m);
        changed = true;
      }
    }
  }
  const spans: { left: number; right: number }[] = [];
  const sorted = [...excludedCols].sort((a, b) => a.left - b.left);
  let c = 1;
  for (const x of sorted) {
    if (x.left > c) spans.push({ left: c, right: x.left - 1 });
    c = Math.max(c, x.right + 1);
  }
  if (c <= MAX_COLS) spans.push({ left: c, right: MAX_COLS });

  // merges the copy repeats into the new rows (single-row merges on the source row, in copied spans)
  const replicated: CellRange[] = [];
  for (const m of onSource) {
    if (m.bottom !== m.top) continue;
    if (!spans.some((s) => s.left <= m.left && m.right <= s.right)) continue;
    for (let r = newTop; r <= newBottom; r++) replicated.push({ top: r, bottom: r, left: m.left, right: m.right });
  }

  const extend: CellRange[] = [];
  for (const col of [...new Set(input.extendMergesInColumns)].sort((a, b) => a - b)) {
    if (grown.some((m) => m.left <= col && col <= m.right)) continue; // Excel already grew it
    if (extend.some((m) => m.left <= col && col <= m.right)) continue;
    const m = after.find((x) => x.top <= afterRow && afterRow <= x.bottom && x.left <= col && col <= x.right);
    const area = m ? { top: m.top, left: m.left, bottom: newBottom, right: m.right } : { top: afterRow, left: col, bottom: newBottom, right: col };
    if (replicated.some((r) => overlapsCols(r, area.left, area.right))) {
      warnings.push("merge-conflict");
      continue;
    }
    extend.push(area);
  }

  const covering = [...grown, ...replicated, ...extend];
  const isCovered = (row: number, col: number): boolean =>
    covering.some((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right && !(m.top === row && m.left === col));
  return { insertAt, sourceRow, copySpans: spans, extend, covering, isCovered, warnings };
}
