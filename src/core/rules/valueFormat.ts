/**
 * value-format: 指标值 that cannot be read or is written loosely — number followed by free text,
 * an operator with no number, two operators, unit typos, a second value in the basis column,
 * and the operator missing where it matters (cost, satisfaction).
 */
import { isSatisfaction, isUnderCost, nameOf, operatorPlace, valueCells } from "./indicators";
import type { Hit, TableRule } from "./types";
import { parseValueCached } from "../recognize/valueCache";

const malformed: TableRule = {
  id: "value-format.malformed",
  category: "value-format",
  severity: "error",
  title: { zh: "指标值无法识别", en: "A target value that cannot be read" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”无法识别${p.problem ? `（${p.problem}）` : ""}；应写成“运算符 + 数值 + 单位”，如 ≥90%。`,
    en: (p) => `the target "${p.value}" of "${p.name}" cannot be read${p.problemEn ? ` (${p.problemEn})` : ""}; write operator, number and unit, e.g. ≥90%.`,
  },
  example: { bad: "≥100按规定执行", good: "=100%", source: "RULES.md value grammar" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators)
      for (const v of valueCells(ind))
        if (v.parsed.kind === "malformed")
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text, problem: v.parsed.problem ?? "", problemEn: v.parsed.problemEn ?? "" } });
    return hits;
  },
};

const normalise: TableRule = {
  id: "value-format.normalise",
  category: "value-format",
  severity: "info",
  title: { zh: "指标值写法不规范（全角符号、百分比等）", en: "A target value written loosely (full-width signs, 百分比 …)" },
  message: {
    zh: (p) => `指标值“${p.value}”建议写作“${p.fixed}”。`,
    en: (p) => `write the target "${p.value}" as "${p.fixed}".`,
  },
  example: { bad: "＞＝90％", good: "≥90%", source: "RULES.md value grammar" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const fixed = v.parsed.normalised;
        // a value read together with its 运算符 / 计量单位 columns is not rewritten into one cell
        if (!fixed || v.composed || fixed === v.field.text || typeof v.field.raw !== "string") continue;
        hits.push({
          place: v.field,
          value: v.field.text,
          indicator: nameOf(ind),
          params: { cell: v.field.address, value: v.field.text, fixed },
          fix: { value: fixed, label: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` } },
        });
      }
    return hits;
  },
};

/** 正向/反向 (指标) in a 指标方向 / 指标性质 column */
const DIRECTION = /^(正向|反向)(指标)?$/;

const missingOperator: TableRule = {
  id: "value-format.missing-operator",
  category: "value-format",
  severity: "warning",
  title: { zh: "成本或满意度指标缺少运算符", en: "A cost or satisfaction target without an operator" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”没有运算符；${p.expected}。`,
    en: (p) => `the target "${p.value}" of "${p.name}" has no operator; ${p.expectedEn}.`,
  },
  example: { bad: "发放金额 | 993.85 万元", good: "发放金额 | ≤993.85万元", source: "seed 000 预留奖励绩效工资" },
  check: ({ table, grid }) => {
    const hits: Hit[] = [];
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
          hits.push({
            place: v.field, value: v.field.text, indicator: name,
            params: { cell: v.field.address, name, value: v.text, expected: "成本指标应写上限，如 ≤" + text, expectedEn: "a cost is a ceiling: ≤" + text },
            fix: { ...fixFor("≤"), confirm: true },
          });
        } else if (isSatisfaction(name) && p.unitInfo?.dimension === "percent" && p.number < 100) {
          if (direction === "正向") continue;
          hits.push({
            place: v.field, value: v.field.text, indicator: name,
            params: { cell: v.field.address, name, value: v.text, expected: "满意度应写下限，如 ≥" + text, expectedEn: "satisfaction is a floor: ≥" + text },
            fix: fixFor("≥"),
          });
        }
      }
    }
    return hits;
  },
};

const valueInBasis: TableRule = {
  id: "value-format.value-in-basis",
  category: "value-format",
  severity: "warning",
  title: { zh: "指标值确定依据一栏里写了另一个指标值", en: "A second target value written in the basis column" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值确定依据写成了“${p.value}”（又一个指标值，指标值列为“${p.target}”）；依据应写计划标准、历史标准等。`,
    en: (p) => `the basis of "${p.name}" reads "${p.value}", another target (the value column has "${p.target}"); the basis should name a standard (plan, historical …).`,
  },
  example: { bad: "职工满意度 | ≥90% | ≥95%", good: "职工满意度 | ≥90% | 计划标准", source: "seed 000 预留奖励绩效工资" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!ind.basis) continue;
      const p = parseValueCached(ind.basis.raw); // the same few bases (计划标准, 历史标准 …) in every table
      if (p.kind === "quantitative" && p.op !== null)
        hits.push({ place: ind.basis, value: ind.basis.text, indicator: nameOf(ind), params: { cell: ind.basis.address, name: nameOf(ind), value: ind.basis.text, target: ind.value?.text ?? "" } });
    }
    return hits;
  },
};

export const valueFormatRules: TableRule[] = [malformed, missingOperator, valueInBasis, normalise];
