/**
 * The small parts of a workbook as exceljs 4's loader reads them (xlsx.js and its xforms), for the
 * direct reader: the sheets and the 1904 flag of workbook.xml, relationships, number formats and
 * cell styles of styles.xml, shared strings as plain values, and the checks that make exceljs throw
 * on document properties and relationship parts. Each function names the exceljs code it follows;
 * wherever exceljs's dispatch could read a part differently from its plain shape (an element it
 * dispatches by name in an unexpected place, a list with foreign children), NotPlain is thrown and
 * the file is left to exceljs.
 */
import type { CellValue } from "../../../core/grid";
import { builtinFormat } from "../builtinFormats";
import { attr, noneNamed, NotPlain, parseXml, type XmlNode } from "./xmlTree";

/** exceljs's utils.xmlDecode: a second decoding some values get after the XML parser's own. */
export function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** exceljs's utils.isDateFmt. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return f.match(/[ymdhMsb]+/) !== null;
}

function rootNamed(xml: string, names: readonly string[], part: string): XmlNode {
  const root = parseXml(xml);
  if (!names.includes(root.name)) throw new NotPlain(`${part}: root <${root.name}>`);
  return root;
}

// ------------------------------------------------------------------------------ relationships

export interface Rel {
  id: string | undefined;
  type: string | undefined;
  target: string | undefined;
}

/** RelationshipsXform: <Relationships> of empty <Relationship>s; anything else makes exceljs throw. */
export function readRels(xml: string, part: string): Rel[] {
  const root = rootNamed(xml, ["Relationships"], part);
  return root.children.map((r) => {
    if (r.name !== "Relationship" || r.children.length) throw new NotPlain(`${part}: <${r.name}>`);
    return { id: attr(r, "Id"), type: attr(r, "Type"), target: attr(r, "Target") };
  });
}

// ------------------------------------------------------------------------------ properties

/** AppXform: any content under <Properties> (exceljs reads company and manager, Jixiao neither). */
export function checkAppProperties(xml: string): void {
  rootNamed(xml, ["Properties"], "app.xml");
}

const CORE_FIELDS = new Set([
  "dc:creator",
  "dc:title",
  "dc:subject",
  "dc:description",
  "dc:identifier",
  "dc:language",
  "cp:keywords",
  "cp:category",
  "cp:lastModifiedBy",
  "cp:lastPrinted",
  "cp:revision",
  "cp:version",
  "cp:contentStatus",
  "cp:contentType",
  "dcterms:created",
  "dcterms:modified",
]);

/** CoreXform: every child of the root is one of its fields, holding text (it throws on anything else). */
export function checkCoreProperties(xml: string): void {
  const root = rootNamed(xml, ["cp:coreProperties", "coreProperties"], "core.xml");
  // a field's own end tag must end its parser: fields hold text only
  for (const c of root.children) if (!CORE_FIELDS.has(c.name) || c.children.length) throw new NotPlain(`core.xml: <${c.name}>`);
}

// ------------------------------------------------------------------------------ workbook

export interface SheetEntry {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** Elements WorkbookXform dispatches by name wherever it meets them with no parser active. */
const WORKBOOK_MAP = new Set(["workbook", "fileVersion", "workbookPr", "bookViews", "sheets", "definedNames", "calcPr"]);

/** A range exceljs's extractRanges keeps for sure: plain A1 references, after a plain sheet name. */
const PLAIN_RANGE = /^(?:'(?:[^',]|'')+'|[^'!,\s^]+)!\$?[A-Z]{1,3}\$?[1-9][0-9]*(?::\$?[A-Z]{1,3}\$?[1-9][0-9]*)?$/;

function columnOk(ref: string): boolean {
  for (const m of ref.matchAll(/\$?([A-Z]{1,3})\$?[0-9]/g)) {
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    if (col > 16384) return false;
  }
  return true;
}

/**
 * WorkbookXform.parse, then what its reconcile needs: the sheet list and workbookPr's date1904.
 * A print area whose first range exceljs might not keep (reconcile would then decode undefined and
 * throw) is left to exceljs.
 */
export function readWorkbookPart(xml: string): WorkbookPart {
  const root = rootNamed(xml, ["workbook"], "workbook.xml");
  let sheets: SheetEntry[] | undefined;
  let date1904 = false;
  for (const c of root.children) {
    if (!WORKBOOK_MAP.has(c.name)) {
      noneNamed(c, WORKBOOK_MAP, "workbook.xml");
      continue;
    }
    noneNamed(c, WORKBOOK_MAP, "workbook.xml");
    switch (c.name) {
      case "workbook":
        throw new NotPlain("workbook.xml: nested <workbook>");
      case "workbookPr":
        // WorkbookPropertiesXform: date1904 only when written "1"
        date1904 = attr(c, "date1904") === "1";
        break;
      case "sheets":
        if (sheets) throw new NotPlain("workbook.xml: two <sheets>");
        sheets = c.children.map((s) => {
          if (s.name !== "sheet" || s.children.length) throw new NotPlain(`workbook.xml: <${s.name}> in <sheets>`);
          const name = attr(s, "name");
          const sheetId = attr(s, "sheetId");
          // SheetXform: xmlDecode(name) throws without a name; parseInt of the id
          if (name === undefined || sheetId === undefined || !/^[0-9]+$/.test(sheetId)) throw new NotPlain("workbook.xml: sheet name or id");
          return { name: xmlDecode(name), id: parseInt(sheetId, 10), state: attr(s, "state"), rId: attr(s, "r:id") };
        });
        break;
      case "definedNames":
        for (const d of c.children) {
          if (d.name !== "definedName" || d.children.length) throw new NotPlain(`workbook.xml: <${d.name}> in <definedNames>`);
          if (attr(d, "name") !== "_xlnm.Print_Area") continue;
          const first = d.text.split(",")[0];
          if (!PLAIN_RANGE.test(first) || !columnOk(first)) throw new NotPlain("workbook.xml: print area");
        }
        break;
    }
  }
  return { sheets: sheets ?? [], date1904 };
}

// ------------------------------------------------------------------------------ styles

export interface Styles {
  /** per cellXfs index: the number format exceljs gives the cell (undefined: none) */
  numFmt: (string | undefined)[];
  /** per cellXfs index: the grid's number format (null for none and General) */
  formats: (string | null)[];
  /** per cellXfs index: isDateFmt of its format */
  dates: boolean[];
  /** false when the part has no cellXfs entry: exceljs's getStyleModel then throws */
  usable: boolean;
}

/** Elements whose place decides what StylesXform builds. */
const STYLES_PLACED = new Set(["styleSheet", "numFmts", "cellXfs"]);

/** StylesXform.parse with exceljs's number-format rules (numFmtCodes.ts: codes as written). */
export function readStyles(xml: string): Styles {
  const root = rootNamed(xml, ["styleSheet"], "styles.xml");
  let numFmts: XmlNode | undefined;
  let cellXfs: XmlNode | undefined;
  for (const c of root.children) {
    noneNamed(c, STYLES_PLACED, "styles.xml");
    if (c.name === "numFmts") {
      if (numFmts) throw new NotPlain("styles.xml: two <numFmts>");
      numFmts = c;
    } else if (c.name === "cellXfs") {
      if (cellXfs) throw new NotPlain("styles.xml: two <cellXfs>");
      cellXfs = c;
    }
  }
  const codes = new Map<string, string | undefined>();
  for (const f of numFmts?.children ?? []) {
    if (f.name !== "numFmt") throw new NotPlain(`styles.xml: <${f.name}> in <numFmts>`);
    // the index is an object keyed by the parsed id (NaN included), the last one winning
    codes.set(String(parseInt(attr(f, "numFmtId") as string, 10)), attr(f, "formatCode"));
  }
  const xfs = cellXfs?.children ?? [];
  const numFmt = xfs.map((x) => {
    if (x.name !== "xf") throw new NotPlain(`styles.xml: <${x.name}> in <cellXfs>`);
    if (x.children.some((k) => k.name === "xf")) throw new NotPlain("styles.xml: nested <xf>");
    const id = parseInt(attr(x, "numFmtId") as string, 10);
    if (!id) return undefined;
    return codes.get(String(id)) || builtinFormat(id) || undefined;
  });
  const formats = numFmt.map((f) => (typeof f !== "string" || f === "" || f === "General" ? null : f));
  return { numFmt, formats, dates: numFmt.map((f) => isDateFmt(f)), usable: numFmt.length > 0 };
}

// ------------------------------------------------------------------------------ shared strings

const FONT_PARTS = new Set(["b", "i", "u", "sz", "color", "rFont", "family", "charset", "scheme", "strike", "outline", "shadow", "condense", "extend", "vertAlign"]);

/** TextXform's model: the text with _xHHHH_ escapes decoded. */
const unescapeX = (s: string) => (s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));

function textOf(t: XmlNode, part: string): string {
  if (t.children.length) throw new NotPlain(`${part}: elements in <t>`);
  return unescapeX(t.text);
}

/** One <si> as SharedStringXform reads it, then as toPlainValue makes it plain. */
function plainString(si: XmlNode): CellValue {
  let text: string | undefined;
  let runs: string[] | undefined;
  for (const c of si.children) {
    switch (c.name) {
      case "t":
        text = textOf(c, "sharedStrings.xml");
        runs = undefined;
        break;
      case "r": {
        if (text !== undefined) throw new NotPlain("sharedStrings.xml: run after text");
        let runText = "";
        for (const k of c.children) {
          if (k.name === "t") runText = textOf(k, "sharedStrings.xml");
          else if (k.name === "rPr") {
            for (const p of k.children) if (!FONT_PARTS.has(p.name) || p.children.length) throw new NotPlain(`sharedStrings.xml: <${p.name}> in <rPr>`);
          } else throw new NotPlain(`sharedStrings.xml: <${k.name}> in <r>`);
        }
        (runs ??= []).push(runText);
        break;
      }
      case "rPh":
        for (const k of c.children) if (k.name !== "t" || k.children.length) throw new NotPlain(`sharedStrings.xml: <${k.name}> in <rPh>`);
        break;
      case "phoneticPr":
        if (c.children.length) throw new NotPlain("sharedStrings.xml: <phoneticPr> content");
        break;
      default:
        throw new NotPlain(`sharedStrings.xml: <${c.name}> in <si>`);
    }
  }
  const s = text ?? (runs ? runs.join("") : "");
  return s === "" ? null : s;
}

/** SharedStringsXform: <sst> of <si>s (it throws on any other child), each as its plain value. */
export function readSharedStrings(xml: string): CellValue[] {
  const root = rootNamed(xml, ["sst"], "sharedStrings.xml");
  return root.children.map((si) => {
    if (si.name !== "si") throw new NotPlain(`sharedStrings.xml: <${si.name}>`);
    return plainString(si);
  });
}
