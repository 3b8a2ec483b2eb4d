/** Cell values compared as both hosts compare them (conflict checks, undo checks). */
import type { CellValue } from "../../core/grid";

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
