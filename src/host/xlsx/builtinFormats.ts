/**
 * The format code of a built-in number format id, as the readers give it (Node only: exceljs's own
 * table of built-in formats, a data file that loads nothing else of exceljs).
 *
 * exceljs knows an invariant code for most ids; for 27-36 and 50-58, the dates and times Chinese,
 * Japanese and Korean Excel write by default (31 is 2022年12月31日), it has none, and Jixiao gives
 * them exceljs's own zh-CN code, as a Chinese Excel shows them (numFmtCodes.ts installs the same
 * rule into exceljs for its readers).
 */
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";

type Entry = Record<string, string> | undefined;

/** exceljs's invariant code (NumFmtXform.getDefaultFmtCode), or undefined. */
export function invariantFormat(id: number): string | undefined {
  const entry = (defaultNumFormats as Record<number, Entry>)[id];
  return entry && entry.f;
}

/** The zh-CN code of a locale-dependent built-in id (27-36, 50-58), or undefined. */
export function chineseBuiltinFormat(id: number): string | undefined {
  const entry = (defaultNumFormats as Record<number, Entry>)[id];
  return entry && !entry.f ? entry["zh-cn"] : undefined;
}

/** The code the readers give a built-in id: the invariant one, else the Chinese one. */
export function builtinFormat(id: number): string | undefined {
  return invariantFormat(id) ?? chineseBuiltinFormat(id);
}
