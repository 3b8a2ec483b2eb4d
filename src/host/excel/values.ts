/**
 * Values between Jixiao and Office.js. Excel parses a string written to Range.values as if it were
 * typed (test/fakes/excelBehaviours.ts [typed-strings]): "95%" becomes the number 0.95 with a percent
 * format, "2022-12-31" a date, "TRUE" a boolean, "1,000" a number, "=…" a formula. Jixiao writes text
 * as text: any string Excel could read as something else goes out with a leading apostrophe, which
 * Excel takes as "this is text" and does not keep in the value.
 */
import type { CellValue } from "../../core/grid";

/** Whether Excel (any locale) might read this string as a number, date, time, boolean, error or formula. */
export function excelWouldParse(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  // a leading apostrophe would be eaten; digits (ASCII or full-width), signs, decimal points, currency,
  // brackets (negative numbers), #errors and formulas; booleans in English (Office.js writes en-US)
  return /^['=+\-.(#$¥￥€£0-9０-９]/.test(t) || /^(true|false)$/i.test(t);
}

/** A value as Range.values should receive it: null clears the cell, text Excel would parse is quoted. */
export function toOfficeValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && excelWouldParse(v)) return `'${v}`;
  return v;
}

/** Office.js hands "" for empty cells; Jixiao's CellValue uses null. */
export function fromOfficeValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Office's number formats -> the grid's (General -> null). */
export function fromOfficeFormat(f: unknown): string | null {
  return typeof f === "string" && f !== "General" && f !== "" ? f : null;
}

/** UTF-8 size of a string (what a response payload costs), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
