/**
 * Marks as both hosts make them: one conditional format per sheet, severity and address chunk,
 * with a custom formula that is always TRUE and carries Jixiao's signature. The signature is what
 * identifies Jixiao's marks (ids of conditional formats do not survive saving and reopening), so
 * clearing finds and removes exactly these and never a user's own conditional format. Also: the
 * findings-to-marks rule (one mark per cell, the most severe wins), the grouping both hosts apply
 * before marking, and the record of marks kept in the workbook's settings.
 */
import { toA1 } from "../../core/grid";
import { SEVERITY_RANK, type Finding, type Severity } from "../../core/finding";
import type { Mark, SkippedSheet } from "../types";
import { parseCellAddress } from "./addresses";
import { safeJson } from "./json";
import { hostMessage } from "./messages";
import type { Lang } from "../../core/i18n";

/** Findings to marks: one mark per cell, the most severe finding wins. */
export function marksFromFindings(findings: readonly Finding[]): Mark[] {
  const order = SEVERITY_RANK;
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

/** Severity rank: lower wins (core/finding's). */
export { SEVERITY_RANK };

/** The order marks are added in: least severe first, so the most severe ends on top. */
export const MARK_ADD_ORDER: readonly Severity[] = ["info", "warning", "error"];

/** One cell to mark, after grouping. */
export interface MarkedCell {
  row: number;
  col: number;
  /** the winning mark, with the cell in canonical A1 form and the sheet's own name */
  mark: Mark;
}

/**
 * Marks grouped by sheet, one per cell (the most severe wins), as both hosts apply them. `sheetOf`
 * finds a sheet by the mark's sheet name (case-insensitive, as Excel does) and returns its key and
 * name; marks on unknown sheets are reported once each as skipped, marks on bad addresses dropped.
 */
export function groupMarks<K>(
  marks: readonly Mark[],
  sheetOf: (name: string) => { key: K; name: string } | undefined,
  lang: Lang,
): { bySheet: Map<K, Map<string, MarkedCell>>; skipped: SkippedSheet[] } {
  const bySheet = new Map<K, Map<string, MarkedCell>>();
  const skipped: SkippedSheet[] = [];
  for (const m of marks) {
    const sheet = sheetOf(m.sheet);
    if (!sheet) {
      if (!skipped.some((s) => s.sheet === m.sheet)) skipped.push({ sheet: m.sheet, code: "not-found", message: hostMessage(lang, "sheetNotFound", { sheet: m.sheet }) });
      continue;
    }
    const p = parseCellAddress(m.cell);
    if (!p) continue;
    const cells = bySheet.get(sheet.key) ?? new Map<string, MarkedCell>();
    bySheet.set(sheet.key, cells);
    const a1 = toA1(p.row, p.col);
    const prev = cells.get(a1);
    if (!prev || SEVERITY_RANK[m.severity] < SEVERITY_RANK[prev.mark.severity]) cells.set(a1, { ...p, mark: { ...m, sheet: sheet.name, cell: a1 } });
  }
  return { bySheet, skipped };
}

/** The cells of one sheet's marks of one severity. */
export function cellsOfSeverity(cells: ReadonlyMap<string, MarkedCell>, severity: Severity): { row: number; col: number }[] {
  return [...cells.values()].filter((c) => c.mark.severity === severity).map((c) => ({ row: c.row, col: c.col }));
}
