/**
 * Sheets of the example workbooks: which tables go on which sheet and where, plus the
 * cosmetics a real submission has (column widths, row heights for wrapped text).
 *
 *   seed000-stacked.xlsx  one sheet: the part-one text (one line per row, column A), a
 *                         blank row, then the 17 tables, each under its title row and
 *                         separated by one blank row
 *   seed000.xlsx          17 sheets, one table each ("01 宣传费", "08-01 专项业务费—工装购置费")
 *   seed001.xlsx          1 sheet
 *   seed002.xlsx          12 sheets ("06 机关 公积金政策宣传费", "08 郑煤 公积金政策宣传费")
 */
import type { CellRange } from "../../src/core/grid";
import { parseSeed, type SourceDocument, type SourceTable } from "./seedParse";
import { layoutTable, type LaidOutTable, type PlacedCell, type RowRole, type TableBlock, type TableFrame } from "./tableLayout";

export interface SheetSpec<T extends TableFrame = TableBlock> {
  name: string;
  cells: PlacedCell[];
  merges: CellRange[];
  tables: T[];
  /** rows of free text (part one) that are neither bordered nor wrapped */
  textRows: Set<number>;
  roles: Map<number, RowRole>;
  columnWidths: number[];
  rowHeights: Map<number, number>;
}

export interface WorkbookSpec<T extends TableFrame = TableBlock> {
  /** path under examples/ */
  file: string;
  sheets: SheetSpec<T>[];
}

export const STACKED_SHEET_NAME = "部门预算绩效文本";

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

export function sheetNameFor(table: SourceTable): string {
  return `${table.number} ${table.sheetLabel}`.replace(INVALID_SHEET_CHARS, "-").slice(0, 31);
}

/** Display width in Excel column units: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function cellText(c: PlacedCell): string {
  if (typeof c.value === "string") return c.value;
  if (typeof c.value !== "number") return "";
  if (c.numFmt === "yyyy-mm-dd") return "yyyy-mm-dd";
  if (c.numFmt?.includes("%")) return `${c.value * 100}%`;
  const decimals = /^0\.(0+)$/.exec(c.numFmt ?? "");
  return decimals ? c.value.toFixed(decimals[1].length) : String(c.value);
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 30;
const LINE_HEIGHT = 15;

function mergeAt(merges: CellRange[], row: number, col: number): CellRange | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

function columnWidths(cells: PlacedCell[], merges: CellRange[], textRows: Set<number>, roles: Map<number, RowRole>): number[] {
  const widths: number[] = [];
  for (const c of cells) {
    if (textRows.has(c.row)) continue;
    const role = roles.get(c.row);
    if (role === "title" || role === "subtitle") continue;
    const m = mergeAt(merges, c.row, c.col);
    if (m && m.right > m.left) continue; // spans columns: wraps in the merged width
    const longest = Math.max(...cellText(c).split("\n").map(displayWidth));
    widths[c.col - 1] = Math.max(widths[c.col - 1] ?? MIN_WIDTH, Math.min(MAX_WIDTH, longest + 2));
  }
  return Array.from(widths, (w) => w ?? MIN_WIDTH);
}

function rowHeights(cells: PlacedCell[], merges: CellRange[], widths: number[], textRows: Set<number>, roles: Map<number, RowRole>): Map<number, number> {
  const lines = new Map<number, number>();
  for (const c of cells) {
    if (textRows.has(c.row)) continue;
    const m = mergeAt(merges, c.row, c.col);
    if (m && m.bottom > m.top) continue; // spans rows: has room
    const left = m?.left ?? c.col;
    const right = m?.right ?? c.col;
    let room = 0;
    for (let k = left; k <= right; k++) room += widths[k - 1] ?? MIN_WIDTH;
    const n = cellText(c)
      .split("\n")
      .reduce((sum, p) => sum + Math.max(1, Math.ceil(displayWidth(p) / Math.max(1, room - 1))), 0);
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  const heights = new Map<number, number>();
  for (const [row, n] of lines) if (n > 1) heights.set(row, n * LINE_HEIGHT);
  for (const [row, role] of roles) if (role === "title") heights.set(row, 24);
  return heights;
}

/** A sheet holding `blocks`, plus free-text cells (`textCells`: unbordered, unwrapped rows). */
export function sheetFromBlocks<T extends LaidOutTable>(name: string, blocks: T[], textCells: PlacedCell[] = []): SheetSpec<T> {
  const cells = [...textCells, ...blocks.flatMap((b) => b.cells)];
  const merges = blocks.flatMap((b) => b.merges);
  const roles = new Map<number, RowRole>();
  for (const b of blocks) for (const [r, role] of b.roles) roles.set(r, role);
  const textRows = new Set(textCells.map((c) => c.row));
  const widths = columnWidths(cells, merges, textRows, roles);
  return { name, cells, merges, tables: blocks, textRows, roles, columnWidths: widths, rowHeights: rowHeights(cells, merges, widths, textRows, roles) };
}

function onePerSheet(doc: SourceDocument): SheetSpec[] {
  const names = new Set<string>();
  return doc.tables.map((t) => {
    const name = sheetNameFor(t);
    if (names.has(name)) throw new Error(`duplicate sheet name ${name}`);
    names.add(name);
    return sheetFromBlocks(name, [layoutTable(t, 1)]);
  });
}

function stacked(doc: SourceDocument): SheetSpec {
  const textCells: PlacedCell[] = doc.preamble.map((line, i) => ({ row: i + 1, col: 1, value: line, bold: false }));
  let next = doc.preamble.length + 2; // one blank row after the text
  const blocks: TableBlock[] = [];
  for (const t of doc.tables) {
    const b = layoutTable(t, next);
    blocks.push(b);
    next = b.lastRow + 2; // one blank row between tables
  }
  return sheetFromBlocks(STACKED_SHEET_NAME, blocks, textCells);
}

/** Every example workbook, in a fixed order. */
export function exampleWorkbookSpecs(): WorkbookSpec[] {
  const s000 = parseSeed("000");
  return [
    { file: "seed000-stacked.xlsx", sheets: [stacked(s000)] },
    { file: "seed000.xlsx", sheets: onePerSheet(s000) },
    { file: "seed001.xlsx", sheets: onePerSheet(parseSeed("001")) },
    { file: "seed002.xlsx", sheets: onePerSheet(parseSeed("002")) },
  ];
}
