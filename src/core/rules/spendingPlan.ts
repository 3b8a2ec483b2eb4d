/** spending-plan: the cumulative 资金支出计划 rises, stays within 100% and ends at 100%; plan text percentages fit its amounts. */
import { readTextPlan } from "../recognize/amountsInText";
import { budgetInYuan } from "./indicators";
import { defineRule } from "./types";

const pct = (share: number) => `${Number((share * 100).toFixed(2))}%`;

const falls = defineRule({
  id: "spending-plan.falls",
  category: "spending-plan",
  severity: "error",
  title: { zh: "累计支出进度出现下降", en: "The cumulative spending plan falls" },
  messages: {
    default: { zh: "{label}累计支出 {value} 低于前一节点 {prevLabel} 的 {prev}；累计进度只能增加。", en: "cumulative spending by {label} ({value}) is below {prev} at {prevLabel}; a cumulative plan cannot fall." },
  },
  why: { zh: "累计支出只增不减；下降的进度多半是把当期比例当成了累计比例。", en: "Cumulative spending only grows; a fall usually means a period's share was written as the cumulative one." },
  howToFix: { zh: "每个节点写到该节点为止的累计支出比例，逐个不减，最后为 100%。", en: "Give at each date the share spent up to that date, never less than the one before, ending at 100%." },
  fixable: "no",
  example: { bad: "3月底 40%，6月底 30%", good: "3月底 10%，6月底 30%，10月底 60%，12月底 100%（种子 000 宣传费）", from: { illustration: "the fixed form is from the seeds" } },
  check: ({ table }, report) => {
    const pts = table.spendingPlan.points;
    for (let i = 1; i < pts.length; i++)
      if (pts[i].share + 1e-9 < pts[i - 1].share)
        report({ place: pts[i], value: pct(pts[i].share), params: { label: pts[i].label, value: pct(pts[i].share), prevLabel: pts[i - 1].label, prev: pct(pts[i - 1].share) } });
  },
});

const over100 = defineRule({
  id: "spending-plan.above-100",
  category: "spending-plan",
  severity: "error",
  title: { zh: "累计支出进度超过 100%", en: "The cumulative spending plan exceeds 100%" },
  messages: {
    default: { zh: "{label}累计支出 {value}，超过 100%。", en: "cumulative spending by {label} is {value}, above 100%." },
  },
  why: { zh: "累计支出不能超过预算的 100%。", en: "Cumulative spending cannot exceed 100% of the budget." },
  howToFix: { zh: "改正该节点的比例，最后一个节点为 100%。", en: "Correct the share at that date; the last date is 100%." },
  fixable: "no",
  example: { bad: "12月底 110%", good: "12月底 100%", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) =>
    table.spendingPlan.points.filter((p) => p.share > 1 + 1e-9).map((p) => ({ place: p, value: pct(p.share), params: { label: p.label, value: pct(p.share) } })),
});

const notComplete = defineRule({
  id: "spending-plan.not-100",
  category: "spending-plan",
  severity: "error",
  title: { zh: "资金支出计划最终没有达到 100%", en: "The spending plan never reaches 100%" },
  messages: {
    default: { zh: "资金支出计划到{label}累计只有 {value}，年底应达到 100%。", en: "the spending plan reaches only {value} by {label}; it should reach 100% by the year end." },
  },
  why: { zh: "预算要在年内用完；计划停在 100% 以下，说明有资金没有安排支出。", en: "The budget is to be spent within the year; a plan that stops short leaves money unplanned." },
  howToFix: { zh: "补上年底节点，累计支出达到 100%。", en: "Add the year-end date with 100% spent." },
  fixable: "no",
  example: { bad: "6月底 50%，10月底 80%（无 12月底）", good: "… 12月底 100%", from: { seed: "000", table: "办公家具及自动化设备购置费" } },
  check: ({ table }) => {
    const pts = table.spendingPlan.points;
    if (pts.length === 0) return [];
    const last = pts[pts.length - 1];
    if (Math.abs(last.share - 1) < 1e-6 || last.share > 1) return [];
    return [{ place: last, value: pct(last.share), params: { label: last.label, value: pct(last.share) } }];
  },
});

const textPercent = defineRule({
  id: "spending-plan.text-percent",
  category: "spending-plan",
  severity: "warning",
  title: { zh: "实施计划文字中的支出比例与金额不符", en: "Percentages in the plan text disagree with its amounts" },
  messages: {
    default: { zh: "项目实施计划中“{period}”写的是 {written}，按所列金额应为 {expected}。", en: 'the plan text gives {written} for "{period}", but its amounts give {expected}.' },
  },
  why: { zh: "实施计划里的比例与金额对不上，至少有一个是错的，支出进度也就无从监控。", en: "When the plan's percentages and amounts disagree, one of them is wrong, and spending cannot be monitored against it." },
  howToFix: { zh: "按预算数重新计算各期比例（或改正金额），使两者一致。", en: "Work the percentages out from the budget again (or correct the amounts) so the two agree." },
  fixable: "no",
  example: { bad: "1-3月30万元，支出11%；4-6月120万元，支出54%……（预算 249 万元）", good: "比例按预算数计算：12%、60%……", from: { seed: "002", table: "公积金信息专网及驻场服务费" } },
  check: ({ table }, report) => {
    const f = table.texts.implementationPlan;
    if (!f) return [];
    const plan = readTextPlan(f.text);
    const periods = plan.periods.filter((p) => p.amount && p.percent !== undefined);
    if (periods.length < 2) return [];
    const budget = budgetInYuan(table)?.yuan;
    const textSum = plan.periods.reduce((s, p) => s + (p.amount?.yuan ?? 0), 0);
    // when the amounts themselves miss the budget, budget-sum.plan-text reports it (and says which
    // total the percentages fit); judging the percentages too would blame the wrong numbers
    if (budget !== undefined && Math.abs(textSum - budget) > Math.max(1, budget * 0.001)) return [];
    const base = budget ?? textSum;
    let cumulative = 0;
    for (const p of plan.periods) {
      cumulative += p.amount?.yuan ?? 0;
      if (!p.amount || p.percent === undefined) continue;
      const expected = ((p.percentKind === "share" ? p.amount.yuan : cumulative) / base) * 100;
      const gap = Math.abs(expected - p.percent);
      if (gap <= 2.5) continue;
      report({ place: f, value: f.text, severity: gap <= 5 ? "info" : "warning", params: { period: p.period, written: `${p.percent}%`, expected: `${expected.toFixed(1)}%` } });
    }
  },
});

export const spendingPlanRules = [falls, over100, notComplete, textPercent];
