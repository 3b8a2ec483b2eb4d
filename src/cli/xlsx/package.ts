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

  private constructor(private readonly zip: JSZip) {}

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
    if (this.texts.has(part) || this.zip.files[part]) return part;
    const lower = part.toLowerCase();
    return [...this.texts.keys(), ...Object.keys(this.zip.files)].find((n) => n.toLowerCase() === lower);
  }

  /** Every part's zip path. */
  partNames(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  has(part: string): boolean {
    return this.actual(part) !== undefined;
  }

  text(part: string): string | undefined {
    const p = this.actual(part);
    return p === undefined ? undefined : this.texts.get(p);
  }

  setText(part: string, text: string): void {
    const p = this.actual(part) ?? part;
    this.texts.set(p, text);
    this.changed.add(p);
  }

  /** A zip path beside `pattern`'s folder that no part uses: "xl/comments{n}.xml" -> "xl/comments3.xml". */
  freePart(pattern: string): string {
    for (let n = 1; ; n++) {
      const p = pattern.replace("{n}", String(n));
      if (!this.has(p)) return p;
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

  /** Declare `part`'s content type (an Override), or an extension's (a Default) when `part` starts with ".". */
  addContentType(part: string, contentType: string): void {
    const ctPath = "[Content_Types].xml";
    let xml = this.text(ctPath);
    if (!xml) throw new Error("no [Content_Types].xml");
    const pfx = prefixOf(xml, "Types");
    if (part.startsWith(".")) {
      const ext = part.slice(1).toLowerCase();
      if (findElements(xml, pfx, "Default").some((d) => (getAttr(d.tag, "Extension") ?? "").toLowerCase() === ext)) return;
      xml = xml.replace(new RegExp(`</${pfx}Types>\\s*$`), `<${pfx}Default Extension="${ext}" ContentType="${escapeAttr(contentType)}"/></${pfx}Types>`);
    } else {
      const name = "/" + part;
      if (findElements(xml, pfx, "Override").some((o) => (getAttr(o.tag, "PartName") ?? "").toLowerCase() === name.toLowerCase())) return;
      xml = xml.replace(new RegExp(`</${pfx}Types>\\s*$`), `<${pfx}Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/></${pfx}Types>`);
    }
    this.setText(ctPath, xml);
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
    for (const p of this.changed) this.zip.file(p, this.texts.get(p) as string);
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
