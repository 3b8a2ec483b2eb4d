/**
 * Display values end to end: a real .xlsx (written by exceljs) holding numbers under unit, percent
 * and date formats, read by both xlsx readers and then by the recognizer, gives the texts a person
 * sees — 12 under 0"月" is "12月", not 1900-01-12. The texts are checked against LibreOffice
 * (soffice --convert-to csv, "as shown"), which is the reference, where soffice is installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type Grid } from "../../../src/core/grid";
import { displayText, textAt } from "../../../src/core/cellDisplay";
import { formatNumber } from "../../../src/core/numberFormat";
import { recognizeTables } from "../../../src/core/recognize";
import { readWorkbookGrids } from "../../../src/host/xlsx/readWorkbook";
import * as fast from "../../../src/host/xlsx/fastReadWorkbook";
import { keepNumberFormatCodes } from "../../../src/host/xlsx/numFmtCodes";

const readWorkbookGridsFast = fast.readWorkbookGridsFast;
// the number formats as the CLI's exceljs readers give them (installed whenever the CLI loads exceljs)
keepNumberFormatCodes();

/** The target table: a value per row under a format; `shown` is what Excel and LibreOffice show. */
const ROWS: { level2: string; name: string; value: number; format: string; shown: string }[] = [
  { level2: "时效指标", name: "完成时限", value: 12, format: '0"月"', shown: "12月" },
  { level2: "时效指标", name: "办结时限", value: 15, format: '0"个工作日"', shown: "15个工作日" },
  { level2: "质量指标", name: "验收合格率", value: 0.995, format: "0.0%", shown: "99.5%" },
  { level2: "时效指标", name: "完成日期", value: 44926, format: 'yyyy"年"m"月"d"日"', shown: "2022年12月31日" },
  { level2: "数量指标", name: "服务年限", value: 3, format: '0"年"', shown: "3年" },
  { level2: "数量指标", name: "培训人数", value: 1234, format: '#,##0"人"', shown: "1,234人" },
];

async function tableWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("目标表");
  ws.addRow(["项目名称", "显示值测试项目"]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
  ROWS.forEach((r, i) => {
    const row = ws.addRow([i === 0 ? "产出指标" : null, r.level2, r.name, r.value]);
    row.getCell(4).numFmt = r.format;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const valueTexts = (g: Grid) =>
  recognizeTables(g)
    .flatMap((t) => t.indicators)
    .map((ind) => [ind.name?.text, ind.value?.text]);

describe("a target table with unit, percent and date formats", () => {
  it.each([
    ["the full reader", readWorkbookGrids],
    ["the fast reader", readWorkbookGridsFast],
  ])("reads every value as shown (%s)", async (_, read) => {
    const { grids } = await read(await tableWorkbook());
    const g = grids[0];
    ROWS.forEach((r, i) => {
      expect(g.numberFormats?.[i + 2]?.[3]).toBe(r.format);
      expect(textAt(g, i + 3, 4)).toBe(r.shown);
    });
    expect(valueTexts(g)).toEqual(ROWS.map((r) => [r.name, r.shown]));
  });

  it("the two readers give the same grid", async () => {
    const data = await tableWorkbook();
    expect(await readWorkbookGridsFast(data)).toStrictEqual(await readWorkbookGrids(data));
    expect(fast.lastReader).toBe("direct");
  });
});

/** Rewrite parts of an .xlsx (the file exceljs wrote) to what other programs write. */
async function rewrite(data: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file(part)!.async("string");
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("number formats as the file writes them", () => {
  it("a built-in Chinese date (numFmtId 31, no code in the file) is a date, not a serial number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = 44926;
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("A2").value = 44926;
    ws.getCell("A2").numFmt = 'm"月"d"日"';
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    // as Chinese Excel writes them: xf numFmtId 31 (2022年12月31日) and 58 (12月31日) without a <numFmt>
    const data = await rewrite(written, "xl/styles.xml", (xml) => {
      const ids = [...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]);
      let out = xml;
      for (const [id, code] of ids) {
        const builtin = code === "yyyy-mm-dd" ? "31" : "58";
        out = out.replace(`<numFmt numFmtId="${id}" formatCode="${code}"/>`, "").split(`numFmtId="${id}"`).join(`numFmtId="${builtin}"`);
      }
      return out;
    });
    for (const read of [readWorkbookGrids, readWorkbookGridsFast]) {
      const g = (await read(data)).grids[0];
      expect(g.numberFormats?.[0]?.[0]).toBe('yyyy"年"m"月"d"日"');
      expect(textAt(g, 1, 1)).toBe("2022年12月31日");
      expect(textAt(g, 2, 1)).toBe("12月31日");
    }
  });

  it("backslash escapes are kept (0\\% is a literal percent sign, not a percentage)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = 5;
    ws.getCell("A1").numFmt = "0\\%";
    ws.getCell("A2").value = 5;
    ws.getCell("A2").numFmt = "0\\个\\月";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    for (const read of [readWorkbookGrids, readWorkbookGridsFast]) {
      const g = (await read(data)).grids[0];
      expect(g.numberFormats?.[0]?.[0]).toBe("0\\%");
      expect(textAt(g, 1, 1)).toBe("5%");
      expect(textAt(g, 2, 1)).toBe("5个月");
    }
  });
});

// ---------------------------------------------------------------------------------- LibreOffice

/** Cells for the comparison: value and format; `jixiao` where Jixiao draws differently on purpose. */
const REFERENCE: { value: number; format: string; jixiao?: string }[] = [
  ...ROWS.map((r) => ({ value: r.value, format: r.format })),
  { value: 1003.82, format: '#,##0.00"万元"' },
  { value: 1003.8234, format: '0.00"万元"' },
  { value: 12, format: '0.00"万元"' },
  { value: 0.3, format: "0.00%" },
  { value: 0.955, format: "0%" },
  { value: 0.12345, format: "0.00%" },
  { value: -0.25, format: "0%" },
  { value: 1.005, format: '0.00"元"' },
  { value: 44926, format: "yyyy-mm-dd" },
  { value: 44926, format: "[$-804]yyyy年m月" },
  { value: 44926, format: "yyyy年m月d日" },
  { value: 44197, format: 'yyyy"年"mm"月"dd"日"' },
  { value: 44926, format: 'm"月"d"日"' },
  { value: 44926, format: "yyyy/m/d" },
  { value: 44926, format: "[$-804]yyyy/m/d aaa" },
  { value: 44926, format: "m/d/yyyy", jixiao: "2022-12-31" }, // the locale's short date: LibreOffice en-US 12/31/2022
  { value: -5, format: '0"人";-0"人";"无"' },
  { value: 0, format: '0"人";-0"人";"无"' },
  { value: -5, format: '0"人";"减少"0"人"' },
  { value: -5, format: "0;(0)" },
  { value: -5, format: '0"月"' },
  { value: -0.001, format: '0"月"' },
  { value: -1234.5, format: '#,##0.0"万元"' },
  { value: 0.5, format: "h:mm" },
  { value: 44926.75, format: "yyyy-mm-dd hh:mm:ss" },
  { value: 44926.75, format: "h:mm AM/PM" },
  { value: 44926.5208, format: 'yyyy"年"m"月"d"日" h"时"mm"分"' },
  { value: 1.5, format: "[h]:mm" },
  { value: 1234567, format: '#,##0,"千"' },
  { value: 12200000, format: '0.0,,"百万"' },
  { value: 5, format: ";;;" },
  { value: 12, format: '[Blue][>10]0"多";[Red]0"少"' },
  { value: 8, format: '[Blue][>10]0"多";[Red]0"少"' },
  { value: 1234.5, format: "[$¥-804]#,##0.00" },
  { value: 1234.5, format: '"￥"#,##0.00' },
  { value: 0.5, format: '#.00"元"' },
  { value: 12, format: '0.##"元"' },
  { value: 7, format: '000"号"' },
  { value: 5, format: '"第"0"名"' },
  { value: 5, format: "\\第0\\名" },
  { value: 5, format: "0\\%" },
  { value: 5, format: '0_)"个"' },
  { value: 12, format: 'General"人"' },
  { value: 99.999, format: '0.00"分"' },
  { value: 0.05, format: '0%"以上"' },
  { value: 95, format: '"≥"0"%"' },
  { value: 0.95, format: "≥0%" },
  { value: 123456789012345680, format: '0"元"' },
];

function soffice(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  return null;
}

/** The first field of each CSV line (quotes undone). */
function firstFields(csv: string): string[] {
  return csv
    .split(/\r?\n/)
    .filter((l, i, all) => l !== "" || i < all.length - 1)
    .map((line) => {
      if (!line.startsWith('"')) return line.split(",")[0];
      let out = "";
      for (let i = 1; i < line.length; i++) {
        if (line[i] === '"') {
          if (line[i + 1] !== '"') break;
          i++;
        }
        out += line[i];
      }
      return out;
    });
}

const bin = soffice();
(bin ? describe : describe.skip)("LibreOffice shows the same texts", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "jixiao-display-lo-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("for every reference cell, read back through the xlsx reader", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    REFERENCE.forEach((r, i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = r.value;
      c.numFmt = r.format;
    });
    const file = path.join(dir, "reference.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    // a profile of its own, so that a LibreOffice already running elsewhere does not take the job
    execFileSync(
      bin!,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", dir, file],
      { stdio: "ignore", timeout: 120_000 },
    );
    const shown = firstFields(readFileSync(path.join(dir, "reference.csv"), "utf8")).map((s) => s.trim());

    const g = (await readWorkbookGridsFast(readFileSync(file))).grids[0];
    const rows = REFERENCE.map((r, i) => {
      const format = g.numberFormats?.[i]?.[0] ?? null;
      const value = g.cells[i]?.[0] as number;
      return { format: r.format, libreoffice: shown[i] ?? "", jixiao: formatNumber(value, format ?? "General") ?? displayText(value, format) };
    });
    expect(rows).toEqual(REFERENCE.map((r, i) => ({ format: r.format, libreoffice: shown[i] ?? "", jixiao: r.jixiao ?? shown[i] ?? "" })));
  }, 180_000);
});
