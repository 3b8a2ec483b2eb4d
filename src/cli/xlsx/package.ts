/**
 * An .xlsx file as its parts (a zip of XML files), for writing copies that differ from the input
 * only where Jixiao changes something. Parts are read as text when asked for and written back only
 * when changed; every other part keeps its content exactly.
 */
import * as path from "node:path";
import JSZip from "jszip";
import { escapeAttr, findElement, findElements, getAttr, getRelId, prefixForNamespace, prefixOf } from "./xml";

/**
 * Relationship types by their last part; the full type is the file's own relationship namespace
 * and this name (so a copy uses the namespaces its file uses, transitional or strict OOXML).
 */
export const REL = {
  worksheet: "worksheet",
  comments: "comments",
  vmlDrawing: "vmlDrawing",
  styles: "styles",
  sharedStrings: "sharedStrings",
  officeDocument: "officeDocument",
} as const;
export type RelName = (typeof REL)[keyof typeof REL];

function sameRelType(type: string, name: RelName): boolean {
  return type.slice(type.lastIndexOf("/") + 1) === name;
}

/** The XML namespaces of the file, as its own parts declare them. */
export interface Namespaces {
  /** SpreadsheetML (the workbook's, the sheets', comments', styles') */
  main: string;
  /** officeDocument relationships: the `r:id` attributes and the base of relationship types */
  rel: string;
  /** the package's relationship parts (`_rels/*.rels`) */
  pkgRel: string;
}

const CONTENT_TYPES = "[Content_Types].xml";

export interface Relationship {
  id: string;
  type: string;
  /** the part it points to, as a zip path ("xl/worksheets/sheet1.xml"); undefined for external targets */
  part?: string;
}

export interface SheetEntry {
  name: string;
  /** zip path of the worksheet part */
  part: string;
}

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  /** every part's name in lower case -> its name (parts are looked up without regard to case) */
  private readonly names = new Map<string, string>();
  /** where freePart goes on looking, per pattern */
  private readonly nextFree = new Map<string, number>();
  /** content types declared ("/xl/comments1.xml", ".vml"), and the elements to add for new ones */
  private declared?: Set<string>;
  private readonly pendingTypes: string[] = [];
  private blocks?: Set<number>;

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.names.set(name.toLowerCase(), name);
  }

  static async load(data: Buffer): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(data);
    const pkg = new XlsxPackage(zip);
    // parts are small enough to hold as text (the reader has held the whole file already)
    for (const name of Object.keys(zip.files)) {
      const f = zip.files[name];
      if (!f.dir && /\.(xml|rels|vml)$/i.test(name)) pkg.texts.set(name, await f.async("string"));
    }
    return pkg;
  }

  /** The zip path as stored (names are compared without regard to case, as Excel does). */
  private actual(part: string): string | undefined {
    if (this.texts.has(part)) return part;
    return this.names.get(part.toLowerCase());
  }

  /**
   * The VML shape-id blocks (`o:idmap data`, ids / 1024) the file's drawings use, for giving a new
   * drawing's shapes ids of their own; whoever takes a block adds it.
   */
  vmlBlocks(): Set<number> {
    if (this.blocks) return this.blocks;
    const used = new Set<number>();
    for (const [name, xml] of this.texts) {
      if (!/\.vml$/i.test(name)) continue;
      for (const m of xml.matchAll(/<o:idmap\b[^>]*\sdata="([^"]*)"/g)) for (const n of m[1].split(/[,\s]+/)) if (/^\d+$/.test(n)) used.add(Number(n));
      for (const m of xml.matchAll(/_x0000_s(\d+)/g)) used.add(Math.floor(Number(m[1]) / 1024));
    }
    this.blocks = used;
    return used;
  }

  has(part: string): boolean {
    return this.actual(part) !== undefined;
  }

  text(part: string): string | undefined {
    if (part === CONTENT_TYPES) this.flushContentTypes();
    const p = this.actual(part);
    return p === undefined ? undefined : this.texts.get(p);
  }

  setText(part: string, text: string): void {
    const p = this.actual(part) ?? part;
    this.texts.set(p, text);
    this.names.set(p.toLowerCase(), p);
    this.changed.add(p);
  }

  /** A zip path beside `pattern`'s folder that no part uses: "xl/comments{n}.xml" -> "xl/comments3.xml". */
  freePart(pattern: string): string {
    for (let n = this.nextFree.get(pattern) ?? 1; ; n++) {
      const p = pattern.replace("{n}", String(n));
      if (!this.has(p)) {
        this.nextFree.set(pattern, n + 1);
        return p;
      }
    }
  }

  // ---- relationships ----

  static relsPathOf(part: string): string {
    return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  }

  rels(part: string): Relationship[] {
    const xml = this.text(XlsxPackage.relsPathOf(part));
    if (!xml) return [];
    const pfx = prefixOf(xml, "Relationships");
    return findElements(xml, pfx, "Relationship").map((el) => {
      const target = getAttr(el.tag, "Target") ?? "";
      const external = getAttr(el.tag, "TargetMode") === "External";
      const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target));
      return { id: getAttr(el.tag, "Id") ?? "", type: getAttr(el.tag, "Type") ?? "", part: external ? undefined : this.actual(resolved) ?? resolved };
    });
  }

  relOfType(part: string, name: RelName): Relationship | undefined {
    return this.rels(part).find((r) => sameRelType(r.type, name));
  }

  private ns?: Namespaces;

  /** The file's namespaces (read from its package relationships and its workbook part). */
  namespaces(): Namespaces {
    if (this.ns) return this.ns;
    const rootRels = this.text("_rels/.rels") ?? "";
    const pkgRel = /<(?:[\w.-]+:)?Relationships\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*"([^"]*)"/.exec(rootRels)?.[1];
    const office = this.rels("").find((r) => sameRelType(r.type, REL.officeDocument))?.type;
    const wb = this.text(this.workbookPart()) ?? "";
    const pfx = prefixOf(wb, "workbook");
    const root = findElement(wb, pfx, "workbook")?.tag ?? "";
    const main = new RegExp(`\\sxmlns${pfx ? ":" + pfx.slice(0, -1) : ""}\\s*=\\s*"([^"]*)"`).exec(root)?.[1];
    if (!pkgRel || !office || !main) throw new Error("a package without its namespaces");
    this.ns = { main, rel: office.slice(0, office.lastIndexOf("/")), pkgRel };
    return this.ns;
  }

  /** Add a relationship of type `name` from `part` to `target` (a zip path); returns its id. */
  addRel(part: string, name: RelName, target: string): string {
    const relsPath = XlsxPackage.relsPathOf(part);
    const type = `${this.namespaces().rel}/${name}`;
    let xml = this.text(relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${this.namespaces().pkgRel}"></Relationships>`;
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relative = path.posix.relative(path.posix.dirname(part), target);
    const pfx = prefixOf(xml, "Relationships");
    const el = `<${pfx}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relative)}"/>`;
    const root = findElement(xml, pfx, "Relationships");
    if (!root) throw new Error(`${relsPath}: no <Relationships>`);
    xml = root.inner === null ? xml.slice(0, root.start) + root.tag.replace(/\/>$/, ">") + el + `</${pfx}Relationships>` + xml.slice(root.end) : xml.slice(0, root.innerEnd) + el + xml.slice(root.innerEnd);
    this.setText(relsPath, xml);
    return id;
  }

  // ---- content types ----

  /** Declare `part`'s content type (an Override), or an extension's (a Default) when `part` starts with "."; written with the package. */
  addContentType(part: string, contentType: string): void {
    const xml = this.texts.get(CONTENT_TYPES);
    if (!xml) throw new Error("no [Content_Types].xml");
    const pfx = prefixOf(xml, "Types");
    if (!this.declared) {
      this.declared = new Set<string>();
      for (const d of findElements(xml, pfx, "Default")) this.declared.add("." + (getAttr(d.tag, "Extension") ?? "").toLowerCase());
      for (const o of findElements(xml, pfx, "Override")) this.declared.add((getAttr(o.tag, "PartName") ?? "").toLowerCase());
    }
    const key = part.startsWith(".") ? part.toLowerCase() : "/" + part.toLowerCase();
    if (this.declared.has(key)) return;
    this.declared.add(key);
    this.pendingTypes.push(
      part.startsWith(".")
        ? `<${pfx}Default Extension="${escapeAttr(part.slice(1).toLowerCase())}" ContentType="${escapeAttr(contentType)}"/>`
        : `<${pfx}Override PartName="${escapeAttr("/" + part)}" ContentType="${escapeAttr(contentType)}"/>`,
    );
  }

  private flushContentTypes(): void {
    if (this.pendingTypes.length === 0) return;
    const xml = this.texts.get(CONTENT_TYPES) as string;
    const pfx = prefixOf(xml, "Types");
    const close = xml.lastIndexOf(`</${pfx}Types>`);
    this.setText(CONTENT_TYPES, xml.slice(0, close) + this.pendingTypes.join("") + xml.slice(close));
    this.pendingTypes.length = 0;
  }

  // ---- the workbook ----

  /** The workbook part ("xl/workbook.xml" nearly always), from the package's relationships. */
  workbookPart(): string {
    const rel = this.rels("").find((r) => sameRelType(r.type, REL.officeDocument));
    const part = rel?.part ?? "xl/workbook.xml";
    if (!this.has(part)) throw new Error("no workbook part");
    return part;
  }

  /** The worksheets in workbook order, with their parts. */
  sheets(): SheetEntry[] {
    const wbPart = this.workbookPart();
    const xml = this.text(wbPart) ?? "";
    const pfx = prefixOf(xml, "workbook");
    const rels = new Map(this.rels(wbPart).map((r) => [r.id, r]));
    const sheets = findElement(xml, pfx, "sheets");
    if (!sheets?.inner) return [];
    return findElements(sheets.inner, pfx, "sheet").flatMap((el) => {
      const rel = rels.get(getRelId(el.tag) ?? "");
      return rel?.part && sameRelType(rel.type, REL.worksheet) ? [{ name: getAttr(el.tag, "name") ?? "", part: rel.part }] : [];
    });
  }

  /** Every sheet name (worksheets, chart sheets, dialog sheets), for choosing a new one's name. */
  sheetNames(): string[] {
    const xml = this.text(this.workbookPart()) ?? "";
    const pfx = prefixOf(xml, "workbook");
    const sheets = findElement(xml, pfx, "sheets");
    return sheets?.inner ? findElements(sheets.inner, pfx, "sheet").map((el) => getAttr(el.tag, "name") ?? "") : [];
  }

  /** Add worksheet `xml` named `name` after the last sheet; returns its part. */
  addWorksheet(name: string, sheetXml: string): string {
    const wbPart = this.workbookPart();
    let xml = this.text(wbPart) ?? "";
    const pfx = prefixOf(xml, "workbook");
    const root = findElement(xml, pfx, "workbook");
    const relNs = this.namespaces().rel;
    const relPrefix = root ? prefixForNamespace(root.tag, relNs) : undefined;
    const part = this.freePart(path.posix.join(path.posix.dirname(wbPart), "worksheets", "sheet{n}.xml"));
    this.setText(part, sheetXml);
    this.addContentType(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    const id = this.addRel(wbPart, REL.worksheet, part);
    const sheets = findElement(xml, pfx, "sheets");
    if (!sheets) throw new Error("workbook without <sheets>");
    const ids = [...(sheets.inner ?? "").matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
    const sheetId = Math.max(0, ...ids) + 1;
    const attr = relPrefix ? `${relPrefix}:id` : "r:id";
    const ns = relPrefix ? "" : ` xmlns:r="${relNs}"`;
    const el = `<${pfx}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${attr}="${id}"${ns}/>`;
    xml = sheets.inner === null ? xml.slice(0, sheets.start) + `<${pfx}sheets>${el}</${pfx}sheets>` + xml.slice(sheets.end) : xml.slice(0, sheets.innerEnd) + el + xml.slice(sheets.innerEnd);
    this.setText(wbPart, xml);
    return part;
  }

  async toBuffer(): Promise<Buffer> {
    this.flushContentTypes();
    for (const p of this.changed) this.zip.file(p, this.texts.get(p) as string);
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
