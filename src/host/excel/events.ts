/**
 * Excel's events as the WorkbookHost reports them.
 *  - worksheets.onChanged: value edits (Jixiao's own writes excepted by the pane's debounce) gathered
 *    for `debounceMs` into one ChangeEvent per sheet (shared/changes.ts).
 *  - worksheets.onSelectionChanged (ExcelApi 1.9): the user's selection, as { sheet, cell } with the
 *    top-left cell of the selected area, reported at once.
 * Each handler is registered once, in a batch of its own run with delayForCellEdit, on the first
 * subscription; dispose() removes them in the request context that added them (objects are bound
 * to their context: Excel.run(handler.context, …)).
 */
import type { CellRange } from "../../core/grid";
import { toA1 } from "../../core/grid";
import type { ChangeEvent } from "../types";
import { MAX_COLS, MAX_ROWS, parseAddress, parseAreasAddress, stripSheet } from "../shared/addresses";
import { ChangeBatcher } from "../shared/changes";
import { toHostError } from "./errors";
import type { ExcelSession, SheetEntry } from "./session";

type Registration = Promise<OfficeExtension.EventHandlerResult<unknown> | null>;
type Selection = { sheet: string; cell: string };

export class ExcelEvents {
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly selectionListeners = new Set<(sel: Selection) => void>();
  private batcher: ChangeBatcher | null = null;
  private changes: Registration | null = null;
  private selections: Registration | null = null;

  constructor(private readonly session: ExcelSession) {}

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    if (!this.batcher) {
      this.batcher = new ChangeBatcher((e) => this.changeListeners.forEach((l) => l(e)), this.session.options.debounceMs ?? 500, this.session.options.timers);
    }
    if (!this.changes) {
      this.changes = this.register(
        (context) => context.workbook.worksheets.onChanged.add((args) => this.onWorksheetChanged(args)),
        () => {
          this.changes = null;
        },
      );
    }
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  onSelectionChanged(listener: (sel: Selection) => void): () => void {
    this.selectionListeners.add(listener);
    if (!this.selections) {
      this.selections = this.register(
        (context) => context.workbook.worksheets.onSelectionChanged.add((args) => this.onWorksheetSelection(args)),
        () => {
          this.selections = null;
        },
      );
    }
    return () => {
      this.selectionListeners.delete(listener);
    };
  }

  /** One batch adding a handler; a failure is reported through options.onError and allows a later retry. */
  private register(add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>, reset: () => void): Registration {
    return this.session
      .run(
        async (context) => {
          const result = add(context);
          await context.sync();
          return result;
        },
        { wait: true },
      )
      .catch((e: unknown) => {
        reset();
        this.session.options.onError?.(toHostError(e, this.session.lang));
        return null;
      });
  }

  /** Stop listening to Excel (removes the event handlers) and drop pending notifications. */
  async dispose(): Promise<void> {
    this.changeListeners.clear();
    this.selectionListeners.clear();
    this.batcher?.dispose();
    this.batcher = null;
    const regs = await Promise.all([this.changes, this.selections]);
    this.changes = null;
    this.selections = null;
    await Promise.all(regs.map((reg) => (reg ? this.unregister(reg) : undefined)));
  }

  /** Remove a handler in the request context that added it. */
  private async unregister(reg: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
    await this.session.api.run(reg.context, async (context) => {
      reg.remove();
      await context.sync();
    });
  }

  /** The sheet of an event: from the cache, or the list refreshed once (a sheet added since). */
  private async sheetOf(id: string): Promise<SheetEntry | undefined> {
    try {
      return await this.session.entryFor(id);
    } catch (e) {
      this.session.options.onError?.(toHostError(e, this.session.lang));
      return undefined;
    }
  }

  private async onWorksheetChanged(args: Excel.WorksheetChangedEventArgs): Promise<void> {
    const entry = await this.sheetOf(args.worksheetId);
    if (!entry) return;
    let range: CellRange;
    try {
      range = parseAddress(stripSheet(args.address));
    } catch {
      range = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
    }
    this.batcher?.add(entry.name, range);
  }

  private async onWorksheetSelection(args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> {
    if (!this.selectionListeners.size) return;
    const entry = await this.sheetOf(args.worksheetId);
    const area = parseAreasAddress(args.address)[0];
    if (!entry || !area) return;
    const sel = { sheet: entry.name, cell: toA1(area.top, area.left) };
    this.selectionListeners.forEach((l) => l(sel));
  }
}
