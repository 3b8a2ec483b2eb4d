/** missing: required fields left empty — 指标值, 三级 name, 指标值确定依据, 绩效目标, 项目名称, 预算数, spending plan. */
import { toA1 } from "../grid";
import type { IndicatorRow, Place, TargetTable } from "../model";
import { nameOf } from "./indicators";
import { defineRule } from "./types";

/**
 * The empty cell of a row under the header's column `col`: where the row, shifted as it was read,
 * would hold it; the header's own column when the shift would put it beyond the table.
 */
function emptyCellOf(t: TargetTable, ind: IndicatorRow, col: number): Place {
  const shifted = col + ind.shift;
  const c = shifted >= t.range.left && shifted <= t.range.right ? shifted : col;
  return { row: ind.row, col: c, address: toA1(ind.row, c) };
}

const value = defineRule({
  id: "missing.value",
  category: "missing",
  severity: "error",
  title: { zh: "三级指标没有填写指标值", en: "A level-3 indicator without a target value" },
  messages: {
    default: { zh: "指标“{name}”没有填写{column}。", en: 'indicator "{name}" has no {column}.' },
  },
  why: { zh: "没有指标值，绩效目标就无从衡量，评审时会被退回。", en: "Without a target value the indicator measures nothing; a reviewer sends the table back." },
  howToFix: { zh: "填写“运算符 + 数值 + 单位”形式的指标值，如 ≥90%、≤25万元、12月31日前。", en: "Enter the target as operator, number and unit: ≥90%, ≤25万元, 12月31日前." },
  fixable: "no",
  example: { bad: "宣传工作完成率 | （指标值空白）", good: "宣传工作完成率 | ≥90%", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    const h = table.header;
    if (!h) return;
    for (const ind of table.indicators) {
      // an indicator given in parts has its targets on the rows under it
      if (!ind.name || ind.parts) continue;
      for (const [role, zh, en] of [
        // header text as a phrase: “全年（程） 指标值” (a line break in the header cell) reads “全年（程）指标值”
        ["value", h.labels.value?.text.replace(/\s+/g, "") ?? "指标值", h.columns.halfValue !== undefined ? "full-year target value" : "target value"],
        ["halfValue", h.labels.halfValue?.text.replace(/\s+/g, "") ?? "半年指标值", "half-year target value"],
      ] as const) {
        const col = h.columns[role];
        if (col === undefined || ind[role]) continue;
        report({ place: emptyCellOf(table, ind, col), indicator: nameOf(ind), params: { name: nameOf(ind), column: { zh, en } } });
      }
    }
  },
});

const name = defineRule({
  id: "missing.name",
  category: "missing",
  severity: "error",
  title: { zh: "有指标值却没有三级指标名称", en: "A target value without a level-3 indicator name" },
  messages: {
    default: { zh: "这一行填写了指标值“{value}”，但没有三级指标名称。", en: 'this row has the value "{value}" but no level-3 indicator name.' },
  },
  why: { zh: "没有名称的指标值说不清衡量的是什么，也无法与其他表、自评表对照。", en: "A value without a name says nothing about what it measures, and cannot be matched in other tables or the self-evaluation." },
  howToFix: { zh: "在三级指标列写上指标名称（如“宣传工作完成率”），或删去这一行。", en: "Write the indicator's name in the level-3 column, or delete the row." },
  fixable: "no",
  example: { bad: "（三级指标空白） | ≥95%", good: "宣传工作完成率 | ≥95%", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) => {
    const h = table.header;
    if (!h || h.columns.level3 === undefined) return [];
    return table.indicators
      .filter((i) => !i.name && (i.value || i.halfValue))
      .map((i) => {
        const v = (i.value ?? i.halfValue)?.text ?? "";
        return { place: emptyCellOf(table, i, h.columns.level3 as number), value: v, params: { value: v } };
      });
  },
});

const basis = defineRule({
  id: "missing.basis",
  category: "missing",
  severity: "warning",
  title: { zh: "没有填写指标值确定依据", en: "No basis for the target value" },
  messages: {
    default: {
      zh: "指标“{name}”没有填写指标值确定依据（计划标准、历史标准、行业标准或预算支出标准）。",
      en: 'indicator "{name}" gives no basis for its target (plan, historical, industry or budget standard).',
    },
    column: {
      zh: "“{column}”一栏整栏空白，{count} 项指标都没有填写指标值确定依据（计划标准、历史标准、行业标准或预算支出标准）。",
      en: 'the column "{column}" is empty from top to bottom: none of the {count} indicators gives a basis for its target (plan, historical, industry or budget standard).',
    },
  },
  why: { zh: "指标值要有来历：评审据依据判断目标定得是否合理。", en: "A target needs a basis: that is how a reviewer judges whether it is set at the right level." },
  howToFix: { zh: "写明依据：计划标准、历史标准、行业标准或预算支出标准（可附文件名）。", en: "Name the standard the target comes from: plan, historical, industry or budget standard (with the document if any)." },
  fixable: "no",
  example: { bad: "提高工作积极性 | 明显提高 | （空）", good: "… | 计划标准", from: { seed: "000", table: "预留奖励绩效工资" } },
  check: ({ table }, report) => {
    const h = table.header;
    if (!h || h.columns.basis === undefined) return;
    const named = table.indicators.filter((i) => i.name);
    const without = named.filter((i) => !i.basis);
    // a column left empty from top to bottom is one problem, reported once, on its first cell
    if (without.length > 1 && without.length === named.length) {
      const column = h.labels.basis?.text.replace(/\s+/g, "") ?? "指标值确定依据";
      report({ place: emptyCellOf(table, without[0], h.columns.basis), messageId: "column", params: { column, count: without.length } });
      return;
    }
    for (const i of without) report({ place: emptyCellOf(table, i, h.columns.basis as number), indicator: nameOf(i), params: { name: nameOf(i) } });
  },
});

/** Where a missing header field is reported: the empty cell beside its label (a template without the field has nothing missing). */
function fieldPlace(t: TargetTable, role: "project" | "goal" | "budget"): Place | undefined {
  return t.slots[role]?.empty;
}

const projectName = defineRule({
  id: "missing.project-name",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写项目名称", en: "No project name" },
  messages: {
    default: { zh: "这张绩效目标表没有填写项目名称。", en: "this target table has no project name." },
  },
  why: { zh: "项目名称把目标表与预算项目对应起来；没有名称的表无法归档和汇总。", en: "The project name ties the table to its budget line; a table without one cannot be filed or collected." },
  howToFix: { zh: "在项目名称栏填写预算中的项目名称。", en: "Enter the project's name as the budget gives it." },
  fixable: "no",
  example: { bad: "项目名称：（空白）", good: "项目名称：宣传费", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) => {
    if (table.projectName) return [];
    const place = fieldPlace(table, "project");
    return place ? [{ place }] : [];
  },
});

const goal = defineRule({
  id: "missing.goal",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写绩效目标", en: "No performance goal" },
  messages: {
    default: { zh: "本表没有填写绩效目标（年度目标）。", en: "this table states no performance goal." },
    project: { zh: "项目“{project}”没有填写绩效目标（年度目标）。", en: 'project "{project}" states no performance goal.' },
  },
  why: { zh: "绩效目标是指标的出发点：指标要能说明目标是否实现。", en: "The goal is what the indicators measure: without it they cannot show whether anything was achieved." },
  howToFix: { zh: "用一两句话写明本年度要完成什么、达到什么效果。", en: "State in a sentence or two what the project will deliver this year and to what effect." },
  fixable: "no",
  example: { bad: "绩效目标 / 目标1：（空白）", good: "目标1：加大住房公积金政策宣传力度，扩大社会影响力。", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    // only a template that has a goal field: its label is there and its value is empty
    if (table.texts.goals.length > 0 || !table.slots.goal) return;
    const place = table.slots.goal.empty;
    const project = table.projectName?.text ?? "";
    report(project ? { place, messageId: "project", params: { project } } : { place });
  },
});

const budget = defineRule({
  id: "missing.budget",
  category: "missing",
  severity: "error",
  title: { zh: "没有填写预算数（资金总额）", en: "No budget (total funds)" },
  messages: {
    default: { zh: "本表没有填写预算数/资金总额。", en: "this table gives no budget (total funds)." },
    project: { zh: "项目“{project}”没有填写预算数/资金总额。", en: 'project "{project}" gives no budget (total funds).' },
    year: {
      zh: "填写了实施期（中期）资金总额 {term}，年度资金总额却空着：本年度的预算数是多少？",
      en: "the whole term's total ({term}) is given but the year's total is empty: what is this year's budget?",
    },
  },
  why: { zh: "没有预算数，就无法核对资金来源、成本指标和支出计划。", en: "Without the budget, the sources, the cost indicators and the spending plan cannot be checked." },
  howToFix: { zh: "填写预算数（资金总额）及其来源，并注明金额单位。", en: "Enter the budget (total funds) and its sources, with the money unit." },
  fixable: "no",
  example: { bad: "预算数：（空白），其中：财政资金：（空白）", good: "预算数 25，其中：财政资金 25", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    // only a template that has a budget field: its label is there and its amount is empty
    const b = table.budget;
    if (!table.header || !table.slots.budget) return;
    const place = table.slots.budget.empty;
    // the whole term's money given and the year's left empty (the table's total is then the term's)
    if (b.midTermTotal && (!b.total || b.total === b.midTermTotal)) {
      report({ place, messageId: "year", params: { term: String(b.midTermTotal.value) } });
      return;
    }
    if (b.total || b.currentYear || b.fiscal || b.fiscalParts.length || b.components.length) return;
    const project = table.projectName?.text ?? "";
    report(project ? { place, messageId: "project", params: { project } } : { place });
  },
});

const spendingPlan = defineRule({
  id: "missing.spending-plan",
  category: "missing",
  severity: "error",
  title: { zh: "资金支出计划没有填写", en: "Spending plan left empty" },
  messages: {
    default: { zh: "资金支出计划（各时间节点累计支出进度）没有填写。", en: "the spending plan (cumulative share spent by each date) is empty." },
  },
  why: { zh: "支出计划是预算执行监控的依据；空着的计划无法监控进度。", en: "The spending plan is what budget execution is monitored against; an empty one monitors nothing." },
  howToFix: { zh: "按时间节点填写累计支出比例，最后一个节点为 100%。", en: "Give the cumulative share spent by each date, ending at 100%." },
  fixable: "no",
  example: { bad: "资金支出计划（%）：3月底/6月底/10月底/12月底 均空白", good: "… 12月底 100%", from: { seed: "000", table: "法律顾问经费" } },
  check: ({ table }) => {
    const plan = table.spendingPlan;
    if (!plan.label || plan.points.length > 0 || plan.unreadable.length > 0) return [];
    return [{ place: plan.label, value: plan.label.text }];
  },
});

export const missingRules = [projectName, budget, goal, spendingPlan, name, value, basis];
