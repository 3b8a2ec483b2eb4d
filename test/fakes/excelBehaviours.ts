/**
 * Excel's documented behaviours that the fake object model reproduces, each with its source.
 * Every one is ON by default: the fake is as strict as the documents say Excel is. A test may
 * switch one off (`new FakeExcel(wb, { behaviours: { parseTypedStrings: false } })`) to show what
 * the host does without it, or what the behaviour guards against.
 *
 * Sources (Microsoft's Office.js reference text as shipped in @types/office-js, Microsoft Learn
 * pages, and OfficeDev GitHub issues where Microsoft confirmed the behaviour):
 *  - [merged-top-left]  office-js #3611 "GetMergedAreasOrNullObject only works on top left of merge"
 *    (desktop and web; Microsoft: "by design", only areas whose top-left cell is in the range are
 *    returned) and office-js #1590 (applied to a row, merged areas that only cross the row are missed).
 *  - [merged-512]       Range.getMergedAreasOrNullObject reference (ExcelApi 1.13): "if the merged
 *    areas count in this range is more than 512, then this method will fail to return the result".
 *  - [cells-5m]         "Excel JavaScript API performance optimization" (docs/excel/performance.md):
 *    "On all platforms, a range is limited to five million cells for get operations"; the error code
 *    is Excel.ErrorCodes.rangeExceedsLimit. office-js-docs-pr #5821 adds: "the API doesn't always throw
 *    an error. In some cases, Range.values returns null instead"; office-js #4783 and #6781 show null
 *    values for >5M-cell ranges on Mac, Windows and the web.
 *  - [payload-web]      same page: "Excel on the web limits requests and responses to 5 MB"
 *    (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); desktop Excel has no such
 *    payload limit.
 *  - [unbounded-null]   office-js #4792: values of a whole selected row or column come back null.
 *  - [typed-strings]    Range.values reference: a string starting with "=", "+" or "-" is read as a
 *    formula, locale-neutral dates (ISO YYYY-MM-DD) are stored as dates; office-js #229 (writing
 *    '2018-12-31' stores a date and sets numberFormat m/d/yyyy) and #1559 (Range.values parses in the
 *    en-US locale): strings are parsed as if typed — numbers, 1,000, 95%, dates, TRUE/FALSE. A leading
 *    apostrophe keeps the rest as text; a cell formatted as Text ("@") keeps what is written as text.
 *  - [null-unchanged]   "Blank and null values in Excel add-ins" (excel-add-ins-blank-null-values):
 *    null in a 2-D values / numberFormat array leaves that cell unchanged; "" clears it.
 *  - [cell-edit]        Excel.RunOptions.delayForCellEdit reference and "Delay execution while cell is
 *    being edited": while the user edits a cell, a batch fails unless run with delayForCellEdit: true,
 *    which delays it until editing ends. The code is InvalidOperationInCellEditMode ("Excel is in
 *    cell-editing mode…", office-js #625, #3019, #3388; Excel.ErrorCodes.invalidOperationInCellEditMode).
 *    The generic InvalidOperation with the same message is issue 13's claim only: no Microsoft page
 *    or office-js thread found says Excel answers so (#856 shows the message without its code). The
 *    fake can answer it ({ cellEditErrorCode: "InvalidOperation" }) so that the host is tested to
 *    take it the same way, but the default is the documented code.
 *  - [context-bound]    OfficeExtension.ErrorCodes.invalidRequestContext ("cannot use the object
 *    across different request contexts") and the Range.track() reference (an object used outside
 *    its Excel.run batch fails with InvalidObjectPath unless it is tracked or the batch is resumed
 *    with Excel.run(object, …)).
 *  - [selection-event]  WorksheetCollection.onSelectionChanged (ExcelApi 1.9): "Occurs when the
 *    selection changes on any worksheet"; WorksheetSelectionChangedEventArgs { type, worksheetId, address }.
 */
import type { CellValue } from "../../src/core/grid";

export type FakePlatform = "web" | "desktop" | "mac";

export interface ExcelBehaviours {
  /** [merged-top-left] getMergedAreasOrNullObject returns only areas whose top-left cell lies in the range */
  mergedAreasTopLeftOnly: boolean;
  /** [merged-512] getMergedAreasOrNullObject fails past this many areas (null: no limit) */
  mergedAreasLimit: number | null;
  /** [cells-5m] a get of more cells than `cells`: "error" (RangeExceedsLimit) or "null" values */
  cellLimit: { cells: number; answer: "error" | "null" } | null;
  /** [unbounded-null] values of whole rows / columns come back null */
  unboundedValuesNull: boolean;
  /** [typed-strings] strings written to Range.values are parsed as if typed */
  parseTypedStrings: boolean;
  /** [null-unchanged] null in a written 2-D array leaves the cell unchanged */
  nullLeavesCellUnchanged: boolean;
  /** [cell-edit] the error code of a batch refused in cell-edit mode */
  cellEditErrorCode: "InvalidOperationInCellEditMode" | "InvalidOperation";
  /** [context-bound] proxies are bound to their request context */
  contextBound: boolean;
}

export const DOCUMENTED_BEHAVIOURS: Readonly<ExcelBehaviours> = {
  mergedAreasTopLeftOnly: true,
  mergedAreasLimit: 512,
  cellLimit: { cells: 5_000_000, answer: "error" },
  unboundedValuesNull: true,
  parseTypedStrings: true,
  nullLeavesCellUnchanged: true,
  cellEditErrorCode: "InvalidOperationInCellEditMode",
  contextBound: true,
};

/** [payload-web] 5 MB per request and per response, on Excel on the web only. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

// ------------------------------------------------------------------------------ typed strings

/** What Excel stores when Range.values receives a value, as if the user had typed it. */
export interface StoredValue {
  value: CellValue;
  formula?: string;
  /** the number format Excel gives a General cell for this input (95% -> 0%, a date -> m/d/yyyy) */
  numberFormat?: string;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Excel's serial for a date (1900 system; 1900-03-01 is 61 because of the 1900 leap-year bug). */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return null;
  const ms = Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30);
  return Math.round(ms / 86_400_000);
}

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?)\s*%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * [typed-strings] Parse a written value the way Excel (en-US, as Office.js writes values) parses
 * typed input. `cellFormat` is the cell's current number format: a Text cell ("@") keeps text.
 */
export function parseTyped(v: unknown, cellFormat: string | undefined, behaviours: Pick<ExcelBehaviours, "parseTypedStrings">): StoredValue {
  if (v === null || v === undefined || v === "") return { value: null };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) }; // the apostrophe is a prefix, not part of the value
  if (cellFormat === "@") return { value: s };
  if (s.startsWith("=")) return { value: "#NAME?", formula: s };
  if (!behaviours.parseTypedStrings) {
    // the fake before issue 13: plain numbers and formulas only
    if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
    if (/^[+-]/.test(s)) return { value: "#NAME?", formula: `=${s}` };
    return { value: s };
  }
  const t = s.trim();
  const general = cellFormat === undefined || cellFormat === "General";
  const withFormat = (value: CellValue, numberFormat: string): StoredValue => (general ? { value, numberFormat } : { value });
  if (NUMBER.test(t)) {
    const n = Number(t.replace(/,/g, ""));
    return t.includes(",") ? withFormat(n, "#,##0") : { value: n };
  }
  const pct = PERCENT.exec(t);
  if (pct) return withFormat(Number(pct[1].replace(/,/g, "")) / 100, pct[2] ? `0.${"0".repeat(pct[2].length)}%` : "0%");
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return withFormat(serial, "m/d/yyyy");
  }
  const us = US_DATE.exec(t);
  if (us) {
    const year = us[3].length === 2 ? (Number(us[3]) < 30 ? 2000 : 1900) + Number(us[3]) : Number(us[3]);
    const serial = dateSerial(year, Number(us[1]), Number(us[2]));
    if (serial !== null) return withFormat(serial, "m/d/yyyy");
  }
  const time = TIME.exec(t);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    return withFormat((Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400, time[3] ? "h:mm:ss" : "h:mm");
  }
  if (/^[+-]/.test(t)) return { value: "#NAME?", formula: `=${t}` };
  return { value: s };
}
