/**
 * The read model: what Jixiao read out of a table, in the fixed shape `jixiao read` prints
 * (docs/architecture.md "The read model"). Built from a TargetTable only; nothing here reads the grid again.
 */
import type { Amount, Field, IndicatorRow, MoneyUnit, TableKind, TargetTable } from "./model";
import { PERIOD_OF, VALUE_ROLES } from "./lexicon";
import { convertMoney } from "./value/units";
import { closeLetterSpacing } from "./text";

/** The order of a row's value columns in the read model: the shorter term first. */
const PERIOD_ORDER: readonly string[] = ["halfValue", "midValue", "value"];

export interface ReadIndicator {
  /** the sheet row of the indicator */
  row: number;
  /** the cell of the target value read ("E13"); the name's cell where the row has no value cell */
  cell: string;
  level1: string | null;
  level2: string | null;
  name: string | null;
  /** the target as the user sees it (display text of the value cell) */
  value: string | null;
  operator: string | null;
  number: number | null;
  unit: string | null;
  weight: number | null;
  basis: string | null;
  /** self-evaluation: what was achieved, the points scored, why it fell short */
  actual?: string | null;
  score?: number | null;
  reason?: string | null;
  /** monitoring: what was done so far (1-6月执行情况), the year's forecast, 完成目标可能性 / 纠偏措施 */
  progress?: string | null;
  forecast?: string | null;
  correction?: string | null;
  /**
   * which period the entry's target is for, where a row has more than one value column (半年 / 全年,
   * 中期 / 全年) or the table is one term of a project given in two blocks (中期 / 年度)
   */
  period?: string;
  /** a part of the indicator on that row (its points there, this row's target a part of it) */
  partOf?: number;
}

export interface ReadBudget {
  /** in the table's money unit; null when the table gives none */
  total: number | null;
  fiscal: number | null;
  other: number | null;
  carryOver: number | null;
  /** the cell of the total */
  cell: string | null;
}

/** A self-evaluation's budget execution (its 资金总额 row), in the table's money unit, with the cells. */
export interface ReadExecution {
  initial: number | null;
  budget: number | null;
  spent: number | null;
  /** as a fraction: 1 for 100% */
  rate: number | null;
  weight: number | null;
  score: number | null;
  /** monitoring: spent so far (1-6月执行数) and the year's forecast (全年预计执行数), where the block has them */
  progress?: number | null;
  forecast?: number | null;
  cells: { budget: string | null; spent: string | null; rate: string | null; score: string | null };
}

export interface ReadTable {
  sheet: string;
  range: string;
  title: string | null;
  project: string | null;
  kind: TableKind;
  framework: string | null;
  moneyUnit: MoneyUnit | null;
  budget: ReadBudget;
  /** self-evaluation only */
  execution?: ReadExecution;
  indicators: ReadIndicator[];
}

/** An amount in the table's money unit (an amount written "164万元" in a 元 table is converted). */
function inTableUnit(a: Amount | undefined, unit: MoneyUnit | null): number | null {
  if (!a) return null;
  if (a.unit && unit && a.unit !== unit) return convertMoney(a.value, a.unit, unit);
  return a.value;
}

function sumOf(parts: Amount[], unit: MoneyUnit | null): number | null {
  if (parts.length === 0) return null;
  let s = 0;
  for (const p of parts) s += inTableUnit(p, unit) ?? 0;
  return Number(s.toPrecision(12));
}

/** A number in a cell: 10, "10", "9.5分"; a percentage as written ("100%" -> 100) is not read here. */
function numberIn(f: Field | undefined): number | null {
  if (!f) return null;
  if (typeof f.raw === "number") return f.raw;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*(分)?\s*$/.exec(f.text);
  return m ? Number(m[1]) : null;
}

function weightOf(ind: IndicatorRow): number | null {
  return numberIn(ind.weight);
}

/** A rate cell as a fraction: "100.00%" -> 1, 0.95 under a % format -> 0.95. */
function rateIn(f: Field | undefined): number | null {
  if (!f) return null;
  const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(f.text);
  if (pct) return Number(pct[1]) / 100;
  return typeof f.raw === "number" ? f.raw : null;
}

type ValueRole = (typeof VALUE_ROLES)[number];

function entry(ind: IndicatorRow, which: ValueRole, period: string | undefined, kind: TargetTable["kind"]): ReadIndicator {
  const field = ind[which];
  const parsed = which === "value" ? ind.parsed : which === "halfValue" ? ind.halfParsed : ind.midParsed;
  const out: ReadIndicator = {
    row: ind.row,
    cell: field?.address ?? ind.name?.address ?? "",
    level1: ind.level1 ? closeLetterSpacing(ind.level1.text) : null,
    level2: ind.level2 ? closeLetterSpacing(ind.level2.text) : null,
    name: ind.name?.text ?? null,
    value: field?.text ?? null,
    operator: parsed?.op ?? null,
    number: parsed?.number ?? null,
    unit: parsed?.unit ?? null,
    weight: weightOf(ind),
    basis: ind.basis?.text ?? null,
  };
  if (period !== undefined) out.period = period;
  if (ind.partOf !== undefined) out.partOf = ind.partOf;
  if (kind === "self-evaluation") {
    out.actual = ind.actual?.text ?? null;
    out.score = numberIn(ind.score);
    out.reason = ind.reason?.text ?? null;
  }
  if (kind === "monitoring") {
    out.progress = ind.progress?.text ?? null;
    out.forecast = ind.forecast?.text ?? null;
    out.correction = ind.correction?.text ?? null;
    out.reason = ind.reason?.text ?? null;
  }
  return out;
}

/** Name to show for a table: its project, else its title, else its sheet. */
export function tableName(t: Pick<TargetTable, "projectName" | "title" | "sheet">): string {
  return t.projectName?.text || t.title?.text || t.sheet;
}

export function readModelOf(t: TargetTable): ReadTable {
  const unit = t.moneyUnit.unit;
  const b = t.budget;
  const total = b.total ?? b.currentYear;
  // one entry a value column: 半年 and 全年 (or 中期 and 年度) of a row are two entries with their period
  const roles = VALUE_ROLES.filter((r) => t.header?.columns[r] !== undefined);
  const periods: ValueRole[] = roles.length > 1 ? [...roles].sort((a, b) => PERIOD_ORDER.indexOf(a) - PERIOD_ORDER.indexOf(b)) : ["value"];
  const indicators: ReadIndicator[] = [];
  for (const ind of t.indicators)
    for (const role of periods) indicators.push(entry(ind, role, roles.length > 1 ? PERIOD_OF[role] : t.term, t.kind));
  return {
    sheet: t.sheet,
    range: t.rangeA1,
    title: t.title?.text ?? null,
    project: t.projectName?.text ?? null,
    kind: t.kind,
    framework: t.framework.id,
    moneyUnit: unit,
    budget: {
      total: inTableUnit(total, unit),
      fiscal: b.fiscal ? inTableUnit(b.fiscal, unit) : sumOf(b.fiscalParts, unit),
      other: inTableUnit(b.other, unit),
      carryOver: inTableUnit(b.carryOver, unit),
      cell: total?.address ?? null,
    },
    ...(t.execution ? { execution: executionOf(t, unit) } : {}),
    indicators,
  };
}

function executionOf(t: TargetTable, unit: MoneyUnit | null): ReadExecution {
  const r = t.execution?.total;
  return {
    initial: inTableUnit(r?.initial, unit),
    budget: inTableUnit(r?.budget, unit),
    spent: inTableUnit(r?.spent, unit),
    rate: rateIn(r?.rate),
    weight: numberIn(r?.weight),
    score: numberIn(r?.score),
    ...(t.kind === "monitoring" ? { progress: inTableUnit(r?.progress, unit), forecast: inTableUnit(r?.forecast, unit) } : {}),
    cells: { budget: r?.budget?.address ?? null, spent: r?.spent?.address ?? null, rate: r?.rate?.address ?? null, score: r?.score?.address ?? null },
  };
}
