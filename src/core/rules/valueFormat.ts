/**
 * value-format: 指标值 that cannot be read or is written loosely — number followed by free text,
 * an operator with no number, two operators, unit typos, a second value in the basis column,
 * and the operator missing where it matters (cost, satisfaction).
 */
import { atValue, isSatisfaction, isUnderCost, nameOf, operatorPlace, quoteValue, valueCells } from "./indicators";
import { defineRule } from "./types";
import { parseValueCached } from "../recognize/valueCache";

const malformed = defineRule({
  id: "value-format.malformed",
  category: "value-format",
  severity: "error",
  title: { zh: "指标值无法识别", en: "A target value that cannot be read" },
  messages: {
    default: {
      zh: "指标“{name}”的指标值“{value}”无法识别（{problem}）；应写成“运算符 + 数值 + 单位”，如 ≥90%。",
      en: 'the target "{value}" of "{name}" cannot be read ({problem}); write operator, number and unit, e.g. ≥90%.',
    },
    unexplained: {
      zh: "指标“{name}”的指标值“{value}”无法识别；应写成“运算符 + 数值 + 单位”，如 ≥90%。",
      en: 'the target "{value}" of "{name}" cannot be read; write operator, number and unit, e.g. ≥90%.',
    },
  },
  why: { zh: "读不出运算符、数值和单位的指标值，无法判断目标是否完成。", en: "A target whose operator, number and unit cannot be read cannot be judged met or missed." },
  howToFix: { zh: "写成“运算符 + 数值 + 单位”，说明文字移到指标值确定依据或备注。", en: "Write operator, number and unit; move any explanation to the basis or the note." },
  fixable: "no",
  example: { bad: "≥100按规定执行", good: "=100%", from: { reference: "the value grammar" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators)
      for (const v of valueCells(ind))
        if (v.parsed.kind === "malformed") {
          const { problem, problemEn } = v.parsed;
          if (problem && problemEn) report({ ...atValue(ind, v), params: { ...quoteValue(ind, v), problem: { zh: problem, en: problemEn } } });
          else report({ ...atValue(ind, v), messageId: "unexplained", params: quoteValue(ind, v) });
        }
  },
});

const normalise = defineRule({
  id: "value-format.normalise",
  category: "value-format",
  severity: "info",
  title: { zh: "指标值写法不规范（全角符号、百分比等）", en: "A target value written loosely (full-width signs, 百分比 …)" },
  messages: {
    default: { zh: "指标值“{value}”建议写作“{fixed}”。", en: 'write the target "{value}" as "{fixed}".' },
  },
  why: { zh: "全角符号、“百分比”等写法各不相同，汇总和比较时会被当成不同的值。", en: "Full-width signs and spelt-out units vary from table to table; collected, the same target reads as different values." },
  howToFix: { zh: "用半角的 ≥ ≤ = 和 %、元、万元等通用单位。", en: "Use ≥ ≤ = and the usual units (%, 元, 万元 …)." },
  fixable: "yes",
  example: { bad: "＞＝90％", good: "≥90%", from: { reference: "the value grammar" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const fixed = v.parsed.normalised;
        // a value read together with its 运算符 / 计量单位 columns is not rewritten into one cell
        if (!fixed || v.composed || fixed === v.field.text || typeof v.field.raw !== "string") continue;
        report({ ...atValue(ind, v), params: { value: v.field.text, fixed }, fix: { value: fixed, label: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` } } });
      }
  },
});

/** 正向/反向 (指标) in a 指标方向 / 指标性质 column */
const DIRECTION = /^(正向|反向)(指标)?$/;

const missingOperator = defineRule({
  id: "value-format.missing-operator",
  category: "value-format",
  severity: "warning",
  title: { zh: "成本或满意度指标缺少运算符", en: "A cost or satisfaction target without an operator" },
  messages: {
    cost: { zh: "指标“{name}”的指标值“{value}”没有运算符；成本指标应写上限，如 ≤{text}。", en: 'the target "{value}" of "{name}" has no operator; a cost is a ceiling: ≤{text}.' },
    satisfaction: { zh: "指标“{name}”的指标值“{value}”没有运算符；满意度应写下限，如 ≥{text}。", en: 'the target "{value}" of "{name}" has no operator; satisfaction is a floor: ≥{text}.' },
  },
  why: { zh: "没有运算符，成本是上限还是下限、满意度是底线还是约数都说不清。", en: "Without an operator nobody can tell whether a cost is a ceiling or a satisfaction target a floor." },
  howToFix: { zh: "成本指标写 ≤（上限），满意度写 ≥（下限）；有运算符列的写在该列。", en: "Write ≤ before a cost (a ceiling) and ≥ before satisfaction (a floor), in the operator column where the table has one." },
  fixable: "confirm",
  example: { bad: "发放金额 | 993.85 万元", good: "发放金额 | ≤993.85万元", from: { seed: "000", table: "预留奖励绩效工资" } },
  check: ({ table, grid }, report) => {
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.op !== null || p.change || p.number === null) continue;
        const text = `${p.number}${p.unit ?? ""}`;
        if (typeof v.field.raw !== "string" && typeof v.field.raw !== "number") continue;
        // with a 运算符 column the operator goes there, otherwise in front of the value
        const opCell = operatorPlace(table, ind, grid);
        const fixFor = (op: string) =>
          opCell ? { value: op, place: opCell, label: { zh: `在 ${opCell.address} 填写 ${op}`, en: `Enter ${op} in ${opCell.address}` } } : { value: op + text, label: { zh: `改为 ${op}${text}`, en: `Change to ${op}${text}` } };
        // a 指标方向 column that says 反向 (lower is better) for a cost, 正向 for satisfaction, already
        // gives the direction: the template has no other place for an operator
        const dirCell = ind.direction ?? ind.operator;
        const direction = dirCell ? DIRECTION.exec(dirCell.text.replace(/\s/g, ""))?.[1] : undefined;
        if (isUnderCost(ind) && (p.unitInfo?.dimension === "money" || p.unitInfo?.dimension === "money-rate")) {
          if (direction === "反向") continue;
          report({ ...atValue(ind, v), messageId: "cost", params: { ...quoteValue(ind, v), text }, fix: { ...fixFor("≤"), confirm: true } });
        } else if (isSatisfaction(name) && p.unitInfo?.dimension === "percent" && p.number < 100) {
          if (direction === "正向") continue;
          report({ ...atValue(ind, v), messageId: "satisfaction", params: { ...quoteValue(ind, v), text }, fix: fixFor("≥") });
        }
      }
    }
  },
});

const valueInBasis = defineRule({
  id: "value-format.value-in-basis",
  category: "value-format",
  severity: "warning",
  title: { zh: "指标值确定依据一栏里写了另一个指标值", en: "A second target value written in the basis column" },
  messages: {
    default: {
      zh: "指标“{name}”的指标值确定依据写成了“{value}”（又一个指标值，指标值列为“{target}”）；依据应写计划标准、历史标准等。",
      en: 'the basis of "{name}" reads "{value}", another target (the value column has "{target}"); the basis should name a standard (plan, historical …).',
    },
  },
  why: { zh: "依据一栏写着第二个指标值，两个目标哪个算数说不清，依据也没有写。", en: "A second target in the basis column leaves two targets and no basis." },
  howToFix: { zh: "只在指标值列写目标；依据栏写计划标准、历史标准、行业标准或预算支出标准。", en: "Keep the target in the value column; in the basis column name the plan, historical, industry or budget standard." },
  fixable: "no",
  example: { bad: "职工满意度 | ≥90% | ≥95%", good: "职工满意度 | ≥90% | 计划标准", from: { seed: "000", table: "预留奖励绩效工资" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      if (!ind.basis) continue;
      const p = parseValueCached(ind.basis.raw); // the same few bases (计划标准, 历史标准 …) in every table
      if (p.kind === "quantitative" && p.op !== null)
        report({ place: ind.basis, value: ind.basis.text, indicator: nameOf(ind), params: { name: nameOf(ind), value: ind.basis.text, target: ind.value?.text ?? "" } });
    }
  },
});

export const valueFormatRules = [malformed, missingOperator, valueInBasis, normalise];
