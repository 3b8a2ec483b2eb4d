/** A read-only view of a grid with cached display texts and label keys, in sheet coordinates. */
import { formatAt, toA1, valueAt, displayText, type CellRange, type CellValue, type Grid } from "../grid";
import type { Field, Place } from "../model";
import { meaningsOfKey, type LabelMeaning } from "../frameworks/labels";
import { labelKey, tidy } from "../text";

export class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly texts: string[][];
  private readonly keys: (string | undefined)[][];

  constructor(readonly grid: Grid) {
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    let width = 0;
    for (const r of grid.cells) if (r.length > width) width = r.length;
    this.bottom = this.top + grid.cells.length - 1;
    this.right = this.left + width - 1;
    this.texts = grid.cells.map((r, i) =>
      r.map((v, j) => {
        const fmt = grid.numberFormats?.[i]?.[j] ?? null;
        return typeof v === "string" ? tidy(v) : displayText(v, fmt);
      }),
    );
    this.keys = grid.cells.map(() => []);
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
    const r = this.keys[row - this.top];
    if (!r) return "";
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
    return meaningsOfKey(this.key(row, col));
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
