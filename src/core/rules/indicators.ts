/** What kind of indicator a row is, in the words a reviewer uses. Shared by the rule families. */
import { toA1, valueAt, type Grid } from "../grid";
import type { IndicatorRow, MoneyUnit, Place, TargetTable } from "../model";
import { isSatisfactionName } from "../lexicon";
import type { ParsedValue } from "../value/types";
import { moneyFactor } from "../value/units";
import { memoize } from "../memo";
import type { Hit } from "./types";

export function nameOf(ind: IndicatorRow): string {
  return ind.name?.text ?? "";
}

/** Where a hit on one value cell of an indicator row stands: the cell, the text it quotes, the indicator. */
export function atValue(ind: IndicatorRow, v: ValueCell): { place: Place; value: string; indicator: string } {
  return { place: v.field, value: v.field.text, indicator: nameOf(ind) };
}

/** The parameters most value messages quote: the indicator's name and its value as the row states it. */
export function quoteValue(ind: IndicatorRow, v: ValueCell): { name: string; value: string } {
  return { name: nameOf(ind), value: v.text };
}

/** Under 成本 (二级 in the common framework, 一级 in core-2021). */
export function isUnderCost(ind: IndicatorRow): boolean {
  return ind.level2?.key === "成本" || ind.level1?.key === "成本" || ["经济成本", "社会成本", "生态环境成本"].includes(ind.level2?.key ?? "");
}

const COST_WORDS = /成本|费用|经费|租金|租赁费|薪酬|单价|造价|支出|资金|预算|[^消]费$|[^消]费（|工资总额|金额/;
const NOT_COST = /率|效益|节约|降低|下降|满意|及时|到位|执行|规范|合规/;

/** A name that reads as a cost (全中心物业费总成本, 会议人均经费, 盐城广播电视台宣传费). */
export function looksLikeCost(name: string): boolean {
  return costName(name);
}
// several cost rules ask of every indicator's name, and names recur in every table (issue 17)
const costName = memoize((name: string) => COST_WORDS.test(name) && !NOT_COST.test(name), { capacity: 20_000, maxKeyLength: 64 });

export function isCost(ind: IndicatorRow): boolean {
  return isUnderCost(ind);
}

/** A cost per person, per unit, per month …: not comparable with the project total. */
export function isUnitCost(ind: IndicatorRow, p?: ParsedValue): boolean {
  const name = nameOf(ind);
  if (p?.unitInfo?.dimension === "money-rate") return true;
  return unitCostName(name);
}
const unitCostName = memoize((name: string) => /人均|单笔|单价|每|月租金|月租|标准|单位成本|均价|单次|日均|单个|单套|单台/.test(name), { capacity: 20_000, maxKeyLength: 64 });

/** (the lexicon's isSatisfactionName, under the name the rules use) */
export const isSatisfaction = isSatisfactionName;

/** A rate, share or percentage by its name (…率, 比例, 占比). */
export function isRateName(name: string): boolean {
  return /率(\(|（|$)|比例|占比|比率|百分比|覆盖面|满意度/.test(name);
}

/** A count by its name (人数, 次数, 套数, 完成数 …). */
export function isCountName(name: string): boolean {
  if (/率|比例|占比|指数|系数|分数|度$/.test(name)) return false;
  return /(数量|人数|次数|个数|套数|台数|件数|户数|场次|人次|天数|笔数|条数|份数|册数|项数|辆数|场数|期数|篇数|批次|家数|间数|[^指系分]数)$/.test(name);
}

export function isTimeliness(ind: IndicatorRow): boolean {
  return ind.level2?.key === "时效";
}

/** A quantitative value in 元, when its unit is money and the table's unit is known where needed. */
export function moneyInYuan(p: ParsedValue | undefined): number | undefined {
  if (!p || p.kind !== "quantitative" || p.number === null || !p.unitInfo) return undefined;
  if (p.unitInfo.dimension !== "money") return undefined;
  return p.number * p.unitInfo.factor;
}

/** The table's budget in 元, or undefined when there is none or its unit is unknown. */
export function budgetInYuan(t: TargetTable): { yuan: number; amount: number; unit: MoneyUnit; place: { row: number; col: number; address: string } } | undefined {
  const a = t.budget.total ?? t.budget.currentYear;
  const unit = a?.unit ?? t.moneyUnit.unit;
  // a budget of 0 (a 自评表's 年度资金总额 row left at 0 beside its 财政拨款) bounds nothing: budget-sum says what is wrong
  if (!a || !unit || !(a.value > 0)) return undefined;
  return { yuan: a.value * moneyFactor(unit), amount: a.value, unit, place: a };
}

/** "1,221万元" style text for messages. */
/**
 * `n` rounded to `digits` decimals, with thousands separators: 1,234.5. The same text as
 * `Number(n.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits })`, with the
 * formatter made once: toLocaleString builds a new Intl.NumberFormat on every call (~4% of the
 * engine's time on a 5,000-table workbook, issue 7).
 */
export function formatNumber(n: number, digits: 2 | 4): string {
  const f = (FORMATTERS[digits] ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));
  return f.format(Number(n.toFixed(digits)));
}
const FORMATTERS: Partial<Record<2 | 4, Intl.NumberFormat>> = {};

export function formatMoney(yuan: number, unit: MoneyUnit): string {
  const v = yuan / moneyFactor(unit);
  return `${formatNumber(v, unit === "元" ? 2 : 4)}${unit}`;
}

/** One value cell of an indicator row, read as the row states it. */
export interface ValueCell {
  field: NonNullable<IndicatorRow["value"]>;
  parsed: ParsedValue;
  half: boolean;
  /** the value as a message quotes it: the cell text, or "≥90%" when the operator and unit stand in their own columns */
  text: string;
  /** the operator or unit was taken from a separate 运算符 / 计量单位 column */
  composed: boolean;
}

function cellText(f: NonNullable<IndicatorRow["value"]>): string {
  return typeof f.raw === "string" ? f.raw : f.raw === null ? "" : String(f.raw);
}

function valueCell(field: NonNullable<IndicatorRow["value"]>, parsed: ParsedValue, half: boolean): ValueCell {
  const composed = parsed.raw !== cellText(field);
  return { field, parsed, half, composed, text: composed ? parsed.raw : field.text };
}

/**
 * The indicator's value cells: the half-year value (if any), then the full-year (or only) value.
 * (Made anew at each call, without a closure: remembering them per row in a WeakMap cost more than
 * making them, issue 17.)
 */
export function valueCells(ind: IndicatorRow): readonly ValueCell[] {
  const half = ind.halfValue && ind.halfParsed ? valueCell(ind.halfValue, ind.halfParsed, true) : undefined;
  const full = ind.value && ind.parsed ? valueCell(ind.value, ind.parsed, false) : undefined;
  return half && full ? [half, full] : half ? [half] : full ? [full] : NO_CELLS;
}
// (a plain array: iterating over a frozen one, as over any array of another kind, takes the slow path)
const NO_CELLS: readonly ValueCell[] = [];

/** Where the operator of a row is written: its 运算符 column cell when the table has one. */
export function operatorPlace(t: TargetTable, ind: IndicatorRow, grid: Grid): Place | undefined {
  const c = t.header?.columns.operator;
  if (c === undefined) return undefined;
  if (ind.operator) return ind.operator;
  // the row's 运算符 cell as the header places it (moved with a shifted row): only an empty cell
  // inside the sheet may receive an operator, never a label or text that ended up there
  const col = c + ind.shift;
  if (col < 1 || valueAt(grid, ind.row, col) !== null) return undefined;
  return { row: ind.row, col, address: toA1(ind.row, col) };
}

/**
 * The fix that changes a value's operator: the 运算符 cell when the operator was read from that
 * column, otherwise the whole value cell (only when it holds text, so a typed number stays a number).
 */
export function operatorFix(
  t: TargetTable,
  ind: IndicatorRow,
  v: ValueCell,
  op: string,
  whole: string,
  confirm?: boolean,
): Hit["fix"] | undefined {
  const opCell = v.composed && ind.operator ? ind.operator : undefined;
  if (opCell) return { value: op, place: opCell, label: { zh: `把 ${opCell.address} 改为 ${op}`, en: `Change ${opCell.address} to ${op}` }, ...(confirm ? { confirm } : {}) };
  if (typeof v.field.raw !== "string") return undefined;
  return { value: whole, label: { zh: `改为 ${whole}`, en: `Change to ${whole}` }, ...(confirm ? { confirm } : {}) };
}

/**
 * The first row below a table that belongs to the next table on its sheet (or undefined): rules that
 * look under a table's grid (its closing fields, instructions left in) stop there. Worked out once
 * per workbook, not once per table (a stacked sheet holds thousands of tables, issue 7).
 */
export function nextTableTop(tables: readonly TargetTable[], t: TargetTable): number | undefined {
  let map = nextTops.get(tables);
  if (!map) {
    map = new Map();
    const bySheet = new Map<string, TargetTable[]>();
    for (const x of tables) {
      const list = bySheet.get(x.sheet);
      if (list) list.push(x);
      else bySheet.set(x.sheet, [x]);
    }
    for (const list of bySheet.values()) {
      const sorted = [...list].sort((a, b) => a.range.top - b.range.top);
      sorted.forEach((x, i) => {
        // the tables are in order down the sheet: the next one below is nearly always the following one
        for (let j = i + 1; j < sorted.length; j++)
          if (sorted[j].range.top > x.range.bottom) {
            map?.set(x, sorted[j].range.top);
            break;
          }
      });
    }
    nextTops.set(tables, map);
  }
  return map.get(t);
}
const nextTops = new WeakMap<readonly TargetTable[], Map<TargetTable, number>>();

/** 是 or 否 alone, for an indicator that asks a yes/no question (是否开展预算编报考评 | 是/否 | 是): an answer, not a placeholder. */
export function answersYesNo(ind: IndicatorRow, value: string): boolean {
  if (!/^(是|否|有|无)$/.test(value.trim())) return false;
  return /是否|有无|有没有/.test(nameOf(ind)) || /^(是\/否|是或否|有\/无)$/.test(ind.unit?.text.trim() ?? "");
}

/** The cell of a column on an indicator's row (where the row's data moved, moved with it): where an empty value belongs. */
export function cellInColumn(table: TargetTable, ind: IndicatorRow, role: "actual" | "score" | "progress" | "reason"): Place | undefined {
  const col = table.header?.columns[role];
  if (col === undefined) return undefined;
  const c = col + ind.shift;
  return { row: ind.row, col: c, address: toA1(ind.row, c) };
}
