/**
 * The assisted reader (Node only): the fast reader's second way, for files the direct reader
 * (direct/directRead.ts) leaves alone — drawings, comments, tables, hyperlinks, data validations,
 * conditional formats and other parts exceljs parses. Loaded only for such a file: it loads exceljs.
 *
 * The file is unzipped with zlib (zipEntries.ts) and every part goes through exceljs's own loader
 * steps, in the order and with the calls of `wb.xlsx.load` (exceljs/lib/xlsx/xlsx.js), except one
 * thing: each worksheet's <sheetData> is cut out before exceljs parses the sheet, and its cells are
 * read by a strict scanner (sheetDataScan.ts) and resolved here the way exceljs resolves them
 * (cell-xform.js: shared strings, number formats, dates, formula results; doc/cell.js: what
 * `cell.value` then gives). So sheet names, order, visibility, merges, styles and every way the
 * rest of the file can fail are exceljs's own; only the cell values are read differently.
 *
 * Whatever this path does not read exactly as exceljs would (an unusual zip, XML outside the
 * plain form, a hyperlink on a formula cell …) throws, and fastReadWorkbook.ts sends the file to
 * the full reader, which gives today's result or today's error.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import SharedStringsXform from "exceljs/lib/xlsx/xform/strings/shared-strings-xform";
import StylesXform from "exceljs/lib/xlsx/xform/style/styles-xform";
import AppXform from "exceljs/lib/xlsx/xform/core/app-xform";
import CoreXform from "exceljs/lib/xlsx/xform/core/core-xform";
import exceljsUtils from "exceljs/lib/utils/utils";
import Range from "exceljs/lib/doc/range";
import type { CellRange, CellValue } from "../../core/grid";
import { toPlainValue } from "./cellValue";
import type { WorkbookGrids } from "./readErrors";
import { scanSheetData, type RawCell } from "./sheetDataScan";
import { gridFromCells, visibilityOf, type FoundCell, type SkippedCells } from "./worksheetToGrid";
import { readZipEntries } from "./zipEntries";
import { keepNumberFormatCodes } from "./numFmtCodes";

// format codes as the file writes them, for this reader and the full one it falls back to
keepNumberFormatCodes();

/** The full reader, with the same number formats as this one (for the last fallback). */
export { readWorkbookGrids } from "./readWorkbook";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** cells covered by the merges of one sheet, beyond which the full reader is used */
const MAX_MERGED_CELLS = 5_000_000;

/** What the fast path could not read as exceljs would; the full reader takes over. */
class UseFullReader extends Error {}

/** exceljs's XLSX loader (wb.xlsx), the methods `load` calls for each part. */
interface XlsxLoader {
  parseRels(stream: AsyncIterable<unknown>): Promise<unknown>;
  parseWorkbook(stream: AsyncIterable<unknown>): Promise<Record<string, unknown>>;
  _processWorksheetEntry(stream: AsyncIterable<unknown>, model: LoadModel, sheetNo: string, options: undefined, path: string): Promise<void>;
  _processWorksheetRelsEntry(stream: AsyncIterable<unknown>, model: LoadModel, sheetNo: string): Promise<void>;
  _processThemeEntry(stream: PassThrough, model: LoadModel, name: string): Promise<void>;
  _processMediaEntry(stream: PassThrough, model: LoadModel, name: string): Promise<void>;
  _processDrawingEntry(stream: AsyncIterable<unknown>, model: LoadModel, name: string): Promise<void>;
  _processCommentEntry(stream: AsyncIterable<unknown>, model: LoadModel, name: string): Promise<void>;
  _processTableEntry(stream: AsyncIterable<unknown>, model: LoadModel, name: string): Promise<void>;
  _processDrawingRelsEntry(stream: AsyncIterable<unknown>, model: LoadModel, name: string): Promise<void>;
  _processVmlDrawingEntry(stream: AsyncIterable<unknown>, model: LoadModel, name: string): Promise<void>;
  reconcile(model: LoadModel, options: undefined): void;
}

interface WorksheetModel {
  id?: number;
  hyperlinks?: { rId?: string }[];
  mergeCells?: unknown[];
}

interface LoadModel {
  worksheets: WorksheetModel[];
  [key: string]: unknown;
}

/** A stream as exceljs's load makes one for an XML part: object mode, 16 KB string chunks. */
function xmlStream(content: string): PassThrough {
  const stream = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
  const chunkSize = 16 * 1024;
  for (let i = 0; i < content.length; i += chunkSize) stream.write(content.substring(i, i + chunkSize));
  stream.end();
  return stream;
}

/**
 * The worksheet XML with its <sheetData> content cut out, and the cells scanned from it.
 * Throws UseFullReader where exceljs might read the XML differently.
 */
function splitSheetData(xml: string, seen: { styledRows: boolean }): { rest: string; cells: RawCell[] } {
  const start = xml.indexOf("<sheetData");
  if (start < 0) return { rest: xml, cells: [] };
  if (xml.includes("<!")) throw new UseFullReader("comment, CDATA or DOCTYPE in a worksheet");
  const after = xml.charCodeAt(start + 10);
  const plainTag = after === 0x3e || after === 0x2f || after === 0x20 || after === 0x0a || after === 0x09 || after === 0x0d;
  if (!plainTag || xml.indexOf("<sheetData", start + 1) >= 0) throw new UseFullReader("sheetData");
  const gt = xml.indexOf(">", start);
  if (gt < 0) throw new UseFullReader("sheetData");
  if (xml.charCodeAt(gt - 1) === 0x2f) return { rest: xml, cells: [] }; // <sheetData/>
  const close = xml.indexOf("</sheetData", gt);
  if (close < 0 || xml.indexOf("</sheetData", close + 1) >= 0) throw new UseFullReader("sheetData");
  let end = close + 11;
  while (xml.charCodeAt(end) === 0x20 || xml.charCodeAt(end) === 0x0a || xml.charCodeAt(end) === 0x09) end++;
  if (xml.charCodeAt(end) !== 0x3e) throw new UseFullReader("sheetData");
  end++;
  const cells = scanSheetData(xml, start, end, seen);
  return { rest: xml.slice(0, start) + "<sheetData/>" + xml.slice(end), cells };
}

/** The part of exceljs's `load` before reconcile, with worksheets' cells read by the scanner. */
async function loadParts(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<{ model: LoadModel; cellsOf: Map<WorksheetModel, RawCell[]>; styledRows: boolean }> {
  const xlsx = (wb as unknown as { xlsx: XlsxLoader }).xlsx;
  const model: LoadModel = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const cellsOf = new Map<WorksheetModel, RawCell[]>();
  const seen = { styledRows: false };
  for (const entry of readZipEntries(bytes)) {
    if (entry.dir || !entry.data) continue;
    let entryName = entry.name;
    if (entryName[0] === "/") entryName = entryName.substr(1);
    const binary = /xl\/media\//.test(entryName) || /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(entryName);
    if (binary) {
      const stream = new PassThrough();
      stream.write(entry.data);
      stream.end();
      let m = entryName.match(/xl\/worksheets\/sheet(\d+)[.]xml/);
      if (m) throw new UseFullReader("worksheet under media or theme");
      m = entryName.match(/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/);
      if (m) throw new UseFullReader("worksheet rels under media or theme");
      m = entryName.match(/xl\/theme\/([a-zA-Z0-9]+)[.]xml/);
      if (m) {
        if (["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"].includes(entryName)) throw new UseFullReader("odd name");
        await xlsx._processThemeEntry(stream, model, m[1]);
        continue;
      }
      m = entryName.match(/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/);
      if (m) {
        await xlsx._processMediaEntry(stream, model, m[1]);
        continue;
      }
      // media whose name no later pattern of exceljs's would parse as XML: nothing more to do
      if (/xl\/drawings\/|xl\/comments\d+[.]xml|xl\/tables\/table\d+[.]xml/.test(entryName)) throw new UseFullReader("odd media name");
      continue;
    }
    const content = entry.data.toString("utf8");
    switch (entryName) {
      case "_rels/.rels":
        model.globalRels = await xlsx.parseRels(xmlStream(content));
        break;
      case "xl/workbook.xml": {
        const workbook = await xlsx.parseWorkbook(xmlStream(content));
        model.sheets = workbook.sheets;
        model.definedNames = workbook.definedNames;
        model.views = workbook.views;
        model.properties = workbook.properties;
        model.calcProperties = workbook.calcProperties;
        break;
      }
      case "xl/_rels/workbook.xml.rels":
        model.workbookRels = await xlsx.parseRels(xmlStream(content));
        break;
      case "xl/sharedStrings.xml": {
        const sharedStrings = new SharedStringsXform();
        model.sharedStrings = sharedStrings;
        await sharedStrings.parseStream(xmlStream(content));
        break;
      }
      case "xl/styles.xml": {
        const styles = new StylesXform();
        model.styles = styles;
        await styles.parseStream(xmlStream(content));
        break;
      }
      case "docProps/app.xml": {
        const appProperties = await new AppXform().parseStream(xmlStream(content));
        model.company = appProperties.company;
        model.manager = appProperties.manager;
        break;
      }
      case "docProps/core.xml": {
        const coreProperties = await new CoreXform().parseStream(xmlStream(content));
        Object.assign(model, coreProperties);
        break;
      }
      default: {
        let m = entryName.match(/xl\/worksheets\/sheet(\d+)[.]xml/);
        if (m) {
          const { rest, cells } = splitSheetData(content, seen);
          await xlsx._processWorksheetEntry(xmlStream(rest), model, m[1], undefined, entryName);
          cellsOf.set(model.worksheets[model.worksheets.length - 1], cells);
          break;
        }
        m = entryName.match(/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/);
        if (m) {
          await xlsx._processWorksheetRelsEntry(xmlStream(content), model, m[1]);
          break;
        }
        m = entryName.match(/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/);
        if (m) {
          await xlsx._processDrawingEntry(xmlStream(content), model, m[1]);
          break;
        }
        m = entryName.match(/xl\/(comments\d+)[.]xml/);
        if (m) {
          await xlsx._processCommentEntry(xmlStream(content), model, m[1]);
          break;
        }
        m = entryName.match(/xl\/tables\/(table\d+)[.]xml/);
        if (m) {
          await xlsx._processTableEntry(xmlStream(content), model, m[1]);
          break;
        }
        m = entryName.match(/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/);
        if (m) {
          await xlsx._processDrawingRelsEntry(xmlStream(content), model, m[1]);
          break;
        }
        m = entryName.match(/xl\/drawings\/(vmlDrawing\d+)[.]vml/);
        if (m) {
          await xlsx._processVmlDrawingEntry(xmlStream(content), model, m[1]);
          break;
        }
      }
    }
  }
  return { model, cellsOf, styledRows: seen.styledRows };
}

interface SheetMerges {
  /** as readMerges gives them: sorted by top, then left */
  ranges: CellRange[];
  /** row * 16384 + col - 1 of every cell a merge covers but its top-left */
  slaves: Set<number>;
}

const key = (row: number, col: number) => row * MAX_COL + col - 1;

/**
 * A sheet's merges as exceljs's Worksheet applies them (doc/worksheet.js _parseMergeCells), without
 * its check of every merge against every other (quadratic; a fifth of the load time on the bench's
 * largest workbook). Merges that overlap make exceljs throw: the full reader then reports the file.
 */
function mergesOf(refs: unknown[] | undefined): SheetMerges {
  const ranges: CellRange[] = [];
  const slaves = new Set<number>();
  const covered = new Set<number>();
  for (const ref of refs ?? []) {
    let m: Range["model"];
    try {
      m = new Range(ref).model;
    } catch {
      throw new UseFullReader("merge reference");
    }
    const { top, left, bottom, right } = m;
    const inRange = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;
    if (m.sheetName || !inRange(top, MAX_ROW) || !inRange(bottom, MAX_ROW) || !inRange(left, MAX_COL) || !inRange(right, MAX_COL)) throw new UseFullReader("merge reference");
    if (covered.size + (bottom - top + 1) * (right - left + 1) > MAX_MERGED_CELLS) throw new UseFullReader("merges too large");
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const k = key(r, c);
        if (covered.has(k)) throw new UseFullReader("overlapping merges"); // exceljs: "Cannot merge already merged cells"
        covered.add(k);
        if (r > top || c > left) slaves.add(k);
      }
    }
    ranges.push({ top, left, bottom, right });
  }
  ranges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { ranges, slaves };
}

interface Resolver {
  sharedStrings: SharedStringsXform | undefined;
  styles: StylesXform | undefined;
  date1904: unknown;
}

/**
 * The cells of one sheet as `worksheetToGrid` finds them in exceljs's model: what cell-xform's
 * parseClose and reconcile make of each cell, then what `cell.value` and `cell.numFmt` give.
 */
function resolveCells(raw: RawCell[], slaves: Set<number>, r: Resolver): FoundCell[] {
  const { sharedStrings, styles, date1904 } = r;
  const { xmlDecode, isDateFmt, excelToDate } = exceljsUtils;
  const formulae: Record<string, string> = {};
  const found: FoundCell[] = [];
  for (const c of raw) {
    const styleId = c.s ? parseInt(c.s, 10) : undefined;
    const style = styleId && styles ? styles.getStyleModel(styleId) : undefined;
    const v = c.value;
    let value: CellValue = null;
    if (c.formula || c.shareType) {
      let result: unknown;
      if (v) {
        if (c.t === "str") result = xmlDecode(v);
        else if (c.t === "b") result = parseInt(v, 10) !== 0;
        else if (c.t === "e") result = { error: v };
        else result = parseFloat(v);
      }
      if (result !== undefined && style && isDateFmt(style.numFmt)) result = excelToDate(result, date1904);
      let sharedFormula: string | undefined;
      if (c.shareType === "shared") {
        if (c.ref) formulae[c.si as string] = `${c.col}:${c.row}`;
        else sharedFormula = formulae[c.si as string];
      }
      // FormulaValue.value copies only truthy fields: a result of 0 or false reads as no result
      value = (c.formula || sharedFormula) && result ? toPlainValue(result) : null;
    } else if (v !== undefined) {
      switch (c.t) {
        case "s": {
          const index = parseInt(v, 10);
          if (sharedStrings) {
            const s = sharedStrings.getString(index);
            if (s === undefined || s === null) throw new UseFullReader("shared string index"); // exceljs throws
            value = toPlainValue(s);
          } else value = toPlainValue(index);
          break;
        }
        case "str":
          value = toPlainValue(xmlDecode(v));
          break;
        case "inlineStr":
          value = toPlainValue(v);
          break;
        case "b":
          value = parseInt(v, 10) !== 0;
          break;
        case "e":
          value = toPlainValue({ error: v });
          break;
        default: {
          const n = parseFloat(v);
          value = toPlainValue(style && isDateFmt(style.numFmt) ? excelToDate(n, date1904) : n);
        }
      }
    }
    if (value === null) continue;
    // Office.js gives "" for every cell of a merge but its top-left
    if (slaves.size > 0 && slaves.has(key(c.row, c.col))) continue;
    const f = style ? style.numFmt : undefined;
    found.push({ row: c.row, col: c.col, value, format: typeof f !== "string" || f === "" || f === "General" ? null : f });
  }
  return found;
}

/** The grids, or an error when the full reader must read the file. */
export async function assistedRead(bytes: Uint8Array): Promise<WorkbookGrids> {
  const wb = new ExcelJS.Workbook();
  const { model, cellsOf, styledRows } = await loadParts(wb, bytes);
  // RowXform's reconcile, which never sees the rows here, would throw on a row style without cell styles
  const styles = model.styles as { model?: { styles?: unknown } } | undefined;
  if (styledRows && !styles?.model?.styles) throw new UseFullReader("row styles without cell styles");

  // a hyperlink turns a formula cell's result into the hyperlink's text, where a result of 0
  // stays 0: not worth reading here
  for (const ws of model.worksheets) {
    const cells = cellsOf.get(ws);
    if (ws.hyperlinks?.some((h) => h.rId) && cells?.some((c) => c.formula || c.shareType)) throw new UseFullReader("hyperlinks on a sheet with formulas");
  }
  const resolver: Resolver = {
    sharedStrings: model.sharedStrings as SharedStringsXform | undefined,
    styles: model.styles as StylesXform | undefined,
    date1904: (model.properties as { date1904?: unknown } | undefined)?.date1904,
  };
  const xlsx = (wb as unknown as { xlsx: XlsxLoader }).xlsx;
  xlsx.reconcile(model, undefined);
  // as the full loader: a sheet id seen twice keeps the later sheet
  const sheetById = new Map<unknown, { cells: RawCell[]; merges: SheetMerges }>();
  for (const ws of model.worksheets) {
    sheetById.set(ws.id, { cells: cellsOf.get(ws) ?? [], merges: mergesOf(ws.mergeCells) });
    ws.mergeCells = []; // applied above
  }
  (wb as unknown as { model: LoadModel }).model = model;

  const worksheets = wb.worksheets;
  if (worksheets.length === 0) throw new UseFullReader("no worksheets");
  const skipped: SkippedCells[] = [];
  const grids = worksheets.map((ws) => {
    const sheet = sheetById.get(ws.id);
    if (!sheet) throw new UseFullReader("sheet without cells");
    return gridFromCells(ws, resolveCells(sheet.cells, sheet.merges.slaves, resolver), sheet.merges.ranges, skipped);
  });
  const sheets = worksheets.map((ws) => ({ name: ws.name, visibility: visibilityOf(ws) }));
  return { grids, sheets, skipped };
}
