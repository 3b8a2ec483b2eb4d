/**
 * A full garbage collection between reading a large workbook and checking it. exceljs's workbook
 * model (hundreds of MB for a large file) is garbage once the grids are read, but V8 only collects
 * it after the heap has grown much further: checking 5,000 tables peaked at ~870 MB, ~560 MB with
 * this (bench/README.md). Uses V8's gc(), exposed at run time; where that is unavailable, nothing.
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      const existing = (globalThis as { gc?: () => void }).gc;
      if (existing) collect = existing;
      else {
        v8.setFlagsFromString("--expose-gc");
        const gc: unknown = vm.runInNewContext("gc");
        collect = typeof gc === "function" ? (gc as () => void) : null;
      }
    } catch {
      collect = null;
    }
  }
  collect?.();
}
