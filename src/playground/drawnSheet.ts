/**
 * What the playground draws for one sheet of the in-memory workbook: an Excel-like grid from A1
 * to the used range, merged cells as spans, cell formats as CSS, Jixiao's marks (read from the
 * conditional formats that carry its signature, exactly what Excel would show) and the selection.
 * Plain data, so it is tested without a browser.
 */
import { columnLetters, toA1, type CellRange } from "../core/grid";
import { displayText } from "../core/cellDisplay";
import { SEVERITY_RANK, type Severity } from "../core/finding";
import { markSeverityOfFormula, type Mark } from "../host/types";
import type { BorderModel, CellStyle, MemorySheet, MemoryWorkbook } from "../host/memory";
import { cellKey, parseAddress } from "../host/memory";

/** Rows and columns drawn at most (big used ranges are cut, with a note). */
export const MAX_DRAWN_ROWS = 3000;
export const MAX_DRAWN_COLS = 60;

export interface DrawnCell {
  row: number;
  col: number;
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  style: Record<string, string>;
  mark?: { severity: Severity; message?: string };
  selected: boolean;
  numeric: boolean;
}

export interface DrawnSheet {
  name: string;
  /** column letters, from A */
  columns: string[];
  /** width of each column in px */
  widths: number[];
  /** rows from 1; a null cell is covered by a merge */
  rows: { row: number; cells: (DrawnCell | null)[] }[];
  truncated: boolean;
  marked: number;
}

const BORDER_WIDTH: Record<string, string> = { thin: "1px", hair: "1px", medium: "2px", thick: "3px", double: "3px" };
const BORDER_STYLE: Record<string, string> = { dashed: "dashed", dotted: "dotted", hair: "dotted", double: "double", mediumDashed: "dashed", dashDot: "dashed" };

/** "FFRRGGBB", "RRGGBB" or "#RRGGBB" -> "#RRGGBB"; anything else -> undefined. */
export function cssColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const m = /^#?(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(c.trim());
  return m ? `#${m[1].toUpperCase()}` : undefined;
}

function border(b: BorderModel | undefined): string | undefined {
  if (!b || !b.style || /^none$/i.test(b.style)) return undefined;
  const key = b.style.charAt(0).toLowerCase() + b.style.slice(1);
  const width = BORDER_WIDTH[key] ?? (/medium/i.test(key) ? "2px" : "1px");
  return `${width} ${BORDER_STYLE[key] ?? "solid"} ${cssColor(b.color) ?? "#000000"}`;
}

/**
 * A cell's own format as CSS properties (React style keys), without borders: the grid is drawn
 * with separate borders and each edge is drawn once (see edgeBorders).
 */
export function styleToCss(style: CellStyle | undefined): Record<string, string> {
  const css: Record<string, string> = {};
  if (!style) return css;
  const fill = cssColor(style.fill);
  if (fill) css.backgroundColor = fill;
  const f = style.font;
  if (f) {
    if (f.bold) css.fontWeight = "600";
    if (f.italic) css.fontStyle = "italic";
    const color = cssColor(f.color);
    if (color) css.color = color;
    if (f.size && f.size > 0 && f.size < 100) css.fontSize = `${f.size}pt`;
    if (f.underline && f.underline !== "None") css.textDecoration = "underline";
    if (f.strikethrough) css.textDecoration = "line-through";
  }
  const h = style.horizontalAlignment?.toLowerCase();
  if (h === "left" || h === "right" || h === "center" || h === "justify") css.textAlign = h;
  else if (h === "centeracrossselection") css.textAlign = "center";
  const v = style.verticalAlignment?.toLowerCase();
  if (v === "top" || v === "bottom") css.verticalAlign = v;
  else if (v === "center" || v === "middle") css.verticalAlign = "middle";
  if (style.wrapText) css.whiteSpace = "pre-wrap";
  if (style.indent) css.paddingLeft = `${4 + style.indent * 8}px`;
  return css;
}

type Borders = NonNullable<CellStyle["borders"]>;

/**
 * The borders a drawn cell paints: its right and bottom edges (its own, else the neighbour's
 * facing edge), and its left/top edges only on the sheet's first column/row, so that no edge
 * is drawn twice and the table looks as in Excel.
 */
export function edgeBorders(
  own: Borders | undefined,
  right: Borders | undefined,
  below: Borders | undefined,
  firstCol: boolean,
  firstRow: boolean,
): Record<string, string> {
  const css: Record<string, string> = {};
  const r = border(own?.right ?? right?.left);
  const b = border(own?.bottom ?? below?.top);
  if (r) css.borderRight = r;
  if (b) css.borderBottom = b;
  if (firstCol) {
    const l = border(own?.left);
    if (l) css.borderLeft = l;
  }
  if (firstRow) {
    const t = border(own?.top);
    if (t) css.borderTop = t;
  }
  return css;
}

/** Display width of a text in "characters" (CJK counts twice). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** The cells Jixiao's marks cover on `sheet`, with the severity of each. */
export function markedCells(sheet: MemorySheet): Map<number, Severity> {
  const out = new Map<number, Severity>();
  const rank = SEVERITY_RANK;
  for (const cf of sheet.conditionalFormats) {
    const sev = cf.type === "Custom" ? markSeverityOfFormula(cf.formula) : null;
    if (!sev) continue;
    for (const r of cf.ranges) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const k = cellKey(row, col);
          const prev = out.get(k);
          if (!prev || rank[sev] < rank[prev]) out.set(k, sev);
        }
    }
  }
  return out;
}

export interface DrawOptions {
  /** messages of the marks (tooltips), from MemoryHost.marks() */
  marks?: readonly Mark[];
  /** "E13" or "E13:F14" on this sheet */
  selection?: string | null;
  /** column widths from the file, in Excel's character units; others are sized to their content */
  columnWidths?: readonly (number | undefined)[];
}

/** Draw `sheet` of `workbook` from A1 to the bottom-right of its used range (formats included). */
export function drawSheet(workbook: MemoryWorkbook, sheet: MemorySheet, options: DrawOptions = {}): DrawnSheet {
  const used = workbook.usedRange(sheet, false);
  const bottomAll = Math.max(used?.bottom ?? 0, ...sheet.merges.map((m) => m.bottom), 10);
  const rightAll = Math.max(used?.right ?? 0, ...sheet.merges.map((m) => m.right), 6);
  const bottom = Math.min(bottomAll, MAX_DRAWN_ROWS);
  const right = Math.min(rightAll, MAX_DRAWN_COLS);
  const truncated = bottom < bottomAll || right < rightAll;

  const marks = markedCells(sheet);
  const messages = new Map<string, string>();
  for (const m of options.marks ?? []) if (m.sheet === sheet.name && m.message) messages.set(m.cell, m.message);
  let selection: CellRange | null = null;
  if (options.selection) {
    try {
      selection = parseAddress(options.selection);
    } catch {
      selection = null;
    }
  }

  const mergeAt = new Map<number, CellRange>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    if (m.top > bottom || m.left > right) continue;
    mergeAt.set(cellKey(m.top, m.left), m);
    for (let r = m.top; r <= Math.min(m.bottom, bottom); r++)
      for (let c = m.left; c <= Math.min(m.right, right); c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }

  const widthChars = new Array<number>(right).fill(8);
  const rows: DrawnSheet["rows"] = [];
  let marked = 0;
  for (let row = 1; row <= bottom; row++) {
    const cells: (DrawnCell | null)[] = [];
    for (let col = 1; col <= right; col++) {
      const k = cellKey(row, col);
      if (covered.has(k)) {
        cells.push(null);
        continue;
      }
      const cell = sheet.cells.get(k);
      const merge = mergeAt.get(k);
      const text = cell ? displayText(cell.value, cell.numberFormat) : "";
      const rowSpan = merge ? Math.min(merge.bottom, bottom) - row + 1 : 1;
      const colSpan = merge ? Math.min(merge.right, right) - col + 1 : 1;
      const address = toA1(row, col);
      const sev = marks.get(k);
      if (sev) marked++;
      const bordersAt = (r: number, c: number) => sheet.cells.get(cellKey(r, c))?.style?.borders;
      const style = {
        ...styleToCss(cell?.style),
        ...edgeBorders(cell?.style?.borders, bordersAt(row, col + colSpan), bordersAt(row + rowSpan, col), col === 1, row === 1),
      };
      if (colSpan === 1 && !style.whiteSpace) widthChars[col - 1] = Math.max(widthChars[col - 1], Math.min(textWidth(text), 44));
      // a merged cell is selected when its area meets the selection (a cell inside a merge selects
      // the merge, as in Excel): an inserted row's first cell under a merged 一级 label is drawn selected
      const isSelected =
        !!selection && row <= selection.bottom && row + rowSpan - 1 >= selection.top && col <= selection.right && col + colSpan - 1 >= selection.left;
      cells.push({
        row,
        col,
        address,
        text,
        rowSpan,
        colSpan,
        style,
        selected: isSelected,
        numeric: typeof cell?.value === "number",
        ...(sev ? { mark: { severity: sev, message: messages.get(address) } } : {}),
      });
    }
    rows.push({ row, cells });
  }
  return {
    name: sheet.name,
    columns: Array.from({ length: right }, (_, i) => columnLetters(i + 1)),
    widths: widthChars.map((w, i) => {
      const fromFile = options.columnWidths?.[i];
      // Excel's width unit is about one digit of the default font: 7 px plus padding
      if (fromFile !== undefined && fromFile > 0) return Math.round(fromFile * 7 + 5);
      return Math.round(Math.min(Math.max(w, 4), 44) * 7.5 + 12);
    }),
    rows,
    truncated,
    marked,
  };
}
