/**
 * What a cell shows under its number format (numberFormat.ts draws it as Excel does): the display
 * text, and whether a format is a percent or a date one. Apart from grid.ts so that the grid's
 * positions and A1 names come without the number-format parser (the pane's first chunk needs those
 * only).
 */
import { formatNumber, formatText, numberShape, parseNumberFormat } from "./numberFormat";
import { formatAt, valueAt, type CellValue, type Grid } from "./grid";

/** A percent format: a % (outside quotes and escapes) in a section for numbers. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return parseNumberFormat(format).numeric.some((s) => s.percents > 0);
}

/**
 * A date format: its section for positive numbers shows a calendar date (yyyy-mm-dd, m/d/yyyy,
 * yyyy"年"m"月"d"日", yyyy年m月d日, [$-804]yyyy年m月 …). A number with a unit (0"月", 0"个工作日",
 * 0"年") is no date, nor is a time of day alone (h:mm).
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const first = parseNumberFormat(format).numeric[0];
  return !!first && first.date && first.calendar;
}

function trimNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // avoid 0.30000000000000004
  return String(Number(n.toPrecision(12)));
}

/**
 * The text a person sees in a cell, as far as it matters for reading the table (numberFormat.ts
 * draws it as Excel does):
 * - a number whose format carries words or a percent is drawn as Excel draws it: 12 under 0"月" is
 *   "12月", 15 under 0"个工作日" "15个工作日", 0.995 under 0.0% "99.5%", 1003.82 under #,##0.00"万元"
 *   "1,003.82万元", 0 under 0;-0;"无" "无" — rounded to the format's places, but without the zeros a
 *   format only pads (0.3 under 0.00% is "30%", 12 under 0.00"万元" "12万元", where Excel shows
 *   30.00% and 12.00万元);
 * - a date (a serial number under a date format) as the date the format draws: "2020-12-31",
 *   "2020年12月31日", "2020年12月"; formats not in year-month-day order (m/d/yyyy, the short date a file
 *   stores for Chinese Excel's 2020/12/31) as "2020-12-31";
 * - any other number plainly, without float noise (0.00, #,##0 and General alike: "12210000");
 * - a text under a format with a text section ("编号"@) as that section draws it, any other text as
 *   it is; booleans as TRUE/FALSE.
 */
export function displayText(value: CellValue, format?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return format ? formatText(value, format) : value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (!Number.isFinite(value)) return String(value);
  if (!format || numberShape(value, format) === "plain") return trimNumber(value);
  return formatNumber(value, format, { padZeros: false }) ?? trimNumber(value);
}

/** displayText of the cell at a 1-based sheet position. */
export function textAt(grid: Grid, row: number, col: number): string {
  return displayText(valueAt(grid, row, col), formatAt(grid, row, col));
}
