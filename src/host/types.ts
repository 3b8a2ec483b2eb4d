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
  lang?: "zh" | "en";
}

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

export class HostError extends Error {
  constructor(
    /** "protected" | "requirement" | "office" | "not-found" | "conflict" | "cancelled" */
    readonly code: "protected" | "requirement" | "office" | "not-found" | "conflict" | "cancelled",
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  readonly kind: "excel" | "memory";
  listSheets(): Promise<SheetInfo[]>;
  /** Read the selected sheets' used ranges as grids, all in one round trip where the platform allows. */
  readSheets(selection: SheetSelection, progress?: Progress): Promise<Grid[]>;
  /** Show marks for these findings, replacing marks made before. Never changes a value or a user format. */
  applyMarks(marks: Mark[], progress?: Progress): Promise<void>;
  /** Remove every mark Jixiao made; the sheets look exactly as before. */
  clearMarks(): Promise<void>;
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
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Subscribe to value edits; returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
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
