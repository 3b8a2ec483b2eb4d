/** spending-plan: the cumulative 资金支出计划 rises, stays within 100% and ends at 100%; plan text percentages fit its amounts. */
import { readTextPlan } from "../recognize/amountsInText";
import { budgetInYuan } from "./indicators";
import type { Hit, TableRule } from "./types";

const pct = (share: number) => `${Number((share * 100).toFixed(2))}%`;

const falls: TableRule = {
  id: "spending-plan.falls",
  category: "spending-plan",
  severity: "error",
  title: { zh: "累计支出进度出现下降", en: "The cumulative spending plan falls" },
  message: {
    zh: (p) => `${p.label}累计支出 ${p.value} 低于前一节点 ${p.prevLabel} 的 ${p.prev}；累计进度只能增加。`,
    en: (p) => `cumulative spending by ${p.label} (${p.value}) is below ${p.prev} at ${p.prevLabel}; a cumulative plan cannot fall.`,
  },
  example: { bad: "3月底 40%，6月底 30%", good: "3月底 10%，6月底 30%，10月底 60%，12月底 100%（种子 000 宣传费）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    const pts = table.plan.points;
    for (let i = 1; i < pts.length; i++)
      if (pts[i].share + 1e-9 < pts[i - 1].share)
        hits.push({ place: pts[i], value: pct(pts[i].share), params: { cell: pts[i].address, label: pts[i].label, value: pct(pts[i].share), prevLabel: pts[i - 1].label, prev: pct(pts[i - 1].share) } });
    return hits;
  },
};

const over100: TableRule = {
  id: "spending-plan.above-100",
  category: "spending-plan",
  severity: "error",
  title: { zh: "累计支出进度超过 100%", en: "The cumulative spending plan exceeds 100%" },
  message: {
    zh: (p) => `${p.label}累计支出 ${p.value}，超过 100%。`,
    en: (p) => `cumulative spending by ${p.label} is ${p.value}, above 100%.`,
  },
  example: { bad: "12月底 110%", good: "12月底 100%", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) =>
    table.plan.points
      .filter((p) => p.share > 1 + 1e-9)
      .map((p): Hit => ({ place: p, value: pct(p.share), params: { cell: p.address, label: p.label, value: pct(p.share) } })),
};

const notComplete: TableRule = {
  id: "spending-plan.not-100",
  category: "spending-plan",
  severity: "error",
  title: { zh: "资金支出计划最终没有达到 100%", en: "The spending plan never reaches 100%" },
  message: {
    zh: (p) => `资金支出计划到${p.label}累计只有 ${p.value}，年底应达到 100%。`,
    en: (p) => `the spending plan reaches only ${p.value} by ${p.label}; it should reach 100% by the year end.`,
  },
  example: { bad: "6月底 50%，10月底 80%（无 12月底）", good: "… 12月底 100%", source: "seed 000 办公家具及自动化设备购置费" },
  check: ({ table }) => {
    const pts = table.plan.points;
    if (pts.length === 0) return [];
    const last = pts[pts.length - 1];
    if (Math.abs(last.share - 1) < 1e-6 || last.share > 1) return [];
    return [{ place: last, value: pct(last.share), params: { cell: last.address, label: last.label, value: pct(last.share) } }];
  },
};

const textPercent: TableRule = {
  id: "spending-plan.text-percent",
  category: "spending-plan",
  severity: "warning",
  title: { zh: "实施计划文字中的支出比例与金额不符", en: "Percentages in the plan text disagree with its amounts" },
  message: {
    zh: (p) => `项目实施计划中“${p.period}”写的是 ${p.written}，按所列金额应为 ${p.expected}${p.note}。`,
    en: (p) => `the plan text gives ${p.written} for "${p.period}", but its amounts give ${p.expected}${p.noteEn}.`,
  },
  example: { bad: "1-3月30万元，支出11%；4-6月120万元，支出54%……（预算 249 万元）", good: "比例按预算数计算：12%、60%……", source: "seed 002 公积金信息专网及驻场服务费" },
  check: ({ table }) => {
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
    const hits: Hit[] = [];
    let cumulative = 0;
    for (const p of plan.periods) {
      cumulative += p.amount?.yuan ?? 0;
      if (!p.amount || p.percent === undefined) continue;
      const expected = ((p.percentKind === "share" ? p.amount.yuan : cumulative) / base) * 100;
      const gap = Math.abs(expected - p.percent);
      if (gap <= 2.5) continue;
      hits.push({
        place: f, value: f.text, severity: gap <= 5 ? "info" : "warning",
        params: { cell: f.address, period: p.period, written: `${p.percent}%`, expected: `${expected.toFixed(1)}%`, note: "", noteEn: "" },
      });
    }
    return hits;
  },
};

export const spendingPlanRules: TableRule[] = [falls, over100, notComplete, textPercent];
