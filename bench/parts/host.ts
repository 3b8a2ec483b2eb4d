/**
 * The Excel host on the fake Excel object model (test/fakes/excel.ts, which counts syncs and
 * measures each sync's request and response payload as JSON bytes): syncs and payload bytes to
 * read 1 and 50 sheets and to mark 10 and 1,000 findings, on generated workbooks.
 *
 *   read     a workbook of 50 tables, one per sheet: one named sheet, then all 50
 *   mark     a workbook of 200 tables (departments stacked or one per sheet): the engine's findings
 *            become marks (one per cell, most severe wins); the first 10 and the first 1,000
 */
import { validate } from "../../src/core/engine";
import { ExcelHost } from "../../src/host/excel/host";
import { MemoryWorkbook } from "../../src/host/memory/workbook";
import { marksFromFindings, type Mark } from "../../src/host/types";
import { FakeExcel } from "../../test/fakes/excel";
import { generateWorkbook, toGrids } from "../generate";
import type { PartContext, PartResult } from "./util";

interface SyncFigures {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** sheets the operation concerned */
  sheets: number;
  ms: number;
}

async function measure(fake: FakeExcel, sheets: number, op: () => Promise<unknown>): Promise<SyncFigures> {
  fake.resetCounters();
  const t0 = performance.now();
  await op();
  const ms = performance.now() - t0;
  const syncs = fake.syncs.length;
  return {
    syncs,
    requestBytes: fake.syncs.reduce((a, s) => a + s.requestBytes, 0),
    responseBytes: fake.syncs.reduce((a, s) => a + s.responseBytes, 0),
    sheets,
    ms: Math.round(ms),
  };
}

export async function hostPart(ctx: PartContext): Promise<PartResult> {
  // reading
  const readGrids = toGrids(generateWorkbook(50, 7, "one-per-sheet"));
  const readFake = new FakeExcel(MemoryWorkbook.fromGrids(readGrids));
  const readHost = await ExcelHost.create(readFake.api());
  const read1 = await measure(readFake, 1, () => readHost.readSheets({ kind: "named", names: [readGrids[0].sheet] }));
  const read50 = await measure(readFake, readGrids.length, () => readHost.readSheets({ kind: "all" }));

  // marking
  const markGrids = toGrids(generateWorkbook(200));
  const findings = validate(markGrids).findings;
  const allMarks = marksFromFindings(findings);
  const sheetsOf = (ms: Mark[]) => new Set(ms.map((m) => m.sheet)).size;
  const mark = async (n: number): Promise<SyncFigures & { marks: number }> => {
    const marks = allMarks.slice(0, n);
    const fake = new FakeExcel(MemoryWorkbook.fromGrids(markGrids));
    const host = await ExcelHost.create(fake.api());
    const f = await measure(fake, sheetsOf(marks), () => host.applyMarks(marks));
    return { ...f, marks: marks.length };
  };
  const mark10 = await mark(10);
  const mark1000 = await mark(1000);
  if (mark1000.marks < 1000) ctx.log(`  WARNING: only ${mark1000.marks} marks to apply`);

  const line = (what: string, f: SyncFigures) =>
    ctx.log(
      `  host ${what.padEnd(22)} ${f.syncs} sync(s), request ${(f.requestBytes / 1024).toFixed(1)} KB, response ${(f.responseBytes / 1024).toFixed(1)} KB, ` +
        `${f.sheets} sheet(s), ${f.ms} ms on the fake`,
    );
  line("read 1 sheet", read1);
  line(`read ${read50.sheets} sheets`, read50);
  line(`mark ${mark10.marks} findings`, mark10);
  line(`mark ${mark1000.marks} findings`, mark1000);
  return {
    keys: { syncs_read_50_sheets: read50.syncs, syncs_mark_1000_findings: mark1000.syncs },
    details: {
      read1,
      read50,
      mark10,
      mark1000,
      syncsPerSheetMark1000: Math.round((mark1000.syncs / Math.max(1, mark1000.sheets)) * 1000) / 1000,
      findingsAvailable: findings.length,
    },
  };
}
