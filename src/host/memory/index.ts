export { MemoryHost, type MemoryHostOptions } from "./host";
export {
  MemoryWorkbook,
  cellKey,
  formatAddress,
  parseAddress,
  type CellStyle,
  type BorderModel,
  type CommentModel,
  type ConditionalFormatModel,
  type ConditionalFormatSnapshot,
  type MemoryCell,
  type MemorySheet,
  type NoteModel,
  type SheetSnapshot,
  type ViewState,
  type WorkbookChange,
  type WorkbookSnapshot,
} from "./workbook";
