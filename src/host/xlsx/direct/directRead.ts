/**
 * The direct reader (Node only, no exceljs): an .xlsx's grids straight from its bytes, equal to
 * what readWorkbookGrids (exceljs's full load, then worksheetToGrid) gives.
 *
 * The parts are read as exceljs 4's `wb.xlsx.load` reads them — which entries it parses and in
 * what order, how the workbook's sheet list finds its worksheet parts, which sheet names its
 * Worksheet accepts, how styles give a cell its number format, how shared strings and cells become
 * values (parts.ts, sheetData.ts) — and every condition under which exceljs would throw is either
 * followed or sent away. What the direct reader does not read (drawings, comments, tables,
 * hyperlinks, data validations, conditional formats, anything outside the plain XML form …)
 * throws NotPlain; fastReadWorkbook.ts then reads the file with exceljs.
 */
import type { CellRange } from "../../../core/grid";
import type { WorkbookGrids, WorkbookSheetInfo } from "../readErrors";
import { gridFromLists, visibilityOf, type SkippedCells } from "../worksheetToGrid";
import { readZipEntries } from "../zipEntries";
import { checkAppProperties, checkCoreProperties, readRels, readSharedStrings, readStyles, readWorkbookPart, type Rel, type Styles } from "./parts";
import { CellColumns, scanSheetData, type CellContext } from "./sheetData";
import { attrOf as attr, NotPlain, walkXml } from "./xmlTree";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** cells covered by the merges of one sheet, beyond which exceljs reads the file */
const MAX_MERGED_CELLS = 5_000_000;

/** a comments relationship, by the end of its type: the transitional namespace
 * (schemas.openxmlformats.org/officeDocument/2006/relationships/comments) and the strict one
 * (purl.oclc.org/ooxml/officeDocument/relationships/comments) both end so */
const isCommentsRelType = (type: string | undefined): boolean => type !== undefined && type.endsWith("/relationships/comments");

// exceljs's patterns for entry names, in the order its load tries them (xlsx.js)
const MEDIA = /xl\/media\//;
const THEME = /xl\/theme\/([a-zA-Z0-9]+)[.]xml/;
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;
/** parts exceljs parses that the direct reader leaves to it */
const EXCELJS_PARTS = [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, /xl\/(comments\d+)[.]xml/, /xl\/tables\/(table\d+)[.]xml/, /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, /xl\/drawings\/(vmlDrawing\d+)[.]vml/];
const NAMED_PARTS = ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"];

/** Elements WorksheetXform dispatches by name wherever it meets them with no parser active. */
const WORKSHEET_MAP = new Set([
  "worksheet",
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
]);

/** Worksheet elements read here, with the children each may have (none listed: empty). */
const WORKSHEET_PLAIN: Record<string, readonly string[]> = {
  sheetPr: ["tabColor", "outlinePr", "pageSetUpPr"],
  dimension: [],
  sheetViews: ["sheetView"],
  sheetFormatPr: [],
  cols: ["col"],
  sheetData: [],
  mergeCells: ["mergeCell"],
  rowBreaks: ["brk"],
  pageMargins: [],
  pageSetup: [],
  headerFooter: ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"],
  printOptions: [],
  sheetProtection: [],
};
const SHEET_VIEW_CHILDREN = new Set(["pane", "selection"]);

/**
 * Which cells of a sheet its merges cover: over the merges' bounding box, 1 for a merge's
 * top-left cell and 2 for every other cell it covers (those the grid leaves out).
 */
export interface MergeMap {
  top: number;
  left: number;
  width: number;
  height: number;
  map: Uint8Array;
}

interface SheetMerges {
  ranges: CellRange[];
  covered: MergeMap | null;
}

/** the most cells a sheet's merge map may span (its bounding box), beyond which exceljs reads the file */
const MAX_MERGE_BOX = 16_000_000;

/** The number at ref[i..] (letters: a column, digits: a row), its end in REF_END[0]; 0 when none. */
const REF_END = new Int32Array(1);
function refPart(ref: string, i: number, letters: boolean): number {
  let v = 0;
  const from = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (letters ? c < 65 || c > 90 : c < 48 || c > 57) break;
    v = letters ? v * 26 + c - 64 : v * 10 + c - 48;
  }
  REF_END[0] = i;
  if (i === from || i - from > (letters ? 3 : 7) || (!letters && ref.charCodeAt(from) === 48)) return 0;
  return v;
}

/** "A1:C3" as a range, or null for any other form of reference. */
function mergeRef(ref: string | undefined): CellRange | null {
  if (ref === undefined) return null;
  const c1 = refPart(ref, 0, true);
  const r1 = c1 ? refPart(ref, REF_END[0], false) : 0;
  if (!r1 || ref.charCodeAt(REF_END[0]) !== 0x3a) return null;
  const c2 = refPart(ref, REF_END[0] + 1, true);
  const r2 = c2 ? refPart(ref, REF_END[0], false) : 0;
  if (!r2 || REF_END[0] !== ref.length) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** mergeCellsWithoutStyle over the sheet's <mergeCell ref>s (doc/worksheet.js, range.js). */
function mergesOf(refs: (string | undefined)[]): SheetMerges {
  const ranges: CellRange[] = [];
  if (refs.length === 0) return { ranges, covered: null };
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  let cells = 0;
  for (const ref of refs) {
    const r = mergeRef(ref);
    if (!r || r.bottom > MAX_ROW || r.right > MAX_COL) throw new NotPlain("merge reference");
    cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > MAX_MERGED_CELLS) throw new NotPlain("merges too large");
    ranges.push(r);
    if (r.top < top) top = r.top;
    if (r.left < left) left = r.left;
    if (r.bottom > bottom) bottom = r.bottom;
    if (r.right > right) right = r.right;
  }
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (width * height > MAX_MERGE_BOX) throw new NotPlain("merges spread too wide");
  const map = new Uint8Array(width * height);
  for (const r of ranges) {
    for (let row = r.top; row <= r.bottom; row++) {
      const base = (row - top) * width - left;
      for (let col = r.left; col <= r.right; col++) {
        const k = base + col;
        if (map[k]) throw new NotPlain("overlapping merges"); // exceljs: "Cannot merge already merged cells"
        map[k] = row === r.top && col === r.left ? 1 : 2;
      }
    }
  }
  ranges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { ranges, covered: { top, left, width, height, map } };
}

/**
 * Where <sheetData> starts in a worksheet's bytes (-1: nowhere). The first `<sheetData` is the
 * element: were it inside a comment, the comment's remains would fail the strict reading of the
 * rest of the part; were there a second one, the rest would hold it (readWorksheetRest refuses).
 */
function sheetDataStart(buf: Buffer): number {
  const start = buf.indexOf("<sheetData");
  if (start < 0) return -1;
  const after = buf[start + 10];
  if (!(after === 0x3e || after === 0x2f || after === 0x20 || after === 0x0a || after === 0x09)) throw new NotPlain("sheetData");
  return start;
}

/** Just after the `</sheetData>` (or the `/>`) of the <sheetData> at `start`. */
function sheetDataEnd(buf: Buffer, start: number): number {
  const gt = buf.indexOf(0x3e, start);
  if (gt < 0) throw new NotPlain("sheetData");
  if (buf[gt - 1] === 0x2f) return gt + 1;
  // the last one: the scanner then checks that it closes the element
  const close = buf.lastIndexOf("</sheetData");
  if (close < gt) throw new NotPlain("sheetData");
  let end = close + 11;
  while (buf[end] === 0x20 || buf[end] === 0x0a || buf[end] === 0x09) end++;
  if (buf[end] !== 0x3e) throw new NotPlain("sheetData");
  return end + 1;
}

/**
 * The worksheet without its cells (a `<sheetData/>` in their place), checked element by element as
 * it is read: its merges, and whether exceljs would read anything in it that the direct reader
 * does not.
 */
function readWorksheetRest(xml: string, stylesOk: boolean): SheetMerges {
  const refs: (string | undefined)[] = [];
  let mergeCells = 0;
  let sheetData = 0;
  /** the element at depth 1 (a child of <worksheet>), at depth 2, and whether depth 1 is one exceljs reads */
  let top = "";
  let second = "";
  let known = false;
  walkXml(xml, {
    open(name, attrs, depth) {
      if (depth === 0) {
        if (name !== "worksheet") throw new NotPlain(`worksheet root <${name}>`);
        return;
      }
      if (depth === 1) {
        top = name;
        known = WORKSHEET_MAP.has(name);
        if (!known) return; // exceljs ignores it (its content is checked below)
        if (!WORKSHEET_PLAIN[name]) throw new NotPlain(`worksheet <${name}> is read by exceljs`);
        // a second <mergeCells> restarts exceljs's list; a second <sheetData> would be read by it
        if (name === "mergeCells" && ++mergeCells > 1) throw new NotPlain("two <mergeCells>");
        if (name === "sheetData" && ++sheetData > 1) throw new NotPlain("two <sheetData>");
        return;
      }
      // WorksheetXform dispatches these by name wherever it meets them with no parser active
      if (WORKSHEET_MAP.has(name)) throw new NotPlain(`worksheet: <${name}> inside <${top}>`);
      if (!known) return;
      if (depth === 2) {
        second = name;
        if (!WORKSHEET_PLAIN[top].includes(name)) throw new NotPlain(`<${name}> in <${top}>`);
        if (name === "mergeCell") refs.push(attr(attrs, "ref"));
        // ColXform's reconcile asks the styles for a truthy style (throwing without any)
        else if (name === "col" && parseInt(attr(attrs, "style") ?? "", 10) && !stylesOk) throw new NotPlain("column style without styles");
        return;
      }
      if (depth === 3 && second === "sheetView" && SHEET_VIEW_CHILDREN.has(name)) return;
      throw new NotPlain(`<${name}> in <${second}>`);
    },
    close() {},
  });
  return mergesOf(refs);
}

/** exceljs's Worksheet name setter: the names it accepts (it throws, or renames, on others). */
function checkSheetName(name: string, taken: Set<string>): void {
  if (name === "" || name === "History" || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) throw new NotPlain("sheet name");
  const key = name.toLowerCase();
  if (taken.has(key)) throw new NotPlain("sheet name taken"); // "Worksheet name already exists"
  taken.add(key);
}

/**
 * The last few results of a part reader by the part's text: the submissions of a batch, made from
 * one template, share their styles, relationships and properties word for word.
 */
function remembered<T>(read: (xml: string) => T, size = 8): (xml: string) => T {
  const seen = new Map<string, T>();
  return (xml) => {
    const hit = seen.get(xml);
    if (hit !== undefined) return hit;
    const value = read(xml);
    if (seen.size >= size) seen.delete(seen.keys().next().value as string);
    seen.set(xml, value);
    return value;
  };
}
const stylesOf = remembered(readStyles);
const globalRelsChecked = remembered((xml) => readRels(xml, "_rels/.rels"));
const appChecked = remembered((xml) => (checkAppProperties(xml), true));
const coreChecked = remembered((xml) => (checkCoreProperties(xml), true));

interface WorksheetPart {
  path: string;
  sheetNo: string;
  data: Buffer;
}

/** The grids of an .xlsx, or NotPlain / NotPlainZip when exceljs must read it. */
export function directRead(bytes: Uint8Array): WorkbookGrids {
  const entries = readZipEntries(bytes);
  const named = new Map<string, string>();
  const worksheets: WorksheetPart[] = [];
  const worksheetRels = new Map<string, string>();
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.dir || !entry.data) continue;
    const name = entry.name[0] === "/" ? entry.name.slice(1) : entry.name;
    if (seen.has(name)) throw new NotPlain("entry names");
    seen.add(name);
    if (MEDIA.test(name) || THEME.test(name)) {
      // stored by exceljs as they are, never parsed; unless another pattern would claim the name
      if (WORKSHEET.test(name) || WORKSHEET_RELS.test(name) || NAMED_PARTS.includes(name) || EXCELJS_PARTS.some((r) => r.test(name))) throw new NotPlain("odd media name");
      continue;
    }
    if (NAMED_PARTS.includes(name)) {
      named.set(name, entry.data.toString("utf8"));
      continue;
    }
    let m = WORKSHEET.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) throw new NotPlain("worksheet part name");
      worksheets.push({ path: name, sheetNo: m[1], data: entry.data });
      continue;
    }
    m = WORKSHEET_RELS.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)) throw new NotPlain("worksheet rels name");
      worksheetRels.set(m[1], entry.data.toString("utf8"));
      continue;
    }
    if (EXCELJS_PARTS.some((r) => r.test(name))) throw new NotPlain(`${name} is read by exceljs`);
  }

  const part = (n: string) => named.get(n);
  const globalRels = part("_rels/.rels");
  // (a part that failed is not remembered: it throws again)
  if (globalRels !== undefined) globalRelsChecked(globalRels);
  const app = part("docProps/app.xml");
  if (app !== undefined) appChecked(app);
  const core = part("docProps/core.xml");
  if (core !== undefined) coreChecked(core);
  const wbXml = part("xl/workbook.xml");
  const workbook = wbXml === undefined ? { sheets: [], date1904: false } : readWorkbookPart(wbXml);
  const wbRelsXml = part("xl/_rels/workbook.xml.rels");
  const rels = new Map<string | undefined, Rel>();
  if (wbRelsXml !== undefined) for (const r of readRels(wbRelsXml, "workbook.xml.rels")) rels.set(r.id, r);
  const sstXml = part("xl/sharedStrings.xml");
  const strings = sstXml === undefined ? null : readSharedStrings(sstXml);
  const stylesXml = part("xl/styles.xml");
  const styles: Styles | null = stylesXml === undefined ? null : stylesOf(stylesXml);
  for (const [no, xml] of worksheetRels) {
    for (const r of readRels(xml, `sheet${no}.xml.rels`)) if (isCommentsRelType(r.type)) throw new NotPlain("comments are read by exceljs");
  }

  // the Worksheets' order is the first position of their id in the sheet list
  const allIds = new Set<number>();
  for (const sheet of workbook.sheets) {
    if (allIds.has(sheet.id)) throw new NotPlain("sheet id twice");
    allIds.add(sheet.id);
  }

  // workbook-xform reconcile: each listed sheet finds its part through its relationship
  const byPath = new Map(worksheets.map((w) => [w.path, w]));
  const listed: { sheet: (typeof workbook.sheets)[number]; part: WorksheetPart }[] = [];
  const used = new Set<WorksheetPart>();
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.rId);
    if (!rel) continue;
    if (rel.target === undefined) throw new NotPlain("relationship target");
    const w = byPath.get(`xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`);
    if (!w) continue; // a chart sheet, or a part that is not there: exceljs skips it
    if (used.has(w)) throw new NotPlain("a part listed twice");
    used.add(w);
    listed.push({ sheet, part: w });
  }
  if (used.size !== worksheets.length) throw new NotPlain("a worksheet part no sheet lists");
  if (listed.length === 0) throw new NotPlain("no worksheets"); // exceljs's own error, from the full reader

  // Workbook's model setter: one Worksheet per part (zip order) with the listed name, id and state
  const sheetOf = new Map(listed.map((l) => [l.part, l.sheet]));
  const taken = new Set<string>();
  for (const w of worksheets) {
    const sheet = sheetOf.get(w)!;
    // id 0 is left out of Workbook.worksheets; huge ids make a huge sparse array
    if (sheet.id < 1 || sheet.id > 65_535) throw new NotPlain("sheet id");
    checkSheetName(sheet.name, taken);
  }

  const ctx: CellContext = {
    strings,
    formats: styles ? styles.formats : null,
    dates: styles ? styles.dates : [],
    stylesUsable: styles ? styles.usable : false,
    date1904: workbook.date1904,
  };
  const stylesOk = !!styles && styles.usable;
  const lists = new CellColumns();
  const grids = [];
  const sheets: WorkbookSheetInfo[] = [];
  const skipped: SkippedCells[] = [];
  // the workbook's worksheets in the order of its sheet list (orderNo)
  for (const { sheet, part: w } of listed) {
    const buf = w.data;
    const start = sheetDataStart(buf);
    // the merges come after the cells in the part, and decide which cells the grid leaves out:
    // the part's end (after </sheetData>) is read first
    const afterData = start < 0 ? -1 : sheetDataEnd(buf, start);
    const rest = start < 0 ? buf.toString("utf8") : buf.toString("utf8", 0, start) + "<sheetData/>" + buf.toString("utf8", afterData);
    const merges = readWorksheetRest(rest, stylesOk);
    lists.clear();
    if (start >= 0 && scanSheetData(buf, start, buf.length, ctx, merges.covered, lists) !== afterData) throw new NotPlain("sheetData end");
    const ws = { name: sheet.name, state: sheet.state ?? "visible" };
    grids.push(gridFromLists(ws, lists, merges.ranges, skipped));
    sheets.push({ name: ws.name, visibility: visibilityOf(ws) });
  }
  return { grids, sheets, skipped };
}
