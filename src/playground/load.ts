/**
 * Workbooks for the playground: the bundled examples (served as static files next to the page),
 * a local .xlsx the user opens (read in the browser, never uploaded) or a blank workbook.
 * exceljs is loaded on first use, in its own chunk; the page asks for it, and for the example it
 * opens with, as it starts (prefetchExample), beside its own scripts.
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

const reader = () => import(/* webpackChunkName: "xlsx" */ "../host/xlsx/readWorkbook");

/**
 * An .xlsx file's bytes -> a memory host over its sheets: values, number formats, merges and
 * visibility through the CLI's reader (with its clear messages for bad files), then the cell
 * styles and column widths for drawing, from the same load of the file.
 */
export async function hostFromXlsx(data: ArrayBuffer): Promise<LoadedWorkbook> {
  const { readWorkbookModel } = await reader();
  const { grids, workbook: model } = await readWorkbookModel(data.slice(0));
  const workbook = MemoryWorkbook.fromGrids(grids.grids);
  const widths = applyXlsxStyles(workbook, model);
  return { host: new MemoryHost(workbook), widths };
}

/** The example's bytes, asked for once (prefetchExample) and handed to the first loadExample. */
let prefetched: { name: ExampleName; bytes: Promise<ArrayBuffer> } | null = null;

function fetchExample(name: ExampleName): Promise<ArrayBuffer> {
  return fetch(`examples/${encodeURIComponent(name)}`).then((res) => {
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    return res.arrayBuffer();
  });
}

/** Start fetching the example and loading the reader now (the page's first moment), without waiting. */
export function prefetchExample(name: ExampleName): void {
  const bytes = fetchExample(name);
  bytes.catch(() => undefined); // said by loadExample
  prefetched = { name, bytes };
  reader().catch(() => undefined); // said by hostFromXlsx
}

export async function loadExample(name: ExampleName): Promise<LoadedWorkbook> {
  const early = prefetched?.name === name ? prefetched.bytes : null;
  prefetched = null;
  return hostFromXlsx(await (early ?? fetchExample(name)));
}

export function blankWorkbook(): LoadedWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  return { host: new MemoryHost(wb), widths: new Map() };
}
