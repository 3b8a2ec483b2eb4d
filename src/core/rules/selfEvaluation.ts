/**
 * self-evaluation: what a finance bureau checks in a 绩效自评表 — the budget execution (执行率 =
 * 执行数 / 预算数, its score), the points (sections, 总分, each 得分 within its 分值), the achievement
 * (实际完成值 written as what was achieved, deductions explained, scores that fit the achievement).
 * Scoring follows 财预〔2020〕10号: 预算执行率 10, the indicators 90, 总分 100.
 */
import { toA1, type CellValue } from "../grid";
import type { Amount, ExecutionRow, Field, IndicatorRow, LabelRef, TargetTable } from "../model";
import { POINTS_IN_LABEL, TRAILER } from "../lexicon";
import { labelKey } from "../text";
import { parseValueCached } from "../recognize/valueCache";
import { cellInColumn, formatNumber, isCost, isUnitCost, looksLikeCost, moneyInYuan, nameOf, nextTableTop } from "./indicators";
import { moneyFactor } from "../value/units";
import { defineRule, defineWorkbookRule, type GradeBands } from "./types";

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

const executionRate = defineRule({
  id: "self-evaluation.execution-rate",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "预算执行率与执行数、预算数不符", en: "A budget execution rate that does not match spent and budget" },
  messages: {
    default: { zh: "执行率写作“{rate}”，而全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}。", en: 'The execution rate reads "{rate}", but spent {spent} ÷ budget {budget} = {computed}.' },
    noSpent: {
      zh: "执行率写作“{rate}”，但全年执行数没有填写，执行率无从算起。",
      en: 'The execution rate reads "{rate}", but the amount spent is empty, so there is nothing to compute it from.',
    },
    noRate: {
      zh: "执行率没有填写（全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}），却给了预算执行得分“{score}”。",
      en: 'The execution rate is empty (spent {spent} ÷ budget {budget} = {computed}), yet the budget execution scores "{score}".',
    },
  },
  why: { zh: "执行率 = 全年执行数 ÷ 全年预算数；对不上，执行率或执行数写错了，预算执行得分也随之错误。", en: "The execution rate is spent ÷ budget; when it does not match, the rate or the amount spent is wrong, and so is the execution score." },
  howToFix: { zh: "填写全年执行数，按执行数 ÷ 预算数重新计算执行率。", en: "Fill in the amount spent and compute the rate as spent ÷ budget." },
  fixable: "no",
  example: { bad: "全年预算数 387664.62 | 全年执行数（空白） | 执行率 100%", good: "全年执行数 387664.62 | 执行率 100%", from: { corpus: "self-evaluation 03", note: "云南 永德" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table) || !table.execution) return;
    for (const r of table.execution.rows) {
      const rate = rateOf(r.rate);
      const budget = budgetOf(r);
      // points given for a rate nobody wrote down (corpus 06: 执行率(B/A) empty, 得分 10)
      if (!r.rate && r === table.execution.total && r.score && figure(r.score) !== undefined && r.spent && budget && budget.value > 0) {
        report({ place: r.score, value: r.score.text, messageId: "noRate", params: { spent: num(r.spent.value), budget: num(budget.value), computed: pct(r.spent.value / budget.value), score: r.score.text } });
        continue;
      }
      if (rate === undefined || !r.rate || !budget) continue;
      if (!r.spent) {
        if (rate > 0) report({ place: r.rate, value: r.rate.text, messageId: "noSpent", params: { rate: r.rate.text } });
        continue;
      }
      if (budget.value <= 0) continue;
      const computed = r.spent.value / budget.value;
      if (Math.abs(computed - rate) > 0.005) report({ place: r.rate, value: r.rate.text, params: { rate: r.rate.text, spent: num(r.spent.value), budget: num(budget.value), computed: pct(computed) } });
    }
  },
});

const executionScore = defineRule({
  id: "self-evaluation.execution-score",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "预算执行得分与分值×执行率不符", en: "A budget-execution score that is not its points × the rate" },
  messages: {
    default: {
      zh: "预算执行得分为“{score}”，按分值 {weight} × 执行率 {rate} 应为 {expected}（最高不超过分值）。",
      en: 'The budget-execution score is "{score}"; {weight} points × the rate {rate} gives {expected} (never more than the points).',
    },
    partScored: {
      zh: "“{label}”一行也写了分值“{weight}”、得分“{score}”；预算执行只在“{total}”一行计分，其中各项再写一遍，预算执行就算了两次。",
      en: '"{label}" gives points "{weight}" and a score "{score}" as well; the budget execution is scored on the "{total}" row only, and scored again on its parts it counts twice.',
    },
  },
  why: { zh: "预算执行率得分 = 执行率 × 分值，最高为分值；按别的办法打分，自评结果不可比。", en: "The budget-execution score is the rate × its points, at most the points; scored otherwise, self-evaluations cannot be compared." },
  howToFix: { zh: "按分值 × 执行率重新计算得分。", en: "Score it as points × the rate." },
  fixable: "no",
  example: { bad: "分值 10 | 执行率 80% | 得分 10", good: "得分 8", from: { regulation: "财预〔2020〕10号", note: "预算执行率得分 = 执行率 × 分值" } },
  check: ({ table }, report) => {
    const r = table.execution?.total;
    if (!isSelfEvaluation(table) || !r) return;
    // the parts (其中：本年财政拨款 …) scored again (corpus 09, 12): the form has — there
    for (const part of table.execution?.rows ?? []) {
      if (part === r || figure(part.weight) === undefined || figure(part.score) === undefined || !part.weight || !part.score) continue;
      report({ place: part.weight, value: part.weight.text, messageId: "partScored", params: { label: part.label.text.replace(/[:：]\s*$/, ""), weight: part.weight.text, score: part.score.text, total: r.label.text.replace(/[:：]\s*$/, "") } });
    }
    if (!r.score) return;
    const weight = figure(r.weight);
    const rate = rateOf(r.rate);
    const score = figure(r.score);
    if (weight === undefined || rate === undefined || score === undefined) return;
    const expected = Math.min(weight, weight * rate);
    if (Math.abs(score - expected) <= Math.max(0.05, weight * 0.01)) return;
    report({ place: r.score, value: r.score.text, params: { score: r.score.text, weight: num(weight), rate: r.rate?.text ?? "", expected: num(expected) } });
  },
});

const spentOverBudget = defineRule({
  id: "self-evaluation.spent-over-budget",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "执行数超过预算数", en: "More spent than budgeted" },
  messages: {
    default: { zh: "“{label}”的执行数 {spent} 超过预算数 {budget}。", en: '"{label}": spent {spent} is more than the budget of {budget}.' },
  },
  why: { zh: "执行数不能超过预算数；超出的部分没有预算依据。", en: "Spending cannot exceed the budget: what goes beyond it has no budget behind it." },
  howToFix: { zh: "核对执行数和预算数（预算调整过的，填写调整后预算数）。", en: "Check the amounts spent and budgeted (after an adjustment, give the adjusted budget)." },
  fixable: "no",
  example: { bad: "全年预算数 20 | 全年执行数 22", good: "全年执行数 ≤ 全年预算数", from: { illustration: "the corpus tables spend within their budgets" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
    for (const r of table.execution?.rows ?? []) {
      const budget = budgetOf(r);
      if (!r.spent || !budget || r.spent.value <= budget.value * 1.0001 + 0.005) continue;
      report({ place: r.spent, value: String(r.spent.value), params: { label: r.label.text, spent: num(r.spent.value), budget: num(budget.value) } });
    }
  },
});

const COLUMNS = [
  ["initial", "年初预算数", "the initial budget"],
  ["budget", "全年预算数", "the year's budget"],
  ["spent", "全年执行数", "the amount spent"],
] as const;

const executionParts = defineRule({
  id: "self-evaluation.execution-parts",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "资金总额与其中各项之和不符（年初预算数、全年预算数、全年执行数各栏）", en: "A total of funds that is not the sum of its parts (initial, year's budget, spent)" },
  messages: {
    default: {
      zh: "“{label}”的{column}为 {total}，而其中{parts}合计 {sum}，相差 {diff}。",
      en: '"{label}": {column} is {total}, but its parts ({parts}) add up to {sum}, {diff} apart.',
    },
  },
  why: {
    zh: "资金总额是当年财政拨款、上年结转和其他资金之和，年初预算数、全年预算数、全年执行数每一栏都是；总额写错了，执行率和预算执行得分都跟着错。",
    en: "The total is the sum of the year's fiscal funds, the carry-over and other funds, in every column (initial, year's budget, spent); a wrong total makes the execution rate and its score wrong too.",
  },
  howToFix: { zh: "按各项资金来源重新合计资金总额的每一栏。", en: "Add up each column of the total again from its sources." },
  fixable: "no",
  example: {
    bad: "年度资金总额 0 | 0 | 0；其中：本年财政拨款 90 | 89.974 | 89.974",
    good: "年度资金总额 90 | 89.974 | 89.974",
    from: { corpus: "self-evaluation 05", note: "安徽 贵池 棠溪镇" },
  },
  check: ({ table }, report) => {
    const ex = table.execution;
    const total = ex?.total;
    if (!isSelfEvaluation(table) || !ex || !total) return;
    const parts = ex.rows.filter((r) => r !== total);
    for (const [key, zh, en] of COLUMNS) {
      const t = total[key];
      // the column of table.budget's total is budget-sum.sources' to report
      if (!t || t.address === table.budget.total?.address) continue;
      const given = parts.map((r) => ({ r, a: r[key] })).filter((x): x is { r: ExecutionRow; a: Amount } => !!x.a);
      if (given.length === 0) continue;
      const sum = given.reduce((s, x) => s + x.a.value, 0);
      // one source given and the rest left blank: only more than the total contradicts it
      if (given.length === 1 && sum <= t.value + 0.005) continue;
      // 上年结转 may be counted inside 财政拨款 or beside it
      const carry = given.find((x) => /结转/.test(x.r.label.text))?.a.value ?? 0;
      const near = (x: number) => Math.abs(x - t.value) <= Math.max(0.005, Math.abs(t.value) * 1e-6);
      if (near(sum) || near(sum - carry)) continue;
      const unit = t.unit ?? "";
      const amount = (x: number) => `${formatNumber(x, 4)}${unit}`;
      report({
        place: t,
        value: String(t.value),
        params: {
          label: total.label.text.replace(/[:：]\s*$/, ""),
          column: { zh, en },
          total: amount(t.value),
          parts: given.map((x) => x.r.label.text.replace(/^其中[:：]\s*/, "").replace(/[:：]\s*$/, "")).join("、"),
          sum: amount(sum),
          diff: amount(Math.abs(t.value - sum)),
        },
      });
    }
  },
});

const lowRateWithoutReason = defineRule({
  id: "self-evaluation.low-rate-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "执行率低于 90% 却没有说明原因", en: "An execution rate under 90% with no reason given" },
  messages: {
    default: { zh: "执行率为 {rate}，低于 90%，但没有说明原因。", en: "The execution rate is {rate}, under 90%, and no reason is given." },
  },
  why: { zh: "执行率偏低要说明原因，评价时才能区分是项目问题还是客观原因（如按合同次年付款）。", en: "A low execution rate needs its reason, so the evaluation can tell a project's failure from a cause outside it (payment due next year …)." },
  howToFix: { zh: "在原因栏说明执行率偏低的原因。", en: "Give the reason in the reason column." },
  fixable: "no",
  example: {
    bad: "执行率 72% | 原因（空白）",
    good: "原因：工程款按合同于次年支付",
    from: [{ regulation: "财预〔2020〕10号" }, { corpus: "self-evaluation 01", note: "四川: asks for a reason under 90%" }],
  },
  check: ({ table }) => {
    const r = table.execution?.total;
    const hasReasonColumn = table.execution?.reasonColumn !== undefined;
    const rate = rateOf(r?.rate);
    if (!isSelfEvaluation(table) || !r?.rate || rate === undefined || rate >= 0.9 || !hasReasonColumn) return [];
    if (r.reason && !isInstruction(r.reason.text)) return [];
    return [{ place: r.rate, value: r.rate.text, params: { rate: r.rate.text } }];
  },
});

const adjustmentWithoutReason = defineRule({
  id: "self-evaluation.adjustment-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "预算在年中调整却没有说明理由", en: "A budget adjusted during the year with no reason given" },
  messages: {
    default: {
      zh: "年初预算 {initial}，调整后预算 {budget}，预算作了调整，但没有说明理由。",
      en: "The budget was {initial} at the start of the year and {budget} after adjustment, with no reason given.",
    },
  },
  why: { zh: "年中调整预算要有理由，评价才能判断调整是否合理。", en: "A budget adjusted during the year needs its reason, so the evaluation can judge the adjustment." },
  howToFix: { zh: "说明预算调整的原因（追加、调减及其依据）。", en: "Say why the budget was adjusted (added to or cut, and on what grounds)." },
  fixable: "no",
  example: {
    bad: "年初预算 238.93 | 调整后预算数 251.89 | 原因：（模板说明）",
    good: "原因：年中追加工资调标资金 12.96 万元",
    from: { corpus: "self-evaluation 01", note: "四川 青神" },
  },
  check: ({ table }) => {
    const r = table.execution?.total;
    if (!isSelfEvaluation(table) || !r?.initial || !r.budget) return [];
    if (Math.abs(r.initial.value - r.budget.value) <= 0.005) return [];
    if (r.reason && !isInstruction(r.reason.text)) return [];
    return [{ place: r.budget, value: String(r.budget.value), params: { initial: num(r.initial.value), budget: num(r.budget.value) } }];
  },
});

/** The points a label gives its section: 产出指标(70分) -> 70. */
function pointsOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = POINTS_IN_LABEL.exec(text.replace(/\s/g, ""));
  return m ? Number(m[1]) : undefined;
}

function weightOf(ind: IndicatorRow): number | undefined {
  return figure(ind.weight);
}

const sectionPoints = defineRule({
  id: "self-evaluation.section-points",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "分值与各部分规定的分数不符", en: "Points that do not add up to the sections' stated points" },
  messages: {
    section: { zh: "“{label}”规定 {stated} 分，其下各指标分值合计 {sum}。", en: '"{label}" states {stated} points, but its indicators\' points add up to {sum}.' },
    total: { zh: "各部分的分数{parts}合计 {sum}，应为 100。", en: "The sections' points{parts} add up to {sum}; they should total 100." },
  },
  why: { zh: "各部分的分数要与其下指标的分值一致，全部合计 100 分（预算执行率 10 分、指标 90 分），否则得分没有可比性。", en: "Each section's points must match its indicators', and all together make 100 (10 for budget execution, 90 for the indicators), or scores cannot be compared." },
  howToFix: { zh: "调整各指标分值，使其与所在部分规定的分数一致、总计 100 分。", en: "Adjust the indicators' points to match their sections and total 100." },
  fixable: "no",
  example: {
    bad: "产出指标(70分) + 效益指标(20分) + 满意度指标(10分) + 预算执行率 10 = 110",
    good: "产出 50 + 效益 30 + 满意度 10 + 预算执行率 10 = 100",
    from: { corpus: "self-evaluation 02", note: "四川 中江" },
  },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
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
      if (s.any && Math.abs(s.sum - s.stated) > 0.01) report({ place: s.label, value: s.label.text, messageId: "section", params: { label: s.label.text, stated: s.stated, sum: num(s.sum) } });
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
        report({ place, messageId: "total", params: { parts: { zh: `（${parts} + 预算执行 ${execution}）`, en: ` (${partsEn} + budget execution ${execution})` }, sum: num(execution + indicators) } });
      }
    }
  },
});

const scoreRange = defineRule({
  id: "self-evaluation.score-above-points",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "得分超过分值或为负", en: "A score above its points, or below zero" },
  messages: {
    above: { zh: "指标“{name}”得分 {score}，超过其分值 {weight}。", en: 'Indicator "{name}" scores {score}, more than its {weight} points.' },
    negative: { zh: "指标“{name}”得分 {score}，不能为负。", en: 'Indicator "{name}" scores {score}, below zero.' },
  },
  why: { zh: "每项指标的得分在 0 到其分值之间。", en: "Each indicator scores between zero and its points." },
  howToFix: { zh: "改正得分（或分值），使 0 ≤ 得分 ≤ 分值。", en: "Correct the score (or the points) so that 0 ≤ score ≤ points." },
  fixable: "no",
  example: { bad: "分值 10 | 得分 12", good: "得分 ≤ 10", from: { regulation: "财预〔2020〕10号", note: "得分最高不能超过该指标分值上限" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
    for (const ind of table.indicators) {
      const score = figure(ind.score);
      const weight = weightOf(ind);
      if (score === undefined || !ind.score) continue;
      const at = { place: ind.score, value: ind.score.text, indicator: nameOf(ind) };
      if (score < 0) report({ ...at, messageId: "negative", params: { name: nameOf(ind), score: ind.score.text } });
      else if (weight !== undefined && score > weight + 1e-9) report({ ...at, messageId: "above", params: { name: nameOf(ind), score: ind.score.text, weight: num(weight) } });
    }
  },
});

const total = defineRule({
  id: "self-evaluation.total",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "总分与各项分值、得分之和不符", en: "A 总分 that is not the sum of the points or scores" },
  messages: {
    weight: { zh: "总分栏的分值为 {stated}，而各指标分值合计 {sum}。", en: "The 总分 row's points is {stated}, but the indicators' points add up to {sum}." },
    weightWithExecution: {
      zh: "总分栏的分值为 {stated}，而各指标分值加预算执行合计 {sum}。",
      en: "The 总分 row's points is {stated}, but the indicators' points with the budget execution's add up to {sum}.",
    },
    score: { zh: "总分为 {stated}，而各指标得分合计 {sum}。", en: "The 总分 row's score is {stated}, but the indicators' scores add up to {sum}." },
    scoreWithExecution: {
      zh: "总分为 {stated}，而各指标得分加预算执行合计 {sum}。",
      en: "The 总分 row's score is {stated}, but the indicators' scores with the budget execution's add up to {sum}.",
    },
  },
  why: { zh: "总分是各项得分（分值）之和；对不上，总分或某项得分写错了，评价等级也会随之错误。", en: "The 总分 is the sum of the scores (points); when it does not match, it or a score is wrong, and so may be the grade." },
  howToFix: { zh: "按各项得分（含预算执行）重新合计总分。", en: "Add the scores (with the budget execution's) up again." },
  fixable: "no",
  example: { bad: "各指标分值 100 + 预算执行 10，总分 100", good: "各指标分值 90 + 预算执行 10 = 总分 100", from: { corpus: "self-evaluation 02", note: "四川 中江" } },
  check: ({ table }, report) => {
    const row = table.totalRow;
    if (!isSelfEvaluation(table) || !row) return;
    const exec = table.execution?.total;
    // the indicators' points as the side label states them (绩效指标(90分)) and no execution block read:
    // the rest of the 总分 is the budget execution's, on rows this table does not show
    const weights = table.indicators.map((i) => figure(i.weight)).filter((x): x is number => x !== undefined);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const executionElsewhere = !table.execution && table.indicatorPoints !== undefined && Math.abs(weightSum - table.indicatorPoints) <= 0.01;
    for (const what of ["weight", "score"] as const) {
      const cell = row[what];
      const stated = figure(cell);
      if (!cell || stated === undefined) continue;
      const values = table.indicators.map((i) => figure(i[what])).filter((x): x is number => x !== undefined);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      if (executionElsewhere && stated >= sum - 0.01) continue;
      const execPart = figure(exec?.[what]);
      // the 总分 includes the budget execution where the indicators alone fall short of it
      const candidates = execPart !== undefined ? [sum + execPart, sum] : [sum];
      if (candidates.some((c) => Math.abs(c - stated) <= 0.01)) continue;
      const shown = candidates[0];
      report({ place: cell, value: cell.text, messageId: execPart !== undefined ? `${what}WithExecution` : what, params: { stated: num(stated), sum: num(shown) } });
    }
  },
});

/** Default grade bands (财预〔2020〕10号: 优 ≥90, 良 80–90, 中 60–80, 差 <60); the configuration's gradeBands changes them. */
export const DEFAULT_GRADE_BANDS: GradeBands = { 优: 90, 良: 80, 中: 60 };

const GRADE_NAMES = ["优", "良", "中", "差"] as const;

/** The grade a 总分 earns under the bands. */
export function gradeOf(score: number, bands: GradeBands = DEFAULT_GRADE_BANDS): (typeof GRADE_NAMES)[number] {
  return score >= bands.优 ? "优" : score >= bands.良 ? "良" : score >= bands.中 ? "中" : "差";
}

const grade = defineRule({
  id: "self-evaluation.grade",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "评价等级与总分不符", en: "A grade that does not fit the 总分" },
  messages: {
    default: {
      zh: "总分 {score} 对应的等级应为“{expected}”（{bands}），表中写作“{grade}”。",
      en: 'A 总分 of {score} is graded "{expected}" ({bands}), but the table says "{grade}".',
    },
  },
  why: {
    zh: "等级由总分决定：默认 90 分及以上为优，80–90 为良，60–80 为中，60 以下为差（本地标准不同的，可在配置文件的 gradeBands 中设定）。",
    en: "The grade follows from the 总分: by default 优 from 90, 良 from 80, 中 from 60, 差 below (where the local standard differs, set gradeBands in the configuration).",
  },
  howToFix: { zh: "按总分填写等级（或改正总分）。", en: "Give the grade the 总分 earns (or correct the 总分)." },
  fixable: "no",
  example: { bad: "总分 86 | 优", good: "总分 86 | 良", from: { regulation: "财预〔2020〕10号", note: "90 分及以上为优，80–90 为良，60–80 为中，60 以下为差" } },
  check: ({ table, options }) => {
    const row = table.totalRow;
    const score = figure(row?.score);
    const g = row?.grade?.text.trim();
    if (!isSelfEvaluation(table) || score === undefined || !row?.grade || !g || !(GRADE_NAMES as readonly string[]).includes(g)) return [];
    const bands = options.gradeBands ?? DEFAULT_GRADE_BANDS;
    const expected = gradeOf(score, bands);
    const shown = { zh: `优 ≥${num(bands.优)}，良 ≥${num(bands.良)}，中 ≥${num(bands.中)}`, en: `优 from ${num(bands.优)}, 良 from ${num(bands.良)}, 中 from ${num(bands.中)}` };
    return expected === g ? [] : [{ place: row.grade, value: g, params: { score: num(score), expected, grade: g, bands: shown } }];
  },
});

const actualAsTarget = defineRule({
  id: "self-evaluation.actual-as-target",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "实际完成值写成了目标（带 ≥、≤、=）", en: "An actual value written as a target (with ≥, ≤ or =)" },
  messages: {
    default: {
      zh: "指标“{name}”的实际完成值写作“{value}”，这是目标的写法；应填写实际达到的数值。",
      en: 'The actual value of "{name}" reads "{value}", which is how a target is written; give what was achieved.',
    },
  },
  why: { zh: "实际完成值要写实际达到的数，写成 ≥266米 说明只是照抄了目标，看不出是否完成。", en: "The actual value is what was achieved: ≥266米 only copies the target and says nothing of the result." },
  howToFix: { zh: "填写实际达到的数值（如 272米）。", en: "Give the number achieved (272米, say)." },
  fixable: "no",
  example: { bad: "安装坡面水标尺 | 年度指标值 ≥266米 | 全年实际值 ≥266米", good: "全年实际值 272米", from: { corpus: "self-evaluation 02", note: "四川 中江" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
    for (const ind of table.indicators) {
      const a = ind.actual;
      if (!a) continue;
      const p = parseValueCached(a.text);
      // ≥266米, 95%以上; and =230亩 (corpus 13: the targets copied with their =): a measured value carries no operator
      const bound = (p.op !== null && p.op !== "=") || p.opText !== undefined || (p.op === "=" && /^\s*[=＝═]/.test(a.text));
      if (bound && p.kind === "quantitative") report({ place: a, value: a.text, indicator: nameOf(ind), params: { name: nameOf(ind), value: a.text } });
    }
  },
});

/** Whether a column is empty on every indicator row: one finding then, on its first cell. */
function wholeColumnEmpty(table: TargetTable, pick: (i: IndicatorRow) => Field | undefined): boolean {
  return table.indicators.length > 1 && table.indicators.every((i) => !pick(i));
}

const YES_NO = /^(是|否|有|无|√|×|✓|✔)$/;

const unscored = defineRule({
  id: "self-evaluation.unscored",
  category: "self-evaluation",
  severity: "error",
  title: { zh: "实际完成值或得分没有填写（或只是占位符）", en: "An actual value or a score left empty (or a placeholder)" },
  messages: {
    default: { zh: "指标“{name}”没有填写{column}。", en: 'Indicator "{name}" has no {column}.' },
    column: { zh: "“{column}”一栏整栏空白，{count} 项指标都没有填写。", en: 'The column "{column}" is empty from top to bottom ({count} indicators).' },
    placeholder: {
      zh: "指标“{name}”的{column}写作“{value}”，是占位符，并没有填写实际达到的数值。",
      en: 'The {column} of "{name}" reads "{value}", a placeholder: what was achieved is not given.',
    },
  },
  why: { zh: "自评表要逐项写明实际完成值和得分，空着（或只留着 XX、待定之类的占位符）就无法评价。", en: "A self-evaluation gives each indicator its actual value and its score; left empty (or holding a placeholder such as XX or 待定), nothing is evaluated." },
  howToFix: { zh: "逐项填写实际完成值和得分。", en: "Fill in each indicator's actual value and score." },
  fixable: "no",
  example: { bad: "完成值（空白） | 得分（空白）", good: "完成值 100% | 得分 60", from: { corpus: "self-evaluation 01", note: "四川 青神" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table) || !table.header) return;
    for (const [role, zh, en] of [
      ["actual", "实际完成值", "actual value"],
      ["score", "得分", "score"],
    ] as const) {
      if (table.header.columns[role] === undefined) continue;
      const label = table.header.labels[role]?.text.replace(/\s+/g, "") ?? zh;
      if (wholeColumnEmpty(table, (i) => i[role])) {
        const place = cellInColumn(table, table.indicators[0], role);
        if (place) report({ place, messageId: "column", params: { column: label, count: table.indicators.length } });
        continue;
      }
      for (const ind of table.indicators) {
        // an actual value that is a placeholder (XX, n次, 待定; not a yes/no answer, which can be the achievement of a yes/no target)
        const a = role === "actual" ? ind.actual : undefined;
        if (a && parseValueCached(a.text).kind === "placeholder" && !YES_NO.test(a.text.trim())) {
          report({ place: a, value: a.text, indicator: nameOf(ind), messageId: "placeholder", params: { column: { zh: label, en }, name: nameOf(ind), value: a.text } });
          continue;
        }
        // (an indicator given in parts: its actual values on the parts' rows, the parts scored with it)
        if (ind[role] || !ind.name || (role === "score" && !ind.weight) || (role === "actual" && ind.parts) || (role === "score" && ind.partOf !== undefined)) continue;
        const place = cellInColumn(table, ind, role);
        if (place) report({ place, indicator: nameOf(ind), params: { column: { zh: label, en }, name: nameOf(ind) } });
      }
    }
  },
});

/**
 * A self-evaluation with no points at all: no 分值 or 得分 column in its grid and no score for its budget
 * execution — its achievements are listed, but nothing is evaluated.
 */
const noScoring = defineRule({
  id: "self-evaluation.no-scoring",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "自评表没有分值和得分", en: "A self-evaluation with no points and no scores" },
  messages: {
    default: {
      zh: "本自评表没有分值和得分栏，{count} 项指标只列了完成值，没有逐项打分，也没有总分。",
      en: "this self-evaluation has no points or scores columns: its {count} {count|indicator lists|indicators list} what was achieved, but nothing is scored and there is no total.",
    },
  },
  why: {
    zh: "自评要按分值逐项打分、汇总总分（财预〔2020〕10号：预算执行率 10 分，产出、效益、满意度共 90 分），只列完成值无法评价。",
    en: "A self-evaluation scores each indicator against its points and adds them up (财预〔2020〕10号: budget execution 10, outputs, benefits and satisfaction 90); a list of achievements evaluates nothing.",
  },
  howToFix: { zh: "按本地自评表格式增加分值、得分栏，逐项打分并填写总分。", en: "Add the points and scores columns of the local form, score each indicator and give the total." },
  fixable: "no",
  example: { bad: "指标值 | 全年实际完成值 | 产生差异的原因及改进措施（没有分值、得分）", good: "指标值 | 实际完成值 | 分值 | 得分 | 偏差原因", from: { corpus: "self-evaluation 13", note: "湖南 南岳 忠烈祠" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table) || !table.header || table.indicators.length === 0) return;
    const cols = table.header.columns;
    if (cols.weight !== undefined || cols.score !== undefined || table.execution?.total?.score || table.execution?.total?.weight) return;
    const place = table.header.labels.actual ?? table.header.labels.level3;
    if (place) report({ place, params: { count: table.indicators.length } });
  },
});

const deductionWithoutReason = defineRule({
  id: "self-evaluation.deduction-without-reason",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "扣了分却没有说明偏差原因", en: "Points deducted with no reason given" },
  messages: {
    default: {
      zh: "指标“{name}”分值 {weight}、得分 {score}，扣了分，但没有填写偏差原因。",
      en: 'Indicator "{name}" scores {score} of {weight} points, but no reason is given for the deduction.',
    },
  },
  why: { zh: "扣分要说明偏差原因和改进措施，这是自评的目的所在。", en: "A deduction needs the reason for the shortfall and what will be done: that is what the self-evaluation is for." },
  howToFix: { zh: "在偏差原因栏说明未完成的原因。", en: "Give the reason for the shortfall in the reason column." },
  fixable: "no",
  example: { bad: "资金到位及时率 | 分值 10 | 得分 7 | 偏差原因（空白）", good: "偏差原因：第二批资金 11 月下达", from: { corpus: "self-evaluation 03", note: "云南 永德" } },
  check: ({ table }) => {
    if (!isSelfEvaluation(table) || table.header?.columns.reason === undefined) return [];
    return table.indicators.flatMap((ind) => {
      const score = figure(ind.score);
      const weight = weightOf(ind);
      if (score === undefined || weight === undefined || score >= weight - 1e-9 || (ind.reason && !isInstruction(ind.reason.text)) || !ind.score) return [];
      return [{ place: ind.score, value: ind.score.text, indicator: nameOf(ind), params: { name: nameOf(ind), weight: num(weight), score: num(score) } }];
    });
  },
});

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

const scoreVsAchievement = defineRule({
  id: "self-evaluation.score-vs-achievement",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "得分与完成情况不符（完成却扣分，未完成却满分，与按比例得分相去甚远）", en: "A score that does not fit the achievement (met but deducted, missed but full, far from proportional)" },
  messages: {
    met: {
      zh: "指标“{name}”目标“{target}”，实际完成“{actual}”，已达到目标，却只得 {score} 分（分值 {weight}）。",
      en: 'Indicator "{name}" met its target "{target}" with "{actual}" but scores only {score} of {weight}.',
    },
    missed: {
      zh: "指标“{name}”目标“{target}”，实际完成“{actual}”，没有达到目标，却得了满分 {score}。",
      en: 'Indicator "{name}" missed its target "{target}" with "{actual}" but scores the full {score}.',
    },
    proportional: {
      zh: "指标“{name}”目标“{target}”，实际完成“{actual}”（完成 {ratio}），按比例应得约 {expected} 分（分值 {weight}），表中得 {score} 分；如按本地评分标准打分，请在偏差原因中说明。",
      en: 'Indicator "{name}" achieved "{actual}" of its target "{target}" ({ratio}): in proportion about {expected} of {weight} points, but it scores {score}; where a local scoring standard applies, say so in the reason.',
    },
  },
  why: {
    zh: "达到目标应得满分，没达到应按比例扣分（常用的办法：≥ 目标按 完成值 ÷ 指标值 × 分值，≤ 目标按 指标值 ÷ 完成值 × 分值）；得分与完成情况相反或相去甚远（超过分值的四分之一），评分就不可信。各地评分标准不一，所以只作警告。",
    en: "A target met earns its points and one missed loses some in proportion (the common rule: achieved ÷ target × points for a ≥ target, target ÷ achieved for a ≤ one); a score that says the opposite, or is far from it (more than a quarter of the points), cannot be trusted. Local scoring standards differ, so this is a warning only.",
  },
  howToFix: { zh: "按完成情况重新打分，扣分的说明原因。", en: "Score by the achievement again, and give the reason for any deduction." },
  fixable: "no",
  example: { bad: "资金到位及时率 | ≥100% | 实际 100% | 分值 10 | 得分 7", good: "得分 10（或说明扣分原因）", from: { corpus: "self-evaluation 03", note: "云南 永德" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
    for (const ind of table.indicators) {
      const score = figure(ind.score);
      const weight = weightOf(ind);
      const met = meets(ind.parsed, ind.actualParsed);
      if (score === undefined || weight === undefined || met === undefined || !ind.score || !ind.value || !ind.actual) continue;
      const at = { place: ind.score, value: ind.score.text, indicator: nameOf(ind) };
      const params = { name: nameOf(ind), target: ind.parsed?.raw ?? ind.value.text, actual: ind.actual.text, score: num(score), weight: num(weight) };
      if (met && score < weight - 1e-9) {
        report({ ...at, messageId: "met", params });
        continue;
      }
      if (met) continue;
      // a miss that scoring in proportion would take less than half a point for is within rounding
      const ratio = achievedRatio(ind.parsed, ind.actualParsed) ?? 0;
      const shortfall = weight * (1 - ratio);
      if (score >= weight - 1e-9) {
        if (shortfall >= 0.5) report({ ...at, messageId: "missed", params });
        continue;
      }
      // points deducted: far from the proportional rule (≥ and ≤ targets; an = target has no one rule)
      // (a target of 0 has no proportion: ≤0次 is scored by the local standard)
      const op = ind.parsed?.op ?? null;
      if (op === "=" || !weight || !ind.parsed?.number) continue;
      const expected = weight * ratio;
      if (Math.abs(score - expected) > Math.max(1, weight / 4)) report({ ...at, messageId: "proportional", params: { ...params, ratio: pct(ratio), expected: num(expected) } });
    }
  },
});

const INSTRUCTION_WORDS = /字|对照|结合|针对|请填|请说|说明相关|根据实际/;

/** A template's instructions left where the content goes: 对照年度目标，说明…（100字以内）. */
export function isInstruction(text: string): boolean {
  // nearly every cell has none of these words: no copy of it is made (the rule looks at every cell of a table)
  if (!INSTRUCTION_WORDS.test(text)) return false;
  const t = text.replace(/\s/g, "");
  return /[(（]\d+字(以内|左右)[)）]/.test(t) || /^(对照|结合自评情况|针对项目自评|请填写|请说明|说明相关|根据实际填写)/.test(t);
}

const closingEmpty = defineRule({
  id: "self-evaluation.closing-empty",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "偏差原因、改进措施等栏目没有填写", en: "Closing fields (deviations, improvements) left empty" },
  messages: {
    default: { zh: "“{label}”没有填写。", en: '"{label}" is left empty.' },
  },
  why: { zh: "偏差原因分析、改进措施是自评结论的一部分；空着，自评就没有结论。", en: "The analysis of shortfalls and the improvements are part of the evaluation's conclusion; left empty, it has none." },
  howToFix: { zh: "填写这一栏（没有偏差的，写明“无偏差”）。", en: "Fill in the field (where there was no shortfall, say so)." },
  fixable: "no",
  example: {
    bad: "偏差大或目标未完成原因分析：（空白）",
    good: "偏差大或目标未完成原因分析：无偏差，各项目标均已完成。",
    from: { corpus: "self-evaluation 04", note: "湖北 黄石" },
  },
  check: ({ table, tables, grid }, report) => {
    if (!isSelfEvaluation(table)) return;
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
      report({ place: { row: r, col, address: toA1(r, col) }, value: filled[0][0], params: { label: filled[0][0].trim() } });
    }
  },
});

/** A target as a reviewer compares two: operator, number and unit (≥90% = ≥ 90 %), else the text without spaces. */
function sameTarget(a: string, b: string): boolean {
  const pa = parseValueCached(a);
  const pb = parseValueCached(b);
  if (pa.kind === "quantitative" && pb.kind === "quantitative") return pa.op === pb.op && pa.number === pb.number && (pa.unit ?? "") === (pb.unit ?? "");
  return labelKey(a) === labelKey(b);
}

const againstTarget = defineWorkbookRule({
  id: "self-evaluation.target-changed",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "自评表的指标或指标值与绩效目标表不一致", en: "A self-evaluation whose indicators or targets differ from its target table" },
  messages: {
    changed: {
      zh: "指标“{name}”的年度指标值写作“{value}”，而绩效目标表（{where}）为“{target}”。",
      en: 'The target of "{name}" reads "{value}", but the target table ({where}) says "{target}".',
    },
    dropped: { zh: "绩效目标表（{where}）中的指标“{name}”在自评表中没有。", en: 'Indicator "{name}" of the target table ({where}) is missing from the self-evaluation.' },
  },
  why: { zh: "自评以批复的绩效目标为依据；自评时改动或删去指标，等于事后修改目标。", en: "A self-evaluation is judged against the approved targets; changing or dropping an indicator afterwards rewrites the target after the fact." },
  howToFix: { zh: "按绩效目标表照抄指标和年度指标值，完成情况写在实际完成值。", en: "Copy the indicators and targets from the target table, and report what was achieved as the actual value." },
  fixable: "no",
  example: {
    bad: "目标表：宣传次数 ≥9次；自评表：宣传次数 ≥6次",
    good: "自评表的年度指标值照抄目标表，完成情况写在实际完成值",
    from: { regulation: "财预〔2020〕10号", note: "自评以批复的绩效目标为依据" },
  },
  check: ({ tables }, report) => {
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
          if (place) report({ place, table: s, value: place.text, indicator: ti.name.text, messageId: "dropped", params: { name: ti.name.text, where } });
          continue;
        }
        if (ti.value && si.value && !sameTarget(si.parsed?.raw ?? si.value.text, ti.parsed?.raw ?? ti.value.text))
          report({ place: si.value, table: s, value: si.value.text, indicator: ti.name.text, messageId: "changed", params: { name: ti.name.text, where, value: si.parsed?.raw ?? si.value.text, target: ti.parsed?.raw ?? ti.value.text } });
      }
    }
  },
});

const costActualAboveSpent = defineRule({
  id: "self-evaluation.cost-actual-above-spent",
  category: "self-evaluation",
  severity: "warning",
  title: { zh: "成本指标的实际完成值超过全年执行数", en: "A cost's actual value above the amount spent" },
  messages: {
    default: {
      zh: "成本指标“{name}”的实际完成值为“{actual}”，超过预算执行情况中的全年执行数 {spent}（{spentCell}）；实际成本不会多于实际支出。",
      en: 'cost "{name}" gives "{actual}" as its actual value, more than the {spent} spent ({spentCell}); the actual cost cannot exceed what was spent.',
    },
  },
  why: {
    zh: "成本指标的实际完成值应是实际发生的成本，来自全年执行数；照抄预算数或目标值会让自评失实。",
    en: "A cost's actual value is what the project really cost, taken from the amount spent; copying the budget or the target makes the self-evaluation untrue.",
  },
  howToFix: { zh: "按实际支出填写成本的实际完成值（不超过全年执行数）。", en: "Give the cost actually incurred (no more than the amount spent)." },
  fixable: "no",
  example: { bad: "全年执行数 125.25万 | 市民中心运行维护费 实际完成值 150万", good: "市民中心运行维护费 实际完成值 125.25万", from: { corpus: "self-evaluation 11", note: "湖北 鄂州" } },
  check: ({ table }, report) => {
    if (!isSelfEvaluation(table)) return;
    const spent = table.execution?.total?.spent;
    const unit = spent?.unit ?? table.moneyUnit.unit;
    if (!spent || !unit || !(spent.value > 0)) return;
    const spentYuan = spent.value * moneyFactor(unit);
    for (const ind of table.indicators) {
      if (!ind.actual || !(isCost(ind) || looksLikeCost(nameOf(ind)))) continue;
      const yuan = moneyInYuan(ind.actualParsed);
      // a unit cost (元/人) is no total to compare with the spending
      if (yuan === undefined || isUnitCost(ind, ind.actualParsed) || yuan <= spentYuan * 1.0001 + 0.005) continue;
      report({
        place: ind.actual,
        value: ind.actual.text,
        indicator: nameOf(ind),
        params: { name: nameOf(ind), actual: ind.actual.text, spent: `${num(spent.value)}${unit}`, spentCell: spent.address },
      });
    }
  },
});

export const selfEvaluationRules = [
  executionRate,
  executionScore,
  spentOverBudget,
  executionParts,
  lowRateWithoutReason,
  adjustmentWithoutReason,
  sectionPoints,
  scoreRange,
  total,
  grade,
  actualAsTarget,
  unscored,
  noScoring,
  deductionWithoutReason,
  scoreVsAchievement,
  closingEmpty,
  againstTarget,
  costActualAboveSpent,
];
