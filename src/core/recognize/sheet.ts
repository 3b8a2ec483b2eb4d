/** A read-only view of a grid with cached display texts and label keys, in sheet coordinates. */
import { formatAt, toA1, valueAt, type CellRange, type CellValue, type Grid } from "../grid";
import { displayText } from "../cellDisplay";
import type { Field, Place } from "../model";
import { meaningsOfKey, type LabelMeaning } from "../frameworks/labels";
import { labelKey, tidy } from "../text";

export class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly texts: string[][];
  private readonly keys: ((string | undefined)[] | undefined)[];

  constructor(readonly grid: Grid) {
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    let width = 0;
    for (const r of grid.cells) if (r.length > width) width = r.length;
    this.bottom = this.top + grid.cells.length - 1;
    this.right = this.left + width - 1;
    // one packed array of texts a row ("" for an empty cell or a hole: every reader takes both as
    // empty); a number's format looked up only for numbers and booleans (issue 17)
    const formats = grid.numberFormats;
    this.texts = [];
    for (let i = 0; i < grid.cells.length; i++) {
      const r = grid.cells[i];
      const f = formats?.[i];
      const out: string[] = [];
      for (let j = 0; j < r.length; j++) {
        const v = r[j];
        out.push(typeof v === "string" ? tidy(v) : v === null || v === undefined ? "" : displayText(v, f?.[j] ?? null));
      }
      this.texts.push(out);
    }
    this.keys = [];
  }

  get sheet(): string {
    return this.grid.sheet;
  }

  raw(row: number, col: number): CellValue {
    return valueAt(this.grid, row, col);
  }

  format(row: number, col: number): string | null {
    return formatAt(this.grid, row, col);
  }

  /** Display text, whitespace tidied, markup stripped. "" outside the grid. */
  text(row: number, col: number): string {
    return this.texts[row - this.top]?.[col - this.left] ?? "";
  }

  /** Text for comparing with labels (no whitespace, half-width). */
  key(row: number, col: number): string {
    const i = row - this.top;
    if (i < 0 || i >= this.texts.length) return "";
    // a row's keys are made when one of them is first asked for
    let r = this.keys[i];
    if (!r) {
      while (this.keys.length < i) this.keys.push(undefined);
      r = this.keys[i] = [];
    }
    const j = col - this.left;
    let k = r[j];
    if (k === undefined) {
      k = labelKey(this.text(row, col));
      r[j] = k;
    }
    return k;
  }

  /** Every meaning the cell's text can have as an 一级/二级 label (labelMeanings of its text). */
  meanings(row: number, col: number): LabelMeaning[] {
    return this.ofKey(meaningsOfKey, row, col);
  }

  /** Results of pure functions of a cell's key, per function: row arrays as `keys` has them. */
  private readonly derived = new Map<(key: string) => unknown, (unknown[] | undefined)[]>();

  /**
   * `fn(key(row, col))`, worked out once per cell of this view: the readers ask the same questions of
   * the same cells many times (a label's meanings, whether a text is a field label), and each answer
   * was a memo lookup by the cell's text (issue 17). `fn` must be pure and never return undefined.
   */
  ofKey<T>(fn: (key: string) => T, row: number, col: number): T {
    const i = row - this.top;
    const j = col - this.left;
    if (i < 0 || i >= this.texts.length || j < 0) return fn(this.key(row, col));
    let rows = this.derived.get(fn);
    if (!rows) this.derived.set(fn, (rows = []));
    let r = rows[i];
    if (!r) {
      while (rows.length < i) rows.push(undefined);
      r = rows[i] = [];
    }
    let v = r[j] as T | undefined;
    if (v === undefined) r[j] = v = fn(this.key(row, col));
    return v;
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  rowIsEmpty(row: number, left = this.left, right = this.right): boolean {
    return this.firstFilled(row, left, right) === undefined;
  }

  /** The first column with content in a row between left and right, or undefined. */
  firstFilled(row: number, left = this.left, right = this.right): number | undefined {
    const r = this.texts[row - this.top];
    if (!r) return undefined;
    const from = Math.max(left, this.left) - this.left;
    const to = Math.min(right - this.left, r.length - 1);
    for (let j = from; j <= to; j++) if (r[j]) return j + this.left; // "" or a hole: empty
    return undefined;
  }

  /** The last column with content in a row between left and right, or undefined. */
  lastFilled(row: number, left = this.left, right = this.right): number | undefined {
    const r = this.texts[row - this.top];
    if (!r) return undefined;
    const from = Math.max(left, this.left) - this.left;
    const to = Math.min(right - this.left, r.length - 1);
    for (let j = to; j >= from; j--) if (r[j]) return j + this.left;
    return undefined;
  }

  /** Columns with content in a row, left to right. */
  filledColumns(row: number, left = this.left, right = this.right): number[] {
    const out: number[] = [];
    const r = this.texts[row - this.top];
    if (!r) return out;
    const from = Math.max(left, this.left) - this.left;
    const to = Math.min(right - this.left, r.length - 1);
    for (let j = from; j <= to; j++) if (r[j]) out.push(j + this.left);
    return out;
  }

  private mergeIndex?: Map<number, CellRange>;

  /** The merged range whose top-left cell is (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      const width = this.right - this.left + 1;
      for (const m of this.grid.merges ?? []) this.mergeIndex.set((m.top - this.top) * width + (m.left - this.left), m);
    }
    return this.mergeIndex.get((row - this.top) * (this.right - this.left + 1) + (col - this.left));
  }

  place(row: number, col: number): Place {
    return { row, col, address: toA1(row, col) };
  }

  field(row: number, col: number): Field | undefined {
    const text = this.text(row, col);
    if (text === "") return undefined;
    return { row, col, address: toA1(row, col), text, raw: this.raw(row, col) };
  }
}
