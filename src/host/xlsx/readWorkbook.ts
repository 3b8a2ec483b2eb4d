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
import type { Grid } from "../../core/grid";
import { detectFileKind } from "./fileSignature";
import { visibilityOf, worksheetToGrid, type SheetVisibility, type SkippedCells } from "./worksheetToGrid";

export type WorkbookReadErrorCode = "corrupt" | "not-xlsx" | "xls" | "encrypted" | "empty";

/** What a person is told about a file that cannot be read, in both languages. */
export type ReadErrorText = { zh: string; en: string };

const READ_ERRORS = {
  emptyFile: { zh: "文件是空的（0 字节）。", en: "The file is empty (0 bytes)." },
  noSheets: { zh: "工作簿中没有工作表。", en: "The workbook has no worksheets." },
  encrypted: { zh: "工作簿设有打开密码，请先取消密码再打开。", en: "The workbook is password-protected; save it without a password and try again." },
  xls: { zh: "这是旧版 Excel 文件（.xls 格式），请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。", en: "This is an old-format Excel file (.xls); save it as .xlsx and try again." },
  zipNotXlsx: { zh: "这个压缩文件不是 Excel 工作簿（.xlsx）。", en: "This zip file is not an Excel workbook (.xlsx)." },
  notXlsx: { zh: "这不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件。", en: "This file is not an Excel workbook (.xlsx)." },
  damaged: { zh: "工作簿已损坏，无法打开。", en: "The workbook is damaged and cannot be opened." },
  unreadable: { zh: "工作簿的内容无法读取。", en: "The workbook's contents could not be read." },
} satisfies Record<string, ReadErrorText>;

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  /** the message in Chinese and English (`message` is the English one) */
  readonly text: ReadErrorText;

  constructor(code: WorkbookReadErrorCode, text: ReadErrorText, options?: { cause?: unknown }) {
    super(text.en);
    this.name = "WorkbookReadError";
    this.code = code;
    this.text = text;
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

export function toBytes(data: Buffer | ArrayBuffer | Uint8Array): Uint8Array {
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

export function assertReadable(bytes: Uint8Array): void {
  switch (detectFileKind(bytes)) {
    case "xlsx":
      return;
    case "empty":
      throw new WorkbookReadError("empty", READ_ERRORS.emptyFile);
    case "encrypted":
      throw new WorkbookReadError("encrypted", READ_ERRORS.encrypted);
    case "ole-not-xlsx":
      throw new WorkbookReadError("xls", READ_ERRORS.xls);
    case "zip-not-xlsx":
      throw new WorkbookReadError("not-xlsx", READ_ERRORS.zipNotXlsx);
    case "unknown":
      throw new WorkbookReadError("not-xlsx", READ_ERRORS.notXlsx);
  }
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
  const bytes = toBytes(data);
  assertReadable(bytes);
  const wb = await loadWorkbook(bytes);

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
