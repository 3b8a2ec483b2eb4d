/**
 * Sheets too big for one response (the only place Jixiao syncs more than once per sheet to read):
 * the used range is measured, the merged areas read in a sync of their own, then row blocks each
 * sized to fill the budget are read one sync each, learning the real size per cell from each answer.
 * A block Excel refuses (payload past 5 MB on the web, more than 5M cells anywhere) or answers
 * without cells is read again at half the size. A used range reaching far beyond the tables (a
 * stray value in row 1,048,576) is read only inside the read limit, and readWarnings says so.
 */
import type { CellRange, CellValue, Grid } from "../../core/grid";
import { rangeToA1, toA1 } from "../../core/grid";
import { HostError, type Progress } from "../types";
import { parseAddress, stripSheet } from "../shared/addresses";
import { hostMessage } from "../shared/messages";
import { causeOf, isTooLarge } from "./errors";
import type { MergeReader } from "./merges";
import type { ExcelSession, SheetEntry } from "./session";
import { fromOfficeFormat, fromOfficeValue, utf8Length } from "./values";

const BYTES_PER_CELL_ESTIMATE = 24;
const MAX_REFUSALS = 8;

interface SheetShape {
  name: string;
  hidden: boolean;
  /** the used range inside the read limit: what gets read */
  range: CellRange | null;
  /** the whole used range */
  full: CellRange | null;
}

export class LargeSheetReader {
  private readonly maxResponseBytes: number;
  private readonly maxCellsPerSync: number;
  private readonly readLimit: { maxRows: number; maxCols: number };

  constructor(
    private readonly session: ExcelSession,
    private readonly merges: MergeReader,
  ) {
    this.maxResponseBytes = session.options.maxResponseBytes ?? 4_000_000;
    this.maxCellsPerSync = session.options.maxCellsPerSync ?? 2_000_000;
    this.readLimit = session.options.readLimit ?? { maxRows: 100_000, maxCols: 500 };
  }

  async read(entries: readonly SheetEntry[], progress?: Progress): Promise<Grid[]> {
    const out: Grid[] = [];
    for (const entry of entries) out.push(await this.readOne(entry, progress));
    return out;
  }

  /** One sync: name, visibility and used range of a sheet (no values), and its used range inside the read limit. */
  private async describe(entry: SheetEntry): Promise<SheetShape> {
    const limit = `A1:${toA1(this.readLimit.maxRows, this.readLimit.maxCols)}`;
    return this.session.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(entry.id);
        ws.load("name,visibility");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address");
        const limited = ws.getRange(limit).getUsedRangeOrNullObject(true);
        limited.load("address");
        await context.sync();
        return {
          name: ws.name,
          hidden: ws.visibility !== "Visible",
          full: used.isNullObject ? null : parseAddress(stripSheet(used.address)),
          range: limited.isNullObject ? null : parseAddress(stripSheet(limited.address)),
        };
      },
      { wait: true },
    );
  }

  /** One sync: the values and number formats of one block of rows (null values: Excel would not say). */
  private async readBlock(entry: SheetEntry, block: CellRange): Promise<{ values: unknown[][] | null; formats: unknown[][] | null }> {
    return this.session.run(
      async (context) => {
        const range = context.workbook.worksheets.getItem(entry.id).getRange(`${toA1(block.top, block.left)}:${toA1(block.bottom, block.right)}`);
        range.load("values,numberFormat");
        await context.sync();
        const values: unknown = range.values;
        const formats: unknown = range.numberFormat;
        return { values: Array.isArray(values) ? (values as unknown[][]) : null, formats: Array.isArray(formats) ? (formats as unknown[][]) : null };
      },
      { wait: true },
    );
  }

  private async readOne(entry: SheetEntry, progress?: Progress): Promise<Grid> {
    const shape = await this.describe(entry);
    let merges: CellRange[] | undefined;
    if (this.session.mergesSupported) {
      const used = shape.full ? { top: shape.full.top, bottom: shape.full.bottom } : null;
      [merges] = await this.merges.read([{ key: entry.id, entry, used }]);
      if (!merges) this.session.readWarnings.push(hostMessage(this.session.lang, "mergesUnread", { sheet: shape.name }));
    }
    const base = { sheet: shape.name, hidden: shape.hidden, ...(merges ? { merges } : {}) };
    if (shape.full && (!shape.range || shape.full.bottom > shape.range.bottom || shape.full.right > shape.range.right)) {
      this.session.readWarnings.push(
        hostMessage(this.session.lang, "readLimited", { sheet: shape.name, used: rangeToA1(shape.full), read: shape.range ? rangeToA1(shape.range) : "—" }),
      );
    }
    if (!shape.range) return { ...base, origin: { row: 1, col: 1 }, cells: [], numberFormats: [] };
    const r = shape.range;
    const width = r.right - r.left + 1;
    let perCell = entry.bytes && entry.cells ? Math.max(4, entry.bytes / entry.cells) : BYTES_PER_CELL_ESTIMATE;
    let budget = this.maxResponseBytes;
    const cells: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    let row = r.top;
    let refusals = 0;
    while (row <= r.bottom) {
      const rowsPerBlock = Math.max(1, Math.floor(Math.min(budget / perCell, this.maxCellsPerSync) / width));
      const block: CellRange = { top: row, bottom: Math.min(r.bottom, row + rowsPerBlock - 1), left: r.left, right: r.right };
      let read: { values: unknown[][] | null; formats: unknown[][] | null };
      try {
        read = await this.readBlock(entry, block);
      } catch (e) {
        if (!(e instanceof HostError) || !isTooLarge(causeOf(e)) || refusals >= MAX_REFUSALS) throw e;
        read = { values: null, formats: null };
      }
      if (!read.values || !read.formats) {
        // refused, or answered without cells: the same rows again, in a smaller block
        if (++refusals > MAX_REFUSALS || rowsPerBlock === 1) throw new HostError("office", hostMessage(this.session.lang, "payload"));
        budget = budget / 2;
        continue;
      }
      const blockCells = read.values.length * width;
      if (blockCells > 0) perCell = Math.max(4, (1.1 * (utf8Length(JSON.stringify(read.values)) + utf8Length(JSON.stringify(read.formats)))) / blockCells);
      for (const line of read.values) cells.push(line.map(fromOfficeValue));
      for (const line of read.formats) numberFormats.push(line.map(fromOfficeFormat));
      row = block.bottom + 1;
      progress?.("reading", row - r.top, r.bottom - r.top + 1);
    }
    return { ...base, origin: { row: r.top, col: r.left }, cells, numberFormats };
  }
}
