/**
 * ExcelHost: WorkbookHost over Office.js.
 *
 * Batching (DESIGN.md, non-negotiables):
 *  - Reading: every requested sheet's used range (values, numberFormat, address) and merged areas
 *    are queued together and fetched in ONE context.sync(). The sheet list needed to address them
 *    comes from a cache filled by `ExcelHost.create()` and re-verified inside that same sync; only a
 *    sheet added since costs one more sync. Reads are split only when the response would pass
 *    Excel's payload limits (sizes remembered from earlier reads, or measured after a payload error).
 *  - Marks: one sync to find Jixiao's existing marks and sheet protection on every sheet, one sync
 *    to delete them and add the new ones: two syncs whatever the number of findings or sheets.
 *
 * Marks are conditional formats (custom formula `=ISTEXT("jixiao-mark:<severity>")`, always TRUE,
 * fill colour per severity) over chunked multi-area addresses. They never change a value or a cell's
 * own format, they sit on top of the user's conditional formats without changing them, and the
 * signature in the formula lets clearMarks find and remove exactly them, even after the workbook
 * was saved and reopened (conditional-format ids do not survive that).
 *
 * This module imports Office types only; it never imports React. All Office access goes through an
 * injected `OfficeApi` so tests run it against a fake object model.
 */
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { columnLetters, parseRangeA1, rangeToA1, toA1 } from "../../core/grid";
import type { Severity } from "../../core/finding";
import {
  HostError,
  MARK_FILL,
  MARKS_KEY,
  SETTINGS_KEY,
  markFormula,
  markSeverityOfFormula,
  parseMarksRecord,
  parseWorkbookSettings,
  type AddSheetRequest,
  type AddSheetResult,
  type ApplyMarksResult,
  type CellChange,
  type ChangeEvent,
  type ClearMarksResult,
  type InsertRowsRequest,
  type InsertRowsResult,
  type Mark,
  type MarkStatus,
  type MarksRecord,
  type Progress,
  type SheetInfo,
  type SheetSelection,
  type SkippedSheet,
  type WorkbookHost,
  type WorkbookSettings,
} from "../types";
import { MAX_COLS, MAX_ROWS, parseAddress } from "../memory/workbook";
import { LAYOUT_STYLE, charsToPoints, holdsOnlyWritten, invalidRequest, layoutNewSheet, uniqueSheetName, type SheetLayout } from "../newSheet";
import { ChangeBatcher, type Timers } from "./changes";
import { isItemNotFound, isPayloadError, toHostError } from "./errors";
import { hostMessage, markAdvice, quoteValue, type HostLang } from "./messages";
import {
  MAX_ADDRESS_CHARS,
  chunkAddresses,
  compressCells,
  fromOfficeValue,
  parseAreasAddress,
  parseCellAddress,
  planInsert,
  sameCellValue,
  stripSheet,
} from "./plan";

/** The minimum requirement set (RangeAreas for marks, Range.copyFrom for insertion, worksheets.onChanged). */
export const MIN_EXCEL_API = "1.9";
/** Reading merged areas (getMergedAreasOrNullObject); without it merges are not read or extended. */
export const MERGES_EXCEL_API = "1.13";

/** The parts of Office.js the host uses; injected so tests can pass a fake. */
export interface OfficeApi {
  run: typeof Excel.run;
  isSetSupported(name: string, minVersion: string): boolean;
}

/** Office.js from the page's globals. Throws HostError("requirement") outside Office. */
export function officeApi(lang: HostLang = "zh"): OfficeApi {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  const excel = g.Excel;
  const office = g.Office;
  if (!excel || typeof excel.run !== "function" || !office?.context?.requirements) {
    throw new HostError("requirement", hostMessage(lang, "notInOffice"));
  }
  return {
    run: excel.run,
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
  };
}

export interface ExcelHostOptions {
  /** language of messages; default zh */
  lang?: HostLang;
  /** onChange debounce in ms; default 500 */
  debounceMs?: number;
  timers?: Timers;
  now?: () => Date;
  /** response bytes one read sync may carry; default 4,000,000 (Excel on the web refuses past 5 MB) */
  maxResponseBytes?: number;
  /** cells one read sync may carry; default 2,000,000 (Excel's hard limit is 5M per get) */
  maxCellsPerSync?: number;
  /** longest address list per getRanges call; default 255 */
  maxAddressChars?: number;
  /**
   * The area of a sheet Jixiao reads at most: rows 1..maxRows, columns 1..maxCols (default 100,000
   * rows, 500 columns). A used range reaching further (a stray value in XFD1048576) is read only
   * inside this area, and `readWarnings` says so.
   */
  readLimit?: { maxRows: number; maxCols: number };
  /** called when a background operation (change listening) fails */
  onError?: (error: HostError) => void;
}

interface SheetEntry {
  id: string;
  name: string;
  visibility: SheetInfo["visibility"];
  position: number;
  /** measured JSON size of values + numberFormat at the last read */
  bytes?: number;
  /** rows x columns of the used range, when known */
  cells?: number;
}

interface InsertRecord {
  sheetId: string;
  sheetName: string;
  top: number;
  count: number;
  area: CellRange;
  written: CellValue[][];
}

interface AddedSheetRecord {
  sheetId: string;
  name: string;
  /** the values as Excel stored them, read back in the batch that wrote them */
  written: CellValue[][];
}

/** Thrown inside a batch when a cached sheet id no longer exists: refresh the list and retry once. */
class StaleSheetList extends Error {}

const SEVERITIES: readonly Severity[] = ["info", "warning", "error"]; // added least severe first
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BYTES_PER_CELL_ESTIMATE = 24;
const SHEET_OVERHEAD_BYTES = 256;

function lower(s: string): string {
  return s.toLowerCase();
}

/** Office's "Visible" | "Hidden" | "VeryHidden" -> SheetInfo's spelling. */
function toVisibility(v: string): SheetInfo["visibility"] {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

/** UTF-8 size of a string (what a response payload costs), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function causeOf(e: unknown): unknown {
  return e && typeof e === "object" ? (e as { cause?: unknown }).cause : undefined;
}

/** A value as Range.values should receive it: text that Excel would read as a formula is quoted. */
export function toOfficeValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+-]/.test(v)) return `'${v}`;
  return v;
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly lang: HostLang;
  private readonly maxResponseBytes: number;
  private readonly maxCellsPerSync: number;
  private readonly maxAddressChars: number;
  private readonly readLimit: { maxRows: number; maxCols: number };
  /** messages about the last readSheets (a sheet read only in part), in the host's language */
  readWarnings: string[] = [];
  private sheetCache: SheetEntry[] | null = null;
  private readonly inserts = new Map<string, InsertRecord>();
  private insertCounter = 0;
  private readonly added = new Map<string, AddedSheetRecord>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private batcher: ChangeBatcher | null = null;
  private registration: Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null> | null = null;
  /** whether this Excel can read merged areas */
  readonly mergesSupported: boolean;

  constructor(
    private readonly api: OfficeApi,
    private readonly options: ExcelHostOptions = {},
  ) {
    this.lang = options.lang ?? "zh";
    this.maxResponseBytes = options.maxResponseBytes ?? 4_000_000;
    this.maxCellsPerSync = options.maxCellsPerSync ?? 2_000_000;
    this.maxAddressChars = options.maxAddressChars ?? MAX_ADDRESS_CHARS;
    this.readLimit = options.readLimit ?? { maxRows: 100_000, maxCols: 500 };
    this.mergesSupported = api.isSetSupported("ExcelApi", MERGES_EXCEL_API);
  }

  /**
   * Check the requirement set and load the sheet list (one sync), so that reading any number of
   * sheets afterwards is a single sync.
   */
  static async create(api: OfficeApi = officeApi(), options: ExcelHostOptions = {}): Promise<ExcelHost> {
    const host = new ExcelHost(api, options);
    host.requireBase();
    await host.refreshSheets();
    return host;
  }

  // ------------------------------------------------------------------------ plumbing

  private requireBase(): void {
    if (!this.api.isSetSupported("ExcelApi", MIN_EXCEL_API)) {
      throw new HostError("requirement", hostMessage(this.lang, "requirement", { set: "ExcelApi", version: MIN_EXCEL_API }));
    }
  }

  /** Excel.run with errors turned into HostErrors. */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, context: { sheet?: string } = {}): Promise<T> {
    try {
      return await this.api.run(batch);
    } catch (e) {
      if (e instanceof StaleSheetList) throw e;
      throw toHostError(e, this.lang, context);
    }
  }

  /** Run an operation that addresses cached sheet ids; if one vanished, refresh the list and retry once. */
  private async withSheets<T>(op: (sheets: SheetEntry[]) => Promise<T>): Promise<T> {
    this.requireBase();
    const sheets = this.sheetCache ?? (await this.refreshSheets());
    try {
      return await op(sheets);
    } catch (e) {
      if (!(e instanceof StaleSheetList)) throw e;
      return op(await this.refreshSheets());
    }
  }

  /** After a failed sync of a batch that addressed cached sheets: a missing sheet means the cache is stale. */
  private static staleOr(e: unknown): unknown {
    return isItemNotFound(e) ? new StaleSheetList() : e;
  }

  private queueSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
    const list = context.workbook.worksheets;
    list.load("items/id,items/name,items/visibility,items/position");
    return list;
  }

  /** Replace the cache from a loaded worksheet collection, keeping remembered sizes. */
  private adoptSheetList(list: Excel.WorksheetCollection): SheetEntry[] {
    const old = new Map((this.sheetCache ?? []).map((s) => [s.id, s]));
    const fresh = list.items
      .map((ws) => {
        const prev = old.get(ws.id);
        const entry: SheetEntry = { id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), position: ws.position };
        if (prev?.bytes !== undefined) entry.bytes = prev.bytes;
        if (prev?.cells !== undefined) entry.cells = prev.cells;
        return entry;
      })
      .sort((a, b) => a.position - b.position);
    this.sheetCache = fresh;
    return fresh;
  }

  private async refreshSheets(): Promise<SheetEntry[]> {
    return this.run(async (context) => {
      const list = this.queueSheetList(context);
      await context.sync();
      return this.adoptSheetList(list);
    });
  }

  private entryByName(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
    return sheets.find((s) => lower(s.name) === lower(name));
  }

  // ------------------------------------------------------------------------ sheets and reading

  async listSheets(): Promise<SheetInfo[]> {
    this.requireBase();
    return this.run(async (context) => {
      const list = this.queueSheetList(context);
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("id");
      await context.sync();
      const sheets = this.adoptSheetList(list);
      return sheets.map((s) => ({ name: s.name, visibility: s.visibility, active: s.id === active.id }));
    });
  }

  async readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    this.requireBase();
    this.readWarnings = [];
    if (selection.kind === "active") return this.readActive(progress);
    return this.readMany(selection, progress);
  }

  private queueRead(ws: Excel.Worksheet): { used: Excel.Range; merged: Excel.RangeAreas | null } {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat");
    let merged: Excel.RangeAreas | null = null;
    if (this.mergesSupported) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { used, merged };
  }

  private gridFrom(
    name: string,
    hidden: boolean,
    used: Excel.Range,
    merged: Excel.RangeAreas | null,
  ): { grid: Grid | null; bytes: number; cells: number } {
    const merges = merged ? (merged.isNullObject ? [] : parseAreasAddress(merged.address)) : undefined;
    const base = { sheet: name, hidden, ...(merges ? { merges } : {}) };
    if (used.isNullObject) return { grid: { ...base, origin: { row: 1, col: 1 }, cells: [], numberFormats: [] }, bytes: 0, cells: 0 };
    const r = parseAddress(stripSheet(used.address));
    const values = used.values;
    const formats = used.numberFormat;
    const cellCount = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    // Excel gives null for the cells of an unbounded range (a used range over whole columns):
    // the caller reads such a sheet the careful way (readLarge)
    if (!Array.isArray(values) || !Array.isArray(formats)) return { grid: null, bytes: 0, cells: cellCount };
    const cells = values.map((line) => line.map(fromOfficeValue));
    const numberFormats = formats.map((line) => line.map((f) => (typeof f === "string" && f !== "General" && f !== "" ? f : null)));
    // what this sheet costs in a response: both arrays, the addresses, and a little framing
    const bytes =
      utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats)) + utf8Length(used.address) + (merged && !merged.isNullObject ? utf8Length(merged.address) : 0) + SHEET_OVERHEAD_BYTES;
    return {
      grid: { ...base, origin: { row: r.top, col: r.left }, cells, numberFormats },
      bytes,
      cells: cellCount,
    };
  }

  private async readActive(progress?: Progress): Promise<Grid[]> {
    progress?.("reading", 0, 1);
    let read: { entry: SheetEntry; grid: Grid | null };
    try {
      read = await this.run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("id,name,visibility,position");
        const { used, merged } = this.queueRead(ws);
        await context.sync();
        const out = this.gridFrom(ws.name, ws.visibility !== "Visible", used, merged);
        this.remember(ws.id, out.bytes, out.cells);
        return { entry: { id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), position: ws.position }, grid: out.grid };
      });
    } catch (e) {
      if (!(e instanceof HostError) || !isPayloadError(causeOf(e))) throw e;
      // too big for one response: find the active sheet and read it in blocks
      const active = await this.run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("id,name,visibility,position");
        await context.sync();
        return { id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), position: ws.position };
      });
      return this.readLarge([active], progress);
    }
    if (!read.grid) return this.readLarge([read.entry], progress);
    progress?.("reading", 1, 1);
    return [read.grid];
  }

  private remember(id: string, bytes: number, cells: number): void {
    const e = this.sheetCache?.find((s) => s.id === id);
    if (e) {
      e.bytes = bytes;
      e.cells = cells;
    }
  }

  private estimate(e: SheetEntry): number {
    if (e.bytes !== undefined) return e.bytes;
    if (e.cells !== undefined) return e.cells * BYTES_PER_CELL_ESTIMATE;
    return 0;
  }

  /** Group sheets so that each sync stays within the budgets; sheets too big alone are returned apart. */
  private planBatches(entries: readonly SheetEntry[], budget = this.maxResponseBytes): { batches: SheetEntry[][]; large: SheetEntry[] } {
    const batches: SheetEntry[][] = [];
    const large: SheetEntry[] = [];
    let current: SheetEntry[] = [];
    let bytes = 0;
    let cells = 0;
    for (const e of entries) {
      const b = this.estimate(e);
      const c = e.cells ?? 0;
      if (b > budget || c > this.maxCellsPerSync) {
        large.push(e);
        continue;
      }
      if (current.length && (bytes + b > budget || cells + c > this.maxCellsPerSync)) {
        batches.push(current);
        current = [];
        bytes = 0;
        cells = 0;
      }
      current.push(e);
      bytes += b;
      cells += c;
    }
    if (current.length || batches.length === 0) batches.push(current);
    return { batches, large };
  }

  private async readMany(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    const names = selection.kind === "named" ? selection.names : [];
    return this.withSheets(async (cached) => {
      let wanted: SheetEntry[];
      if (selection.kind === "named") {
        let sheets = cached;
        if (selection.names.some((n) => !this.entryByName(sheets, n))) sheets = await this.refreshSheets();
        const missing = selection.names.filter((n) => !this.entryByName(sheets, n));
        if (missing.length) {
          throw new HostError("not-found", hostMessage(this.lang, "sheetNotFound", { sheet: missing.join("”, “") }), { sheets: missing });
        }
        wanted = selection.names.map((n) => this.entryByName(sheets, n) as SheetEntry);
        wanted = wanted.filter((e, i) => wanted.indexOf(e) === i);
      } else {
        wanted = [...cached];
      }
      const grids = new Map<string, Grid>();
      const total = wanted.length;
      let done = 0;
      progress?.("reading", 0, total);

      const readBatch = async (batch: SheetEntry[], verify: boolean): Promise<SheetEntry[] | null> =>
        this.run(async (context) => {
          const list = verify ? this.queueSheetList(context) : null;
          const pending = batch.map((entry) => {
            const ws = context.workbook.worksheets.getItem(entry.id);
            ws.load("name,visibility");
            return { entry, ws, ...this.queueRead(ws) };
          });
          await context.sync().catch((e: unknown) => {
            throw ExcelHost.staleOr(e);
          });
          for (const p of pending) {
            const out = this.gridFrom(p.ws.name, p.ws.visibility !== "Visible", p.used, p.merged);
            p.entry.name = p.ws.name;
            p.entry.cells = out.cells;
            if (!out.grid) continue; // unbounded: read later in blocks (readEntries)
            this.remember(p.entry.id, out.bytes, out.cells);
            p.entry.bytes = out.bytes;
            grids.set(p.entry.id, out.grid);
            progress?.("reading", ++done, total);
          }
          return list ? this.adoptSheetList(list) : null;
        });

      const fresh = await this.readEntries(wanted, true, grids, readBatch, progress);

      // sheets added (or renamed to a requested name) since the cache was filled
      if (fresh) {
        const extra =
          selection.kind === "all"
            ? fresh.filter((f) => !grids.has(f.id))
            : names.map((n) => this.entryByName(fresh as SheetEntry[], n)).filter((e): e is SheetEntry => !!e && !grids.has(e.id));
        if (extra.length) await this.readEntries(extra, false, grids, readBatch, progress);
        const order = selection.kind === "all" ? fresh : names.map((n) => this.entryByName(fresh as SheetEntry[], n)).filter((e): e is SheetEntry => !!e);
        return order.map((e) => grids.get(e.id)).filter((g): g is Grid => !!g);
      }
      return wanted.map((e) => grids.get(e.id)).filter((g): g is Grid => !!g);
    });
  }

  /**
   * Read sheets in as few syncs as the budgets allow: all in one when sizes are unknown or small.
   * Past a payload error, measure the sheets once, then re-plan, halving the budget if Excel still
   * refuses. Sheets too big for one response are read in row blocks. Returns the verified sheet
   * list when `verify` asked for it.
   */
  private async readEntries(
    entries: SheetEntry[],
    verify: boolean,
    grids: Map<string, Grid>,
    readBatch: (batch: SheetEntry[], verify: boolean) => Promise<SheetEntry[] | null>,
    progress?: Progress,
  ): Promise<SheetEntry[] | null> {
    let fresh: SheetEntry[] | null = null;
    let budget = this.maxResponseBytes;
    let attempts = 0;
    for (;;) {
      const todo = entries.filter((e) => !grids.has(e.id));
      const plan = this.planBatches(todo, budget);
      let failed: SheetEntry[] = [];
      try {
        for (const batch of plan.batches) {
          if (!batch.length && !(verify && !fresh)) continue;
          failed = batch;
          const result = await readBatch(batch, verify && !fresh);
          if (result) fresh = result;
        }
        break;
      } catch (e) {
        if (!(e instanceof HostError) || !isPayloadError(causeOf(e)) || attempts >= 8) throw e;
        if (attempts === 0) await this.measure(entries.filter((x) => !grids.has(x.id)));
        // what failed together was too much: aim at half of it
        const failedSize = failed.reduce((n, x) => n + this.estimate(x), 0);
        budget = failedSize > 0 ? Math.min(budget, failedSize / 2) : budget / 2;
        attempts++;
      }
    }
    // sheets too big to read at once, and sheets Excel answered without cells (unbounded ranges)
    const todoLarge = entries.filter((l) => !grids.has(l.id));
    if (todoLarge.length) {
      const read = await this.readLarge(todoLarge, progress);
      todoLarge.forEach((entry, i) => grids.set(entry.id, read[i]));
    }
    return fresh;
  }

  /** One sync: the used-range size of each sheet (no values). */
  private async measure(entries: SheetEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.run(async (context) => {
      const pending = entries.map((entry) => {
        const used = context.workbook.worksheets.getItem(entry.id).getUsedRangeOrNullObject(true);
        used.load("rowCount,columnCount");
        return { entry, used };
      });
      await context.sync();
      for (const p of pending) {
        p.entry.cells = p.used.isNullObject ? 0 : p.used.rowCount * p.used.columnCount;
        delete p.entry.bytes;
      }
    });
  }

  /**
   * One sync: name, visibility, used range and merges of a sheet, without its values; and the used
   * range inside the read limit, which is what gets read when the whole one reaches past it.
   */
  private async describeSheet(
    entry: SheetEntry,
  ): Promise<{ name: string; hidden: boolean; range: CellRange | null; full: CellRange | null; merges: CellRange[] | undefined }> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(entry.id);
      ws.load("name,visibility");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      const limited = ws.getRange(`A1:${toA1(this.readLimit.maxRows, this.readLimit.maxCols)}`).getUsedRangeOrNullObject(true);
      limited.load("address");
      const merged = this.mergesSupported ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load("address");
      await context.sync();
      return {
        name: ws.name,
        hidden: ws.visibility !== "Visible",
        full: used.isNullObject ? null : parseAddress(stripSheet(used.address)),
        range: limited.isNullObject ? null : parseAddress(stripSheet(limited.address)),
        merges: merged ? (merged.isNullObject ? [] : parseAreasAddress(merged.address)) : undefined,
      };
    });
  }

  /** One sync: the values and number formats of one block of rows. */
  private async readBlock(entry: SheetEntry, block: CellRange): Promise<{ values: unknown[][]; formats: unknown[][] }> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(entry.id).getRange(`${toA1(block.top, block.left)}:${toA1(block.bottom, block.right)}`);
      range.load("values,numberFormat");
      await context.sync();
      return { values: range.values, formats: range.numberFormat };
    });
  }

  /**
   * Sheets too big for one response (the only place Jixiao syncs more than once to read): measure
   * the used range, then read row blocks each sized to fill the budget, one sync per block, learning
   * the real size per cell from each answer. Halves the budget if Excel still refuses.
   */
  private async readLarge(entries: SheetEntry[], progress?: Progress): Promise<Grid[]> {
    const out: Grid[] = [];
    for (const entry of entries) {
      const dims = await this.describeSheet(entry);
      const base = { sheet: dims.name, hidden: dims.hidden, ...(dims.merges ? { merges: dims.merges } : {}) };
      if (dims.full && (!dims.range || dims.full.bottom > dims.range.bottom || dims.full.right > dims.range.right)) {
        this.readWarnings.push(
          hostMessage(this.lang, "readLimited", {
            sheet: dims.name,
            used: rangeToA1(dims.full),
            read: dims.range ? rangeToA1(dims.range) : "—",
          }),
        );
      }
      if (!dims.range) {
        out.push({ ...base, origin: { row: 1, col: 1 }, cells: [], numberFormats: [] });
        continue;
      }
      const r = dims.range;
      const width = r.right - r.left + 1;
      let perCell = entry.bytes && entry.cells ? Math.max(4, entry.bytes / entry.cells) : BYTES_PER_CELL_ESTIMATE;
      let budget = this.maxResponseBytes;
      const cells: CellValue[][] = [];
      const numberFormats: (string | null)[][] = [];
      let row = r.top;
      let attempts = 0;
      while (row <= r.bottom) {
        const rowsPerBlock = Math.max(1, Math.floor(Math.min(budget / perCell, this.maxCellsPerSync) / width));
        const block: CellRange = { top: row, bottom: Math.min(r.bottom, row + rowsPerBlock - 1), left: r.left, right: r.right };
        let read: { values: unknown[][]; formats: unknown[][] };
        try {
          read = await this.readBlock(entry, block);
        } catch (e) {
          if (!(e instanceof HostError) || !isPayloadError(causeOf(e)) || attempts > 8) throw e;
          attempts++;
          budget = budget / 2;
          continue; // the same rows again, in a smaller block
        }
        const blockCells = read.values.length * width;
        if (blockCells > 0) perCell = Math.max(4, (1.1 * (utf8Length(JSON.stringify(read.values)) + utf8Length(JSON.stringify(read.formats)))) / blockCells);
        for (const line of read.values) cells.push(line.map(fromOfficeValue));
        for (const line of read.formats) numberFormats.push(line.map((f) => (typeof f === "string" && f !== "General" && f !== "" ? f : null)));
        row = block.bottom + 1;
        progress?.("reading", row - r.top, r.bottom - r.top + 1);
      }
      out.push({ ...base, origin: { row: r.top, col: r.left }, cells, numberFormats });
    }
    return out;
  }

  // ------------------------------------------------------------------------ marks

  /**
   * Queue, for every sheet, its protection and its conditional formats with their custom formulas,
   * plus the marks record: everything needed to replace or clear marks, in one sync.
   */
  private queueMarkScan(context: Excel.RequestContext, sheets: readonly SheetEntry[]) {
    return sheets.map((entry) => {
      const ws = context.workbook.worksheets.getItem(entry.id);
      ws.load("name,protection/protected");
      const cfs = ws.getRange().conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula");
      return { entry, ws, cfs };
    });
  }

  /**
   * Jixiao's marks among a sheet's conditional formats: custom rules with a mark formula, and custom
   * rules with no formula at all — a mark half made when a batch failed between adding the rule and
   * setting its formula (commands before a failing one stay applied). Excel's own dialog cannot save
   * a custom rule without a formula, so such a rule is never the user's.
   */
  private static oursIn(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
    return cfs.items.filter((cf) => {
      if (cf.type !== "Custom") return false;
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) return false;
      const formula = custom.rule.formula;
      return markSeverityOfFormula(formula) !== null || !formula;
    });
  }

  async applyMarks(marks: Mark[], progress?: Progress): Promise<ApplyMarksResult> {
    return this.withSheets((cached) =>
      this.run(async (context) => {
        // --- sync 1: sheet list, protection and existing conditional formats everywhere
        const list = this.queueSheetList(context);
        let scans = this.queueMarkScan(context, cached);
        const old = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
        old.load("key");
        await context.sync().catch((e: unknown) => {
            throw ExcelHost.staleOr(e);
          });
        const fresh = this.adoptSheetList(list);
        const added = fresh.filter((f) => !scans.some((s) => s.entry.id === f.id));
        if (added.length) {
          // sheets created since the list was cached: scan them too (rare)
          const more = this.queueMarkScan(context, added);
          await context.sync();
          scans = [...scans, ...more];
        }

        // group marks by sheet, one (the most severe) per cell
        const skipped: SkippedSheet[] = [];
        const bySheet = new Map<string, Map<string, { row: number; col: number; severity: Severity }>>();
        for (const m of marks) {
          const entry = this.entryByName(fresh, m.sheet);
          const p = parseCellAddress(m.cell);
          if (!entry) {
            if (!skipped.some((s) => s.sheet === m.sheet)) {
              skipped.push({ sheet: m.sheet, code: "not-found", message: hostMessage(this.lang, "sheetNotFound", { sheet: m.sheet }) });
            }
            continue;
          }
          if (!p) continue;
          const cells = bySheet.get(entry.id) ?? new Map<string, { row: number; col: number; severity: Severity }>();
          bySheet.set(entry.id, cells);
          const key = toA1(p.row, p.col);
          const prev = cells.get(key);
          if (!prev || SEVERITY_RANK[m.severity] < SEVERITY_RANK[prev.severity]) cells.set(key, { ...p, severity: m.severity });
        }
        progress?.("marking", 0, bySheet.size);

        // --- sync 2: record first (so an interrupted batch never leaves unrecorded marks), then
        // delete Jixiao's old marks and add the new ones
        const record: MarksRecord = { v: 1, sheets: [], at: this.now() };
        for (const scan of scans) {
          const ours = ExcelHost.oursIn(scan.cfs);
          const protectedSheet = scan.ws.protection.protected;
          const target = bySheet.get(scan.entry.id);
          if (protectedSheet) {
            if (ours.length) record.sheets.push({ id: scan.entry.id, name: scan.ws.name, cells: 0 });
            if (target) skipped.push({ sheet: scan.ws.name, code: "protected", message: hostMessage(this.lang, "marksProtected", { sheet: scan.ws.name }) });
            continue;
          }
          if (target?.size) record.sheets.push({ id: scan.entry.id, name: scan.ws.name, cells: target.size });
        }
        if (record.sheets.length) context.workbook.settings.add(MARKS_KEY, record);

        let marked = 0;
        let done = 0;
        let writes = record.sheets.length > 0;
        for (const scan of scans) {
          if (scan.ws.protection.protected) continue;
          for (const cf of ExcelHost.oursIn(scan.cfs)) {
            cf.delete();
            writes = true;
          }
          const target = bySheet.get(scan.entry.id);
          if (!target?.size) continue;
          for (const severity of SEVERITIES) {
            const cells = [...target.values()].filter((c) => c.severity === severity);
            if (!cells.length) continue;
            for (const address of chunkAddresses(compressCells(cells), this.maxAddressChars)) {
              const cf = scan.ws.getRanges(address).conditionalFormats.add("Custom");
              cf.custom.rule.formula = markFormula(severity);
              cf.custom.format.fill.color = MARK_FILL[severity];
            }
          }
          marked += target.size;
          progress?.("marking", ++done, bySheet.size);
        }
        // no marks left anywhere: the record goes, last, so a failed delete above leaves it in place
        if (!record.sheets.length && !old.isNullObject) {
          old.delete();
          writes = true;
        }
        if (writes) await context.sync();
        return { marked, skipped };
      }),
    );
  }

  async clearMarks(): Promise<ClearMarksResult> {
    return this.withSheets((cached) =>
      this.run(async (context) => {
        const list = this.queueSheetList(context);
        let scans = this.queueMarkScan(context, cached);
        const old = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
        old.load("key");
        await context.sync().catch((e: unknown) => {
            throw ExcelHost.staleOr(e);
          });
        const fresh = this.adoptSheetList(list);
        const added = fresh.filter((f) => !scans.some((s) => s.entry.id === f.id));
        if (added.length) {
          const more = this.queueMarkScan(context, added);
          await context.sync();
          scans = [...scans, ...more];
        }
        const skipped: SkippedSheet[] = [];
        const remaining: MarksRecord["sheets"] = [];
        let removed = 0;
        for (const scan of scans) {
          const ours = ExcelHost.oursIn(scan.cfs);
          if (!ours.length) continue;
          if (scan.ws.protection.protected) {
            skipped.push({ sheet: scan.ws.name, code: "protected", message: hostMessage(this.lang, "clearProtected", { sheet: scan.ws.name }) });
            remaining.push({ id: scan.entry.id, name: scan.ws.name, cells: 0 });
            continue;
          }
          for (const cf of ours) cf.delete();
          removed += ours.length;
        }
        // record last: if a delete fails, the record still lists the sheet
        if (remaining.length) context.workbook.settings.add(MARKS_KEY, { v: 1, sheets: remaining, at: this.now() } satisfies MarksRecord);
        else if (!old.isNullObject) old.delete();
        if (removed || remaining.length || !old.isNullObject) await context.sync();
        return { removed, skipped };
      }),
    );
  }

  async markStatus(): Promise<MarkStatus> {
    this.requireBase();
    return this.run(async (context) => {
      const record = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
      record.load("value");
      const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      stored.load("value");
      context.workbook.load("autoSave");
      await context.sync();
      const rec = record.isNullObject ? null : parseMarksRecord(record.value);
      const settings = parseWorkbookSettings(stored.isNullObject ? null : stored.value);
      const present = !!rec && rec.sheets.length > 0;
      const autoSave = context.workbook.autoSave === true;
      const names = (rec?.sheets ?? []).map((s) => this.sheetCache?.find((c) => c.id === s.id)?.name ?? s.name);
      return {
        present,
        cells: (rec?.sheets ?? []).reduce((n, s) => n + s.cells, 0),
        sheets: names,
        autoSave,
        onSave: "saved-with-workbook",
        advice: markAdvice(this.lang, { present, autoSave, keepMarksOnSave: settings.keepMarksOnSave }),
      };
    });
  }

  // ------------------------------------------------------------------------ selecting and editing

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.requireBase();
    const p = parseCellAddress(cell);
    if (!p) throw new HostError("invalid", hostMessage(this.lang, "badAddress", { cell }));
    const cached = this.sheetCache ? this.entryByName(this.sheetCache, sheet) : undefined;
    if (cached && cached.visibility !== "visible") {
      throw new HostError("invalid", hostMessage(this.lang, "sheetHidden", { sheet }), { sheets: [sheet] });
    }
    await this.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(toA1(p.row, p.col)).select();
        await context.sync();
      },
      { sheet },
    );
  }

  async setCellValue(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    this.requireBase();
    const p = parseCellAddress(cell);
    if (!p) throw new HostError("invalid", hostMessage(this.lang, "badAddress", { cell }));
    const a1 = toA1(p.row, p.col);
    return this.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load("name,protection/protected");
        const range = ws.getRange(a1);
        range.load("values,formulas");
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        const formula: unknown = range.formulas[0]?.[0];
        // Office.js drops the quote of a text constant ('=100%): a formula is "=…" that differs from the value
        if (typeof formula === "string" && formula.startsWith("=") && formula !== range.values[0]?.[0]) {
          throw new HostError("conflict", hostMessage(this.lang, "formula", { sheet: ws.name, cell: a1 }));
        }
        const previous = fromOfficeValue(range.values[0]?.[0]);
        if (!sameCellValue(previous, expected)) {
          throw new HostError("conflict", hostMessage(this.lang, "conflict", { sheet: ws.name, cell: a1, actual: quoteValue(previous), expected: quoteValue(expected) }));
        }
        range.values = [[toOfficeValue(value)]];
        await context.sync();
        return { sheet: ws.name, cell: a1, previous, value };
      },
      { sheet },
    );
  }

  async insertRows(request: InsertRowsRequest): Promise<InsertRowsResult> {
    this.requireBase();
    const count = request.values.length;
    const width = Math.max(0, ...request.values.map((r) => r.length));
    if (count === 0 || width === 0) throw new HostError("invalid", hostMessage(this.lang, "nothingToInsert"));
    for (const row of [request.afterRow, request.formatFromRow]) {
      if (!Number.isInteger(row) || row < 1 || row + count > MAX_ROWS) throw new HostError("invalid", hostMessage(this.lang, "badRow", { row }));
    }
    if (!Number.isInteger(request.startCol) || request.startCol < 1 || request.startCol + width - 1 > MAX_COLS) {
      throw new HostError("invalid", hostMessage(this.lang, "badAddress", { cell: `C${request.startCol}` }));
    }
    const sheetName = request.sheet;
    return this.run(
      async (context) => {
        // --- sync 1: the sheet, its protection, merged areas on the rows that matter
        const ws = context.workbook.worksheets.getItem(sheetName);
        ws.load("id,name,protection/protected");
        // where the sheet's contents end, to tell after a failure whether the rows went in
        const usedBefore = usedBottoms(ws);
        const mergeReads = this.mergesSupported
          ? [...new Set([request.afterRow, request.formatFromRow])].map((r) => {
              const areas = ws.getRange(`${r}:${r}`).getMergedAreasOrNullObject();
              areas.load("address");
              return areas;
            })
          : null;
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        let merges: CellRange[] | null = null;
        if (mergeReads) {
          const seen = new Set<string>();
          merges = [];
          for (const areas of mergeReads) {
            if (areas.isNullObject) continue;
            for (const m of parseAreasAddress(areas.address)) {
              const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
              if (!seen.has(k)) merges.push(m);
              seen.add(k);
            }
          }
        }
        const plan = planInsert({
          afterRow: request.afterRow,
          count,
          startCol: request.startCol,
          width,
          formatFromRow: request.formatFromRow,
          extendMergesInColumns: request.extendMergesInColumns,
          merges,
        });
        const top = plan.insertAt;
        const bottom = top + count - 1;

        // --- sync 2: insert, copy formats, write values, grow label merges
        ws.getRange(`${top}:${bottom}`).insert("Down");
        for (const span of plan.copySpans) {
          const dst = ws.getRange(`${toA1(top, span.left)}:${toA1(bottom, span.right)}`);
          dst.copyFrom(ws.getRange(`${toA1(plan.sourceRow, span.left)}:${toA1(plan.sourceRow, span.right)}`), "Formats", false, false);
        }
        const written: CellValue[][] = request.values.map((line, i) =>
          Array.from({ length: width }, (_, j) => {
            const v = line[j] ?? null;
            return plan.isCovered(top + i, request.startCol + j) || v === "" ? null : v;
          }),
        );
        // write runs of cells that are not covered by a merge (never write into part of a merged area)
        written.forEach((line, i) => {
          let j = 0;
          while (j < width) {
            if (plan.isCovered(top + i, request.startCol + j)) {
              j++;
              continue;
            }
            let k = j;
            while (k + 1 < width && !plan.isCovered(top + i, request.startCol + k + 1)) k++;
            const run = line.slice(j, k + 1);
            if (run.some((v) => v !== null)) {
              ws.getRange(`${toA1(top + i, request.startCol + j)}:${toA1(top + i, request.startCol + k)}`).values = [run.map(toOfficeValue)];
            }
            j = k + 1;
          }
        });
        for (const area of plan.extend) ws.getRange(`${toA1(area.top, area.left)}:${toA1(area.bottom, area.right)}`).merge(false);
        try {
          await context.sync();
        } catch (e) {
          // Office.js batches are not transactions: the rows may be in, half-formatted, half-written
          await this.rollBackInsert(context, ws, { top, count, left: request.startCol, written }, readBottoms(usedBefore)).catch(() => undefined);
          throw e;
        }

        const token = `excel-insert-${++this.insertCounter}-${Date.now().toString(36)}`;
        const area = { top, bottom, left: request.startCol, right: request.startCol + width - 1 };
        this.inserts.set(token, { sheetId: ws.id, sheetName: ws.name, top, count, area, written });
        const warnings = plan.warnings.map((w) => hostMessage(this.lang, w === "merges-unknown" ? "mergesUnknown" : "mergeConflict"));
        return { sheet: ws.name, range: area, undoToken: token, ...(warnings.length ? { warnings } : {}) };
      },
      { sheet: sheetName },
    );
  }

  /**
   * After the insertion batch failed: if the rows went in (the sheet's contents below them moved
   * down by `count`, or nothing was below and the rows hold only what Jixiao wrote), delete them so
   * the sheet is as before. Two more syncs at most; rows holding anything else are left alone.
   */
  private async rollBackInsert(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rows: { top: number; count: number; left: number; written: CellValue[][] },
    before: { values: number; any: number },
  ): Promise<void> {
    const bottom = rows.top + rows.count - 1;
    const now = usedBottoms(ws);
    const inserted = ws.getRange(`${rows.top}:${bottom}`).getUsedRangeOrNullObject(true);
    inserted.load("address,values");
    await context.sync();
    const after = readBottoms(now);
    let wentIn: boolean;
    if (before.values >= rows.top) wentIn = after.values === before.values + rows.count;
    else if (before.any >= rows.top) wentIn = after.any === before.any + rows.count;
    else wentIn = true; // nothing at or below: the rows are blank unless Jixiao wrote them
    if (!wentIn) return;
    if (!inserted.isNullObject) {
      const r = parseAddress(stripSheet(inserted.address));
      const ours = inserted.values.every((line, i) =>
        line.every((v, j) => {
          const col = r.left + j - rows.left;
          const expected = col >= 0 ? rows.written[r.top + i - rows.top]?.[col] ?? null : null;
          return sameCellValue(fromOfficeValue(v), expected) || fromOfficeValue(v) === null;
        }),
      );
      if (!ours) return;
    }
    ws.getRange(`${rows.top}:${bottom}`).delete("Up");
    await context.sync();
  }

  async undoInsert(token: string): Promise<void> {
    this.requireBase();
    const rec = this.inserts.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(this.lang, "undoUnknown"));
    const rows = `${rec.top}:${rec.top + rec.count - 1}`;
    await this.run(
      async (context) => {
        // --- sync 1: the rows still hold exactly what was inserted, and nothing else
        const ws = context.workbook.worksheets.getItem(rec.sheetId);
        ws.load("name,protection/protected");
        const used = ws.getRange(rows).getUsedRangeOrNullObject(true);
        used.load("address,values");
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        if (!used.isNullObject) {
          const r = parseAddress(stripSheet(used.address));
          const values = used.values;
          for (let i = 0; i < values.length; i++) {
            for (let j = 0; j < values[i].length; j++) {
              const row = r.top + i;
              const col = r.left + j;
              const inArea = col >= rec.area.left && col <= rec.area.right;
              const expected = inArea ? rec.written[row - rec.top]?.[col - rec.area.left] ?? null : null;
              if (!sameCellValue(fromOfficeValue(values[i][j]), expected)) {
                throw new HostError("conflict", hostMessage(this.lang, "undoEdited", { sheet: ws.name, rows }));
              }
            }
          }
        }
        const anyWritten = rec.written.some((line) => line.some((v) => v !== null));
        if (used.isNullObject && anyWritten) throw new HostError("conflict", hostMessage(this.lang, "undoEdited", { sheet: ws.name, rows }));
        // --- sync 2: delete the rows; merges grown over them shrink back
        ws.getRange(rows).delete("Up");
        await context.sync();
      },
      { sheet: rec.sheetName },
    );
    this.inserts.delete(token);
  }

  // ------------------------------------------------------------------------ new sheets

  /**
   * Two syncs: the sheet names (to choose a unique one), then one batch that adds the sheet, writes
   * values, number formats, merges, formats and column widths, activates it and reads the values back
   * (what Excel stored is what undo compares with).
   */
  async addSheet(request: AddSheetRequest): Promise<AddSheetResult> {
    this.requireBase();
    if (invalidRequest(request)) throw new HostError("invalid", hostMessage(this.lang, "newSheetInvalid"));
    const layout = layoutNewSheet(request);
    const area = `A1:${toA1(layout.rows, layout.cols)}`;
    const result = await this.run(async (context) => {
      // --- sync 1: the names in use
      const list = this.queueSheetList(context);
      await context.sync();
      const name = uniqueSheetName(request.sheet, this.adoptSheetList(list).map((x) => x.name));

      // --- sync 2: create and fill the sheet
      const ws = context.workbook.worksheets.add(name);
      const range = ws.getRange(area);
      range.values = layout.values.map((line) => line.map(toOfficeValue));
      range.numberFormat = layout.numberFormats;
      ExcelHost.queueLayoutFormats(ws, layout);
      for (const m of layout.merges) ws.getRange(`${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).merge(false);
      ws.activate();
      ws.load("id,name,position");
      range.load("values");
      await context.sync();
      const written = range.values.map((line) => line.map(fromOfficeValue));
      return { id: ws.id, name: ws.name, position: ws.position, written };
    });
    this.sheetCache = [...(this.sheetCache ?? []).filter((x) => x.id !== result.id), { id: result.id, name: result.name, visibility: "visible" as const, position: result.position }].sort(
      (a, b) => a.position - b.position,
    );
    const token = `excel-sheet-${++this.insertCounter}-${Date.now().toString(36)}`;
    this.added.set(token, { sheetId: result.id, name: result.name, written: result.written });
    return { sheet: result.name, range: layout.range, undoToken: token };
  }

  /** The formats of a new table, range by range (no reads). */
  private static queueLayoutFormats(ws: Excel.Worksheet, layout: SheetLayout): void {
    const at = (r: CellRange) => ws.getRange(`${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`);
    const all = at(layout.range).format;
    all.wrapText = true;
    all.verticalAlignment = "Center";
    if (layout.frame) {
      const frame = layout.frame;
      const borders = at(frame).format.borders;
      // inside borders only where the frame has an inside (a single row or column has none)
      const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (frame.bottom > frame.top) edges.push("InsideHorizontal");
      if (frame.right > frame.left) edges.push("InsideVertical");
      for (const edge of edges) {
        const b = borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
        b.color = LAYOUT_STYLE.borderColor;
      }
    }
    const row = (r: number) => at({ top: r, bottom: r, left: 1, right: layout.cols }).format;
    if (layout.titleRow) {
      const f = row(layout.titleRow);
      f.font.bold = true;
      f.font.size = LAYOUT_STYLE.titleFontSize;
      f.horizontalAlignment = "Center";
    }
    for (const r of layout.captionRows) row(r).horizontalAlignment = "Right";
    if (layout.headerRow) {
      const f = row(layout.headerRow);
      f.font.bold = true;
      f.horizontalAlignment = "Center";
      f.fill.color = LAYOUT_STYLE.headerFill;
    }
    layout.columnWidths.forEach((w, i) => {
      const col = columnLetters(i + 1);
      ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
    });
    at(layout.range).format.autofitRows();
  }

  /** Two syncs: check the sheet (values unchanged, not the last visible one), then delete it. */
  async removeAddedSheet(token: string, options: { force?: boolean } = {}): Promise<void> {
    this.requireBase();
    const rec = this.added.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(this.lang, "sheetUnknown"));
    try {
      await this.run(
        async (context) => {
          // --- sync 1: the sheet, its protection and values, and the other sheets' visibility
          const ws = context.workbook.worksheets.getItem(rec.sheetId);
          ws.load("name,protection/protected");
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("address,values");
          const list = this.queueSheetList(context);
          await context.sync();
          if (ws.protection.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
          if (!options.force) {
            const r = used.isNullObject ? null : parseAddress(stripSheet(used.address));
            const now = r ? { top: r.top, left: r.left, values: used.values.map((line) => line.map(fromOfficeValue)) } : null;
            if (!holdsOnlyWritten(now, rec.written)) throw new HostError("conflict", hostMessage(this.lang, "sheetEdited", { sheet: ws.name }), { sheets: [ws.name] });
          }
          const sheets = this.adoptSheetList(list);
          if (!sheets.some((x) => x.id !== rec.sheetId && x.visibility === "visible")) {
            throw new HostError("invalid", hostMessage(this.lang, "lastSheet", { sheet: ws.name }), { sheets: [ws.name] });
          }
          // --- sync 2: delete it
          ws.delete();
          await context.sync();
        },
        { sheet: rec.name },
      );
    } catch (e) {
      if (e instanceof HostError && e.code === "not-found") {
        this.added.delete(token);
        throw new HostError("not-found", hostMessage(this.lang, "sheetGone", { sheet: rec.name }), { sheets: [rec.name], ...(e.platformCode ? { platformCode: e.platformCode } : {}) });
      }
      throw e;
    }
    this.added.delete(token);
    if (this.sheetCache) this.sheetCache = this.sheetCache.filter((x) => x.id !== rec.sheetId);
  }

  // ------------------------------------------------------------------------ settings

  async loadSettings(): Promise<WorkbookSettings> {
    this.requireBase();
    return this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return parseWorkbookSettings(item.isNullObject ? null : item.value);
    });
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.requireBase();
    const clean = parseWorkbookSettings(JSON.parse(JSON.stringify(settings)) as unknown);
    await this.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, clean);
      await context.sync();
    });
  }

  // ------------------------------------------------------------------------ changes

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.batcher) {
      this.batcher = new ChangeBatcher((e) => this.listeners.forEach((l) => l(e)), this.options.debounceMs ?? 500, this.options.timers);
    }
    if (!this.registration) {
      this.registration = this.run(async (context) => {
        const result = context.workbook.worksheets.onChanged.add((args) => this.onWorksheetChanged(args));
        await context.sync();
        return result;
      }).catch((e: unknown) => {
        this.registration = null;
        this.options.onError?.(toHostError(e, this.lang));
        return null;
      });
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stop listening to Excel (removes the event handler) and drop pending notifications. */
  async dispose(): Promise<void> {
    this.listeners.clear();
    this.batcher?.dispose();
    this.batcher = null;
    const reg = this.registration ? await this.registration : null;
    this.registration = null;
    if (reg) {
      await this.api.run(reg.context, async (context) => {
        reg.remove();
        await context.sync();
      });
    }
  }

  private async onWorksheetChanged(args: Excel.WorksheetChangedEventArgs): Promise<void> {
    let entry = this.sheetCache?.find((s) => s.id === args.worksheetId);
    if (!entry) {
      try {
        entry = (await this.refreshSheets()).find((s) => s.id === args.worksheetId);
      } catch (e) {
        this.options.onError?.(toHostError(e, this.lang));
        return;
      }
    }
    if (!entry) return;
    let range: CellRange;
    try {
      range = parseAddress(stripSheet(args.address));
    } catch {
      range = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
    }
    this.batcher?.add(entry.name, range);
  }

  // ------------------------------------------------------------------------ helpers

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}

/** For tests and diagnostics: the A1 rectangle of an address such as "Sheet1!B2:F30". */
export function rangeOfAddress(address: string): CellRange {
  return parseRangeA1(stripSheet(address));
}

/** Queue loading the last used row of a sheet, by values and by anything (formats too). */
function usedBottoms(ws: Excel.Worksheet): { values: Excel.Range; any: Excel.Range } {
  const values = ws.getUsedRangeOrNullObject(true);
  const any = ws.getUsedRangeOrNullObject(false);
  values.load("address");
  any.load("address");
  return { values, any };
}

/** The rows read by usedBottoms after a sync: 0 for an empty sheet. */
function readBottoms(q: { values: Excel.Range; any: Excel.Range }): { values: number; any: number } {
  const bottom = (r: Excel.Range) => (r.isNullObject ? 0 : parseAddress(stripSheet(r.address)).bottom);
  return { values: bottom(q.values), any: bottom(q.any) };
}
