/**
 * cost: a cost is a ceiling. 成本 indicators with ≥ or >; a cost above the project budget after
 * 元/万元/亿元 conversion; cost indicators that add up to more than the budget.
 */
import { formatBoth } from "../i18n";
import { atValue, budgetInYuan, formatMoney, formatNumber, isUnderCost, isUnitCost, looksLikeCost, moneyInYuan, nameOf, operatorFix, quoteValue, valueCells, type ValueCell } from "./indicators";
import type { Field, IndicatorRow, TargetTable } from "../model";
import { cleanProse, moneyAmountsInClean, type TextAmount } from "../recognize/amountsInText";
import type { ParsedValue } from "../value/types";
import { defineRule } from "./types";

const direction = defineRule({
  id: "cost.direction",
  category: "cost",
  severity: "error",
  title: { zh: "成本指标使用了 ≥ 或 >（成本应设上限 ≤）", en: "A cost indicator with ≥ or > (a cost is a ceiling, ≤)" },
  messages: {
    default: {
      zh: "成本指标“{name}”写作“{value}”；成本指标是支出上限，应使用 ≤，例如“{fixed}”。",
      en: 'cost indicator "{name}" is written "{value}"; a cost is a ceiling and takes ≤, e.g. "{fixed}".',
    },
  },
  why: { zh: "成本指标控制的是支出上限；写成 ≥，等于要求多花钱。", en: "A cost indicator caps spending; written with ≥ it asks for more to be spent." },
  howToFix: { zh: "把 ≥ 或 > 改为 ≤。", en: "Change ≥ or > to ≤." },
  fixable: "confirm",
  example: { bad: "全中心物业费总成本 | ≥62.01万元", good: "全中心物业费总成本 | ≤62.01万元", from: { seed: "001" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      // in a list without 一级/二级 (发放金额 | 万元 | ≥ | 9.31) a cost is known by its name and money unit
      const unlabelledCost = !ind.level1 && !ind.level2 && looksLikeCost(nameOf(ind));
      if (!isUnderCost(ind) && !unlabelledCost) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || (p.op !== "≥" && p.op !== ">")) continue;
        if (!isUnderCost(ind) && p.unitInfo?.dimension !== "money" && p.unitInfo?.dimension !== "money-rate") continue;
        const fixed = `≤${p.number}${p.unit ?? ""}`;
        report({ ...atValue(ind, v), params: { ...quoteValue(ind, v), fixed }, fix: operatorFix(table, ind, v, "≤", fixed, true) });
      }
    }
  },
});

const aboveBudget = defineRule({
  id: "cost.above-budget",
  category: "cost",
  severity: "error",
  title: { zh: "成本指标超过项目预算", en: "A cost above the project budget" },
  messages: {
    default: { zh: "成本指标“{name}”为“{value}”，超过项目预算 {budget}（{budgetCell}）。", en: 'cost "{name}" is "{value}", more than the project budget of {budget} ({budgetCell}).' },
    converted: {
      zh: "成本指标“{name}”为“{value}”（折合 {converted}），超过项目预算 {budget}（{budgetCell}）。",
      en: 'cost "{name}" is "{value}" ({converted}), more than the project budget of {budget} ({budgetCell}).',
    },
  },
  why: { zh: "一项成本不可能超过整个项目的预算；多半是单位（元/万元）写错或数字抄错。", en: "One cost cannot exceed the whole project's budget: usually the unit (元/万元) or a digit is wrong." },
  howToFix: { zh: "核对成本指标和预算数的金额与单位。", en: "Check the amounts and units of the cost and the budget." },
  fixable: "no",
  example: {
    bad: "宣传总成本 | ≤30万元，预算数 25万元",
    good: "宣传总成本 | ≤25万元（种子 000 宣传费：制作成本 ≤25万元 = 预算数 25）",
    from: { illustration: "the fixed form is from the seeds" },
  },
  check: ({ table }, report) => {
    const budget = budgetInYuan(table);
    if (!budget) return;
    for (const ind of table.indicators) {
      if (!isUnderCost(ind)) continue;
      for (const v of valueCells(ind)) {
        if (isUnitCost(ind, v.parsed)) continue;
        const yuan = moneyInYuan(v.parsed);
        if (yuan === undefined || yuan <= budget.yuan * 1.0001) continue;
        const params = { ...quoteValue(ind, v), budget: formatMoney(budget.yuan, budget.unit), budgetCell: budget.place.address };
        if (v.parsed.unit === budget.unit) report({ ...atValue(ind, v), params });
        else report({ ...atValue(ind, v), messageId: "converted", params: { ...params, converted: formatMoney(yuan, budget.unit) } });
      }
    }
  },
});

const sumAboveBudget = defineRule({
  id: "cost.sum-above-budget",
  category: "cost",
  severity: "error",
  title: { zh: "各成本指标合计超过项目预算", en: "Cost indicators adding up to more than the budget" },
  messages: {
    default: { zh: "本表{column}成本指标合计 {sum}，超过项目预算 {budget}。", en: "the {column} cost indicators of this table add up to {sum}, more than the budget of {budget}." },
  },
  why: { zh: "各项成本合计超过预算，说明成本或预算至少有一处写错，或有重复计算。", en: "Costs adding up to more than the budget mean a cost or the budget is wrong, or something is counted twice." },
  howToFix: { zh: "核对各项成本，使合计不超过预算数；总成本与分项并列的，只保留一种写法。", en: "Check the costs so they add up to no more than the budget; where a total stands beside its parts, keep one or the other." },
  fixable: "no",
  example: { bad: "宣传品制作成本 ≤20万元 + 媒体刊播成本 ≤10万元，预算数 25万元", good: "各项成本合计不超过 25万元", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    const budget = budgetInYuan(table);
    if (!budget) return;
    for (const half of [false, true]) {
      let sum = 0;
      let count = 0;
      let max = 0;
      let first: { row: number; col: number; address: string } | undefined;
      for (const ind of table.indicators) {
        if (!isUnderCost(ind)) continue;
        const v = valueCells(ind).find((x) => x.half === half);
        if (!v || isUnitCost(ind, v.parsed)) continue;
        const yuan = moneyInYuan(v.parsed);
        if (yuan === undefined) continue;
        sum += yuan;
        max = Math.max(max, yuan);
        count++;
        first ??= v.field;
      }
      // a total listed with its parts (总成本 ≤100万元, 物业费 ≤60万元, 水电费 ≤40万元) is not double spending
      if (count >= 3 && Math.abs(sum - 2 * max) <= Math.max(1, max * 0.001)) continue;
      // one cost alone above the whole budget is cost.above-budget's finding; the sum then exceeds it too
      if (max > budget.yuan * 1.0001) continue;
      const limit = half && table.budget.halfYear ? table.budget.halfYear.value * (budget.yuan / budget.amount) : budget.yuan;
      if (count >= 2 && first && sum > limit * 1.0001)
        report({ place: first, params: { sum: formatMoney(sum, budget.unit), budget: formatMoney(limit, budget.unit), column: half ? { zh: "半年", en: "half-year" } : { zh: "", en: "full-year" } } });
    }
  },
});

/** Months one of a rate's time units stands for. */
const MONTHS_PER: Record<string, number> = { 月: 1, 个月: 1, 季度: 3, 年: 12 };

/** A period as its two ends: 2020年1月--2020年11月, 2022年3月-2023年11月, 2022.01.01-2022.12.31 (whitespace removed). */
const PERIOD = /(\d{4})[年.\-/](\d{1,2})(?:月\d{1,2}日|月|[.\-/]\d{1,2}日?)?(?:-{1,2}|—{1,2}|~|～|至|到)(?:(\d{4})[年.\-/])?(\d{1,2})(?:月|[.\-/]\d{1,2}|$)/;

/** The months between a period's ends, both counted (2020年1月--2020年11月: 11). */
function monthsIn(text: string): number | undefined {
  const m = PERIOD.exec(text.replace(/\s+/g, ""));
  if (!m) return undefined;
  const y1 = Number(m[1]);
  const y2 = m[3] ? Number(m[3]) : y1;
  const n = (y2 - y1) * 12 + Number(m[4]) - Number(m[2]) + 1;
  return n >= 1 && n <= 120 ? n : undefined;
}

/**
 * The months a project runs, as its table says: 项目期 / 实施期, 开始时间 to 结束时间, or a period
 * given as an indicator's target (各项费用使用周期 2020年1月--2020年11月); a year when it says nothing.
 */
function projectMonths(t: TargetTable): { months: number; period?: string } {
  const { span, start, end } = t.period;
  const candidates = [span?.text, start && end ? `${start.text}--${end.text}` : undefined, ...t.indicators.map((i) => i.value?.text)];
  for (const text of candidates) {
    const months = text ? monthsIn(text) : undefined;
    if (months !== undefined) return { months, period: text };
  }
  return { months: 12 };
}

const perPeriodAboveBudget = defineRule({
  id: "cost.per-period-above-budget",
  category: "cost",
  severity: "error",
  title: { zh: "按月（季、年）计的成本乘以项目期超过项目预算", en: "A cost per month (quarter, year) over the project period above the budget" },
  messages: {
    default: {
      zh: "成本指标“{name}”为“{value}”，按全年共 {months} 个月计为 {total}，超过项目预算 {budget}（{budgetCell}）。",
      en: 'cost "{name}" is "{value}"; over the year ({months} months) it comes to {total}, more than the project budget of {budget} ({budgetCell}).',
    },
    period: {
      zh: "成本指标“{name}”为“{value}”，按“{period}”共 {months} 个月计为 {total}，超过项目预算 {budget}（{budgetCell}）。",
      en: 'cost "{name}" is "{value}"; over "{period}" ({months} months) it comes to {total}, more than the project budget of {budget} ({budgetCell}).',
    },
  },
  why: { zh: "按月（季、年）计的成本乘以项目期不能超过预算，否则成本标准与预算对不上。", en: "A cost per month (quarter, year) times the project's length cannot exceed the budget, or the rate and the budget disagree." },
  howToFix: { zh: "按预算数和项目期重新计算单期成本，或核对项目期与预算。", en: "Work the rate out again from the budget and the period, or check the period and the budget." },
  fixable: "no",
  example: {
    bad: "人工成本 | ≤620万/月，2020年1月--2020年11月，项目预算金额 5652万元（620 × 11 = 6820万元）",
    good: "人工成本 | ≤513.82万元/月（5652 ÷ 11）",
    from: { corpus: "02", note: "天津, 抗疫特别国债项目" },
  },
  check: ({ table }, report) => {
    const budget = budgetInYuan(table);
    if (!budget) return;
    for (const ind of table.indicators) {
      if (!isUnderCost(ind)) continue;
      for (const v of valueCells(ind)) {
        const p = v.parsed;
        if (p.kind !== "quantitative" || p.number === null || p.unitInfo?.dimension !== "money-rate" || p.op === "≥" || p.op === ">") continue;
        const per = p.unitInfo.unit.split("/").slice(1).join("/");
        const each = MONTHS_PER[per];
        if (each === undefined) continue;
        const { months, period } = projectMonths(table);
        const total = (p.number * p.unitInfo.factor * months) / each;
        if (total <= budget.yuan * 1.0001) continue;
        const params = { ...quoteValue(ind, v), months, total: formatMoney(total, budget.unit), budget: formatMoney(budget.yuan, budget.unit), budgetCell: budget.place.address };
        if (period) report({ ...atValue(ind, v), messageId: "period", params: { ...params, period } });
        else report({ ...atValue(ind, v), params });
      }
    }
  },
});

/** Time units a rate can be "per": a cost per day or per month needs a duration to multiply by. */
const DURATION = new Set(["天", "日", "工作日", "个工作日", "小时", "分钟", "周", "月", "个月", "季度"]);

/** What a unit cost is for: 人 for 人均 / 元/人, 笔 for 单笔 / 元/笔 …; undefined when it also runs per day or month. */
function perWhat(ind: IndicatorRow, p: ParsedValue): string | undefined {
  const name = nameOf(ind);
  if (/月租|月均|月费|每月|日均|每天|每日/.test(name)) return undefined;
  const m = /(人均|每人)|(户均|每户)|(次均)|(?:单|每)(套|台|笔|件|次|个|项|辆|份|册|场|期|家|所|间|处)/.exec(name);
  const fromName = m ? (m[1] ? "人" : m[2] ? "户" : m[3] ? "次" : m[4]) : undefined;
  if (p.unitInfo?.dimension === "money-rate") {
    const per = p.unitInfo.unit.split("/")[1]?.split("·") ?? [];
    if (per.some((d) => DURATION.has(d))) return undefined;
    const counts = per.filter((d) => d !== "年");
    if (counts.length === 1) return counts[0];
    return counts.length === 0 ? fromName : undefined;
  }
  return p.unitInfo?.dimension === "money" ? fromName : undefined;
}

/** People counted under another word in a rate: 元/生 (per pupil), 元/名. */
const PERSON = new Set(["人", "生", "名", "学生"]);

function sameCountUnit(per: string, base: string): boolean {
  if (per === base) return true;
  if (PERSON.has(per) && base === "人") return true;
  return (per === "人" && base === "人次") || (per === "次" && base === "人次");
}

/** Two-character pieces of a name that say what it is about (not 人数, 成本, 费用 …). */
function topicBigrams(name: string): Set<string> {
  const k = name.replace(/[（(][^）)]*[）)]/g, "").replace(/人均|成本|费用|经费|人数|次数|数量|标准|单价|每人|单笔|单位/g, "|");
  const out = new Set<string>();
  for (let i = 0; i + 1 < k.length; i++) if (!/\|/.test(k.slice(i, i + 2))) out.add(k.slice(i, i + 2));
  return out;
}

/** The quantity a unit cost multiplies: a count in the same unit, under 数量 where there is one. */
function quantityFor(table: TargetTable, costInd: IndicatorRow, per: string): { ind: IndicatorRow; count: number } | undefined {
  const all = table.indicators.filter((i) => {
    const q = i.parsed;
    if (i === costInd || isUnderCost(i) || !q || !i.value || q.kind !== "quantitative" || q.number === null || q.number <= 0 || q.change) return false;
    return q.unitInfo?.dimension === "count" && sameCountUnit(per, q.unitInfo.base);
  });
  const underQuantity = all.filter((i) => i.level2?.key === "数量");
  const pool = underQuantity.length ? underQuantity : all;
  const count = (i: IndicatorRow) => (i.parsed?.number ?? 0) * (i.parsed?.unitInfo?.factor ?? 1);
  if (pool.length === 0) return undefined;
  if (new Set(pool.map(count)).size === 1) return { ind: pool[0], count: count(pool[0]) };
  // several different counts: the one whose name shares the cost's topic (工作服人均购置标准 -> 工作服配发人数)
  const topic = topicBigrams(nameOf(costInd));
  const scored = pool.map((i) => ({ i, n: [...topicBigrams(nameOf(i))].filter((b) => topic.has(b)).length })).sort((a, b) => b.n - a.n);
  if (scored[0].n === 0 || (scored[1] && scored[1].n === scored[0].n)) return undefined;
  return { ind: scored[0].i, count: count(scored[0].i) };
}

function fmt2(n: number): string {
  return formatNumber(n, 2);
}

const UNIT_COST_ZH = "单位成本“{value}”（{name}）× {qname}“{qvalue}”（{qcell}）= {product}，";
const UNIT_COST_EN = 'the unit cost "{value}" ({name}) × "{qvalue}" {qname} ({qcell}) = {product}, ';
const IMPLIED_ZH = "；按预算计算，单位成本约为 {implied}。请核实单位成本和数量";
const IMPLIED_EN = "; the budget works out at about {implied} each. Check the unit cost and the quantity";

const unitCostTimesQuantity = defineRule({
  id: "cost.unit-cost-times-quantity",
  category: "cost",
  severity: "warning",
  title: { zh: "单位成本 × 数量与项目预算相差过大", en: "Unit cost × quantity far from the project budget" },
  messages: {
    over: {
      zh: `${UNIT_COST_ZH}比项目预算 {budget}（{budgetCell}）多 {pct}%${IMPLIED_ZH}。`,
      en: `${UNIT_COST_EN}{pct}% more than the project budget of {budget} ({budgetCell})${IMPLIED_EN}.`,
    },
    under: {
      zh: `${UNIT_COST_ZH}不到项目预算 {budget}（{budgetCell}）的一半${IMPLIED_ZH}，或补充其余的成本指标。`,
      en: `${UNIT_COST_EN}less than half of the project budget of {budget} ({budgetCell})${IMPLIED_EN}, or add the other costs.`,
    },
  },
  why: { zh: "单位成本乘以数量应与预算大致相当；相差过大，单价、数量或预算至少有一个不对。", en: "A unit cost times its quantity should come close to the budget; far from it, the unit cost, the quantity or the budget is wrong." },
  howToFix: { zh: "按预算数和数量核对单位成本（或补充其余的成本指标）。", en: "Check the unit cost against the budget and the quantity (or add the other costs)." },
  fixable: "no",
  example: {
    bad: "人均聘用成本 ≤5万元 × 聘用人数 ≥135人 = 675万元，预算数 557.89万元",
    good: "人均聘用成本 ≤4.14万元（557.89万元 ÷ 135人）",
    from: { seed: "000", table: "聘用人员劳务费（按万元计）" },
  },
  check: ({ table }, report) => {
    const budget = budgetInYuan(table);
    if (!budget) return;
    const costs = table.indicators.filter((i) => isUnderCost(i) || looksLikeCost(nameOf(i)));
    const moneyCosts = costs.filter((i) => valueCells(i).some((v) => v.parsed.unitInfo?.dimension === "money" || v.parsed.unitInfo?.dimension === "money-rate"));
    // a 天/月 count elsewhere in the table may be a further factor (430元/人 for each of 8 days)
    const hasDuration = table.indicators.some((i) => i.parsed?.kind === "quantitative" && i.parsed.unitInfo?.dimension === "time" && !isUnderCost(i));
    for (const ind of costs) {
      const v = valueCells(ind).find((x) => !x.half);
      if (!v) continue;
      const p = v.parsed;
      if (p.kind !== "quantitative" || p.number === null || p.number <= 0 || p.change || !p.unitInfo) continue;
      if (p.op === "≥" || p.op === ">") continue; // cost.direction says so first
      if (!isUnitCost(ind, p)) continue;
      const per = perWhat(ind, p);
      if (!per) continue;
      const q = quantityFor(table, ind, per);
      if (!q || !q.ind.value) continue;
      const product = p.number * p.unitInfo.factor * q.count;
      const over = product > budget.yuan * 1.1;
      const under = !over && product < budget.yuan * 0.5 && moneyCosts.length === 1 && !hasDuration;
      // (the amounts are written out only for a row that is reported: issue 17)
      if (!over && !under) continue;
      const implied = budget.yuan / q.count / p.unitInfo.factor;
      const params = {
        ...quoteValue(ind, v), qname: nameOf(q.ind), qvalue: q.ind.value.text, qcell: q.ind.value.address,
        product: formatMoney(product, budget.unit), budget: formatMoney(budget.yuan, budget.unit), budgetCell: budget.place.address, implied: `${fmt2(implied)}${p.unit ?? ""}`,
      };
      if (over) report({ ...atValue(ind, v), messageId: "over", params: { ...params, pct: Math.round((product / budget.yuan - 1) * 100) } });
      else report({ ...atValue(ind, v), severity: "info", messageId: "under", params });
    }
  },
});

/** A cost named with its amount in a text: "物业费62.01万", "邮递费219.76万元". */
interface NamedCost {
  /** the words before the amount: "物业费", "专线等邮递费用" */
  label: string;
  /** what an indicator name must contain to be this cost: "物业费", "邮递费" */
  keys: string[];
  /** the phrase as a message quotes it: "公积金短信平台、专线等邮递费用219.76万" */
  quoted: string;
  amount: TextAmount;
  source: Field;
}

const COST_WORD = /费|金|租|成本|薪酬|工资|款/;
/** money that is not spent by the project: funds collected, loans, balances, income */
const NOT_A_COST = /公积金|贷款|余额|归集|提取|收入|收益|增值/;
const LABEL_FILLER = /(?:资金需求|费用需求|需求|需要|预计|合计|共计|总计|支出|约为|约|共|为|计|达)+$/;
const FILLER_ENDS = "求要计出为约共达";

const LABEL_SEPARATOR = /[,.;:：；。、()（）[\]【】\s]/;

/**
 * The words after the last separator: `s.split(/[,.;:：；。、()（）[\]【】\s]|包括|其中|含/).pop()`,
 * found from the end instead of splitting the whole 40 characters (no two separators can overlap,
 * so the last piece starts right after the separator that ends last).
 */
function afterLastSeparator(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i];
    if (LABEL_SEPARATOR.test(ch) || ch === "含" || (i > 0 && ((ch === "括" && s[i - 1] === "包") || (ch === "中" && s[i - 1] === "其")))) return s.slice(i + 1);
  }
  return s;
}

function costKey(s: string): string {
  return s.replace(/[（(][^）)]*[）)]/g, "").replace(/\s/g, "").replace(/费用/g, "费");
}

/** Every amount in a text with the cost it names, when the words before it name one. */
export function namedCosts(source: Field): NamedCost[] {
  const out: NamedCost[] = [];
  if (!/[\d０-９]/.test(source.text)) return out; // no digit, no amount (full-width digits become digits in cleanProse)
  const t = cleanProse(source.text);
  for (const amount of moneyAmountsInClean(t)) {
    const before = t.slice(Math.max(0, amount.index - 40), amount.index).trimEnd();
    let label = afterLastSeparator(before);
    // (LABEL_FILLER can only match a label that ends with the last character of one of its words)
    if (FILLER_ENDS.includes(label[label.length - 1])) label = label.replace(LABEL_FILLER, "");
    if (!label || /月|年度?$|\d/.test(label) || NOT_A_COST.test(label)) continue;
    const key = costKey(label);
    const parts = key.includes("等") ? [key, ...key.split("等")] : [key];
    const keys = [...new Set(parts)].filter((k) => k.length >= 3 && COST_WORD.test(k));
    if (keys.length === 0) continue;
    const phrase = (before.split(/[,;:：；。]|包括|其中/).pop() ?? "").trim();
    out.push({ label, keys, amount, source, quoted: phrase + amount.text });
  }
  return out;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.0005);
}

/** What the cost indicators say, against a text's amount: their sum, or the one's value (converted when its unit is another). */
const COSTS_SAY = {
  several: { zh: "成本指标{names}合计 {sum}", en: "the cost indicators {names} add up to {sum}" },
  one: { zh: "成本指标{names}为“{value}”", en: 'the cost indicator {names} is "{value}"' },
  oneConverted: { zh: "成本指标{names}为“{value}”（折合 {sum}）", en: 'the cost indicator {names} is "{value}" ({sum})' },
};

/** How the costs compare with the text's amount, and what to do. */
const COSTS_VS_TEXT = {
  more: { zh: "超过了文中的金额；请核对两处金额", en: "which is more than the text gives; reconcile the two" },
  less: {
    zh: "少于文中的金额；如文中金额还包括其他支出，请为其设置成本指标，否则请统一两处金额",
    en: "which is less than the text gives; add cost indicators for whatever else the text amount covers, or make the two agree",
  },
};

const textAmount = defineRule({
  id: "cost.text-amount",
  category: "cost",
  severity: "warning",
  title: { zh: "成本指标与项目实施内容或绩效目标中写明的金额不一致", en: "A cost indicator that differs from the amount the project text gives for it" },
  messages: {
    default: { zh: "{source}写明“{quoted}”，而{what}，{relation}。", en: 'the {source} says "{quoted}", but {what}, {relation}.' },
  },
  why: { zh: "同一项支出在文字和成本指标里写成两个金额，评审不知道以哪个为准。", en: "The same spending given as two amounts, in the text and in the cost indicator, leaves a reviewer unsure which holds." },
  howToFix: { zh: "统一两处金额；文中金额还包括其他支出的，为其另设成本指标。", en: "Make the two amounts agree; where the text's amount covers more, add cost indicators for the rest." },
  fixable: "no",
  example: {
    bad: "项目实施内容：公积金短信平台、专线等邮递费用219.76万；成本指标：短信平台及邮递费 ≥187.26万元",
    good: "金额一致（如 物业费62.01万 与 全中心物业费总成本 ≤62.01万元），或为专线等其余支出另设成本指标",
    from: { seed: "001" },
  },
  check: ({ table }, report) => {
    const budget = budgetInYuan(table);
    const unit = budget?.unit === "元" ? "万元" : (budget?.unit ?? "万元");
    const texts: { f: Field; zh: string; en: string }[] = [
      ...(table.texts.implementationContent ? [{ f: table.texts.implementationContent, zh: "项目实施内容", en: "implementation content" }] : []),
      ...table.texts.goals.map((g) => ({ f: g, zh: "绩效目标", en: "goal text" })),
      ...(table.texts.implementationPlan ? [{ f: table.texts.implementationPlan, zh: "项目实施计划", en: "implementation plan" }] : []),
      ...(table.texts.purpose ? [{ f: table.texts.purpose, zh: "资金用途", en: "purpose" }] : []),
    ];
    // full-year amounts of the cost indicators (unit costs and rents per month are not totals),
    // worked out when a text first names a cost
    let costs: { ind: IndicatorRow; v: ValueCell; key: string }[] | undefined;
    const costsOfTable = () =>
      table.indicators
        .filter((i) => isUnderCost(i) || looksLikeCost(nameOf(i)))
        .map((i) => ({ ind: i, v: valueCells(i).find((x) => !x.half) }))
        .filter((c): c is { ind: IndicatorRow; v: ValueCell } => !!c.v && !isUnitCost(c.ind, c.v.parsed) && moneyInYuan(c.v.parsed) !== undefined)
        .map((c) => ({ ...c, key: costKey(nameOf(c.ind)) }));
    const reported = new Set<string>();
    for (const { f, zh, en } of texts) {
      for (const named of namedCosts(f)) {
        costs ??= costsOfTable();
        const matched = costs.filter((c) => named.keys.some((k) => c.key.includes(k)));
        if (matched.length === 0) continue;
        const values = matched.map((c) => moneyInYuan(c.v.parsed) as number);
        const sum = values.reduce((a, b) => a + b, 0);
        if (values.some((v) => sameAmount(v, named.amount.yuan)) || sameAmount(sum, named.amount.yuan)) continue;
        const first = matched[0];
        if (reported.has(first.v.field.address)) continue;
        matched.forEach((c) => reported.add(c.v.field.address));
        const more = sum > named.amount.yuan;
        const names = matched.map((c) => `“${nameOf(c.ind)}”`).join("、");
        const namesEn = matched.map((c) => `"${nameOf(c.ind)}"`).join(", ");
        const say = matched.length > 1 ? COSTS_SAY.several : first.v.parsed.unit === unit ? COSTS_SAY.one : COSTS_SAY.oneConverted;
        report({
          place: first.v.field,
          value: first.v.field.text,
          indicator: nameOf(first.ind),
          severity: more ? "warning" : "info",
          params: {
            source: { zh: `${zh}（${f.address}）`, en: `${en} (${f.address})` },
            quoted: named.quoted,
            what: formatBoth(say, { names: { zh: names, en: namesEn }, sum: formatMoney(sum, unit), value: first.v.text }),
            relation: more ? COSTS_VS_TEXT.more : COSTS_VS_TEXT.less,
          },
        });
      }
    }
  },
});

export const costRules = [direction, aboveBudget, sumAboveBudget, perPeriodAboveBudget, unitCostTimesQuantity, textAmount];
