/**
 * The header block above an indicator grid: project name and code, money unit, budget amounts,
 * spending plan, goal and plan texts. Labels are matched on their label key (no spaces, half-width).
 */
import type { Amount, BudgetBlock, Field, MoneyUnit, MoneyUnitDeclaration, SpendingPlan, TargetTable } from "../model";
import { normaliseForParsing, toHalfWidth } from "../text";
import type { SheetView } from "./sheet";

export interface Zone {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

type AmountRole =
  | "total"
  | "fullYearPlanned"
  | "halfYear"
  | "currentYear"
  | "fiscal"
  | "fiscalPart"
  | "otherSource"
  | "carryOver"
  | "other"
  | "previousTotal";

const AMOUNT_LABELS: [AmountRole, RegExp][] = [
  ["total", /^(预算数|资金总额|项目总金额|预算总额|项目资金总额|项目预算数|年度预算数|项目预算总额|预算资金总额|项目总预算|总预算|预算金额合计|项目资金合计)(\((万元|元|亿元)\))?$/],
  ["fullYearPlanned", /^全年(\(程\))?预算(数|金额)(\((万元|元|亿元)\))?$/],
  ["halfYear", /^半年(\(程\))?(计划)?(执行数|预算数|支出数)(\((万元|元|亿元)\))?$/],
  ["currentYear", /^(项目)?本年度(金额|预算|预算数|资金)$/],
  ["fiscal", /^(其中[:：,]?)?财政(资金|拨款|拨款资金|性资金)(\(小计\)|小计)?$/],
  ["fiscalPart", /^(一般公共预算(资金|拨款)?|政府性基金(预算)?(资金|拨款)?|财政专户管理资金)$/],
  ["otherSource", /^(国有资本经营预算(资金)?|社会保险基金预算(资金)?)$/],
  ["carryOver", /^(上年结转(资金)?|结转资金)$/],
  ["other", /^(其他资金|其它资金|自有资金|单位自有资金)$/],
  ["previousTotal", /^上年度项目总金额$/],
];

/** Labels that end a value search to the right and that are never values themselves. */
const FIELD_LABEL =
  /^(项目名称|项目编码|项目代码|项目编号|单位编码|主管部门|实施单位|项目类型|项目级次|项目负责人|联系人|联系电话|资金用途|开始时间|结束时间|完成时间|项目负责人\/联系电话|预算规模及资金用途|资金支出计划.*|绩效目标|项目总目标|年度绩效目标|年度目标|中长期目标|项目实施计划|项目实施内容|项目概况|立项依据|立项必要性|项目设立的必要性|实施可行性|项目配套制度措施|项目构成|备注|收入|支出|小计|项目资金.*)$/;

const GOAL_LABEL = /^(绩效目标|项目总目标|年度绩效目标|年度目标|中长期目标|总体目标|年度总体目标|总体绩效目标|项目年度绩效目标)$/;
const BACKGROUND_LABEL = /^(项目概况|立项依据|立项必要性|项目设立的必要性|实施可行性|项目配套制度措施|项目简介|项目内容)$/;
const MONTH_HEADER = /^(\d{1,2})月(底|末|份|前|底前)?$/;
const QUARTER_HEADER = /^第?([一二三四1-4])季度(末)?$/;
const MONEY_UNIT_DECL = /(?:单位[:：]\s*|[(（]\s*)(亿元|万元|元)\s*[)）]?/;

/** What a label key can be in a header block, worked out once per distinct key (see keyInfo). */
interface KeyInfo {
  fieldLabel: boolean;
  /** the first AMOUNT_LABELS role it matches */
  role: AmountRole | undefined;
  projectCode: boolean;
  start: boolean;
  end: boolean;
  plan: boolean;
  goal: boolean;
  goalN: boolean;
  background: boolean;
}

function readKey(key: string): KeyInfo {
  const role = AMOUNT_LABELS.find(([, re]) => re.test(key))?.[0];
  const goal = GOAL_LABEL.test(key);
  return {
    fieldLabel: FIELD_LABEL.test(key) || role !== undefined || goal,
    role,
    projectCode: /^项目(编码|代码|编号)$/.test(key),
    start: /^(开始时间|起始时间|项目开始时间)$/.test(key),
    end: /^(结束时间|完成时间|项目结束时间|截止时间)$/.test(key),
    plan: /^资金支出计划/.test(key),
    goal,
    goalN: /^目标\d+$/.test(key),
    background: BACKGROUND_LABEL.test(key),
  };
}

/**
 * readKey, remembered for short keys: every cell of every header block goes through a dozen label
 * patterns, and the same labels recur in every table (issue 7).
 */
let keyInfos = new Map<string, KeyInfo>();
function keyInfo(key: string): KeyInfo {
  if (key.length > 60) return readKey(key);
  let info = keyInfos.get(key);
  if (!info) {
    info = readKey(key);
    if (keyInfos.size >= 20_000) keyInfos = new Map();
    keyInfos.set(key, info);
  }
  return info;
}

export function isFieldLabel(key: string): boolean {
  return keyInfo(key).fieldLabel;
}

/** "12210000.00", "1,003.82", 25 -> number; anything else -> undefined. */
export function readAmount(text: string, raw: unknown): number | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  const t = toHalfWidth(text).replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function moneyUnitIn(text: string): MoneyUnit | null {
  const m = MONEY_UNIT_DECL.exec(toHalfWidth(text));
  return m ? (m[1] as MoneyUnit) : null;
}

/** The money unit declared anywhere in the zone (单位：万元, 预算金额（元）, 项目资金 (万元)). */
export function findMoneyUnit(view: SheetView, zone: Zone): MoneyUnitDeclaration {
  for (let r = zone.top; r <= zone.bottom; r++) {
    for (let c = zone.left; c <= zone.right; c++) {
      const t = view.text(r, c);
      if (!t || t.length > 40 || /%|％/.test(t)) continue;
      const unit = moneyUnitIn(t);
      if (unit) return { unit, declared: true, source: view.field(r, c) };
    }
  }
  return { unit: null, declared: false };
}

interface BlockResult {
  title?: Field;
  projectName?: Field;
  projectCode?: Field;
  budget: BudgetBlock;
  plan: SpendingPlan;
  texts: TargetTable["texts"];
  period: TargetTable["period"];
}

export function emptyBudget(): BudgetBlock {
  return { fiscalParts: [], otherSources: [], components: [] };
}

export function emptyPlan(): SpendingPlan {
  return { headers: [], points: [], unreadable: [] };
}

/** Read the header block in `zone` (rows above the indicator header, within the table's columns). */
export function readHeaderBlock(view: SheetView, zone: Zone, unit: MoneyUnitDeclaration): BlockResult {
  const out: BlockResult = {
    budget: emptyBudget(),
    plan: emptyPlan(),
    texts: { goals: [], background: [] },
    period: {},
  };
  const usedAsValue = new Set<number>();
  const cellId = (row: number, col: number) => row * 100_000 + col; // columns end at 16,384
  const mark = (f: { row: number; col: number } | undefined) => f && usedAsValue.add(cellId(f.row, f.col));

  /** The first cell to the right that is not a label (text or number), skipping 小计 and 目标N. */
  const valueRight = (row: number, col: number): Field | undefined => {
    for (let c = col + 1; c <= zone.right; c++) {
      const k = view.key(row, c);
      if (!k) continue;
      if (k === "小计" || /^目标\d*$/.test(k)) continue;
      if (isFieldLabel(k)) return undefined;
      return view.field(row, c);
    }
    return undefined;
  };

  /** An amount to the right, or (for column headers such as 全年预算数) below in the same column. */
  const amountNear = (row: number, col: number, allowBelow: boolean): Field | undefined => {
    const right = valueRight(row, col);
    if (right && readAmount(right.text, right.raw) !== undefined) return right;
    if (right || !allowBelow) return undefined;
    for (let r = row + 1; r <= Math.min(zone.bottom, row + 3); r++) {
      const f = view.field(r, col);
      if (!f) continue;
      if (readAmount(f.text, f.raw) !== undefined) return f;
      // a label in the way: not a column header after all
      if (isFieldLabel(view.key(r, col))) return undefined;
    }
    return undefined;
  };

  const toAmount = (labelField: Field, valueField: Field): Amount | undefined => {
    const value = readAmount(valueField.text, valueField.raw);
    if (value === undefined) return undefined;
    mark(valueField);
    return {
      row: valueField.row,
      col: valueField.col,
      address: valueField.address,
      label: labelField.text,
      value,
      raw: valueField.raw,
      unit: moneyUnitIn(labelField.text) ?? unit.unit,
    };
  };

  let inComposition = false;
  let inGoals = false;
  let planRow: number | undefined;

  for (let r = zone.top; r <= zone.bottom; r++) {
    const cols = view.filledColumns(r, zone.left, zone.right);
    if (cols.length === 0) continue;
    const firstKey = view.key(r, cols[0]);

    // title: the first row mentioning 绩效目标表
    if (!out.title && /绩效目标(申报|评价)?表/.test(firstKey)) out.title = view.field(r, cols[0]);

    if (inGoals && !/^目标\d*$/.test(firstKey) && cols.length > 0 && isFieldLabel(firstKey)) inGoals = false;
    if (inComposition && (firstKey === "备注" || /目标/.test(firstKey) || (isFieldLabel(firstKey) && firstKey !== "经济科目名称")))
      inComposition = false;

    if (inComposition) {
      readCompositionRow(view, r, cols, out.budget, unit);
      continue;
    }

    for (const c of cols) {
      if (usedAsValue.has(cellId(r, c))) continue;
      const k = view.key(r, c);
      if (!k) continue; // (an empty text has an empty key)
      const label = view.field(r, c) as Field;
      const info = keyInfo(k);

      if (k === "项目名称" && !out.projectName) {
        const v = valueRight(r, c);
        if (v) {
          out.projectName = v;
          mark(v);
        }
        continue;
      }
      if (info.projectCode) {
        const v = valueRight(r, c);
        if (v) {
          out.projectCode = v;
          mark(v);
        }
        continue;
      }
      if (info.start) {
        out.period.start = valueRight(r, c);
        mark(out.period.start);
        continue;
      }
      if (info.end) {
        out.period.end = valueRight(r, c);
        mark(out.period.end);
        continue;
      }
      if (k === "项目构成") {
        inComposition = true;
        break;
      }
      if (info.plan) {
        planRow = r;
        out.plan.label = label;
        continue;
      }
      if (k === "预算规模及资金用途") {
        const purpose = firstTextBelow(view, r, zone);
        if (purpose) {
          out.texts.purpose = purpose;
          mark(purpose);
        }
        continue;
      }
      if (k === "资金用途") {
        const v = valueRight(r, c);
        if (v && v.text.length > 6) out.texts.purpose = v;
        mark(v);
        continue;
      }
      if (info.goal) {
        const v = valueRight(r, c);
        if (v) {
          out.texts.goals.push(v);
          mark(v);
        }
        inGoals = k === "绩效目标";
        continue;
      }
      if (inGoals && info.goalN) {
        const v = valueRight(r, c);
        if (v) {
          out.texts.goals.push(v);
          mark(v);
        }
        continue;
      }
      if (k === "项目实施计划") {
        const v = valueRight(r, c);
        if (v) out.texts.implementationPlan = v;
        mark(v);
        continue;
      }
      if (k === "项目实施内容") {
        const v = valueRight(r, c);
        if (v) out.texts.implementationContent = v;
        mark(v);
        continue;
      }
      if (info.background) {
        const v = valueRight(r, c);
        if (v) out.texts.background.push(v);
        mark(v);
        continue;
      }
      const role = info.role;
      if (role) {
        const columnHeader = role === "fullYearPlanned" || role === "halfYear";
        const v = amountNear(r, c, columnHeader) ?? (columnHeader ? alignedBelow(view, r, c, zone) : undefined);
        const amount = v && toAmount(label, v);
        if (amount) assignAmount(out.budget, role, amount);
        continue;
      }
    }
  }

  if (planRow !== undefined) readPlan(view, planRow, zone, out.plan);
  // "绩效目标 | 目标1 | text" reaches the same text through both labels
  out.texts.goals = out.texts.goals.filter((g, i, all) => all.findIndex((x) => x.address === g.address) === i);
  // the 全年预算数 of a 支出 section stands for the total when no other total is given
  if (!out.budget.total && out.budget.fullYearPlanned) out.budget.total = out.budget.fullYearPlanned;
  return out;
}

function assignAmount(b: BudgetBlock, role: AmountRole, a: Amount): void {
  switch (role) {
    case "fiscalPart":
      b.fiscalParts.push(a);
      return;
    case "otherSource":
      b.otherSources.push(a);
      return;
    case "total":
      if (!b.total) b.total = a;
      return;
    case "fullYearPlanned":
      if (!b.fullYearPlanned) b.fullYearPlanned = a;
      return;
    case "halfYear":
      if (!b.halfYear) b.halfYear = a;
      return;
    case "currentYear":
      if (!b.currentYear) b.currentYear = a;
      return;
    case "fiscal":
      if (!b.fiscal) b.fiscal = a;
      return;
    case "carryOver":
      if (!b.carryOver) b.carryOver = a;
      return;
    case "other":
      if (!b.other) b.other = a;
      return;
    case "previousTotal":
      if (!b.previousTotal) b.previousTotal = a;
      return;
  }
}

/**
 * A row of column headers (支出 | 项目名称 | 半年计划执行数 | 全年预算数) whose values sit in the next
 * filled row but not exactly under them (PDF exports): align the two rows from the right.
 */
function alignedBelow(view: SheetView, row: number, col: number, zone: Zone): Field | undefined {
  const headers = view.filledColumns(row, zone.left, zone.right);
  for (let r = row + 1; r <= Math.min(zone.bottom, row + 3); r++) {
    const cells = view.filledColumns(r, zone.left, zone.right);
    if (cells.length === 0) continue;
    const fromRight = headers.length - 1 - headers.indexOf(col);
    const c = cells[cells.length - 1 - fromRight];
    if (c === undefined) return undefined;
    const f = view.field(r, c);
    return f && readAmount(f.text, f.raw) !== undefined ? f : undefined;
  }
  return undefined;
}

/** 项目构成 rows: a name and an amount (经济科目名称 / 预算金额（元）). */
function readCompositionRow(view: SheetView, r: number, cols: number[], b: BudgetBlock, unit: MoneyUnitDeclaration): void {
  const firstKey = view.key(r, cols[0]);
  if (/经济科目|科目名称|^名称$/.test(firstKey)) return; // the column header row
  const name = view.field(r, cols[0]);
  const last = cols[cols.length - 1];
  const amountField = cols.length > 1 ? view.field(r, last) : undefined;
  if (!name || !amountField) return;
  const value = readAmount(amountField.text, amountField.raw);
  if (value === undefined) return;
  b.components.push({
    row: amountField.row,
    col: amountField.col,
    address: amountField.address,
    label: name.text,
    value,
    raw: amountField.raw,
    unit: unit.unit,
  });
}

/** The first text in the rows below `row` that is not a label (the 资金用途 text under 预算规模及资金用途). */
function firstTextBelow(view: SheetView, row: number, zone: Zone): Field | undefined {
  const r = row + 1;
  if (r > zone.bottom) return undefined;
  for (const c of view.filledColumns(r, zone.left, zone.right)) {
    const k = view.key(r, c);
    if (isFieldLabel(k)) return undefined;
    const f = view.field(r, c);
    if (f && readAmount(f.text, f.raw) === undefined) return f;
  }
  return undefined;
}

/** A plan cell to a cumulative share: "10%", 0.1 with a % format, 10 -> 0.1. */
export function readShare(text: string, raw: unknown, percentFormat: boolean): number | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) {
    if (percentFormat) return raw;
    return raw > 1 ? raw / 100 : raw;
  }
  const t = normaliseForParsing(text).replace(/\s/g, "");
  const m = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return Number(m[1]) / 100;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n > 1 ? n / 100 : n;
  }
  return undefined;
}

function monthOf(key: string): number | undefined {
  const m = MONTH_HEADER.exec(key);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const q = QUARTER_HEADER.exec(key);
  if (q) return ({ 一: 3, 二: 6, 三: 9, 四: 12, "1": 3, "2": 6, "3": 9, "4": 12 } as Record<string, number>)[q[1]];
  return undefined;
}

/** The 资金支出计划 block: month headers on the label row and below, shares under them. */
function readPlan(view: SheetView, labelRow: number, zone: Zone, plan: SpendingPlan): void {
  const labelCol = plan.label?.col ?? zone.left;
  // the block runs until the next row whose first column holds a label (绩效目标 …)
  let bottom = labelRow;
  for (let r = labelRow + 1; r <= zone.bottom; r++) {
    const k = view.key(r, labelCol);
    if (k && isFieldLabel(k)) break;
    if (k && !monthOf(k) && readShare(view.text(r, labelCol), view.raw(r, labelCol), false) === undefined) break;
    bottom = r;
  }
  const headerAt = new Map<number, { row: number; month: number; label: string }[]>();
  for (let r = labelRow; r <= bottom; r++) {
    for (const c of view.filledColumns(r, labelCol + 1, zone.right)) {
      const month = monthOf(view.key(r, c));
      if (month === undefined) continue;
      const h = { row: r, col: c, address: view.place(r, c).address, label: view.text(r, c), month };
      plan.headers.push(h);
      const list = headerAt.get(c) ?? [];
      list.push({ row: r, month, label: h.label });
      headerAt.set(c, list);
    }
  }
  for (let r = labelRow; r <= bottom; r++) {
    for (const c of view.filledColumns(r, labelCol + 1, zone.right)) {
      if (monthOf(view.key(r, c)) !== undefined) continue;
      const text = view.text(r, c);
      const raw = view.raw(r, c);
      const fmt = view.format(r, c);
      const share = readShare(text, raw, !!fmt && /%/.test(fmt));
      const header = (headerAt.get(c) ?? []).filter((h) => h.row < r).pop();
      if (share === undefined || !header) {
        const f = view.field(r, c);
        if (f) plan.unreadable.push(f);
        continue;
      }
      plan.points.push({
        row: r,
        col: c,
        address: view.place(r, c).address,
        label: header.label,
        month: header.month,
        share,
        raw,
        header: view.place(header.row, c),
      });
    }
  }
  plan.points.sort((a, b) => a.month - b.month || a.col - b.col);
}
