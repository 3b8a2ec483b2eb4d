/**
 * self-evaluation: what a finance bureau checks in a 绩效自评表 — the budget execution (执行率 =
 * 执行数 / 预算数, its score), the points (sections, 总分, each 得分 within its 分值), the achievement
 * (实际完成值 written as what was achieved, deductions explained, scores that fit the achievement).
 * Scoring follows 财预〔2020〕10号: 预算执行率 10, the indicators 90, 总分 100.
 */
import { toA1, type CellValue } from "../grid";
import type { Amount, ExecutionRow, Field, IndicatorRow, LabelRef, Place, TargetTable } from "../model";
import { POINTS_IN_LABEL, TRAILER } from "../lexicon";
import { labelKey } from "../text";
import { parseValueCached } from "../recognize/valueCache";
import { formatNumber, nameOf, nextTableTop } from "./indicators";
import type { Hit, TableRule, WorkbookRule } from "./types";

const isSelfEvaluation = (t: TargetTable) => t.kind === "self-evaluation";

/** A figure in a cell: 10, "10", "9.5分", "100.00%" (as a fraction for a percentage). */
function figure(f: Field | undefined): number | undefined {
  if (!f) return undefined;
  if (typeof f.raw === "number") return f.raw;
  const t = f.text.replace(/[\s,，分]/g, "");
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** A rate cell as a fraction: 100.00% -> 1, a number under a % format -> itself, 95 -> 0.95. */
function rateOf(f: Field | undefined): number | undefined {
  const n = figure(f);
  if (n === undefined || !f) return undefined;
  if (typeof f.raw === "number" && !/%/.test(f.text)) return n > 1.5 ? n / 100 : n;
  return n;
}

const pct = (x: number) => `${formatNumber(x * 100, 2)}%`;
const num = (x: number) => formatNumber(x, 2);

function budgetOf(r: ExecutionRow): Amount | undefined {
  return r.budget ?? r.initial;
}

const executionRate: TableRule = {
  id: "self-evaluation.execution-rate",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "预算执行率与执行数、预算数不符", en: "A budget execution rate that does not match spent and budget" },
  message: {
    zh: (p) => (p.spent ? `执行率写作“${p.rate}”，而全年执行数 ${p.spent} ÷ 全年预算数 ${p.budget} = ${p.computed}。` : `执行率写作“${p.rate}”，但全年执行数没有填写，执行率无从算起。`),
    en: (p) => (p.spent ? `The execution rate reads "${p.rate}", but spent ${p.spent} ÷ budget ${p.budget} = ${p.computed}.` : `The execution rate reads "${p.rate}", but the amount spent is empty, so there is nothing to compute it from.`),
  },
  example: { bad: "全年预算数 387664.62 | 全年执行数（空白） | 执行率 100%", good: "全年执行数 387664.62 | 执行率 100%", source: "corpus self-evaluation 03 (云南 永德)" },
  check: ({ table }) => {
    if (!isSelfEvaluation(table) || !table.execution) return [];
    const hits: Hit[] = [];
    for (const r of table.execution.rows) {
      const rate = rateOf(r.rate);
      const budget = budgetOf(r);
      if (rate === undefined || !r.rate || !budget) continue;
      if (!r.spent) {
        if (rate > 0) hits.push({ place: r.rate, value: r.rate.text, params: { rate: r.rate.text, spent: "", budget: num(budget.value), computed: "" } });
        continue;
      }
      if (budget.value <= 0) continue;
      const computed = r.spent.value / budget.value;
      if (Math.abs(computed - rate) > 0.005) hits.push({ place: r.rate, value: r.rate.text, params: { rate: r.rate.text, spent: num(r.spent.value), budget: num(budget.value), computed: pct(computed) } });
    }
    return hits;
  },
};

const executionScore: TableRule = {
  id: "self-evaluation.execution-score",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "预算执行得分与分值×执行率不符", en: "A budget-execution score that is not its points × the rate" },
  message: {
    zh: (p) => `预算执行得分为“${p.score}”，按分值 ${p.weight} × 执行率 ${p.rate} 应为 ${p.expected}（最高不超过分值）。`,
    en: (p) => `The budget-execution score is "${p.score}"; ${p.weight} points × the rate ${p.rate} gives ${p.expected} (never more than the points).`,
  },
  example: { bad: "分值 10 | 执行率 80% | 得分 10", good: "得分 8", source: "财预〔2020〕10号: 预算执行率得分 = 执行率 × 分值" },
  check: ({ table }) => {
    const r = table.execution?.total;
    if (!isSelfEvaluation(table) || !r?.score) return [];
    const weight = figure(r.weight);
    const rate = rateOf(r.rate);
    const score = figure(r.score);
    if (weight === undefined || rate === undefined || score === undefined) return [];
    const expected = Math.min(weight, weight * rate);
    if (Math.abs(score - expected) <= Math.max(0.05, weight * 0.01)) return [];
    return [{ place: r.score, value: r.score.text, params: { score: r.score.text, weight: num(weight), rate: r.rate?.text ?? "", expected: num(expected) } }];
  },
};

const spentOverBudget: TableRule = {
  id: "self-evaluation.spent-over-budget",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "执行数超过预算数", en: "More spent than budgeted" },
  message: {
    zh: (p) => `“${p.label}”的执行数 ${p.spent} 超过预算数 ${p.budget}。`,
    en: (p) => `"${p.label}": spent ${p.spent} is more than the budget of ${p.budget}.`,
  },
  example: { bad: "全年预算数 20 | 全年执行数 22", good: "全年执行数 ≤ 全年预算数", source: "illustration (the corpus tables spend within their budgets)" },
  check: ({ table }) =>
    !isSelfEvaluation(table)
      ? []
      : (table.execution?.rows ?? []).flatMap((r): Hit[] => {
          const budget = budgetOf(r);
          if (!r.spent || !budget || r.spent.value <= budget.value * 1.0001 + 0.005) return [];
          return [{ place: r.spent, value: String(r.spent.value), params: { label: r.label.text, spent: num(r.spent.value), budget: num(budget.value) } }];
        }),
};

const lowRateWithoutReason: TableRule = {
  id: "self-evaluation.low-rate-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "执行率低于 90% 却没有说明原因", en: "An execution rate under 90% with no reason given" },
  message: {
    zh: (p) => `执行率为 ${p.rate}，低于 90%，但没有说明原因。`,
    en: (p) => `The execution rate is ${p.rate}, under 90%, and no reason is given.`,
  },
  example: { bad: "执行率 72% | 原因（空白）", good: "原因：工程款按合同于次年支付", source: "财预〔2020〕10号; corpus self-evaluation 01 (四川) asks for a reason under 90%" },
  check: ({ table }) => {
    const r = table.execution?.total;
    const hasReasonColumn = table.execution?.reasonColumn !== undefined;
    const rate = rateOf(r?.rate);
    if (!isSelfEvaluation(table) || !r?.rate || rate === undefined || rate >= 0.9 || !hasReasonColumn) return [];
    if (r.reason && !isInstruction(r.reason.text)) return [];
    return [{ place: r.rate, value: r.rate.text, params: { rate: r.rate.text } }];
  },
};

const adjustmentWithoutReason: TableRule = {
  id: "self-evaluation.adjustment-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "预算在年中调整却没有说明理由", en: "A budget adjusted during the year with no reason given" },
  message: {
    zh: (p) => `年初预算 ${p.initial}，调整后预算 ${p.budget}，预算作了调整，但没有说明理由。`,
    en: (p) => `The budget was ${p.initial} at the start of the year and ${p.budget} after adjustment, with no reason given.`,
  },
  example: { bad: "年初预算 238.93 | 调整后预算数 251.89 | 原因：（模板说明）", good: "原因：年中追加工资调标资金 12.96 万元", source: "corpus self-evaluation 01 (四川 青神)" },
  check: ({ table }) => {
    const r = table.execution?.total;
    if (!isSelfEvaluation(table) || !r?.initial || !r.budget) return [];
    if (Math.abs(r.initial.value - r.budget.value) <= 0.005) return [];
    if (r.reason && !isInstruction(r.reason.text)) return [];
    return [{ place: r.budget, value: String(r.budget.value), params: { initial: num(r.initial.value), budget: num(r.budget.value) } }];
  },
};

/** The points a label gives its section: 产出指标(70分) -> 70. */
function pointsOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = POINTS_IN_LABEL.exec(text.replace(/\s/g, ""));
  return m ? Number(m[1]) : undefined;
}

function weightOf(ind: IndicatorRow): number | undefined {
  return figure(ind.weight);
}

const sectionPoints: TableRule = {
  id: "self-evaluation.section-points",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "分值与各部分规定的分数不符", en: "Points that do not add up to the sections' stated points" },
  message: {
    zh: (p) => (p.what === "total" ? `各部分的分数${p.parts}合计 ${p.sum}，应为 100。` : `“${p.label}”规定 ${p.stated} 分，其下各指标分值合计 ${p.sum}。`),
    en: (p) => (p.what === "total" ? `The sections' points${p.partsEn} add up to ${p.sum}; they should total 100.` : `"${p.label}" states ${p.stated} points, but its indicators' points add up to ${p.sum}.`),
  },
  example: { bad: "产出指标(70分) + 效益指标(20分) + 满意度指标(10分) + 预算执行率 10 = 110", good: "产出 50 + 效益 30 + 满意度 10 + 预算执行率 10 = 100", source: "corpus self-evaluation 02 (四川 中江)" },
  check: ({ table }) => {
    if (!isSelfEvaluation(table)) return [];
    const hits: Hit[] = [];
    // each 一级 that states its points: the 分值 under it add up to them
    const sections = new Map<string, { label: LabelRef; stated: number; sum: number; any: boolean }>();
    for (const ind of table.indicators) {
      const l1 = ind.level1;
      const stated = pointsOf(l1?.text);
      if (!l1 || stated === undefined) continue;
      const s = sections.get(l1.address) ?? { label: l1, stated, sum: 0, any: false };
      const w = weightOf(ind);
      if (w !== undefined) {
        s.sum += w;
        s.any = true;
      }
      sections.set(l1.address, s);
    }
    for (const s of sections.values())
      if (s.any && Math.abs(s.sum - s.stated) > 0.01) hits.push({ place: s.label, value: s.label.text, params: { what: "section", label: s.label.text, stated: s.stated, sum: num(s.sum) } });
    // the parts of the table: the indicators' points (stated, or summed) and the budget execution's
    const execution = table.execution?.points ?? figure(table.execution?.total?.weight);
    const statedSections = [...sections.values()];
    const level1s = new Set(table.indicators.map((i) => i.level1?.address).filter(Boolean));
    const allStated = statedSections.length > 0 && statedSections.length === level1s.size;
    const weights = table.indicators.map(weightOf).filter((w): w is number => w !== undefined);
    const indicators = table.indicatorPoints ?? (allStated ? statedSections.reduce((a, s) => a + s.stated, 0) : weights.length ? weights.reduce((a, b) => a + b, 0) : undefined);
    if (execution !== undefined && indicators !== undefined && Math.abs(execution + indicators - 100) > 0.01) {
      const place = table.execution?.total?.weight ?? table.execution?.pointsLabel ?? statedSections[0]?.label ?? table.indicatorPointsLabel ?? table.header?.labels.weight;
      if (place) {
        const named = allStated && table.indicatorPoints === undefined;
        const parts = named ? statedSections.map((s) => s.label.text).join(" + ") : table.indicatorPoints !== undefined ? `指标 ${indicators}` : `各指标分值 ${num(indicators)}`;
        const partsEn = named ? statedSections.map((s) => s.stated).join(" + ") : `indicators ${num(indicators)}`;
        hits.push({ place, params: { what: "total", parts: `（${parts} + 预算执行 ${execution}）`, partsEn: ` (${partsEn} + budget execution ${execution})`, sum: num(execution + indicators), label: "", stated: "" } });
      }
    }
    return hits;
  },
};

const scoreRange: TableRule = {
  id: "self-evaluation.score-above-points",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "得分超过分值或为负", en: "A score above its points, or below zero" },
  message: {
    zh: (p) => `指标“${p.name}”得分 ${p.score}，${p.negative ? "不能为负" : `超过其分值 ${p.weight}`}。`,
    en: (p) => `Indicator "${p.name}" scores ${p.score}, ${p.negative ? "below zero" : `more than its ${p.weight} points`}.`,
  },
  example: { bad: "分值 10 | 得分 12", good: "得分 ≤ 10", source: "财预〔2020〕10号 (得分最高不能超过该指标分值上限)" },
  check: ({ table }) =>
    !isSelfEvaluation(table)
      ? []
      : table.indicators.flatMap((ind): Hit[] => {
          const score = figure(ind.score);
          const weight = weightOf(ind);
          if (score === undefined || !ind.score) return [];
          if (score < 0) return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { name: nameOf(ind), score: ind.score.text, weight: "", negative: "1" } }];
          if (weight !== undefined && score > weight + 1e-9) return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { name: nameOf(ind), score: ind.score.text, weight: num(weight), negative: "" } }];
          return [];
        }),
};

const total: TableRule = {
  id: "self-evaluation.total",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "总分与各项分值、得分之和不符", en: "A 总分 that is not the sum of the points or scores" },
  message: {
    zh: (p) => `${p.what === "weight" ? "总分栏的分值" : "总分"}为 ${p.stated}，而${p.what === "weight" ? "各指标分值" : "各指标得分"}${p.withExecution ? "加预算执行" : ""}合计 ${p.sum}。`,
    en: (p) => `The 总分 row's ${p.what === "weight" ? "points" : "score"} is ${p.stated}, but the indicators' ${p.what === "weight" ? "points" : "scores"}${p.withExecution ? " with the budget execution's" : ""} add up to ${p.sum}.`,
  },
  example: { bad: "各指标分值 100 + 预算执行 10，总分 100", good: "各指标分值 90 + 预算执行 10 = 总分 100", source: "corpus self-evaluation 02 (四川 中江)" },
  check: ({ table }) => {
    const row = table.totalRow;
    if (!isSelfEvaluation(table) || !row) return [];
    const hits: Hit[] = [];
    const exec = table.execution?.total;
    for (const what of ["weight", "score"] as const) {
      const cell = row[what];
      const stated = figure(cell);
      if (!cell || stated === undefined) continue;
      const values = table.indicators.map((i) => figure(i[what])).filter((x): x is number => x !== undefined);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      const execPart = figure(exec?.[what]);
      // the 总分 includes the budget execution where the indicators alone fall short of it
      const candidates = execPart !== undefined ? [sum + execPart, sum] : [sum];
      if (candidates.some((c) => Math.abs(c - stated) <= 0.01)) continue;
      const shown = candidates[0];
      hits.push({ place: cell, value: cell.text, params: { what, stated: num(stated), sum: num(shown), withExecution: execPart !== undefined ? "1" : "" } });
    }
    return hits;
  },
};

/** Default grade bands (财预〔2020〕10号: 优 ≥90, 良 80–90, 中 60–80, 差 <60). */
const GRADES: [string, number][] = [
  ["优", 90],
  ["良", 80],
  ["中", 60],
  ["差", 0],
];

const grade: TableRule = {
  id: "self-evaluation.grade",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "评价等级与总分不符", en: "A grade that does not fit the 总分" },
  message: {
    zh: (p) => `总分 ${p.score} 对应的等级应为“${p.expected}”，表中写作“${p.grade}”。`,
    en: (p) => `A 总分 of ${p.score} is graded "${p.expected}", but the table says "${p.grade}".`,
  },
  example: { bad: "总分 86 | 优", good: "总分 86 | 良", source: "财预〔2020〕10号 (90 分及以上为优，80–90 为良，60–80 为中，60 以下为差)" },
  check: ({ table }) => {
    const row = table.totalRow;
    const score = figure(row?.score);
    const g = row?.grade?.text.trim();
    if (!isSelfEvaluation(table) || score === undefined || !row?.grade || !g || !GRADES.some(([name]) => name === g)) return [];
    const expected = (GRADES.find(([, floor]) => score >= floor) ?? GRADES[GRADES.length - 1])[0];
    return expected === g ? [] : [{ place: row.grade, value: g, params: { score: num(score), expected, grade: g } }];
  },
};

const actualAsTarget: TableRule = {
  id: "self-evaluation.actual-as-target",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "实际完成值写成了目标（带 ≥、≤）", en: "An actual value written as a target (with ≥ or ≤)" },
  message: {
    zh: (p) => `指标“${p.name}”的实际完成值写作“${p.value}”，这是目标的写法；应填写实际达到的数值。`,
    en: (p) => `The actual value of "${p.name}" reads "${p.value}", which is how a target is written; give what was achieved.`,
  },
  example: { bad: "安装坡面水标尺 | 年度指标值 ≥266米 | 全年实际值 ≥266米", good: "全年实际值 272米", source: "corpus self-evaluation 02 (四川 中江)" },
  check: ({ table }) =>
    !isSelfEvaluation(table)
      ? []
      : table.indicators.flatMap((ind): Hit[] => {
          const a = ind.actual;
          if (!a) return [];
          const p = parseValueCached(a.text);
          const bound = (p.op !== null && p.op !== "=") || p.opText !== undefined;
          return bound && p.kind === "quantitative" ? [{ place: a, value: a.text, indicator: nameOf(ind), params: { name: nameOf(ind), value: a.text } }] : [];
        }),
};

/** Whether a column is empty on every indicator row: one finding then, on its first cell. */
function wholeColumnEmpty(table: TargetTable, pick: (i: IndicatorRow) => Field | undefined): boolean {
  return table.indicators.length > 1 && table.indicators.every((i) => !pick(i));
}

function emptyCell(table: TargetTable, ind: IndicatorRow, role: "actual" | "score"): Place | undefined {
  const col = table.header?.columns[role];
  if (col === undefined) return undefined;
  const c = col + ind.shift;
  return { row: ind.row, col: c, address: toA1(ind.row, c) };
}

const unscored: TableRule = {
  id: "self-evaluation.unscored",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "实际完成值或得分没有填写", en: "An actual value or a score left empty" },
  message: {
    zh: (p) => (p.count ? `“${p.column}”一栏整栏空白，${p.count} 项指标都没有填写。` : `指标“${p.name}”没有填写${p.column}。`),
    en: (p) => (p.count ? `The column "${p.column}" is empty from top to bottom (${p.count} indicators).` : `Indicator "${p.name}" has no ${p.columnEn}.`),
  },
  example: { bad: "完成值（空白） | 得分（空白）", good: "完成值 100% | 得分 60", source: "corpus self-evaluation 01 (四川 青神)" },
  check: ({ table }) => {
    if (!isSelfEvaluation(table) || !table.header) return [];
    const hits: Hit[] = [];
    for (const [role, zh, en] of [
      ["actual", "实际完成值", "actual value"],
      ["score", "得分", "score"],
    ] as const) {
      if (table.header.columns[role] === undefined) continue;
      const label = table.header.labels[role]?.text.replace(/\s+/g, "") ?? zh;
      if (wholeColumnEmpty(table, (i) => i[role])) {
        const place = emptyCell(table, table.indicators[0], role);
        if (place) hits.push({ place, params: { column: label, count: table.indicators.length, name: "", columnEn: en } });
        continue;
      }
      for (const ind of table.indicators) {
        if (ind[role] || !ind.name || (role === "score" && !ind.weight)) continue;
        const place = emptyCell(table, ind, role);
        if (place) hits.push({ place, indicator: nameOf(ind), params: { column: label, columnEn: en, name: nameOf(ind), count: "" } });
      }
    }
    return hits;
  },
};

const deductionWithoutReason: TableRule = {
  id: "self-evaluation.deduction-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "扣了分却没有说明偏差原因", en: "Points deducted with no reason given" },
  message: {
    zh: (p) => `指标“${p.name}”分值 ${p.weight}、得分 ${p.score}，扣了分，但没有填写偏差原因。`,
    en: (p) => `Indicator "${p.name}" scores ${p.score} of ${p.weight} points, but no reason is given for the deduction.`,
  },
  example: { bad: "资金到位及时率 | 分值 10 | 得分 7 | 偏差原因（空白）", good: "偏差原因：第二批资金 11 月下达", source: "corpus self-evaluation 03 (云南 永德)" },
  check: ({ table }) => {
    if (!isSelfEvaluation(table) || table.header?.columns.reason === undefined) return [];
    return table.indicators.flatMap((ind): Hit[] => {
      const score = figure(ind.score);
      const weight = weightOf(ind);
      if (score === undefined || weight === undefined || score >= weight - 1e-9 || (ind.reason && !isInstruction(ind.reason.text)) || !ind.score) return [];
      return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { name: nameOf(ind), weight: num(weight), score: num(score) } }];
    });
  },
};

/** Whether an achieved value meets its target by the target's direction (≥ met when at least, ≤ when at most, = when equal). */
function meets(target: IndicatorRow["parsed"], actual: IndicatorRow["actualParsed"]): boolean | undefined {
  if (!target || !actual || target.kind !== "quantitative" || actual.kind !== "quantitative" || target.number === null || actual.number === null) return undefined;
  if (target.change || (actual.op !== null && actual.op !== "=")) return undefined;
  const tf = target.unitInfo?.factor ?? 1;
  const af = actual.unitInfo?.factor ?? tf;
  if ((target.unitInfo?.dimension ?? actual.unitInfo?.dimension) !== (actual.unitInfo?.dimension ?? target.unitInfo?.dimension)) return undefined;
  const t = target.number * tf;
  const a = actual.number * af;
  switch (target.op) {
    case "≤":
      return a <= t + 1e-9;
    case "<":
      return a < t;
    case ">":
      return a > t;
    case "=":
      return Math.abs(a - t) <= Math.abs(t) * 1e-6;
    default:
      // ≥, or no operator (a floor is what a bare target means in most rows)
      return a >= t - 1e-9;
  }
}

/** How much of its target a row achieved, as a fraction (the proportional rule: a/t for a floor, t/a for a ceiling). */
function achievedRatio(target: IndicatorRow["parsed"], actual: IndicatorRow["actualParsed"]): number | undefined {
  if (!target || !actual || target.number === null || actual.number === null || target.number === 0 || actual.number === 0) return undefined;
  const t = target.number * (target.unitInfo?.factor ?? 1);
  const a = actual.number * (actual.unitInfo?.factor ?? target.unitInfo?.factor ?? 1);
  if (target.op === "≤" || target.op === "<") return Math.min(1, t / a);
  if (target.op === "=") return Math.max(0, 1 - Math.abs(a - t) / Math.abs(t));
  return Math.min(1, a / t);
}

const scoreVsAchievement: TableRule = {
  id: "self-evaluation.score-vs-achievement",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "得分与完成情况不符（完成却扣分，未完成却满分）", en: "A score that does not fit the achievement (met but deducted, missed but full)" },
  message: {
    zh: (p) => (p.met ? `指标“${p.name}”目标“${p.target}”，实际完成“${p.actual}”，已达到目标，却只得 ${p.score} 分（分值 ${p.weight}）。` : `指标“${p.name}”目标“${p.target}”，实际完成“${p.actual}”，没有达到目标，却得了满分 ${p.score}。`),
    en: (p) => (p.met ? `Indicator "${p.name}" met its target "${p.target}" with "${p.actual}" but scores only ${p.score} of ${p.weight}.` : `Indicator "${p.name}" missed its target "${p.target}" with "${p.actual}" but scores the full ${p.score}.`),
  },
  example: { bad: "资金到位及时率 | ≥100% | 实际 100% | 分值 10 | 得分 7", good: "得分 10（或说明扣分原因）", source: "corpus self-evaluation 03 (云南 永德)" },
  check: ({ table }) => {
    if (!isSelfEvaluation(table)) return [];
    return table.indicators.flatMap((ind): Hit[] => {
      const score = figure(ind.score);
      const weight = weightOf(ind);
      const met = meets(ind.parsed, ind.actualParsed);
      if (score === undefined || weight === undefined || met === undefined || !ind.score || !ind.value || !ind.actual) return [];
      const params = { name: nameOf(ind), target: ind.parsed?.raw ?? ind.value.text, actual: ind.actual.text, score: num(score), weight: num(weight) };
      if (met && score < weight - 1e-9) return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { ...params, met: "1" } }];
      // a miss that scoring in proportion would take less than half a point for is within rounding
      const shortfall = weight * (1 - (achievedRatio(ind.parsed, ind.actualParsed) ?? 0));
      if (!met && score >= weight - 1e-9 && shortfall >= 0.5) return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { ...params, met: "" } }];
      return [];
    });
  },
};

const INSTRUCTION_WORDS = /字|对照|结合|针对|请填|请说|说明相关|根据实际/;

/** A template's instructions left where the content goes: 对照年度目标，说明…（100字以内）. */
export function isInstruction(text: string): boolean {
  // nearly every cell has none of these words: no copy of it is made (the rule looks at every cell of a table)
  if (!INSTRUCTION_WORDS.test(text)) return false;
  const t = text.replace(/\s/g, "");
  return /[(（]\d+字(以内|左右)[)）]/.test(t) || /^(对照|结合自评情况|针对项目自评|请填写|请说明|说明相关|根据实际填写)/.test(t);
}

const closingEmpty: TableRule = {
  id: "self-evaluation.closing-empty",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "偏差原因、改进措施等栏目没有填写", en: "Closing fields (deviations, improvements) left empty" },
  message: {
    zh: (p) => `“${p.label}”没有填写。`,
    en: (p) => `"${p.label}" is left empty.`,
  },
  example: { bad: "偏差大或目标未完成原因分析：（空白）", good: "偏差大或目标未完成原因分析：无偏差，各项目标均已完成。", source: "corpus self-evaluation 04 (湖北 黄石)" },
  check: ({ table, tables, grid }) => {
    if (!isSelfEvaluation(table)) return [];
    const hits: Hit[] = [];
    const next = nextTableTop(tables, table);
    const bottom = Math.min(table.range.bottom + 8, next === undefined ? Infinity : next - 1, grid.origin.row + grid.cells.length - 1);
    for (let r = table.range.bottom + 1; r <= bottom; r++) {
      const cells = grid.cells[r - grid.origin.row] ?? [];
      const filled: [CellValue, number][] = [];
      for (let c = table.range.left; c <= table.range.right && filled.length < 2; c++) {
        const v = cells[c - grid.origin.col];
        if (v !== null && v !== undefined && v !== "") filled.push([v, c - grid.origin.col]);
      }
      if (filled.length !== 1 || typeof filled[0][0] !== "string") continue;
      const label = labelKey(filled[0][0]);
      if (!TRAILER.test(label)) continue;
      // nothing beside it and nothing under it (the next row is another field or the end)
      const below = grid.cells[r + 1 - grid.origin.row] ?? [];
      const nextLabel = below.find((v) => typeof v === "string" && v.trim() !== "");
      if (nextLabel !== undefined && !TRAILER.test(labelKey(nextLabel as string)) && !/^(备注|注)/.test(labelKey(nextLabel as string))) continue;
      const col = grid.origin.col + filled[0][1];
      hits.push({ place: { row: r, col, address: toA1(r, col) }, value: filled[0][0], params: { label: filled[0][0].trim() } });
    }
    return hits;
  },
};

/** A target as a reviewer compares two: operator, number and unit (≥90% = ≥ 90 %), else the text without spaces. */
function sameTarget(a: string, b: string): boolean {
  const pa = parseValueCached(a);
  const pb = parseValueCached(b);
  if (pa.kind === "quantitative" && pb.kind === "quantitative") return pa.op === pb.op && pa.number === pb.number && (pa.unit ?? "") === (pb.unit ?? "");
  return labelKey(a) === labelKey(b);
}

const againstTarget: WorkbookRule = {
  id: "self-evaluation.target-changed",
  category: "self-evaluation",
  severity: "warning",
  scope: "workbook",
  title: { zh: "自评表的指标或指标值与绩效目标表不一致", en: "A self-evaluation whose indicators or targets differ from its target table" },
  message: {
    zh: (p) => (p.dropped ? `绩效目标表（${p.where}）中的指标“${p.name}”在自评表中没有。` : `指标“${p.name}”的年度指标值写作“${p.value}”，而绩效目标表（${p.where}）为“${p.target}”。`),
    en: (p) => (p.dropped ? `Indicator "${p.name}" of the target table (${p.where}) is missing from the self-evaluation.` : `The target of "${p.name}" reads "${p.value}", but the target table (${p.where}) says "${p.target}".`),
  },
  example: { bad: "目标表：宣传次数 ≥9次；自评表：宣传次数 ≥6次", good: "自评表的年度指标值照抄目标表，完成情况写在实际完成值", source: "财预〔2020〕10号 (自评以批复的绩效目标为依据)" },
  check: ({ tables }) => {
    const hits: Hit[] = [];
    const targets = tables.filter((t) => t.kind === "target" && t.projectName);
    for (const s of tables) {
      if (!isSelfEvaluation(s) || !s.projectName) continue;
      const key = labelKey(s.projectName.text);
      const t = targets.find((x) => labelKey(x.projectName?.text ?? "") === key && x.term !== "中期");
      if (!t) continue;
      const where = `${t.sheet}!${t.rangeA1}`;
      const mine = new Map(s.indicators.filter((i) => i.name).map((i) => [labelKey(i.name?.text ?? ""), i]));
      for (const ti of t.indicators) {
        if (!ti.name) continue;
        const si = mine.get(labelKey(ti.name.text));
        if (!si) {
          const place = s.header?.labels.level3 ?? s.indicators[0]?.name;
          if (place) hits.push({ place, table: s, value: place.text, indicator: ti.name.text, params: { dropped: "1", name: ti.name.text, where, value: "", target: "" } });
          continue;
        }
        if (ti.value && si.value && !sameTarget(si.parsed?.raw ?? si.value.text, ti.parsed?.raw ?? ti.value.text))
          hits.push({ place: si.value, table: s, value: si.value.text, indicator: ti.name.text, params: { dropped: "", name: ti.name.text, where, value: si.parsed?.raw ?? si.value.text, target: ti.parsed?.raw ?? ti.value.text } });
      }
    }
    return hits;
  },
};

export const selfEvaluationRules: (TableRule | WorkbookRule)[] = [
  executionRate,
  executionScore,
  spentOverBudget,
  lowRateWithoutReason,
  adjustmentWithoutReason,
  sectionPoints,
  scoreRange,
  total,
  grade,
  actualAsTarget,
  unscored,
  deductionWithoutReason,
  scoreVsAchievement,
  closingEmpty,
  againstTarget,
];
