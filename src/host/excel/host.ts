/**
 * ExcelHost: WorkbookHost over Office.js — a facade over one module per job:
 *
 *   session.ts   Excel.run, errors -> HostError, delayForCellEdit, the sheet list cache
 *   read.ts      readSheets: every sheet in one sync; refusals batched again (readLarge.ts: row blocks)
 *   merges.ts    merged areas as Excel answers them: by top-left cell, at most 512 a call
 *   marks.ts     applyMarks / clearMarks / markStatus: conditional formats, two syncs
 *   fixes.ts     selectCell, setCellValue (a fix or its undo)
 *   rows.ts      insertRows / undoInsert
 *   sheets.ts    addSheet / removeAddedSheet
 *   settings.ts  loadSettings / saveSettings
 *   events.ts    onChange, onSelectionChanged, dispose
 *   values.ts    values to and from Office.js (text written so that Excel keeps it text)
 *
 * Batching (docs/architecture.md "Promises"): reading any number of sheets is one context.sync(), marking
 * two, whatever the number of findings; see docs/excel-addin.md for every operation's syncs. The logic
 * both hosts share (mark grouping, insertion planning, new-sheet layout, settings parsing, messages)
 * lives in ../shared; this module imports Office types only, never React, and never the memory host.
 * All Office access goes through an injected `OfficeApi` so tests run it against a fake object model.
 */
import type { CellValue, Grid } from "../../core/grid";
import type {
  AddSheetRequest,
  AddSheetResult,
  ApplyMarksResult,
  CellChange,
  ChangeEvent,
  ClearMarksResult,
  InsertRowsRequest,
  InsertRowsResult,
  Mark,
  MarkStatus,
  Progress,
  SheetInfo,
  SheetSelection,
  WorkbookHost,
  WorkbookSettings,
} from "../types";
import { officeApi, type ExcelHostOptions, type OfficeApi } from "./api";
import { ExcelEvents } from "./events";
import { ExcelFixes } from "./fixes";
import { ExcelMarks } from "./marks";
import { MergeReader } from "./merges";
import { ExcelReader } from "./read";
import { ExcelRows } from "./rows";
import { ExcelSession } from "./session";
import { ExcelSettings } from "./settings";
import { ExcelSheets } from "./sheets";

export { MERGES_EXCEL_API, MIN_EXCEL_API, officeApi, type ExcelHostOptions, type OfficeApi } from "./api";
export { toOfficeValue } from "./values";

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly session: ExcelSession;
  private readonly reader: ExcelReader;
  private readonly marks: ExcelMarks;
  private readonly fixes: ExcelFixes;
  private readonly rows: ExcelRows;
  private readonly sheets: ExcelSheets;
  private readonly settings: ExcelSettings;
  private readonly events: ExcelEvents;

  constructor(api: OfficeApi, options: ExcelHostOptions = {}) {
    this.session = new ExcelSession(api, options);
    this.reader = new ExcelReader(this.session);
    this.marks = new ExcelMarks(this.session);
    this.fixes = new ExcelFixes(this.session);
    this.rows = new ExcelRows(this.session, new MergeReader(this.session));
    this.sheets = new ExcelSheets(this.session);
    this.settings = new ExcelSettings(this.session);
    this.events = new ExcelEvents(this.session);
  }

  /**
   * Check the requirement set and load the sheet list (one sync), so that reading any number of
   * sheets afterwards is a single sync.
   */
  static async create(api: OfficeApi = officeApi(), options: ExcelHostOptions = {}): Promise<ExcelHost> {
    const host = new ExcelHost(api, options);
    host.session.requireBase();
    await host.session.refreshSheets();
    return host;
  }

  /** whether this Excel can read merged areas (ExcelApi 1.13) */
  get mergesSupported(): boolean {
    return this.session.mergesSupported;
  }

  /** messages about the last readSheets (a sheet read only in part, merges left unread), in the host's language */
  get readWarnings(): string[] {
    return this.session.readWarnings;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const s = this.session;
    s.requireBase();
    return s.run(
      async (context) => {
        const list = s.queueSheetList(context);
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load("id");
        await context.sync();
        return s.adoptSheetList(list).map((x) => ({ name: x.name, visibility: x.visibility, active: x.id === active.id }));
      },
      { wait: true },
    );
  }

  readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]> {
    return this.reader.readSheets(selection, progress);
  }

  applyMarks(marks: Mark[], progress?: Progress): Promise<ApplyMarksResult> {
    return this.marks.apply(marks, progress);
  }

  clearMarks(): Promise<ClearMarksResult> {
    return this.marks.clear();
  }

  markStatus(): Promise<MarkStatus> {
    return this.marks.status();
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.fixes.selectCell(sheet, cell);
  }

  setCellValue(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    return this.fixes.setCellValue(sheet, cell, value, expected);
  }

  insertRows(request: InsertRowsRequest): Promise<InsertRowsResult> {
    return this.rows.insertRows(request);
  }

  undoInsert(token: string): Promise<void> {
    return this.rows.undoInsert(token);
  }

  addSheet(request: AddSheetRequest): Promise<AddSheetResult> {
    return this.sheets.addSheet(request);
  }

  removeAddedSheet(token: string, options: { force?: boolean } = {}): Promise<void> {
    return this.sheets.removeAddedSheet(token, options);
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.settings.load();
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.settings.save(settings);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    return this.events.onChange(listener);
  }

  onSelectionChanged(handler: (sel: { sheet: string; cell: string }) => void): () => void {
    return this.events.onSelectionChanged(handler);
  }

  /** Stop listening to Excel (removes the event handlers) and drop pending notifications. */
  dispose(): Promise<void> {
    return this.events.dispose();
  }
}
