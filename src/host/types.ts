/**
 * WorkbookHost: everything the task pane and commands may do to a workbook.
 * Implementations: excel/ (Office.js, batched syncs) and memory/ (playground, tests); the logic both
 * share lives in shared/, and neither host imports the other. The pane never calls Excel.run; it
 * receives a WorkbookHost.
 */
import type { Lang } from "../core/i18n";
import type { CellRange, CellValue, Grid } from "../core/grid";
import type { Severity } from "../core/finding";
import type { InsertRowsRequest } from "../core/library/insert";
import type { FrameworkId, MoneyUnit } from "../core/model";

// The helpers every host and the pane use, kept importable from here (their code lives in shared/).
export { MARK_FILL, MARKS_KEY, markFormula, markSeverityOfFormula, marksFromFindings, parseMarksRecord, type MarksRecord } from "./shared/marks";
export { SETTINGS_KEY, USER_LIBRARY_MAX_CHARS, parseWorkbookSettings } from "./shared/settings";
/** The insertion request is planned by core (core/library/insert) and carried out by a host. */
export type { InsertRowsRequest };

export interface SheetInfo {
  name: string;
  /** "visible" | "hidden" | "veryHidden" */
  visibility: "visible" | "hidden" | "veryHidden";
  active: boolean;
}

/** Which sheets to read. */
export type SheetSelection = { kind: "active" } | { kind: "all" } | { kind: "named"; names: string[] };

/** One mark to show on a cell. Marks never change a value. */
export interface Mark {
  sheet: string;
  /** "E13" */
  cell: string;
  severity: Severity;
  /** shown where the platform can attach text to a mark (annotated copies, playground tooltip) */
  message?: string;
}

export interface IgnoredFinding {
  key: string;
  reason?: string;
  /** ISO date */
  at: string;
}

/** Decisions stored in the workbook so a colleague who opens the file sees them. */
export interface WorkbookSettings {
  ignored: IgnoredFinding[];
  /** per table id ("Sheet1!A5:F30") or "*" for the whole workbook */
  frameworkOverride: Record<string, FrameworkId>;
  disabledRules: string[];
  keepMarksOnSave: boolean;
  /** check the edited sheets again a moment after an edit (default on) */
  autoRecheck?: boolean;
  lang?: Lang;
  /**
   * The money unit to assume where a table does not declare one (the CLI configuration's
   * `moneyUnit`, the engine's `defaultMoneyUnit`); absent: say so instead of guessing.
   */
  moneyUnit?: MoneyUnit;
  /**
   * The user's own indicator library (指标库 import), as the JSON text of a library file. Stored as
   * text and validated again (core/library/io) each time it is used: a workbook is untrusted input.
   */
  userLibrary?: string;
}

export const DEFAULT_SETTINGS: WorkbookSettings = {
  ignored: [],
  frameworkOverride: {},
  disabledRules: [],
  keepMarksOnSave: false,
};

export interface InsertRowsResult {
  sheet: string;
  /** the inserted rows, in sheet coordinates */
  range: CellRange;
  /** token for undoInsert */
  undoToken: string;
  /** things the host could not do exactly as asked (merge extension unavailable on this Excel version) */
  warnings?: string[];
}

/**
 * A new sheet to create (指标库 "new table from template"): values from A1, merged areas and number
 * formats. A core NewTable can be passed as it is. The host picks a unique name, lays the table out
 * (see src/host/shared/newSheet.ts: title, borders, wrap, header row, column widths) and activates it.
 */
export interface AddSheetRequest {
  /** the wanted name; Excel's rules applied, and "名称 (2)", "名称 (3)" … when it is taken */
  sheet: string;
  /** values from A1 */
  cells: CellValue[][];
  /** merged areas, 1-based sheet coordinates */
  merges?: CellRange[];
  /** number formats parallel to `cells` (null: General) */
  numberFormats?: (string | null)[][];
  /** 1-based row of the indicator header (bold, centred, shaded) */
  headerRow?: number;
}

export interface AddSheetResult {
  /** the name the sheet got */
  sheet: string;
  /** the written area, from A1 */
  range: CellRange;
  /** token for removeAddedSheet */
  undoToken: string;
}

export interface CellChange {
  sheet: string;
  cell: string;
  previous: CellValue;
  value: CellValue;
}

export interface ChangeEvent {
  sheet: string;
  /** the changed area */
  range: CellRange;
}

/** Progress callback for long operations (reading, marking). */
export type Progress = (stage: "reading" | "checking" | "marking" | "clearing", done: number, total: number) => void;

export type HostErrorCode = "protected" | "requirement" | "office" | "not-found" | "conflict" | "cancelled" | "invalid";

export class HostError extends Error {
  /** sheets the error concerns, when it concerns some (protected sheets, missing sheets) */
  readonly sheets?: string[];
  /** the platform's own error code (Office.js `error.code`), for diagnostics */
  readonly platformCode?: string;
  constructor(
    /**
     * "protected": the sheet is protected; "requirement": the Office version lacks an API this needs;
     * "office": any other Office error; "not-found": no such sheet or cell; "conflict": the workbook
     * changed under us (a fix found another value, inserted rows were edited); "cancelled";
     * "invalid": the request itself is malformed (bad address, nothing to insert).
     */
    readonly code: HostErrorCode,
    message: string,
    options: { sheets?: string[]; platformCode?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = "HostError";
    if (options.sheets) this.sheets = options.sheets;
    if (options.platformCode) this.platformCode = options.platformCode;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** A sheet an operation left alone, and why (marks cannot be shown on a protected sheet). */
export interface SkippedSheet {
  sheet: string;
  code: "protected" | "not-found";
  message: string;
}

export interface ApplyMarksResult {
  /** cells marked */
  marked: number;
  /** sheets whose marks could not be shown; their findings are still listed in the pane */
  skipped: SkippedSheet[];
}

export interface ClearMarksResult {
  /** mark objects removed (conditional formats: one per sheet, severity and address chunk) */
  removed: number;
  /** sheets whose marks could not be removed (protected after marking) */
  skipped: SkippedSheet[];
}

/**
 * What the pane should tell the user about marks and saving. Excel has no before-save event
 * for add-ins, so marks (conditional formats) are saved with the workbook unless cleared first.
 */
export interface MarkStatus {
  /** marks Jixiao made that are still in the workbook (from the workbook's own record) */
  present: boolean;
  /** cells marked, per the record */
  cells: number;
  /** names of the sheets holding marks */
  sheets: string[];
  /** the workbook saves continuously (Excel AutoSave on OneDrive/SharePoint): marks are saved while shown */
  autoSave: boolean;
  /** how marks end up in a saved file on this host */
  onSave: "saved-with-workbook" | "not-saved";
  /** one sentence for the pane, in the host's language; empty when there is nothing to say */
  advice: string;
}

export interface WorkbookHost {
  readonly kind: "excel" | "memory";
  listSheets(): Promise<SheetInfo[]>;
  /** Read the selected sheets' used ranges as grids, all in one round trip where the platform allows. */
  readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]>;
  /**
   * Show marks for these findings, replacing marks made before. Never changes a value or a user format.
   * Protected sheets are skipped and reported in the result (not thrown), so the other sheets still get marks.
   */
  applyMarks(marks: Mark[], progress?: Progress): Promise<ApplyMarksResult>;
  /** Remove every mark Jixiao made; the sheets look exactly as before. */
  clearMarks(): Promise<ClearMarksResult>;
  /** Whether marks are present and what saving will do with them (see MarkStatus). */
  markStatus(): Promise<MarkStatus>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Write one value (a fix or its undo). Fails with HostError("conflict") when the cell no longer
   * holds `expected`, so a fix never overwrites an edit the user made meanwhile.
   */
  setCellValue(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange>;
  /** Insert formatted rows (templates); see InsertRowsRequest. */
  insertRows(request: InsertRowsRequest): Promise<InsertRowsResult>;
  /** Remove rows inserted by insertRows, restoring merges. */
  undoInsert(token: string): Promise<void>;
  /** Create a NEW sheet holding a table (never overwrites a sheet), and activate it. */
  addSheet(request: AddSheetRequest): Promise<AddSheetResult>;
  /**
   * Delete a sheet addSheet created. Fails with HostError("conflict") when its values were edited
   * since (the user's work is never deleted silently) unless `force` (the user confirmed), and with
   * "not-found" when it is gone or the token is unknown.
   */
  removeAddedSheet(token: string, options?: { force?: boolean }): Promise<void>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Subscribe to value edits; returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /**
   * Subscribe to selection changes (the user clicking a cell or switching sheets, and selectCell);
   * `cell` is the active cell ("E13"). Returns an unsubscribe function. Optional: a host that cannot
   * report selections leaves it out, and the pane then only follows its own selectCell calls.
   */
  onSelectionChanged?(handler: (sel: { sheet: string; cell: string }) => void): () => void;
}

