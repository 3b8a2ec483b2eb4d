/**
 * cost: a cost is a ceiling. 成本 indicators with ≥ or >; a cost above the project budget after
 * 元/万元/亿元 conversion; cost indicators that add up to more than the budget.
 */
import { budgetInYuan, formatMoney, isUnderCost, isUnitCost, moneyInYuan, nameOf, valueCells } from "./indicators";
import type { Hit, TableRule } from "./types";

const direction: TableRule = {
  id: "cost.direction",
  category: "cost",
  severity: "error",
  title: { zh: "成本指标使用了 ≥ 或 >（成本应设上限 ≤）", en: "A cost indicator with ≥ or > (a cost is a ceiling, ≤)" },
  message: {
    zh: (p) => `${p.cell}：成本指标“${p.name}”写作“${p.value}”；成本指标是支出上限，应使用 ≤，例如“${p.fixed}”。`,
    en: (p) => `${p.cell}: cost indicator "${p.name}" is written "${p.value}"; a cost is a ceiling and takes ≤, e.g. "${p.fixed}".`,
  },
  example: { bad: "全中心物业费总成本 | ≥62.01万元", good: "全中心物业费总成本 | ≤62.01万元", source: "seed 001" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!isUnderCost(ind)) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || (p.op !== "≥" && p.op !== ">")) continue;
        const fixed = `≤${p.number}${p.unit ?? ""}`;
        hits.push({
          place: v.field, value: v.field.text, indicator: nameOf(ind),
          params: { cell: v.field.address, name: nameOf(ind), value: v.field.text, fixed },
          fix: typeof v.field.raw === "string" ? { value: fixed, label: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` }, confirm: true } : undefined,
        });
      }
    }
    return hits;
  },
};

const aboveBudget: TableRule = {
  id: "cost.above-budget",
  category: "cost",
  severity: "error",
  title: { zh: "成本指标超过项目预算", en: "A cost above the project budget" },
  message: {
    zh: (p) => `${p.cell}：成本指标“${p.name}”为“${p.value}”（折合 ${p.converted}），超过项目预算 ${p.budget}（${p.budgetCell}）。`,
    en: (p) => `${p.cell}: cost "${p.name}" is "${p.value}" (${p.converted}), more than the project budget of ${p.budget} (${p.budgetCell}).`,
  },
  check: ({ table }) => {
    const budget = budgetInYuan(table);
    if (!budget) return [];
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!isUnderCost(ind)) continue;
      for (const v of valueCells(ind)) {
        if (isUnitCost(ind, v.parsed)) continue;
        const yuan = moneyInYuan(v.parsed);
        if (yuan === undefined || yuan <= budget.yuan * 1.0001) continue;
        hits.push({
          place: v.field, value: v.field.text, indicator: nameOf(ind),
          params: { cell: v.field.address, name: nameOf(ind), value: v.field.text, converted: formatMoney(yuan, budget.unit), budget: formatMoney(budget.yuan, budget.unit), budgetCell: budget.place.address },
        });
      }
    }
    return hits;
  },
};

const sumAboveBudget: TableRule = {
  id: "cost.sum-above-budget",
  category: "cost",
  severity: "error",
  title: { zh: "各成本指标合计超过项目预算", en: "Cost indicators adding up to more than the budget" },
  message: {
    zh: (p) => `${p.cell}：本表${p.column}成本指标合计 ${p.sum}，超过项目预算 ${p.budget}。`,
    en: (p) => `${p.cell}: the ${p.columnEn} cost indicators of this table add up to ${p.sum}, more than the budget of ${p.budget}.`,
  },
  check: ({ table }) => {
    const budget = budgetInYuan(table);
    if (!budget) return [];
    const hits: Hit[] = [];
    for (const half of [false, true]) {
      let sum = 0;
      let count = 0;
      let first: { row: number; col: number; address: string } | undefined;
      for (const ind of table.indicators) {
        if (!isUnderCost(ind)) continue;
        const v = valueCells(ind).find((x) => x.half === half);
        if (!v || isUnitCost(ind, v.parsed)) continue;
        const yuan = moneyInYuan(v.parsed);
        if (yuan === undefined) continue;
        sum += yuan;
        count++;
        first ??= v.field;
      }
      const limit = half && table.budget.halfYear ? table.budget.halfYear.value * (budget.yuan / budget.amount) : budget.yuan;
      if (count >= 2 && first && sum > limit * 1.0001)
        hits.push({
          place: first,
          params: { cell: first.address, sum: formatMoney(sum, budget.unit), budget: formatMoney(limit, budget.unit), column: half ? "半年" : "", columnEn: half ? "half-year" : "full-year" },
        });
    }
    return hits;
  },
};

export const costRules: TableRule[] = [direction, aboveBudget, sumAboveBudget];
