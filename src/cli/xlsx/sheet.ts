/**
 * One worksheet part, edited in place: a cell's format index or value is changed, a cell (or row)
 * that the file does not have is added in its place, and `<legacyDrawing>` (the notes' drawing) is
 * added where the schema wants it. Every row and cell not touched keeps its text byte for byte.
 */
import { decodeXml, decodeXstring, escapeText, findElement, findElements, getAttr, localName, prefixOf, removeAttr, rx, setAttr, startTagSource, topLevelChildren, xmlSafe } from "./xml";
import { columnLetters, tryParseA1 } from "../../core/grid";
import { styleIndex } from "./styles";

/** "E13" -> { row: 13, col: 5 } (1-based); the A1 geometry is core/grid's. */
export const parseRef = tryParseA1;

export const colName = columnLetters;

interface Cell {
  col: number;
  /** the element as written (start tag through end tag) */
  text: string;
  tag: string;
  changed: boolean;
}

interface Row {
  r: number;
  /** text before the row in <sheetData> (whitespace) and the row element as written */
  lead: string;
  text: string;
  tag: string;
  cells?: Cell[];
  /** text in the row that is not a cell (an <extLst>), kept after the cells */
  rest?: string;
  changed: boolean;
}

/** A cell's value as the file stores it, resolved: for comparing with what a fix expects to find. */
export type StoredValue = { kind: "empty" } | { kind: "string"; text: string } | { kind: "number"; n: number } | { kind: "boolean"; b: boolean } | { kind: "formula" } | { kind: "other" };

const WORKSHEET_ORDER_AFTER_LEGACY = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

export class SheetEditor {
  private readonly pfx: string;
  private readonly before: string;
  private readonly after: string;
  private readonly dataTag: string;
  private readonly rows: Row[] = [];
  private readonly tail: string;
  private readonly colStyles: { min: number; max: number; style: number }[] = [];
  private extra: { legacyDrawing?: string } = {};

  constructor(xml: string) {
    this.pfx = prefixOf(xml, "worksheet");
    const p = this.pfx;
    const data = findElement(xml, p, "sheetData");
    if (!data) throw new Error("worksheet without <sheetData>");
    this.before = xml.slice(0, data.start);
    this.after = xml.slice(data.end);
    this.dataTag = data.tag.replace(/\/>$/, ">");
    const inner = data.inner ?? "";
    const rowRe = new RegExp(`${startTagSource(p, "row")}`, "g");
    let at = 0;
    let implied = 0;
    for (let m = rowRe.exec(inner); m; m = rowRe.exec(inner)) {
      const tag = m[0];
      let end: number;
      if (tag.endsWith("/>")) end = m.index + tag.length;
      else {
        const close = inner.indexOf(`</${p}row>`, m.index + tag.length);
        if (close < 0) throw new Error("unclosed <row>");
        end = close + `</${p}row>`.length;
      }
      const r = Number(getAttr(tag, "r") ?? implied + 1);
      implied = r;
      this.rows.push({ r, lead: inner.slice(at, m.index), text: inner.slice(m.index, end), tag, changed: false });
      at = end;
      rowRe.lastIndex = end;
    }
    this.tail = inner.slice(at);
    const cols = findElement(this.before, p, "cols");
    if (cols?.inner)
      for (const c of findElements(cols.inner, p, "col")) {
        const style = getAttr(c.tag, "style");
        if (style !== undefined) this.colStyles.push({ min: Number(getAttr(c.tag, "min")), max: Number(getAttr(c.tag, "max")), style: Number(style) });
      }
  }

  private rowAt(r: number, create: boolean): Row | undefined {
    // rows are in order (a valid file has them so): the first row at or after r
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].r < r) lo = mid + 1;
      else hi = mid;
    }
    const i = lo;
    if (i < this.rows.length && this.rows[i].r === r) return this.rows[i];
    if (!create) return undefined;
    const row: Row = { r, lead: "", text: "", tag: `<${this.pfx}row r="${r}">`, cells: [], rest: "", changed: true };
    this.rows.splice(i, 0, row);
    return row;
  }

  private cellsOf(row: Row): Cell[] {
    if (row.cells) return row.cells;
    const p = this.pfx;
    const cells: Cell[] = [];
    if (!row.tag.endsWith("/>")) {
      const inner = row.text.slice(row.tag.length, row.text.length - `</${p}row>`.length);
      const cellRe = new RegExp(startTagSource(p, "c"), "g");
      let implied = 0;
      let at = 0;
      let rest = "";
      for (let m = cellRe.exec(inner); m; m = cellRe.exec(inner)) {
        rest += inner.slice(at, m.index).trim() ? inner.slice(at, m.index) : "";
        const tag = m[0];
        let end = m.index + tag.length;
        if (!tag.endsWith("/>")) {
          const close = inner.indexOf(`</${p}c>`, end);
          if (close < 0) throw new Error("unclosed <c>");
          end = close + `</${p}c>`.length;
        }
        const ref = getAttr(tag, "r");
        const col = (ref && parseRef(ref)?.col) || implied + 1;
        implied = col;
        cells.push({ col, text: inner.slice(m.index, end), tag, changed: false });
        at = end;
        cellRe.lastIndex = end;
      }
      rest += inner.slice(at).trim() ? inner.slice(at) : "";
      row.rest = rest;
    } else row.rest = "";
    row.cells = cells;
    return cells;
  }

  private cellAt(ref: string, create: boolean): Cell | undefined {
    const at = parseRef(ref);
    if (!at) return undefined;
    const row = this.rowAt(at.row, create);
    if (!row) return undefined;
    const cells = this.cellsOf(row);
    let i = 0;
    while (i < cells.length && cells[i].col < at.col) i++;
    if (i < cells.length && cells[i].col === at.col) return cells[i];
    if (!create) return undefined;
    // a cell the file leaves out takes the format of its row (when the row has one) or its column
    const rowStyle = /^(1|true)$/.test(getAttr(row.tag, "customFormat") ?? "") ? getAttr(row.tag, "s") : undefined;
    const colStyle = this.colStyles.find((c) => c.min <= at.col && at.col <= c.max)?.style;
    const s = rowStyle !== undefined ? Number(rowStyle) : colStyle;
    const tag = `<${this.pfx}c r="${colName(at.col)}${at.row}"${s ? ` s="${s}"` : ""}/>`;
    const cell: Cell = { col: at.col, text: tag, tag, changed: true };
    cells.splice(i, 0, cell);
    row.changed = true;
    return cell;
  }

  /** The format index the cell shows (its own `s`, else its row's or column's), 0 when none. */
  styleOf(ref: string): number {
    const c = this.cellAt(ref, false);
    if (c) return styleIndex(c.tag);
    const at = parseRef(ref);
    if (!at) return 0;
    const row = this.rowAt(at.row, false);
    const rowStyle = row && /^(1|true)$/.test(getAttr(row.tag, "customFormat") ?? "") ? getAttr(row.tag, "s") : undefined;
    if (rowStyle !== undefined) return Number(rowStyle) || 0;
    return this.colStyles.find((c) => c.min <= at.col && at.col <= c.max)?.style ?? 0;
  }

  /** Give the cell format index `s` (the cell is added when the file leaves it out). */
  setStyle(ref: string, s: number): void {
    const c = this.cellAt(ref, true);
    if (!c) return;
    const tag = setAttr(c.tag, "s", String(s));
    c.text = tag + c.text.slice(c.tag.length);
    c.tag = tag;
    c.changed = true;
    this.markRow(ref);
  }

  private markRow(ref: string): void {
    const at = parseRef(ref);
    const row = at && this.rowAt(at.row, false);
    if (row) row.changed = true;
  }

  /** The cell's stored value; shared strings are looked up in `shared`. */
  value(ref: string, shared: readonly string[]): StoredValue {
    const c = this.cellAt(ref, false);
    if (!c || c.tag.endsWith("/>")) return { kind: "empty" };
    const p = rx(this.pfx);
    const inner = c.text.slice(c.tag.length);
    if (new RegExp(`<${p}f[\\s/>]`).test(inner)) return { kind: "formula" };
    const t = getAttr(c.tag, "t") ?? "n";
    const v = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`).exec(inner)?.[1];
    if (t === "inlineStr") {
      const is = new RegExp(`<${p}is[\\s>][\\s\\S]*?</${p}is>`).exec(inner)?.[0];
      return is === undefined ? { kind: "empty" } : { kind: "string", text: richText(is, this.pfx) };
    }
    if (v === undefined) return { kind: "empty" };
    const raw = decodeXml(v);
    if (t === "s") {
      const text = shared[Number(raw)];
      return text === undefined ? { kind: "other" } : { kind: "string", text };
    }
    if (t === "str") return { kind: "string", text: decodeXstring(raw) };
    if (t === "b") return { kind: "boolean", b: raw.trim() === "1" || raw.trim() === "true" };
    if (t === "n") {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? { kind: "number", n } : { kind: "other" };
    }
    return { kind: "other" };
  }

  /** Put `value` in the cell, keeping its format (a string is written inline; a number as a number). */
  setValue(ref: string, value: string | number | boolean): void {
    const c = this.cellAt(ref, true);
    if (!c) return;
    const p = this.pfx;
    let tag = removeAttr(removeAttr(c.tag, "t"), "cm");
    tag = removeAttr(tag, "vm");
    const open = tag.replace(/\s*\/>$/, ">");
    if (typeof value === "number") c.text = `${open}<${p}v>${value}</${p}v></${p}c>`;
    else if (typeof value === "boolean") c.text = `${setAttr(open, "t", "b")}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    else c.text = `${setAttr(open, "t", "inlineStr")}<${p}is><${p}t xml:space="preserve">${escapeText(xmlSafe(value))}</${p}t></${p}is></${p}c>`;
    c.tag = /^<[^>]*>/.exec(c.text)![0];
    c.changed = true;
    this.markRow(ref);
  }

  /** Add `<legacyDrawing r:id="…"/>` (the notes' drawing) in its place in the schema's order. */
  setLegacyDrawing(relAttr: string, id: string): void {
    this.extra.legacyDrawing = `<${this.pfx}legacyDrawing ${relAttr}="${id}"/>`;
  }

  /** Is there a `<legacyDrawing>` already (a sheet has at most one)? */
  hasLegacyDrawing(): boolean {
    return new RegExp(`<${rx(this.pfx)}legacyDrawing[\\s/>]`).test(this.after);
  }

  /** The root start tag (for its namespace declarations). */
  rootTag(): string {
    return new RegExp(startTagSource(this.pfx, "worksheet")).exec(this.before)?.[0] ?? "";
  }

  toXml(rootTag?: string): string {
    const p = this.pfx;
    let sheetData = this.dataTag;
    for (const row of this.rows) {
      if (!row.changed) {
        sheetData += row.lead + row.text;
        continue;
      }
      const cells = this.cellsOf(row);
      const open = row.tag.replace(/\s*\/>$/, ">");
      sheetData += row.lead + open + cells.map((c) => c.text).join("") + (row.rest ?? "") + `</${p}row>`;
    }
    sheetData += this.tail + `</${p}sheetData>`;
    let before = this.before;
    if (rootTag) before = before.replace(this.rootTag(), rootTag);
    let after = this.after;
    if (this.extra.legacyDrawing) {
      const close = after.lastIndexOf(`</${p}worksheet>`);
      const children = topLevelChildren(after, 0, close);
      const next = children.find((c) => WORKSHEET_ORDER_AFTER_LEGACY.includes(localName(c.name)));
      const at = next ? next.start : close;
      after = after.slice(0, at) + this.extra.legacyDrawing + after.slice(at);
    }
    return before + sheetData + after;
  }
}

/** The text of a shared string <si> or inline <is>: its <t> runs, without phonetic guides (<rPh>). */
export function richText(xml: string, prefix: string): string {
  const p = rx(prefix);
  const plain = xml.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, "g"), "");
  let out = "";
  for (const m of plain.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, "g"))) out += m[1];
  return decodeXstring(decodeXml(out));
}

/** Every shared string's text, by index. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const pfx = prefixOf(xml, "sst");
  return findElements(xml, pfx, "si").map((el) => (el.inner === null ? "" : richText(el.inner, pfx)));
}
