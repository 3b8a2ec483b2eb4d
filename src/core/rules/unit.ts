/**
 * unit: quantitative values with no unit, units that do not fit the indicator (a count in %,
 * a rate in 个, a 时效 indicator in 个, a cost without a money unit), and a unit that disagrees
 * with the 计量单位 column.
 */
import { lookupUnit } from "../value/units";
import { isCountName, isRateName, isTimeliness, isUnderCost, nameOf, valueCells } from "./indicators";
import type { Hit, TableRule } from "./types";

const missingUnit: TableRule = {
  id: "unit.missing",
  category: "unit",
  severity: "warning",
  title: { zh: "数值型指标值没有计量单位", en: "A quantitative target without a unit" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”没有计量单位（%、人、次、万元……）。`,
    en: (p) => `the target "${p.value}" of "${p.name}" has no unit (%, persons, times, 万元 …).`,
  },
  example: { bad: "按季宣传 | ≥4", good: "按季宣传次数 | ≥4次", source: "seed 002 郑煤分中心" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    const unitCol = table.header?.columns.unit !== undefined;
    for (const ind of table.indicators) {
      if (unitCol && ind.unit) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unit !== null || p.number === null) continue;
        hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text } });
      }
    }
    return hits;
  },
};

const mismatch: TableRule = {
  id: "unit.mismatch",
  category: "unit",
  severity: "warning",
  title: { zh: "计量单位与指标不符", en: "A unit that does not fit the indicator" },
  message: {
    zh: (p) => `指标“${p.name}”${p.why}，指标值却是“${p.value}”。`,
    en: (p) => `"${p.name}" ${p.whyEn}, but its target is "${p.value}".`,
  },
  example: { bad: "采购设备、设施完成数 | =100%", good: "采购设备、设施数量 | ≥20台 或 采购完成率 | =100%", source: "seed 002 公积金信息专网及驻场服务费" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      if (!name) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || !p.unitInfo) continue;
        const dim = p.unitInfo.dimension;
        let why: [string, string] | undefined;
        if (isUnderCost(ind) && dim !== "money" && dim !== "money-rate")
          why = ["是成本指标，应以元或万元计", "is a cost and should be in 元 or 万元"];
        else if (isRateName(name) && (dim === "count" || dim === "money" || dim === "area" || dim === "length"))
          why = ["是比率，应以 % 计", "is a rate and should be in %"];
        else if (isCountName(name) && (dim === "percent" || dim === "permille"))
          why = ["是数量，应以人、次、个等计", "is a count and should be in persons, times, items …"];
        else if (isTimeliness(ind) && dim === "count" && !isCountName(name))
          why = ["是时效指标，应写完成时限（日期、天、月）或及时率（%）", "is a timeliness indicator: give a deadline (date, days, months) or a rate in %"];
        if (why)
          hits.push({ place: v.field, value: v.field.text, indicator: name, params: { cell: v.field.address, name, value: v.text, why: why[0], whyEn: why[1] } });
      }
    }
    return hits;
  },
};

const columnMismatch: TableRule = {
  id: "unit.column-mismatch",
  category: "unit",
  severity: "warning",
  title: { zh: "指标值中的单位与计量单位列不一致", en: "The unit in the value disagrees with the unit column" },
  message: {
    zh: (p) => `指标值“${p.value}”的单位是“${p.valueUnit}”，计量单位列却是“${p.columnUnit}”。`,
    en: (p) => `the target "${p.value}" is in "${p.valueUnit}" but the unit column says "${p.columnUnit}".`,
  },
  example: { bad: "培训人数 | ≥90% | 计量单位：人", good: "培训人数 | ≥90 | 人", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!ind.unit) continue;
      const col = lookupUnit(ind.unit.text);
      for (const v of valueCells(ind)) {
        const u = v.parsed.unitInfo;
        if (!u || !col) continue;
        if (u.unit !== col.unit && !(u.dimension === col.dimension && u.base === col.base && u.factor === col.factor))
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, value: v.text, valueUnit: u.unit, columnUnit: ind.unit.text } });
      }
    }
    return hits;
  },
};

export const unitRules: TableRule[] = [missingUnit, mismatch, columnMismatch];
