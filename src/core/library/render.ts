/**
 * A template's target as cell text for one table: money converted to the table's unit, the cost
 * ceiling taken from the budget where the template says so, deadlines in the project year,
 * and the half-year value for tables with 半年/全年 columns.
 */
import type { MoneyUnit } from "../model";
import { isMoneyUnit, moneyFactor } from "../value/units";
import type { Template } from "./schema";

export { isMoneyUnit };

export interface RenderContext {
  /** the table's money unit; cost templates in another money unit are converted to it */
  moneyUnit?: MoneyUnit | null;
  /** the project budget in 元 (for templates with derive: "budget") */
  budgetYuan?: number;
  /** the half-year budget in 元 (半年计划执行数), when the table has one */
  halfBudgetYuan?: number;
  /** the project year, for deadlines ("2020年12月31日前") */
  year?: number;
  /** fill "user" templates with their example instead of leaving them blank (previews, tests) */
  useExamples?: boolean;
}

export interface RenderedValue {
  /** the whole value as one cell text ("≥90%", "≤25万元", "2020年12月31日前", "健全"); null = blank for the user */
  text: string | null;
  operator: string | null;
  /** the number alone (for tables with separate 运算符/计量单位 columns) */
  number: number | null;
  unit: string | null;
  /** where the value came from */
  source: "default" | "budget" | "example" | "user";
  /** for blanks: what to write, e.g. "≥__人（示例 ≥40人）" */
  hint?: string;
  /** the same in English: "≥__人 (e.g. ≥40人)" */
  hintEn?: string;
}

/** A template placed in a cost block (产出/成本, 成本/…). */
export function isCostTemplate(t: Template): boolean {
  return t.level2 === "成本" || t.level1 === "成本";
}

/** A number without float noise, at most 4 decimals (6 for tiny amounts). */
export function formatNumber(n: number): string {
  const digits = Math.abs(n) < 0.01 && n !== 0 ? 6 : 4;
  return String(Number(n.toFixed(digits)));
}

/** Targets that accumulate over the year (≥ counts, amounts) are halved for the half-year column. */
function halves(t: Template): boolean {
  if (t.kind !== "quantitative" || !t.unit) return false;
  if (t.derive === "budget") return true;
  if (t.operator !== "≥" && t.operator !== ">") return false;
  if (/[%‰]|\/|天|日|小时|月|年|分钟/.test(t.unit)) return false;
  return !/单次|单个|单笔|单价|人均|户均|每|平均|标准|年限/.test(t.name);
}

function deadlineText(t: Template, year?: number): string {
  const d = t.deadline ?? { month: 12 };
  const md = d.day ? `${d.month}月${d.day}日前` : `${d.month}月底前`;
  return year ? `${year}年${md}` : md;
}

/** The target of `t` as written into a table described by `ctx`. */
export function renderValue(t: Template, ctx: RenderContext = {}, half = false): RenderedValue {
  if (t.kind === "deadline") return { text: deadlineText(t, ctx.year), operator: null, number: null, unit: null, source: "default" };
  if (t.kind === "qualitative") return { text: t.text ?? null, operator: null, number: null, unit: null, source: "default" };

  const op = t.operator ?? "";
  let unit = t.unit;
  let n: number | null = t.value;
  let source: RenderedValue["source"] = "default";
  // money: cost amounts follow the table's unit
  const convert = isCostTemplate(t) && isMoneyUnit(t.unit) && isMoneyUnit(ctx.moneyUnit) && ctx.moneyUnit !== t.unit;
  const target: string | null = convert ? (ctx.moneyUnit as MoneyUnit) : t.unit;

  if (t.derive === "budget") {
    const yuan = half ? (ctx.halfBudgetYuan ?? (ctx.budgetYuan !== undefined ? ctx.budgetYuan / 2 : undefined)) : ctx.budgetYuan;
    const u = (isMoneyUnit(ctx.moneyUnit) ? ctx.moneyUnit : t.unit) as MoneyUnit;
    if (yuan === undefined) {
      return { text: null, operator: op, number: null, unit: u, source: "user", hint: `${op}__${u}（预算数）`, hintEn: `${op}__${u} (the budget)` };
    }
    return { text: `${op}${formatNumber(yuan / moneyFactor(u))}${u}`, operator: op, number: Number(formatNumber(yuan / moneyFactor(u))), unit: u, source: "budget" };
  }

  if (n === null) {
    if (!ctx.useExamples || t.example === undefined) {
      const ex = t.example !== undefined ? exampleText(t, ctx, half) : "";
      const blank = `${op}__${target ?? ""}`;
      return { text: null, operator: op, number: null, unit: target, source: "user", hint: `${blank}${ex ? `（示例 ${ex}）` : ""}`, hintEn: `${blank}${ex ? ` (e.g. ${ex})` : ""}` };
    }
    n = t.example;
    source = "example";
  }
  if (convert && t.unit) {
    n = (n * moneyFactor(t.unit as MoneyUnit)) / moneyFactor(target as MoneyUnit);
    unit = target;
  }
  if (half && halves(t)) n = /[人次个项件份套台辆户场期册笔条种类页]$/.test(unit ?? "") ? Math.ceil(n / 2) : n / 2;
  const num = Number(formatNumber(n));
  return { text: `${op}${formatNumber(n)}${unit ?? ""}`, operator: op, number: num, unit, source };
}

function exampleText(t: Template, ctx: RenderContext, half: boolean): string {
  return renderValue(t, { ...ctx, useExamples: true }, half).text ?? "";
}
