/**
 * New sheets from a template (addSheet) and their undo (removeAddedSheet), two syncs each. The layout
 * is planned by shared/newSheet.ts so that both hosts make the same sheet; text is written so that
 * Excel keeps it text (values.ts), and the values are read back in the writing batch: what Excel
 * stored is what undo compares with.
 */
import type { CellRange, CellValue } from "../../core/grid";
import { columnLetters, toA1 } from "../../core/grid";
import { HostError, type AddSheetRequest, type AddSheetResult } from "../types";
import { parseAddress, stripSheet } from "../shared/addresses";
import { hostMessage } from "../shared/messages";
import { LAYOUT_STYLE, charsToPoints, holdsOnlyWritten, invalidRequest, layoutNewSheet, uniqueSheetName, type SheetLayout } from "../shared/newSheet";
import type { ExcelSession } from "./session";
import { fromOfficeValue, toOfficeValue } from "./values";

interface AddedSheetRecord {
  sheetId: string;
  name: string;
  /** the values as Excel stored them, read back in the batch that wrote them */
  written: CellValue[][];
}

/** The formats of a new table, range by range (no reads). */
function queueLayoutFormats(ws: Excel.Worksheet, layout: SheetLayout): void {
  const at = (r: CellRange) => ws.getRange(`${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`);
  const all = at(layout.range).format;
  all.wrapText = true;
  all.verticalAlignment = "Center";
  if (layout.frame) {
    const frame = layout.frame;
    const borders = at(frame).format.borders;
    // inside borders only where the frame has an inside (a single row or column has none)
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (frame.bottom > frame.top) edges.push("InsideHorizontal");
    if (frame.right > frame.left) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = LAYOUT_STYLE.borderColor;
    }
  }
  const row = (r: number) => at({ top: r, bottom: r, left: 1, right: layout.cols }).format;
  if (layout.titleRow) {
    const f = row(layout.titleRow);
    f.font.bold = true;
    f.font.size = LAYOUT_STYLE.titleFontSize;
    f.horizontalAlignment = "Center";
  }
  for (const r of layout.captionRows) row(r).horizontalAlignment = "Right";
  if (layout.headerRow) {
    const f = row(layout.headerRow);
    f.font.bold = true;
    f.horizontalAlignment = "Center";
    f.fill.color = LAYOUT_STYLE.headerFill;
  }
  layout.columnWidths.forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
  });
  at(layout.range).format.autofitRows();
}

export class ExcelSheets {
  private readonly added = new Map<string, AddedSheetRecord>();
  private counter = 0;

  constructor(private readonly session: ExcelSession) {}

  /**
   * Two syncs: the sheet names (to choose a unique one), then one batch that adds the sheet, writes
   * values, number formats, merges, formats and column widths, activates it and reads the values back
   * (what Excel stored is what undo compares with).
   */
  async addSheet(request: AddSheetRequest): Promise<AddSheetResult> {
    this.session.requireBase();
    if (invalidRequest(request)) throw new HostError("invalid", hostMessage(this.session.lang, "newSheetInvalid"));
    const layout = layoutNewSheet(request);
    const area = `A1:${toA1(layout.rows, layout.cols)}`;
    const result = await this.session.run(async (context) => {
      // --- sync 1: the names in use
      const list = this.session.queueSheetList(context);
      await context.sync();
      const name = uniqueSheetName(request.sheet, this.session.adoptSheetList(list).map((x) => x.name));

      // --- sync 2: create and fill the sheet
      const ws = context.workbook.worksheets.add(name);
      const range = ws.getRange(area);
      range.values = layout.values.map((line) => line.map(toOfficeValue));
      range.numberFormat = layout.numberFormats;
      queueLayoutFormats(ws, layout);
      for (const m of layout.merges) ws.getRange(`${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).merge(false);
      ws.activate();
      ws.load("id,name,position");
      range.load("values");
      await context.sync();
      const written = range.values.map((line) => line.map(fromOfficeValue));
      return { id: ws.id, name: ws.name, position: ws.position, written };
    });
    const cache = this.session.sheetCache ?? [];
    this.session.sheetCache = [...cache.filter((x) => x.id !== result.id), { id: result.id, name: result.name, visibility: "visible" as const, position: result.position }].sort(
      (a, b) => a.position - b.position,
    );
    const token = `excel-sheet-${++this.counter}-${Date.now().toString(36)}`;
    this.added.set(token, { sheetId: result.id, name: result.name, written: result.written });
    return { sheet: result.name, range: layout.range, undoToken: token };
  }

  /** Two syncs: check the sheet (values unchanged, not the last visible one), then delete it. */
  async removeAddedSheet(token: string, options: { force?: boolean } = {}): Promise<void> {
    this.session.requireBase();
    const rec = this.added.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(this.session.lang, "sheetUnknown"));
    try {
      await this.session.run(
        async (context) => {
          // --- sync 1: the sheet, its protection and values, and the other sheets' visibility
          const ws = context.workbook.worksheets.getItem(rec.sheetId);
          ws.load("name,protection/protected");
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("address,values");
          const list = this.session.queueSheetList(context);
          await context.sync();
          if (ws.protection.protected) throw new HostError("protected", hostMessage(this.session.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
          if (!options.force) {
            const r = used.isNullObject ? null : parseAddress(stripSheet(used.address));
            const now = r ? { top: r.top, left: r.left, values: used.values.map((line) => line.map(fromOfficeValue)) } : null;
            if (!holdsOnlyWritten(now, rec.written)) throw new HostError("conflict", hostMessage(this.session.lang, "sheetEdited", { sheet: ws.name }), { sheets: [ws.name] });
          }
          const sheets = this.session.adoptSheetList(list);
          if (!sheets.some((x) => x.id !== rec.sheetId && x.visibility === "visible")) {
            throw new HostError("invalid", hostMessage(this.session.lang, "lastSheet", { sheet: ws.name }), { sheets: [ws.name] });
          }
          // --- sync 2: delete it
          ws.delete();
          await context.sync();
        },
        { sheet: rec.name },
      );
    } catch (e) {
      if (e instanceof HostError && e.code === "not-found") {
        this.added.delete(token);
        throw new HostError("not-found", hostMessage(this.session.lang, "sheetGone", { sheet: rec.name }), { sheets: [rec.name], ...(e.platformCode ? { platformCode: e.platformCode } : {}) });
      }
      throw e;
    }
    this.added.delete(token);
    if (this.session.sheetCache) this.session.sheetCache = this.session.sheetCache.filter((x) => x.id !== rec.sheetId);
  }
}
