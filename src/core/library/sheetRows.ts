/** The rows of a sheet being made (a new target table, a self-evaluation): values, number formats and merges. */
import type { CellRange, CellValue } from "../grid";

export function sheetRows(width: number): {
  cells: CellValue[][];
  formats: (string | null)[][];
  merges: CellRange[];
  /** adds a row of `width` cells (the values from the left, the formats likewise); its 1-based number */
  row: (values: CellValue[], fmt?: (string | null)[]) => number;
} {
  const cells: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: CellRange[] = [];
  const row = (values: CellValue[], fmt: (string | null)[] = []) => {
    const r = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (r[i] = v));
    cells.push(r);
    formats.push(new Array(width).fill(null).map((_, i) => fmt[i] ?? null));
    return cells.length;
  };
  return { cells, formats, merges, row };
}
