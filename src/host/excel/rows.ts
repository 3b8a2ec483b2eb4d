/**
 * Inserting template rows and undoing it (two syncs each). Sync 1 reads the sheet's protection, where
 * its contents end, and the merged areas crossing the insertion row and the format row; sync 2
 * inserts the rows, copies formats, writes values and grows the label merges (planned by
 * shared/insert.ts so that no step cuts through a merged area).
 *
 * Merged areas come back only by their top-left cell (merges.ts), so the areas crossing a row are read
 * over rows 1..that row and filtered by intersection: the 一级 merge that starts above the insertion
 * row is found. Past 512 areas above that row (a departmental compilation of many stacked tables)
 * the merges are read in bands, in syncs of their own; if even that fails the rows are inserted
 * without touching merges, and the result says so.
 *
 * Office.js batches are not transactions: when sync 2 fails, the rows may be in, half formatted,
 * half written. They are then rolled back (two more syncs at most) when they hold only what Jixiao
 * wrote; rows holding anything else are left alone.
 */
import type { CellRange, CellValue } from "../../core/grid";
import { toA1 } from "../../core/grid";
import { HostError, type InsertRowsRequest, type InsertRowsResult } from "../types";
import { parseAddress, stripSheet } from "../shared/addresses";
import { sameCellValue } from "../shared/cells";
import { checkInsertRequest, insertedRowsUntouched, mergesForInsert, layoutInsert, uncoveredRuns, writtenValues, type InsertedRows } from "../shared/insert";
import { hostMessage } from "../shared/messages";
import { causeOf, isFinalError, isTooLarge } from "./errors";
import { MergeReader, mergesFrom, plannedBands, queueMerges } from "./merges";
import type { ExcelSession } from "./session";
import { fromOfficeValue, toOfficeValue } from "./values";

interface ExcelInsertUndo extends InsertedRows {
  sheetId: string;
  sheetName: string;
}

interface SheetBefore {
  id: string;
  name: string;
  bottoms: { values: number; any: number };
  /** the merged areas crossing the rows that matter; null when unknown */
  merges: CellRange[] | null;
}

/** Queue loading the last used row of a sheet, by values and by anything (formats too). */
function usedBottoms(ws: Excel.Worksheet): { values: Excel.Range; any: Excel.Range } {
  const values = ws.getUsedRangeOrNullObject(true);
  const any = ws.getUsedRangeOrNullObject(false);
  values.load("address");
  any.load("address");
  return { values, any };
}

/** The rows read by usedBottoms after a sync: 0 for an empty sheet. */
function readBottoms(q: { values: Excel.Range; any: Excel.Range }): { values: number; any: number } {
  const bottom = (r: Excel.Range) => (r.isNullObject ? 0 : parseAddress(stripSheet(r.address)).bottom);
  return { values: bottom(q.values), any: bottom(q.any) };
}

export class ExcelRows {
  private readonly inserts = new Map<string, ExcelInsertUndo>();
  private counter = 0;

  constructor(
    private readonly session: ExcelSession,
    private readonly merges: MergeReader,
  ) {}

  /** Sync 1: protection, contents' end and (when `withMerges`) the merged areas of rows 1..lastRow. */
  private async before(sheet: string, lastRow: number, withMerges: boolean): Promise<SheetBefore & { mergesRead: boolean }> {
    const s = this.session;
    return s.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load("id,name,protection/protected");
        const bottoms = usedBottoms(ws);
        const cached = s.sheetCache ? s.entryByName(s.sheetCache, sheet) : undefined;
        const areas = withMerges ? queueMerges(ws, plannedBands(cached, lastRow)) : null;
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(s.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        return { id: ws.id, name: ws.name, bottoms: readBottoms(bottoms), merges: areas ? mergesFrom(areas) : null, mergesRead: !!areas };
      },
      { sheet },
    );
  }

  /** Sync 1, and the merges apart (own syncs, in bands) when Excel refused them with the rest. */
  private async readBefore(request: InsertRowsRequest): Promise<SheetBefore> {
    const lastRow = Math.max(request.afterRow, request.formatFromRow);
    const supported = this.session.mergesSupported;
    let info: SheetBefore & { mergesRead: boolean };
    try {
      info = await this.before(request.sheet, lastRow, supported);
    } catch (e) {
      const cause = causeOf(e);
      if (!(e instanceof HostError) || !supported || isFinalError(cause) || isTooLarge(cause) || e.code === "protected") throw e;
      info = await this.before(request.sheet, lastRow, false);
    }
    let merges = info.merges;
    if (supported && !info.mergesRead) {
      const [areas] = await this.merges.read([{ key: info.id, used: { top: 1, bottom: lastRow }, lastRow }], 2);
      merges = areas ?? null;
    }
    return { ...info, merges: merges ? mergesForInsert(merges, request) : null };
  }

  async insertRows(request: InsertRowsRequest): Promise<InsertRowsResult> {
    const s = this.session;
    s.requireBase();
    const { count, width } = checkInsertRequest(request, s.lang);
    const info = await this.readBefore(request);
    const layout = layoutInsert({
      afterRow: request.afterRow,
      count,
      startCol: request.startCol,
      width,
      formatFromRow: request.formatFromRow,
      extendMergesInColumns: request.extendMergesInColumns,
      merges: info.merges,
    });
    const top = layout.insertAt;
    const bottom = top + count - 1;
    const written = writtenValues(request, layout, width);
    return s.run(
      async (context) => {
        // --- sync 2: insert, copy formats, write values, grow label merges
        const ws = context.workbook.worksheets.getItem(info.id);
        ws.getRange(`${top}:${bottom}`).insert("Down");
        for (const span of layout.copySpans) {
          const dst = ws.getRange(`${toA1(top, span.left)}:${toA1(bottom, span.right)}`);
          dst.copyFrom(ws.getRange(`${toA1(layout.sourceRow, span.left)}:${toA1(layout.sourceRow, span.right)}`), "Formats", false, false);
        }
        // values in runs of cells no merge covers (never into part of a merged area)
        written.forEach((line, i) => {
          for (const run of uncoveredRuns(layout, top + i, request.startCol, width)) {
            const values = line.slice(run.from, run.to + 1);
            if (values.every((v) => v === null)) continue;
            ws.getRange(`${toA1(top + i, request.startCol + run.from)}:${toA1(top + i, request.startCol + run.to)}`).values = [values.map(toOfficeValue)];
          }
        });
        for (const area of layout.extend) ws.getRange(`${toA1(area.top, area.left)}:${toA1(area.bottom, area.right)}`).merge(false);
        try {
          await context.sync();
        } catch (e) {
          await this.rollBack(context, ws, { top, count, left: request.startCol, written }, info.bottoms).catch(() => undefined);
          throw e;
        }
        const token = `excel-insert-${++this.counter}-${Date.now().toString(36)}`;
        const area = { top, bottom, left: request.startCol, right: request.startCol + width - 1 };
        this.inserts.set(token, { sheetId: info.id, sheetName: info.name, top, count, area, written });
        const warnings = layout.warnings.map((w) => hostMessage(s.lang, w === "merges-unknown" ? "mergesUnknown" : "mergeConflict"));
        return { sheet: info.name, range: area, undoToken: token, ...(warnings.length ? { warnings } : {}) };
      },
      { sheet: request.sheet },
    );
  }

  /**
   * After the insertion batch failed: if the rows went in (the sheet's contents below them moved
   * down by `count`, or nothing was below and the rows hold only what Jixiao wrote), delete them so
   * the sheet is as before. Two more syncs at most; rows holding anything else are left alone.
   */
  private async rollBack(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rows: { top: number; count: number; left: number; written: CellValue[][] },
    before: { values: number; any: number },
  ): Promise<void> {
    const bottom = rows.top + rows.count - 1;
    const now = usedBottoms(ws);
    const inserted = ws.getRange(`${rows.top}:${bottom}`).getUsedRangeOrNullObject(true);
    inserted.load("address,values");
    await context.sync();
    const after = readBottoms(now);
    let wentIn: boolean;
    if (before.values >= rows.top) wentIn = after.values === before.values + rows.count;
    else if (before.any >= rows.top) wentIn = after.any === before.any + rows.count;
    else wentIn = true; // nothing at or below: the rows are blank unless Jixiao wrote them
    if (!wentIn) return;
    if (!inserted.isNullObject) {
      const r = parseAddress(stripSheet(inserted.address));
      const ours = inserted.values.every((line, i) =>
        line.every((v, j) => {
          const col = r.left + j - rows.left;
          const expected = col >= 0 ? (rows.written[r.top + i - rows.top]?.[col] ?? null) : null;
          return sameCellValue(fromOfficeValue(v), expected) || fromOfficeValue(v) === null;
        }),
      );
      if (!ours) return;
    }
    ws.getRange(`${rows.top}:${bottom}`).delete("Up");
    await context.sync();
  }

  /** Sync 1: the rows still hold exactly what was inserted, and nothing else. Sync 2: delete them (grown merges shrink back). */
  async undoInsert(token: string): Promise<void> {
    const s = this.session;
    s.requireBase();
    const rec = this.inserts.get(token);
    if (!rec) throw new HostError("not-found", hostMessage(s.lang, "undoUnknown"));
    const rows = `${rec.top}:${rec.top + rec.count - 1}`;
    await s.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(rec.sheetId);
        ws.load("name,protection/protected");
        const used = ws.getRange(rows).getUsedRangeOrNullObject(true);
        used.load("address,values");
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(s.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        const r = used.isNullObject ? null : parseAddress(stripSheet(used.address));
        const now = r ? { top: r.top, left: r.left, values: used.values.map((line) => line.map(fromOfficeValue)) } : null;
        if (!insertedRowsUntouched(now, rec)) throw new HostError("conflict", hostMessage(s.lang, "undoEdited", { sheet: ws.name, rows }));
        ws.getRange(rows).delete("Up");
        await context.sync();
      },
      { sheet: rec.sheetName },
    );
    this.inserts.delete(token);
  }
}
