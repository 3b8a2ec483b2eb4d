/**
 * Read an .xlsx file (bytes) into Grids, one per worksheet, with values as Office.js
 * would give them. Used by the CLI and by tests; the Office host reads through Excel.
 *
 * Every failure reaches the caller as a WorkbookReadError with a code the caller can
 * put into the user's language; exceljs's own errors never escape.
 *
 * Number formats: under Node, once fastReadWorkbook.ts is loaded (the CLI always loads it), exceljs
 * keeps format codes as the file writes them and knows Chinese Excel's built-in dates
 * (numFmtCodes.ts); in a browser the formats are exceljs's own.
 */
import ExcelJS from "exceljs";
import { assertReadable, READ_ERRORS, toBytes, WorkbookReadError, type WorkbookGrids } from "./readErrors";
import { visibilityOf, worksheetToGrid, type SkippedCells } from "./worksheetToGrid";

export { assertReadable, READ_ERRORS, toBytes, WorkbookReadError } from "./readErrors";
export type { ReadErrorText, WorkbookGrids, WorkbookReadErrorCode, WorkbookSheetInfo } from "./readErrors";

/** What exceljs accepts: a Buffer under Node, an ArrayBuffer elsewhere. */
function forExcelJs(bytes: Uint8Array): Buffer | ArrayBuffer {
  if (typeof Buffer !== "undefined") {
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return bytes.slice().buffer;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for its own Buffer type; both forms work at runtime.
    await wb.xlsx.load(forExcelJs(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError("corrupt", READ_ERRORS.damaged, { cause: e });
  }
  return wb;
}

export async function readWorkbookGrids(data: Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookGrids> {
  return (await readWorkbookModel(data)).grids;
}

/**
 * The grids as readWorkbookGrids gives them, with exceljs's model of the workbook they came from
 * (the playground draws the cells' styles from it: one load for both).
 */
export async function readWorkbookModel(data: Buffer | ArrayBuffer | Uint8Array): Promise<{ grids: WorkbookGrids; workbook: ExcelJS.Workbook }> {
  const bytes = toBytes(data);
  assertReadable(bytes);
  const wb = await loadWorkbook(bytes);
  return { grids: gridsOf(wb), workbook: wb };
}

function gridsOf(wb: ExcelJS.Workbook): WorkbookGrids {
  const worksheets = wb.worksheets;
  if (worksheets.length === 0) throw new WorkbookReadError("empty", READ_ERRORS.noSheets);

  try {
    const skipped: SkippedCells[] = [];
    const grids = worksheets.map((ws) => worksheetToGrid(ws, skipped));
    const sheets = worksheets.map((ws) => ({ name: ws.name, visibility: visibilityOf(ws) }));
    return { grids, sheets, skipped };
  } catch (e) {
    throw new WorkbookReadError("corrupt", READ_ERRORS.unreadable, { cause: e });
  }
}
