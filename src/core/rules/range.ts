/** range: impossible or degenerate numbers — a rate above 100%, ≥100%, negative counts, too many decimals, weights. */
import { toA1 } from "../grid";
import { isRateName, isSatisfaction, nameOf, operatorFix, valueCells } from "./indicators";
import type { Hit, TableRule } from "./types";

const above100: TableRule = {
  id: "range.rate-above-100",
  category: "range",
  severity: "error",
  title: { zh: "比率超过 100%", en: "A rate above 100%" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”超过 100%，比率不可能超过 100%。`,
    en: (p) => `the target "${p.value}" of "${p.name}" is above 100%, which a rate cannot be.`,
  },
  example: { bad: "宣传工作完成率 | ≥120%", good: "宣传工作完成率 | =100%", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unitInfo?.dimension !== "percent" || p.number === null || p.change) continue;
        if (!isRateName(name) || /增长|提升|提高|增幅|上升/.test(name)) continue;
        if (p.number > 100 || (p.number === 100 && p.op === ">"))
          hits.push({ place: v.field, value: v.field.text, indicator: name, params: { cell: v.field.address, name, value: v.text } });
      }
    }
    return hits;
  },
};

const atLeast100: TableRule = {
  id: "range.at-least-100",
  category: "range",
  severity: "warning",
  title: { zh: "≥100%：比率不能超过 100%，应写 =100%", en: "≥100%: a rate cannot exceed 100%, write =100%" },
  message: {
    zh: (p) => `指标“${p.name}”写作“${p.value}”；比率最高 100%，应写 =100%。`,
    en: (p) => `"${p.name}" is written "${p.value}"; a rate cannot exceed 100%, so write =100%.`,
  },
  example: { bad: "审计工作完成率 | ≥100%", good: "审计工作完成率 | =100%", source: "seed 000 综合事务工作经费—审计费" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unitInfo?.dimension !== "percent" || p.number !== 100 || p.op !== "≥") continue;
        if (/增长|提升|提高|增幅|上升/.test(name)) continue;
        hits.push({
          place: v.field, value: v.field.text, indicator: name,
          params: { cell: v.field.address, name, value: v.text },
          fix: operatorFix(table, ind, v, "=", "=100%"),
        });
      }
    }
    return hits;
  },
};

const negative: TableRule = {
  id: "range.negative",
  category: "range",
  severity: "error",
  title: { zh: "数量或金额为负数", en: "A negative count or amount" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”是负数；下降请写“下降 x%”。`,
    en: (p) => `the target "${p.value}" of "${p.name}" is negative; for a decrease write "下降 x%".`,
  },
  example: { bad: "宣传次数 | ≥-5次", good: "能耗 | 下降5%", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind === "quantitative" && p.number !== null && p.number < 0 && !p.change)
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text } });
      }
    return hits;
  },
};

const decimals: TableRule = {
  id: "range.too-many-decimals",
  category: "range",
  severity: "info",
  title: { zh: "小数位数过多（超过 3 位）", en: "More than three decimals" },
  message: {
    zh: (p) => `指标值“${p.value}”的小数超过 3 位，请核实精度。`,
    en: (p) => `the target "${p.value}" has more than three decimals; check the precision.`,
  },
  example: { bad: "个贷逾期率 | ≤0.0655%", good: "个贷逾期率 | ≤0.065%（种子 000：个人住房贷款逾期率为 0.065%）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.number === null) continue;
        const m = /\.(\d+)/.exec(String(p.number));
        // in a unit of ten thousands (1346.0088万平方米) four decimals are still whole units
        const allowed = 3 + Math.max(0, Math.round(Math.log10(p.unitInfo?.dimension === "money" ? 1 : (p.unitInfo?.factor ?? 1))));
        if (m && m[1].length > allowed)
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, value: v.text } });
      }
    return hits;
  },
};

const satisfactionLow: TableRule = {
  id: "range.satisfaction-low",
  category: "range",
  severity: "info",
  title: { zh: "满意度目标低于 80%", en: "A satisfaction target below 80%" },
  message: {
    zh: (p) => `满意度目标“${p.value}”低于 80%，一般不低于 80%–90%，请核实。`,
    en: (p) => `the satisfaction target "${p.value}" is below 80%; targets are usually at least 80–90%.`,
  },
  example: { bad: "群众满意度 | ≥70%", good: "群众满意度 | ≥90%", source: "illustration (the seeds go no lower than ≥80%)" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!isSatisfaction(nameOf(ind))) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind === "quantitative" && p.unitInfo?.dimension === "percent" && p.number !== null && p.number < 80 && !p.change)
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, value: v.text } });
      }
    }
    return hits;
  },
};

const weightsTotal: TableRule = {
  id: "range.weights-total",
  category: "range",
  severity: "error",
  title: { zh: "指标权重（分值）合计不等于 100", en: "Indicator weights do not add up to 100" },
  message: {
    zh: (p) =>
      p.kept
        ? `本表各指标权重合计为 ${p.sum}，加上预算执行率权重 ${p.kept} 应为 100。`
        : p.empty
          ? `预算执行率权重没有填写；其余指标权重合计 ${p.sum}，预算执行率权重应为 ${p.missing}。`
          : `本表各指标权重合计为 ${p.sum}，应为 100。`,
    en: (p) =>
      p.kept
        ? `the weights of this table add up to ${p.sum}; with the budget-execution weight of ${p.kept} they should total 100.`
        : p.empty
          ? `the budget-execution weight is empty; the indicators' weights add up to ${p.sum}, so it should be ${p.missing}.`
          : `the weights of this table add up to ${p.sum}; they should total 100.`,
  },
  example: { bad: "权重 20+20+10+10+20+10 = 90", good: "各指标权重合计 100（或 90 另加预算执行率权重 10）", source: "corpus 05, 06, 08, 09 (重庆, 四川)" },
  check: ({ table }) => {
    const col = table.header?.columns.weight;
    // a self-evaluation's points are checked by its own family (sections, budget execution, 总分)
    if (col === undefined || !table.header || table.kind === "self-evaluation") return [];
    let sum = 0;
    let n = 0;
    for (const ind of table.indicators) {
      if (!ind.weight) continue;
      const w = typeof ind.weight.raw === "number" ? ind.weight.raw : Number(String(ind.weight.text).replace(/[%分\s]/g, ""));
      if (Number.isFinite(w)) {
        sum += w;
        n++;
      }
    }
    if (n === 0) return [];
    const total = Number(sum.toFixed(2));
    const place = table.header.labels.weight ?? { row: table.header.row, col, address: toA1(table.header.row, col) };
    // a template that keeps the 预算执行率 weight outside the indicators (预算执行率权重(%) | 10)
    const kept = table.executionWeight ? Number(table.executionWeight.text.replace(/[%分\s]/g, "")) : undefined;
    if (kept !== undefined && Number.isFinite(kept)) {
      if (Math.abs(sum + kept - 100) < 0.01) return [];
      return [{ place, params: { cell: place.address, sum: total, kept, empty: "", missing: "" } }];
    }
    const slot = table.slots.executionWeight;
    if (slot && sum < 100 - 0.01) return [{ place: slot.empty, severity: "warning", params: { cell: slot.empty.address, sum: total, kept: "", empty: "1", missing: Number((100 - sum).toFixed(2)) } }];
    // the points the grid's label gives its indicators (年度绩效目标(90分), the rest kept for 预算执行)
    const stated = table.indicatorPoints;
    if (stated !== undefined) {
      if (Math.abs(sum - stated) < 0.01) return [];
      return [{ place, params: { cell: place.address, sum: total, kept: 100 - stated, empty: "", missing: "" } }];
    }
    if (Math.abs(sum - 100) < 0.01) return [];
    return [{ place, params: { cell: place.address, sum: total, kept: "", empty: "", missing: "" } }];
  },
};

export const rangeRules: TableRule[] = [above100, atLeast100, negative, decimals, satisfactionLow, weightsTotal];
