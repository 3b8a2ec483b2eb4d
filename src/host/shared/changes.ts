/**
 * Debounced change notifications, shared by the Excel and memory hosts: edits arriving within
 * `delayMs` of each other are merged into one event per sheet covering every changed cell.
 */
import type { CellRange } from "../../core/grid";
import type { ChangeEvent } from "../types";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class ChangeBatcher {
  private pending = new Map<string, CellRange>();
  private handle: unknown = null;

  constructor(
    private readonly emit: (event: ChangeEvent) => void,
    private readonly delayMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  add(sheet: string, range: CellRange): void {
    const prev = this.pending.get(sheet);
    this.pending.set(
      sheet,
      prev
        ? {
            top: Math.min(prev.top, range.top),
            left: Math.min(prev.left, range.left),
            bottom: Math.max(prev.bottom, range.bottom),
            right: Math.max(prev.right, range.right),
          }
        : { ...range },
    );
    if (this.delayMs <= 0) {
      this.flush();
      return;
    }
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    const events = [...this.pending.entries()];
    this.pending.clear();
    for (const [sheet, range] of events) this.emit({ sheet, range });
  }

  dispose(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.pending.clear();
  }
}
