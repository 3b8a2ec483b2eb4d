/**
 * Annotated and fixed copies, checked in the file itself (issue 12): the sheet XML of an annotated
 * copy has a filled cell exactly where a finding is, with the fill of its worst severity and a
 * format of its own; every other cell keeps its format index and every cell its value; everything
 * outside the cells (page setup, print areas, merges, widths) is unchanged; a note adds to the
 * author's note. A fixed copy differs from its input in exactly the cells the report says it fixed.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SEVERITY_ARGB } from "../../src/cli/writeCopies";
import type { Finding, Severity } from "../../src/core/finding";
import { readParts, shownCell, solidFill, type PartBook } from "./xlsxParts";
import { EX, ROOT, run } from "../helpers/cli";

const FIX = (f: string) => path.join(ROOT, "test", "fixtures", "libreoffice", f);
const CORPUS_09 = path.join(ROOT, "examples", "corpus", "targets", readdirSync(path.join(ROOT, "examples", "corpus", "targets")).find((f) => /^09_.*\.xlsx$/.test(f)) as string);

const tmp = () => mkdtempSync(path.join(tmpdir(), "jixiao-copies-"));

type Json = { files: { file: string; findings: Finding[]; fixes?: { applied: number; needConfirmation: number; stale: number; sameCell: number; file: string; cells: string[] } }[] };

async function findingsOf(file: string): Promise<Finding[]> {
  return (JSON.parse((await run(["check", file, "--format", "json"])).out) as Json).files[0].findings;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const worst = (fs: Finding[]) => fs.map((f) => f.severity).sort((a, b) => RANK[a] - RANK[b])[0];
const withoutFill = (xf: string) => xf.replace(/\s(fillId|applyFill)="[^"]*"/g, "");

/** Check an annotated copy against its input and findings, part by part; returns the number of marked cells. */
function expectAnnotated(input: PartBook, copy: PartBook, findings: Finding[]): number {
  // formats and fills are only added to
  expect(copy.xfs.slice(0, input.xfs.length)).toEqual(input.xfs);
  expect(copy.fills.slice(0, input.fills.length)).toEqual(input.fills);
  let marked = 0;
  for (const sheet of input.sheets) {
    const out = copy.sheets.find((s) => s.name === sheet.name);
    expect(out).toBeDefined();
    if (!out) continue;
    // page setup, print options, merges, widths, views: as they were (the notes' drawing added)
    const drawing = /<legacyDrawing\b/.test(sheet.outside);
    expect(drawing ? out.outside : out.outside.replace(/<legacyDrawing r:id="[^"]*"\/>/, "")).toBe(sheet.outside);
    const marks = new Map<string, Finding[]>();
    for (const f of findings.filter((x) => x.sheet === sheet.name)) {
      const at = shownCell(f.cell, sheet.merges);
      marks.set(at, [...(marks.get(at) ?? []), f]);
    }
    for (const [ref, cell] of sheet.cells) {
      const c = out.cells.get(ref);
      expect(c?.body).toBe(cell.body); // value, type, formula: unchanged
      if (!c) continue;
      const fs = marks.get(ref);
      if (!fs) {
        expect({ ref, s: c.s }).toEqual({ ref, s: cell.s });
        continue;
      }
      // a format of its own: the cell's format with the fill of its worst finding
      expect(c.s).toBeGreaterThanOrEqual(input.xfs.length);
      expect(solidFill(copy, c.s)).toBe(SEVERITY_ARGB[worst(fs)]);
      expect(withoutFill(copy.xfs[c.s])).toBe(withoutFill(input.xfs[cell.s] ?? input.xfs[0]));
    }
    // a cell the input leaves out is only there when it is marked
    for (const ref of out.cells.keys()) if (!sheet.cells.has(ref)) expect(marks.has(ref)).toBe(true);
    // filled by Jixiao: exactly the finding cells
    const filled = [...out.cells.values()].filter((c) => c.s >= input.xfs.length).map((c) => c.ref);
    expect(filled.sort()).toEqual([...marks.keys()].sort());
    for (const [ref, fs] of marks) {
      const note = out.notes.get(ref) ?? "";
      for (const f of fs) expect(note).toContain(f.message);
    }
    marked += marks.size;
  }
  return marked;
}

describe("check --annotate: only the finding cells change", () => {
  it.each([
    ["seed000-stacked.xlsx", EX("seed000-stacked.xlsx")],
    ["seed001.xlsx", EX("seed001.xlsx")],
    ["seed002.xlsx", EX("seed002.xlsx")],
    ["corpus 09", CORPUS_09],
    ["seed001 saved by LibreOffice", FIX("seed001.lo.xlsx")],
    ["seed002 through .ods, saved by LibreOffice", FIX("seed002.from-ods.xlsx")],
  ])("%s", async (_name, file) => {
    const dir = tmp();
    const findings = await findingsOf(file);
    expect(findings.length).toBeGreaterThan(0);
    const r = await run(["check", file, "--annotate", dir]);
    expect(r.code).toBe(1);
    const copyFile = path.join(dir, path.basename(file));
    const [input, copy] = [await readParts(file), await readParts(copyFile)];
    const marked = expectAnnotated(input, copy, findings);
    expect(r.err).toContain(`已写入 ${copyFile}：标注了 ${marked} 个单元格（${findings.length} 个问题）`);
    const cellsOfFindings = new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size;
    expect(marked).toBeLessThanOrEqual(cellsOfFindings);
    expect(marked).toBeGreaterThan(cellsOfFindings / 2);
    // the list of findings, one row each with its sheet and cell
    const list = copy.sheets[copy.sheets.length - 1];
    expect(list.name).toBe("校验结果");
    expect(copy.sheets).toHaveLength(input.sheets.length + 1);
    // and the copy reads as the input does
    const again = await findingsOf(copyFile);
    expect(again.map((f) => [f.sheet, f.cell, f.rule, f.message])).toEqual(findings.map((f) => [f.sheet, f.cell, f.rule, f.message]));
  });

  it("corpus 09: ten findings mark their own cells, not a whole style's worth (92 cells before)", async () => {
    const dir = tmp();
    const findings = await findingsOf(CORPUS_09);
    await run(["check", CORPUS_09, "--annotate", dir]);
    const [input, copy] = [await readParts(CORPUS_09), await readParts(path.join(dir, path.basename(CORPUS_09)))];
    const filled = [...copy.sheets[0].cells.values()].filter((c) => solidFill(copy, c.s) && !solidFill(input, input.sheets[0].cells.get(c.ref)?.s ?? 0));
    expect(filled.length).toBe(new Set(findings.map((f) => shownCell(f.cell, input.sheets[0].merges))).size);
    expect(filled.length).toBeLessThanOrEqual(findings.length);
  });

  it("keeps the author's notes (adding to a finding cell's note), page setup and print area", async () => {
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("目标表", { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: "A1:D6" } });
    ws.addRow(["项目名称", "办公设备购置"]);
    ws.addRow(["预算数（万元）", 50]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow(["产出指标", "数量指标", "购置台数", "≥10台"]);
    ws.addRow(["成本指标", "经济成本指标", "购置成本", "≥50万元"]);
    ws.addRow(["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"]);
    ws.getCell("D5").note = "财务科：金额已核";
    ws.getCell("A1").note = "填表人：张三";
    for (const c of ["A3", "B3", "C3", "D3"]) ws.getCell(c).font = { bold: true };
    const input = path.join(dir, "备注.xlsx");
    await wb.xlsx.writeFile(input);
    const findings = await findingsOf(input);
    expect(findings.map((f) => f.cell)).toContain("D5");
    await run(["check", input, "--annotate", path.join(dir, "marked")]);
    const [before, after] = [await readParts(input), await readParts(path.join(dir, "marked", "备注.xlsx"))];
    expectAnnotated(before, after, findings);
    const notes = after.sheets[0].notes;
    expect(notes.get("A1")).toBe("填表人：张三");
    const d5 = notes.get("D5") ?? "";
    expect(d5.startsWith("财务科：金额已核\n\n")).toBe(true);
    for (const f of findings.filter((x) => x.cell === "D5")) expect(d5).toContain(f.message);
    // print area and the workbook's other settings: the sheet list only grows
    const defined = (b: PartBook) => /<definedNames>[\s\S]*<\/definedNames>/.exec(b.parts.get("xl/workbook.xml") ?? "")?.[0];
    expect(defined(after)).toBe(defined(before));
    expect(defined(before)).toContain("_xlnm.Print_Area");
  });

  it("names the location of every finding in the 校验结果 sheet (sheet, cell, a link to it), English with --lang en", async () => {
    const dir = tmp();
    await run(["check", EX("seed001.xlsx"), "--annotate", dir, "--lang", "en"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "seed001.xlsx"));
    const ws = wb.getWorksheet("Findings")!;
    expect(ws).toBeDefined();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["Sheet", "Cell", "Table", "Indicator", "Severity", "Category", "Rule", "Message"]);
    const findings = (JSON.parse((await run(["check", EX("seed001.xlsx"), "--format", "json", "--lang", "en"])).out) as Json).files[0].findings;
    expect(ws.rowCount).toBe(findings.length + 1);
    const second = ws.getRow(2);
    expect([second.getCell(1).value, second.getCell(8).value]).toEqual([findings[0].sheet, findings[0].message]);
    const link = second.getCell(2).value as { text?: string; hyperlink?: string };
    expect(link.text ?? second.getCell(2).text).toBe(findings[0].cell);
    // category and severity as core names them
    expect(["Error", "Warning", "Suggestion"]).toContain(second.getCell(5).value);
    expect(second.getCell(6).value).toMatch(/^[A-Z]/);
  });
});

describe("check --fix: only the fixed cells change, and the summary says how many", () => {
  it("applies every fix with --yes and changes exactly the cells it names", async () => {
    const dir = tmp();
    const input = path.join(dir, "seed000-stacked.xlsx");
    copyFileSync(EX("seed000-stacked.xlsx"), input);
    const r = await run(["check", input, "--fix", path.join(dir, "fixed"), "--yes", "--format", "json"]);
    const fixes = (JSON.parse(r.out) as Json).files[0].fixes!;
    expect(fixes.applied).toBeGreaterThan(0);
    expect(fixes.cells).toHaveLength(fixes.applied);
    expect(r.err).toContain(`已写入 ${path.join(dir, "fixed", "seed000-stacked.xlsx")}：应用了 ${fixes.applied} 处修正`);
    const [before, after] = [await readParts(input), await readParts(path.join(dir, "fixed", "seed000-stacked.xlsx"))];
    const changed: string[] = [];
    for (const s of before.sheets) {
      const out = after.sheets.find((x) => x.name === s.name)!;
      expect(out.outside).toBe(s.outside);
      for (const ref of new Set([...s.cells.keys(), ...out.cells.keys()])) {
        const a = s.cells.get(ref);
        const b = out.cells.get(ref);
        if (a?.xml !== b?.xml) changed.push(`${s.name}!${ref}`);
        if (a && b) expect(b.s).toBe(a.s);
      }
    }
    expect(changed.sort()).toEqual([...fixes.cells].sort());
    expect(after.xfs).toEqual(before.xfs);
  });

  it("says so when every fix needs --yes (seed001): the copy is the input as it is", async () => {
    const dir = tmp();
    const r = await run(["check", EX("seed001.xlsx"), "--fix", path.join(dir, "fixed"), "--format", "json"]);
    const copy = path.join(dir, "fixed", "seed001.xlsx");
    const fixes = (JSON.parse(r.out) as Json).files[0].fixes!;
    expect(fixes).toEqual({ file: copy, applied: 0, needConfirmation: expect.any(Number), stale: 0, sameCell: 0, cells: [] });
    expect(fixes.needConfirmation).toBeGreaterThan(0);
    expect(readFileSync(copy).equals(readFileSync(EX("seed001.xlsx")))).toBe(true);
    expect(r.err.trim()).toBe(`已写入 ${copy}：没有应用任何修正，与原文件相同；另有 ${fixes.needConfirmation} 处修正需要确认，加 --yes 一并应用`);
    const text = await run(["check", EX("seed001.xlsx"), "--fix", path.join(dir, "fixed2"), "--lang", "en"]);
    expect(text.out).toContain(`Fixes: 0 applied; ${fixes.needConfirmation} need confirmation (add --yes)`);
    const yes = await run(["check", EX("seed001.xlsx"), "--fix", path.join(dir, "fixed3"), "--yes", "--format", "json"]);
    expect((JSON.parse(yes.out) as Json).files[0].fixes).toMatchObject({ applied: fixes.needConfirmation, needConfirmation: 0 });
  });

  it("two fixes of one cell: the first is applied, the second said to meet a changed cell, not a stale one", async () => {
    // corpus self-evaluation 05 (E15 ≥100百分比: range.at-least-100 gives =100%, value-format.normalise ≥100%)
    const dir = tmp();
    const input = path.join(dir, "一格两处.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("目标表");
    ws.addRow(["项目名称", "办公设备购置"]);
    ws.addRow(["预算数（万元）", 50]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow(["产出指标", "质量指标", "验收合格率", "≥100百分比"]);
    ws.addRow(["成本指标", "经济成本指标", "购置成本", "≤50万元"]);
    ws.addRow(["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"]);
    await wb.xlsx.writeFile(input);
    const r = await run(["check", input, "--fix", path.join(dir, "fixed"), "--format", "json"]);
    const file = (JSON.parse(r.out) as Json).files[0];
    const ofD4 = file.findings.filter((f) => f.fix && f.cell === "D4" && !f.fix.confirm);
    expect(ofD4.length).toBe(2);
    expect(file.fixes).toMatchObject({ applied: 1, stale: 0, sameCell: 1, cells: ["目标表!D4"] });
    expect(r.err).toContain("1 处未应用（同一单元格已按另一处修正改过）");
    expect(r.err).not.toContain("单元格内容与校验时不同");
    const text = await run(["check", input, "--fix", path.join(dir, "fixed2"), "--lang", "en"]);
    expect(text.out).toContain("Fixes: 1 applied; 1 not applied (another fix already changed the same cell)");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, "fixed", "一格两处.xlsx"));
    expect(copy.getWorksheet("目标表")!.getCell("D4").value).toBe(ofD4[0].fix!.value);
  });
});
