/**
 * How one seed table sits on a sheet, the way staff lay it out in Excel:
 *
 *   title row          merged across the table width, bold
 *   (subtitle row)     "2022年度", "(2020年)": merged likewise
 *   header block       label/value rows as in the text; long text cells merged across to
 *                      the last column; amounts as numbers (see cellTyping.ts)
 *   indicator header   "一级指标 二级指标 三级指标 …", bold
 *   indicator grid     an 一级 label in column A merged down over the rows whose column A
 *                      is blank (up to the next label); likewise a 二级 label in column B
 *                      over rows whose A and B are blank. Everything stays text.
 *
 * Cells go exactly where the tabs put them: shifted rows stay shifted.
 */
import type { CellRange, CellValue } from "../../src/core/grid";
import { typeHeaderCell, typeSpendingPlanCell, typeTextCell, type TypedCell } from "./cellTyping";
import type { SourceRow, SourceTable } from "./seedParse";

export type RowRole = "title" | "subtitle" | "header" | "plan" | "grid-header" | "grid";

/** Alignment a cell gets on top of its row's styling (the seed tables set none). */
export interface CellAlignment {
  horizontal?: "left" | "center" | "right";
  wrapText?: boolean;
}

export interface PlacedCell extends TypedCell {
  row: number;
  col: number;
  bold: boolean;
  alignment?: CellAlignment;
}

/** What the workbook writer needs to know of a table on a sheet. */
export interface TableFrame {
  /** first row above the table that belongs to it (title, subtitles) */
  titleRow: number;
  /** first bordered row */
  firstRow: number;
  /** last bordered row */
  lastRow: number;
  width: number;
  /** grid cells in columns 1..labelColumns are centred (default 2: 一级, 二级) */
  labelColumns?: number;
}

/** A laid-out table: its frame plus the cells, merges and row roles. */
export interface LaidOutTable extends TableFrame {
  cells: PlacedCell[];
  merges: CellRange[];
  /** sheet row -> what kind of row it is */
  roles: Map<number, RowRole>;
}

export interface TableBlock extends LaidOutTable {
  source: SourceTable;
  headerRow: number;
}

/** Labels whose value is free text that the template spans across the remaining columns. */
const FREE_TEXT_LABEL =
  /^(项目名称|主管部门|备注|项目概况|立项依据|项目设立的必要性|项目配套制度措施|项目实施计划|项目总目标|年度绩效目标|立项必要性|实施可行性|项目实施内容|中长期目标|年度目标|目标\d*)$/;

/** Text that reads as an 一级 label (including the seed's OCR typo 厂口目标). */
const LEVEL_ONE_LIKE = /(指标|目标)$|^(产出|效益|效果|满意度|成本|决策|过程|投入与目标管理)$/;

const compact = (s: string): string => s.replace(/\s/g, "");

function isBlank(row: SourceRow, col: number): boolean {
  const c = row.cells[col - 1];
  return !c || c.text.trim() === "";
}

function lastFilledColumn(row: SourceRow): number {
  for (let c = row.cells.length; c >= 1; c--) if (!isBlank(row, c)) return c;
  return 0;
}

function gridHeaderIndex(rows: SourceRow[]): number {
  const i = rows.findIndex((r) => {
    const first = r.cells.find((c) => c.text.trim() !== "");
    return first !== undefined && compact(first.text) === "一级指标";
  });
  if (i < 0) throw new Error("table without an 一级指标 header row");
  return i;
}

function leftLabel(row: SourceRow, col: number): string | undefined {
  for (let c = col - 1; c >= 1; c--) if (!isBlank(row, c)) return row.cells[c - 1].text.trim();
  return undefined;
}

function isPlanHeader(row: SourceRow | undefined): boolean {
  return row !== undefined && !isBlank(row, 1) && compact(row.cells[0].text).startsWith("资金支出计划");
}

function typeCell(role: RowRole, row: SourceRow, col: number): TypedCell {
  const raw = row.cells[col - 1].text;
  if (role === "plan") return typeSpendingPlanCell(raw);
  if (role === "header") return typeHeaderCell(raw, leftLabel(row, col));
  return typeTextCell(raw);
}

/** Long or free-text value that ends a header row: merge it across to the last column. */
function headerTextMerge(row: SourceRow, sheetRow: number, width: number): CellRange | undefined {
  const j = lastFilledColumn(row);
  if (j === 0 || j >= width) return undefined;
  const text = row.cells[j - 1].text.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return undefined;
  const left = j > 1 && !isBlank(row, j - 1) ? compact(row.cells[j - 2].text) : "";
  const freeText = text.length >= 15 || text.endsWith("。") || FREE_TEXT_LABEL.test(left);
  return freeText ? { top: sheetRow, left: j, bottom: sheetRow, right: width } : undefined;
}

/** Vertical merges of the 一级 (column A) and 二级 (column B) labels in the indicator grid. */
function gridLabelMerges(grid: SourceRow[], firstSheetRow: number): CellRange[] {
  const merges: CellRange[] = [];
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    if (!isBlank(row, 1) && LEVEL_ONE_LIKE.test(compact(row.cells[0].text))) {
      let k = i;
      while (k + 1 < grid.length && isBlank(grid[k + 1], 1)) k++;
      if (k > i) merges.push({ top: firstSheetRow + i, left: 1, bottom: firstSheetRow + k, right: 1 });
    }
    if (!isBlank(row, 2)) {
      let k = i;
      while (k + 1 < grid.length && isBlank(grid[k + 1], 1) && isBlank(grid[k + 1], 2)) k++;
      if (k > i) merges.push({ top: firstSheetRow + i, left: 2, bottom: firstSheetRow + k, right: 2 });
    }
  }
  return merges;
}

export function tableWidth(table: SourceTable): number {
  return Math.max(...table.rows.map(lastFilledColumn));
}

/** Lay out `table` with its title at `titleRow`. */
export function layoutTable(table: SourceTable, titleRow: number): TableBlock {
  const width = tableWidth(table);
  const cells: PlacedCell[] = [];
  const merges: CellRange[] = [];
  const roles = new Map<number, RowRole>();

  const banner = (row: number, text: string, role: RowRole): void => {
    cells.push({ row, col: 1, value: text, bold: role === "title" });
    roles.set(row, role);
    if (width > 1) merges.push({ top: row, left: 1, bottom: row, right: width });
  };
  banner(titleRow, table.title, "title");
  let firstRow = titleRow + 1;
  if (table.subtitle) banner(firstRow++, table.subtitle, "subtitle");

  const gridAt = gridHeaderIndex(table.rows);
  table.rows.forEach((row, i) => {
    const sheetRow = firstRow + i;
    const role: RowRole = i < gridAt ? (isPlanHeader(table.rows[i - 1]) ? "plan" : "header") : i === gridAt ? "grid-header" : "grid";
    roles.set(sheetRow, role);
    row.cells.forEach((cell, k) => {
      const col = k + 1;
      if (cell.text.trim() === "") return;
      const typed = typeCell(role, row, col);
      const bold = cell.bold || role === "grid-header" || (role === "header" && col === 1);
      cells.push({ row: sheetRow, col, ...typed, bold });
    });
    if (role === "header") {
      const m = headerTextMerge(row, sheetRow, width);
      if (m) merges.push(m);
    }
  });
  merges.push(...gridLabelMerges(table.rows.slice(gridAt + 1), firstRow + gridAt + 1));

  assertMergesCoverOnlyBlanks(cells, merges, table.title);
  return {
    source: table,
    titleRow,
    firstRow,
    headerRow: firstRow + gridAt,
    lastRow: firstRow + table.rows.length - 1,
    width,
    cells,
    merges,
    roles,
  };
}

/** A merge must never hide a value: only its top-left cell may hold one. */
function assertMergesCoverOnlyBlanks(cells: PlacedCell[], merges: CellRange[], title: string): void {
  for (const m of merges) {
    for (const c of cells) {
      const inside = c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right;
      if (inside && (c.row !== m.top || c.col !== m.left)) {
        throw new Error(`${title}: merge would hide a value at row ${c.row}, col ${c.col}`);
      }
    }
  }
}

/** The table's rows as a reader gets them back: values from column A, rows firstRow..lastRow. */
export function blockValues(block: TableBlock): { rows: CellValue[][]; numberFormats: (string | null)[][] } {
  const height = block.lastRow - block.firstRow + 1;
  const rows: CellValue[][] = Array.from({ length: height }, () => []);
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => []);
  for (const c of block.cells) {
    if (c.row < block.firstRow) continue; // title, subtitle
    const i = c.row - block.firstRow;
    while (rows[i].length < c.col) {
      rows[i].push(null);
      numberFormats[i].push(null);
    }
    rows[i][c.col - 1] = c.value;
    numberFormats[i][c.col - 1] = c.numFmt ?? null;
  }
  return { rows, numberFormats };
}
