/**
 * Number format codes as the file writes them (Node only: it adjusts exceljs's own lib/ modules,
 * which the CLI, the fast reader and the copies load; the browser build of exceljs is not touched).
 *
 * exceljs loses two kinds of format when it reads styles.xml (numfmt-xform.js):
 * - it removes every backslash from a code, so `0\%` (a literal percent sign) reads as `0%` (a
 *   percentage) and `0.0\;0` gains a section;
 * - a built-in id it has no invariant code for — 27-36 and 50-58, the dates and times Chinese,
 *   Japanese and Korean Excel write by default (31 is 2022年12月31日) — reads as no format at all, so a
 *   date shows as its serial number 44926 (exceljs issue #2893). Those ids get exceljs's own zh-CN
 *   code (defaultnumformats.js), as a Chinese Excel shows them.
 *
 * keepNumberFormatCodes() changes both, once per process, for every exceljs load after it: the full
 * reader, the fast reader (both go through StylesXform.getStyleModel, so they stay equal) and the
 * annotated copies, whose cells then keep the format they had.
 */
import NumFmtXform from "exceljs/lib/xlsx/xform/style/numfmt-xform";
import { chineseBuiltinFormat } from "./builtinFormats";

export { chineseBuiltinFormat } from "./builtinFormats";

let installed = false;

export function keepNumberFormatCodes(): void {
  if (installed) return;
  installed = true;
  const invariant = NumFmtXform.getDefaultFmtCode;
  NumFmtXform.getDefaultFmtCode = (id: number) => invariant(id) ?? chineseBuiltinFormat(id);
  NumFmtXform.prototype.parseOpen = function parseOpen(this: { model?: unknown }, node: { name: string; attributes: Record<string, string> }): boolean {
    if (node.name !== "numFmt") return false;
    // as exceljs, but the code as written (exceljs removes every backslash)
    this.model = { id: parseInt(node.attributes.numFmtId, 10), formatCode: node.attributes.formatCode };
    return true;
  };
}
