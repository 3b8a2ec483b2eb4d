import ExcelJS from "exceljs";
import { readWorkbookGrids, WorkbookReadError } from "../../../src/host/xlsx/readWorkbook";
import { formatAt, valueAt, type Grid } from "../../../src/core/grid";
import { isDateFormat, textAt } from "../../../src/core/cellDisplay";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheet === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
}

async function expectReadError(data: Buffer | Uint8Array | ArrayBuffer, code: WorkbookReadError["code"]): Promise<void> {
  const err = await readWorkbookGrids(data).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).code).toBe(code);
  expect((err as WorkbookReadError).message).toMatch(/^[\x20-\x7e]+$/); // short English text
}

describe("readWorkbookGrids: values as Office.js gives them", () => {
  let grids: Grid[];
  let sheets: { name: string; visibility: string }[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("值");
    ws.getCell("A1").value = "text";
    ws.getCell("B1").value = 25;
    ws.getCell("C1").value = 0.25;
    ws.getCell("C1").numFmt = "0%";
    ws.getCell("D1").value = new Date(Date.UTC(2020, 11, 31));
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = 12210000;
    ws.getCell("F1").numFmt = "0.00";
    ws.getCell("A2").value = { richText: [{ text: "≥", font: { bold: true } }, { text: "90%" }] };
    ws.getCell("B2").value = { formula: "B1*2", result: 50 };
    ws.getCell("C2").value = { formula: "#REF!+1", result: { error: "#REF!" } };
    ws.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("E2").value = { formula: "A1&\"x\"" }; // never calculated: no cached result
    ws.getCell("F2").value = { text: "政策链接", hyperlink: "https://example.org/" };
    ws.getCell("A3").value = { error: "#N/A" };
    ws.getCell("B3").value = { formula: "A1", result: "text" };
    ws.getCell("C3").value = "";

    const merged = wb.addWorksheet("merged");
    merged.getCell("C5").value = "产出指标";
    merged.mergeCells("C5:C7");
    merged.getCell("D5").value = "数量指标";
    merged.getCell("D8").value = "title";
    merged.mergeCells("D8:G8");

    const hidden = wb.addWorksheet("hidden", { state: "hidden" });
    hidden.getCell("A1").value = 1;
    const veryHidden = wb.addWorksheet("veryHidden", { state: "veryHidden" });
    veryHidden.getCell("A1").value = 2;
    wb.addWorksheet("empty");

    ({ grids, sheets } = await readWorkbookGrids(await toBuffer(wb)));
  });

  it("lists every worksheet with its visibility, in order", () => {
    expect(sheets).toEqual([
      { name: "值", visibility: "visible" },
      { name: "merged", visibility: "visible" },
      { name: "hidden", visibility: "hidden" },
      { name: "veryHidden", visibility: "veryHidden" },
      { name: "empty", visibility: "visible" },
    ]);
    expect(grids.map((g) => g.sheet)).toEqual(sheets.map((s) => s.name));
    expect(grids.map((g) => g.hidden)).toEqual([false, false, true, true, false]);
  });

  it("keeps plain values and number formats", () => {
    const g = sheet(grids, "值");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(valueAt(g, 1, 1)).toBe("text");
    expect(valueAt(g, 1, 2)).toBe(25);
    expect(valueAt(g, 1, 3)).toBe(0.25);
    expect(formatAt(g, 1, 3)).toBe("0%");
    expect(textAt(g, 1, 3)).toBe("25%");
    expect(valueAt(g, 1, 5)).toBe(true);
    expect(valueAt(g, 1, 6)).toBe(12210000);
    expect(formatAt(g, 1, 6)).toBe("0.00");
    expect(formatAt(g, 1, 1)).toBeNull();
  });

  it("gives dates as 1900-system serial numbers with their format", () => {
    const g = sheet(grids, "值");
    expect(valueAt(g, 1, 4)).toBe(44196);
    expect(isDateFormat(formatAt(g, 1, 4))).toBe(true);
    expect(textAt(g, 1, 4)).toBe("2020-12-31");
  });

  it("flattens rich text and hyperlinks to their text", () => {
    const g = sheet(grids, "值");
    expect(valueAt(g, 2, 1)).toBe("≥90%");
    expect(valueAt(g, 2, 6)).toBe("政策链接");
  });

  it("gives formulas their cached result and errors as their text", () => {
    const g = sheet(grids, "值");
    expect(valueAt(g, 2, 2)).toBe(50);
    expect(valueAt(g, 2, 3)).toBe("#REF!");
    expect(valueAt(g, 2, 4)).toBe("#DIV/0!");
    expect(valueAt(g, 2, 5)).toBeNull();
    expect(valueAt(g, 3, 1)).toBe("#N/A");
    expect(valueAt(g, 3, 2)).toBe("text");
    expect(valueAt(g, 3, 3)).toBeNull();
  });

  it("starts the grid at the first non-empty cell and reports merges in sheet coordinates", () => {
    const g = sheet(grids, "merged");
    expect(g.origin).toEqual({ row: 5, col: 3 });
    expect(g.cells.length).toBe(4);
    expect(g.cells[0].length).toBe(2); // C..D: the merge D8:G8 has nothing right of D
    expect(valueAt(g, 5, 3)).toBe("产出指标");
    // cells covered by a merge read empty, as in Office.js
    expect(valueAt(g, 6, 3)).toBeNull();
    expect(valueAt(g, 7, 3)).toBeNull();
    expect(valueAt(g, 8, 4)).toBe("title");
    expect(g.merges).toEqual([
      { top: 5, left: 3, bottom: 7, right: 3 },
      { top: 8, left: 4, bottom: 8, right: 7 },
    ]);
  });

  it("reads an empty sheet as an empty grid", () => {
    const g = sheet(grids, "empty");
    expect(g.cells).toEqual([]);
    expect(g.origin).toEqual({ row: 1, col: 1 });
  });
});

describe("readWorkbookGrids: awkward but valid workbooks", () => {
  it("does not allocate a formatted-but-empty used range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("huge");
    ws.getCell("B2").value = "项目名称";
    ws.getCell("C3").value = 1;
    // formatting far away makes Excel's used range (and <dimension>) enormous
    ws.getCell("A1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("XFD1").font = { bold: true };
    ws.getCell("XFD1048576").border = { top: { style: "thin" } };
    const { grids } = await readWorkbookGrids(await toBuffer(wb));
    expect(grids[0].origin).toEqual({ row: 2, col: 2 });
    expect(grids[0].cells).toEqual([
      ["项目名称", null],
      [null, 1],
    ]);
  });

  it("keeps a 32,767-character cell whole", async () => {
    const long = "绩".repeat(32767);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("long").getCell("A1").value = long;
    const { grids } = await readWorkbookGrids(await toBuffer(wb));
    expect(valueAt(grids[0], 1, 1)).toBe(long);
  });

  it("gives 1900-system serials for a workbook in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("1904");
    ws.getCell("A1").value = new Date(Date.UTC(2020, 0, 1));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const { grids } = await readWorkbookGrids(await toBuffer(wb));
    expect(valueAt(grids[0], 1, 1)).toBe(43831);
    expect(textAt(grids[0], 1, 1)).toBe("2020-01-01");
  });

  it("accepts an ArrayBuffer and a plain Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = "x";
    const buf = await toBuffer(wb);
    const copy = new Uint8Array(buf.length);
    copy.set(buf);
    expect((await readWorkbookGrids(copy)).grids[0].cells).toEqual([["x"]]);
    expect((await readWorkbookGrids(copy.buffer)).grids[0].cells).toEqual([["x"]]);
  });
});

describe("readWorkbookGrids: unreadable input", () => {
  it("says a 0-byte file is empty", async () => {
    await expectReadError(Buffer.alloc(0), "empty");
  });

  it("says a text file is not an xlsx", async () => {
    await expectReadError(Buffer.from("项目名称\t宣传费\n", "utf8"), "not-xlsx");
  });

  it("says a zip without a workbook is not an xlsx", async () => {
    const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml and other things")]);
    await expectReadError(zipLike, "not-xlsx");
  });

  it("recognises a password-protected workbook (OLE compound file with an EncryptedPackage stream)", async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1152);
    await expectReadError(ole, "encrypted");
  });

  it("says a legacy .xls (OLE file without encryption streams) is an old-format file to save as .xlsx", async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("Workbook", "utf16le").copy(ole, 512);
    await expectReadError(ole, "xls");
  });

  it("wraps a damaged xlsx as corrupt instead of throwing exceljs's error", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = "x";
    const good = await toBuffer(wb);
    await expectReadError(good.subarray(0, good.length - 40), "corrupt");
    const scrambled = Buffer.from(good);
    for (let i = 200; i < scrambled.length - 200; i += 7) scrambled[i] ^= 0x5a;
    await expectReadError(scrambled, "corrupt");
  });
});
