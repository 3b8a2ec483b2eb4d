/**
 * What every part of the Excel host shares: the Office.js entry point, the options, the sheet list
 * cache (so that reading any number of sheets is one sync), and Excel.run with errors turned into
 * HostErrors and, for background-safe work, `delayForCellEdit`.
 */
import type { SheetInfo } from "../types";
import { HostError } from "../types";
import { hostMessage } from "../shared/messages";
import type { Lang } from "../../core/i18n";
import { MERGES_EXCEL_API, MIN_EXCEL_API, type ExcelHostOptions, type OfficeApi } from "./api";
import { isItemNotFound, toHostError } from "./errors";

export interface SheetEntry {
  id: string;
  name: string;
  visibility: SheetInfo["visibility"];
  position: number;
  /** measured JSON size of values + numberFormat at the last read */
  bytes?: number;
  /** rows x columns of the used range, when known */
  cells?: number;
  /** top rows of the sheet's merged areas at the last read, when there are many (planning merge bands) */
  mergeTops?: number[];
}

/** Thrown inside a batch when a cached sheet id no longer exists: refresh the list and retry once. */
export class StaleSheetList extends Error {}

/** How a batch runs. */
export interface RunHow {
  /** the sheet the batch is about, for messages */
  sheet?: string;
  /** safe to hold while the user edits a cell: run with delayForCellEdit */
  wait?: boolean;
}

/** Office's "Visible" | "Hidden" | "VeryHidden" -> SheetInfo's spelling. */
export function toVisibility(v: string): SheetInfo["visibility"] {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

export class ExcelSession {
  readonly lang: Lang;
  /** whether this Excel can read merged areas */
  readonly mergesSupported: boolean;
  sheetCache: SheetEntry[] | null = null;
  /** messages about the last readSheets (a sheet read only in part), in the host's language */
  readWarnings: string[] = [];

  constructor(
    readonly api: OfficeApi,
    readonly options: ExcelHostOptions = {},
  ) {
    this.lang = options.lang ?? "zh";
    this.mergesSupported = api.isSetSupported("ExcelApi", MERGES_EXCEL_API);
  }

  requireBase(): void {
    if (!this.api.isSetSupported("ExcelApi", MIN_EXCEL_API)) {
      throw new HostError("requirement", hostMessage(this.lang, "requirement", { set: "ExcelApi", version: MIN_EXCEL_API }));
    }
  }

  /** Excel.run with errors turned into HostErrors (StaleSheetList passes through for withSheets). */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, how: RunHow = {}): Promise<T> {
    try {
      if (how.wait && this.options.waitForCellEdit !== false) return await this.api.run({ delayForCellEdit: true }, batch);
      return await this.api.run(batch);
    } catch (e) {
      if (e instanceof StaleSheetList) throw e;
      throw toHostError(e, this.lang, how.sheet ? { sheet: how.sheet } : {});
    }
  }

  /** Run an operation that addresses cached sheet ids; if one vanished, refresh the list and retry once. */
  async withSheets<T>(op: (sheets: SheetEntry[]) => Promise<T>): Promise<T> {
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
  static staleOr(e: unknown): unknown {
    return isItemNotFound(e) ? new StaleSheetList() : e;
  }

  queueSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
    const list = context.workbook.worksheets;
    list.load("items/id,items/name,items/visibility,items/position");
    return list;
  }

  /** Replace the cache from a loaded worksheet collection, keeping remembered sizes. */
  adoptSheetList(list: Excel.WorksheetCollection): SheetEntry[] {
    const old = new Map((this.sheetCache ?? []).map((s) => [s.id, s]));
    const fresh = list.items
      .map((ws) => {
        const prev = old.get(ws.id);
        const entry: SheetEntry = { id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), position: ws.position };
        if (prev?.bytes !== undefined) entry.bytes = prev.bytes;
        if (prev?.cells !== undefined) entry.cells = prev.cells;
        if (prev?.mergeTops !== undefined) entry.mergeTops = prev.mergeTops;
        return entry;
      })
      .sort((a, b) => a.position - b.position);
    this.sheetCache = fresh;
    return fresh;
  }

  async refreshSheets(): Promise<SheetEntry[]> {
    return this.run(
      async (context) => {
        const list = this.queueSheetList(context);
        await context.sync();
        return this.adoptSheetList(list);
      },
      { wait: true },
    );
  }

  entryByName(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
    return sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  entryById(id: string): SheetEntry | undefined {
    return this.sheetCache?.find((s) => s.id === id);
  }

  /** The cached entry of a sheet id, refreshing the list once when it is unknown (a sheet added since). */
  async entryFor(id: string): Promise<SheetEntry | undefined> {
    return this.entryById(id) ?? (await this.refreshSheets()).find((s) => s.id === id);
  }

  remember(id: string, bytes: number, cells: number): void {
    const e = this.entryById(id);
    if (e) {
      e.bytes = bytes;
      e.cells = cells;
    }
  }

  now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
