/** range: impossible or degenerate numbers — a rate above 100%, ≥100%, negative counts, too many decimals, weights. */
import { toA1 } from "../grid";
import { atValue, isRateName, isSatisfaction, nameOf, operatorFix, quoteValue, valueCells } from "./indicators";
import { defineRule } from "./types";

const above100 = defineRule({
  id: "range.rate-above-100",
  category: "range",
  severity: "error",
  title: { zh: "比率超过 100%", en: "A rate above 100%" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”超过 100%，比率不可能超过 100%。", en: 'the target "{value}" of "{name}" is above 100%, which a rate cannot be.' },
  },
  why: { zh: "完成率、合格率之类的比率最高 100%，超过 100% 的目标不可能实现。", en: "A completion or pass rate cannot exceed 100%: such a target cannot be met." },
  howToFix: { zh: "改为不超过 100% 的目标（如 =100%、≥95%）；要表达增长的，写“增长 x%”。", en: "Set a target of at most 100% (=100%, ≥95%); for growth write 增长 x%." },
  fixable: "no",
  example: { bad: "宣传工作完成率 | ≥120%", good: "宣传工作完成率 | =100%", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unitInfo?.dimension !== "percent" || p.number === null || p.change) continue;
        if (!isRateName(name) || /增长|提升|提高|增幅|上升/.test(name)) continue;
        if (p.number > 100 || (p.number === 100 && p.op === ">")) report({ ...atValue(ind, v), params: quoteValue(ind, v) });
      }
    }
  },
});

const atLeast100 = defineRule({
  id: "range.at-least-100",
  category: "range",
  severity: "warning",
  title: { zh: "≥100%：比率不能超过 100%，应写 =100%", en: "≥100%: a rate cannot exceed 100%, write =100%" },
  messages: {
    default: { zh: "指标“{name}”写作“{value}”；比率最高 100%，应写 =100%。", en: '"{name}" is written "{value}"; a rate cannot exceed 100%, so write =100%.' },
  },
  why: { zh: "比率不会超过 100%，“≥100%”实际只能是 =100%，写法不严谨。", en: "A rate cannot exceed 100%, so ≥100% can only mean =100%: the form is loose." },
  howToFix: { zh: "改为 =100%。", en: "Write =100%." },
  fixable: "yes",
  example: { bad: "审计工作完成率 | ≥100%", good: "审计工作完成率 | =100%", from: { seed: "000", table: "综合事务工作经费—审计费" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.unitInfo?.dimension !== "percent" || p.number !== 100 || p.op !== "≥") continue;
        if (/增长|提升|提高|增幅|上升/.test(name)) continue;
        report({ ...atValue(ind, v), params: quoteValue(ind, v), fix: operatorFix(table, ind, v, "=", "=100%") });
      }
    }
  },
});

const negative = defineRule({
  id: "range.negative",
  category: "range",
  severity: "error",
  title: { zh: "数量或金额为负数", en: "A negative count or amount" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”是负数；下降请写“下降 x%”。", en: 'the target "{value}" of "{name}" is negative; for a decrease write "下降 x%".' },
  },
  why: { zh: "数量和金额不会是负数；负数多半是想表达“下降”。", en: "Counts and amounts are never negative; a negative number usually means a decrease." },
  howToFix: { zh: "写成“下降 x%”或“降低 x”，或改为正数。", en: "Write 下降 x% (or 降低 x), or make the number positive." },
  fixable: "no",
  example: { bad: "宣传次数 | ≥-5次", good: "能耗 | 下降5%", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind === "quantitative" && p.number !== null && p.number < 0 && !p.change) report({ ...atValue(ind, v), params: quoteValue(ind, v) });
      }
  },
});

const decimals = defineRule({
  id: "range.too-many-decimals",
  category: "range",
  severity: "info",
  title: { zh: "小数位数过多（超过 3 位）", en: "More than three decimals" },
  messages: {
    default: { zh: "指标值“{value}”的小数超过 3 位，请核实精度。", en: 'the target "{value}" has more than three decimals; check the precision.' },
  },
  why: { zh: "超过 3 位小数的目标往往是计算结果直接粘贴，精度并无意义，也可能是输错了。", en: "A target with more than three decimals is usually a pasted calculation: the precision means nothing, or it is a typo." },
  howToFix: { zh: "按实际需要的精度取整（一般不超过 2 位小数）。", en: "Round to the precision that matters (usually two decimals at most)." },
  fixable: "no",
  example: {
    bad: "个贷逾期率 | ≤0.0655%",
    good: "个贷逾期率 | ≤0.065%（种子 000：个人住房贷款逾期率为 0.065%）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }, report) => {
    for (const ind of table.indicators)
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.number === null) continue;
        const m = /\.(\d+)/.exec(String(p.number));
        // in a unit of ten thousands (1346.0088万平方米) four decimals are still whole units
        const allowed = 3 + Math.max(0, Math.round(Math.log10(p.unitInfo?.dimension === "money" ? 1 : (p.unitInfo?.factor ?? 1))));
        if (m && m[1].length > allowed) report({ ...atValue(ind, v), params: { value: v.text } });
      }
  },
});

const satisfactionLow = defineRule({
  id: "range.satisfaction-low",
  category: "range",
  severity: "info",
  title: { zh: "满意度目标低于 80%", en: "A satisfaction target below 80%" },
  messages: {
    default: { zh: "满意度目标“{value}”低于 80%，一般不低于 80%–90%，请核实。", en: 'the satisfaction target "{value}" is below 80%; targets are usually at least 80–90%.' },
  },
  why: { zh: "满意度目标通常不低于 80%–90%；定得过低，目标就失去了约束力。", en: "Satisfaction targets are usually at least 80–90%; one set lower binds nobody." },
  howToFix: { zh: "核实目标，一般设为 ≥85% 或 ≥90%。", en: "Check the target; ≥85% or ≥90% is usual." },
  fixable: "no",
  example: { bad: "群众满意度 | ≥70%", good: "群众满意度 | ≥90%", from: { illustration: "the seeds go no lower than ≥80%" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      if (!isSatisfaction(nameOf(ind))) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind === "quantitative" && p.unitInfo?.dimension === "percent" && p.number !== null && p.number < 80 && !p.change)
          report({ ...atValue(ind, v), params: { value: v.text } });
      }
    }
  },
});

const weightsTotal = defineRule({
  id: "range.weights-total",
  category: "range",
  severity: "error",
  title: { zh: "指标权重（分值）合计不等于 100", en: "Indicator weights do not add up to 100" },
  messages: {
    default: { zh: "本表各指标权重合计为 {sum}，应为 100。", en: "the weights of this table add up to {sum}; they should total 100." },
    kept: {
      zh: "本表各指标权重合计为 {sum}，加上预算执行率权重 {kept} 应为 100。",
      en: "the weights of this table add up to {sum}; with the budget-execution weight of {kept} they should total 100.",
    },
    empty: {
      zh: "预算执行率权重没有填写；其余指标权重合计 {sum}，预算执行率权重应为 {missing}。",
      en: "the budget-execution weight is empty; the indicators' weights add up to {sum}, so it should be {missing}.",
    },
  },
  why: { zh: "权重（分值）用于评分，合计必须是 100 分，否则自评得分无法比较。", en: "Weights (points) are what the evaluation scores by: they must total 100, or scores cannot be compared." },
  howToFix: { zh: "调整各指标权重，使其合计为 100（另列预算执行率权重的，合计加上它为 100）。", en: "Adjust the weights to total 100 (with a separate budget-execution weight, together with it)." },
  fixable: "no",
  example: { bad: "权重 20+20+10+10+20+10 = 90", good: "各指标权重合计 100（或 90 另加预算执行率权重 10）", from: { corpus: "05, 06, 08, 09", note: "重庆, 四川" } },
  check: ({ table }, report) => {
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
      if (Math.abs(sum + kept - 100) < 0.01) return;
      return void report(kept ? { place, messageId: "kept", params: { sum: total, kept } } : { place, params: { sum: total } });
    }
    const slot = table.slots.executionWeight;
    if (slot && sum < 100 - 0.01) return void report({ place: slot.empty, severity: "warning", messageId: "empty", params: { sum: total, missing: Number((100 - sum).toFixed(2)) } });
    // the points the grid's label gives its indicators (年度绩效目标(90分), the rest kept for 预算执行)
    const stated = table.indicatorPoints;
    if (stated !== undefined) {
      if (Math.abs(sum - stated) < 0.01) return;
      return void report(100 - stated ? { place, messageId: "kept", params: { sum: total, kept: 100 - stated } } : { place, params: { sum: total } });
    }
    if (Math.abs(sum - 100) < 0.01) return;
    report({ place, params: { sum: total } });
  },
});

export const rangeRules = [above100, atLeast100, negative, decimals, satisfactionLow, weightsTotal];
