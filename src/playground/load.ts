/**
 * Workbooks for the playground: the bundled examples (served as static files next to the page),
 * a local .xlsx the user opens (read in the browser, never uploaded) or a blank workbook.
 * exceljs is loaded on first use, in its own chunk.
 */
import { MemoryHost, MemoryWorkbook } from "../host/memory";

export const EXAMPLES = ["seed000-stacked.xlsx", "seed000.xlsx", "seed001.xlsx", "seed002.xlsx"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export function isExample(name: string | null | undefined): name is ExampleName {
  return !!name && (EXAMPLES as readonly string[]).includes(name);
}

/** An .xlsx file's bytes -> a memory host over its sheets (values, number formats, merges, visibility). */
export async function hostFromXlsx(data: ArrayBuffer): Promise<MemoryHost> {
  const { readWorkbookGrids } = await import(/* webpackChunkName: "xlsx" */ "../host/xlsx/readWorkbook");
  const { grids } = await readWorkbookGrids(data);
  return MemoryHost.fromGrids(grids);
}

export async function loadExample(name: ExampleName): Promise<MemoryHost> {
  const res = await fetch(`examples/${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return hostFromXlsx(await res.arrayBuffer());
}

export function blankHost(): MemoryHost {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  return new MemoryHost(wb);
}
