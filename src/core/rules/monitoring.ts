/**
 * monitoring: what a finance bureau checks in a 绩效运行监控表 (财预〔2019〕136号: the year's targets
 * followed in mid-year) — each indicator's progress written down, and a target that may not be
 * reached explained.
 */
import { toA1 } from "../grid";
import type { TargetTable } from "../model";
import { cellInColumn, nameOf } from "./indicators";
import { defineRule } from "./types";

const isMonitoring = (t: TargetTable) => t.kind === "monitoring";

const progressEmpty = defineRule({
  id: "monitoring.progress-empty",
  category: "monitoring",
  severity: "warning",
  title: { zh: "指标的执行情况没有填写", en: "An indicator's progress left empty" },
  messages: {
    default: { zh: "指标“{name}”的“{column}”没有填写：监控要写明目前完成了多少。", en: 'Indicator "{name}" has no "{column}": monitoring says how much is done so far.' },
  },
  why: {
    zh: "绩效运行监控要逐项写明截至监控时点的完成情况，据此判断全年目标能否实现；空着就无从判断。",
    en: "Monitoring records, indicator by indicator, what is done by the monitoring date, to judge whether the year's target will be met; left empty, nothing can be judged.",
  },
  howToFix: { zh: "逐项填写截至监控时点的实际完成情况（数量、比例或进度）。", en: "Fill in what each indicator has reached by the monitoring date (a quantity, a share or a stage)." },
  fixable: "no",
  example: { bad: "社会效益指标：半年度指标执行情况（空白），完成目标可能性 确定能", good: "半年度指标执行情况：已举办活动3场", from: { corpus: "monitoring 01", note: "湖北 黄石 申遗" } },
  check: ({ table }, report) => {
    if (!isMonitoring(table) || table.header?.columns.progress === undefined) return;
    for (const ind of table.indicators) {
      if (ind.progress || !(ind.value || ind.name)) continue;
      const place = cellInColumn(table, ind, "progress");
      const column = table.header.labels.progress?.text.replace(/\s+/g, "") ?? "执行情况";
      if (place) report({ place, indicator: nameOf(ind), params: { name: nameOf(ind), column } });
    }
  },
});

/** 完成目标可能性 answered 有可能 / 不可能 (not 确定能): the target may be missed. */
const MAY_MISS = /有可能|不可能|不能/;

const unlikelyWithoutReason = defineRule({
  id: "monitoring.unlikely-without-reason",
  category: "monitoring",
  severity: "warning",
  title: { zh: "可能完不成目标却没有说明原因", en: "A target that may be missed, with no reason given" },
  messages: {
    default: {
      zh: "指标“{name}”的完成目标可能性是“{answer}”，却没有填写偏差原因：要说明原因和拟采取的措施。",
      en: 'Indicator "{name}" may not be met ("{answer}"), but no reason is given: say why and what will be done.',
    },
  },
  why: {
    zh: "监控发现目标可能完不成时，要分析原因（经费、制度、人员、硬件等保障）并提出纠偏措施。",
    en: "When monitoring finds a target may be missed, the cause (funding, rules, staff, equipment) is analysed and a correction proposed.",
  },
  howToFix: { zh: "在偏差原因分析栏写明原因，并填写纠偏措施。", en: "Give the cause in the deviation column and the correction planned." },
  fixable: "no",
  example: { bad: "完成目标可能性 有可能 | 偏差原因分析（空白）", good: "偏差原因分析：人员保障不足，下半年增加2名专职人员", from: { illustration: "财预〔2019〕136号 监控表" } },
  check: ({ table }, report) => {
    if (!isMonitoring(table) || table.header?.columns.reason === undefined) return;
    for (const ind of table.indicators) {
      const answer = ind.correction?.text.replace(/\s+/g, "");
      if (!answer || !MAY_MISS.test(answer) || ind.reason) continue;
      const place = cellInColumn(table, ind, "reason");
      if (place) report({ place, indicator: nameOf(ind), params: { name: nameOf(ind), answer } });
    }
  },
});

const forecastEmpty = defineRule({
  id: "monitoring.forecast-empty",
  category: "monitoring",
  severity: "warning",
  title: { zh: "全年预计执行数没有填写", en: "The year's forecast spending left empty" },
  messages: {
    default: {
      zh: "“{label}”的全年预计执行数没有填写：截至监控时已执行 {progress}，全年能执行多少？",
      en: 'the year\'s forecast spending of "{label}" is empty: {progress} is spent so far — how much will the year spend?',
    },
  },
  why: {
    zh: "监控要预计全年的预算执行，据此发现执行偏慢的项目并纠偏；预计数空着就无从判断。",
    en: "Monitoring forecasts the year's spending, to find projects running slow and correct them; left empty, nothing can be judged.",
  },
  howToFix: { zh: "按已执行数和后续支出安排填写全年预计执行数。", en: "Give the year's forecast from what is spent and what is planned." },
  fixable: "no",
  example: { bad: "年度资金总额 220 | 1-6月执行数 87.57 | 全年预计执行数（空白）", good: "全年预计执行数 220", from: { corpus: "monitoring 01", note: "湖北 黄石 申遗" } },
  check: ({ table }, report) => {
    const e = table.execution;
    const row = e?.total;
    if (!isMonitoring(table) || !e || !row || e.forecastColumn === undefined || row.forecast) return;
    const r = row.label.row;
    const place = { row: r, col: e.forecastColumn, address: toA1(r, e.forecastColumn) };
    report({ place, params: { label: row.label.text.replace(/[:：]\s*$/, ""), progress: row.progress ? String(row.progress.value) : "—" } });
  },
});

export const monitoringRules = [progressEmpty, unlikelyWithoutReason, forecastEmpty];
