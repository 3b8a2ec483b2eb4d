/**
 * Annotated and fixed copies of a workbook. The input file is only ever read.
 *
 * A copy is the input file with a few parts edited in place (./xlsx/): the marked cells get a
 * format of their own (their format with the severity's fill) and a note, the fixed cells a new
 * value; every other cell keeps its format index, value and formula, and the sheets their page
 * setup, print areas, merges, widths, drawings and everything else exactly as the file has them.
 * (The copies used to be exceljs's model of the file written again: a fill set on one cell
 * recoloured every cell sharing its style, and LibreOffice's fit-to-page printing was lost.)
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { categoryName, compareSeverity, severityName, worstSeverity, type Finding, type Lang, type Severity } from "../core/finding";
import { rangeHasCell, toA1, type CellValue } from "../core/grid";
import type { TargetTable } from "../core/model";
import { tableName } from "../core/readModel";
import { MARK_FILL } from "../host/types";
import { wrappedRowHeight } from "./format";
import { UsageError } from "./io";
import { t } from "./messages";
import { addNotes } from "./xlsx/notes";
import { worksheetXml, type NewCell } from "./xlsx/newSheet";
import { REL, XlsxPackage } from "./xlsx/package";
import { parseRef, SheetEditor, sharedStrings, type StoredValue } from "./xlsx/sheet";
import { StylesEditor } from "./xlsx/styles";
import { findElement, findElements, getAttr, prefixOf } from "./xlsx/xml";

/** The fill of a marked cell, per severity: the pane's marks (MARK_FILL) as ARGB. */
export const SEVERITY_ARGB: Readonly<Record<Severity, string>> = {
  error: "FF" + MARK_FILL.error.slice(1).toUpperCase(),
  warning: "FF" + MARK_FILL.warning.slice(1).toUpperCase(),
  info: "FF" + MARK_FILL.info.slice(1).toUpperCase(),
};

function resolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Refuse an output directory that would put a copy on top of an input file. */
export function assertNotInput(dir: string, inputs: string[], lang: Lang): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(t(lang, "outputNotDir", dir));
  for (const input of inputs) {
    const target = path.join(resolved(dir), path.basename(input));
    if (resolved(input) === target || path.resolve(input) === path.resolve(dir)) throw new UsageError(t(lang, "outputIsInput", dir, input));
  }
}

/**
 * `wanted` itself, or "name (2).xlsx", "name (3).xlsx" … beside it when that is taken — by an
 * earlier copy, a submission of the same name from another folder, or a file of the user's that
 * happens to be there. An existing file is never replaced.
 */
function freePath(wanted: string): string {
  const ext = path.extname(wanted);
  const stem = path.join(path.dirname(wanted), path.basename(wanted, ext));
  for (let n = 1; ; n++) {
    const out = n === 1 ? wanted : `${stem} (${n})${ext}`;
    if (!existsSync(out)) return out;
  }
}

/** Write the workbook as a new file at `wanted` or the next free name (never over an existing file, never over an input); returns its path. */
export async function writeNewWorkbook(wb: ExcelJS.Workbook, wanted: string, inputs: readonly string[]): Promise<string> {
  return writeNewFile(Buffer.from(await wb.xlsx.writeBuffer()), wanted, inputs);
}

/** Write `data` as a new file at `wanted` or the next free name, as writeNewWorkbook does; returns its path. */
export function writeNewFile(data: Buffer | string, wanted: string, inputs: readonly string[]): string {
  mkdirSync(path.dirname(wanted), { recursive: true });
  for (;;) {
    const out = freePath(wanted);
    const input = inputs.find((i) => resolved(i) === resolved(out));
    if (input) throw new UsageError(`refusing to overwrite ${input}`);
    try {
      writeFileSync(out, data, { flag: "wx" });
      return out;
    } catch (e) {
      // taken between the check and the write: try the next name
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

// ---- the parts a copy edits ----

interface Workbook {
  pkg: XlsxPackage;
  sheets: Map<string, string>;
  stylesPart: string;
  styles: StylesEditor;
  stylesMissing: boolean;
  editors: Map<string, SheetEditor>;
}

async function openWorkbook(input: string): Promise<Workbook> {
  const pkg = await XlsxPackage.load(readFileSync(input));
  const wbPart = pkg.workbookPart();
  const stylesPart = pkg.relOfType(wbPart, REL.styles)?.part ?? path.posix.join(path.posix.dirname(wbPart), "styles.xml");
  const stylesXml = pkg.text(stylesPart);
  return {
    pkg,
    sheets: new Map(pkg.sheets().map((s) => [s.name, s.part])),
    stylesPart,
    styles: new StylesEditor(stylesXml, pkg.namespaces().main),
    stylesMissing: StylesEditor.missing(stylesXml),
    editors: new Map(),
  };
}

function editorOf(wb: Workbook, sheet: string): SheetEditor | undefined {
  const part = wb.sheets.get(sheet);
  if (!part) return undefined;
  let ed = wb.editors.get(part);
  if (!ed) {
    const xml = wb.pkg.text(part);
    if (xml === undefined) return undefined;
    ed = new SheetEditor(xml);
    wb.editors.set(part, ed);
  }
  return ed;
}

function saveStyles(wb: Workbook): void {
  const xml = wb.styles.toXml();
  if (wb.stylesMissing) {
    wb.pkg.addRel(wb.pkg.workbookPart(), REL.styles, wb.stylesPart);
    wb.pkg.addContentType(wb.stylesPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
  }
  wb.pkg.setText(wb.stylesPart, xml);
}

/** The merged ranges of a sheet, as [top, left, bottom, right]. */
function mergesOf(xml: string): [number, number, number, number][] {
  const pfx = prefixOf(xml, "worksheet");
  const el = findElement(xml, pfx, "mergeCells");
  if (!el?.inner) return [];
  return findElements(el.inner, pfx, "mergeCell").flatMap((m) => {
    const [a, b] = (getAttr(m.tag, "ref") ?? "").split(":").map(parseRef);
    return a && b ? [[Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col)] as [number, number, number, number]] : [];
  });
}

/**
 * Where a finding's mark goes: its cell, or the first cell of the merged range the cell lies in
 * (a merged range shows its first cell's format and note only).
 */
export function markCell(cell: string, merges: readonly [number, number, number, number][]): string {
  const at = parseRef(cell);
  if (!at) return cell;
  const m = merges.find(([top, left, bottom, right]) => rangeHasCell({ top, left, bottom, right }, at.row, at.col));
  if (!m || (m[0] === at.row && m[1] === at.col)) return cell.replace(/\$/g, "").toUpperCase();
  return toA1(m[0], m[1]);
}

const worst = (fs: readonly Finding[]): Severity => worstSeverity(fs.map((f) => f.severity));

/** A formula reference to a cell of a sheet: 'Sheet 1'!E13. */
const sheetRef = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

/** The findings' sheet and cell, as the copies mark them: sheet -> mark cell -> findings. */
function marksBySheet(wb: Workbook, findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const out = new Map<string, Map<string, Finding[]>>();
  const merges = new Map<string, [number, number, number, number][]>();
  for (const f of findings) {
    const part = wb.sheets.get(f.sheet);
    if (!part || !parseRef(f.cell)) continue;
    if (!merges.has(part)) merges.set(part, mergesOf(wb.pkg.text(part) ?? ""));
    const cell = markCell(f.cell, merges.get(part)!);
    const cells = out.get(f.sheet) ?? new Map<string, Finding[]>();
    out.set(f.sheet, cells);
    cells.set(cell, [...(cells.get(cell) ?? []), f]);
  }
  return out;
}

/** A finding as a note's line: 【错误·成本指标】成本指标应写上限 … */
function noteLine(f: Finding, lang: Lang): string {
  return t(lang, "noteLine", severityName(lang, f.severity), categoryName(lang, f.category), f.message);
}

// the list of findings a copy carries is recognised by findingsSheet.ts (the checker needs it
// without loading the copies' code)
export { isFindingsSheet } from "./findingsSheet";

function summarySheetName(wb: Workbook, lang: Lang): string {
  const taken = new Set(wb.pkg.sheetNames().map((n) => n.toLowerCase()));
  const base = t(lang, "summarySheet");
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  return name;
}

/**
 * The annotated copy: every finding's cell filled by its worst severity with a note listing its
 * findings (added to a note the cell already has), and a sheet 校验结果 / Findings listing them all
 * with a link to each cell. Returns the copy's path and the number of cells marked.
 */
export async function writeAnnotatedCopy(input: string, dir: string, findings: readonly Finding[], lang: Lang, tables: readonly TargetTable[] = []): Promise<{ file: string; cells: number }> {
  const wb = await openWorkbook(input);
  const marks = marksBySheet(wb, findings);
  let cellCount = 0;
  for (const [sheet, cells] of marks) {
    const part = wb.sheets.get(sheet) as string;
    const ed = editorOf(wb, sheet);
    if (!ed) continue;
    const notes = new Map<string, string>();
    for (const [cell, fs] of cells) {
      cellCount++;
      ed.setStyle(cell, wb.styles.withFill(ed.styleOf(cell), SEVERITY_ARGB[worst(fs)]));
      const ordered = [...fs].sort((a, b) => compareSeverity(a.severity, b.severity));
      notes.set(cell, [t(lang, "noteHead"), ...ordered.map((f) => noteLine(f, lang))].join("\n"));
    }
    const rootTag = addNotes(wb.pkg, part, ed, notes);
    wb.pkg.setText(part, ed.toXml(rootTag));
    wb.editors.delete(part);
  }

  // the list of findings, each with a link to its cell
  const bold = wb.styles.format({ bold: true });
  const top = wb.styles.format({ vertical: "top" });
  const link = wb.styles.format({ color: "FF0563C1", underline: true, vertical: "top" });
  const wrap = wb.styles.format({ wrap: true, vertical: "top" });
  const sevStyle: Record<Severity, number> = {
    error: wb.styles.format({ fillArgb: SEVERITY_ARGB.error, vertical: "top" }),
    warning: wb.styles.format({ fillArgb: SEVERITY_ARGB.warning, vertical: "top" }),
    info: wb.styles.format({ fillArgb: SEVERITY_ARGB.info, vertical: "top" }),
  };
  const names = new Map(tables.map((tb) => [tb.id, tableName(tb)]));
  const rows: NewCell[][] = [t(lang, "summaryHeader").split("|").map((h) => ({ value: h, style: bold }))];
  for (const f of findings) {
    const linked = wb.sheets.has(f.sheet) && parseRef(f.cell) !== undefined;
    rows.push([
      { value: f.sheet, style: top },
      { value: f.cell, style: linked ? link : top, ...(linked ? { link: sheetRef(f.sheet, f.cell) } : {}) },
      { value: f.table ? names.get(f.table) ?? f.table : t(lang, "wholeWorkbook"), style: top },
      { value: f.indicator ?? "", style: top },
      { value: severityName(lang, f.severity), style: sevStyle[f.severity] },
      { value: categoryName(lang, f.category), style: top },
      { value: f.rule, style: top },
      { value: f.message, style: wrap },
    ]);
  }
  const widths = [18, 8, 26, 22, 8, 12, 28, 80];
  const heights = rows.map((r, i) => (i === 0 ? undefined : wrappedRowHeight(String(r[7].value ?? ""), widths[7])));
  wb.pkg.addWorksheet(summarySheetName(wb, lang), worksheetXml({ columns: widths.map((width) => ({ width })), rows, heights, header: true }, wb.pkg.namespaces()));
  saveStyles(wb);
  return { file: writeNewFile(await wb.pkg.toBuffer(), path.join(dir, path.basename(input)), [input]), cells: cellCount };
}

/** What a fixed copy did: how many fixes it applied, and why the others were not. */
export interface FixOutcome {
  /** the copy */
  file: string;
  applied: number;
  /** fixes that ask for confirmation (--yes), not applied */
  needConfirmation: number;
  /** fixes whose cell no longer holds the value they replace (or holds a formula) */
  stale: number;
  /** fixes of a cell another fix (the first of the report's order) already changed: two fixes of one cell are not composed */
  sameCell: number;
  /** the cells changed, as sheet!cell */
  cells: string[];
}

/** Does the stored value hold what the fix replaces? */
function holds(v: StoredValue, previous: CellValue): boolean {
  if (previous === null || previous === undefined || previous === "") return v.kind === "empty" || (v.kind === "string" && v.text === "");
  if (typeof previous === "number") return (v.kind === "number" && Math.abs(v.n - previous) <= 1e-9 * Math.max(1, Math.abs(previous))) || (v.kind === "string" && v.text.trim() === String(previous));
  if (typeof previous === "boolean") return v.kind === "boolean" && v.b === previous;
  if (typeof previous === "string") return (v.kind === "string" && v.text === previous) || (v.kind === "number" && String(v.n) === previous.trim());
  return false;
}

/**
 * The fixed copy: every fix that needs no confirmation applied (and the others with `confirmAll`),
 * only where the cell still holds what the check saw. Only those cells change; with no fix
 * applied the copy is the input as it is (one copy per input, as --annotate writes them).
 */
export async function writeFixedCopy(input: string, dir: string, findings: readonly Finding[], confirmAll: boolean): Promise<FixOutcome> {
  const out: FixOutcome = { file: "", applied: 0, needConfirmation: 0, stale: 0, sameCell: 0, cells: [] };
  const fixes = findings.filter((f) => f.fix);
  const wanted = path.join(dir, path.basename(input));
  const unchanged = () => ({ ...out, file: writeNewFile(readFileSync(input), wanted, [input]) });
  if (fixes.length === 0) return unchanged();
  const wb = await openWorkbook(input);
  const sstPart = wb.pkg.relOfType(wb.pkg.workbookPart(), REL.sharedStrings)?.part;
  const shared = sharedStrings(sstPart ? wb.pkg.text(sstPart) : undefined);
  const done = new Set<string>();
  for (const f of fixes) {
    const fix = f.fix!;
    if (fix.confirm && !confirmAll) {
      out.needConfirmation++;
      continue;
    }
    const ed = editorOf(wb, fix.sheet);
    const key = `${fix.sheet}!${fix.cell}`;
    const value = fix.value;
    if (done.has(key)) {
      out.sameCell++;
      continue;
    }
    if (!ed || !parseRef(fix.cell) || !holds(ed.value(fix.cell, shared), fix.previous) || (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")) {
      out.stale++;
      continue;
    }
    ed.setValue(fix.cell, value);
    done.add(key);
    out.applied++;
    out.cells.push(key);
  }
  if (out.applied === 0) return unchanged();
  for (const [part, ed] of wb.editors) wb.pkg.setText(part, ed.toXml());
  out.file = writeNewFile(await wb.pkg.toBuffer(), wanted, [input]);
  return out;
}
