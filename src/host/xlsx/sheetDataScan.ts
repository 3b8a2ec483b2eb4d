/**
 * A strict, fast scan of a worksheet's <sheetData> element: the cells as exceljs's full reader
 * parses them (cell-xform.js), before values are resolved (shared strings, styles, dates).
 *
 * It accepts only the plain form Excel, WPS and exceljs write: rows with increasing `r`, cells with
 * an `r` in their row and increasing columns, children v / f / is>t, the five XML entities and
 * character references, no comments, CDATA, processing instructions, prefixes or carriage returns.
 * Anything else throws NotPlainSheet, and the caller reads the file with the full exceljs reader
 * (whose XML parser, saxes, may read such content differently or reject it).
 */
import { decodeXmlEntities } from "./xmlEntities";

export class NotPlainSheet extends Error {
  constructor(why: string) {
    super(`not a plain sheet: ${why}`);
    this.name = "NotPlainSheet";
  }
}

export interface RawCell {
  row: number;
  col: number;
  /** the cell's `t` attribute */
  t: string | undefined;
  /** the cell's `s` attribute */
  s: string | undefined;
  /** an <f> element was present: its accumulated text (undefined when it had none) */
  formula: string | undefined;
  /** the last <f>'s `t`, `ref`, `si` attributes (exceljs keeps the last) */
  shareType: string | undefined;
  ref: string | undefined;
  si: string | undefined;
  /** the text of <v> and <is><t> (exceljs accumulates both into one value; undefined when none) */
  value: string | undefined;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

// characters saxes rejects or rewrites (CR is normalised), and `]]>` which it rejects in text
const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\r\uFFFE\uFFFF]|]]>/;

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x09;

function decodeText(s: string): string {
  return decodeXmlEntities(s, (why) => {
    throw new NotPlainSheet(why === "reference" ? "character reference" : why);
  });
}

/** Column number of the letters at the start of `ref`, with the row digits after them, or null. */
function parseRef(ref: string): { col: number; row: string } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3) return null;
  const row = ref.slice(i);
  if (!/^[1-9][0-9]*$/.test(row)) return null;
  return { col, row };
}

/**
 * The reading position in a <sheetData> and the tag last read (readTag): its name, whether it is a
 * closing or an empty tag, its attributes. One cursor goes once over the element, start to end.
 */
class TagCursor {
  pos: number;
  tagName = "";
  /** </name> */
  tagClose = false;
  /** <name/> */
  tagEmpty = false;
  /** name, value, name, value … */
  attrs: string[] = [];

  constructor(
    readonly xml: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  /** Reads the tag at pos (a '<'), leaving pos after it. */
  readTag(): void {
    const xml = this.xml;
    let i = this.pos + 1;
    const close = xml.charCodeAt(i) === 0x2f; // '/'
    this.tagClose = close;
    if (close) i++;
    const nameStart = i;
    for (;;) {
      const c = xml.charCodeAt(i);
      // letters only: the names accepted below are plain ASCII words
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) i++;
      else break;
    }
    this.tagName = xml.slice(nameStart, i);
    if (this.tagName === "") throw new NotPlainSheet("markup");
    const attrs: string[] = [];
    this.attrs = attrs;
    this.tagEmpty = false;
    for (;;) {
      const ws = i;
      while (isWs(xml.charCodeAt(i))) i++;
      const c = xml.charCodeAt(i);
      if (c === 0x3e) {
        this.pos = i + 1;
        return;
      }
      if (c === 0x2f) {
        if (close || xml.charCodeAt(i + 1) !== 0x3e) throw new NotPlainSheet("tag");
        this.tagEmpty = true;
        this.pos = i + 2;
        return;
      }
      if (close || i === ws) throw new NotPlainSheet("tag");
      i = this.readAttribute(i, attrs);
    }
  }

  /** Reads the attribute at `i` into `attrs`; returns the position after it. */
  private readAttribute(i: number, attrs: string[]): number {
    const xml = this.xml;
    const an = i;
    for (;;) {
      const d = xml.charCodeAt(i);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 0x3a || d === 0x5f || d === 0x2d || d === 0x2e) i++;
      else break;
    }
    if (i === an) throw new NotPlainSheet("attribute");
    const fc = xml.charCodeAt(an);
    if (!((fc >= 97 && fc <= 122) || (fc >= 65 && fc <= 90) || fc === 0x5f || fc === 0x3a)) throw new NotPlainSheet("attribute");
    const name = xml.slice(an, i);
    while (isWs(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 0x3d) throw new NotPlainSheet("attribute");
    i++;
    while (isWs(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== 0x22 && q !== 0x27) throw new NotPlainSheet("attribute");
    const vEnd = xml.indexOf(q === 0x22 ? '"' : "'", i + 1);
    if (vEnd < 0 || vEnd >= this.end) throw new NotPlainSheet("attribute");
    const value = xml.slice(i + 1, vEnd);
    // '<' is an error for saxes; '&', tabs and newlines it would decode or normalise
    if (/[<&\t\n]/.test(value)) throw new NotPlainSheet("attribute value");
    for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) throw new NotPlainSheet("duplicate attribute");
    attrs.push(name, value);
    return vEnd + 1;
  }

  // a method, not a comparison: TypeScript would keep a narrowing across readTag() calls
  tagIs(name: string): boolean {
    return this.tagName === name;
  }

  attr(name: string): string | undefined {
    const attrs = this.attrs;
    for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) return attrs[k + 1];
    return undefined;
  }

  /** Text up to the next '<' (not decoded); moves pos to the '<'. */
  private readText(): string {
    const lt = this.xml.indexOf("<", this.pos);
    if (lt < 0 || lt >= this.end) throw new NotPlainSheet("unterminated");
    const raw = this.xml.slice(this.pos, lt);
    this.pos = lt;
    return raw;
  }

  private markupAhead(): boolean {
    const c = this.xml.charCodeAt(this.pos + 1);
    return c === 0x21 || c === 0x3f;
  }

  /** Skips whitespace text and reads the next tag. */
  nextTag(): void {
    const text = this.readText();
    if (text !== "" && !onlyWs(text)) throw new NotPlainSheet("text between elements");
    if (this.markupAhead()) throw new NotPlainSheet("comment, CDATA or PI");
    this.readTag();
  }

  /** The text content of a leaf element just opened (not empty): decoded text, closing tag consumed. */
  leafText(name: string): string {
    const raw = this.readText();
    if (this.markupAhead()) throw new NotPlainSheet("comment, CDATA or PI");
    this.readTag();
    if (!this.tagClose || !this.tagIs(name)) throw new NotPlainSheet(`content of <${name}>`);
    return decodeText(raw);
  }

  /**
   * The next child of the element `parent` just opened: true with the child's tag read, false when
   * `parent`'s closing tag came instead.
   */
  nextChild(parent: string): boolean {
    this.nextTag();
    if (!this.tagClose) return true;
    if (!this.tagIs(parent)) throw new NotPlainSheet("structure");
    return false;
  }
}

function onlyWs(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isWs(s.charCodeAt(k))) return false;
  return true;
}

const appendText = (to: string | undefined, text: string): string | undefined => (text === "" ? to : to === undefined ? text : to + text);

/** The children of <is> just opened: the <t> texts added to the cell's value. */
function scanInlineString(cur: TagCursor, cell: RawCell): void {
  while (cur.nextChild("is")) {
    if (!cur.tagIs("t")) throw new NotPlainSheet(`<${cur.tagName}> in inline string`);
    if (cur.tagEmpty) continue;
    cell.value = appendText(cell.value, cur.leafText("t"));
  }
}

/** The children of <c> just opened: its value, formula and inline string. */
function scanCellContent(cur: TagCursor, cell: RawCell): void {
  while (cur.nextChild("c")) {
    if (cur.tagIs("v")) {
      if (cur.tagEmpty) continue;
      cell.value = appendText(cell.value, cur.leafText("v"));
    } else if (cur.tagIs("f")) {
      cell.shareType = cur.attr("t");
      cell.ref = cur.attr("ref");
      cell.si = cur.attr("si");
      if (cur.tagEmpty) continue;
      cell.formula = appendText(cell.formula, cur.leafText("f"));
    } else if (cur.tagIs("is")) {
      if (cur.tagEmpty) continue;
      scanInlineString(cur, cell);
    } else {
      throw new NotPlainSheet(`<${cur.tagName}> in cell`);
    }
  }
}

/** The cells of the <row> just opened (its `r` is `r`, as a number `rowNo`), pushed to `cells`. */
function scanRowCells(cur: TagCursor, r: string, rowNo: number, cells: RawCell[]): void {
  let lastCol = 0;
  while (cur.nextChild("row")) {
    if (!cur.tagIs("c")) throw new NotPlainSheet(`<${cur.tagName}> in row`);
    const ref = cur.attr("r");
    const a = ref === undefined ? null : parseRef(ref);
    if (!a || a.row !== r || a.col <= lastCol || a.col > MAX_COL) throw new NotPlainSheet("cell reference");
    lastCol = a.col;
    const cell: RawCell = { row: rowNo, col: a.col, t: cur.attr("t"), s: cur.attr("s"), formula: undefined, shareType: undefined, ref: undefined, si: undefined, value: undefined };
    cells.push(cell);
    if (!cur.tagEmpty) scanCellContent(cur, cell);
  }
}

/**
 * Scans `xml` from `start` (the `<` of `<sheetData`) to `end` (just after `</sheetData>`, or after
 * `<sheetData …/>`), returning the cells in document order; `seen.styledRows` is set when a row
 * has a style. One pass: rows (scanRowCells), their cells (scanCellContent), inline strings.
 */
export function scanSheetData(xml: string, start: number, end: number, seen?: { styledRows: boolean }): RawCell[] {
  const body = xml.slice(start, end);
  if (BAD_CHARS.test(body)) throw new NotPlainSheet("characters");
  const cells: RawCell[] = [];
  const cur = new TagCursor(xml, start, end);

  cur.readTag();
  if (!cur.tagIs("sheetData") || cur.tagClose) throw new NotPlainSheet("sheetData");
  if (cur.tagEmpty) return cells;

  let lastRow = 0;
  while (cur.nextChild("sheetData")) {
    if (!cur.tagIs("row")) throw new NotPlainSheet(`<${cur.tagName}> in sheetData`);
    const r = cur.attr("r");
    if (r === undefined || !/^[1-9][0-9]*$/.test(r)) throw new NotPlainSheet("row number");
    // a row style makes exceljs's reconcile ask the styles (it throws without any)
    const rs = cur.attr("s");
    if (seen && rs && parseInt(rs, 10)) seen.styledRows = true;
    const rowNo = Number(r);
    if (rowNo <= lastRow || rowNo > MAX_ROW) throw new NotPlainSheet("row order");
    lastRow = rowNo;
    if (!cur.tagEmpty) scanRowCells(cur, r, rowNo, cells);
  }
  if (cur.pos !== end) throw new NotPlainSheet("end");
  return cells;
}
