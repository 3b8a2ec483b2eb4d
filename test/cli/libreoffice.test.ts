/**
 * What a finance bureau sends back opens in a real spreadsheet application (issue 12). LibreOffice
 * converts the inputs and every output of `jixiao check` (annotated copies, fixed copies, the
 * review workbook) to CSV, every sheet: the annotated copy's values equal the input's, the fixed
 * copy differs in exactly the cells the report says it fixed, and no conversion reports an error.
 *
 * Needs `soffice` (.ci/run installs libreoffice-calc-nogui when it is missing): without it the
 * tests are skipped with a message, except under CI=true, where its absence fails.
 *
 * Also: workbooks saved by LibreOffice (test/fixtures/libreoffice/, made by
 * tools/examples/libreoffice-fixtures.sh: xlsx -> xlsx and xlsx -> ods -> xlsx) give the same
 * tables and findings as the originals, and their copies keep LibreOffice's fit-to-page printing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Finding } from "../../src/core/finding";
import { readParts, rowCol } from "./xlsxParts";
import { EX, ROOT, run } from "../helpers/cli";

const LO = (f: string) => path.join(ROOT, "test", "fixtures", "libreoffice", f);
const NAMES = ["seed000-stacked", "seed001", "seed002"];

type Json = {
  files: { file: string; tables: { sheet: string; name: string; title: string; range: string; project: string; framework: string }[]; findings: Finding[]; fixes?: { applied: number; cells: string[] } }[];
};

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const HAVE_SOFFICE = soffice.status === 0;
const IN_CI = process.env.CI === "true";
if (!HAVE_SOFFICE && !IN_CI) {
  console.warn("test/cli/libreoffice.test.ts: soffice (LibreOffice) is not installed, so the copies are not opened in LibreOffice here; install libreoffice-calc (CI does) to run these tests");
}
const withSoffice = HAVE_SOFFICE ? it : it.skip;

/** RFC 4180 rows (LibreOffice's CSV: commas, "…" quoting, "" for a quote, LF or CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Convert every file to CSV in one LibreOffice run, every sheet (as shown, UTF-8): file -> sheet
 * name -> rows. Fails when LibreOffice exits with an error, says "Error", or leaves a file out.
 */
function toCsv(files: readonly string[], dir: string): Map<string, Map<string, string[][]>> {
  const out = path.join(dir, "csv");
  mkdirSync(out, { recursive: true });
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, ...files],
    { encoding: "utf8", timeout: 240_000 },
  );
  expect(r.status).toBe(0);
  const said = `${r.stdout}\n${r.stderr}`;
  expect(said).not.toMatch(/\bError\b|general input\/output error|source file could not be loaded/i);
  const result = new Map<string, Map<string, string[][]>>();
  const written = readdirSync(out);
  for (const file of files) {
    const base = path.basename(file, ".xlsx");
    const sheets = new Map<string, string[][]>();
    for (const f of written.filter((n) => n.startsWith(base + "-") && n.endsWith(".csv"))) sheets.set(f.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(out, f), "utf8")));
    expect(sheets.size).toBeGreaterThan(0);
    result.set(file, sheets);
  }
  return result;
}

/** The cells (as sheet!A1) where two CSV renderings of a sheet differ. */
function differences(sheet: string, a: string[][], b: string[][]): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(a.length, b.length); r++)
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      if ((a[r]?.[c] ?? "") === (b[r]?.[c] ?? "")) continue;
      let col = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
      out.push(`${sheet}!${col}${r + 1}`);
    }
  return out;
}

it("LibreOffice is there under CI (.ci/run installs it)", () => {
  if (IN_CI) expect({ soffice: HAVE_SOFFICE, why: soffice.error?.message ?? soffice.stderr }).toMatchObject({ soffice: true });
});

describe("LibreOffice opens every copy jixiao check writes", () => {
  withSoffice(
    "annotated copies hold the input's values, fixed copies differ in exactly the fixed cells, the review workbook lists every finding",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lo-"));
      const stage = path.join(dir, "stage");
      mkdirSync(stage);
      const json = JSON.parse((await run(["check", ...NAMES.map((n) => EX(`${n}.xlsx`)), "--annotate", path.join(dir, "marked"), "--fix", path.join(dir, "fixed"), "--yes", "--report", path.join(dir, "review.xlsx"), "--format", "json"])).out) as Json;
      const staged: Record<string, { input: string; marked: string; fixed: string }> = {};
      for (const n of NAMES) {
        staged[n] = { input: path.join(stage, `in-${n}.xlsx`), marked: path.join(stage, `marked-${n}.xlsx`), fixed: path.join(stage, `fixed-${n}.xlsx`) };
        copyFileSync(EX(`${n}.xlsx`), staged[n].input);
        copyFileSync(path.join(dir, "marked", `${n}.xlsx`), staged[n].marked);
        copyFileSync(path.join(dir, "fixed", `${n}.xlsx`), staged[n].fixed);
      }
      const review = path.join(stage, "review.xlsx");
      copyFileSync(path.join(dir, "review.xlsx"), review);
      const all = [...Object.values(staged).flatMap((s) => [s.input, s.marked, s.fixed]), review];
      const csv = toCsv(all, dir);

      NAMES.forEach((n, i) => {
        const file = json.files[i];
        const input = csv.get(staged[n].input)!;
        const marked = csv.get(staged[n].marked)!;
        // the annotated copy: the input's sheets with the input's values, and the list of findings
        for (const [sheet, rows] of input) expect({ n, sheet, rows: marked.get(sheet) }).toEqual({ n, sheet, rows });
        const list = marked.get("校验结果");
        expect(list).toBeDefined();
        expect(list!.filter((r) => r.some((c) => c !== ""))).toHaveLength(file.findings.length + 1);
        expect(list![0]).toEqual(["工作表", "单元格", "表格", "指标", "严重程度", "类别", "规则", "说明"]);
        file.findings.forEach((f, k) => expect(list![k + 1].slice(0, 2)).toEqual([f.sheet, f.cell]));
        // the fixed copy: exactly the cells the report names
        const fixes = file.fixes!;
        const fixed = csv.get(staged[n].fixed)!;
        expect([...fixed.keys()].sort()).toEqual([...input.keys()].sort());
        const changed = [...input].flatMap(([sheet, rows]) => differences(sheet, rows, fixed.get(sheet) ?? []));
        expect(changed.sort()).toEqual([...fixes.cells].sort());
        for (const cell of fixes.cells) {
          const f = file.findings.find((x) => x.fix && `${x.fix.sheet}!${x.fix.cell}` === cell)!;
          const [r, c] = rowCol(cell.split("!").pop()!);
          expect(fixed.get(f.fix!.sheet)![r - 1][c - 1]).toBe(String(f.fix!.value));
        }
      });

      // the review workbook: one row a file and the totals, one a table, one a finding
      const r = csv.get(review)!;
      expect([...r.keys()]).toEqual(expect.arrayContaining(["汇总", "表格", "问题"]));
      expect(r.get("汇总")!.filter((x) => x.some((c) => c !== ""))).toHaveLength(1 + NAMES.length + 1);
      expect(r.get("汇总")!.find((x) => x[0] === "合计")).toBeDefined();
      expect(r.get("表格")!.filter((x) => x.some((c) => c !== ""))).toHaveLength(1 + json.files.reduce((k, f) => k + f.tables.length, 0));
      expect(r.get("问题")!.filter((x) => x.some((c) => c !== ""))).toHaveLength(1 + json.files.reduce((k, f) => k + f.findings.length, 0));
    },
    300_000,
  );
});

describe("workbooks saved by LibreOffice", () => {
  it.each(NAMES.flatMap((n) => [[n, `${n}.lo.xlsx`] as const, [n, `${n}.from-ods.xlsx`] as const]))("%s as %s gives the original's tables and findings", async (n, fixture) => {
    const a = (JSON.parse((await run(["check", EX(`${n}.xlsx`), "--format", "json"])).out) as Json).files[0];
    const b = (JSON.parse((await run(["check", LO(fixture), "--format", "json"])).out) as Json).files[0];
    expect(b.tables).toEqual(a.tables);
    const key = (f: Finding) => [f.sheet, f.cell, f.rule, f.severity, f.message];
    expect(b.findings.map(key)).toEqual(a.findings.map(key));
  });

  it("their annotated copies keep LibreOffice's fit-to-page printing (seed001 on two pages, not 9–14)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lo-"));
    await run(["check", LO("seed001.lo.xlsx"), "--annotate", dir]);
    const [input, copy] = [await readParts(LO("seed001.lo.xlsx")), await readParts(path.join(dir, "seed001.lo.xlsx"))];
    const setup = (x: string) => [/<pageSetUpPr[^>]*>/.exec(x)?.[0], /<pageSetup\b[^>]*>/.exec(x)?.[0]];
    expect(setup(input.sheets[0].xml)[0]).toBe('<pageSetUpPr fitToPage="true"/>');
    expect(setup(copy.sheets[0].xml)).toEqual(setup(input.sheets[0].xml));
  });
});
