/**
 * Which seed cells staff would have as numbers or dates in Excel, and which as text.
 *
 * - Amounts in the header block (预算数 25, 项目总金额 12210000.00, 资金总额 1003.82):
 *   NUMBER cells; where the source shows decimals, a format with that many ("0.00").
 *   Written with thousands separators (8,827,620.53): the number with "#,##0.00".
 *   Codes and phone numbers (单位编码 095001, 联系电话 67172655) stay text.
 * - Dates in the header block (开始时间 2020-01-01): typed into Excel they become dates,
 *   so a date serial with "yyyy-mm-dd".
 * - The spending plan of seed 000 (the row under 资金支出计划（%）): 10% -> 0.1 with "0%".
 * - Everything else — and everything in the indicator grid (≥90%, ≤25万元, =100, n%,
 *   993.85 万元, 100%) — is TEXT exactly as written, because people type it as text.
 *   The exception is a weight or score column of the grid (权重, 分值, 得分): plain numbers
 *   there are NUMBER cells (typeScoreCell).
 */
import type { CellValue } from "../../src/core/grid";

export interface TypedCell {
  value: CellValue;
  numFmt?: string;
}

const PLAIN_NUMBER = /^\d+(?:\.(\d+))?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/;
const PERCENT = /^(\d+(?:\.(\d+))?)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** labels whose digits are identifiers, not amounts */
const IDENTIFIER_LABEL = /编码|编号|代码|电话|手机/;

function decimalsFormat(decimals: string | undefined, suffix = ""): string | undefined {
  if (!decimals) return suffix ? `0${suffix}` : undefined;
  return `0.${"0".repeat(decimals.length)}${suffix}`;
}

/** Serial number of a calendar date in Excel's 1900 date system. */
export function dateSerial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

function text(value: string): TypedCell {
  return { value: value === "" ? null : value };
}

/** A header-block cell; `leftLabel` is the nearest non-empty cell to its left in the row. */
export function typeHeaderCell(raw: string, leftLabel: string | undefined): TypedCell {
  const s = raw.trim();
  const num = PLAIN_NUMBER.exec(s);
  if (num) {
    const identifier = (leftLabel !== undefined && IDENTIFIER_LABEL.test(leftLabel)) || /^0\d/.test(s);
    if (!identifier) return { value: Number(s), numFmt: decimalsFormat(num[1]) };
  }
  const grouped = GROUPED_NUMBER.exec(s);
  if (grouped) return { value: Number(s.replace(/,/g, "")), numFmt: `#,##${decimalsFormat(grouped[1]) ?? "0"}` };
  const date = ISO_DATE.exec(s);
  if (date) return { value: dateSerial(Number(date[1]), Number(date[2]), Number(date[3])), numFmt: "yyyy-mm-dd" };
  return text(raw);
}

/** A cell of a 资金支出计划 value row: percentages become fractions with a % format. */
export function typeSpendingPlanCell(raw: string): TypedCell {
  const pct = PERCENT.exec(raw.trim());
  if (!pct) return text(raw);
  const value = Number((Number(pct[1]) / 100).toPrecision(12));
  return { value, numFmt: decimalsFormat(pct[2], "%") };
}

/** A cell of a weight or score column (权重 10, 分值 20, 得分 96): plain numbers are numbers. */
export function typeScoreCell(raw: string): TypedCell {
  const num = PLAIN_NUMBER.exec(raw.trim());
  if (!num) return text(raw);
  return { value: Number(raw.trim()), numFmt: decimalsFormat(num[1]) };
}

export function typeTextCell(raw: string): TypedCell {
  return text(raw);
}
