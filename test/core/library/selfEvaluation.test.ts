/**
 * 新建自评表: a target table made into its self-evaluation (财政部 layout). Read back it is a
 * self-evaluation of the same project with every target copied; filled in with consistent values it
 * reports nothing; filled in by the proportional rule with random achievements it gives no score finding.
 */
import fc from "fast-check";
import { validate } from "../../../src/core/engine";
import type { CellValue, Grid } from "../../../src/core/grid";
import { DEFAULT_POINTS, selfEvaluationGrid, spreadPoints } from "../../../src/core/library/selfEvaluation";
import type { NewTable } from "../../../src/core/library/newTable";
import { recognizeTables } from "../../../src/core/recognize";
import { buildTable, cleanRows, cleanSpec } from "../../helpers/tableBuilder";

const RUNS = Number(process.env.FC_RUNS ?? 60);

function gridOf(n: NewTable): Grid {
  return { sheet: n.sheet, origin: { row: 1, col: 1 }, cells: n.cells.map((r) => r.slice()), numberFormats: n.numberFormats.map((r) => r.slice()), merges: n.merges };
}

const target = () => recognizeTables(buildTable(cleanSpec("common")))[0];

/** Fill the made table as a unit would: what was achieved, its points, a reason for each deduction, the money spent. */
/** The proportional rule: achieved ÷ target of the points for a ≥ target, target ÷ achieved for a ≤ one, to a tenth. */
const proportional = (weight: number, ratio: number) => Number((weight * Math.min(1, ratio)).toFixed(1));

function fill(n: NewTable, achieve: (i: number, target: number) => number, scoreOf: (weight: number, ratio: number) => number = proportional): Grid {
  const g = gridOf(n);
  const col = n.columns;
  const cell = (r: number, c: number, v: CellValue) => (g.cells[r - 1][c - 1] = v);
  let sum = 0;
  for (let r = n.headerRow + 1; r <= g.cells.length; r++) {
    const row = g.cells[r - 1];
    if (row[0] === "总分") {
      cell(r, col.score as number, Number((sum + 10).toFixed(1)));
      const total = sum + 10;
      cell(r, (col.reason as number), total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差");
      continue;
    }
    const targetText = String(row[(col.value as number) - 1] ?? "");
    const weight = Number(row[(col.weight as number) - 1]);
    const m = /^(≥|≤|=)?(\d+(?:\.\d+)?)(.*)$/.exec(targetText);
    if (!m) {
      cell(r, col.actual as number, "已完成");
      cell(r, col.score as number, weight);
      sum += weight;
      continue;
    }
    const t = Number(m[2]);
    const a = achieve(r, t);
    const ratio = m[1] === "≤" ? (a <= t ? 1 : t / a) : a >= t || t === 0 ? 1 : a / t;
    const score = scoreOf(weight, ratio);
    cell(r, col.actual as number, `${a}${m[3]}`);
    cell(r, col.score as number, score);
    if (score < weight) cell(r, col.reason as number, "受天气影响，部分工作顺延至下年");
    sum += score;
  }
  // the money: all spent, full points for budget execution
  const head = g.cells.findIndex((r) => r.includes("全年执行数"));
  const total = g.cells[head + 1];
  total[4] = total[3];
  total[6] = 1;
  g.numberFormats![head + 1][6] = "0.00%";
  total[7] = 10;
  const fiscal = g.cells[head + 2];
  fiscal[4] = fiscal[3];
  return g;
}

describe("新建自评表 from a target table", () => {
  it("spreads the default points: 产出 50, 效益 30, 满意度 10 over their rows, 90 in all", () => {
    const t = target();
    const points = spreadPoints(t.indicators, DEFAULT_POINTS);
    expect(points.reduce((a, b) => a + b, 0)).toBe(90);
    const sat = t.indicators.map((i, k) => (i.level1?.key === "满意度" ? points[k] : 0)).reduce((a, b) => a + b, 0);
    expect(sat).toBe(10);
  });

  it("reads back as the same project's self-evaluation with every target copied", () => {
    const t = target();
    const made = selfEvaluationGrid(t, { year: 2024 });
    const s = recognizeTables(gridOf(made))[0];
    expect([s.kind, s.projectName?.text, s.budget.total?.value, s.moneyUnit.unit]).toEqual(["self-evaluation", t.projectName?.text, t.budget.total?.value, t.moneyUnit.unit]);
    // the 一级 with its points: 产出指标(50分), the same label to the reader
    expect(s.indicators.map((i) => [i.level1?.key, i.level1?.text.replace(/\(\d+分\)$/, ""), i.level2?.text, i.name?.text, i.value?.text])).toEqual(
      t.indicators.map((i) => [i.level1?.key, i.level1?.text, i.level2?.text, i.name?.text, i.parsed?.raw ?? i.value?.text]),
    );
    expect(s.execution?.total?.weight?.text).toBe("10");
  });

  it("gives each 一级 the points it spreads ((50分), the target's own points taken off) and keeps the money unit it was given", () => {
    const t = target();
    const made = selfEvaluationGrid(t);
    const l1 = (n: typeof made) => n.cells.map((r) => r[1]).filter((v): v is string => typeof v === "string" && /指标\(/.test(v));
    expect(l1(made)).toEqual(["产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"]);
    expect(made.cells.some((r) => r[0] === "项目资金（万元）")).toBe(true);
    // seed 000 never says 元 or 万元: the self-evaluation does not guess (the configuration's unit when there is one)
    const undeclared = recognizeTables(buildTable(cleanSpec("common", { unit: null })))[0];
    expect(undeclared.moneyUnit.unit).toBeNull();
    expect(selfEvaluationGrid(undeclared).cells.some((r) => r[0] === "项目资金")).toBe(true);
    expect(selfEvaluationGrid(undeclared, { moneyUnit: "元" }).cells.some((r) => r[0] === "项目资金（元）")).toBe(true);
    // a target table's own points (产出指标(40-50)分) are not copied beside the ones given
    const rows = cleanRows("common").map((r) => (Array.isArray(r) && r[0] === "产出指标" ? ["产出指标(40-50)分", ...r.slice(1)] : Array.isArray(r) && r[0] === "效益指标" ? ["效益指标（30分）", ...r.slice(1)] : r));
    const pointed = recognizeTables(buildTable(cleanSpec("common", { rows })))[0];
    expect(pointed.indicators.map((i) => i.level1?.text)).toContain("产出指标(40-50)分");
    expect(l1(selfEvaluationGrid(pointed))).toEqual(["产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"]);
  });

  it("keeps its totals right with formulas: 执行率 = 执行数 ÷ 预算数, its 得分 = 分值 × 执行率 (at most 分值), the 总分's 分值 and 得分 the sums", () => {
    const made = selfEvaluationGrid(target());
    const exec = made.cells.findIndex((r) => r[1] === "年度资金总额") + 1;
    const total = made.cells.findIndex((r) => r[0] === "总分") + 1;
    const top = made.headerRow + 1;
    expect(made.formulas).toEqual([
      { row: exec, col: 7, formula: `IF(OR(D${exec}="",E${exec}="",N(D${exec})=0),"",E${exec}/D${exec})` },
      { row: exec, col: 8, formula: `IF(G${exec}="","",MIN(F${exec},ROUND(F${exec}*G${exec},2)))` },
      { row: total, col: 7, formula: `SUM(G${top}:G${total - 1})+F${exec}` },
      { row: total, col: 8, formula: `IF(COUNT(H${top}:H${total - 1})=0,"",SUM(H${top}:H${total - 1})+N(H${exec}))` },
    ]);
    // the value as made is each formula's result: 100 for the 总分's 分值, the rest still empty
    expect(made.formulas.map((f) => made.cells[f.row - 1][f.col - 1])).toEqual([null, null, 100, null]);
  });

  it("filled in with consistent values, it reports nothing", () => {
    const t = target();
    const grid = fill(selfEvaluationGrid(t), (_r, x) => x);
    const r = validate([grid]);
    expect(r.tables[0].kind).toBe("self-evaluation");
    expect(r.findings.map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("property: random achievements scored by the proportional rule give no score finding", () => {
    const t = target();
    const made = selfEvaluationGrid(t);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 1.3, noNaN: true }), { minLength: 40, maxLength: 40 }), (factors) => {
        const grid = fill(made, (r, x) => Number((x * factors[r % factors.length]).toFixed(2)));
        // (a cost achieved above its target may exceed the year's spending: that is reported, rightly, and is no score finding)
        const f = validate([grid]).findings.filter((x) => x.category === "self-evaluation" && x.rule !== "self-evaluation.cost-actual-above-spent");
        expect(f.map((x) => `${x.cell} ${x.rule}: ${x.message}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("property (the control): the same misses scored otherwise — full points, or far below the proportion — are reported on their score cells", () => {
    const t = target();
    const made = selfEvaluationGrid(t);
    // the rows with a ≥ or ≤ number to miss (the date row has none)
    const scored = t.indicators.filter((i) => i.parsed?.kind === "quantitative" && i.parsed.number).length;
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 0.7, noNaN: true }), fc.constantFrom("full", "far below"), (factor, how) => {
        // a miss by 30-70%: below a floor, above a ceiling
        const grid = fill(made, (r, x) => {
          const row = made.cells[r - 1];
          const ceiling = String(row[(made.columns.value as number) - 1]).startsWith("≤");
          return Number((ceiling ? x / factor : x * factor).toFixed(2));
        }, (weight, ratio) => (how === "full" ? weight : Math.max(0, Number((weight * ratio - Math.max(1, weight / 4) - 0.5).toFixed(1)))));
        const f = validate([grid]).findings.filter((x) => x.rule === "self-evaluation.score-vs-achievement");
        expect(f).toHaveLength(scored);
        expect(new Set(f.map((x) => x.col))).toEqual(new Set([made.columns.score]));
        // (at full points the message says the target was missed; else how far from the proportion)
        for (const x of f) expect(x.message).toMatch(how === "full" ? /没有达到目标/ : /按比例应得约/);
      }),
      { numRuns: RUNS },
    );
  });
});
