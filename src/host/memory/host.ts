/**
 * MemoryHost: the WorkbookHost over an in-memory workbook (browser playground, tests).
 *
 * Marks work exactly as in Excel: conditional formats carrying Jixiao's signature formula, one per
 * sheet and severity, so they never touch a value or a user's format and clearing them restores
 * the workbook exactly (compare `snapshot()` before and after). Protection, conflicts and missing
 * sheets raise the same HostErrors as the Excel host.
 */
import type { CellValue, Grid } from "../../core/grid";
import { rangeToA1, toA1 } from "../../core/grid";
import {
  HostError,
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
  type Progress,
  type SheetInfo,
  type SheetSelection,
  type SkippedSheet,
  type WorkbookHost,
  type WorkbookSettings,
} from "../types";
import { compressCells, parseCellAddress } from "../shared/addresses";
import { sameCellValue } from "../shared/cells";
import { ChangeBatcher, type Timers } from "../shared/changes";
import { checkInsertRequest, insertedRowsUntouched, mergesForInsert, layoutInsert, writtenValues, type InsertedRows } from "../shared/insert";
import { MARK_ADD_ORDER, MARK_FILL, MARKS_KEY, cellsOfSeverity, groupMarks, markFormula, markSeverityOfFormula, parseMarksRecord, type MarksRecord } from "../shared/marks";
import { hostMessage, markAdvice, quoteValue } from "../shared/messages";
import type { Lang } from "../../core/i18n";
import { holdsOnlyWritten, invalidRequest, layoutNewSheet, uniqueSheetName } from "../shared/newSheet";
import { SETTINGS_KEY, parseWorkbookSettings } from "../shared/settings";
import { layoutCellStyle } from "./layout";
import { MemoryWorkbook, keyCol, keyRow, type MemorySheet, type ViewState, type WorkbookSnapshot } from "./workbook";

export interface MemoryHostOptions {
  /** language of HostError messages and advice; default zh */
  lang?: Lang;
  /** onChange debounce; 0 (default) delivers each change synchronously */
  debounceMs?: number;
  timers?: Timers;
  /** clock for the marks record */
  now?: () => Date;
  /** the area of a sheet read at most, as in the Excel host (default 100,000 rows x 500 columns) */
  readLimit?: { maxRows: number; maxCols: number };
}

interface MemoryInsertUndo extends InsertedRows {
  sheetId: string;
}

interface AddedSheetRecord {
  sheetId: string;
  name: string;
  written: CellValue[][];
}

export class MemoryHost implements WorkbookHost {
  readonly kind = "memory" as const;
  readonly workbook: MemoryWorkbook;
  private readonly lang: Lang;
  private readonly options: MemoryHostOptions;
  private readonly messages = new Map<string, Mark>();
  private readonly inserts = new Map<string, MemoryInsertUndo>();
  private insertCounter = 0;
  private readonly added = new Map<string, AddedSheetRecord>();
  private readonly selectionHandlers = new Set<(sel: { sheet: string; cell: string }) => void>();
  /** messages about the last readSheets (a sheet read only in part), in the host's language */
  readWarnings: string[] = [];

  constructor(workbook: MemoryWorkbook = new MemoryWorkbook(), options: MemoryHostOptions = {}) {
    this.workbook = workbook;
    this.options = options;
    this.lang = options.lang ?? "zh";
  }

  static fromGrids(grids: readonly Grid[], options?: MemoryHostOptions): MemoryHost {
    return new MemoryHost(MemoryWorkbook.fromGrids(grids), options);
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options?: MemoryHostOptions): MemoryHost {
    return new MemoryHost(MemoryWorkbook.fromSnapshot(snapshot), options);
  }

  /** Deep-comparable state of the document (values, formats, merges, conditional formats, comments, notes, settings). */
  snapshot(): WorkbookSnapshot {
    return this.workbook.snapshot();
  }

  /** Active sheet and selection (not part of the snapshot: selecting is not editing). */
  view(): ViewState {
    return this.workbook.view();
  }

  /** The marks currently shown, with their messages (playground tooltips). */
  marks(): Mark[] {
    return [...this.messages.values()].map((m) => ({ ...m }));
  }

  markAt(sheet: string, cell: string): Mark | undefined {
    const s = this.workbook.sheetByName(sheet);
    const p = parseCellAddress(cell);
    if (!s || !p) return undefined;
    const m = this.messages.get(`${s.id}\u0000${toA1(p.row, p.col)}`);
    return m ? { ...m } : undefined;
  }

  /** Simulate a person typing into a cell (playground, tests); raises onChange like an edit in Excel. */
  userEdit(sheet: string, cell: string, value: CellValue): void {
    const s = this.sheetOrThrow(sheet);
    const p = this.cellOrThrow(cell);
    this.workbook.setValues(s, p.row, p.col, [[value]], "user");
  }

  // ------------------------------------------------------------------------ WorkbookHost

  async listSheets(): Promise<SheetInfo[]> {
    const active = this.workbook.activeSheet;
    return this.workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility, active: s === active }));
  }

  async readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    let sheets: MemorySheet[];
    if (selection.kind === "active") {
      const a = this.workbook.activeSheet;
      sheets = a ? [a] : [];
    } else if (selection.kind === "all") {
      sheets = [...this.workbook.sheets];
    } else {
      sheets = selection.names.map((n) => this.sheetOrThrow(n));
    }
    const limit = this.options.readLimit ?? { maxRows: 100_000, maxCols: 500 };
    this.readWarnings = [];
    const grids: Grid[] = [];
    sheets.forEach((s, i) => {
      const full = this.workbook.usedRange(s, true);
      const grid = this.workbook.toGrid(s, limit);
      if (full && (full.bottom > limit.maxRows || full.right > limit.maxCols)) {
        const read = this.workbook.usedRangeWithin(s, limit.maxRows, limit.maxCols);
        this.readWarnings.push(hostMessage(this.lang, "readLimited", { sheet: s.name, used: rangeToA1(full), read: read ? rangeToA1(read) : "—" }));
      }
      grids.push(grid);
      progress?.("reading", i + 1, sheets.length);
    });
    return grids;
  }

  async applyMarks(marks: Mark[], progress?: Progress): Promise<ApplyMarksResult> {
    const grouped = groupMarks(
      marks,
      (name) => {
        const sheet = this.workbook.sheetByName(name);
        return sheet ? { key: sheet, name: sheet.name } : undefined;
      },
      this.lang,
    );
    const skipped: SkippedSheet[] = grouped.skipped;
    const bySheet = grouped.bySheet;
    const total = bySheet.size;
    progress?.("marking", 0, total);
    const record: MarksRecord = { v: 1, sheets: [], at: this.now() };
    // remove earlier marks everywhere they can be removed
    for (const sheet of this.workbook.sheets) {
      const ours = sheet.conditionalFormats.filter(isMark);
      if (ours.length === 0) continue;
      if (sheet.protected) {
        const cells = ours.reduce((n, cf) => n + cf.ranges.reduce((k, r) => k + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0), 0);
        record.sheets.push({ id: sheet.id, name: sheet.name, cells });
        continue;
      }
      for (const cf of ours) this.workbook.deleteConditionalFormat(sheet, cf.id);
    }
    for (const key of [...this.messages.keys()]) {
      const sheet = this.workbook.sheetById(key.split("\u0000")[0]);
      if (!sheet || !sheet.protected) this.messages.delete(key);
    }
    let marked = 0;
    let done = 0;
    for (const [sheet, cells] of bySheet) {
      if (sheet.protected) {
        skipped.push({ sheet: sheet.name, code: "protected", message: hostMessage(this.lang, "marksProtected", { sheet: sheet.name }) });
        continue;
      }
      for (const c of cells.values()) this.messages.set(`${sheet.id}\u0000${c.mark.cell}`, c.mark);
      for (const sev of MARK_ADD_ORDER) {
        const list = cellsOfSeverity(cells, sev);
        if (!list.length) continue;
        this.workbook.addConditionalFormat(sheet, {
          type: "Custom",
          ranges: compressCells(list),
          formula: markFormula(sev),
          format: { fill: MARK_FILL[sev] },
          stopIfTrue: false,
        });
      }
      const existing = record.sheets.find((s) => s.id === sheet.id);
      if (existing) existing.cells += cells.size;
      else record.sheets.push({ id: sheet.id, name: sheet.name, cells: cells.size });
      marked += cells.size;
      progress?.("marking", ++done, total);
    }
    if (record.sheets.length) this.workbook.settings.set(MARKS_KEY, record);
    else this.workbook.settings.delete(MARKS_KEY);
    return { marked, skipped };
  }

  async clearMarks(): Promise<ClearMarksResult> {
    const skipped: SkippedSheet[] = [];
    const remaining: MarksRecord["sheets"] = [];
    let removed = 0;
    for (const sheet of this.workbook.sheets) {
      const ours = sheet.conditionalFormats.filter(isMark);
      if (ours.length === 0) continue;
      if (sheet.protected) {
        skipped.push({ sheet: sheet.name, code: "protected", message: hostMessage(this.lang, "clearProtected", { sheet: sheet.name }) });
        remaining.push({ id: sheet.id, name: sheet.name, cells: 0 });
        continue;
      }
      for (const cf of ours) {
        this.workbook.deleteConditionalFormat(sheet, cf.id);
        removed++;
      }
    }
    for (const key of [...this.messages.keys()]) {
      const sheet = this.workbook.sheetById(key.split("\u0000")[0]);
      if (!sheet || !sheet.protected) this.messages.delete(key);
    }
    if (remaining.length) this.workbook.settings.set(MARKS_KEY, { v: 1, sheets: remaining, at: this.now() } satisfies MarksRecord);
    else this.workbook.settings.delete(MARKS_KEY);
    return { removed, skipped };
  }

  async markStatus(): Promise<MarkStatus> {
    const record = parseMarksRecord(this.workbook.settings.get(MARKS_KEY));
    const settings = parseWorkbookSettings(this.workbook.settings.get(SETTINGS_KEY));
    const present = !!record && record.sheets.length > 0;
    const sheets = (record?.sheets ?? []).map((s) => this.workbook.sheetById(s.id)?.name ?? s.name);
    return {
      present,
      cells: (record?.sheets ?? []).reduce((n, s) => n + s.cells, 0),
      sheets,
      autoSave: false,
      onSave: "saved-with-workbook",
      advice: markAdvice(this.lang, { present, autoSave: false, keepMarksOnSave: settings.keepMarksOnSave }),
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const s = this.sheetOrThrow(sheet);
    const p = this.cellOrThrow(cell);
    if (s.visibility !== "visible") throw new HostError("invalid", hostMessage(this.lang, "sheetHidden", { sheet: s.name }), { sheets: [s.name] });
    this.workbook.select(s.id, { top: p.row, bottom: p.row, left: p.col, right: p.col });
    // as in Excel, a selection made by the add-in is reported like one made by the user
    const sel = { sheet: s.name, cell: toA1(p.row, p.col) };
    for (const h of [...this.selectionHandlers]) h(sel);
  }

  async setCellValue(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    const s = this.sheetOrThrow(sheet);
    const p = this.cellOrThrow(cell);
    const a1 = toA1(p.row, p.col);
    if (s.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: s.name }), { sheets: [s.name] });
    const current = this.workbook.getCell(s, p.row, p.col);
    if (current?.formula !== undefined) throw new HostError("conflict", hostMessage(this.lang, "formula", { sheet: s.name, cell: a1 }));
    const previous = current?.value ?? null;
    if (!sameCellValue(previous, expected)) {
      throw new HostError("conflict", hostMessage(this.lang, "conflict", { sheet: s.name, cell: a1, actual: quoteValue(previous), expected: quoteValue(expected) }));
    }
    this.workbook.setValues(s, p.row, p.col, [[value === "" ? null : value]], "host");
    return { sheet: s.name, cell: a1, previous, value };
  }

  async insertRows(request: InsertRowsRequest): Promise<InsertRowsResult> {
    const s = this.sheetOrThrow(request.sheet);
    const { count, width } = checkInsertRequest(request, this.lang);
    if (s.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: s.name }), { sheets: [s.name] });
    const merges = mergesForInsert(s.merges, request);
    const layout = layoutInsert({
      afterRow: request.afterRow,
      count,
      startCol: request.startCol,
      width,
      formatFromRow: request.formatFromRow,
      extendMergesInColumns: request.extendMergesInColumns,
      merges,
    });
    const top = layout.insertAt;
    const bottom = top + count - 1;
    this.workbook.insertRows(s, top, count, "host");
    for (const span of layout.copySpans) {
      this.workbook.copyFormats(
        s,
        { top: layout.sourceRow, bottom: layout.sourceRow, left: span.left, right: span.right },
        { top, bottom, left: span.left, right: span.right },
      );
    }
    const written = writtenValues(request, layout, width);
    this.workbook.setValues(s, top, request.startCol, written, "host");
    for (const area of layout.extend) this.workbook.merge(s, area);

    const token = `memory-insert-${++this.insertCounter}`;
    const area = { top, bottom, left: request.startCol, right: request.startCol + width - 1 };
    this.inserts.set(token, { sheetId: s.id, top, count, area, written });
    const warnings = layout.warnings.map((w) => hostMessage(this.lang, w === "merges-unknown" ? "mergesUnknown" : "mergeConflict"));
    return { sheet: s.name, range: area, undoToken: token, ...(warnings.length ? { warnings } : {}) };
  }

  async undoInsert(token: string): Promise<void> {
    const rec = this.inserts.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(this.lang, "undoUnknown"));
    const s = this.workbook.sheetById(rec.sheetId);
    if (!s) throw new HostError("not-found", hostMessage(this.lang, "undoUnknown"));
    if (s.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: s.name }), { sheets: [s.name] });
    const rowsText = `${rec.top}:${rec.top + rec.count - 1}`;
    // the rows must still hold exactly what was inserted and nothing else
    if (!insertedRowsUntouched(this.usedValuesOfRows(s, rec.top, rec.top + rec.count - 1), rec)) {
      throw new HostError("conflict", hostMessage(this.lang, "undoEdited", { sheet: s.name, rows: rowsText }));
    }
    this.workbook.deleteRows(s, rec.top, rec.count, "host");
    this.inserts.delete(token);
  }

  async addSheet(request: AddSheetRequest): Promise<AddSheetResult> {
    if (invalidRequest(request)) throw new HostError("invalid", hostMessage(this.lang, "newSheetInvalid"));
    const layout = layoutNewSheet(request);
    const name = uniqueSheetName(request.sheet, this.workbook.sheets.map((x) => x.name));
    const wb = this.workbook;
    const s = wb.addSheet(name);
    wb.setValues(s, 1, 1, layout.values, "host");
    for (let r = 1; r <= layout.rows; r++) {
      for (let c = 1; c <= layout.cols; c++) {
        const nf = layout.numberFormats[r - 1][c - 1];
        wb.patchCell(s, r, c, { numberFormat: nf === "General" ? undefined : nf, style: layoutCellStyle(layout, r, c) });
      }
    }
    for (const m of layout.merges) wb.merge(s, m);
    layout.columnWidths.forEach((w, i) => wb.setColumnWidth(s, i + 1, w));
    wb.select(s.id, { top: 1, left: 1, bottom: 1, right: 1 });
    const token = `memory-sheet-${++this.insertCounter}`;
    const written = wb.values(s, layout.range);
    this.added.set(token, { sheetId: s.id, name, written });
    return { sheet: name, range: layout.range, undoToken: token };
  }

  async removeAddedSheet(token: string, options: { force?: boolean } = {}): Promise<void> {
    const rec = this.added.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(this.lang, "sheetUnknown"));
    const s = this.workbook.sheetById(rec.sheetId);
    if (!s) {
      this.added.delete(token);
      throw new HostError("not-found", hostMessage(this.lang, "sheetGone", { sheet: rec.name }), { sheets: [rec.name] });
    }
    if (s.protected) throw new HostError("protected", hostMessage(this.lang, "protected", { sheet: s.name }), { sheets: [s.name] });
    if (!options.force) {
      const used = this.workbook.usedRange(s, true);
      const now = used ? { top: used.top, left: used.left, values: this.workbook.values(s, used) } : null;
      if (!holdsOnlyWritten(now, rec.written)) throw new HostError("conflict", hostMessage(this.lang, "sheetEdited", { sheet: s.name }), { sheets: [s.name] });
    }
    if (!this.workbook.sheets.some((x) => x !== s && x.visibility === "visible")) {
      throw new HostError("invalid", hostMessage(this.lang, "lastSheet", { sheet: s.name }), { sheets: [s.name] });
    }
    this.workbook.deleteSheet(s.id);
    this.added.delete(token);
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return parseWorkbookSettings(this.workbook.settings.get(SETTINGS_KEY));
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const clean = parseWorkbookSettings(JSON.parse(JSON.stringify(settings)) as unknown);
    this.workbook.settings.set(SETTINGS_KEY, clean);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    const batcher = new ChangeBatcher(listener, this.options.debounceMs ?? 0, this.options.timers);
    const off = this.workbook.onChange((c) => batcher.add(c.sheet, c.range));
    return () => {
      off();
      batcher.dispose();
    };
  }

  /**
   * Selection changes: every selectCell (the playground's grid click and sheet tabs go through it,
   * so they are the user's selection).
   */
  onSelectionChanged(handler: (sel: { sheet: string; cell: string }) => void): () => void {
    this.selectionHandlers.add(handler);
    return () => {
      this.selectionHandlers.delete(handler);
    };
  }

  // ------------------------------------------------------------------------ helpers

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** The values of rows top..bottom within their used columns (as Excel's getUsedRange(true) of the rows); null when empty. */
  private usedValuesOfRows(s: MemorySheet, top: number, bottom: number): { top: number; left: number; values: CellValue[][] } | null {
    let first = Infinity;
    let last = 0;
    let left = Infinity;
    let right = 0;
    for (const [k, c] of s.cells) {
      const row = keyRow(k);
      if (row < top || row > bottom || (c.value === null && c.formula === undefined)) continue;
      const col = keyCol(k);
      first = Math.min(first, row);
      last = Math.max(last, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    if (last === 0) return null;
    return { top: first, left, values: this.workbook.values(s, { top: first, bottom: last, left, right }) };
  }

  private sheetOrThrow(name: string): MemorySheet {
    const s = this.workbook.sheetByName(name);
    if (!s) throw new HostError("not-found", hostMessage(this.lang, "sheetNotFound", { sheet: name }), { sheets: [name] });
    return s;
  }

  private cellOrThrow(cell: string): { row: number; col: number } {
    const p = parseCellAddress(cell);
    if (!p) throw new HostError("invalid", hostMessage(this.lang, "badAddress", { cell }));
    return p;
  }
}

function isMark(cf: { type: string; formula?: string }): boolean {
  return cf.type === "Custom" && markSeverityOfFormula(cf.formula) !== null;
}
