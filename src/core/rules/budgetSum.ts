/**
 * budget-sum: the budget block adds up — 预算数 = 财政资金 + 其他资金, 财政拨款小计 = its parts,
 * 项目构成 items = total, 本年度金额 vs 项目总金额, half-year not above the full year, amounts in the
 * 项目实施计划 / 项目实施内容 text against the budget. Always in one money unit; undeclared units are said.
 */
import type { Amount, MoneyUnit } from "../model";
import { readAmountGroups, readTextPlan } from "../recognize/amountsInText";
import { MONEY_FACTOR, budgetInYuan, formatMoney, formatNumber } from "./indicators";
import type { Hit, TableRule } from "./types";

const EPS = 0.005;

function near(a: number, b: number, unit: MoneyUnit | null): boolean {
  // amounts are written to 2 decimals in their unit
  const tol = unit === "元" ? 1 : EPS;
  return Math.abs(a - b) <= tol + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function fmt(n: number): string {
  return formatNumber(n, 4);
}

function withUnit(a: Amount): string {
  return `${fmt(a.value)}${a.unit ?? ""}`;
}

const unitUndeclared: TableRule = {
  id: "budget-sum.unit-undeclared",
  category: "budget-sum",
  severity: "warning",
  title: { zh: "预算金额没有注明单位（元/万元）", en: "Budget amounts without a declared unit (元/万元)" },
  message: {
    zh: (p) => `预算数“${p.value}”没有注明金额单位（元还是万元），无法与成本指标核对；请在表中注明“单位：万元”或“（元）”。`,
    en: (p) => `the budget "${p.value}" has no money unit (元 or 万元), so costs cannot be checked against it; add "单位：万元" or "（元）".`,
  },
  example: { bad: "预算数 | 25", good: "预算数（万元） | 25", source: "seed 000 (all tables)" },
  check: ({ table, options }) => {
    if (table.moneyUnit.declared || options.defaultMoneyUnit) return [];
    const a = table.budget.total ?? table.budget.currentYear;
    if (!a) return [];
    return [{ place: a, value: String(a.value), params: { cell: a.address, value: String(a.value) } }];
  },
};

const sourcesTotal: TableRule = {
  id: "budget-sum.sources",
  category: "budget-sum",
  severity: "error",
  title: { zh: "预算数不等于财政资金与其他资金之和", en: "The budget does not equal fiscal plus other funds" },
  message: {
    zh: (p) => `${p.label}为 ${p.total}，但${p.parts}合计 ${p.sum}，相差 ${p.diff}。`,
    en: (p) => `${p.label} is ${p.total}, but ${p.parts} come to ${p.sum} (difference ${p.diff}).`,
  },
  example: { bad: "预算数 25，其中：财政资金 20，其他资金 0", good: "预算数 25 = 财政资金 20 + 其他资金 5", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const b = table.budget;
    const fiscal = b.fiscal ? [b.fiscal] : b.fiscalParts;
    if (!b.total || (fiscal.length === 0 && !b.other)) return [];
    const parts = [...fiscal, b.other, ...b.otherSources, b.carryOver].filter((x): x is Amount => !!x);
    const unit = b.total.unit;
    const sum = parts.reduce((s, a) => s + a.value, 0);
    // “项目金额 164万元，其中：当年市级财政资金 132万元” names one source and leaves the rest unsaid:
    // only more than the total contradicts it
    const onlyPart = parts.length === 1 && (b.sourceLabels ?? 0) <= 1;
    if (onlyPart && sum <= b.total.value + 1e-9) return [];
    // 上年结转 may be listed inside 财政拨款 or beside it: accept either reading
    const sumWithoutCarry = sum - (b.carryOver?.value ?? 0);
    if (near(sum, b.total.value, unit) || near(sumWithoutCarry, b.total.value, unit)) return [];
    return [{
      place: b.total, value: String(b.total.value),
      params: {
        cell: b.total.address, label: b.total.label, total: withUnit(b.total),
        // “其中：财政资金” reads “财政资金” in a sentence
        parts: parts.map((a) => a.label.replace(/^其中[:：]\s*/, "")).join("、"),
        sum: `${fmt(sum)}${unit ?? ""}`, diff: `${fmt(b.total.value - sum)}${unit ?? ""}`,
      },
    }];
  },
};

const uses: TableRule = {
  id: "budget-sum.uses",
  category: "budget-sum",
  severity: "error",
  title: { zh: "资金总额不等于基本支出与项目支出之和", en: "Total funds do not equal basic plus project spending" },
  message: {
    zh: (p) => `${p.label}为 ${p.total}，但${p.parts}合计 ${p.sum}，相差 ${p.diff}。`,
    en: (p) => `${p.label} is ${p.total}, but ${p.parts} come to ${p.sum} (difference ${p.diff}).`,
  },
  example: { bad: "资金总额 3724.39，其中：基本支出 2100.00，项目支出 1500.00", good: "资金总额 3724.39 = 基本支出 2224.39 + 项目支出 1500.00", source: "illustration (部门整体支出绩效目标表)" },
  check: ({ table }) => {
    const b = table.budget;
    const parts = b.uses ?? [];
    if (!b.total || parts.length < 2) return [];
    const unit = b.total.unit;
    const sum = parts.reduce((s, a) => s + a.value, 0);
    if (near(sum, b.total.value, unit)) return [];
    return [{
      place: b.total, value: String(b.total.value),
      params: { cell: b.total.address, label: b.total.label, total: withUnit(b.total), parts: parts.map((a) => a.label.replace(/^其中[:：]\s*/, "")).join("、"), sum: `${fmt(sum)}${unit ?? ""}`, diff: `${fmt(b.total.value - sum)}${unit ?? ""}` },
    }];
  },
};

const fiscalParts: TableRule = {
  id: "budget-sum.fiscal-parts",
  category: "budget-sum",
  severity: "error",
  title: { zh: "财政拨款小计不等于其各项之和", en: "The fiscal subtotal does not equal its parts" },
  message: {
    zh: (p) => `${p.label}为 ${p.total}，其各项（${p.parts}）合计 ${p.sum}。`,
    en: (p) => `${p.label} is ${p.total}; its parts (${p.parts}) add up to ${p.sum}.`,
  },
  example: { bad: "财政拨款 小计 1003.82，一般公共预算资金 1000.00", good: "小计 1003.82 = 一般公共预算资金 1003.82 + 政府性基金 0 + 财政专户 0（种子 001）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const b = table.budget;
    if (!b.fiscal || b.fiscalParts.length === 0) return [];
    const sum = b.fiscalParts.reduce((s, a) => s + a.value, 0);
    // parts all at the template's 0 beside a positive 财政资金 are sources listed beside it, not its parts
    if (sum === 0 && b.fiscal.value > 0) return [];
    const withSources = sum + b.otherSources.reduce((s, a) => s + a.value, 0) + (b.carryOver?.value ?? 0);
    if (near(sum, b.fiscal.value, b.fiscal.unit) || near(withSources, b.fiscal.value, b.fiscal.unit)) return [];
    return [{ place: b.fiscal, value: String(b.fiscal.value), params: { cell: b.fiscal.address, label: b.fiscal.label, total: withUnit(b.fiscal), parts: b.fiscalParts.map((a) => a.label).join("、"), sum: fmt(sum) } }];
  },
};

const components: TableRule = {
  id: "budget-sum.components",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目构成各项之和不等于项目总金额", en: "Project components do not add up to the total" },
  message: {
    zh: (p) => `项目构成各项合计 ${p.sum}，项目总金额为 ${p.total}（${p.totalCell}）。`,
    en: (p) => `the project components add up to ${p.sum}; the project total is ${p.total} (${p.totalCell}).`,
  },
  example: { bad: "项目构成：工资 10,000,000 元 + 五险一金 2,000,000 元，项目总金额 12,210,000 元", good: "各项合计 12,210,000 元（种子 002 政府购买服务（劳务）经费）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const b = table.budget;
    const total = b.currentYear ?? b.total;
    if (!total || b.components.length === 0) return [];
    const sum = b.components.reduce((s, a) => s + a.value, 0);
    if (near(sum, total.value, total.unit)) return [];
    const place = b.components[b.components.length - 1];
    return [{ place, value: String(place.value), params: { cell: place.address, sum: fmt(sum), total: withUnit(total), totalCell: total.address } }];
  },
};

const currentYear: TableRule = {
  id: "budget-sum.current-year",
  category: "budget-sum",
  severity: "warning",
  title: { zh: "一年期项目的本年度金额与项目总金额不一致", en: "This year's amount differs from the total of a one-year project" },
  message: {
    zh: (p) => `项目执行期在同一年内，本年度金额 ${p.current} 却不等于项目总金额 ${p.total}。`,
    en: (p) => `the project runs within one year, yet this year's amount ${p.current} differs from the project total ${p.total}.`,
  },
  example: { bad: "开始 2020-01-01，结束 2020-12-31；项目总金额 12,210,000，本年度金额 11,430,000", good: "一年期项目两者相同（种子 002：12,210,000 / 12,210,000）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const b = table.budget;
    if (!b.total || !b.currentYear || b.total === b.currentYear) return [];
    const y = (s?: string) => /(\d{4})/.exec(s ?? "")?.[1];
    const ys = y(table.period.start?.text);
    const ye = y(table.period.end?.text);
    if (!ys || ys !== ye) return [];
    if (near(b.total.value, b.currentYear.value, b.total.unit)) return [];
    return [{ place: b.currentYear, value: String(b.currentYear.value), params: { cell: b.currentYear.address, current: withUnit(b.currentYear), total: withUnit(b.total) } }];
  },
};

const halfYear: TableRule = {
  id: "budget-sum.half-year-above-full",
  category: "budget-sum",
  severity: "error",
  title: { zh: "半年计划执行数超过全年预算数", en: "Half-year spending above the full-year budget" },
  message: {
    zh: (p) => `半年计划执行数 ${p.half} 超过全年预算数 ${p.full}。`,
    en: (p) => `half-year spending ${p.half} is more than the full-year budget ${p.full}.`,
  },
  example: { bad: "半年（程）计划执行数 1100，全年（程）预算数 1003.82", good: "半年 500，全年 1003.82（种子 001）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const b = table.budget;
    const full = b.fullYearPlanned ?? b.total;
    if (!b.halfYear || !full || b.halfYear.value <= full.value) return [];
    return [{ place: b.halfYear, value: String(b.halfYear.value), params: { cell: b.halfYear.address, half: withUnit(b.halfYear), full: withUnit(full) } }];
  },
};

const planText: TableRule = {
  id: "budget-sum.plan-text",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目实施计划中的金额与预算数不符", en: "Amounts in the implementation plan text disagree with the budget" },
  message: {
    zh: (p) => `项目实施计划中${p.detail}，而预算数为 ${p.budget}（${p.budgetCell}）${p.note}。`,
    en: (p) => `the implementation plan gives${p.detailEn}, but the budget is ${p.budget} (${p.budgetCell})${p.noteEn}.`,
  },
  example: { bad: "1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-11月支出277万元（共1141万元）；项目总金额 12,210,000 元", good: "各期金额合计 1221 万元", source: "seed 002 政府购买服务（劳务）经费" },
  check: ({ table }) => {
    const f = table.texts.implementationPlan;
    const budget = budgetInYuan(table);
    if (!f || !budget) return [];
    const plan = readTextPlan(f.text);
    const spends = plan.periods.filter((p) => p.amount);
    const unit: MoneyUnit = budget.unit === "元" ? "万元" : budget.unit;
    const off = (yuan: number) => Math.abs(yuan - budget.yuan) > Math.max(1, budget.yuan * 0.001);
    const zh: string[] = [];
    const en: string[] = [];
    const sum = spends.reduce((s, p) => s + (p.amount?.yuan ?? 0), 0);
    if (spends.length >= 2 && off(sum)) {
      const parts = spends.map((p) => fmt((p.amount?.yuan ?? 0) / MONEY_FACTOR[unit])).join("+");
      zh.push(`各期金额（${parts}）合计 ${formatMoney(sum, unit)}`);
      en.push(` periods (${parts}) adding up to ${formatMoney(sum, unit)}`);
    }
    for (const t of plan.totals)
      if (off(t.yuan)) {
        zh.push(`写明“${t.text}”`);
        en.push(` "${t.text}"`);
      }
    if (!zh.length) return [];
    // cumulative percentages that fit the text's own sum show where the numbers came from
    const cumulative = spends.filter((p) => p.percentKind === "cumulative" && p.percent !== undefined);
    let acc = 0;
    const fitsText =
      cumulative.length >= 2 &&
      spends.every((p) => {
        acc += p.amount?.yuan ?? 0;
        return p.percent === undefined || p.percentKind !== "cumulative" || Math.abs((acc / sum) * 100 - p.percent) <= 2.5;
      });
    const pcts = cumulative.map((p) => `${p.percent}%`).join("、");
    return [{
      place: f, value: f.text,
      params: {
        cell: f.address, detail: zh.join("，"), detailEn: en.join(" and"), budget: formatMoney(budget.yuan, unit), budgetCell: budget.place.address,
        note: fitsText ? `；文中的累计比例 ${pcts} 是按 ${formatMoney(sum, unit)} 而不是预算数算的` : "",
        noteEn: fitsText ? `; its cumulative percentages ${pcts} fit ${formatMoney(sum, unit)}, not the budget` : "",
      },
    }];
  },
};

const contentText: TableRule = {
  id: "budget-sum.content-text",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目实施内容中的分项金额与小计或预算数不符", en: "Amounts in the implementation content disagree with their subtotal or the budget" },
  message: {
    zh: (p) => `${p.what}`,
    en: (p) => `${p.whatEn}`,
  },
  example: { bad: "业务成本费100万，包括会议费10.8万，培训费40万", good: "业务成本费386.76万 = 会议费10.8万 + 培训费40万 + …（种子 001，各项相加正好）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const f = table.texts.implementationContent;
    const budget = budgetInYuan(table);
    if (!f) return [];
    const groups = readAmountGroups(f.text);
    const hits: Hit[] = [];
    const unit: MoneyUnit = budget?.unit === "元" ? "万元" : (budget?.unit ?? "万元");
    for (const g of groups) {
      const sum = g.parts.reduce((s, p) => s + p.amount.yuan, 0);
      if (Math.abs(sum - g.total.yuan) > Math.max(1, g.total.yuan * 0.0005))
        hits.push({ place: f, value: f.text, params: { cell: f.address, what: `“${g.label}${g.total.text}”所列各项合计 ${formatMoney(sum, unit)}，与 ${g.total.text} 不符。`, whatEn: `the items of "${g.label} ${g.total.text}" add up to ${formatMoney(sum, unit)}, not ${g.total.text}.` } });
    }
    if (budget && groups.length >= 2) {
      const total = groups.reduce((s, g) => s + g.total.yuan, 0);
      if (Math.abs(total - budget.yuan) > Math.max(1, budget.yuan * 0.0005))
        hits.push({ place: f, value: f.text, params: { cell: f.address, what: `各部分金额合计 ${formatMoney(total, unit)}，与预算数 ${formatMoney(budget.yuan, unit)} 不符。`, whatEn: `the parts add up to ${formatMoney(total, unit)}, not the budget of ${formatMoney(budget.yuan, unit)}.` } });
    }
    return hits;
  },
};

export const budgetSumRules: TableRule[] = [unitUndeclared, sourcesTotal, uses, fiscalParts, components, currentYear, halfYear, planText, contentText];
