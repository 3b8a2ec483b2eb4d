/**
 * The pane's controller: everything the pane does to a workbook, as plain async methods over a
 * WorkbookHost and the core engine, with an immutable state snapshot React subscribes to
 * (useSyncExternalStore). No React and no Office here, so the same code runs inside Excel, in
 * the playground and under jest.
 */
import { revalidate, validate, type Report, type ValidateOptions } from "../../core/engine";
import type { Finding, Lang } from "../../core/finding";
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { parseA1 } from "../../core/grid";
import {
  DEFAULT_SETTINGS,
  HostError,
  marksFromFindings,
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
import { ALL_FILTERS, applyFilters, displayOrder, findingId, groupFindings, reselect, step, type Filters } from "./findings";

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

export interface Notice {
  kind: "success" | "error" | "info" | "warning";
  key: MessageKey;
  params?: Params;
  /** offer an undo button next to the notice ("sheet-force": delete an edited new sheet anyway) */
  undo?: "fix" | "insert" | "sheet" | "sheet-force";
}

export interface FixRecord {
  change: CellChange;
  label: string;
}

export interface InsertRecord {
  /** one result per request of the plan, in the order applied */
  results: InsertRowsResult[];
  rows: number;
}

export interface PaneState {
  lang: Lang;
  settings: WorkbookSettings;
  scope: Scope;
  busy: Busy | null;
  /** the last completed check; null before the first */
  report: Report | null;
  filters: Filters;
  /** findingId of the selected finding */
  selectedId?: string;
  /** fixes applied, most recent last */
  fixes: FixRecord[];
  insertions: InsertRecord[];
  /** sheets made by "new table from template", most recent last (for undo) */
  addedSheets: AddSheetResult[];
  /** Jixiao's marks are on the sheets */
  marksShown: boolean;
  /** the workbook changed after the last check */
  stale: boolean;
  notice: Notice | null;
  /** whether marks are in the workbook and whether it saves continuously (AutoSave), per the host */
  markStatus: { present: boolean; autoSave: boolean } | null;
}

export interface SessionOptions {
  /** the language to use when the workbook has no preference (Office's display language) */
  lang?: Lang;
  scope?: Scope;
  /** yield to the UI between stages; tests pass a no-op */
  yieldToUi?: () => Promise<void>;
  /** how long after the last edit the edited sheets are checked again (ms) */
  recheckDelayMs?: number;
}

/** Typing a row of values raises several change events: wait for a pause before checking again. */
const RECHECK_DELAY_MS = 1200;

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long after Jixiao's own write its change event may still arrive (Excel debounces and batches events). */
const OWN_CHANGE_MS = 3000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function errorNotice(e: unknown, cell?: string): Notice {
  if (e instanceof HostError) {
    if (e.code === "conflict") return { kind: "error", key: "error.conflict", params: { cell: cell ?? "" } };
    if (e.code === "protected") return { kind: "error", key: "error.protected" };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "error", key: "error.generic", params: { message } };
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

export class PaneSession {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private grids: Grid[] = [];
  /** the run that may still deliver a result; cancelling bumps it */
  private run = 0;
  /** areas Jixiao wrote itself, until when: their change events do not make the report stale */
  private ownAreas: { sheet: string; range: CellRange; until: number }[] = [];
  private unsubscribe: (() => void) | null = null;
  private readonly yieldToUi: () => Promise<void>;
  /** sheets edited since the last check, waiting for the re-check */
  private touched = new Set<string>();
  private recheckTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly recheckDelayMs: number;

  constructor(
    readonly host: WorkbookHost,
    options: SessionOptions = {},
  ) {
    this.yieldToUi = options.yieldToUi ?? defaultYield;
    this.recheckDelayMs = options.recheckDelayMs ?? RECHECK_DELAY_MS;
    this.state = {
      lang: options.lang ?? "zh",
      settings: { ...DEFAULT_SETTINGS },
      // 校验本表: the active sheet, as the ribbon button says; the pane offers the whole workbook
      scope: options.scope ?? "active",
      busy: null,
      report: null,
      filters: ALL_FILTERS,
      fixes: [],
      insertions: [],
      addedSheets: [],
      marksShown: false,
      stale: false,
      notice: null,
      markStatus: null,
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

  // ---- lifecycle ----

  /** Load the workbook's settings and listen for edits. */
  async start(): Promise<void> {
    try {
      const saved = await this.host.loadSettings();
      const settings: WorkbookSettings = { ...DEFAULT_SETTINGS, ...saved };
      this.set({ settings, lang: settings.lang ?? this.state.lang });
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    }
    this.unsubscribe?.();
    this.unsubscribe = this.host.onChange((ev) => {
      if (this.isOwnChange(ev.sheet, ev.range)) return;
      // only edits on the sheets of the last check change its result
      if (!this.state.report || !this.grids.some((g) => g.sheet === ev.sheet)) return;
      this.touched.add(ev.sheet);
      if (!this.state.stale) this.set({ stale: true });
      if (this.state.settings.autoRecheck !== false) this.scheduleRecheck();
    });
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
    const run = ++this.run;
    this.set({ busy: { op: "recheck", stage: "reading", done: 0, total: names.length, cancellable: true } });
    try {
      const fresh = await this.host.readSheets({ kind: "named", names });
      if (run !== this.run) return false;
      this.grids = this.grids.map((g) => fresh.find((f) => f.sheet === g.sheet) ?? g);
      this.set({ busy: { op: "recheck", stage: "checking", done: 0, total: names.length, cancellable: true } });
      const report = revalidate(previous, this.grids, new Set(names), this.options());
      if (run !== this.run) return false;
      await this.showReport(report, "recheck");
      if (this.touched.size === 0) this.set({ stale: false });
      return true;
    } catch (e) {
      if (run === this.run) this.set({ busy: null, notice: errorNotice(e) });
      return false;
    }
  }

  /** Areas Jixiao itself is writing: change events inside them do not make the report stale. */
  private expectOwnChange(sheet: string, range: CellRange): void {
    this.ownAreas.push({ sheet, range, until: Date.now() + OWN_CHANGE_MS });
  }

  private isOwnChange(sheet: string, r: CellRange): boolean {
    const now = Date.now();
    this.ownAreas = this.ownAreas.filter((a) => a.until > now);
    return this.ownAreas.some(
      (a) => a.sheet === sheet && r.top >= a.range.top && r.bottom <= a.range.bottom && r.left >= a.range.left && r.right <= a.range.right,
    );
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
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
    };
  }

  /** The findings in list order after the filters. */
  visibleOrder(): Finding[] {
    const r = this.state.report;
    if (!r) return [];
    return displayOrder(groupFindings(applyFilters(r.findings, this.state.filters), r.tables));
  }

  setFilters(filters: Filters): void {
    this.set({ filters });
  }

  setScope(scope: Scope): void {
    this.set({ scope });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  // ---- validate ----

  /** Read the sheets, run the engine, mark the findings. Resolves false when cancelled. */
  async validate(): Promise<boolean> {
    if (this.state.busy) return false;
    const run = ++this.run;
    const reading: Progress = (stage, done, total) => {
      if (run === this.run) this.set({ busy: { op: "validate", stage, done, total, cancellable: true } });
    };
    this.set({ busy: { op: "validate", stage: "reading", done: 0, total: 0, cancellable: true }, notice: null });
    try {
      const grids = await this.host.readSheets(this.state.scope === "active" ? { kind: "active" } : { kind: "all" }, reading);
      if (run !== this.run) return false;
      this.set({ busy: { op: "validate", stage: "checking", done: 0, total: grids.length, cancellable: true } });
      await this.yieldToUi();
      if (run !== this.run) return false;
      const report = validate(grids, this.options());
      if (run !== this.run) return false;
      this.grids = grids;
      this.touched = new Set();
      await this.showReport(report, "validate");
      this.set({ stale: false });
      return true;
    } catch (e) {
      if (run === this.run) this.set({ busy: null, notice: errorNotice(e) });
      return false;
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
    const before = this.visibleOrder();
    const prevSelected = this.state.selectedId;
    const marks = op === "validate" || this.state.marksShown;
    if (marks) {
      this.set({ busy: { op, stage: "marking", done: 0, total: report.findings.length, cancellable: false } });
      const result = await this.host.applyMarks(marksFromFindings(report.findings), (_s, done, total) =>
        this.set({ busy: { op, stage: "marking", done, total, cancellable: false } }),
      );
      const skipped = result?.skipped ?? [];
      if (skipped.length > 0) this.set({ notice: { kind: "warning", key: "marks.skipped", params: { sheets: skipped.map((x) => x.sheet).join("、") } } });
    }
    this.set({ report, busy: null, marksShown: marks || this.state.marksShown });
    if (marks) await this.refreshMarkStatus();
    const selectedId = reselect(before, this.visibleOrder(), prevSelected);
    this.set({ selectedId });
  }

  /** Run the engine again over the grids already read (after ignore, settings, language). */
  private async recompute(op: Busy["op"]): Promise<void> {
    if (!this.state.report) return;
    const report = validate(this.grids, this.options());
    await this.showReport(report, op);
  }

  // ---- navigation ----

  async select(f: Finding): Promise<void> {
    this.set({ selectedId: findingId(f) });
    try {
      await this.host.selectCell(f.sheet, f.cell);
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    }
  }

  /** Select the next (1) or previous (-1) finding of the filtered list. */
  async step(dir: 1 | -1): Promise<Finding | undefined> {
    const f = step(this.visibleOrder(), this.state.selectedId, dir);
    if (f) await this.select(f);
    return f;
  }

  // ---- fixes ----

  private async write(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    const { row, col } = parseA1(cell);
    this.expectOwnChange(sheet, { top: row, bottom: row, left: col, right: col });
    return this.host.setCellValue(sheet, cell, value, expected);
  }

  /** Apply a finding's fix, then check again. */
  async applyFix(f: Finding): Promise<boolean> {
    const fix = f.fix;
    if (!fix || this.state.busy) return false;
    this.set({ busy: { op: "fix", done: 0, total: 1, cancellable: false }, notice: null });
    try {
      const change = await this.write(fix.sheet, fix.cell, fix.value, fix.previous);
      patchGrid(this.grids, fix.sheet, fix.cell, change.value);
      this.set({ fixes: [...this.state.fixes, { change, label: fix.label }] });
      await this.recompute("fix");
      this.set({ busy: null, notice: { kind: "success", key: "finding.fixApplied", params: { cell: fix.cell }, undo: "fix" } });
      return true;
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e, fix.cell) });
      return false;
    }
  }

  /** Undo the most recent fix (puts the previous value back unless the user changed the cell since). */
  async undoFix(): Promise<boolean> {
    const last = this.state.fixes[this.state.fixes.length - 1];
    if (!last || this.state.busy) return false;
    const { change } = last;
    this.set({ busy: { op: "undo", done: 0, total: 1, cancellable: false }, notice: null });
    try {
      await this.write(change.sheet, change.cell, change.previous, change.value);
      patchGrid(this.grids, change.sheet, change.cell, change.previous);
      this.set({ fixes: this.state.fixes.slice(0, -1) });
      await this.recompute("undo");
      this.set({ busy: null, notice: { kind: "success", key: "finding.undone", params: { cell: change.cell } } });
      return true;
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e, change.cell) });
      return false;
    }
  }

  // ---- ignore ----

  async ignore(f: Finding, reason?: string): Promise<void> {
    if (this.state.busy) return;
    const s = this.state.settings;
    if (s.ignored.some((i) => i.key === f.key)) return;
    const entry = { key: f.key, at: new Date().toISOString(), ...(reason && reason.trim() ? { reason: reason.trim() } : {}) };
    await this.updateSettings({ ignored: [...s.ignored, entry] }, "ignore");
    if (this.state.notice?.kind !== "error") this.set({ notice: { kind: "success", key: "finding.ignored" } });
  }

  async unignore(key: string): Promise<void> {
    if (this.state.busy) return;
    await this.updateSettings({ ignored: this.state.settings.ignored.filter((i) => i.key !== key) }, "ignore");
  }

  // ---- settings ----

  /** Save settings in the workbook and re-run the engine over the grids already read. */
  async updateSettings(patch: Partial<WorkbookSettings>, op: Busy["op"] = "settings"): Promise<void> {
    if (this.state.busy) return;
    const settings = { ...this.state.settings, ...patch };
    const lang = settings.lang ?? this.state.lang;
    this.set({ settings, lang, busy: { op, done: 0, total: 1, cancellable: false } });
    try {
      await this.host.saveSettings(settings);
      await this.recompute(op);
      this.set({ busy: null });
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e) });
    }
  }

  setLang(lang: Lang): Promise<void> {
    return this.updateSettings({ lang });
  }

  // ---- marks ----

  /** Remove every mark; the list stays so the user can still navigate. */
  async clearMarks(): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: { op: "clear", stage: "clearing", done: 0, total: 1, cancellable: false }, notice: null });
    try {
      const result = await this.host.clearMarks();
      const skipped = result?.skipped ?? [];
      this.set({
        busy: null,
        marksShown: skipped.length > 0,
        notice:
          skipped.length > 0
            ? { kind: "warning", key: "marks.clearSkipped", params: { sheets: skipped.map((x) => x.sheet).join("、") } }
            : { kind: "success", key: "validate.cleared" },
      });
      await this.refreshMarkStatus();
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e) });
    }
  }

  // ---- templates ----

  /**
   * Apply an insertion plan (requests in the order given), then check again so the list and the
   * marks follow the shifted rows. A request that fails undoes the ones applied before it.
   */
  async insertRows(requests: readonly InsertRowsRequest[]): Promise<InsertRowsResult[] | undefined> {
    if (this.state.busy || requests.length === 0) return undefined;
    this.set({ busy: { op: "insert", done: 0, total: requests.length, cancellable: false }, notice: null });
    const results: InsertRowsResult[] = [];
    try {
      for (const r of requests) {
        this.expectOwnChange(r.sheet, { top: r.afterRow + 1, bottom: MAX_ROWS, left: 1, right: MAX_COLS });
        results.push(await this.host.insertRows(r));
        this.set({ busy: { op: "insert", done: results.length, total: requests.length, cancellable: false } });
      }
    } catch (e) {
      for (const r of [...results].reverse()) await this.host.undoInsert(r.undoToken).catch(() => undefined);
      this.set({ busy: null, notice: errorNotice(e) });
      return undefined;
    }
    const rows = requests.reduce((n, r) => n + r.values.length, 0);
    this.set({ busy: null, insertions: [...this.state.insertions, { results, rows }] });
    if (this.state.report) await this.validate();
    this.set({
      notice: {
        kind: "success",
        key: "templates.inserted",
        params: { n: rows, sheet: requests[0].sheet },
        undo: "insert",
      },
    });
    return results;
  }

  /** Remove the rows of the last insertion. */
  async undoInsert(): Promise<boolean> {
    const last = this.state.insertions[this.state.insertions.length - 1];
    if (!last || this.state.busy) return false;
    this.set({ busy: { op: "insert", done: 0, total: last.results.length, cancellable: false }, notice: null });
    try {
      // undo in the reverse order of application
      for (const r of [...last.results].reverse()) {
        this.expectOwnChange(r.sheet, { top: r.range.top, bottom: MAX_ROWS, left: 1, right: MAX_COLS });
        await this.host.undoInsert(r.undoToken);
      }
      this.set({ busy: null, insertions: this.state.insertions.slice(0, -1) });
      if (this.state.report) await this.validate();
      this.set({ notice: { kind: "success", key: "templates.insertUndone" } });
      return true;
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e) });
      return false;
    }
  }

  // ---- new table from template ----

  /**
   * Put a new table on a new sheet (never over an existing one), then check it: the new sheet is
   * the active one, so the report shows the table just made.
   */
  async createTable(request: AddSheetRequest, indicators = 0): Promise<AddSheetResult | undefined> {
    if (this.state.busy) return undefined;
    this.set({ busy: { op: "create", done: 0, total: 1, cancellable: false }, notice: null });
    let result: AddSheetResult;
    try {
      result = await this.host.addSheet(request);
      this.expectOwnChange(result.sheet, { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS });
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e) });
      return undefined;
    }
    this.set({ busy: null, addedSheets: [...this.state.addedSheets, result] });
    await this.validate();
    if (this.state.notice?.kind !== "error") {
      this.set({ notice: { kind: "success", key: "newTable.created", params: { sheet: result.sheet, n: indicators }, undo: "sheet" } });
    }
    return result;
  }

  /**
   * Delete the last sheet made by createTable. A sheet edited since is kept and the notice asks
   * whether to delete it anyway (`force`).
   */
  async undoCreateTable(force = false): Promise<boolean> {
    const last = this.state.addedSheets[this.state.addedSheets.length - 1];
    if (!last || this.state.busy) return false;
    this.set({ busy: { op: "create", done: 0, total: 1, cancellable: false }, notice: null });
    try {
      await this.host.removeAddedSheet(last.undoToken, { force });
    } catch (e) {
      if (e instanceof HostError && e.code === "conflict" && !force) {
        this.set({ busy: null, notice: { kind: "warning", key: "newTable.edited", params: { sheet: last.sheet }, undo: "sheet-force" } });
      } else {
        if (e instanceof HostError && e.code === "not-found") this.set({ addedSheets: this.state.addedSheets.slice(0, -1) });
        this.set({ busy: null, notice: errorNotice(e) });
      }
      return false;
    }
    this.set({ busy: null, addedSheets: this.state.addedSheets.slice(0, -1) });
    if (this.state.report) await this.validate();
    if (this.state.notice?.kind !== "error") this.set({ notice: { kind: "success", key: "newTable.removed", params: { sheet: last.sheet } } });
    return true;
  }

  // ---- user library ----

  /** Keep (or with null, remove) the user's own indicator library in the workbook. */
  async setUserLibrary(text: string | null): Promise<boolean> {
    if (this.state.busy) return false;
    const settings: WorkbookSettings = { ...this.state.settings };
    if (text) settings.userLibrary = text;
    else delete settings.userLibrary;
    this.set({ busy: { op: "settings", done: 0, total: 1, cancellable: false } });
    try {
      await this.host.saveSettings(settings);
      this.set({ settings, busy: null });
      return true;
    } catch (e) {
      this.set({ busy: null, notice: errorNotice(e) });
      return false;
    }
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
