/**
 * A worksheet's <sheetData> read from the bytes in one pass, every cell resolved as exceljs 4
 * resolves it (cell-xform.js parse and reconcile, then doc/cell.js and toPlainValue) and handed to
 * the grid as row, column, plain value and number format — no object per cell, no XML events.
 *
 * Only the plain form is read: <row r> in increasing order holding <c r> in increasing columns,
 * each with at most one <f>, then at most one <v> or one <is> of <t>s; ASCII names; attribute
 * values without '&', '<' or control characters; texts with the predefined entities and character
 * references only; no comments, CDATA, processing instructions, carriage returns or characters XML
 * forbids. Anything else throws NotPlain and the file goes to exceljs.
 *
 * The readers below are plain functions of (buf, position) returning the new position, with their
 * other results in the typed array ST, so that the scanning loop keeps its position in a register.
 */
import type { CellValue } from "../../../core/grid";
import { toPlainValue } from "../cellValue";
import { decodeEntities, NotPlain } from "./xmlTree";
import { xmlDecode } from "./parts";
import type { MergeMap } from "./directRead";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** What a cell's value depends on beyond its own XML. */
export interface CellContext {
  /** shared strings as plain values; null when the workbook has no sharedStrings part */
  strings: readonly CellValue[] | null;
  /** per style index: the grid's number format (null: none or General); null without a styles part */
  formats: readonly (string | null)[] | null;
  /** per style index: exceljs's isDateFmt of its format */
  dates: readonly boolean[];
  /** false when the styles part has no cell style at all (exceljs throws on any style id) */
  stylesUsable: boolean;
  date1904: boolean;
}

/** The non-empty cells of a sheet, in document order, as parallel lists (`n` of them). */
export class CellColumns {
  n = 0;
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  values: CellValue[] = [];
  formats: (string | null)[] = [];

  clear(): void {
    this.n = 0;
  }

  push(row: number, col: number, value: CellValue, format: string | null): void {
    const i = this.n++;
    if (i === this.rows.length) {
      const rows = new Int32Array(i * 2);
      rows.set(this.rows);
      this.rows = rows;
      const cols = new Int32Array(i * 2);
      cols.set(this.cols);
      this.cols = cols;
    }
    this.rows[i] = row;
    this.cols[i] = col;
    this.values[i] = value;
    this.formats[i] = format;
  }
}

/** exceljs's utils.excelToDate, the same arithmetic in the same order (any value: JS coercion as there). */
function excelToDate(v: unknown, date1904: boolean): Date {
  const millisecondSinceEpoch = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(millisecondSinceEpoch);
}

// byte values
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

// value types (the t attribute)
const T_DEFAULT = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;

// results of the readers: ST[A_COUNT] attributes read, ST[A_EMPTY] 1 for <x/>, ST[X_FROM..X_PLAIN] a leaf's text
const ST = new Int32Array(8);
const A_COUNT = 0;
const A_EMPTY = 1;
const X_FROM = 2;
const X_TO = 3;
const X_PLAIN = 4;
/** attributes of the last tag: nameStart, nameEnd, valueStart, valueEnd, … */
const SPANS = new Int32Array(64);
const MAX_ATTRS = 16;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** U+FFFE or U+FFFF (EF BF BE/BF) at i, which XML forbids. */
const badEf = (buf: Buffer, i: number) => buf[i + 1] === 0xbf && (buf[i + 2] === 0xbe || buf[i + 2] === 0xbf);

function skipWs(buf: Buffer, p: number): number {
  for (;;) {
    const b = buf[p];
    if (b === 0x20 || b === 0x0a || b === 0x09) p++;
    else return p;
  }
}

/** An element name (letters only) from p; returns its end. */
function nameEnd(buf: Buffer, p: number): number {
  const from = p;
  for (;;) {
    const b = buf[p];
    if ((b >= 97 && b <= 122) || (b >= 65 && b <= 90)) p++;
    else break;
  }
  if (p === from) throw new NotPlain("markup");
  // a name going on with name characters we do not read (prefixes, digits …)
  const b = buf[p];
  if ((b >= 48 && b <= 58) || b === 0x2d || b === 0x2e || b === 0x5f || b >= 0x80) throw new NotPlain("element name");
  return p;
}

function nameIs(buf: Buffer, from: number, to: number, s: string): boolean {
  if (to - from !== s.length) return false;
  for (let k = 0; k < s.length; k++) if (buf[from + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Attributes from p up to '>' or '/>' into SPANS; returns the position after the tag. */
function readAttrs(buf: Buffer, p: number, end: number): number {
  let n = 0;
  for (;;) {
    const before = p;
    p = skipWs(buf, p);
    const b = buf[p];
    if (b === GT) {
      ST[A_COUNT] = n;
      ST[A_EMPTY] = 0;
      return p + 1;
    }
    if (b === SLASH) {
      if (buf[p + 1] !== GT) throw new NotPlain("tag");
      ST[A_COUNT] = n;
      ST[A_EMPTY] = 1;
      return p + 2;
    }
    if (p === before) throw new NotPlain("attribute");
    const ns = p;
    for (;;) {
      const c = buf[p];
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x3a || c === 0x5f || (p > ns && ((c >= 48 && c <= 57) || c === 0x2d || c === 0x2e))) p++;
      else break;
    }
    if (p === ns) throw new NotPlain("attribute name");
    const ne = p;
    if (buf[p] !== EQ) {
      p = skipWs(buf, p);
      if (buf[p] !== EQ) throw new NotPlain("attribute");
    }
    p++;
    let q = buf[p];
    if (q !== DQ && q !== SQ) {
      p = skipWs(buf, p);
      q = buf[p];
      if (q !== DQ && q !== SQ) throw new NotPlain("attribute quote");
    }
    const vs = ++p;
    for (;;) {
      const c = buf[p];
      if (c === q) break;
      // '<' is an error, '&' would need decoding, tabs and newlines normalising
      if (c === LT || c === 0x26 || c < 0x20 || p >= end) throw new NotPlain("attribute value");
      if (c === 0xef && badEf(buf, p)) throw new NotPlain("character");
      p++;
    }
    const ve = p++;
    if (n === MAX_ATTRS) throw new NotPlain("attributes");
    // saxes rejects an attribute given twice
    const len = ne - ns;
    for (let k = 0; k < n * 4; k += 4) {
      if (SPANS[k + 1] - SPANS[k] !== len) continue;
      let same = true;
      for (let j = 0; j < len && same; j++) if (buf[SPANS[k] + j] !== buf[ns + j]) same = false;
      if (same) throw new NotPlain("duplicate attribute");
    }
    const o = n++ * 4;
    SPANS[o] = ns;
    SPANS[o + 1] = ne;
    SPANS[o + 2] = vs;
    SPANS[o + 3] = ve;
  }
}

/** The SPANS index of the one-letter attribute `letter` among the last tag's, or -1. */
function attr1(buf: Buffer, letter: number): number {
  const n = ST[A_COUNT] * 4;
  for (let k = 0; k < n; k += 4) if (SPANS[k + 1] - SPANS[k] === 1 && buf[SPANS[k]] === letter) return k;
  return -1;
}

/** A non-negative decimal written with digits only, up to 15 of them (-1 when it is not). */
function digits(buf: Buffer, from: number, to: number): number {
  if (from === to || to - from > 15) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/**
 * parseFloat of a plain decimal (-?digits[.digits], at most 15 significant digits and 22
 * decimals): m / 10^k of two exactly represented numbers is the correctly rounded value, as
 * parseFloat's is. NaN for any other form (the caller then calls parseFloat itself).
 */
function plainDecimal(buf: Buffer, from: number, to: number): number {
  let i = from;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let m = 0;
  let figures = 0;
  let decimals = -1;
  const start = i;
  for (; i < to; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + c - 48;
      if (m > 0) figures++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (i === start || (decimals >= 0 && i - start === 1) || figures > 15 || decimals > 22) return NaN;
  const v = decimals > 0 ? m / POW10[decimals] : m;
  return negative ? -v : v;
}

/** Whitespace up to the next tag, which must not be a comment, CDATA or PI; returns the '<'. */
function toTag(buf: Buffer, p: number, end: number): number {
  p = skipWs(buf, p);
  if (buf[p] !== LT || p >= end) throw new NotPlain("text between elements");
  const n = buf[p + 1];
  if (n === 0x21 || n === 0x3f) throw new NotPlain("comment, CDATA or PI");
  return p;
}

/** After a leaf's start tag: its text into ST[X_*], then its end tag `</name>`; returns after it. */
function leaf(buf: Buffer, p: number, end: number, name: string): number {
  const from = p;
  let plain = 1;
  for (;;) {
    const b = buf[p];
    if (b === LT) break;
    if (p >= end) throw new NotPlain("unterminated");
    if (b >= 0x80 || b === 0x26) {
      plain = 0;
      if (b === 0xef && badEf(buf, p)) throw new NotPlain("character");
    } else if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a) throw new NotPlain("character");
    } else if (b === 0x5d && buf[p + 1] === 0x5d && buf[p + 2] === GT) throw new NotPlain("]]> in text");
    p++;
  }
  ST[X_FROM] = from;
  ST[X_TO] = p;
  ST[X_PLAIN] = plain;
  if (buf[p + 1] !== SLASH) throw new NotPlain(`element in <${name}>`);
  return endTag(buf, p, name);
}

/** `</name>` at p; returns the position after it. */
function endTag(buf: Buffer, p: number, name: string): number {
  if (buf[p + 1] !== SLASH) throw new NotPlain("structure");
  const e = nameEnd(buf, p + 2);
  if (!nameIs(buf, p + 2, e, name)) throw new NotPlain("end tag");
  p = skipWs(buf, e);
  if (buf[p] !== GT) throw new NotPlain("end tag");
  return p + 1;
}

/** A leaf's text as the XML parser gives it. */
function textOf(buf: Buffer, from: number, to: number, plain: number): string {
  return plain ? buf.toString("latin1", from, to) : decodeEntities(buf.toString("utf8", from, to));
}

/**
 * Scans buf from `start` (the `<` of `<sheetData`) into `out`, leaving out the cells a merge covers
 * but its top-left; returns the position just after `</sheetData>` (or `/>`).
 * `end` bounds the scan (the part's length).
 */
export function scanSheetData(buf: Buffer, start: number, end: number, ctx: CellContext, merges: MergeMap | null, out: CellColumns): number {
  const { strings, formats, dates, stylesUsable, date1904 } = ctx;
  let p = start;
  if (buf[p] !== LT) throw new NotPlain("sheetData");
  let e = nameEnd(buf, p + 1);
  if (!nameIs(buf, p + 1, e, "sheetData")) throw new NotPlain("sheetData");
  p = readAttrs(buf, e, end);
  if (ST[A_EMPTY]) return p;

  const formulae: Record<string, boolean> = {};
  let lastRow = 0;
  for (;;) {
    p = toTag(buf, p, end);
    if (buf[p + 1] === SLASH) return endTag(buf, p, "sheetData");
    e = nameEnd(buf, p + 1);
    if (!nameIs(buf, p + 1, e, "row")) throw new NotPlain("element in sheetData");
    p = readAttrs(buf, e, end);
    const emptyRow = ST[A_EMPTY];
    const ra = attr1(buf, 0x72); // r
    if (ra < 0) throw new NotPlain("row number");
    const rowDigitsFrom = SPANS[ra + 2];
    const rowDigitsLen = SPANS[ra + 3] - rowDigitsFrom;
    const rowNo = digits(buf, rowDigitsFrom, SPANS[ra + 3]);
    if (rowNo <= lastRow || rowNo > MAX_ROW || buf[rowDigitsFrom] === 48) throw new NotPlain("row number");
    lastRow = rowNo;
    const rs = attr1(buf, 0x73); // s: RowXform's reconcile asks the styles for a truthy one
    if (rs >= 0 && parseInt(buf.toString("latin1", SPANS[rs + 2], SPANS[rs + 3]), 10) && (!formats || !stylesUsable)) throw new NotPlain("row style without styles");
    if (emptyRow) continue;

    let lastCol = 0;
    for (;;) {
      p = toTag(buf, p, end);
      if (buf[p + 1] === SLASH) {
        p = endTag(buf, p, "row");
        break;
      }
      e = nameEnd(buf, p + 1);
      if (e !== p + 2 || buf[p + 1] !== 0x63) throw new NotPlain("element in row"); // <c
      p = readAttrs(buf, e, end);
      const emptyCell = ST[A_EMPTY];

      // r: column letters, then exactly the row's digits
      const ca = attr1(buf, 0x72);
      if (ca < 0) throw new NotPlain("cell reference");
      let i = SPANS[ca + 2];
      const ve = SPANS[ca + 3];
      let col = 0;
      const letters = i;
      while (i < ve && buf[i] >= 65 && buf[i] <= 90) col = col * 26 + buf[i++] - 64;
      if (i === letters || i - letters > 3 || col <= lastCol || col > MAX_COL || ve - i !== rowDigitsLen) throw new NotPlain("cell reference");
      for (let k = 0; k < rowDigitsLen; k++) if (buf[i + k] !== buf[rowDigitsFrom + k]) throw new NotPlain("cell reference");
      lastCol = col;

      // s: style index (cell-xform: parseInt, used when truthy and the workbook has styles)
      let style = -1;
      const sa = attr1(buf, 0x73);
      if (sa >= 0 && SPANS[sa + 3] > SPANS[sa + 2]) {
        const id = digits(buf, SPANS[sa + 2], SPANS[sa + 3]);
        if (id < 0) throw new NotPlain("style index");
        if (id && formats) {
          if (!stylesUsable) throw new NotPlain("style without cell styles");
          if (id < formats.length) style = id;
        }
      }

      // t: value type
      let type = T_DEFAULT;
      const ta = attr1(buf, 0x74);
      if (ta >= 0) {
        const a = SPANS[ta + 2];
        const n = SPANS[ta + 3] - a;
        const b0 = buf[a];
        if (n === 1) type = b0 === 0x73 ? T_S : b0 === 0x62 ? T_B : b0 === 0x65 ? T_E : T_DEFAULT;
        else if (n === 3 && b0 === 0x73 && buf[a + 1] === 0x74 && buf[a + 2] === 0x72) type = T_STR;
        else if (n === 9 && buf.toString("latin1", a, a + 9) === "inlineStr") type = T_INLINE;
      }

      // children: at most one <f>, then one <v> or one <is>
      let vFrom = -1;
      let vTo = -1;
      let vPlain = 1;
      let formula: string | undefined;
      let shareType: string | undefined;
      let fRef: string | undefined;
      let fSi: string | undefined;
      let sawF = false;
      let sawValue = false;
      if (!emptyCell) {
        for (;;) {
          p = toTag(buf, p, end);
          if (buf[p + 1] === SLASH) {
            p = endTag(buf, p, "c");
            break;
          }
          const ns = p + 1;
          e = nameEnd(buf, ns);
          const len = e - ns;
          const c0 = buf[ns];
          if (len === 1 && c0 === 0x76) {
            // <v>
            if (sawValue) throw new NotPlain("two values");
            sawValue = true;
            p = readAttrs(buf, e, end);
            if (ST[A_EMPTY]) continue;
            p = leaf(buf, p, end, "v");
            if (ST[X_TO] > ST[X_FROM]) {
              vFrom = ST[X_FROM];
              vTo = ST[X_TO];
              vPlain = ST[X_PLAIN];
            }
          } else if (len === 1 && c0 === 0x66) {
            // <f>
            if (sawF || sawValue) throw new NotPlain("formula order");
            sawF = true;
            p = readAttrs(buf, e, end);
            const emptyF = ST[A_EMPTY];
            const count = ST[A_COUNT] * 4;
            for (let k = 0; k < count; k += 4) {
              const nm = buf.toString("latin1", SPANS[k], SPANS[k + 1]);
              const v = buf.toString("latin1", SPANS[k + 2], SPANS[k + 3]);
              if (nm === "t") shareType = v;
              else if (nm === "ref") fRef = v;
              else if (nm === "si") fSi = v;
            }
            if (emptyF) continue;
            p = leaf(buf, p, end, "f");
            if (ST[X_TO] > ST[X_FROM]) formula = textOf(buf, ST[X_FROM], ST[X_TO], ST[X_PLAIN]);
          } else if (len === 2 && c0 === 0x69 && buf[ns + 1] === 0x73) {
            // <is><t>…</t></is>
            if (sawValue) throw new NotPlain("two values");
            sawValue = true;
            p = readAttrs(buf, e, end);
            if (ST[A_EMPTY]) continue;
            let pieces = 0;
            for (;;) {
              p = toTag(buf, p, end);
              if (buf[p + 1] === SLASH) {
                p = endTag(buf, p, "is");
                break;
              }
              e = nameEnd(buf, p + 1);
              if (e !== p + 2 || buf[p + 1] !== 0x74) throw new NotPlain("element in inline string");
              p = readAttrs(buf, e, end);
              if (ST[A_EMPTY]) continue;
              p = leaf(buf, p, end, "t");
              if (ST[X_TO] > ST[X_FROM]) {
                if (pieces++) throw new NotPlain("inline string in pieces");
                vFrom = ST[X_FROM];
                vTo = ST[X_TO];
                vPlain = ST[X_PLAIN];
              }
            }
          } else throw new NotPlain("element in cell");
        }
      }

      // ---- the cell's plain value (cell-xform parseClose + reconcile, cell.value, toPlainValue)
      let value: CellValue = null;
      if (formula !== undefined || shareType) {
        const vText = vFrom >= 0 ? textOf(buf, vFrom, vTo, vPlain) : undefined;
        let result: unknown;
        if (vText) {
          if (type === T_STR) result = xmlDecode(vText);
          else if (type === T_B) result = parseInt(vText, 10) !== 0;
          else if (type === T_E) result = { error: vText };
          else result = parseFloat(vText);
        }
        if (result !== undefined && style >= 0 && dates[style]) result = excelToDate(result, date1904);
        let shared = false;
        if (shareType === "shared") {
          if (fRef) formulae[String(fSi)] = true;
          else shared = formulae[String(fSi)] === true;
        }
        // FormulaValue copies only truthy fields: a result of 0 or false reads as no result
        value = (formula || shared) && result ? toPlainValue(result) : null;
      } else if (vFrom >= 0) {
        switch (type) {
          case T_S: {
            let index = vPlain ? digits(buf, vFrom, vTo) : -1;
            if (index < 0) index = parseInt(textOf(buf, vFrom, vTo, vPlain), 10);
            if (strings) {
              if (!(index >= 0 && index < strings.length)) throw new NotPlain("shared string index"); // exceljs throws
              value = strings[index];
            } else value = toPlainValue(index);
            break;
          }
          case T_STR:
            value = toPlainValue(xmlDecode(textOf(buf, vFrom, vTo, vPlain)));
            break;
          case T_INLINE:
            value = toPlainValue(textOf(buf, vFrom, vTo, vPlain));
            break;
          case T_B:
            value = parseInt(textOf(buf, vFrom, vTo, vPlain), 10) !== 0;
            break;
          case T_E:
            value = textOf(buf, vFrom, vTo, vPlain);
            break;
          default: {
            let n = vPlain ? plainDecimal(buf, vFrom, vTo) : NaN;
            if (n !== n) n = parseFloat(textOf(buf, vFrom, vTo, vPlain));
            if (style >= 0 && dates[style]) value = toPlainValue(excelToDate(n, date1904));
            else value = Number.isFinite(n) ? n : null;
          }
        }
      }
      if (value === null) continue;
      // Office.js gives "" for every cell of a merge but its top-left
      if (merges !== null) {
        const r = rowNo - merges.top;
        const k = col - merges.left;
        if (r >= 0 && k >= 0 && r < merges.height && k < merges.width && merges.map[r * merges.width + k] === 2) continue;
      }
      out.push(rowNo, col, value, style >= 0 && formats ? formats[style] : null);
    }
  }
}
