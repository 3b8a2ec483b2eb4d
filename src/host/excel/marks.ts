/**
 * Marks (applyMarks, clearMarks, markStatus): conditional formats with Jixiao's signature formula
 * (shared/marks.ts) over chunked multi-area addresses. One sync finds Jixiao's existing marks and the
 * protection of every sheet; one more deletes them and adds the new ones: two syncs whatever the
 * number of findings or sheets. They never change a value or a cell's own format, sit on top of the
 * user's conditional formats without changing them, and the signature lets clearing find exactly
 * them even after the workbook was saved and reopened (conditional-format ids do not survive that).
 * Marks run with delayForCellEdit: a background re-check waits while the user types.
 */
import type { ApplyMarksResult, ClearMarksResult, Mark, MarkStatus, Progress, SkippedSheet } from "../types";
import { MAX_ADDRESS_CHARS, chunkAddresses, compressCells } from "../shared/addresses";
import { MARK_ADD_ORDER, MARK_FILL, MARKS_KEY, cellsOfSeverity, groupMarks, markFormula, markSeverityOfFormula, parseMarksRecord, type MarksRecord } from "../shared/marks";
import { hostMessage, markAdvice } from "../shared/messages";
import { SETTINGS_KEY, parseWorkbookSettings } from "../shared/settings";
import { ExcelSession, type SheetEntry } from "./session";

interface SheetScan {
  entry: SheetEntry;
  ws: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
}

/**
 * Jixiao's marks among a sheet's conditional formats: custom rules with a mark formula, and custom
 * rules with no formula at all — a mark half made when a batch failed between adding the rule and
 * setting its formula (commands before a failing one stay applied). Excel's own dialog cannot save
 * a custom rule without a formula, so such a rule is never the user's.
 */
function oursIn(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return cfs.items.filter((cf) => {
    if (cf.type !== "Custom") return false;
    const custom = cf.customOrNullObject;
    if (custom.isNullObject) return false;
    const formula = custom.rule.formula;
    return markSeverityOfFormula(formula) !== null || !formula;
  });
}

export class ExcelMarks {
  private readonly maxAddressChars: number;

  constructor(private readonly session: ExcelSession) {
    this.maxAddressChars = session.options.maxAddressChars ?? MAX_ADDRESS_CHARS;
  }

  /** Queue, for sheets, their protection and their conditional formats with their custom formulas. */
  private queueScan(context: Excel.RequestContext, sheets: readonly SheetEntry[]): SheetScan[] {
    return sheets.map((entry) => {
      const ws = context.workbook.worksheets.getItem(entry.id);
      ws.load("name,protection/protected");
      const cfs = ws.getRange().conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula");
      return { entry, ws, cfs };
    });
  }

  /**
   * Sync 1 of marking and clearing: the sheet list, every sheet's protection and conditional
   * formats, and the marks record. A sheet added since the list was cached costs one more sync.
   */
  private async scanAll(context: Excel.RequestContext, cached: readonly SheetEntry[]): Promise<{ fresh: SheetEntry[]; scans: SheetScan[]; old: Excel.Setting }> {
    const list = this.session.queueSheetList(context);
    const scans = this.queueScan(context, cached);
    const old = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
    old.load("key");
    await context.sync().catch((e: unknown) => {
      throw ExcelSession.staleOr(e);
    });
    const fresh = this.session.adoptSheetList(list);
    const added = fresh.filter((f) => !scans.some((s) => s.entry.id === f.id));
    if (!added.length) return { fresh, scans, old };
    const more = this.queueScan(context, added);
    await context.sync();
    return { fresh, scans: [...scans, ...more], old };
  }

  async apply(marks: Mark[], progress?: Progress): Promise<ApplyMarksResult> {
    const s = this.session;
    return s.withSheets((cached) =>
      s.run(
        async (context) => {
          // --- sync 1: sheet list, protection and existing conditional formats everywhere
          const { fresh, scans, old } = await this.scanAll(context, cached);
          const grouped = groupMarks(
            marks,
            (name) => {
              const e = s.entryByName(fresh, name);
              return e ? { key: e.id, name: e.name } : undefined;
            },
            s.lang,
          );
          const skipped: SkippedSheet[] = grouped.skipped;
          const bySheet = grouped.bySheet;
          progress?.("marking", 0, bySheet.size);

          // --- sync 2: record first (so an interrupted batch never leaves unrecorded marks), then
          // delete Jixiao's old marks and add the new ones
          const record: MarksRecord = { v: 1, sheets: [], at: s.now() };
          for (const scan of scans) {
            const target = bySheet.get(scan.entry.id);
            if (scan.ws.protection.protected) {
              if (oursIn(scan.cfs).length) record.sheets.push({ id: scan.entry.id, name: scan.ws.name, cells: 0 });
              if (target) skipped.push({ sheet: scan.ws.name, code: "protected", message: hostMessage(s.lang, "marksProtected", { sheet: scan.ws.name }) });
              continue;
            }
            if (target?.size) record.sheets.push({ id: scan.entry.id, name: scan.ws.name, cells: target.size });
          }
          if (record.sheets.length) context.workbook.settings.add(MARKS_KEY, record);

          let marked = 0;
          let done = 0;
          let writes = record.sheets.length > 0;
          for (const scan of scans) {
            if (scan.ws.protection.protected) continue;
            for (const cf of oursIn(scan.cfs)) {
              cf.delete();
              writes = true;
            }
            const target = bySheet.get(scan.entry.id);
            if (!target?.size) continue;
            for (const severity of MARK_ADD_ORDER) {
              const cells = cellsOfSeverity(target, severity);
              if (!cells.length) continue;
              for (const address of chunkAddresses(compressCells(cells), this.maxAddressChars)) {
                const cf = scan.ws.getRanges(address).conditionalFormats.add("Custom");
                cf.custom.rule.formula = markFormula(severity);
                cf.custom.format.fill.color = MARK_FILL[severity];
              }
            }
            marked += target.size;
            progress?.("marking", ++done, bySheet.size);
          }
          // no marks left anywhere: the record goes, last, so a failed delete above leaves it in place
          if (!record.sheets.length && !old.isNullObject) {
            old.delete();
            writes = true;
          }
          if (writes) await context.sync();
          return { marked, skipped };
        },
        { wait: true },
      ),
    );
  }

  async clear(): Promise<ClearMarksResult> {
    const s = this.session;
    return s.withSheets((cached) =>
      s.run(
        async (context) => {
          const { scans, old } = await this.scanAll(context, cached);
          const skipped: SkippedSheet[] = [];
          const remaining: MarksRecord["sheets"] = [];
          let removed = 0;
          for (const scan of scans) {
            const ours = oursIn(scan.cfs);
            if (!ours.length) continue;
            if (scan.ws.protection.protected) {
              skipped.push({ sheet: scan.ws.name, code: "protected", message: hostMessage(s.lang, "clearProtected", { sheet: scan.ws.name }) });
              remaining.push({ id: scan.entry.id, name: scan.ws.name, cells: 0 });
              continue;
            }
            for (const cf of ours) cf.delete();
            removed += ours.length;
          }
          // record last: if a delete fails, the record still lists the sheet
          if (remaining.length) context.workbook.settings.add(MARKS_KEY, { v: 1, sheets: remaining, at: s.now() } satisfies MarksRecord);
          else if (!old.isNullObject) old.delete();
          if (removed || remaining.length || !old.isNullObject) await context.sync();
          return { removed, skipped };
        },
        { wait: true },
      ),
    );
  }

  async status(): Promise<MarkStatus> {
    const s = this.session;
    s.requireBase();
    return s.run(
      async (context) => {
        const record = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
        record.load("value");
        const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        stored.load("value");
        context.workbook.load("autoSave");
        await context.sync();
        const rec = record.isNullObject ? null : parseMarksRecord(record.value);
        const settings = parseWorkbookSettings(stored.isNullObject ? null : stored.value);
        const present = !!rec && rec.sheets.length > 0;
        const autoSave = context.workbook.autoSave === true;
        const names = (rec?.sheets ?? []).map((x) => s.entryById(x.id)?.name ?? x.name);
        return {
          present,
          cells: (rec?.sheets ?? []).reduce((n, x) => n + x.cells, 0),
          sheets: names,
          autoSave,
          onSave: "saved-with-workbook",
          advice: markAdvice(s.lang, { present, autoSave, keepMarksOnSave: settings.keepMarksOnSave }),
        };
      },
      { wait: true },
    );
  }
}
