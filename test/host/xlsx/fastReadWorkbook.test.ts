/**
 * The CLI's fast reader (readWorkbookGridsFast) against the full exceljs reader (readWorkbookGrids):
 * deep-equal grids, sheets and skipped cells on the example workbooks, the corpus, the files saved
 * by LibreOffice, the awkward corpus, the bench generator's workbooks and workbooks built here to
 * hit exceljs's odd corners; the same WorkbookReadError where the full reader fails. Which of its
 * ways read a file (direct: no exceljs; assisted; full) is checked where it matters.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids, WorkbookReadError } from "../../../src/host/xlsx/readWorkbook";
import * as fast from "../../../src/host/xlsx/fastReadWorkbook";
import { keepNumberFormatCodes } from "../../../src/host/xlsx/numFmtCodes";
import { CORPUS_ENTRIES, makeAwkwardCorpus } from "../../../tools/make-awkward-corpus";
import { generateWorkbook, writeXlsx } from "../../../bench/generate";

// the number formats as the CLI's exceljs readers give them (installed whenever the CLI loads exceljs)
keepNumberFormatCodes();

const ROOT = path.join(__dirname, "..", "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const xlsxUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? xlsxUnder(path.join(dir, e.name)) : e.name.endsWith(".xlsx") ? [path.join(dir, e.name)] : []));

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string; isReadError: boolean };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    return { ok: false, code: (e as WorkbookReadError).code, message: (e as Error).message, isReadError: e instanceof WorkbookReadError };
  }
}

/** Both readers on the same bytes; returns which way the fast reader took. */
async function expectSame(data: Buffer): Promise<fast.ReaderWay | null> {
  const full = await outcome(() => readWorkbookGrids(data));
  const quick = await outcome(() => fast.readWorkbookGridsFast(data));
  expect(quick).toStrictEqual(full);
  return fast.lastReader;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readWorkbookGridsFast reads as readWorkbookGrids", () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")))("example %s (read directly)", async (file) => {
    expect(await expectSame(readFileSync(path.join(EXAMPLES, file)))).toBe("direct");
  });

  it.each(xlsxUnder(path.join(EXAMPLES, "corpus")).map((f) => path.relative(EXAMPLES, f)))("corpus %s (read directly)", async (file) => {
    expect(await expectSame(readFileSync(path.join(EXAMPLES, file)))).toBe("direct");
  });

  it.each(readdirSync(path.join(ROOT, "test", "fixtures", "libreoffice")).filter((f) => f.endsWith(".xlsx")))("saved by LibreOffice: %s (read directly)", async (file) => {
    expect(await expectSame(readFileSync(path.join(ROOT, "test", "fixtures", "libreoffice", file)))).toBe("direct");
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
      // exceljs is needed only for the hyperlinks of one file
      else expect(which).toBe(file === "dates-booleans-richtext.xlsx" ? "assisted" : "direct");
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
      expect(await expectSame(readFileSync(file))).toBe("direct");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    [false, "direct"],
    [true, "assisted"],
  ] as const)("formula results (0, false, text, errors, dates, shared formulas), booleans, errors, rich text, dates, merges, hidden sheets; hyperlinks: %s", async (withLinks, way) => {
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
    if (withLinks) {
      const links = wb.addWorksheet("links"); // hyperlinks on a sheet without formulas
      links.getCell("E1").value = { text: "link", hyperlink: "https://example.org" };
      links.getCell("E2").value = { text: 12, hyperlink: "https://example.org" } as unknown as ExcelJS.CellValue;
      links.getCell("E3").value = { text: { richText: [{ text: "r" }, { text: "t" }] }, hyperlink: "#values!A1" } as unknown as ExcelJS.CellValue;
    }
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
    expect(await expectSame(await toBuffer(wb))).toBe(way);
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
    expect(await expectSame(await toBuffer(wb))).toBe("direct");
  });

  it("far-away cells: the same grid and the same skipped report", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("far");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("B2").value = 1;
    ws.getCell("XFD1048576").value = "corner";
    ws.getCell("XFC1048000").value = "near the corner";
    const data = await toBuffer(wb);
    expect(await expectSame(data)).toBe("direct");
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

// ---------------------------------------------------------------------------------------------
// The direct reader's corners: parts rewritten to what other programs write, or to what exceljs
// reads its own way. Each file is compared with the full reader; `way` says which way must read it
// (null: any, as long as the result is the full reader's).

type Edit = Record<string, (xml: string) => string>;

async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = "项目名称";
  ws.getCell("B1").value = "宣传费";
  ws.getCell("A2").value = 12.5;
  ws.getCell("B2").value = 0.25;
  ws.getCell("B2").numFmt = "0.0%";
  ws.getCell("C2").value = 44926;
  ws.getCell("C2").numFmt = "yyyy-mm-dd";
  ws.getCell("A3").value = "合并";
  ws.mergeCells("A3:B4");
  const other = wb.addWorksheet("Sheet2");
  other.getCell("B2").value = "second";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function edited(base: Buffer, edit: Edit, add: Record<string, string> = {}, remove: string[] = []): Promise<Buffer> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(base);
  for (const [part, f] of Object.entries(edit)) zip.file(part, f(await zip.file(part)!.async("string")));
  for (const [part, xml] of Object.entries(add)) zip.file(part, xml);
  for (const part of remove) zip.remove(part);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const SHEET1 = "xl/worksheets/sheet1.xml";
const WB = "xl/workbook.xml";
/** sheet 1's <sheetData> replaced by `rows` */
const cells = (rows: string) => ({ [SHEET1]: (x: string) => x.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`) });

describe("the direct reader against the full reader, corner by corner", () => {
  let base: Buffer;
  beforeAll(async () => {
    base = await baseWorkbook();
  });

  const cases: [string, () => Promise<Buffer>, fast.ReaderWay | null][] = [
    ["the base workbook", async () => base, "direct"],
    ["a sheet name with an entity written twice (exceljs decodes it again)", () => edited(base, { [WB]: (x) => x.replace('name="Sheet1"', 'name="a&amp;amp;b &amp;lt;c&amp;gt;"') }), "direct"],
    ["date1904 written as true (exceljs reads only \"1\")", () => edited(base, { [WB]: (x) => x.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="true"/>') }), "direct"],
    ["date1904=\"1\"", () => edited(base, { [WB]: (x) => x.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>') }), "direct"],
    [
      "shared strings: runs, phonetic runs, _x000D_ escapes, empty and space-only items, references",
      () =>
        edited(base, {
          "xl/sharedStrings.xml": (x) =>
            x.replace(
              /<si><t>宣传费<\/t><\/si>/,
              '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>宣</t></r><r><t xml:space="preserve"> 传_x000D_费 </t></r></si>',
            ).replace(/<si><t>合并<\/t><\/si>/, "<si><t>&#x4E2D;&#20013;&amp;</t><rPh sb=\"0\" eb=\"1\"><t>ちゅう</t></rPh><phoneticPr fontId=\"1\"/></si>"),
        }),
      "direct",
    ],
    [
      "cell types: inline strings, str twice encoded, errors, booleans, n and d, numbers in every form",
      () =>
        edited(
          base,
          cells(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="B1" t="str"><v>&amp;lt;b&amp;gt; x</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="n"><v>7</v></c><c r="G1" t="d"><v>2024-01-02T00:00:00</v></c><c r="H1" t="str"><v>  </v></c><c r="I1" t="inlineStr"><v>via v</v></c></row>' +
              '<row r="2" spans="1:9"><c r="A2"><v>1e3</v></c><c r="B2"><v> 5</v></c><c r="C2"><v>-0</v></c><c r="D2"><v>007</v></c><c r="E2"><v>.5</v></c><c r="F2"><v>1.</v></c><c r="G2"><v>１２</v></c><c r="H2"><v>3.14159265358979323846</v></c><c r="I2"><v>0.1</v></c><c r="J2"><v>123456789012345678</v></c><c r="K2"><v>-1003.82</v></c><c r="L2"><v>1e400</v></c><c r="M2"><v>abc</v></c></row>' +
              '<row r="3"><c r="A3" s=""/><c r="B3" s="0"><v>2</v></c><c r="C3" s="99"><v>3</v></c><c r="D3"><v></v></c><c r="E3"><v/></c><c r="F3" t="s"><v>0</v></c><c r="G3" t="s"><v> 1</v></c></row>',
          ),
        ),
      "direct",
    ],
    ["merges written backwards and a one-cell merge", () => edited(base, { [SHEET1]: (x) => x.replace('<mergeCell ref="A3:B4"/>', '<mergeCell ref="B4:A3"/><mergeCell ref="C5:C5"/>').replace('count="1"', 'count="2"') }), "direct"],
    ["a print area and print titles", () => edited(base, { [WB]: (x) => x.replace("</sheets>", "</sheets><definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">Sheet1!$A$1:$C$4</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Sheet1!$1:$2</definedName></definedNames>") }), "direct"],
    ["a print area exceljs cannot decode", () => edited(base, { [WB]: (x) => x.replace("</sheets>", '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">#REF!</definedName></definedNames>') }), null],
    ["no shared strings part: t=\"s\" cells read their index", () => edited(base, {}, {}, ["xl/sharedStrings.xml"]), "direct"],
    ["no styles part", () => edited(base, {}, {}, ["xl/styles.xml"]), "direct"],
    ["styles without cell styles, cells with style ids (exceljs throws)", () => edited(base, { "xl/styles.xml": (x) => x.replace(/<cellXfs[\s\S]*<\/cellXfs>/, '<cellXfs count="0"/>') }), null],
    ["a row style without any styles part (exceljs throws)", () => edited(base, cells('<row r="1" s="1" customFormat="1"><c r="A1"><v>1</v></c></row>'), {}, ["xl/styles.xml"]), null],
    ["a column style without any styles part (exceljs throws)", () => edited(base, { [SHEET1]: (x) => x.replace(/<col /, '<col style="1" ') }, {}, ["xl/styles.xml"]), null],
    ["a carriage return in a value (saxes rewrites it)", () => edited(base, cells('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>')), "full"],
    ["an XML comment in the sheet", () => edited(base, { [SHEET1]: (x) => x.replace("<sheetData>", "<!-- <sheetData> --><sheetData>") }), "full"],
    ["a second sheetData", () => edited(base, { [SHEET1]: (x) => x.replace("</sheetData>", '</sheetData><sheetData><row r="9"><c r="A9"><v>9</v></c></row></sheetData>') }), null],
    ["an element inside a cell's value", () => edited(base, cells('<row r="1"><c r="A1"><v>1<x/></v></c></row>')), null],
    ["cells out of order", () => edited(base, cells('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>')), null],
    ["a cell reference naming another row", () => edited(base, cells('<row r="1"><c r="A2"><v>1</v></c></row>')), null],
    ["a cell without its reference", () => edited(base, cells('<row r="1"><c><v>1</v></c></row>')), null],
    ["a shared string index out of range (exceljs throws)", () => edited(base, cells('<row r="1"><c r="A1" t="s"><v>999</v></c></row>')), "full"],
    ["a worksheet with a prefix on every element", () => edited(base, { [SHEET1]: (x) => x.replace(/<(\/?)([a-zA-Z]+)([ >/])/g, "<$1x:$2$3").replace("<x:worksheet ", '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ') }), null],
    ["a relationship target from the package root (/xl/…)", () => edited(base, { "xl/_rels/workbook.xml.rels": (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"') }), "direct"],
    ["a listed sheet whose part is a chart sheet", () => edited(base, { [WB]: (x) => x.replace("</sheets>", '<sheet name="图表" sheetId="9" r:id="rIdChart"/></sheets>'), "xl/_rels/workbook.xml.rels": (x) => x.replace("</Relationships>", '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>') }), "direct"],
    ["two sheet names differing only in case (exceljs throws)", () => edited(base, { [WB]: (x) => x.replace('name="Sheet2"', 'name="SHEET1"') }), "full"],
    ["a sheet name over 31 characters (exceljs throws)", () => edited(base, { [WB]: (x) => x.replace('name="Sheet2"', 'name="一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"') }), "full"],
    ["a worksheet part no sheet lists", () => edited(base, {}, { "xl/worksheets/sheet7.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>' }), null],
    ["a byte order mark before a part", () => edited(base, { [SHEET1]: (x) => "\uFEFF" + x }), null],
    ["data validations", () => edited(base, { [SHEET1]: (x) => x.replace("<pageMargins", '<dataValidations count="1"><dataValidation type="list" sqref="A1"><formula1>"a,b"</formula1></dataValidation></dataValidations><pageMargins') }), "assisted"],
    ["a conditional format", () => edited(base, { [SHEET1]: (x) => x.replace("<pageMargins", '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><pageMargins') }), null],
    ["elements exceljs ignores (phonetic properties, ignored errors, column breaks)", () => edited(base, { [SHEET1]: (x) => x.replace("<pageMargins", '<phoneticPr fontId="1" type="noConversion"/><pageMargins').replace("</worksheet>", '<colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks><ignoredErrors><ignoredError sqref="A1" numberStoredAsText="1"/></ignoredErrors></worksheet>') }), "direct"],
    ["a name exceljs dispatches hidden inside an element it ignores", () => edited(base, { [SHEET1]: (x) => x.replace("</worksheet>", '<ignoredErrors><mergeCells><mergeCell ref="A1:B1"/></mergeCells></ignoredErrors></worksheet>') }), null],
    ["a second mergeCells list", () => edited(base, { [SHEET1]: (x) => x.replace("</mergeCells>", '</mergeCells><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>') }), null],
    ["overlapping merges (exceljs throws)", () => edited(base, { [SHEET1]: (x) => x.replace('<mergeCell ref="A3:B4"/>', '<mergeCell ref="A3:B4"/><mergeCell ref="B4:C5"/>') }), "full"],
    ["core properties with a field exceljs does not know (it throws)", () => edited(base, { "docProps/core.xml": (x) => x.replace("</cp:coreProperties>", "<dc:rights>x</dc:rights></cp:coreProperties>") }), "full"],
    ["a comments part (an annotated copy's notes)", () => edited(base, {}, { "xl/comments1.xml": '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList/></comments>' }), null],
  ];

  it.each(cases)("%s", async (_what, make, way) => {
    // exceljs warns on the console about a long sheet name before it throws
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const which = await expectSame(await make());
      if (way) expect(which).toBe(way);
    } finally {
      warn.mockRestore();
    }
  });
});
