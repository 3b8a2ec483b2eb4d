/**
 * xl/styles.xml, edited by adding: fills, fonts and cell formats (`<xf>` in `<cellXfs>`) are
 * appended and their counts updated; nothing that is there changes, so every cell keeps the index
 * and the look it had.
 *
 * A marked cell gets a format of its own: a copy of its format with the severity's fill
 * (`withFill`). Setting the fill on the format the cell shares with others would recolour all of
 * them (exceljs shares one style object per format index after reading: the copies of issue 12
 * painted 490 of 522 cells of seed001).
 */
import { findElement, findElements, getAttr, prefixOf, setAttr, type FoundElement } from "./xml";

/** styles.xml for a file that has none, in the file's SpreadsheetML namespace. */
const emptyStyles = (ns: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Where each list of styles.xml sits in the schema's sequence, to add a missing one in its place. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface List {
  /** the <xf>, <font> … elements as written, then the ones added */
  items: string[];
  added: string[];
}

export class StylesEditor {
  private xml: string;
  private readonly pfx: string;
  private readonly lists = new Map<string, List>();
  private readonly memo = new Map<string, number>();

  constructor(xml: string | undefined, mainNamespace: string) {
    this.xml = xml && /<([\w.-]+:)?styleSheet[\s>]/.test(xml) ? xml : emptyStyles(mainNamespace);
    this.pfx = prefixOf(this.xml, "styleSheet");
  }

  /** Was styles.xml missing (so the caller adds the part and its relationship)? */
  static missing(xml: string | undefined): boolean {
    return !xml || !/<([\w.-]+:)?styleSheet[\s>]/.test(xml);
  }

  private list(name: string, item: string): List {
    let l = this.lists.get(name);
    if (!l) {
      const el = findElement(this.xml, this.pfx, name);
      l = { items: el?.inner ? findElements(el.inner, this.pfx, item).map((e: FoundElement) => el.inner!.slice(e.start, e.end)) : [], added: [] };
      this.lists.set(name, l);
    }
    return l;
  }

  private add(name: string, item: string, el: string): number {
    const l = this.list(name, item);
    l.added.push(el);
    return l.items.length + l.added.length - 1;
  }

  /** A format like number `xf` of <cellXfs> (0 when out of range) with a solid fill of `argb`. */
  withFill(xf: number, argb: string): number {
    const key = `fill|${xf}|${argb}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const p = this.pfx;
    const fillId = this.memoised(`fillOf|${argb}`, () => this.add("fills", "fill", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`));
    const xfs = this.list("cellXfs", "xf");
    const base = xfs.items[xf] ?? xfs.items[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const start = /^<[^>]*?\/?>/.exec(base)?.[0] ?? base;
    const tag = setAttr(setAttr(start, "fillId", String(fillId)), "applyFill", "1");
    const id = this.add("cellXfs", "xf", tag + base.slice(start.length));
    this.memo.set(key, id);
    return id;
  }

  /** A new format: `font` (a <font> element without the prefix's knowledge: children as given), `fillArgb`, alignment. */
  format(spec: { bold?: boolean; color?: string; underline?: boolean; fillArgb?: string; wrap?: boolean; vertical?: "top" | "center" }): number {
    const key = `format|${JSON.stringify(spec)}`;
    return this.memoised(key, () => {
      const p = this.pfx;
      const base = this.list("fonts", "font").items[0] ?? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
      const size = /<([\w.-]+:)?sz\s+val="([^"]*)"/.exec(base)?.[2] ?? "11";
      const face = /<([\w.-]+:)?name\s+val="([^"]*)"/.exec(base)?.[2] ?? "Calibri";
      const fontXml = `<${p}font>${spec.bold ? `<${p}b/>` : ""}${spec.underline ? `<${p}u/>` : ""}<${p}sz val="${size}"/>${spec.color ? `<${p}color rgb="${spec.color}"/>` : ""}<${p}name val="${face}"/></${p}font>`;
      const fontId = spec.bold || spec.underline || spec.color ? this.memoised(`font|${fontXml}`, () => this.add("fonts", "font", fontXml)) : 0;
      const fillId = spec.fillArgb ? this.memoised(`fillOf|${spec.fillArgb}`, () => this.add("fills", "fill", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${spec.fillArgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)) : 0;
      const align = spec.wrap || spec.vertical ? `<${p}alignment${spec.vertical ? ` vertical="${spec.vertical}"` : ""}${spec.wrap ? ' wrapText="1"' : ""}/>` : "";
      const attrs = `numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
      return this.add("cellXfs", "xf", align ? `<${p}xf ${attrs}>${align}</${p}xf>` : `<${p}xf ${attrs}/>`);
    });
  }

  private memoised(key: string, make: () => number): number {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  /** The number of formats in <cellXfs> as the file has them (an `s` beyond this is out of range). */
  get cellXfCount(): number {
    return this.list("cellXfs", "xf").items.length;
  }

  /** styles.xml with the additions (unchanged when nothing was added). */
  toXml(): string {
    let xml = this.xml;
    for (const [name, l] of this.lists) {
      if (l.added.length === 0) continue;
      const p = this.pfx;
      const el = findElement(xml, p, name);
      const count = l.items.length + l.added.length;
      if (el) {
        const tag = setAttr(el.tag.replace(/\/>$/, ">"), "count", String(count));
        const inner = el.inner ?? "";
        xml = xml.slice(0, el.start) + tag + inner + l.added.join("") + `</${p}${name}>` + xml.slice(el.end);
      } else {
        const block = `<${p}${name} count="${count}">${l.added.join("")}</${p}${name}>`;
        // before the first list that comes after it in the schema, else at the end of <styleSheet>
        const later = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((n) => findElement(xml, p, n)?.start)
          .filter((x): x is number => x !== undefined);
        const at = later.length ? Math.min(...later) : xml.lastIndexOf(`</${p}styleSheet>`);
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
    }
    return xml;
  }
}

/** The `s` a cell start tag gives (0 when none). */
export function styleIndex(tag: string): number {
  const s = getAttr(tag, "s");
  const n = s === undefined ? 0 : Number(s);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
