/**
 * The pane's controller: everything the pane does to a workbook, as plain async methods over a
 * WorkbookHost and the core engine, with an immutable state snapshot React subscribes to
 * (useSyncExternalStore). No React and no Office here, so the same code runs inside Excel, in
 * the playground and under jest.
 */
import type { Report, ValidateOptions } from "../../core/engine";
import type { Finding, Lang } from "../../core/finding";
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { MAX_COLS, MAX_ROWS, parseA1, rangeContains, rangeHasCell, rangesIntersect, toA1 } from "../../core/grid";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";
import {
  DEFAULT_SETTINGS,
  HostError,
  type AddSheetRequest,
  type AddSheetResult,
  type CellChange,
  type InsertRowsRequest,
  type InsertRowsResult,
  type Progress,
  type WorkbookHost,
  type WorkbookSettings,
} from "../../host/types";
import type { MessageKey, Params } from "../i18n";
import { entryAtCell, entryOf, entryOrder, groupEntries, keysOf, reselectEntry, stepEntry, type Entry, type EntryGroup, type GroupBy } from "./entries";
import { ALL_FILTERS, applyFilters, findingId, type Filters } from "./findings";
import { browserPrefs, type Prefs } from "./prefs";
import { loadEngine } from "./engine";

export type Scope = "active" | "all";
export type Stage = "reading" | "checking" | "marking" | "clearing";

export interface Busy {
  op: "validate" | "recheck" | "fix" | "undo" | "clear" | "insert" | "settings" | "ignore" | "create";
  stage?: Stage;
  done: number;
  total: number;
  /** the user may cancel (reading and checking, not while cells are being written) */
  cancellable: boolean;
}

/**
 * Where a notice is shown: "top" (the pane's message bar), "list" (in the findings list, beside
 * the entry the user acted on), "insert" (beside the 指标库 insert button), "new-table" (under the
 * new-table form). The result of an action appears where the user is looking.
 */
export type NoticePlace = "top" | "list" | "insert" | "new-table";

export interface Notice {
  kind: "success" | "error" | "info" | "warning";
  key: MessageKey;
  params?: Params;
  place?: NoticePlace;
  /** the change-history entry this notice reports: offer its undo beside the notice */
  historyId?: string;
  /** offer "delete anyway" for an edited new sheet (historyId) */
  force?: boolean;
  /** finding keys just ignored: offer to take the decision back */
  unignore?: string[];
}

/** One change Jixiao made to the workbook, undoable until the user edits what it wrote. */
export type HistoryEntry =
  | { id: string; kind: "fix"; at: string; changes: CellChange[]; label: string; edited: boolean }
  | { id: string; kind: "insert"; at: string; results: InsertRowsResult[]; rows: number; sheet: string; edited: boolean }
  | { id: string; kind: "sheet"; at: string; result: AddSheetResult; indicators: number; edited: boolean };

/** A history entry before it has its id, time and edited flag. */
type NewHistoryEntry = HistoryEntry extends infer H ? (H extends HistoryEntry ? Omit<H, "id" | "at" | "edited"> : never) : never;

export interface CellRef {
  sheet: string;
  cell: string;
}

/** What a check of the active sheet says about the other sheets (read, not checked). */
export interface OtherSheets {
  /** visible sheets outside the last check */
  sheets: number;
  /** of those, the ones holding at least one table; -1 when they were too many to read for a hint */
  withTables: number;
  /** tables on them; -1 when not read */
  tables: number;
}

/** At most this many other sheets are read for the scope hint. */
const MAX_SCANNED_SHEETS = 100;

export interface PaneState {
  lang: Lang;
  settings: WorkbookSettings;
  scope: Scope;
  busy: Busy | null;
  /** the last completed check; null before the first */
  report: Report | null;
  filters: Filters;
  /** group the list by severity (errors first) or by table */
  groupBy: GroupBy;
  /** keys of collapsed groups and category blocks */
  collapsed: string[];
  /** entry id (findingId of its lead) of the selected entry */
  selectedId?: string;
  /** the member cell selected inside the selected entry */
  selectedCell?: CellRef;
  /** bumps when the selection came from the sheet (the list scrolls it into view, focus stays in the sheet) */
  revealSerial: number;
  /** Jixiao's changes, oldest first */
  history: HistoryEntry[];
  /** Jixiao's marks are on the sheets */
  marksShown: boolean;
  /** the workbook changed after the last check */
  stale: boolean;
  notice: Notice | null;
  /** whether marks are in the workbook and whether it saves continuously (AutoSave), per the host */
  markStatus: { present: boolean; autoSave: boolean } | null;
  /** the user closed the advice about marks and saving (remembered on this computer) */
  markAdviceDismissed: boolean;
  /** the active sheet and cell as the host last reported them */
  activeSheet: string | null;
  activeCell: CellRef | null;
  /** the table the user picked in 指标库 (id), until the selection moves */
  pickedTable: string | null;
  /** after a check of the active sheet: the other sheets and their tables; null when unknown */
  others: OtherSheets | null;
}

export interface SessionOptions {
  /** the language to use when the workbook has no preference (Office's display language) */
  lang?: Lang;
  scope?: Scope;
  /** yield to the UI between stages; tests pass a no-op */
  yieldToUi?: () => Promise<void>;
  /** how long after the last edit the edited sheets are checked again (ms) */
  recheckDelayMs?: number;
  /** the user's own preferences on this computer (grouping, dismissed advice); default localStorage */
  prefs?: Prefs;
}

/** Typing a row of values raises several change events: wait for a pause before checking again. */
const RECHECK_DELAY_MS = 1200;

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long after Jixiao's own write its change event may still arrive (Excel debounces and batches events). */
const OWN_CHANGE_MS = 3000;
/** How long after Jixiao's own selectCell its selection event may still arrive. */
const OWN_SELECTION_MS = 2000;

const PREF_GROUP_BY = "jixiao.pane.groupBy";
const PREF_ADVICE = "jixiao.pane.markAdviceDismissed";

/** An operation's busy state before any progress: not cancellable unless it reads and checks. */
function busyOf(op: Busy["op"], total = 1, stage?: Stage): Busy {
  return { op, ...(stage ? { stage } : {}), done: 0, total, cancellable: false };
}

interface OpOptions {
  /** leave the notice shown when the operation starts */
  keepNotice?: boolean;
  /** state set with busy as the operation starts */
  start?: Partial<PaneState>;
  /** the notice of a failure, after putting back what was done (default: errorNotice at the top) */
  failed?: (e: unknown) => Notice | Promise<Notice>;
}

function errorNotice(e: unknown, cell?: string, place: NoticePlace = "top"): Notice {
  if (e instanceof HostError) {
    if (e.code === "conflict") return { kind: "error", key: "error.conflict", params: { cell: cell ?? "" }, place };
    if (e.code === "protected") return { kind: "error", key: "error.protected", place };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "error", key: "error.generic", params: { message }, place };
}

/** Put `value` into the cached grid of `sheet` at `cell`, growing the grid when the cell lies outside it. */
export function patchGrid(grids: Grid[], sheet: string, cell: string, value: CellValue): void {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) return;
  const { row, col } = parseA1(cell);
  if (g.cells.length === 0) g.origin = { row, col };
  // grow up/left
  if (row < g.origin.row) {
    const add = g.origin.row - row;
    g.cells.unshift(...Array.from({ length: add }, () => [] as CellValue[]));
    g.numberFormats?.unshift(...Array.from({ length: add }, () => []));
    g.origin = { row, col: g.origin.col };
  }
  if (col < g.origin.col) {
    const add = g.origin.col - col;
    for (const r of g.cells) r.unshift(...Array.from({ length: add }, () => null));
    for (const r of g.numberFormats ?? []) r.unshift(...Array.from({ length: add }, () => null));
    g.origin = { row: g.origin.row, col };
  }
  const r = row - g.origin.row;
  const c = col - g.origin.col;
  while (g.cells.length <= r) g.cells.push([]);
  const line = g.cells[r];
  while (line.length < c) line.push(null);
  line[c] = value;
}

/**
 * The table 指标库 inserts into: the one the user picked, else the one under the active cell,
 * else the first on the active sheet; undefined when the active sheet holds no checked table.
 */
export function targetTable(
  tables: readonly TargetTable[],
  state: Pick<PaneState, "pickedTable" | "activeCell" | "activeSheet">,
): { table: TargetTable; by: "picked" | "cell" | "sheet" } | undefined {
  if (state.pickedTable) {
    const t = tables.find((x) => x.id === state.pickedTable);
    if (t) return { table: t, by: "picked" };
  }
  const cell = state.activeCell;
  if (cell) {
    const { row, col } = parseA1(cell.cell);
    const t = tables.find((x) => x.sheet === cell.sheet && rangeHasCell(x.range, row, col));
    if (t) return { table: t, by: "cell" };
  }
  const sheet = cell?.sheet ?? state.activeSheet;
  const t = sheet ? tables.find((x) => x.sheet === sheet) : undefined;
  return t ? { table: t, by: "sheet" } : undefined;
}

export class PaneSession {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private grids: Grid[] = [];
  /** the run that may still deliver a result; cancelling bumps it */
  private run = 0;
  /** areas Jixiao wrote itself, until when: their change events do not make the report stale */
  private ownAreas: { sheet: string; range: CellRange; until: number }[] = [];
  /**
   * The cell Jixiao itself selected, until its selection event has come (at once in the memory host,
   * a moment later in Excel) or a while has passed: that event does not pick an entry.
   */
  private ownSelection: (CellRef & { until: number }) | null = null;
  private unsubscribe: (() => void) | null = null;
  private unsubscribeSelection: (() => void) | null = null;
  private readonly yieldToUi: () => Promise<void>;
  /** sheets edited since the last check, waiting for the re-check */
  private touched = new Set<string>();
  private recheckTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly recheckDelayMs: number;
  private readonly prefs: Prefs;
  private historySerial = 0;
  /** the operation (runOp) that holds busy, by number */
  private opSerial = 0;
  private currentOp = 0;
  /** groups of the current report, filters and grouping (computed once per change) */
  private groupsCache: { report: Report | null; filters: Filters; groupBy: GroupBy; groups: EntryGroup[] } | null = null;

  constructor(
    readonly host: WorkbookHost,
    options: SessionOptions = {},
  ) {
    this.yieldToUi = options.yieldToUi ?? defaultYield;
    this.recheckDelayMs = options.recheckDelayMs ?? RECHECK_DELAY_MS;
    this.prefs = options.prefs ?? browserPrefs();
    const groupBy = this.prefs.get(PREF_GROUP_BY) === "table" ? "table" : "severity";
    this.state = {
      lang: options.lang ?? "zh",
      settings: { ...DEFAULT_SETTINGS },
      // 校验本表: the active sheet, as the ribbon button says; the pane offers the whole workbook
      scope: options.scope ?? "active",
      busy: null,
      report: null,
      filters: ALL_FILTERS,
      groupBy,
      collapsed: [],
      revealSerial: 0,
      history: [],
      marksShown: false,
      stale: false,
      notice: null,
      markStatus: null,
      markAdviceDismissed: this.prefs.get(PREF_ADVICE) === "1",
      activeSheet: null,
      activeCell: null,
      pickedTable: null,
      others: null,
    };
  }

  // ---- subscription (useSyncExternalStore) ----

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  // ---- operations ----

  /**
   * The protocol of every operation: nothing while another one runs (resolves undefined); `busy`
   * while it does, the notice cleared (unless `keepNotice`); busy gone when `body` has finished,
   * unless `body` ended it itself (idle) or another operation holds it by then. A failure ends
   * busy and shows `failed`'s notice (which may first put back what was done; errorNotice at the
   * top by default), and resolves undefined. A cancellable operation gets its run number: once
   * cancelled (or superseded) its failure says nothing, cancel() has.
   */
  private async runOp<T>(busy: Busy, body: (run: number) => Promise<T>, options: OpOptions = {}): Promise<T | undefined> {
    if (this.state.busy) return undefined;
    const run = busy.cancellable ? ++this.run : this.run;
    const op = ++this.opSerial;
    this.currentOp = op;
    this.set(options.keepNotice ? { ...options.start, busy } : { ...options.start, busy, notice: null });
    try {
      const result = await body(run);
      if (this.currentOp === op && this.state.busy) this.set({ busy: null });
      return result;
    } catch (e) {
      if (busy.cancellable && run !== this.run) return undefined;
      const notice = options.failed ? await options.failed(e) : errorNotice(e);
      this.set({ busy: null, notice });
      return undefined;
    }
  }

  /** End the running operation's busy state early (so that a check may follow), with `patch`. */
  private idle(patch: Partial<PaneState> = {}): void {
    this.set({ ...patch, busy: null });
  }

  // ---- lifecycle ----

  /** Load the workbook's settings, learn the active sheet, and listen for edits and selections. */
  async start(): Promise<void> {
    try {
      const saved = await this.host.loadSettings();
      const settings: WorkbookSettings = { ...DEFAULT_SETTINGS, ...saved };
      this.set({ settings, lang: settings.lang ?? this.state.lang });
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    }
    await this.refreshActiveSheet();
    this.unsubscribe?.();
    this.unsubscribe = this.host.onChange((ev) => {
      if (this.isOwnChange(ev.sheet, ev.range)) return;
      this.markEdited(ev.sheet, ev.range);
      // only edits on the sheets of the last check change its result
      if (!this.state.report || !this.grids.some((g) => g.sheet === ev.sheet)) return;
      this.touched.add(ev.sheet);
      if (!this.state.stale) this.set({ stale: true });
      if (this.state.settings.autoRecheck !== false) this.scheduleRecheck();
    });
    this.unsubscribeSelection?.();
    this.unsubscribeSelection = this.host.onSelectionChanged?.((sel) => this.onHostSelection(sel)) ?? null;
  }

  private async refreshActiveSheet(): Promise<void> {
    try {
      const sheets = await this.host.listSheets();
      const active = sheets.find((s) => s.active)?.name ?? null;
      if (active !== this.state.activeSheet) {
        const cell = this.state.activeCell && this.state.activeCell.sheet === active ? this.state.activeCell : null;
        this.set({ activeSheet: active, activeCell: cell });
      }
    } catch {
      // the active sheet stays unknown: 指标库 then asks the user to pick a table
    }
  }

  /** The user (or Jixiao) selected a cell in the sheet: select the entry standing for it. */
  private onHostSelection(sel: CellRef): void {
    const own = this.ownSelection && this.ownSelection.until > Date.now() ? this.ownSelection : null;
    this.ownSelection = null;
    const patch: Partial<PaneState> = { activeCell: { sheet: sel.sheet, cell: sel.cell }, activeSheet: sel.sheet };
    const moved = !this.state.activeCell || this.state.activeCell.sheet !== sel.sheet || this.state.activeCell.cell !== sel.cell;
    if (moved) patch.pickedTable = null;
    if (own && own.sheet === sel.sheet && own.cell === sel.cell) {
      this.set(patch);
      return;
    }
    let groups = this.groups();
    let e = entryAtCell(entryOrder(groups), sel.sheet, sel.cell, this.state.selectedId);
    const report = this.state.report;
    if (!e && report && report.findings.some((f) => f.sheet === sel.sheet && f.cell === sel.cell)) {
      // the count buttons hide the cell's findings: show every severity again (the filter is one
      // severity or all), so a marked cell clicked always shows what it is marked for
      groups = groupEntries(applyFilters(report.findings, ALL_FILTERS), report.tables, this.state.groupBy);
      e = entryAtCell(entryOrder(groups), sel.sheet, sel.cell, this.state.selectedId);
      if (e) patch.filters = ALL_FILTERS;
    }
    if (e) {
      const keys = new Set(keysOf(groups, e.id));
      patch.selectedId = e.id;
      patch.selectedCell = { sheet: sel.sheet, cell: sel.cell };
      patch.collapsed = this.state.collapsed.filter((k) => !keys.has(k));
      patch.revealSerial = this.state.revealSerial + 1;
    }
    this.set(patch);
  }

  private scheduleRecheck(): void {
    if (this.recheckTimer !== null) clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null;
      void this.recheckTouched();
    }, this.recheckDelayMs);
    // under Node (tests, the playground's server-side checks) a pending re-check keeps nothing alive
    (this.recheckTimer as { unref?: () => void }).unref?.();
  }

  /**
   * Check again only what was edited: read the edited sheets (one read), re-check the tables on
   * them, keep the other tables' results, and run the whole-workbook rules (copy-paste across
   * projects) over all tables. Marks are refreshed when they are shown. Runs by itself a moment
   * after an edit (setting autoRecheck); resolves false when there was nothing to do or it gave way.
   */
  async recheckTouched(): Promise<boolean> {
    const previous = this.state.report;
    if (!previous || this.touched.size === 0) return false;
    if (this.state.busy) {
      // the user's own operation first; try again after it
      this.scheduleRecheck();
      return false;
    }
    const names = [...this.touched];
    this.touched = new Set();
    const checking = (stage: Stage): Busy => ({ op: "recheck", stage, done: 0, total: names.length, cancellable: true });
    const done = await this.runOp(
      checking("reading"),
      async (run) => {
        const fresh = await this.host.readSheets({ kind: "named", names });
        if (run !== this.run) return false;
        this.grids = this.grids.map((g) => fresh.find((f) => f.sheet === g.sheet) ?? g);
        this.set({ busy: checking("checking") });
        const { revalidate } = await loadEngine();
        const report = revalidate(previous, this.grids, new Set(names), this.options());
        if (run !== this.run) return false;
        await this.showReport(report, "recheck");
        if (this.touched.size === 0) this.set({ stale: false });
        return true;
      },
      { keepNotice: true },
    );
    return done ?? false;
  }

  /** Areas Jixiao itself is writing: change events inside them do not make the report stale. */
  private expectOwnChange(sheet: string, range: CellRange): void {
    this.ownAreas.push({ sheet, range, until: Date.now() + OWN_CHANGE_MS });
  }

  private isOwnChange(sheet: string, r: CellRange): boolean {
    const now = Date.now();
    this.ownAreas = this.ownAreas.filter((a) => a.until > now);
    return this.ownAreas.some((a) => a.sheet === sheet && rangeContains(a.range, r));
  }

  /** The user edited `range`: changes of Jixiao's that it touches can no longer be undone safely. */
  private markEdited(sheet: string, range: CellRange): void {
    let changed = false;
    const history = this.state.history.map((h) => {
      if (h.edited) return h;
      let hit = false;
      if (h.kind === "fix") hit = h.changes.some((c) => c.sheet === sheet && rangeHasCell(range, parseA1(c.cell).row, parseA1(c.cell).col));
      else if (h.kind === "insert") hit = h.results.some((r) => r.sheet === sheet && rangesIntersect(range, { ...r.range, left: 1, right: MAX_COLS }));
      else hit = h.result.sheet === sheet;
      if (!hit) return h;
      changed = true;
      return { ...h, edited: true };
    });
    if (changed) this.set({ history });
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unsubscribeSelection?.();
    this.unsubscribeSelection = null;
    if (this.recheckTimer !== null) clearTimeout(this.recheckTimer);
    this.recheckTimer = null;
  }

  // ---- view helpers ----

  options(): ValidateOptions {
    const s = this.state.settings;
    return {
      lang: this.state.lang,
      disabledRules: s.disabledRules,
      ignored: s.ignored.map((i) => i.key),
      frameworkOverride: Object.keys(s.frameworkOverride).length > 0 ? s.frameworkOverride : undefined,
      ...(s.moneyUnit ? { defaultMoneyUnit: s.moneyUnit } : {}),
    };
  }

  /** The list's groups for the current report, filters and grouping. */
  groups(): EntryGroup[] {
    const { report, filters, groupBy } = this.state;
    const c = this.groupsCache;
    if (c && c.report === report && c.filters === filters && c.groupBy === groupBy) return c.groups;
    const groups = report ? groupEntries(applyFilters(report.findings, filters), report.tables, groupBy) : [];
    this.groupsCache = { report, filters, groupBy, groups };
    return groups;
  }

  /** The entries in list order after the filters, leaving out collapsed groups. */
  visibleEntries(): Entry[] {
    return entryOrder(this.groups(), new Set(this.state.collapsed));
  }

  /** The lead findings of the entries in list order (what next/previous step through). */
  visibleOrder(): Finding[] {
    return this.visibleEntries().map((e) => e.lead);
  }

  /** The entry (among all after the filters, collapsed or not) that holds `f`. */
  entryFor(f: Finding): Entry | undefined {
    return entryOf(entryOrder(this.groups()), f);
  }

  setFilters(filters: Filters): void {
    this.set({ filters });
  }

  setScope(scope: Scope): void {
    this.set({ scope });
  }

  setGroupBy(groupBy: GroupBy): void {
    this.prefs.set(PREF_GROUP_BY, groupBy);
    this.set({ groupBy, collapsed: [] });
  }

  /** Collapse or expand a group or category block. */
  toggleCollapsed(key: string, collapsed?: boolean): void {
    const now = this.state.collapsed.includes(key);
    const want = collapsed ?? !now;
    if (want === now) return;
    this.set({ collapsed: want ? [...this.state.collapsed, key] : this.state.collapsed.filter((k) => k !== key) });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  /** Close the advice about marks and saving, on this computer, for good. */
  dismissMarkAdvice(): void {
    this.prefs.set(PREF_ADVICE, "1");
    this.set({ markAdviceDismissed: true });
  }

  /** 指标库: insert into this table (id) until the selection moves; null goes back to following it. */
  pickTable(id: string | null): void {
    this.set({ pickedTable: id });
  }

  // ---- validate ----

  /** Read the sheets, run the engine, mark the findings. Resolves false when cancelled. */
  async validate(): Promise<boolean> {
    const scope = this.state.scope;
    const checking = (stage: Stage, done: number, total: number): Busy => ({ op: "validate", stage, done, total, cancellable: true });
    const done = await this.runOp(checking("reading", 0, 0), async (run) => {
      const reading: Progress = (stage, done, total) => {
        if (run === this.run) this.set({ busy: checking(stage, done, total) });
      };
      // the engine's chunk loads while the sheets are read (it is usually there already)
      const engine = loadEngine();
      engine.catch(() => undefined); // told below, once the sheets are read
      const grids = await this.host.readSheets(scope === "active" ? { kind: "active" } : { kind: "all" }, reading);
      if (run !== this.run) return false;
      this.set({ busy: checking("checking", 0, grids.length) });
      const { validate } = await engine;
      await this.yieldToUi();
      if (run !== this.run) return false;
      const report = validate(grids, this.options());
      if (run !== this.run) return false;
      this.grids = grids;
      this.touched = new Set();
      await this.showReport(report, "validate");
      this.set({ stale: false, others: null });
      await this.refreshActiveSheet();
      if (scope === "active") await this.scanOtherSheets(run);
      return true;
    });
    return done ?? false;
  }

  /** Check the whole workbook (the scope hint's one-click switch). */
  async validateAll(): Promise<boolean> {
    this.set({ scope: "all" });
    return this.validate();
  }

  /**
   * After a check of the active sheet: read the other visible sheets and find their tables (no
   * rules), so the pane can say that more tables are there. Failing quietly: it is only a hint.
   */
  private async scanOtherSheets(run: number): Promise<void> {
    try {
      const checked = new Set(this.grids.map((g) => g.sheet));
      const others = (await this.host.listSheets()).filter((s) => s.visibility === "visible" && !checked.has(s.name)).map((s) => s.name);
      if (others.length === 0) {
        if (run === this.run) this.set({ others: { sheets: 0, withTables: 0, tables: 0 } });
        return;
      }
      // a workbook of hundreds of sheets: say how many, without reading them all for a hint
      if (others.length > MAX_SCANNED_SHEETS) {
        if (run === this.run) this.set({ others: { sheets: others.length, withTables: -1, tables: -1 } });
        return;
      }
      const grids = await this.host.readSheets({ kind: "named", names: others });
      if (run !== this.run) return;
      const { recognizeWorkbook } = await loadEngine();
      if (run !== this.run) return;
      const tables = recognizeWorkbook(grids, this.options());
      this.set({ others: { sheets: others.length, withTables: new Set(tables.map((t) => t.sheet)).size, tables: tables.length } });
    } catch {
      if (run === this.run) this.set({ others: null });
    }
  }

  /** Stop the running check; the previous result and marks stay as they were. */
  cancel(): void {
    const b = this.state.busy;
    if (!b || !b.cancellable) return;
    this.run++;
    this.set({ busy: null, notice: { kind: "info", key: "validate.cancelled" } });
  }

  /** Install a new report: keep the selection where it makes sense, refresh the marks if they are shown. */
  private async showReport(report: Report, op: Busy["op"]): Promise<void> {
    const before = this.visibleEntries();
    const prevSelected = this.state.selectedId;
    const marks = op === "validate" || this.state.marksShown;
    if (marks) {
      this.set({ busy: { op, stage: "marking", done: 0, total: report.findings.length, cancellable: false } });
      const { marksFromFindings } = await loadEngine();
      const result = await this.host.applyMarks(marksFromFindings(report.findings), (_s, done, total) =>
        this.set({ busy: { op, stage: "marking", done, total, cancellable: false } }),
      );
      const skipped = result?.skipped ?? [];
      if (skipped.length > 0) this.set({ notice: { kind: "warning", key: "marks.skipped", params: { sheets: skipped.map((x) => x.sheet).join("、") } } });
    }
    this.set({ report, busy: null, marksShown: marks || this.state.marksShown });
    if (marks) await this.refreshMarkStatus();
    const after = this.visibleEntries();
    const selectedId = reselectEntry(before, after, prevSelected);
    const entry = after.find((e) => e.id === selectedId);
    const cell = this.state.selectedCell;
    const keepCell = entry && cell && entry.members.some((m) => m.sheet === cell.sheet && m.cell === cell.cell);
    this.set({ selectedId, selectedCell: entry ? (keepCell ? cell : { sheet: entry.lead.sheet, cell: entry.lead.cell }) : undefined });
  }

  /** Run the engine again over the grids already read (after ignore, settings, language). */
  private async recompute(op: Busy["op"]): Promise<void> {
    if (!this.state.report) return;
    const { validate } = await loadEngine();
    const report = validate(this.grids, this.options());
    await this.showReport(report, op);
  }

  // ---- navigation ----

  /** Select a finding's entry and its cell in the sheet. */
  async select(f: Finding): Promise<void> {
    const groups = this.groups();
    const entry = entryOf(entryOrder(groups), f);
    const keys = new Set(entry ? keysOf(groups, entry.id) : []);
    this.set({
      selectedId: entry ? entry.id : findingId(f),
      selectedCell: { sheet: f.sheet, cell: f.cell },
      collapsed: this.state.collapsed.filter((k) => !keys.has(k)),
    });
    await this.selectInSheet(f.sheet, f.cell);
  }

  /** Select a cell in the sheet without picking an entry for it (Jixiao's own selection). */
  private async selectInSheet(sheet: string, cell: string): Promise<void> {
    this.ownSelection = { sheet, cell, until: Date.now() + OWN_SELECTION_MS };
    try {
      await this.host.selectCell(sheet, cell);
      if (!this.host.onSelectionChanged) this.set({ activeCell: { sheet, cell }, activeSheet: sheet, pickedTable: null });
    } catch (e) {
      this.ownSelection = null;
      this.set({ notice: errorNotice(e) });
    }
  }

  /** Select the next (1) or previous (-1) entry of the list; resolves to its lead finding. */
  async step(dir: 1 | -1): Promise<Finding | undefined> {
    const e = stepEntry(this.visibleEntries(), this.state.selectedId, dir);
    if (e) await this.select(e.lead);
    return e?.lead;
  }

  // ---- history ----

  private pushHistory(entry: NewHistoryEntry): string {
    const id = `h${++this.historySerial}`;
    const full = { ...entry, id, at: new Date().toISOString(), edited: false } as HistoryEntry;
    this.set({ history: [...this.state.history, full] });
    return id;
  }

  private dropHistory(id: string): void {
    this.set({ history: this.state.history.filter((h) => h.id !== id) });
  }

  /** Undo one change of the history (any, not only the last); `force` deletes an edited new sheet. */
  async undo(id: string, options: { force?: boolean } = {}): Promise<boolean> {
    const h = this.state.history.find((x) => x.id === id);
    if (!h) return false;
    const done = h.kind === "fix" ? await this.undoFixEntry(h) : h.kind === "insert" ? await this.undoInsertEntry(h) : await this.undoSheetEntry(h, options.force ?? false);
    return done ?? false;
  }

  private lastOf(kind: HistoryEntry["kind"]): HistoryEntry | undefined {
    return [...this.state.history].reverse().find((h) => h.kind === kind);
  }

  // ---- fixes ----

  private async write(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    const { row, col } = parseA1(cell);
    this.expectOwnChange(sheet, { top: row, bottom: row, left: col, right: col });
    return this.host.setCellValue(sheet, cell, value, expected);
  }

  /** Apply a finding's fix, then check again. */
  applyFix(f: Finding): Promise<boolean> {
    return this.applyFixes([f]);
  }

  /**
   * Apply the fixes of these findings (an entry's members) as one change, then check again; the
   * sheet shows the changed cell and the list keeps the selection on the entry that takes its place.
   * A write that fails puts back the ones made before it.
   */
  async applyFixes(findings: readonly Finding[]): Promise<boolean> {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) return false;
    const changes: CellChange[] = [];
    let written = false;
    const done = await this.runOp(
      busyOf("fix", fixes.length),
      async () => {
        for (const fix of fixes) {
          const change = await this.write(fix.sheet, fix.cell, fix.value, fix.previous);
          patchGrid(this.grids, fix.sheet, fix.cell, change.value);
          changes.push(change);
        }
        written = true;
        const historyId = this.pushHistory({ kind: "fix", changes, label: fixes.length === 1 ? fixes[0].label : "" });
        await this.recompute("fix");
        await this.selectInSheet(changes[0].sheet, changes[0].cell);
        const cells = changes.map((c) => c.cell).join("、");
        this.set({ notice: { kind: "success", key: "finding.fixApplied", params: { cell: cells }, place: "list", historyId } });
        return true;
      },
      {
        failed: async (e) => {
          if (written) return errorNotice(e, undefined, "list");
          // a write failed: put back the ones made before it
          const failed = fixes[changes.length];
          for (const c of [...changes].reverse()) {
            await this.write(c.sheet, c.cell, c.previous, c.value).then(
              () => patchGrid(this.grids, c.sheet, c.cell, c.previous),
              () => undefined,
            );
          }
          return errorNotice(e, failed?.cell, "list");
        },
      },
    );
    return done ?? false;
  }

  /** Undo the most recent fix (puts the previous values back unless the user changed the cells since). */
  async undoFix(): Promise<boolean> {
    const last = this.lastOf("fix");
    return last ? this.undo(last.id) : false;
  }

  private undoFixEntry(h: Extract<HistoryEntry, { kind: "fix" }>): Promise<boolean | undefined> {
    const cells = h.changes.map((c) => c.cell).join("、");
    return this.runOp(
      busyOf("undo", h.changes.length),
      async () => {
        for (const change of [...h.changes].reverse()) {
          await this.write(change.sheet, change.cell, change.previous, change.value);
          patchGrid(this.grids, change.sheet, change.cell, change.previous);
        }
        this.dropHistory(h.id);
        await this.recompute("undo");
        // back on the finding the fix had solved, its cell selected
        const first = h.changes[0];
        const again = this.state.report?.findings.find((f) => f.sheet === first.sheet && f.cell === first.cell);
        if (again) await this.select(again);
        else await this.selectInSheet(first.sheet, first.cell);
        this.set({ notice: { kind: "success", key: "finding.undone", params: { cell: cells }, place: "list" } });
        return true;
      },
      { failed: (e) => errorNotice(e, cells, "list") },
    );
  }

  // ---- ignore ----

  async ignore(f: Finding, reason?: string): Promise<void> {
    await this.ignoreMany([f], reason);
  }

  /** Ignore these findings (an entry's members) with one reason; the decision is kept in the workbook. */
  async ignoreMany(findings: readonly Finding[], reason?: string): Promise<void> {
    if (this.state.busy) return;
    const s = this.state.settings;
    const at = new Date().toISOString();
    const known = new Set(s.ignored.map((i) => i.key));
    const keys = [...new Set(findings.map((f) => f.key))].filter((k) => !known.has(k));
    if (keys.length === 0) return;
    const extra = reason && reason.trim() ? { reason: reason.trim() } : {};
    this.set({ notice: null });
    await this.updateSettings({ ignored: [...s.ignored, ...keys.map((key) => ({ key, at, ...extra }))] }, "ignore");
    if (this.state.notice?.kind !== "error") {
      this.set({ notice: { kind: "success", key: keys.length > 1 ? "finding.ignoredMany" : "finding.ignored", params: { n: keys.length }, place: "list", unignore: keys } });
    }
  }

  async unignore(key: string): Promise<void> {
    await this.unignoreMany([key]);
  }

  async unignoreMany(keys: readonly string[]): Promise<void> {
    const drop = new Set(keys);
    await this.updateSettings({ ignored: this.state.settings.ignored.filter((i) => !drop.has(i.key)) }, "ignore");
  }

  /** Take back the decision the last notice reports (its Undo button). */
  async undoIgnore(): Promise<void> {
    const keys = this.state.notice?.unignore;
    if (!keys) return;
    await this.unignoreMany(keys);
    if (this.state.notice?.kind !== "error") this.set({ notice: { kind: "success", key: "finding.unignored", params: { n: keys.length }, place: "list" } });
  }

  // ---- settings ----

  /** Save settings in the workbook and re-run the engine over the grids already read. */
  async updateSettings(patch: Partial<WorkbookSettings>, op: Busy["op"] = "settings"): Promise<void> {
    const settings = { ...this.state.settings, ...patch };
    for (const k of Object.keys(patch) as (keyof WorkbookSettings)[]) if (patch[k] === undefined) delete settings[k];
    // the pane follows at once (the language, the switches); the check follows the save
    await this.runOp(
      busyOf(op),
      async () => {
        await this.host.saveSettings(settings);
        await this.recompute(op);
      },
      { keepNotice: true, start: { settings, lang: settings.lang ?? this.state.lang } },
    );
  }

  setLang(lang: Lang): Promise<void> {
    return this.updateSettings({ lang });
  }

  // ---- marks ----

  /** Remove every mark; the list stays so the user can still navigate. Jixiao's changes stay (the history says so). */
  async clearMarks(): Promise<void> {
    await this.runOp(busyOf("clear", 1, "clearing"), async () => {
      const result = await this.host.clearMarks();
      const skipped = result?.skipped ?? [];
      const changes = this.state.history.filter((h) => !h.edited).length;
      this.idle({
        marksShown: skipped.length > 0,
        notice:
          skipped.length > 0
            ? { kind: "warning", key: "marks.clearSkipped", params: { sheets: skipped.map((x) => x.sheet).join("、") } }
            : changes > 0
              ? { kind: "success", key: "validate.clearedWithChanges", params: { n: changes } }
              : { kind: "success", key: "validate.cleared" },
      });
      await this.refreshMarkStatus();
    });
  }

  // ---- templates ----

  /**
   * Apply an insertion plan (requests in the order given), then check again so the list and the
   * marks follow the shifted rows; the sheet shows the first inserted row. A request that fails
   * undoes the ones applied before it.
   */
  async insertRows(requests: readonly InsertRowsRequest[]): Promise<InsertRowsResult[] | undefined> {
    if (requests.length === 0) return undefined;
    const results: InsertRowsResult[] = [];
    let inserted = false;
    return this.runOp(
      busyOf("insert", requests.length),
      async () => {
        for (const r of requests) {
          this.expectOwnChange(r.sheet, { top: r.afterRow + 1, bottom: MAX_ROWS, left: 1, right: MAX_COLS });
          results.push(await this.host.insertRows(r));
          this.set({ busy: { ...busyOf("insert", requests.length), done: results.length } });
        }
        inserted = true;
        const rows = requests.reduce((n, r) => n + r.values.length, 0);
        this.idle();
        const historyId = this.pushHistory({ kind: "insert", results, rows, sheet: requests[0].sheet });
        if (this.state.report) await this.validate();
        const first = results.reduce((a, b) => (b.range.top < a.range.top ? b : a));
        await this.selectInSheet(first.sheet, toA1(first.range.top, first.range.left));
        this.set({ notice: { kind: "success", key: "templates.inserted", params: { n: rows, sheet: requests[0].sheet }, place: "insert", historyId } });
        return results;
      },
      {
        failed: async (e) => {
          // a request failed: undo the ones applied before it
          if (!inserted) for (const r of [...results].reverse()) await this.host.undoInsert(r.undoToken).catch(() => undefined);
          return errorNotice(e, undefined, "insert");
        },
      },
    );
  }

  /** Remove the rows of the last insertion. */
  async undoInsert(): Promise<boolean> {
    const last = this.lastOf("insert");
    return last ? this.undo(last.id) : false;
  }

  private undoInsertEntry(h: Extract<HistoryEntry, { kind: "insert" }>): Promise<boolean | undefined> {
    return this.runOp(
      busyOf("insert", h.results.length),
      async () => {
        // undo in the reverse order of application
        for (const r of [...h.results].reverse()) {
          this.expectOwnChange(r.sheet, { top: r.range.top, bottom: MAX_ROWS, left: 1, right: MAX_COLS });
          await this.host.undoInsert(r.undoToken);
        }
        this.idle();
        this.dropHistory(h.id);
        if (this.state.report) await this.validate();
        const first = h.results[0];
        await this.selectInSheet(first.sheet, toA1(Math.max(1, first.range.top - 1), first.range.left));
        this.set({ notice: { kind: "success", key: "templates.insertUndone", place: "insert" } });
        return true;
      },
      { failed: (e) => errorNotice(e, undefined, "insert") },
    );
  }

  // ---- new table from template ----

  /**
   * Put a new table on a new sheet (never over an existing one), then check it: the new sheet is
   * the active one, so the report shows the table just made.
   */
  /**
   * 新建自评表: the self-evaluation of a target table (its project, money and every target copied,
   * 分值 spread 10/50/30/10) on a new sheet, checked at once, undone like a new table.
   */
  async createSelfEvaluation(table: TargetTable): Promise<AddSheetResult | undefined> {
    const { selfEvaluationGrid } = await loadEngine();
    // where the target table declares no money unit, the 默认金额单位 setting (as the CLI takes the configuration's)
    const unit = this.state.settings.moneyUnit;
    const made = selfEvaluationGrid(table, unit ? { moneyUnit: unit } : {});
    const n = table.indicators.filter((i) => i.name || i.value).length;
    return this.createTable(made, n, { key: "selfEval.created", params: { name: tableName(table) }, place: "insert" });
  }

  async createTable(request: AddSheetRequest, indicators = 0, done: { key: MessageKey; params?: Params; place: NoticePlace } = { key: "newTable.created", place: "new-table" }): Promise<AddSheetResult | undefined> {
    return this.runOp(
      busyOf("create"),
      async () => {
        const result = await this.host.addSheet(request);
        this.expectOwnChange(result.sheet, { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS });
        this.idle({ activeSheet: result.sheet, activeCell: { sheet: result.sheet, cell: "A1" }, pickedTable: null });
        const historyId = this.pushHistory({ kind: "sheet", result, indicators });
        await this.validate();
        if (this.state.notice?.kind !== "error") {
          this.set({ notice: { kind: "success", key: done.key, params: { ...done.params, sheet: result.sheet, n: indicators }, place: done.place, historyId } });
        }
        return result;
      },
      { failed: (e) => errorNotice(e, undefined, "new-table") },
    );
  }

  /**
   * Delete the last sheet made by createTable. A sheet edited since is kept and the notice asks
   * whether to delete it anyway (`force`).
   */
  async undoCreateTable(force = false): Promise<boolean> {
    const last = this.lastOf("sheet");
    return last ? this.undo(last.id, { force }) : false;
  }

  private undoSheetEntry(h: Extract<HistoryEntry, { kind: "sheet" }>, force: boolean): Promise<boolean | undefined> {
    const place: NoticePlace = this.state.notice?.place === "new-table" ? "new-table" : "top";
    return this.runOp(
      busyOf("create"),
      async () => {
        await this.host.removeAddedSheet(h.result.undoToken, { force });
        this.idle();
        this.dropHistory(h.id);
        await this.refreshActiveSheet();
        if (this.state.report) await this.validate();
        if (this.state.notice?.kind !== "error") this.set({ notice: { kind: "success", key: "newTable.removed", params: { sheet: h.result.sheet }, place } });
        return true;
      },
      {
        failed: (e): Notice => {
          // an edited sheet is kept: ask whether to delete it anyway
          if (e instanceof HostError && e.code === "conflict" && !force) {
            return { kind: "warning", key: "newTable.edited", params: { sheet: h.result.sheet }, place, historyId: h.id, force: true };
          }
          if (e instanceof HostError && e.code === "not-found") this.dropHistory(h.id);
          return errorNotice(e, undefined, place);
        },
      },
    );
  }

  // ---- user library ----

  /** Keep (or with null, remove) the user's own indicator library in the workbook. */
  async setUserLibrary(text: string | null): Promise<boolean> {
    const settings: WorkbookSettings = { ...this.state.settings };
    if (text) settings.userLibrary = text;
    else delete settings.userLibrary;
    const done = await this.runOp(
      busyOf("settings"),
      async () => {
        await this.host.saveSettings(settings);
        this.idle({ settings });
        return true;
      },
      { keepNotice: true },
    );
    return done ?? false;
  }

  /** Ask the host whether marks are in the workbook and whether it saves continuously (AutoSave). */
  private async refreshMarkStatus(): Promise<void> {
    try {
      const status = await this.host.markStatus();
      this.set({ markStatus: { present: status.present, autoSave: status.autoSave } });
    } catch {
      this.set({ markStatus: null });
    }
  }

  /** Show a notice from outside (the templates view). */
  notify(notice: Notice | null): void {
    this.set({ notice });
  }
}
