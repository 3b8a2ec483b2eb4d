/**
 * Nothing lost: the whole round trip a user makes — validate, mark, clear; fix, undo; insert
 * templates, undo — on the memory host and on the Excel host over the fake Excel object model,
 * with real findings from the engine on real tables, leaves the workbook deep-equal to the original:
 * values, number formats, cell styles, merges, the user's own conditional formats (and their
 * priority order), comments, notes and settings. An Office error at any point of marking or
 * clearing leaves nothing that a later clear cannot remove.
 *
 * The host tests (test/host/**) check each host operation on a hand-made table; this suite drives
 * them the way the pane does, from the engine's own output, over the example workbooks and random ones.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { validate, type Report } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import type { Grid } from "../../src/core/grid";
import { BUILTIN_TEMPLATES, placementIn, planInsertion } from "../../src/core/library";
import type { TargetTable } from "../../src/core/model";
import { ExcelHost } from "../../src/host/excel/host";
import { MemoryHost } from "../../src/host/memory";
import { MemoryWorkbook, cellKey, type MemorySheet, type WorkbookSnapshot } from "../../src/host/memory/workbook";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { HostError, marksFromFindings, markSeverityOfFormula, type InsertRowsResult, type WorkbookHost } from "../../src/host/types";
import { FakeExcel } from "../fakes/excel";
import { sampleWorkbook } from "../fakes/workbooks";
import { workbookArbitrary } from "./arbitraries";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

type Kind = "memory" | "excel";

interface Setup {
  host: WorkbookHost;
  wb: MemoryWorkbook;
  fake?: FakeExcel;
}

async function hostFor(kind: Kind, wb: MemoryWorkbook): Promise<Setup> {
  if (kind === "memory") return { host: new MemoryHost(wb), wb };
  const fake = new FakeExcel(wb);
  const host = await ExcelHost.create(fake.api());
  return { host, wb, fake };
}

/** Everything the user would call their workbook, marks excluded (they are ours). */
function userPart(s: WorkbookSnapshot): WorkbookSnapshot {
  const copy = structuredClone(s);
  // a mark, or a mark half made (a custom rule whose formula a failed batch never set): not the user's
  for (const sheet of copy.sheets)
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => markSeverityOfFormula(cf.formula) === null && !(cf.type === "Custom" && !cf.formula));
  for (const k of Object.keys(copy.settings)) if (k.startsWith("jixiao.marks")) delete copy.settings[k];
  return copy;
}

/**
 * Make a workbook look like the user's own: styles and a number format on the cells the engine will
 * mark, the user's own conditional formats (one over the marked cells, a colour scale), a comment
 * and a note on marked cells, and a setting of another add-in.
 */
function decorate(wb: MemoryWorkbook, findings: readonly Finding[]): void {
  wb.settings.set("other.addin", { keep: true, n: 1 });
  for (const sheet of wb.sheets) {
    const used = wb.usedRange(sheet, false);
    if (!used) continue;
    const onSheet = findings.filter((f) => f.sheet === sheet.name).slice(0, 40);
    const cells = onSheet.length ? onSheet.map((f) => ({ row: f.row, col: f.col })) : [{ row: used.top, col: used.left }];
    cells.forEach(({ row, col }, i) => {
      const prev = wb.getCell(sheet, row, col);
      wb.patchCell(sheet, row, col, {
        style: { fill: i % 2 ? "#FFFF00" : "#C6EFCE", font: { name: "宋体", size: 10, bold: i % 3 === 0 }, borders: { bottom: { style: "Continuous", color: "#000000", weight: "Thin" } } },
        ...(prev?.numberFormat ? {} : i % 4 === 0 ? { numberFormat: "@" } : {}),
      });
    });
    const first = cells[0];
    wb.addConditionalFormat(sheet, {
      type: "CellValue",
      ranges: [{ top: used.top, left: used.left, bottom: used.bottom, right: used.right }],
      rule: { formula1: "0", operator: "LessThan" },
      format: { fill: "#FF0000", fontColor: "#FFFFFF" },
      stopIfTrue: false,
    });
    wb.addConditionalFormat(sheet, { type: "Custom", ranges: [{ top: first.row, left: first.col, bottom: first.row, right: first.col }], formula: "=LEN(A1)>100", format: { bold: true }, stopIfTrue: true });
    wb.addConditionalFormat(sheet, { type: "ColorScale", ranges: [{ top: used.top, left: used.left, bottom: Math.min(used.bottom, used.top + 5), right: used.left }], rule: { criteria: "3color" }, format: {}, stopIfTrue: false });
    sheet.comments.set(cellKey(first.row, first.col), { author: "审核人", text: "请核实 <b>这里</b>" });
    const last = cells[cells.length - 1];
    sheet.notes.set(cellKey(last.row, last.col), { author: "编制人", text: "含印刷与投放\n第二行" });
  }
}

async function exampleWorkbook(file: string): Promise<{ wb: MemoryWorkbook; grids: Grid[] }> {
  const { grids } = await readWorkbookGrids(readFileSync(path.join(EXAMPLES, file)));
  const wb = MemoryWorkbook.fromGrids(grids);
  decorate(wb, validate(grids).findings);
  return { wb, grids };
}

async function validateOn(host: WorkbookHost): Promise<Report> {
  return validate(await host.readSheets({ kind: "all" }));
}

/** validate → mark → (check values untouched, validate again gives the same) → clear → identical. */
async function markAndClear(kind: Kind, wb: MemoryWorkbook): Promise<number> {
  const { host } = await hostFor(kind, wb);
  const before = wb.snapshot();
  const report = await validateOn(host);
  const marks = marksFromFindings(report.findings);
  const applied = await host.applyMarks(marks);
  expect(applied.skipped).toEqual([]);
  const during = wb.snapshot();
  // marks never change a value or a user's format
  expect(during.sheets.map((s) => s.cells)).toEqual(before.sheets.map((s) => s.cells));
  expect(during.sheets.map((s) => [s.merges, s.comments, s.notes])).toEqual(before.sheets.map((s) => [s.merges, s.comments, s.notes]));
  expect(userPart(during)).toEqual(userPart(before));
  expect((await validateOn(host)).findings).toEqual(report.findings);
  // marking twice replaces, it does not pile up
  await host.applyMarks(marks);
  await host.clearMarks();
  expect(wb.snapshot()).toEqual(before);
  return marks.length;
}

/** Every unambiguous fix of the report, applied one by one, then undone in reverse order. */
async function fixAndUndo(kind: Kind, wb: MemoryWorkbook, withMarks: boolean): Promise<number> {
  const { host } = await hostFor(kind, wb);
  const before = wb.snapshot();
  const report = await validateOn(host);
  if (withMarks) await host.applyMarks(marksFromFindings(report.findings));
  const changes = [];
  const seen = new Set<string>();
  for (const f of report.findings) {
    if (!f.fix || seen.has(`${f.fix.sheet}!${f.fix.cell}`)) continue;
    seen.add(`${f.fix.sheet}!${f.fix.cell}`);
    changes.push(await host.setCellValue(f.fix.sheet, f.fix.cell, f.fix.value, f.fix.previous));
  }
  if (changes.length) expect(wb.snapshot()).not.toEqual(before);
  for (const c of changes.reverse()) await host.setCellValue(c.sheet, c.cell, c.previous, c.value);
  if (withMarks) await host.clearMarks();
  expect(wb.snapshot()).toEqual(before);
  return changes.length;
}

/** Templates that have a place in the table's framework, a few per 一级. */
function templatesFor(table: TargetTable, n: number) {
  const out = [];
  const perLevel1 = new Map<string, number>();
  for (const t of BUILTIN_TEMPLATES) {
    const p = placementIn(t.level1, t.level2, table.framework.id);
    if (!p) continue;
    const k = perLevel1.get(p.level1) ?? 0;
    if (k >= 2) continue;
    perLevel1.set(p.level1, k + 1);
    out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

/** Insert templates into tables (the pane's plan, requests in order), then undo in reverse. */
async function insertAndUndo(kind: Kind, wb: MemoryWorkbook, withMarks: boolean, maxTables = 3): Promise<number> {
  const { host } = await hostFor(kind, wb);
  const before = wb.snapshot();
  let inserted = 0;
  for (const table of (await validateOn(host)).tables.slice(0, maxTables)) {
    // read again: earlier insertions moved rows
    const report = await validateOn(host);
    if (withMarks) await host.applyMarks(marksFromFindings(report.findings));
    const current = report.tables.find((t) => t.sheet === table.sheet && t.index === table.index);
    if (!current) continue;
    const plan = planInsertion(current, templatesFor(current, 6));
    const results: InsertRowsResult[] = [];
    for (const r of plan.requests) results.push(await host.insertRows(r));
    inserted += plan.rows.length;
    // the inserted rows read back as indicators of the table
    const after = await validateOn(host);
    for (const row of plan.rows) {
      const t = after.tables.find((x) => x.sheet === current.sheet && x.range.top === current.range.top);
      expect(t?.indicators.some((i) => i.row === row.row && i.name?.text === row.template.name)).toBe(true);
    }
    for (const r of [...results].reverse()) await host.undoInsert(r.undoToken);
    if (withMarks) await host.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  }
  return inserted;
}

const KINDS: Kind[] = ["memory", "excel"];
const FILES = ["seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"];

describe.each(KINDS)("%s host: validate → mark → clear restores exactly", (kind) => {
  it("the hand-made table with the user's conditional formats, comments, notes and a hidden sheet", async () => {
    const wb = sampleWorkbook();
    expect(await markAndClear(kind, wb)).toBeGreaterThan(0);
  });

  it.each(FILES)("%s (every seed table, decorated with the user's own formats)", async (file) => {
    const { wb } = await exampleWorkbook(file);
    expect(await markAndClear(kind, wb)).toBeGreaterThan(5);
  });

  it("random workbooks (property)", async () => {
    const arb = workbookArbitrary({ maxSheets: 3, maxRows: 8 }).map((grids) =>
      // realistic sheets: names Excel accepts, merges only from real files (the examples cover them)
      grids.filter((g) => !/^'|'$/.test(g.sheet)).map((g) => ({ ...g, merges: [] })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (grids) => {
        if (grids.length === 0) return;
        const wb = MemoryWorkbook.fromGrids(grids);
        decorate(wb, validate(grids).findings);
        await markAndClear(kind, wb);
      }),
      { numRuns: 25 },
    );
  });
});

describe.each(KINDS)("%s host: fixes followed by undo restore exactly", (kind) => {
  it.each(FILES)("%s: every fix of the report, with and without marks", async (file) => {
    const { wb } = await exampleWorkbook(file);
    const n = await fixAndUndo(kind, wb, false);
    expect(await fixAndUndo(kind, wb, true)).toBe(n);
  });

  it("the examples hold fixes to apply", async () => {
    let total = 0;
    for (const file of FILES) total += await fixAndUndo(kind, (await exampleWorkbook(file)).wb, false);
    expect(total).toBeGreaterThan(0);
  });
});

describe.each(KINDS)("%s host: template insertion followed by undo restores exactly", (kind) => {
  it("the hand-made table, with and without marks", async () => {
    expect(await insertAndUndo(kind, sampleWorkbook(), false)).toBeGreaterThan(0);
    expect(await insertAndUndo(kind, sampleWorkbook(), true)).toBeGreaterThan(0);
  });

  it.each(FILES)("%s: templates into the first tables, with marks shown", async (file) => {
    const { wb } = await exampleWorkbook(file);
    expect(await insertAndUndo(kind, wb, true)).toBeGreaterThan(0);
  });
});

describe("an Office error at any point of marking or clearing leaves nothing clear cannot remove", () => {
  /**
   * The syncs and commands of one successful run, to sweep the failure point over. `prepare` runs
   * first (not counted) and returns the operation to measure.
   */
  async function profile(prepare: (s: Setup) => Promise<() => Promise<unknown>>): Promise<number[]> {
    const s = await hostFor("excel", sampleWorkbook());
    const op = await prepare(s);
    const fake = s.fake as FakeExcel;
    fake.resetCounters();
    await op();
    return fake.syncs.map((x) => x.ops);
  }

  async function findingsOf(s: Setup): Promise<Finding[]> {
    return (await validateOn(s.host)).findings;
  }

  /** every (sync, afterOps) failure point of a run, thinned to at most `max` per sync */
  function points(opsPerSync: number[], max = 12): [number, number][] {
    const out: [number, number][] = [];
    opsPerSync.forEach((ops, i) => {
      const step = Math.max(1, Math.ceil((ops + 1) / max));
      for (let k = 0; k <= ops; k += step) out.push([i + 1, k]);
      if (ops % step !== 0) out.push([i + 1, ops]);
    });
    return out;
  }

  it("failing applyMarks anywhere: the error is a HostError, and clearMarks restores the workbook", async () => {
    // an earlier set of marks is being replaced when the error strikes
    const prepare = async (s: Setup) => {
      const marks = marksFromFindings(await findingsOf(s));
      await s.host.applyMarks(marks.slice(0, 2));
      return () => s.host.applyMarks(marks);
    };
    const opsPerSync = await profile(prepare);
    expect(opsPerSync.length).toBeGreaterThan(0);
    let failures = 0;
    const sweep = points(opsPerSync);
    for (const [sync, after] of sweep) {
      const s = await hostFor("excel", sampleWorkbook());
      const before = s.wb.snapshot();
      const apply = await prepare(s);
      s.fake?.failOn(sync, after);
      const err = await apply().then(() => undefined, (e: unknown) => e);
      if (err !== undefined && !(err instanceof HostError)) throw err;
      if (err) failures++;
      // values and the user's formats are untouched whatever happened
      expect(userPart(s.wb.snapshot())).toEqual(userPart(before));
      await s.host.clearMarks();
      expect(s.wb.snapshot()).toEqual(before);
      expect((await s.host.markStatus()).present).toBe(false);
    }
    // every injected failure struck (the last point of each sync fails after all its commands ran)
    expect(failures).toBe(sweep.length);
  });

  it("failing clearMarks anywhere: a second clearMarks finishes the job", async () => {
    const prepare = async (s: Setup) => {
      await s.host.applyMarks(marksFromFindings(await findingsOf(s)));
      return () => s.host.clearMarks();
    };
    const opsPerSync = await profile(prepare);
    expect(opsPerSync.length).toBeGreaterThan(0);
    let failures = 0;
    const sweep = points(opsPerSync);
    for (const [sync, after] of sweep) {
      const s = await hostFor("excel", sampleWorkbook());
      const before = s.wb.snapshot();
      await prepare(s);
      s.fake?.failOn(sync, after);
      const err = await s.host.clearMarks().then(() => undefined, (e: unknown) => e);
      if (err !== undefined && !(err instanceof HostError)) throw err;
      if (err) failures++;
      expect(userPart(s.wb.snapshot())).toEqual(userPart(before));
      await s.host.clearMarks();
      expect(s.wb.snapshot()).toEqual(before);
    }
    expect(failures).toBe(sweep.length);
  });

  /**
   * Office.js batches are not transactions: when the second sync of an insertion fails after some
   * commands, the rows may be in, half-formatted and half-written. The host finds out and deletes
   * them, so a failed insertion leaves the workbook exactly as it was.
   */
  it.each([
    ["in the middle of a table (rows below move down)", "first"],
    ["at the bottom of the last table (nothing below)", "last"],
  ] as const)("an insertion that fails anywhere is rolled back exactly; one that succeeds undoes exactly: %s", async (_, where) => {
    const s0 = await hostFor("excel", sampleWorkbook());
    const report = await validateOn(s0.host);
    const table = where === "first" ? report.tables[0] : report.tables[report.tables.length - 1];
    const plan = planInsertion(table, templatesFor(table, 4));
    expect(plan.requests.length).toBeGreaterThan(0);
    const request = plan.requests.reduce((a, b) => ((where === "first" ? b.afterRow < a.afterRow : b.afterRow > a.afterRow) ? b : a));
    const sheet = s0.wb.snapshot().sheets.find((x) => x.name === request.sheet);
    const valueRows = Object.entries(sheet?.cells ?? {}).filter(([, c]) => c.value !== null).map(([a1]) => Number(/\d+$/.exec(a1)?.[0]));
    if (where === "first") expect(Math.max(...valueRows)).toBeGreaterThan(request.afterRow);
    else expect(Math.max(...valueRows)).toBeLessThanOrEqual(request.afterRow);
    const opsPerSync = await profile(async (s) => () => s.host.insertRows(request));
    let failed = 0;
    for (const [sync, after] of points(opsPerSync, 8)) {
      const s = await hostFor("excel", sampleWorkbook());
      const before = s.wb.snapshot();
      s.fake?.failOn(sync, after);
      const result = await s.host.insertRows(request).catch((e: unknown) => e);
      if (result instanceof HostError) {
        failed++;
        expect(s.wb.snapshot()).toEqual(before);
      } else if (result && typeof result === "object" && "undoToken" in result) {
        await s.host.undoInsert((result as InsertRowsResult).undoToken);
        expect(s.wb.snapshot()).toEqual(before);
      } else {
        throw result;
      }
    }
    expect(failed).toBeGreaterThan(0);
  });
});

// keep the helpers honest: decorate really puts user formats where marks go
describe("the decorated workbooks", () => {
  it("have user formats, conditional formats, comments and notes on marked cells", async () => {
    const { wb, grids } = await exampleWorkbook("seed001.xlsx");
    const findings = validate(grids).findings;
    const sheet = wb.requireSheet(findings[0].sheet) as MemorySheet;
    expect(wb.getCell(sheet, findings[0].row, findings[0].col)?.style?.fill).toBeDefined();
    expect(sheet.conditionalFormats.length).toBeGreaterThanOrEqual(3);
    expect(sheet.comments.size + sheet.notes.size).toBeGreaterThanOrEqual(1);
  });
});
