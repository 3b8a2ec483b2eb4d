/**
 * Selecting a finding's cell (one sync) and writing one value, a fix or its undo (two syncs: check
 * the expected value, write). Neither is delayed while the user edits a cell: they fail at once with
 * a message asking to press Enter or Esc, so a fix never lands later by surprise.
 */
import type { CellValue } from "../../core/grid";
import { toA1 } from "../../core/grid";
import { HostError, type CellChange } from "../types";
import { parseCellAddress } from "../shared/addresses";
import { sameCellValue } from "../shared/cells";
import { hostMessage, quoteValue } from "../shared/messages";
import type { ExcelSession } from "./session";
import { fromOfficeValue, toOfficeValue } from "./values";

export class ExcelFixes {
  constructor(private readonly session: ExcelSession) {}

  private cell(cell: string): { row: number; col: number } {
    const p = parseCellAddress(cell);
    if (!p) throw new HostError("invalid", hostMessage(this.session.lang, "badAddress", { cell }));
    return p;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const s = this.session;
    s.requireBase();
    const p = this.cell(cell);
    const cached = s.sheetCache ? s.entryByName(s.sheetCache, sheet) : undefined;
    if (cached && cached.visibility !== "visible") throw new HostError("invalid", hostMessage(s.lang, "sheetHidden", { sheet }), { sheets: [sheet] });
    await s.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(toA1(p.row, p.col)).select();
        await context.sync();
      },
      { sheet },
    );
  }

  /**
   * Sync 1: protection, value and formula of the cell; a formula or another value than `expected`
   * is a conflict. Sync 2: the value, written so that Excel keeps text as text (values.ts), and read
   * back: the change reports what Excel stored.
   */
  async setCellValue(sheet: string, cell: string, value: CellValue, expected: CellValue): Promise<CellChange> {
    const s = this.session;
    s.requireBase();
    const p = this.cell(cell);
    const a1 = toA1(p.row, p.col);
    return s.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load("name,protection/protected");
        const range = ws.getRange(a1);
        range.load("values,formulas");
        await context.sync();
        if (ws.protection.protected) throw new HostError("protected", hostMessage(s.lang, "protected", { sheet: ws.name }), { sheets: [ws.name] });
        const formula: unknown = range.formulas[0]?.[0];
        // Office.js drops the quote of a text constant ('=100%): a formula is "=…" that differs from the value
        if (typeof formula === "string" && formula.startsWith("=") && formula !== range.values[0]?.[0]) {
          throw new HostError("conflict", hostMessage(s.lang, "formula", { sheet: ws.name, cell: a1 }));
        }
        const previous = fromOfficeValue(range.values[0]?.[0]);
        if (!sameCellValue(previous, expected)) {
          throw new HostError("conflict", hostMessage(s.lang, "conflict", { sheet: ws.name, cell: a1, actual: quoteValue(previous), expected: quoteValue(expected) }));
        }
        range.values = [[toOfficeValue(value)]];
        range.load("values");
        await context.sync();
        const stored = fromOfficeValue(range.values[0]?.[0]);
        return { sheet: ws.name, cell: a1, previous, value: sameCellValue(stored, value) ? value : stored };
      },
      { sheet },
    );
  }
}
