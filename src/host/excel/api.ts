/** The parts of Office.js the Excel host uses, the requirement sets it needs, and its options. */
import { HostError } from "../types";
import type { Timers } from "../shared/changes";
import { hostMessage } from "../shared/messages";
import type { Lang } from "../../core/i18n";

/** The minimum requirement set (RangeAreas for marks, Range.copyFrom for insertion, worksheets.onChanged / onSelectionChanged). */
export const MIN_EXCEL_API = "1.9";
/** Reading merged areas (getMergedAreasOrNullObject); without it merges are not read or extended. */
export const MERGES_EXCEL_API = "1.13";

/** The parts of Office.js the host uses; injected so tests can pass a fake. */
export interface OfficeApi {
  run: typeof Excel.run;
  isSetSupported(name: string, minVersion: string): boolean;
}

/** Office.js from the page's globals. Throws HostError("requirement") outside Office. */
export function officeApi(lang: Lang = "zh"): OfficeApi {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  const excel = g.Excel;
  const office = g.Office;
  if (!excel || typeof excel.run !== "function" || !office?.context?.requirements) {
    throw new HostError("requirement", hostMessage(lang, "notInOffice"));
  }
  return {
    run: excel.run,
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
  };
}

export interface ExcelHostOptions {
  /** language of messages; default zh */
  lang?: Lang;
  /** onChange debounce in ms; default 500 */
  debounceMs?: number;
  timers?: Timers;
  now?: () => Date;
  /** response bytes one read sync may carry; default 4,000,000 (Excel on the web refuses past 5 MB) */
  maxResponseBytes?: number;
  /** cells one read sync may carry; default 2,000,000 (Excel's hard limit is 5M per get, on every platform) */
  maxCellsPerSync?: number;
  /** longest address list per getRanges call; default 255 */
  maxAddressChars?: number;
  /**
   * The area of a sheet Jixiao reads at most: rows 1..maxRows, columns 1..maxCols (default 100,000
   * rows, 500 columns). A used range reaching further (a stray value in XFD1048576) is read only
   * inside this area, and `readWarnings` says so.
   */
  readLimit?: { maxRows: number; maxCols: number };
  /**
   * Run reads, marks, settings and event registration with `delayForCellEdit` (default true): while
   * the user types in a cell Excel holds them until the cell is left, instead of failing them. Value
   * writes, insertions, new sheets and selecting are never delayed: they fail at once with a message
   * asking to press Enter or Esc, so that nothing the user asked for happens later by surprise.
   */
  waitForCellEdit?: boolean;
  /** called when a background operation (change or selection listening) fails */
  onError?: (error: HostError) => void;
}
