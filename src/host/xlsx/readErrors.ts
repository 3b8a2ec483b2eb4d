/**
 * What both xlsx readers share and what the CLI needs to know about a file before any reader runs:
 * the errors a file that cannot be read gives (WorkbookReadError, in both languages), the check of
 * its signature, and the shape of a read workbook. No exceljs here: the CLI loads exceljs only when
 * a file needs it (fastReadWorkbook.ts).
 */
import type { Grid } from "../../core/grid";
import { detectFileKind } from "./fileSignature";
import type { SheetVisibility, SkippedCells } from "./worksheetToGrid";

export type WorkbookReadErrorCode = "corrupt" | "not-xlsx" | "xls" | "encrypted" | "empty";

/** What a person is told about a file that cannot be read, in both languages. */
export type ReadErrorText = { zh: string; en: string };

export const READ_ERRORS = {
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

