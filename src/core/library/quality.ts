/**
 * Direct checks of a template against the mistakes the rules report (docs/rules.md), without rendering a table:
 * a cost is a ceiling in money, satisfaction is a floor in %, rates stay within 100%, no
 * placeholders, no vague wording, indicators in their proper block. Used by the library's tests
 * and as warnings when a user library is imported.
 */
import { MANAGEMENT_LEVEL1 } from "../frameworks/data";
import { isSatisfactionName, SATISFACTION_MEASURE, VAGUE_WORDS } from "../lexicon";
import { placeholderInName } from "../value/placeholder";
import { isCostTemplate } from "./render";
import type { Template } from "./schema";

export interface LintIssue {
  field: keyof Template;
  zh: string;
  en: string;
}

const MONEY_UNIT = /^(元|万元|亿元)(\/.+)?$/;
const TIME_UNIT = /^(天|日|工作日|个工作日|小时|分钟|周|月|个月|季度|年)$/;

export function isSatisfactionTemplate(t: Template): boolean {
  return isSatisfactionName(t.name);
}

export function lintTemplate(t: Template): LintIssue[] {
  const out: LintIssue[] = [];
  const add = (field: keyof Template, zh: string, en: string) => out.push({ field, zh, en });
  const satisfactionBlock = t.level2 === "服务对象满意度";

  if (isCostTemplate(t) && t.kind === "quantitative") {
    if (t.operator !== "≤" && t.operator !== "<") add("operator", "成本指标是支出上限，应使用 ≤", "a cost is a ceiling and takes ≤");
    if (!t.unit || !MONEY_UNIT.test(t.unit)) add("unit", "成本指标应以元、万元或元/人等金额单位计", "a cost is in 元, 万元 or a money rate such as 元/人");
  }
  if (isCostTemplate(t) && t.kind !== "quantitative") add("kind", "成本指标应是金额上限", "a cost must be a money ceiling");
  if (isSatisfactionTemplate(t)) {
    if (!satisfactionBlock) add("level2", "满意度指标应放在满意度（服务对象满意度）下", "satisfaction belongs under satisfaction");
    if (t.kind !== "quantitative" || t.unit !== "%") add("unit", "满意度应写成百分比", "satisfaction is a percentage");
    if (t.operator !== "≥") add("operator", "满意度是下限，应使用 ≥", "satisfaction is a floor and takes ≥");
    const n = t.value ?? t.example;
    if (n !== undefined && n !== null && n < 80) add("value", "满意度目标一般不低于 80%", "satisfaction targets are usually at least 80%");
  } else if (satisfactionBlock && !SATISFACTION_MEASURE.test(t.name)) {
    add("name", "满意度指标下只放满意度类指标", "only satisfaction measures belong under satisfaction");
  }
  if (t.kind === "quantitative" && t.unit === "%" && t.value === 100 && t.operator !== "=") add("operator", "100% 的目标应写 =100%", "a 100% target is written =100%");
  if (/率$|比例$|占比$/.test(t.name) && t.kind === "quantitative" && t.unit !== "%" && t.unit !== "‰")
    add("unit", "比率类指标应以 % 计", "a rate is in %");
  if (/(人数|次数|个数|套数|台数|件数|户数|场次|人次|笔数|条数|份数|数量)$/.test(t.name) && (t.unit === "%" || t.unit === "‰"))
    add("unit", "数量类指标不应以 % 计", "a count is not in %");
  if (t.level2 === "时效" && t.kind === "quantitative" && t.unit !== "%" && !TIME_UNIT.test(t.unit ?? ""))
    add("unit", "时效指标应写完成时限（日期、天、工作日、小时）或及时率（%）", "a timeliness indicator is a deadline, a duration or a rate in %");
  if (t.kind === "qualitative" && !MANAGEMENT_LEVEL1.has(t.level1))
    add("kind", "产出、效益、满意度指标应可衡量，不用定性表述", "output, benefit and satisfaction targets must be measurable");
  if (t.level1 === "产出" && /预算执行率|资金到位率|资金支付率|支出进度|资金执行率/.test(t.name))
    add("name", "预算执行率、资金到位率不是产出指标", "budget execution is not an output");
  if (t.level1 === "效益" && /合格率|验收|完成率|完工率|达标率/.test(t.name)) add("name", "合格率、完成率是产出指标，不是效益指标", "pass and completion rates are outputs, not benefits");
  for (const field of ["name", "description", "text", "note"] as const) {
    const s = t[field];
    if (typeof s === "string" && placeholderInName(s)) add(field, `“${s}”含有占位符`, `"${s}" contains a placeholder`);
  }
  // the target's wording, as the rules read a qualitative target (vague.qualitative)
  if (typeof t.text === "string" && VAGUE_WORDS.test(t.text)) add("text", `“${t.text}”用词模糊，应写可衡量的内容`, `"${t.text}" is vague; make it measurable`);
  return out;
}
