/**
 * budget-sum: the budget block adds up — 预算数 = 财政资金 + 其他资金, 财政拨款小计 = its parts,
 * 项目构成 items = total, 本年度金额 vs 项目总金额, half-year not above the full year, amounts in the
 * 项目实施计划 / 项目实施内容 text against the budget. Always in one money unit; undeclared units are said.
 */
import type { Amount, MoneyUnit } from "../model";
import { readAmountGroups, readTextPlan } from "../recognize/amountsInText";
import { formatBoth, type Bilingual } from "../i18n";
import { moneyFactor } from "../value/units";
import { budgetInYuan, formatMoney, formatNumber } from "./indicators";
import { defineRule } from "./types";

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

const unitUndeclared = defineRule({
  id: "budget-sum.unit-undeclared",
  category: "budget-sum",
  severity: "warning",
  title: { zh: "预算金额没有注明单位（元/万元）", en: "Budget amounts without a declared unit (元/万元)" },
  messages: {
    default: {
      zh: "预算数“{value}”没有注明金额单位（元还是万元），无法与成本指标核对；请在表中注明“单位：万元”或“（元）”。",
      en: 'the budget "{value}" has no money unit (元 or 万元), so costs cannot be checked against it; add "单位：万元" or "（元）".',
    },
  },
  why: { zh: "不注明元还是万元，预算数 25 可能是 25 元也可能是 25 万元，成本指标无从核对。", en: "Without 元 or 万元 a budget of 25 may be 25 元 or 250,000 元, and the costs cannot be checked against it." },
  howToFix: { zh: "在表头或金额旁注明“单位：万元”或“（元）”（批量检查可在配置中设定默认单位 moneyUnit）。", en: "State 单位：万元 or （元） in the table (for a batch, the configuration's moneyUnit sets a default)." },
  fixable: "no",
  example: { bad: "预算数 | 25", good: "预算数（万元） | 25", from: { seed: "000", table: "(all tables)" } },
  check: ({ table, options }) => {
    if (table.moneyUnit.declared || options.defaultMoneyUnit) return [];
    const a = table.budget.total ?? table.budget.currentYear;
    if (!a) return [];
    return [{ place: a, value: String(a.value), params: { value: String(a.value) } }];
  },
});

/** A total against the sum of its parts (budget-sum.sources and .uses). */
const TOTAL_VS_PARTS = {
  zh: "{label}为 {total}，但{parts}合计 {sum}，相差 {diff}。",
  en: "{label} is {total}, but {parts} come to {sum} (difference {diff}).",
} as const;

const sourcesTotal = defineRule({
  id: "budget-sum.sources",
  category: "budget-sum",
  severity: "error",
  title: { zh: "预算数不等于财政资金与其他资金之和", en: "The budget does not equal fiscal plus other funds" },
  messages: { default: TOTAL_VS_PARTS },
  why: { zh: "预算数是各项资金来源之和；两者不等，预算数或某项来源写错了。", en: "The budget is the sum of its sources; when they differ, the budget or a source is wrong." },
  howToFix: { zh: "核对预算数和财政资金、其他资金、上年结转，使合计相等。", en: "Check the budget against fiscal funds, other funds and carry-over so they add up." },
  fixable: "no",
  example: { bad: "预算数 25，其中：财政资金 20，其他资金 0", good: "预算数 25 = 财政资金 20 + 其他资金 5", from: { illustration: "no such mistake in the seeds" } },
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
        label: b.total.label, total: withUnit(b.total),
        // “其中：财政资金” reads “财政资金” in a sentence
        parts: parts.map((a) => a.label.replace(/^其中[:：]\s*/, "")).join("、"),
        sum: `${fmt(sum)}${unit ?? ""}`, diff: `${fmt(Math.abs(b.total.value - sum))}${unit ?? ""}`,
      },
    }];
  },
});

const uses = defineRule({
  id: "budget-sum.uses",
  category: "budget-sum",
  severity: "error",
  title: { zh: "资金总额不等于基本支出与项目支出之和", en: "Total funds do not equal basic plus project spending" },
  messages: { default: TOTAL_VS_PARTS },
  why: { zh: "部门整体支出的资金总额是基本支出与项目支出之和；不等，至少一项写错了。", en: "A department's total funds are its basic plus project spending; when they differ, one of them is wrong." },
  howToFix: { zh: "核对资金总额与基本支出、项目支出，使合计相等。", en: "Check the total against basic and project spending so they add up." },
  fixable: "no",
  example: { bad: "资金总额 3724.39，其中：基本支出 2100.00，项目支出 1500.00", good: "资金总额 3724.39 = 基本支出 2224.39 + 项目支出 1500.00", from: { illustration: "部门整体支出绩效目标表" } },
  check: ({ table }) => {
    const b = table.budget;
    const parts = b.uses ?? [];
    if (!b.total || parts.length < 2) return [];
    const unit = b.total.unit;
    const sum = parts.reduce((s, a) => s + a.value, 0);
    if (near(sum, b.total.value, unit)) return [];
    return [{
      place: b.total, value: String(b.total.value),
      params: { label: b.total.label, total: withUnit(b.total), parts: parts.map((a) => a.label.replace(/^其中[:：]\s*/, "")).join("、"), sum: `${fmt(sum)}${unit ?? ""}`, diff: `${fmt(Math.abs(b.total.value - sum))}${unit ?? ""}` },
    }];
  },
});

const fiscalParts = defineRule({
  id: "budget-sum.fiscal-parts",
  category: "budget-sum",
  severity: "error",
  title: { zh: "财政拨款小计不等于其各项之和", en: "The fiscal subtotal does not equal its parts" },
  messages: {
    default: { zh: "{label}为 {total}，其各项（{parts}）合计 {sum}。", en: "{label} is {total}; its parts ({parts}) add up to {sum}." },
  },
  why: { zh: "财政拨款小计是其各项之和；不等，小计或某一项写错了。", en: "The fiscal subtotal is the sum of its parts; when they differ, the subtotal or a part is wrong." },
  howToFix: { zh: "核对小计与一般公共预算、政府性基金、财政专户等各项，使合计相等。", en: "Check the subtotal against its parts (general budget, government funds, special accounts …) so they add up." },
  fixable: "no",
  example: {
    bad: "财政拨款 小计 1003.82，一般公共预算资金 1000.00",
    good: "小计 1003.82 = 一般公共预算资金 1003.82 + 政府性基金 0 + 财政专户 0（种子 001）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }) => {
    const b = table.budget;
    if (!b.fiscal || b.fiscalParts.length === 0) return [];
    const sum = b.fiscalParts.reduce((s, a) => s + a.value, 0);
    // parts all at the template's 0 beside a positive 财政资金 are sources listed beside it, not its parts
    if (sum === 0 && b.fiscal.value > 0) return [];
    const withSources = sum + b.otherSources.reduce((s, a) => s + a.value, 0) + (b.carryOver?.value ?? 0);
    if (near(sum, b.fiscal.value, b.fiscal.unit) || near(withSources, b.fiscal.value, b.fiscal.unit)) return [];
    return [{ place: b.fiscal, value: String(b.fiscal.value), params: { label: b.fiscal.label, total: withUnit(b.fiscal), parts: b.fiscalParts.map((a) => a.label).join("、"), sum: fmt(sum) } }];
  },
});

const components = defineRule({
  id: "budget-sum.components",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目构成各项之和不等于项目总金额", en: "Project components do not add up to the total" },
  messages: {
    default: { zh: "项目构成各项合计 {sum}，项目总金额为 {total}（{totalCell}）。", en: "the project components add up to {sum}; the project total is {total} ({totalCell})." },
  },
  why: { zh: "项目构成列出项目资金的用途，合计应等于项目总金额。", en: "The components list what the project's money is for; they should add up to its total." },
  howToFix: { zh: "核对各项金额和项目总金额，使合计相等。", en: "Check the components and the total so they add up." },
  fixable: "no",
  example: {
    bad: "项目构成：工资 10,000,000 元 + 五险一金 2,000,000 元，项目总金额 12,210,000 元",
    good: "各项合计 12,210,000 元（种子 002 政府购买服务（劳务）经费）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }) => {
    const b = table.budget;
    const total = b.currentYear ?? b.total;
    if (!total || b.components.length === 0) return [];
    const sum = b.components.reduce((s, a) => s + a.value, 0);
    if (near(sum, total.value, total.unit)) return [];
    const place = b.components[b.components.length - 1];
    return [{ place, value: String(place.value), params: { sum: fmt(sum), total: withUnit(total), totalCell: total.address } }];
  },
});

const currentYear = defineRule({
  id: "budget-sum.current-year",
  category: "budget-sum",
  severity: "warning",
  title: { zh: "一年期项目的本年度金额与项目总金额不一致", en: "This year's amount differs from the total of a one-year project" },
  messages: {
    default: {
      zh: "项目执行期在同一年内，本年度金额 {current} 却不等于项目总金额 {total}。",
      en: "the project runs within one year, yet this year's amount {current} differs from the project total {total}.",
    },
  },
  why: { zh: "项目在一年内执行完，本年度金额就是项目总金额；不等，说明其中一个写错了。", en: "A project that runs within one year spends its whole total this year; when the two differ, one is wrong." },
  howToFix: { zh: "核对本年度金额、项目总金额和执行期。", en: "Check this year's amount, the total and the project period." },
  fixable: "no",
  example: {
    bad: "开始 2020-01-01，结束 2020-12-31；项目总金额 12,210,000，本年度金额 11,430,000",
    good: "一年期项目两者相同（种子 002：12,210,000 / 12,210,000）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }) => {
    const b = table.budget;
    if (!b.total || !b.currentYear || b.total === b.currentYear) return [];
    const y = (s?: string) => /(\d{4})/.exec(s ?? "")?.[1];
    const ys = y(table.period.start?.text);
    const ye = y(table.period.end?.text);
    if (!ys || ys !== ye) return [];
    if (near(b.total.value, b.currentYear.value, b.total.unit)) return [];
    return [{ place: b.currentYear, value: String(b.currentYear.value), params: { current: withUnit(b.currentYear), total: withUnit(b.total) } }];
  },
});

const halfYear = defineRule({
  id: "budget-sum.half-year-above-full",
  category: "budget-sum",
  severity: "error",
  title: { zh: "半年计划执行数超过全年预算数", en: "Half-year spending above the full-year budget" },
  messages: {
    default: { zh: "半年计划执行数 {half} 超过全年预算数 {full}。", en: "half-year spending {half} is more than the full-year budget {full}." },
  },
  why: { zh: "半年的计划执行数是全年预算的一部分，不会超过全年。", en: "Half-year spending is part of the year's budget and cannot exceed it." },
  howToFix: { zh: "核对半年计划执行数和全年预算数。", en: "Check the half-year and full-year amounts." },
  fixable: "no",
  example: { bad: "半年（程）计划执行数 1100，全年（程）预算数 1003.82", good: "半年 500，全年 1003.82（种子 001）", from: { illustration: "the fixed form is from the seeds" } },
  check: ({ table }) => {
    const b = table.budget;
    const full = b.fullYearPlanned ?? b.total;
    if (!b.halfYear || !full || b.halfYear.value <= full.value) return [];
    return [{ place: b.halfYear, value: String(b.halfYear.value), params: { half: withUnit(b.halfYear), full: withUnit(full) } }];
  },
});

/** What the plan text says that misses the budget: its periods' sum, or a total it writes. */
const PLAN_SAYS = {
  periods: { zh: "各期金额（{parts}）合计 {sum}", en: " periods ({parts}) adding up to {sum}" },
  total: { zh: "写明“{text}”", en: ' "{text}"' },
};

const PLAN_VS_BUDGET_ZH = "项目实施计划中{detail}，而预算数为 {budget}（{budgetCell}）";
const PLAN_VS_BUDGET_EN = "the implementation plan gives{detail}, but the budget is {budget} ({budgetCell})";

const planText = defineRule({
  id: "budget-sum.plan-text",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目实施计划中的金额与预算数不符", en: "Amounts in the implementation plan text disagree with the budget" },
  messages: {
    default: { zh: `${PLAN_VS_BUDGET_ZH}。`, en: `${PLAN_VS_BUDGET_EN}.` },
    percents: {
      zh: `${PLAN_VS_BUDGET_ZH}；文中的累计比例 {percents} 是按 {textSum} 而不是预算数算的。`,
      en: `${PLAN_VS_BUDGET_EN}; its cumulative percentages {percents} fit {textSum}, not the budget.`,
    },
  },
  why: { zh: "实施计划里各期的金额应当合计为预算数；对不上，计划或预算至少有一个是错的。", en: "The plan's amounts should add up to the budget; when they do not, the plan or the budget is wrong." },
  howToFix: { zh: "按预算数重新分配各期金额，或改正预算数。", en: "Share the budget out over the periods again, or correct the budget." },
  fixable: "no",
  example: {
    bad: "1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-11月支出277万元（共1141万元）；项目总金额 12,210,000 元",
    good: "各期金额合计 1221 万元",
    from: { seed: "002", table: "政府购买服务（劳务）经费" },
  },
  check: ({ table }, report) => {
    const f = table.texts.implementationPlan;
    const budget = budgetInYuan(table);
    if (!f || !budget) return;
    const plan = readTextPlan(f.text);
    const spends = plan.periods.filter((p) => p.amount);
    const unit: MoneyUnit = budget.unit === "元" ? "万元" : budget.unit;
    const off = (yuan: number) => Math.abs(yuan - budget.yuan) > Math.max(1, budget.yuan * 0.001);
    const says: Bilingual[] = [];
    const sum = spends.reduce((s, p) => s + (p.amount?.yuan ?? 0), 0);
    if (spends.length >= 2 && off(sum)) {
      const parts = spends.map((p) => fmt((p.amount?.yuan ?? 0) / moneyFactor(unit))).join("+");
      says.push(formatBoth(PLAN_SAYS.periods, { parts, sum: formatMoney(sum, unit) }));
    }
    for (const t of plan.totals) if (off(t.yuan)) says.push(formatBoth(PLAN_SAYS.total, { text: t.text }));
    if (!says.length) return;
    // cumulative percentages that fit the text's own sum show where the numbers came from
    const cumulative = spends.filter((p) => p.percentKind === "cumulative" && p.percent !== undefined);
    let acc = 0;
    const fitsText =
      cumulative.length >= 2 &&
      spends.every((p) => {
        acc += p.amount?.yuan ?? 0;
        return p.percent === undefined || p.percentKind !== "cumulative" || Math.abs((acc / sum) * 100 - p.percent) <= 2.5;
      });
    const params = {
      detail: { zh: says.map((x) => x.zh).join("，"), en: says.map((x) => x.en).join(" and") },
      budget: formatMoney(budget.yuan, unit),
      budgetCell: budget.place.address,
    };
    if (!fitsText) return void report({ place: f, value: f.text, params });
    const percents = cumulative.map((p) => `${p.percent}%`).join("、");
    report({ place: f, value: f.text, messageId: "percents", params: { ...params, percents, textSum: formatMoney(sum, unit) } });
  },
});

const contentText = defineRule({
  id: "budget-sum.content-text",
  category: "budget-sum",
  severity: "error",
  title: { zh: "项目实施内容中的分项金额与小计或预算数不符", en: "Amounts in the implementation content disagree with their subtotal or the budget" },
  messages: {
    group: { zh: "“{label}{total}”所列各项合计 {sum}，与 {total} 不符。", en: 'the items of "{label} {total}" add up to {sum}, not {total}.' },
    budget: { zh: "各部分金额合计 {sum}，与预算数 {budget} 不符。", en: "the parts add up to {sum}, not the budget of {budget}." },
  },
  why: { zh: "实施内容里的分项金额应当合计为其小计，各部分合计为预算数；对不上，说明有金额写错或漏列。", en: "The items of the implementation content should add up to their subtotal, and the parts to the budget; when they do not, an amount is wrong or missing." },
  howToFix: { zh: "核对各项金额，使分项合计等于小计、各部分合计等于预算数。", en: "Check the amounts so the items add up to their subtotal and the parts to the budget." },
  fixable: "no",
  example: {
    bad: "业务成本费100万，包括会议费10.8万，培训费40万",
    good: "业务成本费386.76万 = 会议费10.8万 + 培训费40万 + …（种子 001，各项相加正好）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }, report) => {
    const f = table.texts.implementationContent;
    const budget = budgetInYuan(table);
    if (!f) return;
    const groups = readAmountGroups(f.text);
    const unit: MoneyUnit = budget?.unit === "元" ? "万元" : (budget?.unit ?? "万元");
    for (const g of groups) {
      const sum = g.parts.reduce((s, p) => s + p.amount.yuan, 0);
      if (Math.abs(sum - g.total.yuan) > Math.max(1, g.total.yuan * 0.0005))
        report({ place: f, value: f.text, messageId: "group", params: { label: g.label, total: g.total.text, sum: formatMoney(sum, unit) } });
    }
    if (budget && groups.length >= 2) {
      const total = groups.reduce((s, g) => s + g.total.yuan, 0);
      if (Math.abs(total - budget.yuan) > Math.max(1, budget.yuan * 0.0005))
        report({ place: f, value: f.text, messageId: "budget", params: { sum: formatMoney(total, unit), budget: formatMoney(budget.yuan, unit) } });
    }
  },
});

export const budgetSumRules = [unitUndeclared, sourcesTotal, uses, fiscalParts, components, currentYear, halfYear, planText, contentText];
