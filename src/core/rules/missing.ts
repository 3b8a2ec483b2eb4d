/** missing: required fields left empty — 指标值, 三级 name, 指标值确定依据, 绩效目标, 项目名称, 预算数, spending plan. */
import { toA1 } from "../grid";
import type { IndicatorRow, Place, TargetTable } from "../model";
import { nameOf } from "./indicators";
import type { Hit, TableRule } from "./types";

/**
 * The empty cell of a row under the header's column `col`: where the row, shifted as it was read,
 * would hold it; the header's own column when the shift would put it beyond the table.
 */
function emptyCellOf(t: TargetTable, ind: IndicatorRow, col: number): Place {
  const shifted = col + ind.shift;
  const c = shifted >= t.range.left && shifted <= t.range.right ? shifted : col;
  return { row: ind.row, col: c, address: toA1(ind.row, c) };
}

const value: TableRule = {
  id: "missing.value",
  category: "missing",
  severity: "error",
  title: { zh: "三级指标没有填写指标值", en: "A level-3 indicator without a target value" },
  message: {
    zh: (p) => `指标“${p.name}”没有填写${p.column}。`,
    en: (p) => `indicator "${p.name}" has no ${p.columnEn}.`,
  },
  example: { bad: "宣传工作完成率 | （指标值空白）", good: "宣传工作完成率 | ≥90%", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    const h = table.header;
    if (!h) return hits;
    for (const ind of table.indicators) {
      if (!ind.name) continue;
      for (const [role, zh, en] of [
        // header text as a phrase: “全年（程） 指标值” (a line break in the header cell) reads “全年（程）指标值”
        ["value", h.labels.value?.text.replace(/\s+/g, "") ?? "指标值", h.columns.halfValue !== undefined ? "full-year target value" : "target value"],
        ["halfValue", h.labels.halfValue?.text.replace(/\s+/g, "") ?? "半年指标值", "half-year target value"],
      ] as const) {
        const col = h.columns[role];
        if (col === undefined || ind[role]) continue;
        const place = emptyCellOf(table, ind, col);
        hits.push({ place, indicator: nameOf(ind), params: { cell: place.address, name: nameOf(ind), column: zh, columnEn: en } });
      }
    }
    return hits;
  },
};

const name: TableRule = {
  id: "missing.name",
  category: "missing",
  severity: "error",
  title: { zh: "有指标值却没有三级指标名称", en: "A target value without a level-3 indicator name" },
  message: {
    zh: (p) => `这一行填写了指标值“${p.value}”，但没有三级指标名称。`,
    en: (p) => `this row has the value "${p.value}" but no level-3 indicator name.`,
  },
  example: { bad: "（三级指标空白） | ≥95%", good: "宣传工作完成率 | ≥95%", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const h = table.header;
    if (!h || h.columns.level3 === undefined) return [];
    return table.indicators
      .filter((i) => !i.name && (i.value || i.halfValue))
      .map((i): Hit => {
        const place = emptyCellOf(table, i, h.columns.level3 as number);
        const v = (i.value ?? i.halfValue)?.text ?? "";
        return { place, value: v, params: { cell: place.address, value: v } };
      });
  },
};

const basis: TableRule = {
  id: "missing.basis",
  category: "missing",
  severity: "warning",
  title: { zh: "没有填写指标值确定依据", en: "No basis for the target value" },
  message: {
    zh: (p) =>
      p.column
        ? `“${p.column}”一栏整栏空白，${p.count} 项指标都没有填写指标值确定依据（计划标准、历史标准、行业标准或预算支出标准）。`
        : `指标“${p.name}”没有填写指标值确定依据（计划标准、历史标准、行业标准或预算支出标准）。`,
    en: (p) =>
      p.column
        ? `the column "${p.column}" is empty from top to bottom: none of the ${p.count} indicators gives a basis for its target (plan, historical, industry or budget standard).`
        : `indicator "${p.name}" gives no basis for its target (plan, historical, industry or budget standard).`,
  },
  example: { bad: "提高工作积极性 | 明显提高 | （空）", good: "… | 计划标准", source: "seed 000 预留奖励绩效工资" },
  check: ({ table }) => {
    const h = table.header;
    if (!h || h.columns.basis === undefined) return [];
    const named = table.indicators.filter((i) => i.name);
    const without = named.filter((i) => !i.basis);
    // a column left empty from top to bottom is one problem, reported once, on its first cell
    if (without.length > 1 && without.length === named.length) {
      const place = emptyCellOf(table, without[0], h.columns.basis);
      const column = h.labels.basis?.text.replace(/\s+/g, "") ?? "指标值确定依据";
      return [{ place, params: { cell: place.address, name: "", column, count: without.length } }];
    }
    return without.map((i): Hit => {
      const place = emptyCellOf(table, i, h.columns.basis as number);
      return { place, indicator: nameOf(i), params: { cell: place.address, name: nameOf(i), column: "", count: 1 } };
    });
  },
};

/** Where a missing header field is reported: the empty cell beside its label (a template without the field has nothing missing). */
function fieldPlace(t: TargetTable, role: "project" | "goal" | "budget"): Place | undefined {
  return t.slots[role]?.empty;
}

const projectName: TableRule = {
  id: "missing.project-name",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写项目名称", en: "No project name" },
  message: {
    zh: () => `这张绩效目标表没有填写项目名称。`,
    en: () => `this target table has no project name.`,
  },
  example: { bad: "项目名称：（空白）", good: "项目名称：宣传费", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    if (table.projectName) return [];
    const place = fieldPlace(table, "project");
    return place ? [{ place, params: { cell: place.address } }] : [];
  },
};

const goal: TableRule = {
  id: "missing.goal",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写绩效目标", en: "No performance goal" },
  message: {
    zh: (p) => `${p.project ? `项目“${p.project}”` : "本表"}没有填写绩效目标（年度目标）。`,
    en: (p) => `${p.project ? `project "${p.project}"` : "this table"} states no performance goal.`,
  },
  example: { bad: "绩效目标 / 目标1：（空白）", good: "目标1：加大住房公积金政策宣传力度，扩大社会影响力。", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    // only a template that has a goal field: its label is there and its value is empty
    if (table.texts.goals.length > 0 || !table.slots.goal) return [];
    const place = table.slots.goal.empty;
    return [{ place, params: { cell: place.address, project: table.projectName?.text ?? "" } }];
  },
};

const budget: TableRule = {
  id: "missing.budget",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写预算数（资金总额）", en: "No budget (total funds)" },
  message: {
    zh: (p) => `${p.project ? `项目“${p.project}”` : "本表"}没有填写预算数/资金总额。`,
    en: (p) => `${p.project ? `project "${p.project}"` : "this table"} gives no budget (total funds).`,
  },
  example: { bad: "预算数：（空白），其中：财政资金：（空白）", good: "预算数 25，其中：财政资金 25", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    // only a template that has a budget field: its label is there and its amount is empty
    const b = table.budget;
    if (!table.header || !table.slots.budget || b.total || b.currentYear || b.fiscal || b.fiscalParts.length || b.components.length) return [];
    const place = table.slots.budget.empty;
    return [{ place, params: { cell: place.address, project: table.projectName?.text ?? "" } }];
  },
};

const spendingPlan: TableRule = {
  id: "missing.spending-plan",
  category: "missing",
  severity: "error",
  title: { zh: "资金支出计划没有填写", en: "Spending plan left empty" },
  message: {
    zh: () => `资金支出计划（各时间节点累计支出进度）没有填写。`,
    en: () => `the spending plan (cumulative share spent by each date) is empty.`,
  },
  example: { bad: "资金支出计划（%）：3月底/6月底/10月底/12月底 均空白", good: "… 12月底 100%", source: "seed 000 法律顾问经费" },
  check: ({ table }) => {
    const plan = table.plan;
    if (!plan.label || plan.points.length > 0 || plan.unreadable.length > 0) return [];
    return [{ place: plan.label, value: plan.label.text, params: { cell: plan.label.address } }];
  },
};

export const missingRules: TableRule[] = [projectName, budget, goal, spendingPlan, name, value, basis];
