/**
 * Reading sheets (WorkbookHost.readSheets) in as few syncs as Excel allows.
 *
 *  - Every requested sheet's used range (values, numberFormat, address) and merged areas are queued
 *    together and fetched in ONE context.sync(). The sheet list needed to address them comes from the
 *    session's cache, re-verified inside that same sync; only a sheet added since costs one more.
 *  - Merged areas may make a batch fail on their own (more than 512 on a sheet): the values are then
 *    read again without them, and the merges in syncs of their own (merges.ts), so that a refusal of
 *    the merges never fails the read.
 *  - Reads are split only when a response would pass Excel's limits (5 MB on the web, 5M cells per
 *    get on every platform): sizes are remembered from earlier reads; after a refusal the used ranges
 *    are measured in one sync and the sheets batched again; a sheet too big alone is read in row blocks
 *    (readLarge.ts). Refusals are known by their codes, and where the code says nothing (a localized
 *    message), by measuring: sheets past the budgets are read the careful way.
 *  - Reads run with delayForCellEdit: a background re-check waits while the user types.
 */
import type { CellRange, Grid } from "../../core/grid";
import { HostError, type Progress, type SheetSelection } from "../types";
import { parseAddress, stripSheet } from "../shared/addresses";
import { hostMessage } from "../shared/messages";
import { causeOf, isFinalError, isTooLarge } from "./errors";
import { MergeReader, mergesFrom, plannedBands, queueMerges, rememberTops } from "./merges";
import { LargeSheetReader } from "./readLarge";
import { ExcelSession, StaleSheetList, toVisibility, type SheetEntry } from "./session";
import { fromOfficeFormat, fromOfficeValue, utf8Length } from "./values";

export const BYTES_PER_CELL_ESTIMATE = 24;
const SHEET_OVERHEAD_BYTES = 256;
const MAX_REBATCHES = 8;

/** One readSheets call: the grids read so far, and the sheets whose merges are still to read. */
interface ReadState {
  grids: Map<string, Grid>;
  /** merges queued with the values (false after a batch failed with them) */
  withMerges: boolean;
  mergesPending: SheetEntry[];
  done: number;
  total: number;
  progress?: Progress;
}

export class ExcelReader {
  private readonly merges: MergeReader;
  private readonly large: LargeSheetReader;
  private readonly maxResponseBytes: number;
  private readonly maxCellsPerSync: number;

  constructor(private readonly session: ExcelSession) {
    this.merges = new MergeReader(session);
    this.large = new LargeSheetReader(session, this.merges);
    this.maxResponseBytes = session.options.maxResponseBytes ?? 4_000_000;
    this.maxCellsPerSync = session.options.maxCellsPerSync ?? 2_000_000;
  }

  async readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    this.session.requireBase();
    this.session.readWarnings = [];
    if (selection.kind === "active") return this.readActive(progress);
    return this.readMany(selection, progress);
  }

  /** Queue a sheet's used range and (unless left for later) its merged areas. */
  private queueRead(ws: Excel.Worksheet, entry: SheetEntry | undefined, withMerges: boolean): { used: Excel.Range; merged: Excel.RangeAreas[] | null } {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat");
    const merged = withMerges && this.session.mergesSupported ? queueMerges(ws, plannedBands(entry)) : null;
    return { used, merged };
  }

  /** A loaded used range as a grid; null when Excel answered without cells (past its limits). */
  private gridFrom(name: string, hidden: boolean, used: Excel.Range, merged: Excel.RangeAreas[] | null): { grid: Grid | null; bytes: number; cells: number; merges?: CellRange[] } {
    const merges = merged ? mergesFrom(merged) : undefined;
    const base = { sheet: name, hidden, ...(merges ? { merges } : {}) };
    if (used.isNullObject) return { grid: { ...base, origin: { row: 1, col: 1 }, cells: [], numberFormats: [] }, bytes: 0, cells: 0, merges };
    const r = parseAddress(stripSheet(used.address));
    const values = used.values;
    const formats = used.numberFormat;
    const cellCount = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    // null values: a range past 5M cells or over whole rows/columns; the caller reads it in blocks
    if (!Array.isArray(values) || !Array.isArray(formats)) return { grid: null, bytes: 0, cells: cellCount, merges };
    const cells = values.map((line) => line.map(fromOfficeValue));
    const numberFormats = formats.map((line) => line.map(fromOfficeFormat));
    const mergeBytes = merged ? merged.reduce((n, a) => n + (a.isNullObject ? 0 : utf8Length(a.address)), 0) : 0;
    // what this sheet costs in a response: both arrays, the addresses, and a little framing
    const bytes = utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats)) + utf8Length(used.address) + mergeBytes + SHEET_OVERHEAD_BYTES;
    return { grid: { ...base, origin: { row: r.top, col: r.left }, cells, numberFormats }, bytes, cells: cellCount, merges };
  }

  /** The active sheet in one sync; any refusal falls back to the careful path for that sheet. */
  private async readActive(progress?: Progress): Promise<Grid[]> {
    progress?.("reading", 0, 1);
    let refusal: unknown = null;
    try {
      const grid = await this.session.run(
        async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.load("id,name,visibility,position");
          const { used, merged } = this.queueRead(ws, undefined, true);
          await context.sync();
          const out = this.gridFrom(ws.name, ws.visibility !== "Visible", used, merged);
          this.session.remember(ws.id, out.bytes, out.cells);
          if (out.merges) rememberTops(this.session.entryById(ws.id), out.merges);
          return out.grid;
        },
        { wait: true },
      );
      if (grid) {
        progress?.("reading", 1, 1);
        return [grid];
      }
    } catch (e) {
      if (!(e instanceof HostError) || isFinalError(causeOf(e))) throw e;
      refusal = causeOf(e);
    }
    const entry = await this.session.run(
      async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("id,name,visibility,position");
        await context.sync();
        return this.session.entryById(ws.id) ?? { id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), position: ws.position };
      },
      { wait: true },
    );
    // too big for one response, or answered without cells: row blocks
    if (refusal === null || isTooLarge(refusal)) return this.large.read([entry], progress);
    // refused for another reason (the merged areas): values alone, then the merges apart
    const state: ReadState = { grids: new Map(), withMerges: false, mergesPending: [], done: 0, total: 1, progress };
    await this.readEntries([entry], false, state);
    const grid = state.grids.get(entry.id);
    return grid ? [grid] : [];
  }

  private async readMany(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    const names = selection.kind === "named" ? selection.names : [];
    const s = this.session;
    return s.withSheets(async (cached) => {
      let wanted: SheetEntry[];
      if (selection.kind === "named") {
        let sheets = cached;
        if (names.some((n) => !s.entryByName(sheets, n))) sheets = await s.refreshSheets();
        const missing = names.filter((n) => !s.entryByName(sheets, n));
        if (missing.length) throw new HostError("not-found", hostMessage(s.lang, "sheetNotFound", { sheet: missing.join("”, “") }), { sheets: missing });
        wanted = names.map((n) => s.entryByName(sheets, n) as SheetEntry);
        wanted = wanted.filter((e, i) => wanted.indexOf(e) === i);
      } else {
        wanted = [...cached];
      }
      const state: ReadState = { grids: new Map(), withMerges: true, mergesPending: [], done: 0, total: wanted.length, progress };
      progress?.("reading", 0, state.total);
      const fresh = await this.readEntries(wanted, true, state);
      if (!fresh) return wanted.map((e) => state.grids.get(e.id)).filter((g): g is Grid => !!g);
      // sheets added (or renamed to a requested name) since the cache was filled
      const pick = (list: SheetEntry[]) => names.map((n) => s.entryByName(list, n)).filter((e): e is SheetEntry => !!e);
      const extra = (selection.kind === "all" ? fresh : pick(fresh)).filter((e) => !state.grids.has(e.id));
      if (extra.length) {
        state.total += extra.length;
        await this.readEntries(extra, false, state);
      }
      const order = selection.kind === "all" ? fresh : pick(fresh);
      return order.map((e) => state.grids.get(e.id)).filter((g): g is Grid => !!g);
    });
  }

  /** One sync: the batch's sheets (and the sheet list, when `verify`). */
  private async readBatch(batch: SheetEntry[], verify: boolean, state: ReadState): Promise<SheetEntry[] | null> {
    const s = this.session;
    const withMerges = state.withMerges;
    return s.run(
      async (context) => {
        const list = verify ? s.queueSheetList(context) : null;
        const pending = batch.map((entry) => {
          const ws = context.workbook.worksheets.getItem(entry.id);
          ws.load("name,visibility");
          return { entry, ws, ...this.queueRead(ws, entry, withMerges) };
        });
        await context.sync().catch((e: unknown) => {
          throw ExcelSession.staleOr(e);
        });
        for (const p of pending) {
          const out = this.gridFrom(p.ws.name, p.ws.visibility !== "Visible", p.used, p.merged);
          p.entry.name = p.ws.name;
          p.entry.cells = out.cells;
          if (out.merges) rememberTops(p.entry, out.merges);
          if (!out.grid) continue; // no cells in the answer: read later in blocks
          s.remember(p.entry.id, out.bytes, out.cells);
          p.entry.bytes = out.bytes;
          state.grids.set(p.entry.id, out.grid);
          if (!p.merged && s.mergesSupported) state.mergesPending.push(p.entry);
          state.progress?.("reading", ++state.done, state.total);
        }
        return list ? s.adoptSheetList(list) : null;
      },
      { wait: true },
    );
  }

  private estimate(e: SheetEntry): number {
    if (e.bytes !== undefined) return e.bytes;
    if (e.cells !== undefined) return e.cells * BYTES_PER_CELL_ESTIMATE;
    return 0;
  }

  private tooBig(e: SheetEntry, budget: number): boolean {
    return this.estimate(e) > budget || (e.cells ?? 0) > this.maxCellsPerSync;
  }

  /** Group sheets so that each sync stays within the budgets; sheets too big alone are left out. */
  private batchesWithin(entries: readonly SheetEntry[], budget: number): SheetEntry[][] {
    const batches: SheetEntry[][] = [];
    let current: SheetEntry[] = [];
    let bytes = 0;
    let cells = 0;
    for (const e of entries) {
      if (this.tooBig(e, budget)) continue;
      const b = this.estimate(e);
      const c = e.cells ?? 0;
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
    return batches;
  }

  /**
   * Read sheets in as few syncs as the budgets allow: all in one when sizes are unknown or small.
   * After a refusal: first without merges (if they were queued), then measured and batched again,
   * halving the budget if Excel still refuses. Sheets too big for one response, and sheets Excel
   * answered without cells, are read in row blocks; merges left out are read last. Returns the
   * verified sheet list when `verify` asked for it.
   */
  private async readEntries(entries: SheetEntry[], verify: boolean, state: ReadState): Promise<SheetEntry[] | null> {
    let fresh: SheetEntry[] | null = null;
    let budget = this.maxResponseBytes;
    let measured = false;
    for (let attempt = 0; ; attempt++) {
      const todo = entries.filter((e) => !state.grids.has(e.id));
      let failed: SheetEntry[] = [];
      try {
        for (const batch of this.batchesWithin(todo, budget)) {
          if (!batch.length && !(verify && !fresh)) continue;
          failed = batch;
          const result = await this.readBatch(batch, verify && !fresh, state);
          if (result) fresh = result;
        }
        break;
      } catch (e) {
        if (e instanceof StaleSheetList || !(e instanceof HostError) || attempt >= MAX_REBATCHES) throw e;
        const cause = causeOf(e);
        if (isFinalError(cause)) throw e;
        if (state.withMerges && this.session.mergesSupported && !isTooLarge(cause)) {
          state.withMerges = false; // the same sheets again, merges in syncs of their own
          continue;
        }
        if (!measured) {
          measured = true;
          await this.measure(todo);
          // a refusal whose code says nothing: a size problem only if something is past the budgets
          if (!isTooLarge(cause) && !todo.some((x) => this.tooBig(x, budget))) throw e;
        }
        // what failed together was too much: aim at half of it
        const failedSize = failed.reduce((n, x) => n + this.estimate(x), 0);
        budget = failedSize > 0 ? Math.min(budget, failedSize / 2) : budget / 2;
      }
    }
    const left = entries.filter((e) => !state.grids.has(e.id));
    if (left.length) {
      const read = await this.large.read(left, state.progress);
      left.forEach((entry, i) => state.grids.set(entry.id, read[i]));
    }
    await this.readPendingMerges(state);
    return fresh;
  }

  /** Merged areas of sheets whose values were read without them. */
  private async readPendingMerges(state: ReadState): Promise<void> {
    const pending = state.mergesPending.splice(0);
    if (!pending.length) return;
    const targets = pending.map((entry) => {
      const g = state.grids.get(entry.id);
      const used = g && g.cells.length ? { top: g.origin.row, bottom: g.origin.row + g.cells.length - 1 } : null;
      return { key: entry.id, entry, used };
    });
    const merges = await this.merges.read(targets, 2);
    pending.forEach((entry, i) => {
      const g = state.grids.get(entry.id);
      if (!g) return;
      const m = merges[i];
      if (m) g.merges = m;
      else this.session.readWarnings.push(hostMessage(this.session.lang, "mergesUnread", { sheet: g.sheet }));
    });
  }

  /** One sync: the used-range size of each sheet (no values). */
  private async measure(entries: SheetEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.session.run(
      async (context) => {
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
      },
      { wait: true },
    );
  }
}
