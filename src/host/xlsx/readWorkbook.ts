/**
 * Read an .xlsx file (bytes) into Grids, one per worksheet, with values as Office.js
 * would give them. Used by the CLI and by tests; the Office host reads through Excel.
 *
 * Every failure reaches the caller as a WorkbookReadError with a code the caller can
 * put into the user's language; exceljs's own errors never escape.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../../core/grid";
import { detectFileKind } from "./fileSignature";
import { visibilityOf, worksheetToGrid, type SheetVisibility, type SkippedCells } from "./worksheetToGrid";

export type WorkbookReadErrorCode = "corrupt" | "not-xlsx" | "encrypted" | "empty";

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;

  constructor(code: WorkbookReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "WorkbookReadError";
    this.code = code;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export interface WorkbookSheetInfo {
  name: string;
  visibility: SheetVisibility;
}

export interface WorkbookGrids {
  /** one per worksheet, in workbook order (chart sheets are not worksheets) */
  grids: Grid[];
  sheets: WorkbookSheetInfo[];
  /** content left out of a grid because it lay too far from the rest (MAX_GRID_CELLS) */
  skipped: SkippedCells[];
}

function toBytes(data: Buffer | ArrayBuffer | Uint8Array): Uint8Array {
  if (data instanceof Uint8Array) return data; // Buffer is a Uint8Array too
  return new Uint8Array(data);
}

/** What exceljs accepts: a Buffer under Node, an ArrayBuffer elsewhere. */
function forExcelJs(bytes: Uint8Array): Buffer | ArrayBuffer {
  if (typeof Buffer !== "undefined") {
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return bytes.slice().buffer;
}

function assertReadable(bytes: Uint8Array): void {
  switch (detectFileKind(bytes)) {
    case "xlsx":
      return;
    case "empty":
      throw new WorkbookReadError("empty", "The file is empty (0 bytes).");
    case "encrypted":
      throw new WorkbookReadError("encrypted", "The workbook is password-protected; save it without a password and try again.");
    case "ole-not-xlsx":
      throw new WorkbookReadError("not-xlsx", "This is an old-format Excel file (.xls); save it as .xlsx and try again.");
    case "zip-not-xlsx":
      throw new WorkbookReadError("not-xlsx", "This zip file is not an Excel workbook (.xlsx).");
    case "unknown":
      throw new WorkbookReadError("not-xlsx", "This file is not an Excel workbook (.xlsx).");
  }
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for its own Buffer type; both forms work at runtime.
    await wb.xlsx.load(forExcelJs(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError("corrupt", "The workbook is damaged and cannot be opened.", { cause: e });
  }
  return wb;
}

export async function readWorkbookGrids(data: Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookGrids> {
  const bytes = toBytes(data);
  assertReadable(bytes);
  const wb = await loadWorkbook(bytes);

  const worksheets = wb.worksheets;
  if (worksheets.length === 0) throw new WorkbookReadError("empty", "The workbook has no worksheets.");

  try {
    const skipped: SkippedCells[] = [];
    const grids = worksheets.map((ws) => worksheetToGrid(ws, skipped));
    const sheets = worksheets.map((ws) => ({ name: ws.name, visibility: visibilityOf(ws) }));
    return { grids, sheets, skipped };
  } catch (e) {
    throw new WorkbookReadError("corrupt", "The workbook's contents could not be read.", { cause: e });
  }
}
