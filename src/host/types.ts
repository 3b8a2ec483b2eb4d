/**
 * WorkbookHost: everything the task pane and commands may do to a workbook.
 * Implementations: excel/ (Office.js, batched syncs) and memory/ (playground, tests).
 * The pane never calls Excel.run; it receives a WorkbookHost.
 */
import type { CellRange, CellValue, Grid } from "../core/grid";
import type { Finding, Severity } from "../core/finding";
import type { FrameworkId } from "../core/model";

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
  lang?: "zh" | "en";
  /**
   * The money unit to assume where a table does not declare one (the CLI configuration's
   * `moneyUnit`, the engine's `defaultMoneyUnit`); absent: say so instead of guessing.
   */
  moneyUnit?: "元" | "万元" | "亿元";
  /**
   * The user's own indicator library (指标库 import), as the JSON text of a library file. Stored as
   * text and validated again (core/library/io) each time it is used: a workbook is untrusted input.
   */
  userLibrary?: string;
}

/** Longest user library kept in the workbook's settings (Office keeps settings small: about 2 MB in all). */
export const USER_LIBRARY_MAX_CHARS = 1_000_000;

export const DEFAULT_SETTINGS: WorkbookSettings = {
  ignored: [],
  frameworkOverride: {},
  disabledRules: [],
  keepMarksOnSave: false,
};

/** Rows to insert into a table: below `afterRow`, formatted like `formatFromRow`. */
export interface InsertRowsRequest {
  sheet: string;
  /** new rows go directly below this sheet row */
  afterRow: number;
  /** first sheet column of `values` */
  startCol: number;
  values: CellValue[][];
  /** copy formats (fill, borders, fonts, number formats, alignment) from this row */
  formatFromRow: number;
  /** columns whose merged label cell (一级/二级) should grow to cover the new rows */
  extendMergesInColumns: number[];
}

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
 * (see src/host/newSheet.ts: title, borders, wrap, header row, column widths) and activates it.
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

/** Findings to marks: one mark per cell, the most severe finding wins. */
export function marksFromFindings(findings: readonly Finding[]): Mark[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = byCell.get(key);
    if (!prev || order[f.severity] < order[prev.severity]) {
      byCell.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message });
    }
  }
  return [...byCell.values()];
}

// ---------------------------------------------------------------------------------------------
// Marks as both hosts make them: one conditional format per sheet, severity and address chunk,
// with a custom formula that is always TRUE and carries Jixiao's signature. The signature is what
// identifies Jixiao's marks (ids of conditional formats do not survive saving and reopening), so
// clearing finds and removes exactly these and never a user's own conditional format.

/** Fill colours per severity (Excel's own "light red / yellow / blue fill" family). */
export const MARK_FILL: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const MARK_SIGNATURE = "jixiao-mark:";

/** The custom conditional-format formula of a mark: `=ISTEXT("jixiao-mark:error")`, always TRUE. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_SIGNATURE}${severity}")`;
}

/** The severity a conditional-format formula marks, or null when it is not one of Jixiao's. */
export function markSeverityOfFormula(formula: string | null | undefined): Severity | null {
  if (typeof formula !== "string") return null;
  const m = /jixiao-mark:(error|warning|info)/i.exec(formula);
  return m ? (m[1].toLowerCase() as Severity) : null;
}

/** Workbook setting keys (Office.js workbook.settings; the memory host's settings map). */
export const SETTINGS_KEY = "jixiao.settings";
/** Record of the marks currently shown: which sheets, how many cells. Removed by clearMarks. */
export const MARKS_KEY = "jixiao.marks";

/** The stored record behind MarkStatus. Sheets by id (ids survive renames) and by name (for messages). */
export interface MarksRecord {
  v: 1;
  sheets: { id: string; name: string; cells: number }[];
  /** ISO time of the last applyMarks */
  at: string;
}

export function parseMarksRecord(raw: unknown): MarksRecord | null {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (!value || typeof value !== "object") return null;
  const v = value as { v?: unknown; sheets?: unknown; at?: unknown };
  if (v.v !== 1 || !Array.isArray(v.sheets)) return null;
  const sheets: MarksRecord["sheets"] = [];
  for (const s of v.sheets.slice(0, 10_000)) {
    if (!s || typeof s !== "object") continue;
    const { id, name, cells } = s as { id?: unknown; name?: unknown; cells?: unknown };
    if (typeof id === "string" && typeof name === "string" && typeof cells === "number" && Number.isFinite(cells)) {
      sheets.push({ id, name, cells });
    }
  }
  return { v: 1, sheets, at: typeof v.at === "string" ? v.at : "" };
}

function safeJson(text: string): unknown {
  if (text.length > 2_000_000) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const FRAMEWORK_IDS: readonly FrameworkId[] = ["common", "core-2021", "evaluation", "four-goal", "ndrc-investment"];
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Stored settings -> WorkbookSettings. The stored value is untrusted (anyone can edit a file):
 * unknown keys are dropped, wrong entries are dropped one by one, sizes are capped, and keys that
 * could pollute prototypes are refused. Never throws; the worst case is DEFAULT_SETTINGS.
 */
export function parseWorkbookSettings(raw: unknown): WorkbookSettings {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  const out: WorkbookSettings = { ignored: [], frameworkOverride: {}, disabledRules: [], keepMarksOnSave: false };
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.ignored)) {
    for (const item of v.ignored.slice(0, 50_000)) {
      if (!item || typeof item !== "object") continue;
      const { key, reason, at } = item as Record<string, unknown>;
      if (typeof key !== "string" || key.length === 0 || key.length > 2_000) continue;
      const entry: IgnoredFinding = { key, at: typeof at === "string" && at.length <= 40 ? at : "" };
      if (typeof reason === "string" && reason.length > 0) entry.reason = reason.slice(0, 2_000);
      out.ignored.push(entry);
    }
  }
  if (v.frameworkOverride && typeof v.frameworkOverride === "object" && !Array.isArray(v.frameworkOverride)) {
    const entries = Object.entries(v.frameworkOverride as Record<string, unknown>).slice(0, 10_000);
    const clean: [string, FrameworkId][] = [];
    for (const [k, f] of entries) {
      if (FORBIDDEN_KEYS.has(k) || k.length > 300) continue;
      if (typeof f === "string" && (FRAMEWORK_IDS as readonly string[]).includes(f)) clean.push([k, f as FrameworkId]);
    }
    out.frameworkOverride = Object.fromEntries(clean);
  }
  if (Array.isArray(v.disabledRules)) {
    out.disabledRules = v.disabledRules.filter((r): r is string => typeof r === "string" && r.length > 0 && r.length <= 200).slice(0, 1_000);
  }
  if (typeof v.keepMarksOnSave === "boolean") out.keepMarksOnSave = v.keepMarksOnSave;
  if (v.lang === "zh" || v.lang === "en") out.lang = v.lang;
  if (v.moneyUnit === "元" || v.moneyUnit === "万元" || v.moneyUnit === "亿元") out.moneyUnit = v.moneyUnit;
  if (typeof v.userLibrary === "string" && v.userLibrary.length > 0 && v.userLibrary.length <= USER_LIBRARY_MAX_CHARS) out.userLibrary = v.userLibrary;
  return out;
}
