/**
 * Row insertion as both hosts do it (pure: no Office.js, no DOM): the request checked, the steps
 * laid out so that no step cuts through a merged area (which columns take copied formats, which
 * merges grow, which cells a value may not be written to), the values each new row receives, and
 * the check undo makes that the rows still hold only what was inserted.
 */
import { rangeHasCell, type CellRange, type CellValue } from "../../core/grid";
import { HostError, type InsertRowsRequest } from "../types";
import { MAX_COLS, MAX_ROWS } from "./addresses";
import { sameCellValue } from "./cells";
import { hostMessage } from "./messages";
import type { Lang } from "../../core/i18n";

/** The request's size, or HostError("invalid") for a request no host can carry out. */
export function checkInsertRequest(request: InsertRowsRequest, lang: Lang): { count: number; width: number } {
  const count = request.values.length;
  const width = Math.max(0, ...request.values.map((r) => r.length));
  if (count === 0 || width === 0) throw new HostError("invalid", hostMessage(lang, "nothingToInsert"));
  for (const row of [request.afterRow, request.formatFromRow]) {
    if (!Number.isInteger(row) || row < 1 || row + count > MAX_ROWS) throw new HostError("invalid", hostMessage(lang, "badRow", { row }));
  }
  if (!Number.isInteger(request.startCol) || request.startCol < 1 || request.startCol + width - 1 > MAX_COLS) {
    throw new HostError("invalid", hostMessage(lang, "badAddress", { cell: `C${request.startCol}` }));
  }
  return { count, width };
}

/** The merged areas layoutInsert needs: those crossing row `afterRow` or row `formatFromRow`. */
export function mergesForInsert(merges: readonly CellRange[], request: Pick<InsertRowsRequest, "afterRow" | "formatFromRow">): CellRange[] {
  const rows = [request.afterRow, request.formatFromRow];
  const seen = new Set<string>();
  const out: CellRange[] = [];
  for (const m of merges) {
    if (!rows.some((r) => m.top <= r && r <= m.bottom)) continue;
    const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(m);
  }
  return out;
}

/** What each new row receives from `startCol` on: null where a merge covers the cell or the value is empty. */
export function writtenValues(request: InsertRowsRequest, layout: InsertLayout, width: number): CellValue[][] {
  const top = layout.insertAt;
  return request.values.map((line, i) =>
    Array.from({ length: width }, (_, j) => {
      const v = line[j] ?? null;
      return layout.isCovered(top + i, request.startCol + j) || v === "" ? null : v;
    }),
  );
}

/** Runs of cells in one new row that no merge covers (a value is never written into part of a merged area). */
export function uncoveredRuns(layout: InsertLayout, row: number, startCol: number, width: number): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let j = 0;
  while (j < width) {
    if (layout.isCovered(row, startCol + j)) {
      j++;
      continue;
    }
    let k = j;
    while (k + 1 < width && !layout.isCovered(row, startCol + k + 1)) k++;
    runs.push({ from: j, to: k });
    j = k + 1;
  }
  return runs;
}

/** What undo remembers of an insertion. */
export interface InsertedRows {
  top: number;
  count: number;
  /** the written area (rows x the request's columns) */
  area: CellRange;
  written: CellValue[][];
}

/**
 * Whether the inserted rows hold exactly what was written and nothing else: `now` is the values of
 * the rows' used cells (top-left and values), null when the rows hold no value at all.
 */
export function insertedRowsUntouched(now: { top: number; left: number; values: readonly (readonly CellValue[])[] } | null, rec: InsertedRows): boolean {
  if (!now) return !rec.written.some((line) => line.some((v) => v !== null));
  for (let i = 0; i < now.values.length; i++) {
    for (let j = 0; j < now.values[i].length; j++) {
      const row = now.top + i;
      const col = now.left + j;
      const inArea = col >= rec.area.left && col <= rec.area.right;
      const expected = inArea ? (rec.written[row - rec.top]?.[col - rec.area.left] ?? null) : null;
      if (!sameCellValue(now.values[i][j], expected)) return false;
    }
  }
  // a written value that is gone counts as an edit too
  return rec.written.every((line, i) =>
    line.every((v, j) => {
      if (v === null) return true;
      const r = rec.top + i - now.top;
      const c = rec.area.left + j - now.left;
      return r >= 0 && r < now.values.length && c >= 0 && c < (now.values[r]?.length ?? 0);
    }),
  );
}


export interface InsertLayoutInput {
  afterRow: number;
  count: number;
  startCol: number;
  width: number;
  formatFromRow: number;
  extendMergesInColumns: readonly number[];
  /** merged areas touching row `afterRow` and row `formatFromRow` (before insertion); null when unknown */
  merges: readonly CellRange[] | null;
}

export interface InsertLayout {
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
 * Lay an insertion out so that no step cuts through a merged area (Excel refuses those) and the new
 * rows look like their neighbours: formats copied where the source cell is not part of a taller
 * merge, label merges grown over the new rows, values kept out of cells a merge covers.
 */
export function layoutInsert(input: InsertLayoutInput): InsertLayout {
  const { afterRow, count, formatFromRow } = input;
  const insertAt = afterRow + 1;
  const newTop = insertAt;
  const newBottom = insertAt + count - 1;
  const shiftRow = (r: number): number => (r >= insertAt ? r + count : r);
  const sourceRow = shiftRow(formatFromRow);
  const warnings: InsertLayout["warnings"] = [];

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
    covering.some((m) => rangeHasCell(m, row, col) && !(m.top === row && m.left === col));
  return { insertAt, sourceRow, copySpans: spans, extend, covering, isCovered, warnings };
}
