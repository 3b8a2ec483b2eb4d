/**
 * The CLI's fast reader (readWorkbookGridsFast) against the full exceljs reader (readWorkbookGrids):
 * deep-equal grids, sheets and skipped cells on the example workbooks, the awkward corpus, the
 * bench generator's workbooks and workbooks built here to hit exceljs's odd corners; the same
 * WorkbookReadError where the full reader fails.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids, WorkbookReadError } from "../../../src/host/xlsx/readWorkbook";
import * as fast from "../../../src/host/xlsx/fastReadWorkbook";
import { CORPUS_ENTRIES, makeAwkwardCorpus } from "../../../scripts/make-awkward-corpus";
import { generateWorkbook, writeXlsx } from "../../../bench/generate";

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string; isReadError: boolean };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    return { ok: false, code: (e as WorkbookReadError).code, message: (e as Error).message, isReadError: e instanceof WorkbookReadError };
  }
}

/** Both readers on the same bytes; returns which path the fast reader took. */
async function expectSame(data: Buffer): Promise<"fast" | "full" | null> {
  const full = await outcome(() => readWorkbookGrids(data));
  const quick = await outcome(() => fast.readWorkbookGridsFast(data));
  expect(quick).toStrictEqual(full);
  return fast.lastReader;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readWorkbookGridsFast reads as readWorkbookGrids", () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")))("example %s (through the fast path)", async (file) => {
    expect(await expectSame(readFileSync(path.join(EXAMPLES, file)))).toBe("fast");
  });

  describe("the awkward corpus", () => {
    let dir = "";
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), "jixiao-fastread-"));
      await makeAwkwardCorpus(dir);
    }, 120_000);
    const readers: string[] = [];
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      if (process.env.JIXIAO_SHOW_READERS) console.log(readers.join("\n"));
    });

    it.each(CORPUS_ENTRIES.map((e) => e.file))("%s", async (file) => {
      const which = await expectSame(readFileSync(path.join(dir, file)));
      // files the full reader cannot read always go to it; readable ones take the fast path
      // unless they hold something it leaves to exceljs
      const entry = CORPUS_ENTRIES.find((e) => e.file === file)!;
      if (entry.error) expect(which).toBe("full");
      readers.push(`${file}: ${which}`);
    });
  });

  it.each([
    [300, 11, "mixed"],
    [200, 12, "stacked"],
    [200, 13, "one-per-sheet"],
  ] as const)("a bench workbook of %i tables (seed %i, %s)", async (n, seed, layout) => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-fastread-bench-"));
    try {
      const file = path.join(dir, "bench.xlsx");
      await writeXlsx(generateWorkbook(n, seed, layout), file);
      expect(await expectSame(readFileSync(file))).toBe("fast");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("formula results (0, false, text, errors, dates, shared formulas), booleans, errors, rich text, dates, hyperlinks, merges, hidden sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("values");
    ws.getCell("A1").value = { formula: "1-1", result: 0 };
    ws.getCell("A2").value = { formula: "1=2", result: false };
    ws.getCell("A3").value = { formula: "1=1", result: true };
    ws.getCell("A4").value = { formula: '"a"&"b"', result: "ab" };
    ws.getCell("A5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A6").value = { formula: "TODAY()", result: new Date(Date.UTC(2024, 0, 31)) };
    ws.getCell("A6").numFmt = "yyyy-mm-dd";
    ws.getCell("A7").value = { formula: "B1" };
    ws.getCell("B1").value = 5;
    ws.getCell("B2").value = { sharedFormula: "A1", result: 7 } as unknown as ExcelJS.CellValue;
    ws.getCell("C1").value = { formula: "ROW()", result: 1, shareType: "shared", ref: "C1:C3" } as unknown as ExcelJS.CellValue;
    ws.getCell("C2").value = { sharedFormula: "C1", result: 2 } as unknown as ExcelJS.CellValue;
    ws.getCell("C3").value = { sharedFormula: "C1", result: 0 } as unknown as ExcelJS.CellValue;
    ws.getCell("D1").value = true;
    ws.getCell("D2").value = false;
    ws.getCell("D3").value = { error: "#N/A" };
    ws.getCell("D4").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本 & <x>" }] };
    ws.getCell("D5").value = new Date(Date.UTC(2023, 5, 1, 12, 30));
    ws.getCell("D6").value = 0.25;
    ws.getCell("D6").numFmt = "0.00%";
    ws.getCell("D7").value = 45000;
    ws.getCell("D7").numFmt = "yyyy年m月d日";
    ws.getCell("D8").value = "";
    ws.getCell("D9").value = " ";
    ws.getCell("D10").value = 'quotes " \' and _x000D_ and \t tab';
    const links = wb.addWorksheet("links"); // hyperlinks on a sheet without formulas
    links.getCell("E1").value = { text: "link", hyperlink: "https://example.org" };
    links.getCell("E2").value = { text: 12, hyperlink: "https://example.org" } as unknown as ExcelJS.CellValue;
    links.getCell("E3").value = { text: { richText: [{ text: "r" }, { text: "t" }] }, hyperlink: "#values!A1" } as unknown as ExcelJS.CellValue;
    ws.getCell("F1").value = "merged";
    ws.getCell("F2").value = "covered";
    ws.mergeCells("F1:G3");
    ws.mergeCells("H5:H9");
    ws.getCell("Z100").value = 1;
    const hidden = wb.addWorksheet("hidden", { state: "hidden" });
    hidden.getCell("B2").value = "h";
    const veryHidden = wb.addWorksheet("very", { state: "veryHidden" });
    veryHidden.getCell("C3").value = 3;
    wb.addWorksheet("empty");
    expect(await expectSame(await toBuffer(wb))).toBe("fast");
  });

  it("a hyperlink on a sheet with formulas goes to the full reader (a result of 0 reads differently there)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = { formula: "1-1", result: 0 };
    ws.getCell("A2").value = { text: "link", hyperlink: "https://example.org" };
    expect(await expectSame(await toBuffer(wb))).toBe("full");
  });

  it("a 1904 workbook's dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = new Date(Date.UTC(2020, 1, 29));
    ws.getCell("A2").value = 1000;
    ws.getCell("A2").numFmt = "m/d/yy";
    expect(await expectSame(await toBuffer(wb))).toBe("fast");
  });

  it("far-away cells: the same grid and the same skipped report", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("far");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("B2").value = 1;
    ws.getCell("XFD1048576").value = "corner";
    ws.getCell("XFC1048000").value = "near the corner";
    const data = await toBuffer(wb);
    expect(await expectSame(data)).toBe("fast");
    expect((await fast.readWorkbookGridsFast(data)).skipped).toHaveLength(1);
  });

  it("overlapping merges, which exceljs refuses, give the full reader's error", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = "x";
    ws.mergeCells("A1:B2");
    const good = await toBuffer(wb);
    // rewrite the merge list inside the zip with exceljs itself is not possible (it refuses too):
    // damage the bytes instead, and compare errors
    const truncated = good.subarray(0, good.length - 40);
    expect(await expectSame(truncated)).toBe("full");
    const scrambled = Buffer.from(good);
    for (let i = 200; i < scrambled.length - 200; i += 7) scrambled[i] ^= 0x5a;
    expect(await expectSame(scrambled)).toBe("full");
  });

  it("unreadable input: the same WorkbookReadError codes and messages", async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    const encrypted = Buffer.from(ole);
    Buffer.from("EncryptedPackage", "utf16le").copy(encrypted, 1152);
    const inputs = [
      Buffer.alloc(0),
      Buffer.from("项目名称\t宣传费\n", "utf8"),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml and other things")]),
      ole,
      encrypted,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml but nothing else")]),
    ];
    for (const data of inputs) {
      const full = await outcome(() => readWorkbookGrids(data));
      expect(full.ok).toBe(false);
      expect(await outcome(() => fast.readWorkbookGridsFast(data))).toStrictEqual(full);
    }
  });
});
