/**
 * Property-based tests: the value parser, the recognizer and the engine never throw on arbitrary
 * input; every finding points to a cell that exists and quotes what that cell shows; results do
 * not depend on sheet order; validating never changes its input.
 *
 * Runs are bounded (numRuns ≤ 200, small grids) so the suite stays fast. A failure prints the
 * seed and the shrunk counterexample; replay it with fc.assert(..., { seed, path }).
 */
import fc from "fast-check";
import { validate } from "../../src/core/engine";
import { CATEGORIES, SEVERITIES, type Finding } from "../../src/core/finding";
import { toA1, valueAt, type Grid } from "../../src/core/grid";
import { recognizeTables, SheetView } from "../../src/core/recognize";
import { parseValue } from "../../src/core/value/parse";
import { cellValue, gridArbitrary, hostileCellValue, noiseText, sheetName, vocabularyText, VALUE_WORDS, workbookArbitrary } from "./arbitraries";

// FC_RUNS=5000 npx jest test/robustness/properties searches harder (CI uses the default)
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

describe("parseValue never throws", () => {
  const opts = fc.record({ percentFormat: fc.option(fc.boolean(), { nil: undefined }), placeholderWords: fc.option(fc.array(fc.oneof(noiseText, vocabularyText), { maxLength: 4 }), { nil: undefined }) });

  it("on arbitrary strings, numbers, booleans, null and undefined", () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      noiseText,
      vocabularyText,
      fc.constantFrom(...VALUE_WORDS),
      fc.double(),
      fc.integer(),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => b.toString()),
      fc.boolean(),
      fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(input, opts, (v, o) => {
        const p = parseValue(v, o);
        expect(typeof p.kind).toBe("string");
        expect(typeof p.raw).toBe("string");
        if (p.number !== null) expect(typeof p.number).toBe("number");
      }),
      { numRuns: 500 },
    );
  });

  it("on huge inputs: 32,767-character cells, long digit runs, deep operator chains", () => {
    const huge = fc.oneof(
      fc.tuple(fc.constantFrom("9", "９", "≥", "%", "万元", "1,", "<p>", "$\\geq", "年", " "), fc.integer({ min: 1000, max: 16_000 })).map(([s, n]) => s.repeat(n).slice(0, 32_767)),
      fc.tuple(fc.constantFrom(...VALUE_WORDS), fc.integer({ min: 100, max: 3000 })).map(([s, n]) => s.repeat(n).slice(0, 32_767)),
      fc.string({ minLength: 5000, maxLength: 32_767 }),
    );
    fc.assert(
      fc.property(huge, (v) => {
        const t0 = Date.now();
        parseValue(v);
        // not a timing assertion of the product, a guard against catastrophic regex backtracking
        expect(Date.now() - t0).toBeLessThan(20_000);
      }),
      { numRuns: 30 },
    );
  });
});

const views = new WeakMap<Grid, SheetView>();
function viewOf(g: Grid): SheetView {
  let v = views.get(g);
  if (!v) views.set(g, (v = new SheetView(g)));
  return v;
}

/** The display text the recognizer and the rules see for a cell ("" outside the grid). */
function cellText(grids: readonly Grid[], f: Finding): string {
  const g = grids.find((x) => x.sheet === f.sheet);
  return g ? viewOf(g).text(f.row, f.col) : "";
}

function bounds(g: Grid): { top: number; left: number; bottom: number; right: number } {
  const width = Math.max(0, ...g.cells.map((r) => r.length));
  return { top: g.origin.row, left: g.origin.col, bottom: g.origin.row + g.cells.length - 1, right: g.origin.col + width - 1 };
}

/**
 * Findings that quote a value other than their own cell's text, by design:
 * - missing.name sits on the empty name cell of a row and quotes that row's target value;
 * - structure.row-shifted sits on the first moved cell (a label that moved with the row) and quotes
 *   the row's indicator name;
 * - budget-sum and spending-plan quote a computed amount or share ("1003.82", "45%") of the cell.
 * For these the quoted value must still come from the same row (missing.name) or the same cell.
 */
function quotesItsCell(grids: readonly Grid[], f: Finding): boolean {
  if (f.value === undefined || f.value === "") return true;
  const text = cellText(grids, f);
  if (text === f.value) return true;
  const g = grids.find((x) => x.sheet === f.sheet) as Grid;
  const view = viewOf(g);
  if (f.rule === "missing.name" || f.rule === "structure.row-shifted") {
    const b = bounds(g);
    for (let c = b.left; c <= b.right; c++) if (view.text(f.row, c) === f.value) return true;
    return false;
  }
  if (f.category === "budget-sum" || f.category === "spending-plan") {
    // the amount or share was read from this cell (or, for a share, from the amount in it)
    return /[0-9０-９]/.test(text);
  }
  return false;
}

function checkFindings(grids: readonly Grid[], findings: readonly Finding[]): void {
  for (const f of findings) {
    const g = grids.find((x) => x.sheet === f.sheet);
    if (!g) throw new Error(`finding on unknown sheet ${JSON.stringify(f.sheet)}: ${f.rule} ${f.cell}`);
    if (f.cell !== toA1(f.row, f.col)) throw new Error(`${f.rule}: cell ${f.cell} but row ${f.row}, col ${f.col}`);
    const b = bounds(g);
    if (f.row < b.top || f.row > b.bottom || f.col < b.left || f.col > b.right) {
      throw new Error(`${f.rule} points to ${f.sheet}!${f.cell}, outside the grid ${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`);
    }
    if (!quotesItsCell(grids, f)) {
      throw new Error(`${f.rule} at ${f.sheet}!${f.cell} quotes ${JSON.stringify(f.value)} but the cell shows ${JSON.stringify(cellText(grids, f))}`);
    }
    expect(CATEGORIES).toContain(f.category);
    expect(SEVERITIES).toContain(f.severity);
    expect(f.rule).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    expect(typeof f.message).toBe("string");
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/undefined|NaN|\[object Object\]/);
    if (f.fix) {
      // a fix may write a neighbouring cell (the operator column), but one that exists and holds `previous`
      expect(f.fix.sheet).toBe(f.sheet);
      if (f.fix.cell !== toA1(f.fix.row, f.fix.col)) throw new Error(`${f.rule}: fix cell ${f.fix.cell} but row ${f.fix.row}, col ${f.fix.col}`);
      if (f.fix.row !== f.row) throw new Error(`${f.rule} at ${f.cell} fixes another row: ${f.fix.cell}`);
      expect(f.fix.col).toBeGreaterThanOrEqual(b.left);
      expect(f.fix.col).toBeLessThanOrEqual(b.right);
      expect(f.fix.previous).toEqual(valueAt(g, f.fix.row, f.fix.col));
    }
  }
}

describe("the recognizer and the engine never throw on arbitrary grids", () => {
  it("recognizeTables: tables lie inside the grid, indicator cells hold what the model says", () => {
    fc.assert(
      fc.property(gridArbitrary(sheetName, { hostile: true }), (g) => {
        const b = bounds(g);
        const view = new SheetView(g);
        for (const t of recognizeTables(g)) {
          expect(t.sheet).toBe(g.sheet);
          expect(t.range.top).toBeGreaterThanOrEqual(b.top);
          expect(t.range.left).toBeGreaterThanOrEqual(b.left);
          expect(t.range.bottom).toBeLessThanOrEqual(b.bottom);
          expect(t.range.right).toBeLessThanOrEqual(b.right);
          for (const ind of t.indicators) {
            for (const field of [ind.name, ind.value, ind.halfValue, ind.unit]) {
              if (field) expect(view.text(field.row, field.col)).toBe(field.text);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("validate: every finding points to an existing cell and quotes what it shows, in both languages", () => {
    fc.assert(
      fc.property(workbookArbitrary(), fc.constantFrom("zh" as const, "en" as const), (grids, lang) => {
        const report = validate(grids, { lang });
        checkFindings(grids, report.findings);
        for (const t of report.tables) expect(grids.some((g) => g.sheet === t.sheet)).toBe(true);
      }),
      {
        ...RUNS,
        // found by CI: a title with markup was quoted raw by structure.header-unrecognised
        examples: [
          [[{ sheet: "Sheet1", origin: { row: 1, col: 1 }, cells: [["绩效目标申报表<p>"]], numberFormats: [[null]], merges: [] }], "zh"],
          // a shifted row whose 运算符 cell holds a label: the cost fix must not go there
          [
            [
              {
                sheet: "<Iw_%h",
                origin: { row: 1, col: 1 },
                cells: [
                  ["二级指标", "运算符号", "三级指标", "指标说明", "指标值"],
                  ["生态环境成本", null, "投入与目标管理类指标", "2亿元", null],
                  [null, null, null, null, null],
                ],
              },
              { sheet: "项目支出绩效目标表", origin: { row: 1, col: 1 }, cells: [] },
            ],
            "zh",
          ],
          // a row shifted right at the table's right edge: its missing value is reported inside the table
          [
            [
              {
                sheet: "Sheet (2)",
                origin: { row: 1, col: 1 },
                cells: [
                  ["运算符号", "一级指标", "二级指标", "具体指标", "计量单位", "指标值"],
                  ["≥90%", "≥90%", "产出", "≥90%", "产出", null],
                ],
              },
            ],
            "zh",
          ],
          // a budget amount of 300 digits typed as text
          [
            [
              { sheet: "Sheet (2)", origin: { row: 1, col: 1 }, cells: [] },
              { sheet: "预算-2022", origin: { row: 1, col: 1 }, cells: [] },
              { sheet: "项目支出绩效目标表", origin: { row: 1, col: 1 }, cells: [] },
              {
                sheet: "Sheet1",
                origin: { row: 1, col: 1 },
                cells: [
                  ["2022年度项目支出绩效目标申报表", null, null],
                  ["全年（程） 预算数", null, null],
                  ["财政拨款", "9".repeat(306), null],
                  ["三级指标", "二级指标", "计划目标值"],
                ],
              },
            ],
            "zh",
          ],
          // a huge amount in a percent-formatted cell (×100 overflows): shown and quoted as the number
          [
            [
              {
                sheet: ".BY$",
                origin: { row: 1, col: 1 },
                cells: [
                  ["2022年度项目支出绩效目标申报表", null, null, null, null, "2022年度项目支出绩效目标申报表", null, null, null],
                  ["资金总额", -1e308, null, null, null, "一级指标", "具体指标", "三级指标", "指标值"],
                  [null, null, null, null, null, null, null, null, null],
                  ["三级指标", "分值", "全年（程）指标值", null, null, null, null, null, null],
                  ["产出", "≥90%", "≥90%", null, null, null, null, null, null],
                ],
                numberFormats: [[], [null, "0%"]],
              },
            ],
            "zh",
          ],
          // the same for a missing name: reported inside the table
          [
            [
              {
                sheet: "Sheet (2)",
                origin: { row: 1, col: 1 },
                cells: [
                  ["计划目标值", "指标方向", "指标解释", "半年度目标值", "一级 指标", "指标名称"],
                  ["一级指标", "立项依据充分性", "≥90%", "产出", "立项依据充分性", "产出"],
                ],
              },
            ],
            "zh",
          ],
        ],
      },
    );
  });

  it("validate survives values no reader produces (NaN, ±Infinity) and options from a config file", () => {
    fc.assert(
      fc.property(
        workbookArbitrary({ hostile: true, maxSheets: 2 }),
        fc.record({
          defaultMoneyUnit: fc.option(fc.constantFrom("元" as const, "万元" as const, "亿元" as const), { nil: undefined }),
          placeholderWords: fc.array(fc.oneof(noiseText, vocabularyText), { maxLength: 3 }),
          frameworkOverride: fc.option(fc.constantFrom("common" as const, "core-2021" as const, "evaluation" as const, "four-goal" as const), { nil: undefined }),
          disabledRules: fc.array(fc.constantFrom("vague", "cost", "structure.level2-empty", "x"), { maxLength: 2 }),
        }),
        (grids, opts) => {
          validate(grids, opts);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("validate does not change the grids it reads and gives the same report twice", () => {
    fc.assert(
      fc.property(workbookArbitrary({ maxSheets: 3 }), (grids) => {
        const before = structuredClone(grids);
        const a = validate(grids);
        expect(grids).toEqual(before);
        const b = validate(structuredClone(before));
        expect(b.findings).toEqual(a.findings);
      }),
      { numRuns: 100 },
    );
  });

  it("a single cell of any kind, anywhere on the sheet", () => {
    fc.assert(
      fc.property(hostileCellValue, fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), (v, row, col) => {
        validate([{ sheet: "S", origin: { row, col }, cells: [[v]] }]);
      }),
      { numRuns: 200 },
    );
  });

  it("empty and degenerate grids", () => {
    const degenerate: Grid[] = [
      { sheet: "a", origin: { row: 1, col: 1 }, cells: [] },
      { sheet: "b", origin: { row: 1, col: 1 }, cells: [[]] },
      { sheet: "c", origin: { row: 1, col: 1 }, cells: [[], [], []] },
      { sheet: "d", origin: { row: 1_048_576, col: 16_384 }, cells: [[null]] },
      { sheet: "e", origin: { row: 1, col: 1 }, cells: [["三级指标", "指标值", "一级指标"]] },
      { sheet: "f", origin: { row: 1, col: 1 }, cells: [[null, null], [null]], numberFormats: [], merges: [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }] },
    ];
    const r = validate(degenerate);
    checkFindings(degenerate, r.findings);
    expect(r.sheetsWithoutTables).toEqual(expect.arrayContaining(["a", "b", "c", "d", "f"]));
  });
});

describe("results do not depend on sheet order", () => {
  /**
   * copy-paste reports a group of look-alike tables once, on the later ones and naming the
   * earlier: which table carries the finding follows the order, so it is compared as a group.
   */
  function comparable(findings: readonly Finding[]): { plain: string[]; copyPasteTables: string[] } {
    const plain = findings.filter((f) => f.category !== "copy-paste").map((f) => `${f.rule}|${f.sheet}|${f.cell}|${f.severity}|${f.message}`);
    const copyPasteTables = findings.filter((f) => f.category === "copy-paste").map((f) => f.table ?? "");
    return { plain: plain.sort(), copyPasteTables: copyPasteTables.sort() };
  }

  it("the same findings for permuted sheets", () => {
    const withPermutation = workbookArbitrary({ maxSheets: 4 }).chain((grids) => fc.tuple(fc.constant(grids), fc.shuffledSubarray(grids, { minLength: grids.length, maxLength: grids.length })));
    fc.assert(
      fc.property(withPermutation, ([grids, permuted]) => {
        const a = validate(grids);
        const b = validate(permuted);
        const ca = comparable(a.findings);
        const cb = comparable(b.findings);
        expect(cb.plain).toEqual(ca.plain);
        // a copy-paste group is reported on all but one of its tables, whichever comes first
        expect(cb.copyPasteTables.length).toBe(ca.copyPasteTables.length);
        expect(b.tables.map((t) => t.id).sort()).toEqual(a.tables.map((t) => t.id).sort());
        expect([...b.sheetsWithoutTables].sort()).toEqual([...a.sheetsWithoutTables].sort());
      }),
      RUNS,
    );
  });

  it("the same findings for identical tables in any order (copy-paste included, as a set of groups)", () => {
    // a deliberate copy-paste workbook: the same output indicators in three projects
    const table = (project: string): Grid["cells"] => [
      ["项目名称", project],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人次", "≥1000人次"],
      [null, null, "覆盖人数", "≥500人"],
      [null, "质量指标", "验收合格率", "100%"],
      [null, "时效指标", "按时完成率", "100%"],
      ["效益指标", "社会效益指标", "群众知晓率", "≥90%"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"],
    ];
    const grids: Grid[] = ["甲", "乙", "丙"].map((p, i) => ({ sheet: `S${i}`, origin: { row: 1, col: 1 }, cells: table(`项目${p}`) }));
    const orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0]];
    const results = orders.map((o) => validate(o.map((i) => grids[i])));
    const cp = results.map((r) => r.findings.filter((f) => f.category === "copy-paste"));
    for (const c of cp) expect(c).toHaveLength(2);
    for (const r of results.slice(1)) expect(comparable(r.findings).plain).toEqual(comparable(results[0].findings).plain);
  });
});

describe("findings on cell values of every kind", () => {
  it("a valid table whose value cells hold arbitrary values", () => {
    const values = fc.array(cellValue, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(values, fc.constantFrom(null, "0%", "yyyy-mm-dd", "@"), (vs, fmt) => {
        const cells: Grid["cells"] = [
          ["项目名称", "测试项目"],
          ["预算数（万元）", 100],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ...vs.map((v, i) => [i === 0 ? "产出指标" : null, i === 0 ? "数量指标" : null, `指标${i}`, v]),
        ];
        const grid: Grid = { sheet: "表", origin: { row: 3, col: 2 }, cells, numberFormats: cells.map((r) => r.map((_, j) => (j === 3 ? fmt : null))) };
        const r = validate([grid]);
        expect(r.tables).toHaveLength(1);
        checkFindings([grid], r.findings);
      }),
      RUNS,
    );
  });
});
