/**
 * The host the pane's session gets before the Excel host is made (src/taskpane/state/deferredHost.ts):
 * calls wait for the real host, subscriptions made meanwhile reach it, an unsubscribe made meanwhile
 * is kept, and a host that could not be made fails every call with its error. A whole session over
 * it gives the same report and leaves the workbook as over the host itself.
 */
import type { WorkbookHost } from "../../src/host/types";
import { MemoryHost } from "../../src/host/memory";
import { deferredHost } from "../../src/taskpane/state/deferredHost";
import { PaneSession } from "../../src/taskpane/state/session";
import { loadExampleGrids } from "../helpers/examples";

function later<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

describe("deferredHost", () => {
  it("passes each call on once the host is there, with its arguments and its answer", async () => {
    const real = MemoryHost.fromGrids([{ sheet: "Sheet1", origin: { row: 1, col: 1 }, cells: [["a"]] }]);
    const made = later<WorkbookHost>();
    const host = deferredHost("memory", made.promise);
    const sheets = host.listSheets();
    const cell = host.setCellValue("Sheet1", "A1", "b", "a");
    made.resolve(real);
    expect((await sheets).map((s) => s.name)).toEqual(["Sheet1"]);
    expect(await cell).toMatchObject({ previous: "a", value: "b" });
    expect(host.kind).toBe("memory");
  });

  it("subscribes listeners made before the host is there, and keeps an unsubscribe made before", async () => {
    const real = MemoryHost.fromGrids([{ sheet: "Sheet1", origin: { row: 1, col: 1 }, cells: [["a"]] }]);
    const made = later<WorkbookHost>();
    const host = deferredHost("memory", made.promise);
    const seen: string[] = [];
    const gone: string[] = [];
    host.onSelectionChanged?.((sel) => seen.push(sel.cell));
    const off = host.onSelectionChanged?.((sel) => gone.push(sel.cell));
    off?.();
    made.resolve(real);
    await made.promise;
    await real.selectCell("Sheet1", "A1");
    expect(seen).toEqual(["A1"]);
    expect(gone).toEqual([]);
  });

  it("fails every call with the error of a host that could not be made", async () => {
    const host = deferredHost("excel", Promise.reject(new Error("no Excel here")));
    await expect(host.listSheets()).rejects.toThrow("no Excel here");
    await expect(host.loadSettings()).rejects.toThrow("no Excel here");
    expect(typeof host.onChange(() => undefined)).toBe("function");
  });

  it("a session over it gives the report a session over the host gives, and clearing restores the workbook", async () => {
    const grids = await loadExampleGrids("seed001.xlsx");
    const direct = MemoryHost.fromGrids(grids);
    const real = MemoryHost.fromGrids(grids);
    const original = real.snapshot();
    const made = later<WorkbookHost>();
    const a = new PaneSession(direct, { yieldToUi: () => Promise.resolve() });
    const b = new PaneSession(deferredHost("memory", made.promise), { yieldToUi: () => Promise.resolve() });
    const started = b.start();
    setTimeout(() => made.resolve(real), 5);
    await Promise.all([a.start(), started]);
    await Promise.all([a.validate(), b.validate()]);
    expect(b.getState().report?.findings.map((f) => f.key)).toEqual(a.getState().report?.findings.map((f) => f.key));
    expect(real.marks().length).toBe(direct.marks().length);
    await b.clearMarks();
    expect(real.snapshot()).toEqual(original);
  });
});
