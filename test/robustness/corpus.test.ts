/**
 * The awkward-workbook corpus (tools/make-awkward-corpus.ts), generated into a temporary folder,
 * through the CLI (in-process main()) and through the memory host (read, validate, mark, clear):
 * each file gives a sensible report or one clear line, within a generous bound, and nothing it
 * touches changes — not the input files, not the values of the annotated copies.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { validate } from "../../src/core/engine";
import { parseA1 } from "../../src/core/grid";
import { main } from "../../src/cli/main";
import { MemoryHost } from "../../src/host/memory";
import { marksFromFindings } from "../../src/host/types";
import { readWorkbookGrids, WorkbookReadError } from "../../src/host/xlsx/readWorkbook";
import { CORPUS_ENTRIES, makeAwkwardCorpus, type CorpusEntry } from "../../tools/make-awkward-corpus";

/** Not a timing test: a guard so that a pathological file fails instead of hanging the suite. */
const BOUND_MS = 20_000;

interface JsonFinding {
  rule: string;
  sheet: string;
  cell: string;
  row: number;
  col: number;
  message: string;
  severity: string;
}
interface JsonFile {
  file: string;
  error?: { code: string; message: string };
  tables: { sheet: string; range: string }[];
  findings: JsonFinding[];
  warnings?: string[];
}

let dir = "";
const pathOf = (e: CorpusEntry) => path.join(dir, e.file);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  let out = "";
  let err = "";
  const t0 = Date.now();
  const code = await main(args, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), lang: "zh" });
  return { code, out, err, ms: Date.now() - t0 };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function expectTables(entry: CorpusEntry, n: number): void {
  if (entry.tables === undefined) return;
  if (typeof entry.tables === "number") expect(n).toBe(entry.tables);
  else expect(n).toBeGreaterThanOrEqual(entry.tables.atLeast);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jixiao-corpus-"));
  await makeAwkwardCorpus(dir);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the corpus itself", () => {
  it("holds every awkward case the issue lists", () => {
    expect(readdirSync(dir).sort()).toEqual(CORPUS_ENTRIES.map((e) => e.file).sort());
    const whats = CORPUS_ENTRIES.map((e) => e.what).join(" | ");
    for (const needle of ["empty", "header", "1,048,576", "merge", "#REF!", "#N/A", "#DIV/0!", "dates", "booleans", "rich text", "full-width", "thousands", "32,767", "hidden", "very hidden", "200 worksheets", "quotes", "spaces", "side by side"]) {
      expect(whats).toContain(needle);
    }
  });
});

describe.each(CORPUS_ENTRIES.map((e) => [e.file, e] as const))("%s", (_, entry) => {
  it("the CLI gives a sensible report, or one clear line and exit code 2, and leaves the file as it was", async () => {
    const before = sha(pathOf(entry));
    const json = await cli(["check", pathOf(entry), "--format", "json"]);
    expect(json.ms).toBeLessThan(BOUND_MS);
    const file = (JSON.parse(json.out) as { files: JsonFile[] }).files[0];
    if (entry.error) {
      expect(json.code).toBe(2);
      expect(file.error?.code).toBe(entry.error);
      const text = await cli(["check", pathOf(entry)]);
      expect(text.code).toBe(2);
      expect(text.err.trim().split("\n")).toHaveLength(1);
      expect(text.err).toContain(entry.file);
      expect(sha(pathOf(entry))).toBe(before);
      return;
    }
    expect(file.error).toBeUndefined();
    expect([0, 1]).toContain(json.code);
    expect(json.code).toBe(file.findings.some((f) => f.severity === "error") ? 1 : 0);
    expectTables(entry, file.tables.length);
    const { sheets } = await readWorkbookGrids(readFileSync(pathOf(entry)));
    for (const f of file.findings) {
      expect(sheets.map((s) => s.name)).toContain(f.sheet);
      expect(parseA1(f.cell)).toEqual({ row: f.row, col: f.col });
      // messages quote long cells by their start: a 32,767-character cell does not make a 32k message
      expect(f.message.length).toBeLessThan(1000);
      expect(f.message).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
    // the text report works too and says the same in one piece
    const text = await cli(["check", pathOf(entry)]);
    expect(text.code).toBe(json.code);
    expect(text.out.length).toBeGreaterThan(0);
    expect(sha(pathOf(entry))).toBe(before);
  });

  it("the memory host reads it, validates it, and marks then clears it exactly", async () => {
    const t0 = Date.now();
    const bytes = readFileSync(pathOf(entry));
    if (entry.error) {
      await expect(readWorkbookGrids(bytes)).rejects.toBeInstanceOf(WorkbookReadError);
      await expect(readWorkbookGrids(bytes)).rejects.toMatchObject({ code: entry.error });
      return;
    }
    const { grids, sheets } = await readWorkbookGrids(bytes);
    if (entry.sheets !== undefined) expect(sheets).toHaveLength(entry.sheets);
    const host = MemoryHost.fromGrids(grids);
    const before = host.snapshot();
    const read = await host.readSheets({ kind: "all" });
    const report = validate(read);
    expectTables(entry, report.tables.length);
    // the memory host reads back what the file reader read
    expect(read.map((g) => [g.sheet, g.origin, g.cells])).toEqual(grids.map((g) => [g.sheet, g.origin, g.cells]));
    await host.applyMarks(marksFromFindings(report.findings));
    await host.clearMarks();
    expect(host.snapshot()).toEqual(before);
    expect(Date.now() - t0).toBeLessThan(BOUND_MS);
  });
});

describe("specific expectations", () => {
  const entry = (file: string) => CORPUS_ENTRIES.find((e) => e.file === file) as CorpusEntry;
  const findingsOf = async (file: string) => (JSON.parse((await cli(["check", pathOf(entry(file)), "--format", "json"])).out) as { files: JsonFile[] }).files[0];

  it("formula errors as target values are reported as errors in the formula, not read as words", async () => {
    const f = await findingsOf("formula-errors.xlsx");
    const quoted = f.findings.filter((x) => /Excel 的错误值/.test(x.message)).map((x) => x.cell);
    expect(quoted).toEqual(expect.arrayContaining(["D6", "D7", "D8", "D9", "D10", "D12"]));
  });

  it("dates typed as dates are target dates, not numbers without a unit", async () => {
    const f = await findingsOf("dates-booleans-richtext.xlsx");
    expect(f.findings.filter((x) => x.cell === "D6")).toEqual([]);
    expect(f.findings.find((x) => x.cell === "D7")?.message).toMatch(/TRUE/);
  });

  it("full-width digits and thousands separators are read as numbers", async () => {
    const f = await findingsOf("numbers-as-text.xlsx");
    expect(f.findings.some((x) => x.rule === "missing.budget")).toBe(false);
    expect(f.findings.filter((x) => x.rule === "value-format.normalise").map((x) => x.cell)).toEqual(expect.arrayContaining(["D6", "D8", "D11"]));
  });

  it("a value in the sheet's last cell is left out of the grid, with one clear line saying so", async () => {
    const r = await cli(["check", pathOf(entry("sparse-far-corner.xlsx"))]);
    expect(r.err).toMatch(/XFD1048576/);
    expect(r.err).toMatch(/没有检查/);
    const f = await findingsOf("sparse-far-corner.xlsx");
    expect(f.warnings).toHaveLength(1);
    expect(f.tables).toHaveLength(1);
  });

  it("tables on hidden and very hidden sheets are checked", async () => {
    const f = await findingsOf("hidden-sheets.xlsx");
    expect(f.tables.map((t) => t.sheet).sort()).toEqual(["可见", "深度隐藏", "隐藏"].sort());
  });

  it("sheet names with quotes and spaces come back unchanged", async () => {
    const f = await findingsOf("awkward-sheet-names.xlsx");
    expect(f.tables.map((t) => t.sheet)).toEqual(["O'Brien's 表", "项目 A  (1)", "it's a \"quoted\" name", "附表2（续）", "A1", "-1 ！@#%"]);
  });

  it("two tables side by side are two tables, each with its own columns", async () => {
    const f = await findingsOf("side-by-side.xlsx");
    const ranges = f.tables.map((t) => t.range);
    expect(ranges.some((r) => r.startsWith("A1:"))).toBe(true);
    expect(ranges.some((r) => r.startsWith("I1:"))).toBe(true);
  });
});

describe("annotated and fixed copies of the whole corpus in one batch", () => {
  it("never write an input, keep every value of the copies, and the batch goes past the unreadable file", async () => {
    const files = CORPUS_ENTRIES.map(pathOf);
    const hashes = files.map(sha);
    const out = mkdtempSync(path.join(tmpdir(), "jixiao-corpus-out-"));
    try {
      const annotated = path.join(out, "annotated");
      const fixed = path.join(out, "fixed");
      const r = await cli(["check", ...files, "--annotate", annotated, "--fix", fixed, "--format", "json"]);
      expect([1, 2]).toContain(r.code);
      expect(files.map(sha)).toEqual(hashes);
      const json = JSON.parse(r.out) as { files: JsonFile[] };
      expect(json.files).toHaveLength(files.length);
      expect(json.files.filter((f) => f.error).map((f) => path.basename(f.file))).toEqual(CORPUS_ENTRIES.filter((e) => e.error).map((e) => e.file));
      for (const e of CORPUS_ENTRIES.filter((x) => !x.error)) {
        const original = await readWorkbookGrids(readFileSync(pathOf(e)));
        const copy = await readWorkbookGrids(readFileSync(path.join(annotated, e.file)));
        // the copy holds every sheet, cell value and merge of the original, plus one summary sheet
        expect(copy.grids.slice(0, original.grids.length).map((g) => [g.sheet, g.origin, g.cells, g.merges])).toEqual(original.grids.map((g) => [g.sheet, g.origin, g.cells, g.merges]));
        expect(copy.grids).toHaveLength(original.grids.length + 1);
        const fixedCopy = await readWorkbookGrids(readFileSync(path.join(fixed, e.file)));
        expect(fixedCopy.grids.map((g) => g.sheet)).toEqual(original.grids.map((g) => g.sheet));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
