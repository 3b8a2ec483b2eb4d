/** Annotated and fixed copies of a workbook (exceljs). The input file is only ever read. */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Finding, Severity } from "../core/finding";
import { UsageError } from "./io";
import { t } from "./messages";
import { keepNumberFormatCodes } from "../host/xlsx/numFmtCodes";

// a copy keeps every cell's number format (exceljs alone drops Chinese Excel's built-in dates)
keepNumberFormatCodes();

const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

function resolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Refuse an output directory that would put a copy on top of an input file. */
export function assertNotInput(dir: string, inputs: string[], lang: "zh" | "en"): void {
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

function writeCopy(wb: ExcelJS.Workbook, input: string, dir: string): Promise<string> {
  return writeNewWorkbook(wb, path.join(dir, path.basename(input)), [input]);
}

export async function writeAnnotatedCopy(input: string, dir: string, findings: Finding[], lang: "zh" | "en"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const bySheetCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.cell}`;
    bySheetCell.set(k, [...(bySheetCell.get(k) ?? []), f]);
  }
  for (const [k, fs] of bySheetCell) {
    const [sheet, cell] = k.split("\u0000");
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const c = ws.getCell(cell);
    const worst = fs.some((f) => f.severity === "error") ? "error" : fs.some((f) => f.severity === "warning") ? "warning" : "info";
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[worst] } };
    c.note = fs.map((f) => `[${t(lang, `severity_${f.severity}`)}] ${f.message}`).join("\n");
  }
  let name = t(lang, "summarySheet");
  for (let i = 2; wb.getWorksheet(name); i++) name = `${t(lang, "summarySheet")} ${i}`;
  const summary = wb.addWorksheet(name);
  summary.addRow(t(lang, "summaryHeader").split("|")).font = { bold: true };
  for (const f of findings) summary.addRow([f.sheet, f.cell, t(lang, `severity_${f.severity}`), f.category, f.rule, f.message]);
  summary.columns.forEach((col, i) => (col.width = [16, 8, 8, 14, 28, 90][i]));
  return writeCopy(wb, input, dir);
}

/** Apply every fix that needs no confirmation (and the others with `confirmAll`). */
export async function writeFixedCopy(input: string, dir: string, findings: Finding[], confirmAll: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  for (const f of findings) {
    if (!f.fix || (f.fix.confirm && !confirmAll)) continue;
    const ws = wb.getWorksheet(f.fix.sheet);
    if (!ws) continue;
    const c = ws.getCell(f.fix.cell);
    if (String(c.text ?? "") !== String(f.fix.previous ?? "") && c.value !== f.fix.previous) continue;
    c.value = f.fix.value as ExcelJS.CellValue;
  }
  return writeCopy(wb, input, dir);
}
