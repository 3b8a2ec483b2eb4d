/**
 * exceljs cell values -> the plain values Office.js would hand over
 * (`range.values`): text, number, boolean or empty.
 *
 * - rich text             -> its plain text
 * - formula               -> its cached result (errors as their text, "#REF!")
 * - hyperlink             -> its display text
 * - date                  -> Excel serial number, 1900 date system
 * - error                 -> "#N/A", "#DIV/0!" …
 * - a formula with no cached result, or an empty string -> null
 */
import type { CellValue } from "../../core/grid";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (Excel's day 0 as exceljs counts it) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * A JS date (as exceljs builds it from a serial, always in UTC) back to its serial.
 * exceljs has already applied the workbook's 1904 offset, so this is the 1900-system serial.
 */
export function dateToSerial(date: Date): number {
  const serial = UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
  // exceljs rounds to whole milliseconds; drop the float noise of the division
  return Math.round(serial * 1e10) / 1e10;
}

interface RichTextRun {
  text?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function richTextToString(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  return runs.map((r: RichTextRun) => (typeof r?.text === "string" ? r.text : "")).join("");
}

/** Plain value of anything exceljs may store in `cell.value`. */
export function toPlainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (!isRecord(value)) return null;

  if ("error" in value) return typeof value.error === "string" ? value.error : "#VALUE!";
  if ("richText" in value) return toPlainValue(richTextToString(value.richText));
  if ("formula" in value || "sharedFormula" in value) return toPlainValue(value.result);
  if ("hyperlink" in value || "text" in value) return toPlainValue(value.text);
  return null;
}
