/**
 * An in-memory workbook that behaves like Excel where Jixiao depends on it: values and number
 * formats, cell styles (fill, font, borders, alignment) as plain objects, merged areas, conditional
 * formats in priority order, comments and notes, sheet visibility and protection, workbook settings,
 * and Excel's row semantics (inserting rows shifts cells, grows merges and conditional formats that
 * span the insertion point and takes formats from the row above; deleting rows reverses that).
 *
 * It backs the MemoryHost (playground, tests) and the fake Excel object model in test/fakes, so
 * both hosts are checked against the same model and the same `snapshot()`.
 *
 * This is a data structure: it does not enforce protection or raise HostErrors; hosts do.
 */
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { parseA1, rangeContains, rangeIntersection, rangeToA1, toA1 } from "../../core/grid";
import { MAX_COLS, MAX_ROWS, formatAddress, parseAddress, rangesIntersect } from "../shared/addresses";

// addresses are shared with the Excel host; kept importable from here for the playground and tests
export { MAX_COLS, MAX_ROWS, formatAddress, parseAddress, rangesIntersect };

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface BorderModel {
  style: string;
  color?: string;
  weight?: string;
}

/** A cell's own format, as plain data. Absent keys mean Excel's defaults. */
export interface CellStyle {
  fill?: string;
  font?: {
    name?: string;
    size?: number;
    color?: string;
    bold?: boolean;
    italic?: boolean;
    underline?: string;
    strikethrough?: boolean;
  };
  borders?: { top?: BorderModel; bottom?: BorderModel; left?: BorderModel; right?: BorderModel };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indent?: number;
}

export interface MemoryCell {
  value: CellValue;
  /** "=SUM(E5:E9)"; `value` then holds the last calculated result */
  formula?: string;
  /** absent = "General" */
  numberFormat?: string;
  style?: CellStyle;
}

export type ConditionalFormatType =
  | "Custom"
  | "CellValue"
  | "ContainsText"
  | "ColorScale"
  | "DataBar"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria";

export interface ConditionalFormatModel {
  id: string;
  type: ConditionalFormatType;
  /** the cells it applies to (several areas allowed) */
  ranges: CellRange[];
  /** Custom rules: the formula */
  formula?: string;
  /** any other rule, kept as opaque data */
  rule?: unknown;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
  stopIfTrue: boolean;
}

export interface CommentModel {
  author?: string;
  text: string;
  resolved?: boolean;
}

export interface NoteModel {
  author?: string;
  text: string;
}

export interface MemorySheet {
  id: string;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** keyed by cellKey(row, col) */
  cells: Map<number, MemoryCell>;
  merges: CellRange[];
  /** index 0 = top priority */
  conditionalFormats: ConditionalFormatModel[];
  /** threaded comments, keyed by cellKey */
  comments: Map<number, CommentModel>;
  /** notes (legacy comments), keyed by cellKey */
  notes: Map<number, NoteModel>;
  /** column widths set on the sheet, in Excel's character units (index 0 = column A); absent: default */
  columnWidths?: (number | null)[];
}

export type WorkbookChangeKind = "values" | "rows-inserted" | "rows-deleted";

export interface WorkbookChange {
  sheetId: string;
  sheet: string;
  range: CellRange;
  kind: WorkbookChangeKind;
  /** "user": someone typing in the workbook (tests, playground); "host": Jixiao's own write */
  source: "user" | "host";
}

/** Deep-comparable, JSON-safe picture of everything a user would call "my workbook". */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** workbook settings, keys sorted */
  settings: Record<string, unknown>;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** A1 -> cell, row-major order; empty unformatted cells are absent */
  cells: Record<string, MemoryCell>;
  /** A1 ranges, sorted */
  merges: string[];
  conditionalFormats: ConditionalFormatSnapshot[];
  comments: Record<string, CommentModel>;
  notes: Record<string, NoteModel>;
  /** only when some column width was set */
  columnWidths?: (number | null)[];
}

export interface ConditionalFormatSnapshot extends Omit<ConditionalFormatModel, "ranges"> {
  ranges: string[];
}

export interface ViewState {
  activeSheet: string | null;
  /** the selected range on the active sheet, "E13" or "E13:F14" */
  selection: { sheet: string; address: string } | null;
}

const KEY_STRIDE = MAX_COLS;

export function cellKey(row: number, col: number): number {
  return row * KEY_STRIDE + (col - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / KEY_STRIDE);
}

export function keyCol(key: number): number {
  return (key % KEY_STRIDE) + 1;
}


function cloneRange(r: CellRange): CellRange {
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

function compareRanges(a: CellRange, b: CellRange): number {
  return a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right;
}

function deepClone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Drop undefined keys and empty objects so equal styles compare equal. */
function normalizeStyle(style: CellStyle | undefined): CellStyle | undefined {
  if (!style) return undefined;
  const out: CellStyle = {};
  if (style.fill !== undefined) out.fill = style.fill;
  if (style.font) {
    const f = Object.fromEntries(Object.entries(style.font).filter(([, v]) => v !== undefined));
    if (Object.keys(f).length) out.font = f as CellStyle["font"];
  }
  if (style.borders) {
    const b = Object.fromEntries(Object.entries(style.borders).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { ...v }]));
    if (Object.keys(b).length) out.borders = b as CellStyle["borders"];
  }
  if (style.horizontalAlignment !== undefined) out.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) out.verticalAlignment = style.verticalAlignment;
  if (style.wrapText !== undefined) out.wrapText = style.wrapText;
  if (style.indent !== undefined) out.indent = style.indent;
  return Object.keys(out).length ? out : undefined;
}

function isEmptyCell(c: MemoryCell): boolean {
  return (c.value === null || c.value === undefined) && c.formula === undefined && c.numberFormat === undefined && c.style === undefined;
}

function cleanCell(c: MemoryCell): MemoryCell {
  const out: MemoryCell = { value: c.value ?? null };
  if (c.formula !== undefined) out.formula = c.formula;
  if (c.numberFormat !== undefined && c.numberFormat !== "General") out.numberFormat = c.numberFormat;
  const style = normalizeStyle(c.style);
  if (style) out.style = deepClone(style);
  return out;
}

export interface SheetInit {
  name: string;
  id?: string;
  visibility?: SheetVisibility;
  protected?: boolean;
}

let workbookCounter = 0;

export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  readonly settings = new Map<string, unknown>();
  private activeSheetId: string | null = null;
  private selection: { sheetId: string; range: CellRange } | null = null;
  private nextSheet = 1;
  private nextCf = 1;
  private readonly listeners = new Set<(c: WorkbookChange) => void>();
  /** distinguishes workbooks in ids ({…-1-3}) so ids from two workbooks never collide in tests */
  private readonly serial = ++workbookCounter;

  // ---------------------------------------------------------------- sheets

  addSheet(init: SheetInit | string): MemorySheet {
    const i = typeof init === "string" ? { name: init } : init;
    if (this.sheetByName(i.name)) throw new Error(`a sheet named ${i.name} already exists`);
    const id = i.id ?? `{00000000-0000-0000-${String(this.serial).padStart(4, "0")}-${String(this.nextSheet++).padStart(12, "0")}}`;
    const sheet: MemorySheet = {
      id,
      name: i.name,
      visibility: i.visibility ?? "visible",
      protected: i.protected ?? false,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      comments: new Map(),
      notes: new Map(),
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId && sheet.visibility === "visible") this.activeSheetId = sheet.id;
    return sheet;
  }

  deleteSheet(nameOrId: string): void {
    const s = this.sheet(nameOrId);
    if (!s) return;
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === "visible")?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
  }

  renameSheet(nameOrId: string, name: string): void {
    const s = this.requireSheet(nameOrId);
    if (this.sheetByName(name) && this.sheetByName(name) !== s) throw new Error(`a sheet named ${name} already exists`);
    s.name = name;
  }

  sheetByName(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    // Excel sheet names are case-insensitive
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** by id first, then by name (Office.js getItem accepts either) */
  sheet(nameOrId: string): MemorySheet | undefined {
    return this.sheetById(nameOrId) ?? this.sheetByName(nameOrId);
  }

  requireSheet(nameOrId: string): MemorySheet {
    const s = this.sheet(nameOrId);
    if (!s) throw new Error(`no sheet ${nameOrId}`);
    return s;
  }

  // ---------------------------------------------------------------- view state

  get activeSheet(): MemorySheet | undefined {
    return this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
  }

  activate(nameOrId: string): void {
    const s = this.requireSheet(nameOrId);
    if (s.visibility !== "visible") throw new Error(`sheet ${s.name} is hidden`);
    if (this.activeSheetId !== s.id) this.selection = null;
    this.activeSheetId = s.id;
  }

  select(nameOrId: string, range: CellRange): void {
    const s = this.requireSheet(nameOrId);
    this.activate(s.id);
    this.selection = { sheetId: s.id, range: cloneRange(range) };
  }

  view(): ViewState {
    const active = this.activeSheet;
    const sel = this.selection ? this.sheetById(this.selection.sheetId) : undefined;
    return {
      activeSheet: active?.name ?? null,
      selection: sel && this.selection ? { sheet: sel.name, address: formatAddress(this.selection.range) } : null,
    };
  }

  // ---------------------------------------------------------------- events

  onChange(listener: (c: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: WorkbookChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  // ---------------------------------------------------------------- cells

  getCell(sheet: MemorySheet, row: number, col: number): MemoryCell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  getValue(sheet: MemorySheet, row: number, col: number): CellValue {
    return sheet.cells.get(cellKey(row, col))?.value ?? null;
  }

  /** Replace parts of a cell (fixture building, format writes). Values written here raise no event. */
  patchCell(sheet: MemorySheet, row: number, col: number, patch: Partial<MemoryCell>): void {
    const key = cellKey(row, col);
    const prev = sheet.cells.get(key) ?? { value: null };
    const next = cleanCell({ ...prev, ...patch });
    if ("style" in patch && patch.style === undefined) delete next.style;
    if ("numberFormat" in patch && patch.numberFormat === undefined) delete next.numberFormat;
    if ("formula" in patch && patch.formula === undefined) delete next.formula;
    if (isEmptyCell(next)) sheet.cells.delete(key);
    else sheet.cells.set(key, next);
  }

  /** Write values into a rectangle starting at (row, col), like typing or Range.values; emits a change. */
  setValues(sheet: MemorySheet, row: number, col: number, values: CellValue[][], source: "user" | "host"): void {
    let width = 0;
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        this.patchCell(sheet, row + i, col + j, { value: v, formula: undefined });
        width = Math.max(width, j + 1);
      }),
    );
    if (values.length && width) {
      this.emit({
        sheetId: sheet.id,
        sheet: sheet.name,
        range: { top: row, left: col, bottom: row + values.length - 1, right: col + width - 1 },
        kind: "values",
        source,
      });
    }
  }

  /** Raise the change event of values written cell by cell (the fake Excel's Range.values, which may skip cells). */
  emitValuesChanged(sheet: MemorySheet, range: CellRange, source: "user" | "host"): void {
    this.emit({ sheetId: sheet.id, sheet: sheet.name, range: cloneRange(range), kind: "values", source });
  }

  /**
   * The used range. valuesOnly: cells holding a value or formula (Office's getUsedRange(true));
   * otherwise formatted cells count too. null for an empty sheet.
   */
  usedRange(sheet: MemorySheet, valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, c] of sheet.cells) {
      if (valuesOnly && (c.value === null || c.value === "") && c.formula === undefined) continue;
      const r = keyRow(key);
      const col = keyCol(key);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of sheet.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Values of a rectangle; null for empty cells. */
  values(sheet: MemorySheet, r: CellRange): CellValue[][] {
    const out: CellValue[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.getValue(sheet, row, col));
      out.push(line);
    }
    return out;
  }

  /** Set a column's width (Excel's character units; Range.format.columnWidth converts from points). */
  setColumnWidth(sheet: MemorySheet, col: number, width: number): void {
    const widths = sheet.columnWidths ?? [];
    while (widths.length < col) widths.push(null);
    widths[col - 1] = Math.round(width * 100) / 100;
    sheet.columnWidths = widths;
  }

  // ---------------------------------------------------------------- merges

  mergeAt(sheet: MemorySheet, row: number, col: number): CellRange | undefined {
    return sheet.merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  }

  /** Merge a rectangle (Range.merge(false)): merges inside it are absorbed; only the top-left value stays. */
  merge(sheet: MemorySheet, r: CellRange): void {
    const partial = sheet.merges.find((m) => rangesIntersect(m, r) && !rangeContains(r, m));
    if (partial) throw new Error(`cannot merge ${rangeToA1(r)}: it cuts the merged area ${rangeToA1(partial)}`);
    sheet.merges = sheet.merges.filter((m) => !rangeContains(r, m));
    if (r.top === r.bottom && r.left === r.right) return;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        const c = this.getCell(sheet, row, col);
        if (c && (c.value !== null || c.formula !== undefined)) this.patchCell(sheet, row, col, { value: null, formula: undefined });
      }
    }
    sheet.merges.push(cloneRange(r));
  }

  unmerge(sheet: MemorySheet, r: CellRange): void {
    sheet.merges = sheet.merges.filter((m) => !rangesIntersect(m, r));
  }

  // ---------------------------------------------------------------- conditional formats

  addConditionalFormat(sheet: MemorySheet, cf: Omit<ConditionalFormatModel, "id">): ConditionalFormatModel {
    const model: ConditionalFormatModel = { ...deepClone(cf), id: `{cf-${this.serial}-${this.nextCf++}}` };
    sheet.conditionalFormats.unshift(model); // Office.js adds at the top priority
    return model;
  }

  deleteConditionalFormat(sheet: MemorySheet, id: string): boolean {
    const i = sheet.conditionalFormats.findIndex((c) => c.id === id);
    if (i < 0) return false;
    sheet.conditionalFormats.splice(i, 1);
    return true;
  }

  conditionalFormatsIntersecting(sheet: MemorySheet, r: CellRange): ConditionalFormatModel[] {
    return sheet.conditionalFormats.filter((c) => c.ranges.some((x) => rangesIntersect(x, r)));
  }

  // ---------------------------------------------------------------- rows

  /**
   * Insert `count` entire rows at `at` (the old row `at` moves down), as Excel does: cells, comments
   * and notes below move; merges and conditional-format ranges that span the insertion point grow;
   * the new rows take the cell formats (not values, not merges) of the row above.
   */
  insertRows(sheet: MemorySheet, at: number, count: number, source: "user" | "host" = "host"): void {
    if (count <= 0) return;
    const shift = <T>(m: Map<number, T>): Map<number, T> => {
      const out = new Map<number, T>();
      for (const [k, v] of m) {
        const r = keyRow(k);
        out.set(r >= at ? cellKey(r + count, keyCol(k)) : k, v);
      }
      return out;
    };
    sheet.cells = shift(sheet.cells);
    sheet.comments = shift(sheet.comments);
    sheet.notes = shift(sheet.notes);
    const grow = (r: CellRange): CellRange => {
      if (r.top >= at) return { ...r, top: r.top + count, bottom: Math.min(MAX_ROWS, r.bottom + count) };
      if (r.bottom >= at) return { ...r, bottom: Math.min(MAX_ROWS, r.bottom + count) };
      return r;
    };
    sheet.merges = sheet.merges.map(grow);
    for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map(grow);
    if (at > 1) {
      for (const [k, c] of [...sheet.cells]) {
        if (keyRow(k) !== at - 1) continue;
        if (c.style === undefined && c.numberFormat === undefined) continue;
        for (let i = 0; i < count; i++) {
          this.patchCell(sheet, at + i, keyCol(k), { numberFormat: c.numberFormat, style: c.style ? deepClone(c.style) : undefined });
        }
      }
    }
    if (this.selection?.sheetId === sheet.id) this.selection.range = grow(this.selection.range);
    this.emit({ sheetId: sheet.id, sheet: sheet.name, range: { top: at, bottom: at + count - 1, left: 1, right: MAX_COLS }, kind: "rows-inserted", source });
  }

  /** Delete entire rows top..top+count-1; everything below moves up; merges and ranges shrink. */
  deleteRows(sheet: MemorySheet, top: number, count: number, source: "user" | "host" = "host"): void {
    if (count <= 0) return;
    const bottom = top + count - 1;
    const shift = <T>(m: Map<number, T>): Map<number, T> => {
      const out = new Map<number, T>();
      for (const [k, v] of m) {
        const r = keyRow(k);
        if (r >= top && r <= bottom) continue;
        out.set(r > bottom ? cellKey(r - count, keyCol(k)) : k, v);
      }
      return out;
    };
    sheet.cells = shift(sheet.cells);
    sheet.comments = shift(sheet.comments);
    sheet.notes = shift(sheet.notes);
    const shrink = (r: CellRange): CellRange | null => {
      const newTop = r.top > bottom ? r.top - count : r.top >= top ? top : r.top;
      const newBottom = r.bottom > bottom ? r.bottom - count : r.bottom >= top ? top - 1 : r.bottom;
      if (newBottom < newTop) return null;
      return { ...r, top: newTop, bottom: newBottom };
    };
    sheet.merges = sheet.merges
      .map(shrink)
      .filter((m): m is CellRange => m !== null && !(m.top === m.bottom && m.left === m.right));
    for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map(shrink).filter((r): r is CellRange => r !== null);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
    if (this.selection?.sheetId === sheet.id) {
      const s = shrink(this.selection.range);
      this.selection = s ? { sheetId: sheet.id, range: s } : null;
    }
    this.emit({ sheetId: sheet.id, sheet: sheet.name, range: { top, bottom, left: 1, right: MAX_COLS }, kind: "rows-deleted", source });
  }

  /**
   * Paste formats (Range.copyFrom(source, "Formats")): number formats and styles of `src` replace
   * those of `dst` (tiled when `dst` is a multiple of `src`), merges wholly inside `src` are
   * repeated, and conditional formats over `src` are extended to `dst`. Values are untouched.
   * Like Excel, refuses when either area cuts through a merged area.
   */
  copyFormats(sheet: MemorySheet, src: CellRange, dst: CellRange): void {
    const h = src.bottom - src.top + 1;
    const w = src.right - src.left + 1;
    if ((dst.bottom - dst.top + 1) % h !== 0 || (dst.right - dst.left + 1) % w !== 0) {
      throw new Error(`cannot paste ${rangeToA1(src)} onto ${rangeToA1(dst)}: sizes differ`);
    }
    for (const area of [src, dst]) {
      const cut = sheet.merges.find((m) => rangesIntersect(m, area) && !rangeContains(area, m));
      if (cut) throw new Error(`cannot change part of the merged area ${rangeToA1(cut)}`);
    }
    const formats: { dr: number; dc: number; numberFormat?: string; style?: CellStyle }[] = [];
    for (const [k, c] of sheet.cells) {
      const r = keyRow(k);
      const col = keyCol(k);
      if (r < src.top || r > src.bottom || col < src.left || col > src.right) continue;
      if (c.numberFormat === undefined && c.style === undefined) continue;
      formats.push({ dr: r - src.top, dc: col - src.left, numberFormat: c.numberFormat, style: c.style });
    }
    for (const [k, c] of [...sheet.cells]) {
      const r = keyRow(k);
      const col = keyCol(k);
      if (r < dst.top || r > dst.bottom || col < dst.left || col > dst.right) continue;
      if (c.numberFormat !== undefined || c.style !== undefined) this.patchCell(sheet, r, col, { numberFormat: undefined, style: undefined });
    }
    const srcMerges = sheet.merges.filter((m) => rangeContains(src, m));
    sheet.merges = sheet.merges.filter((m) => !rangesIntersect(m, dst));
    const srcCfs = sheet.conditionalFormats
      .map((cf) => ({ cf, parts: cf.ranges.map((r) => rangeIntersection(r, src)).filter((r): r is CellRange => r !== null) }))
      .filter((x) => x.parts.length > 0);
    for (let top = dst.top; top <= dst.bottom; top += h) {
      for (let left = dst.left; left <= dst.right; left += w) {
        const dr = top - src.top;
        const dc = left - src.left;
        for (const f of formats) {
          this.patchCell(sheet, top + f.dr, left + f.dc, { numberFormat: f.numberFormat, style: f.style ? deepClone(f.style) : undefined });
        }
        for (const m of srcMerges) sheet.merges.push({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc });
        for (const { cf, parts } of srcCfs) {
          for (const p of parts) {
            const moved = { top: p.top + dr, bottom: p.bottom + dr, left: p.left + dc, right: p.right + dc };
            if (!cf.ranges.some((r) => rangeContains(r, moved))) cf.ranges.push(moved);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- snapshots

  snapshot(): WorkbookSnapshot {
    const sortedKeys = <T>(m: Map<number, T>): number[] => [...m.keys()].sort((a, b) => a - b);
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, MemoryCell> = {};
        for (const k of sortedKeys(s.cells)) cells[toA1(keyRow(k), keyCol(k))] = cleanCell(s.cells.get(k) as MemoryCell);
        const comments: Record<string, CommentModel> = {};
        for (const k of sortedKeys(s.comments)) comments[toA1(keyRow(k), keyCol(k))] = { ...(s.comments.get(k) as CommentModel) };
        const notes: Record<string, NoteModel> = {};
        for (const k of sortedKeys(s.notes)) notes[toA1(keyRow(k), keyCol(k))] = { ...(s.notes.get(k) as NoteModel) };
        return {
          id: s.id,
          name: s.name,
          visibility: s.visibility,
          protected: s.protected,
          cells,
          merges: [...s.merges].sort(compareRanges).map(formatAddress),
          conditionalFormats: s.conditionalFormats.map((cf) => {
            const out: ConditionalFormatSnapshot = {
              id: cf.id,
              type: cf.type,
              ranges: [...cf.ranges].sort(compareRanges).map(formatAddress),
              format: Object.fromEntries(Object.entries(cf.format).filter(([, v]) => v !== undefined)),
              stopIfTrue: cf.stopIfTrue,
            };
            if (cf.formula !== undefined) out.formula = cf.formula;
            if (cf.rule !== undefined) out.rule = deepClone(cf.rule);
            return out;
          }),
          comments,
          notes,
          ...(s.columnWidths?.some((w) => w !== null) ? { columnWidths: [...s.columnWidths] } : {}),
        };
      }),
      settings: Object.fromEntries([...this.settings.keys()].sort().map((k) => [k, deepClone(this.settings.get(k))])),
    };
  }

  static fromSnapshot(snap: WorkbookSnapshot): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const s of snap.sheets) {
      const sheet = wb.addSheet({ name: s.name, id: s.id, visibility: s.visibility, protected: s.protected });
      for (const [a1, c] of Object.entries(s.cells)) {
        const { row, col } = parseA1(a1);
        sheet.cells.set(cellKey(row, col), cleanCell(c));
      }
      sheet.merges = s.merges.map(parseAddress);
      sheet.conditionalFormats = s.conditionalFormats.map((cf) => ({ ...deepClone(cf), ranges: cf.ranges.map(parseAddress) }));
      for (const [a1, c] of Object.entries(s.comments)) {
        const { row, col } = parseA1(a1);
        sheet.comments.set(cellKey(row, col), { ...c });
      }
      for (const [a1, n] of Object.entries(s.notes)) {
        const { row, col } = parseA1(a1);
        sheet.notes.set(cellKey(row, col), { ...n });
      }
      if (s.columnWidths) sheet.columnWidths = [...s.columnWidths];
    }
    for (const [k, v] of Object.entries(snap.settings)) wb.settings.set(k, deepClone(v));
    // ids in the snapshot must not be handed out again
    wb.nextCf = 1 + Math.max(0, ...snap.sheets.flatMap((s) => s.conditionalFormats.map((c) => Number(/(\d+)\}$/.exec(c.id)?.[1] ?? 0))));
    wb.nextSheet = 1 + snap.sheets.length;
    return wb;
  }

  clone(): MemoryWorkbook {
    return MemoryWorkbook.fromSnapshot(this.snapshot());
  }

  /** A workbook holding these grids (values, number formats, merges, hidden flag), one sheet each. */
  static fromGrids(grids: readonly Grid[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const g of grids) {
      const sheet = wb.addSheet({ name: g.sheet, visibility: g.hidden ? "hidden" : "visible" });
      g.cells.forEach((line, i) =>
        line.forEach((v, j) => {
          const nf = g.numberFormats?.[i]?.[j] ?? undefined;
          if (v === null && !nf) return;
          wb.patchCell(sheet, g.origin.row + i, g.origin.col + j, { value: v, numberFormat: nf ?? undefined });
        }),
      );
      sheet.merges = (g.merges ?? []).map(cloneRange);
    }
    return wb;
  }

  /** The used range (by values) inside rows 1..maxRows and columns 1..maxCols. */
  usedRangeWithin(sheet: MemorySheet, maxRows: number, maxCols: number): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, c] of sheet.cells) {
      if ((c.value === null || c.value === "") && c.formula === undefined) continue;
      const r = keyRow(key);
      const col = keyCol(key);
      if (r > maxRows || col > maxCols) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /**
   * The sheet as a Grid, the way hosts read it (used range by values, null for empty, merges).
   * With `limit`, only the used part of rows 1..maxRows x columns 1..maxCols is read.
   */
  toGrid(sheet: MemorySheet, limit?: { maxRows: number; maxCols: number }): Grid {
    const used = limit ? this.usedRangeWithin(sheet, limit.maxRows, limit.maxCols) : this.usedRange(sheet, true);
    const merges = [...sheet.merges].sort(compareRanges).map(cloneRange);
    const hidden = sheet.visibility !== "visible";
    if (!used) return { sheet: sheet.name, origin: { row: 1, col: 1 }, cells: [], numberFormats: [], merges, hidden };
    const cells: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let row = used.top; row <= used.bottom; row++) {
      const line: CellValue[] = [];
      const fmts: (string | null)[] = [];
      for (let col = used.left; col <= used.right; col++) {
        const c = this.getCell(sheet, row, col);
        line.push(c?.value === "" ? null : (c?.value ?? null));
        fmts.push(c?.numberFormat ?? null);
      }
      cells.push(line);
      numberFormats.push(fmts);
    }
    return { sheet: sheet.name, origin: { row: used.top, col: used.left }, cells, numberFormats, merges, hidden };
  }
}
