/**
 * Workbooks for the playground: the bundled examples (served as static files next to the page),
 * a local .xlsx the user opens (read in the browser, never uploaded) or a blank workbook.
 * exceljs is loaded on first use, in its own chunk.
 */
import { MemoryHost, MemoryWorkbook } from "../host/memory";
import { applyXlsxStyles, type ColumnWidths } from "./xlsxStyles";

export interface LoadedWorkbook {
  host: MemoryHost;
  /** column widths from the file, in Excel's character units */
  widths: ColumnWidths;
}

export const EXAMPLES = ["seed000-stacked.xlsx", "seed000.xlsx", "seed001.xlsx", "seed002.xlsx"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export function isExample(name: string | null | undefined): name is ExampleName {
  return !!name && (EXAMPLES as readonly string[]).includes(name);
}

/**
 * An .xlsx file's bytes -> a memory host over its sheets: values, number formats, merges and
 * visibility through the CLI's reader (with its clear messages for bad files), then the cell
 * styles and column widths for drawing.
 */
export async function hostFromXlsx(data: ArrayBuffer): Promise<LoadedWorkbook> {
  const { readWorkbookGrids } = await import(/* webpackChunkName: "xlsx" */ "../host/xlsx/readWorkbook");
  const { grids } = await readWorkbookGrids(data.slice(0));
  const workbook = MemoryWorkbook.fromGrids(grids);
  const widths = await applyXlsxStyles(workbook, data);
  return { host: new MemoryHost(workbook), widths };
}

export async function loadExample(name: ExampleName): Promise<LoadedWorkbook> {
  const res = await fetch(`examples/${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return hostFromXlsx(await res.arrayBuffer());
}

export function blankWorkbook(): LoadedWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  return { host: new MemoryHost(wb), widths: new Map() };
}
