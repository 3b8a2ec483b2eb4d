/**
 * unit: quantitative values with no unit, units that do not fit the indicator (a count in %,
 * a rate in 个, a 时效 indicator in 个, a cost without a money unit), and a unit that disagrees
 * with the 计量单位 column.
 */
import { lookupUnit } from "../value/units";
import type { Bilingual } from "../i18n";
import { atValue, isCountName, isRateName, isTimeliness, isUnderCost, nameOf, quoteValue, valueCells } from "./indicators";
import { defineRule } from "./types";

const missingUnit = defineRule({
  id: "unit.missing",
  category: "unit",
  severity: "warning",
  title: { zh: "数值型指标值没有计量单位", en: "A quantitative target without a unit" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”没有计量单位（%、人、次、万元……）。", en: 'the target "{value}" of "{name}" has no unit (%, persons, times, 万元 …).' },
  },
  why: { zh: "没有单位的数值（=100、≥4）说不清是百分比、次数还是金额。", en: "A number without a unit (=100, ≥4) could be a percentage, a count or an amount." },
  howToFix: { zh: "在数值后写上单位，或填写计量单位列。", en: "Write the unit after the number, or fill in the unit column." },
  fixable: "no",
  example: { bad: "按季宣传 | ≥4", good: "按季宣传次数 | ≥4次", from: { seed: "002", table: "郑煤分中心" } },
  check: ({ table }, report) => {
    const unitCol = table.header?.columns.unit !== undefined;
    for (const ind of table.indicators) {
      if (unitCol && ind.unit) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unit !== null || p.number === null) continue;
        report({ ...atValue(ind, v), params: quoteValue(ind, v) });
      }
    }
  },
});

/** What the indicator is, and so the unit it takes. */
const EXPECTED_UNIT = {
  cost: { zh: "是成本指标，应以元或万元计", en: "is a cost and should be in 元 or 万元" },
  rate: { zh: "是比率，应以 % 计", en: "is a rate and should be in %" },
  count: { zh: "是数量，应以人、次、个等计", en: "is a count and should be in persons, times, items …" },
  timeliness: { zh: "是时效指标，应写完成时限（日期、天、月）或及时率（%）", en: "is a timeliness indicator: give a deadline (date, days, months) or a rate in %" },
} satisfies Record<string, Bilingual>;

const mismatch = defineRule({
  id: "unit.mismatch",
  category: "unit",
  severity: "warning",
  title: { zh: "计量单位与指标不符", en: "A unit that does not fit the indicator" },
  messages: {
    default: { zh: "指标“{name}”{why}，指标值却是“{value}”。", en: '"{name}" {why}, but its target is "{value}".' },
  },
  why: { zh: "单位与指标名称不符（数量写成 %、比率写成个），目标的含义就变了，多半是写错了。", en: "A unit that does not fit the name (a count in %, a rate in 个) changes what the target means; it is nearly always a slip." },
  howToFix: { zh: "改单位，或改名称使二者一致：数量用人、次、个，比率用 %，成本用元、万元，时效写时限或及时率。", en: "Change the unit or the name so they agree: counts in persons, times, items; rates in %; costs in 元 or 万元; timeliness as a deadline or a rate." },
  fixable: "no",
  example: { bad: "采购设备、设施完成数 | =100%", good: "采购设备、设施数量 | ≥20台 或 采购完成率 | =100%", from: { seed: "002", table: "公积金信息专网及驻场服务费" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      if (!name) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || !p.unitInfo) continue;
        const dim = p.unitInfo.dimension;
        let why: Bilingual | undefined;
        if (isUnderCost(ind) && dim !== "money" && dim !== "money-rate") why = EXPECTED_UNIT.cost;
        else if (isRateName(name) && (dim === "count" || dim === "money" || dim === "area" || dim === "length")) why = EXPECTED_UNIT.rate;
        else if (isCountName(name) && (dim === "percent" || dim === "permille")) why = EXPECTED_UNIT.count;
        else if (isTimeliness(ind) && dim === "count" && !isCountName(name)) why = EXPECTED_UNIT.timeliness;
        if (why) report({ ...atValue(ind, v), params: { ...quoteValue(ind, v), why } });
      }
    }
  },
});

const columnMismatch = defineRule({
  id: "unit.column-mismatch",
  category: "unit",
  severity: "warning",
  title: { zh: "指标值中的单位与计量单位列不一致", en: "The unit in the value disagrees with the unit column" },
  messages: {
    default: { zh: "指标值“{value}”的单位是“{valueUnit}”，计量单位列却是“{columnUnit}”。", en: 'the target "{value}" is in "{valueUnit}" but the unit column says "{columnUnit}".' },
  },
  why: { zh: "同一行写了两个不同的单位，哪一个算数说不清。", en: "Two different units in one row leave it open which one counts." },
  howToFix: { zh: "统一为一个单位：数值里不写单位，或与计量单位列一致。", en: "Keep one unit: leave it out of the value, or make it match the unit column." },
  fixable: "no",
  example: { bad: "培训人数 | ≥90% | 计量单位：人", good: "培训人数 | ≥90 | 人", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      if (!ind.unit) continue;
      const col = lookupUnit(ind.unit.text);
      for (const v of valueCells(ind)) {
        const u = v.parsed.unitInfo;
        if (!u || !col) continue;
        if (u.unit !== col.unit && !(u.dimension === col.dimension && u.base === col.base && u.factor === col.factor))
          report({ ...atValue(ind, v), params: { value: v.text, valueUnit: u.unit, columnUnit: ind.unit.text } });
      }
    }
  },
});

export const unitRules = [missingUnit, mismatch, columnMismatch];
