/**
 * A fake of the Office.js Excel object model, faithful where Jixiao depends on it, and as strict as
 * Microsoft's documents say Excel is: see ./excelBehaviours.ts for each documented behaviour and its
 * source (all on by default; a test may switch one off). In short: merged areas only by their
 * top-left cell and never more than 512, 5M-cell gets refused (or answered with null values) on every
 * platform, 5 MB payloads on the web only, strings parsed as if typed, null leaving a cell alone,
 * batches refused in cell-edit mode unless delayed, proxies bound to their request context.
 *
 *  - proxies: every object is a proxy; methods and property writes are queued, nothing touches the
 *    workbook until `context.sync()`; properties are unreadable until `load` + `sync` (they throw
 *    PropertyNotLoaded like Office.js); `isNullObject` likewise.
 *  - queued commands run in order on sync and stop at the first failure (earlier ones stay applied,
 *    as in Excel); `getItem` of a missing sheet fails with ItemNotFound, `*OrNullObject` gives null
 *    objects; writes on a protected sheet fail with AccessDenied; changing part of a merged area
 *    fails with InvalidOperation.
 *  - every sync is counted and its request and response payloads measured (JSON bytes); payloads
 *    past the limits fail like Excel on the web (5 MB) before or after running.
 *  - worksheets (add, delete), ranges, used ranges, RangeAreas, merges, copyFrom formats, insert/delete rows,
 *    cell formats (number formats, wrap, alignment, font, fill, borders, column widths),
 *    conditional formats (add/getItem/delete/custom rule and fill), settings, protection,
 *    activate/select, worksheets.onChanged events, requirement sets.
 *
 * The document behind it is a MemoryWorkbook (src/host/memory), so tests compare snapshots.
 */
import { qualifiedAddress, type CellRange, type CellValue } from "../../src/core/grid";
import {
  MAX_COLS,
  MAX_ROWS,
  MemoryWorkbook,
  formatAddress,
  keyCol,
  keyRow,
  parseAddress,
  rangesIntersect,
  type BorderModel,
  type CellStyle,
  type ConditionalFormatModel,
  type ConditionalFormatType,
  type MemorySheet,
} from "../../src/host/memory/workbook";
import { pointsToChars } from "../../src/host/shared/newSheet";
import type { OfficeApi } from "../../src/host/excel/host";
import { DOCUMENTED_BEHAVIOURS, WEB_PAYLOAD_LIMIT_BYTES, parseTyped, type ExcelBehaviours, type FakePlatform } from "./excelBehaviours";

export { DOCUMENTED_BEHAVIOURS, type ExcelBehaviours, type FakePlatform } from "./excelBehaviours";

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface SyncRecord {
  /** JSON bytes of the queued commands */
  requestBytes: number;
  /** JSON bytes of the loaded data */
  responseBytes: number;
  /** number of queued commands */
  ops: number;
  /** command names, for debugging */
  names: string[];
  /** the error code when the sync failed */
  failed?: string;
}

export interface FakeExcelOptions {
  /** requirement sets and their highest supported version; default ExcelApi 1.17 */
  requirementSets?: Record<string, string>;
  /** which Excel: payload limits apply on the web only (excelBehaviours [payload-web]); default "web" */
  platform?: FakePlatform;
  /** request / response payload limits on the web (default 5 MB each) */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /** cells one get may return (Excel: 5M); shorthand for behaviours.cellLimit.cells */
  maxCellsPerGet?: number;
  autoSave?: boolean;
  /** documented behaviours to switch off or tune (all on by default) */
  behaviours?: Partial<ExcelBehaviours>;
}

interface Op {
  name: string;
  desc: unknown;
  exec: () => unknown;
}

type EventHandler = (args: Record<string, unknown>) => Promise<unknown> | void;

export class FakeExcel {
  readonly workbook: MemoryWorkbook;
  readonly syncs: SyncRecord[] = [];
  readonly options: Required<Omit<FakeExcelOptions, "requirementSets" | "behaviours" | "maxCellsPerGet">> & { requirementSets: Record<string, string> };
  readonly behaviours: ExcelBehaviours;
  /** handlers registered through worksheets.onChanged */
  readonly changeHandlers = new Set<EventHandler>();
  /** handlers registered through worksheets.onSelectionChanged */
  readonly selectionHandlers = new Set<EventHandler>();
  /** run options of every Excel.run, in order (to check which batches asked for delayForCellEdit) */
  readonly runs: { delayForCellEdit: boolean }[] = [];
  /** make a coming sync fail: `sync` counts from 1 at the next sync; after `afterOps` commands ran */
  private failure: { sync: number; afterOps: number; code: string } | null = null;
  private pendingEvents: Promise<unknown>[] = [];
  /** [cell-edit] the user is editing a cell; delayed batches wait for `endCellEdit()` */
  private editing: { done: Promise<void>; end: () => void } | null = null;

  constructor(workbook: MemoryWorkbook = new MemoryWorkbook(), options: FakeExcelOptions = {}) {
    this.workbook = workbook;
    this.options = {
      requirementSets: options.requirementSets ?? { ExcelApi: "1.17" },
      platform: options.platform ?? "web",
      maxRequestBytes: options.maxRequestBytes ?? WEB_PAYLOAD_LIMIT_BYTES,
      maxResponseBytes: options.maxResponseBytes ?? WEB_PAYLOAD_LIMIT_BYTES,
      autoSave: options.autoSave ?? false,
    };
    const behaviours: ExcelBehaviours = { ...DOCUMENTED_BEHAVIOURS, ...options.behaviours };
    if (options.maxCellsPerGet !== undefined) behaviours.cellLimit = { answer: behaviours.cellLimit?.answer ?? "error", cells: options.maxCellsPerGet };
    this.behaviours = behaviours;
    workbook.onChange((c) => {
      if (this.changeHandlers.size === 0) return;
      const args = {
        type: "WorksheetChanged",
        worksheetId: c.sheetId,
        address: formatAddress(c.range),
        changeType: c.kind === "values" ? "RangeEdited" : c.kind === "rows-inserted" ? "RowInserted" : "RowDeleted",
        source: "Local",
        triggerSource: c.source === "host" ? "ThisLocalAddin" : "Unknown",
      };
      for (const h of [...this.changeHandlers]) {
        this.pendingEvents.push(Promise.resolve().then(() => h(args)));
      }
    });
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetCounters(): void {
    this.syncs.length = 0;
  }

  failOn(sync: number, afterOps: number, code = "GeneralException"): void {
    this.failure = { sync, afterOps, code };
  }

  /** Wait until event handlers triggered so far have run. */
  async flushEvents(): Promise<void> {
    while (this.pendingEvents.length) {
      const p = this.pendingEvents.splice(0);
      await Promise.all(p);
    }
  }

  isSetSupported(name: string, version: string): boolean {
    const have = this.options.requirementSets[name];
    if (!have) return false;
    const [a1, a2 = 0] = have.split(".").map(Number);
    const [b1, b2 = 0] = version.split(".").map(Number);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  }

  /**
   * Excel.run: `run(batch)`, `run(options, batch)` (RunOptions: delayForCellEdit), `run(context, batch)`
   * or `run(object(s), batch)` (resume the objects' context). Pending commands are synced at the end,
   * as Office.js does; afterwards the context is closed ([context-bound]) until resumed.
   */
  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
    let ctx: FakeContext;
    const first = Array.isArray(a) ? (a[0] as unknown) : a;
    if (first instanceof FakeContext) ctx = first;
    else if (first instanceof FakeProxy || first instanceof FakeEventHandlerResult) ctx = first.context;
    else {
      const options = typeof a === "object" && a !== null ? (a as { delayForCellEdit?: unknown }) : {};
      ctx = new FakeContext(this, options.delayForCellEdit === true);
    }
    this.runs.push({ delayForCellEdit: ctx.delayForCellEdit });
    const wasOpen = ctx.open;
    ctx.open = true;
    try {
      const result = await batch(ctx);
      if (ctx.pending()) await ctx.sync();
      return result;
    } finally {
      ctx.open = wasOpen;
    }
  };

  /** [cell-edit] The user starts editing a cell (F2, or typing): batches now fail or wait. */
  startCellEdit(): void {
    if (this.editing) return;
    let end = () => undefined as void;
    const done = new Promise<void>((resolve) => {
      end = resolve;
    });
    this.editing = { done, end };
  }

  /** [cell-edit] The user presses Enter or Esc: delayed batches run. */
  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.end();
  }

  get inCellEdit(): boolean {
    return this.editing !== null;
  }

  /** Simulate a person selecting cells ([selection-event]). */
  userSelect(sheet: string, a1: string): void {
    const s = this.workbook.requireSheet(sheet);
    this.workbook.select(s.id, parseAddress(a1));
    this.emitSelection(s.id);
  }

  /** @internal raise worksheets.onSelectionChanged for the current selection */
  emitSelection(sheetId: string): void {
    if (this.selectionHandlers.size === 0) return;
    const sel = this.workbook.view().selection;
    const args = { type: "WorksheetSelectionChanged", worksheetId: sheetId, address: sel?.address ?? "A1" };
    for (const h of [...this.selectionHandlers]) this.pendingEvents.push(Promise.resolve().then(() => h(args)));
  }

  api(): OfficeApi {
    return { run: this.run as unknown as OfficeApi["run"], isSetSupported: (n, v) => this.isSetSupported(n, v) };
  }

  /** Simulate a person typing into a cell. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    const s = this.workbook.requireSheet(sheet);
    const r = parseAddress(a1);
    this.workbook.setValues(s, r.top, r.left, [[value]], "user");
  }

  /** @internal run a context's queue */
  async executeSync(ctx: FakeContext, ops: Op[]): Promise<void> {
    try {
      if (this.editing) {
        // [cell-edit] refused, or held until the user leaves the cell
        if (!ctx.delayForCellEdit) {
          this.syncs.push({ requestBytes: 0, responseBytes: 0, ops: ops.length, names: ops.map((o) => o.name) });
          throw new FakeOfficeError(
            this.behaviours.cellEditErrorCode,
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
          );
        }
        while (this.editing) await this.editing.done;
      }
      await this.executeOps(ops);
    } catch (e) {
      const last = this.syncs[this.syncs.length - 1];
      if (last) last.failed = e instanceof FakeOfficeError ? e.code : "Error";
      throw e;
    }
    void ctx;
  }

  private async executeOps(ops: Op[]): Promise<void> {
    const requestBytes = Buffer.byteLength(JSON.stringify(ops.map((o) => o.desc)));
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length, names: ops.map((o) => o.name) };
    this.syncs.push(record);
    await Promise.resolve(); // a round trip is asynchronous
    const web = this.options.platform === "web"; // [payload-web]
    if (web && requestBytes > this.options.maxRequestBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    let fail: { afterOps: number; code: string } | null = null;
    if (this.failure) {
      this.failure.sync -= 1;
      if (this.failure.sync <= 0) {
        fail = this.failure;
        this.failure = null;
      }
    }
    const responses: unknown[] = [];
    ops.forEach((op, i) => {
      if (fail && i >= fail.afterOps) throw new FakeOfficeError(fail.code, `Injected failure after ${fail.afterOps} commands.`);
      const r = op.exec();
      if (r !== undefined) responses.push(r);
    });
    if (fail) throw new FakeOfficeError(fail.code, `Injected failure after ${fail.afterOps} commands.`);
    record.responseBytes = Buffer.byteLength(JSON.stringify(responses));
    if (web && record.responseBytes > this.options.maxResponseBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }
}

// ---------------------------------------------------------------------------------- context

let proxyIds = 0;

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  /** inside its Excel.run batch (or resumed by Excel.run(context | object, …)) */
  open = false;
  constructor(
    readonly fake: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  pending(): boolean {
    return this.queue.length > 0;
  }
  enqueue(name: string, desc: unknown, exec: () => unknown): void {
    // [context-bound] an object used after its batch ended, without resuming its context
    if (!this.open && this.fake.behaviours.contextBound) {
      throw new FakeOfficeError("InvalidObjectPath", `The object path '${name}' isn't working for what you're trying to do: its request context has ended (use Excel.run(object, …) or track()).`);
    }
    this.queue.push({ name, desc, exec });
  }
  /** [context-bound] an object of another request context given as an argument */
  checkSameContext(other: { context: FakeContext }): void {
    if (other.context !== this && this.fake.behaviours.contextBound) {
      throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
    }
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.fake.executeSync(this, ops);
  }
  get wb(): MemoryWorkbook {
    return this.fake.workbook;
  }
}

// ---------------------------------------------------------------------------------- proxies

abstract class FakeProxy<E> {
  readonly _id = ++proxyIds;
  protected _entity: E | null | undefined;
  protected readonly _loaded = new Map<string, unknown>();
  private _nullKnown: boolean | undefined;
  private readonly _navs = new Map<string, FakeProxy<unknown>>();

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => E | null,
    /** queue a command that resolves the object (method results); navigation properties resolve lazily */
    queued: { name: string; args?: unknown[] } | null,
  ) {
    if (queued) {
      context.enqueue(queued.name, { o: this._id, m: queued.name, a: queued.args ?? [] }, () => {
        this._entity = this.resolver();
        this._nullKnown = this._entity === null;
        return undefined;
      });
    }
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) throw notLoaded("isNullObject");
    return this._nullKnown;
  }

  /** the entity for a command; throws for null objects */
  _e(): E {
    if (this._entity === undefined) {
      this._entity = this.resolver();
      this._nullKnown = this._entity === null;
    }
    if (this._entity === null) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid: the object is a null object.");
    return this._entity;
  }

  _tryE(): E | null {
    if (this._entity === undefined) {
      this._entity = this.resolver();
      this._nullKnown = this._entity === null;
    }
    return this._entity;
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as T;
  }

  protected _nav<P extends FakeProxy<unknown>>(name: string, make: () => P): P {
    let p = this._navs.get(name);
    if (!p) {
      p = make();
      this._navs.set(name, p);
    }
    return p as P;
  }

  /** scalar property value read from the entity during sync */
  protected abstract _scalar(name: string, e: E): unknown;
  /** navigation property by name, for load paths */
  protected _navByName(name: string): FakeProxy<unknown> | undefined {
    void name;
    return undefined;
  }

  /** load now (during sync) along a path; returns the data loaded */
  _loadPath(path: string[]): unknown {
    const [head, ...rest] = path;
    const e = this._tryE();
    if (e === null) return null;
    const nav = this._navByName(head);
    if (nav) {
      if (rest.length === 0) throw new FakeOfficeError("InvalidArgument", `load("${head}") names a navigation property; load its properties instead.`);
      return { [head]: nav._loadPath(rest) };
    }
    if (rest.length) throw new FakeOfficeError("InvalidArgument", `${head} is not a navigation property`);
    const v = this._scalar(head, e);
    this._loaded.set(head, v);
    return { [head]: v };
  }

  load(spec?: string | string[] | { select?: string }): this {
    const text = Array.isArray(spec) ? spec.join(",") : typeof spec === "string" ? spec : (spec?.select ?? "");
    const paths = text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split("/"));
    if (!paths.length) throw new Error("fake: empty load() is not supported (load named properties)");
    this.context.enqueue("load", { o: this._id, load: text }, () => {
      const e = this._tryE();
      if (e === null) return { isNullObject: true };
      return this._loadPaths(paths);
    });
    return this;
  }

  /** load several paths now; collections override this to make their items once */
  _loadPaths(paths: string[][]): unknown {
    return paths.map((p) => this._loadPath(p));
  }

  /** a write command on this object */
  protected _command(name: string, args: unknown[], exec: (e: E) => void): void {
    this.context.enqueue(name, { o: this._id, m: name, a: args }, () => {
      exec(this._e());
      return undefined;
    });
  }
}

/** "items/a", "items/b/c" -> [["a"], ["b", "c"]]; collections only load through their items. */
function itemPaths(paths: string[][], what: string): string[][] {
  return paths.map((p) => {
    if (p[0] !== "items") throw new FakeOfficeError("InvalidArgument", `${what} has no property ${p[0]}`);
    return p.slice(1);
  }).filter((p) => p.length > 0);
}

function guardProtected(sheet: MemorySheet): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation: the sheet is protected.");
}

function sheetOf(wb: MemoryWorkbook, id: string): MemorySheet {
  const s = wb.sheetById(id);
  if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
  return s;
}

function wrapModelError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FakeOfficeError) throw e;
    throw new FakeOfficeError("InvalidOperation", (e as Error).message);
  }
}

function officeVisibility(v: string): string {
  return v === "hidden" ? "Hidden" : v === "veryHidden" ? "VeryHidden" : "Visible";
}

function isUnbounded(r: CellRange): boolean {
  return (r.left === 1 && r.right === MAX_COLS) || (r.top === 1 && r.bottom === MAX_ROWS);
}

// ---------------------------------------------------------------------------------- workbook

class FakeWorkbook extends FakeProxy<MemoryWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, null);
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  get settings(): FakeSettingCollection {
    return this._nav("settings", () => new FakeSettingCollection(this.context));
  }
  get autoSave(): boolean {
    return this._get("autoSave");
  }
  get name(): string {
    return this._get("name");
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "settings") return this.settings;
    return undefined;
  }
  protected _scalar(name: string): unknown {
    if (name === "autoSave") return this.context.fake.options.autoSave;
    if (name === "name") return "Book1.xlsx";
    throw new FakeOfficeError("InvalidArgument", `Workbook has no property ${name}`);
  }
}

// ---------------------------------------------------------------------------------- worksheets

class FakeWorksheetCollection extends FakeProxy<MemoryWorkbook> {
  private _items: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, null);
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override _loadPaths(paths: string[][]): unknown {
    const rest = itemPaths(paths, "WorksheetCollection");
    const items = this.context.wb.sheets.map((s) => new FakeWorksheet(this.context, s.id, null));
    this._items = items;
    return items.map((ws) => (rest.length ? ws._loadPaths(rest) : null));
  }
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `WorksheetCollection has no property ${name}`);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const a = this.context.wb.activeSheet;
        if (!a) throw new FakeOfficeError("ItemNotFound", "There is no active worksheet.");
        return a.id;
      },
      { name: "getActiveWorksheet" },
    );
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.wb.sheet(key);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${key}.`);
        return s.id;
      },
      { name: "getItem", args: [key] },
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.wb.sheet(key)?.id ?? null, { name: "getItemOrNullObject", args: [key] });
  }
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const wb = this.context.wb;
        let n = name;
        if (n === undefined) for (let i = wb.sheets.length + 1; !n || wb.sheetByName(n); i++) n = `Sheet${i}`;
        if (!n || n.length > 31 || /[:\\/?*[\]]/.test(n) || /^'|'$/.test(n)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${n}`);
        if (wb.sheetByName(n)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${n}`);
        return wb.addSheet(n).id;
      },
      { name: "worksheets.add", args: [name ?? null] },
    );
  }
  get onChanged(): { add(handler: EventHandler): FakeEventHandlerResult } {
    return this.eventHandlers("onChanged", this.context.fake.changeHandlers);
  }
  /** [selection-event] ExcelApi 1.9 */
  get onSelectionChanged(): { add(handler: EventHandler): FakeEventHandlerResult } {
    if (!this.context.fake.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "worksheets.onSelectionChanged needs ExcelApi 1.9");
    return this.eventHandlers("onSelectionChanged", this.context.fake.selectionHandlers);
  }
  private eventHandlers(name: string, set: Set<EventHandler>): { add(handler: EventHandler): FakeEventHandlerResult } {
    return {
      add: (handler: EventHandler) => {
        const result = new FakeEventHandlerResult(this.context, handler, name, set);
        this.context.enqueue(`${name}.add`, { m: `${name}.add` }, () => {
          set.add(handler);
          return undefined;
        });
        return result;
      },
    };
  }
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeContext,
    private readonly handler: EventHandler,
    private readonly name: string,
    private readonly set: Set<EventHandler>,
  ) {}
  remove(): void {
    this.context.enqueue(`${this.name}.remove`, { m: `${this.name}.remove` }, () => {
      this.set.delete(this.handler);
      return undefined;
    });
  }
}

class FakeWorksheet extends FakeProxy<string> {
  constructor(ctx: FakeContext, idOrResolver: string | (() => string | null), queued: { name: string; args?: unknown[] } | null) {
    super(ctx, typeof idOrResolver === "string" ? () => idOrResolver : idOrResolver, queued);
    if (typeof idOrResolver === "string") this._entity = idOrResolver;
  }
  get sheetId(): string | undefined {
    return this._entity ?? undefined;
  }
  private sheet(): MemorySheet {
    return sheetOf(this.context.wb, this._e());
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get position(): number {
    return this._get("position");
  }
  get protection(): FakeProtection {
    return this._nav("protection", () => new FakeProtection(this.context, () => this.sheet().id, null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    return name === "protection" ? this.protection : undefined;
  }
  protected _scalar(name: string, id: string): unknown {
    const s = sheetOf(this.context.wb, id);
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "visibility":
        return officeVisibility(s.visibility);
      case "position":
        return this.context.wb.sheets.indexOf(s);
      default:
        throw new FakeOfficeError("InvalidArgument", `Worksheet has no property ${name}`);
    }
  }
  delete(): void {
    this._command("worksheet.delete", [], (id) => {
      const wb = this.context.wb;
      const s = sheetOf(wb, id);
      if (!wb.sheets.some((x) => x !== s && x.visibility === "visible")) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.deleteSheet(id);
    });
  }
  activate(): void {
    this._command("activate", [], (id) => {
      const s = sheetOf(this.context.wb, id);
      if (s.visibility !== "visible") throw new FakeOfficeError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.context.wb.activate(id);
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheet();
        let r: CellRange;
        try {
          r = address ? parseAddress(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
        } catch {
          throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
        }
        return { sheetId: s.id, range: r };
      },
      { name: "getRange", args: [address ?? ""] },
    );
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const s = this.sheet();
        if (address.length > 8192) throw new FakeOfficeError("InvalidArgument", "The address is too long.");
        const parts = address.split(",").map((p) => p.trim());
        try {
          return { sheetId: s.id, ranges: parts.map((p) => parseAddress(p)) };
        } catch {
          throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
        }
      },
      { name: "getRanges", args: [address] },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheet();
        const r = this.context.wb.usedRange(s, valuesOnly === true);
        return r ? { sheetId: s.id, range: r } : null;
      },
      { name: "getUsedRangeOrNullObject", args: [valuesOnly === true] },
    );
  }
}

class FakeProtection extends FakeProxy<string> {
  get protected(): boolean {
    return this._get("protected");
  }
  protected _scalar(name: string, id: string): unknown {
    if (name === "protected") return sheetOf(this.context.wb, id).protected;
    throw new FakeOfficeError("InvalidArgument", `WorksheetProtection has no property ${name}`);
  }
}

// ---------------------------------------------------------------------------------- ranges

interface RangeEntity {
  sheetId: string;
  range: CellRange;
}

class FakeRange extends FakeProxy<RangeEntity> {
  private sheet(): MemorySheet {
    return sheetOf(this.context.wb, this._e().sheetId);
  }
  get address(): string {
    return this._get("address");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._command("values", [v], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      const h = e.range.bottom - e.range.top + 1;
      const w = e.range.right - e.range.left + 1;
      if (v.length !== h || v.some((line) => line.length !== w)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const m = this.context.wb.mergeAt(s, e.range.top + i, e.range.left + j);
          if (m && !(m.top === e.range.top + i && m.left === e.range.left + j) && v[i][j] !== null && v[i][j] !== "") {
            throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
          }
        }
      }
      const behaviours = this.context.fake.behaviours;
      const wb = this.context.wb;
      let changed = false;
      v.forEach((line, i) =>
        line.forEach((x, j) => {
          const row = e.range.top + i;
          const col = e.range.left + j;
          if (x === null && behaviours.nullLeavesCellUnchanged) return; // [null-unchanged]
          const stored = parseTyped(x, wb.getCell(s, row, col)?.numberFormat, behaviours); // [typed-strings]
          wb.patchCell(s, row, col, { value: stored.value, formula: stored.formula });
          if (stored.numberFormat) wb.patchCell(s, row, col, { numberFormat: stored.numberFormat });
          changed = true;
        }),
      );
      if (changed) wb.emitValuesChanged(s, e.range, "host");
    });
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._command("numberFormat", [v], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      const h = e.range.bottom - e.range.top + 1;
      const w = e.range.right - e.range.left + 1;
      if (v.length !== h || v.some((line) => line.length !== w)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      v.forEach((line, i) =>
        line.forEach((f, j) => {
          if (f === null && this.context.fake.behaviours.nullLeavesCellUnchanged) return; // [null-unchanged]
          const nf = typeof f === "string" && f !== "" && f !== "General" ? f : undefined;
          this.context.wb.patchCell(s, e.range.top + i, e.range.left + j, { numberFormat: nf });
        }),
      );
    });
  }
  get format(): FakeRangeFormat {
    return this._nav("format", () => new FakeRangeFormat(this.context, () => this._e(), null));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => {
      const e = this._e();
      return { sheetId: e.sheetId, ranges: [e.range] };
    }, null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    return name === "conditionalFormats" ? this.conditionalFormats : undefined;
  }
  protected _scalar(name: string, e: RangeEntity): unknown {
    const s = sheetOf(this.context.wb, e.sheetId);
    const r = e.range;
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    const behaviours = this.context.fake.behaviours;
    const grid = (f: (row: number, col: number) => unknown): unknown[][] | null => {
      if (isUnbounded(r) && behaviours.unboundedValuesNull) return null; // [unbounded-null]
      const limit = behaviours.cellLimit; // [cells-5m], on every platform
      if (limit && cells > limit.cells) {
        if (limit.answer === "null") return null;
        throw new FakeOfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number. See the article for more information.");
      }
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case "address":
        return qualifiedAddress(s.name, formatAddress(r));
      case "values":
        return grid((row, col) => this.context.wb.getCell(s, row, col)?.value ?? "");
      case "numberFormat":
        return grid((row, col) => this.context.wb.getCell(s, row, col)?.numberFormat ?? "General");
      case "formulas":
        return grid((row, col) => {
          const c = this.context.wb.getCell(s, row, col);
          return c?.formula ?? c?.value ?? "";
        });
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      case "cellCount":
        return cells;
      default:
        throw new FakeOfficeError("InvalidArgument", `Range has no property ${name}`);
    }
  }
  insert(shift: string): FakeRange {
    const result = new FakeRange(
      this.context,
      () => {
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        guardProtected(s);
        if (shift !== "Down" || e.range.left !== 1 || e.range.right !== MAX_COLS) {
          throw new FakeOfficeError("NotImplemented", "fake: only entire rows can be inserted (shift Down)");
        }
        this.context.wb.insertRows(s, e.range.top, e.range.bottom - e.range.top + 1, "host");
        return { sheetId: e.sheetId, range: e.range };
      },
      { name: "insert", args: [shift] },
    );
    return result;
  }
  delete(shift: string): void {
    this._command("delete", [shift], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      if (shift !== "Up" || e.range.left !== 1 || e.range.right !== MAX_COLS) {
        throw new FakeOfficeError("NotImplemented", "fake: only entire rows can be deleted (shift Up)");
      }
      this.context.wb.deleteRows(s, e.range.top, e.range.bottom - e.range.top + 1, "host");
    });
  }
  copyFrom(source: FakeRange | string, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    const srcDesc = typeof source === "string" ? source : { o: source._id };
    this._command("copyFrom", [srcDesc, copyType, skipBlanks, transpose], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      if (copyType !== "Formats") throw new FakeOfficeError("NotImplemented", "fake: only copyFrom(..., \"Formats\")");
      if (typeof source === "string") throw new FakeOfficeError("NotImplemented", "fake: copyFrom needs a Range");
      this.context.checkSameContext(source); // [context-bound]
      const src = source._e();
      if (src.sheetId !== e.sheetId) throw new FakeOfficeError("NotImplemented", "fake: copyFrom within one sheet");
      wrapModelError(() => this.context.wb.copyFormats(s, src.range, e.range));
    });
  }
  merge(across?: boolean): void {
    this._command("merge", [across === true], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      if (across) throw new FakeOfficeError("NotImplemented", "fake: merge(true)");
      wrapModelError(() => this.context.wb.merge(s, e.range));
    });
  }
  unmerge(): void {
    this._command("unmerge", [], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      this.context.wb.unmerge(s, e.range);
    });
  }
  select(): void {
    this._command("select", [], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      if (this.context.wb.activeSheet?.id !== s.id) throw new FakeOfficeError("InvalidOperation", "The range's worksheet is not active.");
      this.context.wb.select(s.id, e.range);
      this.context.fake.emitSelection(s.id); // [selection-event]: the selection changed
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        if (!this.context.fake.isSetSupported("ExcelApi", "1.13")) throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        const behaviours = this.context.fake.behaviours;
        const merges = s.merges.filter((m) =>
          behaviours.mergedAreasTopLeftOnly
            ? e.range.top <= m.top && m.top <= e.range.bottom && e.range.left <= m.left && m.left <= e.range.right // [merged-top-left]
            : rangesIntersect(m, e.range),
        );
        if (behaviours.mergedAreasLimit !== null && merges.length > behaviours.mergedAreasLimit) {
          // [merged-512]: the note says only that the method fails; the code here is a guess the host must not rely on
          throw new FakeOfficeError("GeneralException", `There was an internal error while processing the request (${merges.length} merged areas, more than ${behaviours.mergedAreasLimit}).`);
        }
        return merges.length ? { sheetId: s.id, ranges: merges.map((m) => ({ ...m })) } : null;
      },
      { name: "getMergedAreasOrNullObject" },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        let top = Infinity;
        let left = Infinity;
        let bottom = 0;
        let right = 0;
        for (const [k, c] of s.cells) {
          const row = keyRow(k);
          const col = keyCol(k);
          if (row < e.range.top || row > e.range.bottom || col < e.range.left || col > e.range.right) continue;
          if (valuesOnly && c.value === null && c.formula === undefined) continue;
          top = Math.min(top, row);
          bottom = Math.max(bottom, row);
          left = Math.min(left, col);
          right = Math.max(right, col);
        }
        return bottom === 0 ? null : { sheetId: s.id, range: { top, left, bottom, right } };
      },
      { name: "getUsedRangeOrNullObject", args: [valuesOnly === true] },
    );
  }
}

// ---------------------------------------------------------------------------------- cell formats

/** Change the style of every cell of a bounded range (formats of whole rows/columns: only column widths). */
function patchStyles(context: FakeContext, e: RangeEntity, fn: (style: CellStyle, row: number, col: number) => CellStyle): void {
  const s = sheetOf(context.wb, e.sheetId);
  guardProtected(s);
  if (isUnbounded(e.range)) throw new FakeOfficeError("NotImplemented", "fake: formats of entire rows or columns (other than columnWidth)");
  for (let row = e.range.top; row <= e.range.bottom; row++) {
    for (let col = e.range.left; col <= e.range.right; col++) {
      const prev = context.wb.getCell(s, row, col)?.style ?? {};
      context.wb.patchCell(s, row, col, { style: fn(JSON.parse(JSON.stringify(prev)) as CellStyle, row, col) });
    }
  }
}

/** Office's alignment names ("Center", "Right") as the memory workbook stores them ("center", "right"). */
function alignment(v: string): string {
  return v.charAt(0).toLowerCase() + v.slice(1);
}

class FakeRangeFormat extends FakeProxy<RangeEntity> {
  get font(): FakeRangeFont {
    return this._nav("font", () => new FakeRangeFont(this.context, () => this._e(), null));
  }
  get fill(): FakeRangeFill {
    return this._nav("fill", () => new FakeRangeFill(this.context, () => this._e(), null));
  }
  get borders(): FakeBorderCollection {
    return this._nav("borders", () => new FakeBorderCollection(this.context, () => this._e(), null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    return undefined;
  }
  protected _scalar(name: string, e: RangeEntity): unknown {
    const s = sheetOf(this.context.wb, e.sheetId);
    const first = this.context.wb.getCell(s, e.range.top, e.range.left)?.style ?? {};
    switch (name) {
      case "wrapText":
        return first.wrapText === true;
      case "horizontalAlignment":
        return first.horizontalAlignment ?? "General";
      case "verticalAlignment":
        return first.verticalAlignment ?? "Bottom";
      case "columnWidth":
        return s.columnWidths?.[e.range.left - 1] ?? 8.43;
      default:
        throw new FakeOfficeError("InvalidArgument", `RangeFormat has no property ${name}`);
    }
  }
  set wrapText(v: boolean) {
    this._command("format.wrapText", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, wrapText: v })));
  }
  set horizontalAlignment(v: string) {
    this._command("format.horizontalAlignment", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, horizontalAlignment: alignment(v) })));
  }
  set verticalAlignment(v: string) {
    this._command("format.verticalAlignment", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, verticalAlignment: alignment(v) })));
  }
  set columnWidth(points: number) {
    this._command("format.columnWidth", [points], (e) => {
      const s = sheetOf(this.context.wb, e.sheetId);
      guardProtected(s);
      if (e.range.right - e.range.left > 1000) throw new FakeOfficeError("NotImplemented", "fake: columnWidth of more than 1000 columns");
      for (let col = e.range.left; col <= e.range.right; col++) this.context.wb.setColumnWidth(s, col, pointsToChars(points));
    });
  }
  autofitRows(): void {
    // row heights are not modelled; the command is only checked for its sheet
    this._command("format.autofitRows", [], (e) => guardProtected(sheetOf(this.context.wb, e.sheetId)));
  }
}

class FakeRangeFont extends FakeProxy<RangeEntity> {
  protected _scalar(name: string, e: RangeEntity): unknown {
    const s = sheetOf(this.context.wb, e.sheetId);
    const font = this.context.wb.getCell(s, e.range.top, e.range.left)?.style?.font ?? {};
    if (name === "bold") return font.bold === true;
    if (name === "size") return font.size ?? 11;
    throw new FakeOfficeError("InvalidArgument", `RangeFont has no property ${name}`);
  }
  set bold(v: boolean) {
    this._command("font.bold", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, font: { ...st.font, bold: v } })));
  }
  set size(v: number) {
    this._command("font.size", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, font: { ...st.font, size: v } })));
  }
}

class FakeRangeFill extends FakeProxy<RangeEntity> {
  protected _scalar(name: string, e: RangeEntity): unknown {
    const s = sheetOf(this.context.wb, e.sheetId);
    if (name === "color") return this.context.wb.getCell(s, e.range.top, e.range.left)?.style?.fill ?? "#FFFFFF";
    throw new FakeOfficeError("InvalidArgument", `RangeFill has no property ${name}`);
  }
  set color(v: string) {
    this._command("fill.color", [v], (e) => patchStyles(this.context, e, (st) => ({ ...st, fill: v })));
  }
}

type BorderSide = "top" | "bottom" | "left" | "right";

/** Which sides of the cell at (row, col) of `r` an Office border index paints. */
function sidesOf(edge: string, r: CellRange, row: number, col: number): BorderSide[] {
  switch (edge) {
    case "EdgeTop":
      return row === r.top ? ["top"] : [];
    case "EdgeBottom":
      return row === r.bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return col === r.left ? ["left"] : [];
    case "EdgeRight":
      return col === r.right ? ["right"] : [];
    case "InsideHorizontal":
      return [...(row > r.top ? (["top"] as const) : []), ...(row < r.bottom ? (["bottom"] as const) : [])];
    case "InsideVertical":
      return [...(col > r.left ? (["left"] as const) : []), ...(col < r.right ? (["right"] as const) : [])];
    default:
      throw new FakeOfficeError("InvalidArgument", `fake: border index ${edge}`);
  }
}

const WEIGHT_STYLE: Record<string, string> = { Hairline: "hair", Thin: "thin", Medium: "medium", Thick: "thick" };

class FakeBorderCollection extends FakeProxy<RangeEntity> {
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeBorderCollection has no property ${name}`);
  }
  getItem(edge: string): FakeBorder {
    return new FakeBorder(this.context, () => ({ ...this._e(), edge }), null);
  }
}

class FakeBorder extends FakeProxy<RangeEntity & { edge: string }> {
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `fake: reading RangeBorder.${name} is not supported`);
  }
  private paint(name: string, value: string, change: (b: BorderModel | undefined) => BorderModel | undefined): void {
    this._command(name, [value], (e) =>
      patchStyles(this.context, e, (st, row, col) => {
        const borders = { ...st.borders };
        for (const side of sidesOf(e.edge, e.range, row, col)) {
          const next = change(borders[side]);
          if (next) borders[side] = next;
          else delete borders[side];
        }
        return { ...st, borders };
      }),
    );
  }
  set style(v: string) {
    this.paint("border.style", v, (b) => (v === "None" ? undefined : v === "Continuous" ? { ...b, style: b?.style ?? "thin" } : { ...b, style: alignment(v) }));
  }
  set weight(v: string) {
    this.paint("border.weight", v, (b) => ({ ...b, style: WEIGHT_STYLE[v] ?? "thin" }));
  }
  set color(v: string) {
    this.paint("border.color", v, (b) => ({ style: "thin", ...b, color: v }));
  }
}

interface AreasEntity {
  sheetId: string;
  ranges: CellRange[];
}

class FakeRangeAreas extends FakeProxy<AreasEntity> {
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => {
      const e = this._e();
      return { sheetId: e.sheetId, ranges: e.ranges };
    }, null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    return name === "conditionalFormats" ? this.conditionalFormats : undefined;
  }
  protected _scalar(name: string, e: AreasEntity): unknown {
    const s = sheetOf(this.context.wb, e.sheetId);
    if (name === "address") return e.ranges.map((r) => qualifiedAddress(s.name, formatAddress(r))).join(", ");
    if (name === "areaCount") return e.ranges.length;
    throw new FakeOfficeError("InvalidArgument", `RangeAreas has no property ${name}`);
  }
}

// ---------------------------------------------------------------------------------- conditional formats

class FakeConditionalFormatCollection extends FakeProxy<AreasEntity> {
  private _items: FakeConditionalFormat[] | null = null;
  get items(): FakeConditionalFormat[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override _loadPaths(paths: string[][]): unknown {
    const rest = itemPaths(paths, "ConditionalFormatCollection");
    const e = this._e();
    const s = sheetOf(this.context.wb, e.sheetId);
    const cfs = s.conditionalFormats.filter((cf) => cf.ranges.some((r) => e.ranges.some((x) => rangesIntersect(r, x))));
    this._items = cfs.map((cf) => new FakeConditionalFormat(this.context, () => ({ sheetId: s.id, cfId: cf.id }), null));
    return this._items.map((p) => (rest.length ? p._loadPaths(rest) : null));
  }
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `ConditionalFormatCollection has no property ${name}`);
  }
  add(type: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        guardProtected(s);
        const cf = this.context.wb.addConditionalFormat(s, {
          type: type as ConditionalFormatType,
          ranges: e.ranges.map((r) => ({ ...r })),
          format: {},
          stopIfTrue: false,
        });
        return { sheetId: s.id, cfId: cf.id };
      },
      { name: "conditionalFormats.add", args: [type] },
    );
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        if (!s.conditionalFormats.some((c) => c.id === id)) throw new FakeOfficeError("ItemNotFound", `No conditional format ${id}`);
        return { sheetId: s.id, cfId: id };
      },
      { name: "conditionalFormats.getItem", args: [id] },
    );
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const e = this._e();
        const s = sheetOf(this.context.wb, e.sheetId);
        return s.conditionalFormats.some((c) => c.id === id) ? { sheetId: s.id, cfId: id } : null;
      },
      { name: "conditionalFormats.getItemOrNullObject", args: [id] },
    );
  }
}

interface CfEntity {
  sheetId: string;
  cfId: string;
}

function cfModel(wb: MemoryWorkbook, e: CfEntity): { sheet: MemorySheet; cf: ConditionalFormatModel } {
  const sheet = sheetOf(wb, e.sheetId);
  const cf = sheet.conditionalFormats.find((c) => c.id === e.cfId);
  if (!cf) throw new FakeOfficeError("ItemNotFound", `No conditional format ${e.cfId}`);
  return { sheet, cf };
}

class FakeConditionalFormat extends FakeProxy<CfEntity> {
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  get custom(): FakeCustomConditionalFormat {
    return this._nav("custom", () => new FakeCustomConditionalFormat(this.context, () => {
      const e = this._e();
      const { cf } = cfModel(this.context.wb, e);
      if (cf.type !== "Custom") throw new FakeOfficeError("InvalidArgument", "The conditional format is not of type Custom.");
      return e;
    }, null));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav("customOrNullObject", () => new FakeCustomConditionalFormat(this.context, () => {
      const e = this._e();
      return cfModel(this.context.wb, e).cf.type === "Custom" ? e : null;
    }, null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  override _loadPath(path: string[]): unknown {
    // a null customOrNullObject still answers isNullObject
    if (path[0] === "customOrNullObject") {
      const nav = this.customOrNullObject;
      const ent = nav._tryE();
      return { customOrNullObject: ent === null ? { isNullObject: true } : nav._loadPath(path.slice(1)) };
    }
    return super._loadPath(path);
  }
  protected _scalar(name: string, e: CfEntity): unknown {
    const { sheet, cf } = cfModel(this.context.wb, e);
    switch (name) {
      case "id":
        return cf.id;
      case "type":
        return cf.type;
      case "priority":
        return sheet.conditionalFormats.indexOf(cf);
      case "stopIfTrue":
        return cf.stopIfTrue;
      default:
        throw new FakeOfficeError("InvalidArgument", `ConditionalFormat has no property ${name}`);
    }
  }
  delete(): void {
    this._command("conditionalFormat.delete", [], (e) => {
      const { sheet } = cfModel(this.context.wb, e);
      guardProtected(sheet);
      this.context.wb.deleteConditionalFormat(sheet, e.cfId);
    });
  }
}

class FakeCustomConditionalFormat extends FakeProxy<CfEntity> {
  get rule(): FakeConditionalFormatRule {
    return this._nav("rule", () => new FakeConditionalFormatRule(this.context, () => this._e(), null));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav("format", () => new FakeConditionalRangeFormat(this.context, () => this._e(), null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return undefined;
  }
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `CustomConditionalFormat has no property ${name}`);
  }
}

class FakeConditionalFormatRule extends FakeProxy<CfEntity> {
  get formula(): string {
    return this._get("formula");
  }
  set formula(f: string) {
    this._command("rule.formula", [f], (e) => {
      const { sheet, cf } = cfModel(this.context.wb, e);
      guardProtected(sheet);
      cf.formula = f;
    });
  }
  protected _scalar(name: string, e: CfEntity): unknown {
    if (name === "formula") return cfModel(this.context.wb, e).cf.formula ?? "";
    throw new FakeOfficeError("InvalidArgument", `ConditionalFormatRule has no property ${name}`);
  }
}

class FakeConditionalRangeFormat extends FakeProxy<CfEntity> {
  get fill(): FakeConditionalRangeFill {
    return this._nav("fill", () => new FakeConditionalRangeFill(this.context, () => this._e(), null));
  }
  protected override _navByName(name: string): FakeProxy<unknown> | undefined {
    return name === "fill" ? this.fill : undefined;
  }
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `ConditionalRangeFormat has no property ${name}`);
  }
}

class FakeConditionalRangeFill extends FakeProxy<CfEntity> {
  get color(): string {
    return this._get("color");
  }
  set color(c: string) {
    this._command("fill.color", [c], (e) => {
      const { sheet, cf } = cfModel(this.context.wb, e);
      guardProtected(sheet);
      cf.format = { ...cf.format, fill: c };
    });
  }
  protected _scalar(name: string, e: CfEntity): unknown {
    if (name === "color") return cfModel(this.context.wb, e).cf.format.fill ?? null;
    throw new FakeOfficeError("InvalidArgument", `ConditionalRangeFill has no property ${name}`);
  }
}

// ---------------------------------------------------------------------------------- settings

class FakeSettingCollection extends FakeProxy<MemoryWorkbook> {
  private _items: FakeSetting[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, null);
  }
  get items(): FakeSetting[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override _loadPaths(paths: string[][]): unknown {
    const rest = itemPaths(paths, "SettingCollection");
    this._items = [...this.context.wb.settings.keys()].map((k) => new FakeSetting(this.context, () => k, null));
    return this._items.map((p) => (rest.length ? p._loadPaths(rest) : null));
  }
  protected _scalar(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `SettingCollection has no property ${name}`);
  }
  add(key: string, value: unknown): FakeSetting {
    const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown; // settings hold JSON
    return new FakeSetting(
      this.context,
      () => {
        this.context.wb.settings.set(key, copy);
        return key;
      },
      { name: "settings.add", args: [key, copy] },
    );
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => {
        if (!this.context.wb.settings.has(key)) throw new FakeOfficeError("ItemNotFound", `No setting ${key}`);
        return key;
      },
      { name: "settings.getItem", args: [key] },
    );
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, () => (this.context.wb.settings.has(key) ? key : null), { name: "settings.getItemOrNullObject", args: [key] });
  }
}

class FakeSetting extends FakeProxy<string> {
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  protected _scalar(name: string, key: string): unknown {
    if (name === "key") return key;
    if (name === "value") return JSON.parse(JSON.stringify(this.context.wb.settings.get(key) ?? null)) as unknown;
    throw new FakeOfficeError("InvalidArgument", `Setting has no property ${name}`);
  }
  delete(): void {
    this._command("setting.delete", [], (key) => {
      this.context.wb.settings.delete(key);
    });
  }
}
