/**
 * Is this the list of findings an annotated copy carries (校验结果 / Findings)? Its first row is
 * the list's header, exactly; checking an annotated copy again leaves it out (its messages quote
 * table words and would read as a table without a header). Apart from writeCopies.ts, so that
 * checking a file does not load the code that writes copies.
 */
import type { Grid } from "../core/grid";
import { t } from "./messages";

export function isFindingsSheet(grid: Grid): boolean {
  if (grid.origin.row !== 1 || grid.origin.col !== 1) return false;
  const head = (grid.cells[0] ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
  return (["zh", "en"] as const).some((lang) => head.join("|") === t(lang, "summaryHeader"));
}
