/**
 * The header block above an indicator grid: project name and code, money unit, budget amounts,
 * spending plan, goal and plan texts. Labels are matched on their label key (no spaces, half-width).
 */
import type { Amount, BudgetBlock, BudgetExecution, ExecutionRow, Field, MoneyUnit, MoneyUnitDeclaration, Place, RowFieldRole, SpendingPlan, TargetTable } from "../model";
import { normaliseForParsing, toHalfWidth } from "../text";
import {
  AGENCY_LABEL,
  AMOUNT_LABELS,
  COMPOSITION_AMOUNT_HEADER,
  COMPOSITION_LABEL,
  namesGovernmentLevel,
  qualifiedAmountRole,
  YEAR_AMOUNT_LABEL,
  BACKGROUND_LABEL,
  EXECUTION_COLUMNS,
  EXECUTION_WEIGHT_LABEL,
  POINTS_IN_LABEL,
  DEPARTMENT_LABEL,
  END_LABEL,
  GOAL_COLUMN_HEADER,
  GOAL_LABEL,
  GOAL_N_LABEL,
  MID_TERM_GOAL_LABEL,
  OTHER_FIELD_LABEL,
  PARENT_PROJECT_LABEL,
  PERIOD_LABEL,
  PROJECT_CODE_LABEL,
  PROJECT_LABEL,
  ROW_FIELD_LABELS,
  START_LABEL,
  TITLE,
  TOTAL_ROW,
  PAST_YEAR_MONEY_HEADER,
  THIS_YEAR_MONEY_HEADER,
  UNIT_SUFFIX,
  type AmountRole,
} from "../lexicon";
import type { SheetView } from "./sheet";
import { memoize } from "../memo";

export interface Zone {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A label with its amount: 年度资金总额:50万 (the key keeps the colon only between label and amount). */
const LABEL_WITH_AMOUNT = /^(.+?)[:：]?(\d+(?:\.\d+)?(?:亿元|万元|元|万|亿)?)(?:\(.*\)|（.*）)?$/;

const MONTH_HEADER = /^(\d{1,2})月(底|末|份|前|底前)?$/;
const QUARTER_HEADER = /^第?([一二三四1-4])季度(末)?$/;
const MONEY_UNIT_DECL = /(?:单位[:：]\s*|[(（]\s*)(亿元|万元|元)\s*[)）]?/;

/**
 * The fields of a header block, in the order a label is tried against them: the first kind whose
 * test its key passes reads it (FIELD_READERS). An amount label (any AMOUNT_LABELS role) comes
 * last: 资金用途 or 预算规模及资金用途 is a text, not money.
 */
const FIELD_KINDS = [
  ["project", (k: string) => PROJECT_LABEL.test(k)],
  ["parentProject", (k: string) => PARENT_PROJECT_LABEL.test(k)],
  ["department", (k: string) => DEPARTMENT_LABEL.test(k)],
  ["projectCode", (k: string) => PROJECT_CODE_LABEL.test(k)],
  ["start", (k: string) => START_LABEL.test(k)],
  ["end", (k: string) => END_LABEL.test(k)],
  ["span", (k: string) => PERIOD_LABEL.test(k)],
  ["composition", (k: string) => COMPOSITION_LABEL.test(k)],
  ["spendingPlan", (k: string) => SPENDING_PLAN_LABEL.test(k)],
  ["purposeBelow", (k: string) => k === "预算规模及资金用途"],
  ["purpose", (k: string) => k === "资金用途"],
  ["goal", (k: string) => (GOAL_LABEL.test(k) && !GOAL_N_LABEL.test(k)) || GOAL_COLUMN_HEADER.test(k)],
  ["goalN", (k: string) => GOAL_N_LABEL.test(k)],
  ["implementationPlan", (k: string) => IMPLEMENTATION_PLAN_LABEL.test(k)],
  ["implementationContent", (k: string) => IMPLEMENTATION_CONTENT_LABEL.test(k)],
  ["executionWeight", (k: string) => EXECUTION_WEIGHT_LABEL.test(k)],
  ["agency", (k: string) => AGENCY_LABEL.test(k)],
  ["background", (k: string) => BACKGROUND_LABEL.test(k)],
] as const;
type FieldKind = (typeof FIELD_KINDS)[number][0] | "amount";
const SPENDING_PLAN_LABEL = /^资金支出计划/;
const IMPLEMENTATION_PLAN_LABEL = /^(项目)?实施(计划|进度计划|进度安排)$/;
const IMPLEMENTATION_CONTENT_LABEL = /^(项目)?(实施|建设)内容$/;

/** What a label key is in a header block, worked out once per distinct key (see keyInfo). */
interface KeyInfo {
  fieldLabel: boolean;
  /** the field it labels (the first of FIELD_KINDS it matches, else "amount" for a money role) */
  kind: FieldKind | undefined;
  /** the amount written into the label itself (年度资金总额:50万 -> "50万") */
  amountInLabel?: string;
  /** a text field written with its value in one cell (项目名称:…): the value is the text after the colon */
  valueInLabel?: boolean;
  /** the first AMOUNT_LABELS role it matches */
  role: AmountRole | undefined;
  /** the money unit the label itself declares: 预算金额(元) */
  unit: MoneyUnit | null;
  /** a goal label for the whole project's term (中期目标, 项目总目标) */
  midTermGoal: boolean;
}

/** The fields whose value may stand in the label's own cell after a colon (项目名称：…, 主管部门：…, 绩效目标：…). */
const INLINE_VALUE_KINDS: ReadonlySet<FieldKind> = new Set(["project", "parentProject", "department", "projectCode", "start", "end", "span", "purpose", "goal", "implementationPlan", "implementationContent", "agency", "background"]);

function readKey(raw: string): KeyInfo {
  const info = readLabel(raw);
  // an amount written into its label: 年度资金总额:50万
  const inLabel = !info.fieldLabel ? LABEL_WITH_AMOUNT.exec(raw) : null;
  if (inLabel) {
    const bare = readLabel(inLabel[1]);
    if (bare.role) return { ...bare, amountInLabel: inLabel[2] };
  }
  // a text field's value written into its label's cell: 项目名称:住房公积金管理业务费用 (the value is the cell's text after the colon)
  const colon = !info.fieldLabel ? raw.indexOf(":") : -1;
  if (colon > 0 && colon < raw.length - 1) {
    const bare = readLabel(raw.slice(0, colon));
    if (bare.fieldLabel && bare.kind !== undefined && INLINE_VALUE_KINDS.has(bare.kind)) return { ...bare, valueInLabel: true };
  }
  // a note in brackets after the label: 项目名称(全称), 绩效目标(100字以内); a unit in brackets is read by readLabel
  if (!info.fieldLabel && /\)$/.test(raw) && !UNIT_SUFFIX.test(raw)) {
    const bare = raw.replace(/\([^()]*\)$/, "");
    if (bare && bare !== raw) {
      const inner = readLabel(bare);
      if (inner.fieldLabel) return inner;
    }
  }
  return info;
}

function readLabel(raw: string): KeyInfo {
  const unitMatch = UNIT_SUFFIX.exec(raw);
  const key = unitMatch ? raw.slice(0, unitMatch.index) : raw;
  const role = AMOUNT_LABELS.find(([, re]) => re.test(key))?.[0] ?? qualifiedAmountRole(key);
  const kind: FieldKind | undefined = FIELD_KINDS.find(([, test]) => test(key))?.[0] ?? (role !== undefined ? "amount" : undefined);
  return {
    fieldLabel: (kind !== undefined && kind !== "goalN") || OTHER_FIELD_LABEL.test(key),
    kind,
    role,
    unit: unitMatch ? (unitMatch[3] as MoneyUnit) : null,
    midTermGoal: kind === "goal" && MID_TERM_GOAL_LABEL.test(key),
  };
}

/**
 * readKey, remembered for short keys: every cell of every header block goes through a dozen label
 * patterns, and the same labels recur in every table (issue 7).
 */
const keyInfo = memoize(readKey, { capacity: 20_000, maxKeyLength: 60 });

/** The field a flat list's header cell gives every row (项目名称, 预算数 …), if any. */
export function rowFieldRole(key: string): RowFieldRole | undefined {
  const k = UNIT_SUFFIX.exec(key) ? key.replace(UNIT_SUFFIX, "") : key;
  return ROW_FIELD_LABELS.find(([, re]) => re.test(k))?.[0];
}

export function isFieldLabel(key: string): boolean {
  return keyInfo(key).fieldLabel;
}

/** keyInfo of a cell's key, worked out once per cell (SheetView.ofKey): the readers ask it of the same cells many times (issue 17). */
function infoAt(view: SheetView, r: number, c: number): KeyInfo {
  return view.ofKey(keyInfo, r, c);
}

/** Whether a cell's key is a field label (isFieldLabel of its key), once per cell. */
function fieldLabelAt(view: SheetView, r: number, c: number): boolean {
  return infoAt(view, r, c).fieldLabel;
}

const AMOUNT_TEXT = /^(-?\d+(?:\.\d+)?)(亿元|万元|元|万|亿)?(?:\1\2)?(?:\(.*\)|（.*）)?$/;
/** An amount after the name of its fund: 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 (the only number, at the end). */
const AMOUNT_AFTER_NAME = /^(?=[^\d]*(?:资金|经费|补助|拨款|专项))[^\d]{4,}?(\d+(?:\.\d+)?)(亿元|万元|元|万|亿)?$/;

/**
 * An amount as written in a cell: 25, "12210000.00", "1,003.82", "164万元", "2279.048 万元",
 * "854万(高标准农田建设400万元…)" (a comment after the amount), and with `withName` an amount after
 * its fund's name. The unit, when the cell writes one.
 */
export function readAmountWithUnit(text: string, raw: unknown, withName = false): { value: number; unit: MoneyUnit | null } | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw, unit: null } : undefined;
  const t = toHalfWidth(text).replace(/[,，\s]/g, "");
  // (an amount typed twice, 854万854万(…), is still the one amount)
  const m = AMOUNT_TEXT.exec(t) ?? (withName ? AMOUNT_AFTER_NAME.exec(t) : null);
  if (!m) return undefined;
  const u = m[2];
  const unit: MoneyUnit | null = !u ? null : u === "万" ? "万元" : u === "亿" ? "亿元" : (u as MoneyUnit);
  return { value: Number(m[1]), unit };
}

/** "12210000.00", "1,003.82", 25, "164万元" -> number; anything else -> undefined. */
export function readAmount(text: string, raw: unknown): number | undefined {
  return readAmountWithUnit(text, raw)?.value;
}

function moneyUnitIn(text: string): MoneyUnit | null {
  const m = MONEY_UNIT_DECL.exec(toHalfWidth(text));
  return m ? (m[1] as MoneyUnit) : null;
}

/** The money unit declared anywhere in the zone (单位：万元, 预算金额（元）, 项目资金 (万元)). */
export function findMoneyUnit(view: SheetView, zone: Zone): MoneyUnitDeclaration {
  for (let r = zone.top; r <= zone.bottom; r++) {
    for (const c of view.filledColumns(r, zone.left, zone.right)) {
      const t = view.text(r, c);
      if (t.length > 40 || /%|％/.test(t)) continue;
      const unit = moneyUnitIn(t);
      if (unit) return { unit, declared: true, source: view.field(r, c) };
    }
  }
  return { unit: null, declared: false };
}

/** A header field's label and, when its value is missing, the empty cell where the value belongs. */
export interface FieldSlot {
  label: Field;
  /** the empty value cell beside (or under) the label */
  empty: Place;
}

export type SlotRole = "project" | "goal" | "budget" | "executionWeight";

interface BlockResult {
  title?: Field;
  projectName?: Field;
  projectCode?: Field;
  /** 主管部门 / 部门(单位)名称: the department, the name of a department-wide table */
  department?: Field;
  budget: BudgetBlock;
  spendingPlan: SpendingPlan;
  texts: TargetTable["texts"];
  period: TargetTable["period"];
  /** labelled fields left empty */
  slots: Partial<Record<SlotRole, FieldSlot>>;
  /** 预算执行率权重: the weight kept for budget execution outside the indicators */
  executionWeight?: Field;
  /** a self-evaluation's budget-execution block */
  execution?: BudgetExecution;
  /** the first amount written with its unit ("164万元"), which declares the table's money unit */
  amountUnit?: { unit: MoneyUnit; source: Field };
  /** how many labels of the lexicon the block holds: a header block at all? */
  labels: number;
}

export function emptyBudget(): BudgetBlock {
  return { fiscalParts: [], otherSources: [], components: [] };
}

export function emptyPlan(): SpendingPlan {
  return { headers: [], points: [], unreadable: [] };
}

/**
 * The cell where a label's value belongs: right of the label, past a label merged over several
 * columns and past the sub-labels a value search skips (绩效目标 | 目标1 | …).
 */
function cellRightOf(view: SheetView, row: number, col: number): Place {
  const m = view.grid.merges?.find((g) => g.top <= row && g.bottom >= row && g.left === col);
  let c = (m ? m.right : col) + 1;
  while (SUB_LABEL.test(view.key(row, c))) c++;
  return view.place(row, c);
}
const SUB_LABEL = /^(小计|目标\d*)$/;

/** Amount roles that name where the money comes from. */
const SOURCE_ROLES = new Set<AmountRole>(["fiscal", "fiscalPart", "other", "otherSource", "carryOver"]);

/** A long text beside a short label: the goal of a template whose label was cut (年度 | 文化惠民工程，主要用于…). */
function isProse(text: string): boolean {
  return text.length >= 20 && /[，,。；;、]/.test(text);
}

/** A label found in a header block: where it is, its key and what the key is. */
interface LabelAt {
  r: number;
  c: number;
  k: string;
  label: Field;
  info: KeyInfo;
  /** the value written in the label's own cell after a colon (项目名称：…) */
  inline?: Field;
}

/**
 * One header block being read: the result so far, the cells already taken as values, the state
 * that runs from row to row (inside 项目构成's rows, under 绩效目标's 目标N rows), and the ways a
 * label finds its value.
 */
class HeaderBlockReading {
  readonly out: BlockResult = {
    budget: emptyBudget(),
    spendingPlan: emptyPlan(),
    texts: { goals: [], background: [] },
    period: {},
    slots: {},
    labels: 0,
  };
  private readonly usedAsValue = new Set<number>();
  parentProject: Field | undefined;
  departmentName: Field | undefined;
  lastProse: { label: Field; value: Field } | undefined;
  inComposition = false;
  /** the column of the composition block's amounts, where a header names it (金额, 预算金额) */
  compositionAmountCol: number | undefined;
  inGoals = false;
  planRow: number | undefined;
  /** the column of this year's money in a money table with a column a year (本年度申请金额 beside 上年度预算安排) */
  yearMoneyCol: number | undefined;

  constructor(
    readonly view: SheetView,
    readonly zone: Zone,
    readonly unit: MoneyUnitDeclaration,
  ) {}

  private static cellId(row: number, col: number): number {
    return row * 100_000 + col; // columns end at 16,384
  }

  isUsed(row: number, col: number): boolean {
    return this.usedAsValue.has(HeaderBlockReading.cellId(row, col));
  }

  mark(f: { row: number; col: number } | undefined): void {
    if (f) this.usedAsValue.add(HeaderBlockReading.cellId(f.row, f.col));
  }

  /** The first cell to the right that is not a label (text or number), skipping 小计 and 目标N. */
  valueRight(row: number, col: number): Field | undefined {
    for (let c = col + 1; c <= this.zone.right; c++) {
      const k = this.view.key(row, c);
      if (!k) continue;
      if (k === "小计" || GOAL_N_LABEL.test(k)) continue;
      if (fieldLabelAt(this.view, row, c)) return undefined;
      return this.view.field(row, c);
    }
    return undefined;
  }

  /** The text under a label (总体目标 over 中期目标 | 年度目标 with the texts below), when the row has none to its right. */
  textBelow(row: number, col: number): Field | undefined {
    for (let r = row + 1; r <= Math.min(this.zone.bottom, row + 2); r++) {
      const k = this.view.key(r, col);
      if (!k) continue;
      if (fieldLabelAt(this.view, r, col)) return undefined;
      return this.view.field(r, col);
    }
    return undefined;
  }

  /** A text field: its value right of the label, else under it; an empty value is remembered as a slot. */
  textField(at: LabelAt, slot?: SlotRole, below = false): Field | undefined {
    if (at.inline) return at.inline;
    const v = this.valueRight(at.r, at.c) ?? (below ? this.textBelow(at.r, at.c) : undefined);
    if (v) this.mark(v);
    else if (slot && !this.out.slots[slot]) {
      const empty = cellRightOf(this.view, at.r, at.c);
      if (empty.col <= this.zone.right && this.view.isEmpty(empty.row, empty.col)) this.out.slots[slot] = { label: at.label, empty };
    }
    return v;
  }

  /** The text right of a label, taken as its value (marked used) when there is one. */
  takeRight(at: LabelAt): Field | undefined {
    if (at.inline) return at.inline;
    const v = this.valueRight(at.r, at.c);
    this.mark(v);
    return v;
  }

  /** An amount to the right, or (for column headers such as 全年预算数) below in the same column. */
  amountNear(row: number, col: number, allowBelow: boolean): Field | undefined {
    const right = this.valueRight(row, col);
    if (right && readAmountWithUnit(right.text, right.raw, true) !== undefined) return right;
    if (right || !allowBelow) return undefined;
    for (let r = row + 1; r <= Math.min(this.zone.bottom, row + 3); r++) {
      const f = this.view.field(r, col);
      if (!f) continue;
      if (readAmount(f.text, f.raw) !== undefined) return f;
      // a label in the way: not a column header after all
      if (fieldLabelAt(this.view, r, col)) return undefined;
    }
    return undefined;
  }

  toAmount(labelField: Field, labelUnit: MoneyUnit | null, valueField: Field): Amount | undefined {
    const read = readAmountWithUnit(valueField.text, valueField.raw, true);
    if (read === undefined) return undefined;
    this.mark(valueField);
    if (read.unit && !this.out.amountUnit) this.out.amountUnit = { unit: read.unit, source: valueField };
    return {
      row: valueField.row,
      col: valueField.col,
      address: valueField.address,
      label: labelField.text,
      value: read.value,
      raw: valueField.raw,
      unit: read.unit ?? labelUnit ?? moneyUnitIn(labelField.text) ?? this.unit.unit,
    };
  }

  /** A cell holding several labelled amounts (财政拨款:…万元 二、自有资金:…万元 三、其他:…万元): true when read so. */
  readSeveralAmounts(label: Field, k: string): boolean {
    const several = labelledAmounts(k);
    if (several.length < 2) return false;
    const budget = this.out.budget;
    for (const [role, text, labelText] of several) {
      const amount = this.toAmount({ ...label, text: labelText }, null, { ...label, text, raw: text });
      if (!amount) continue;
      // several other sources in one cell (自有资金:0万元 三、其他:3683万元) are one 其他 amount
      if (role === "other" && budget.other?.address === label.address) budget.other = { ...budget.other, value: budget.other.value + amount.value };
      else assignAmount(budget, role, amount);
    }
    return true;
  }
}

/** Read one field from its label; "row-read" when the label takes the rest of its row (项目构成). */
type FieldReader = (h: HeaderBlockReading, at: LabelAt) => void | "row-read";

const FIELD_READERS: Record<FieldKind, FieldReader> = {
  project: (h, at) => {
    const v = h.textField(at, "project");
    if (v && !h.out.projectName) h.out.projectName = v;
  },
  parentProject: (h, at) => {
    h.parentProject ??= h.textField(at);
  },
  department: (h, at) => {
    h.departmentName ??= h.textField(at);
  },
  projectCode: (h, at) => {
    const v = h.textField(at);
    if (v) h.out.projectCode = v;
  },
  start: (h, at) => {
    h.out.period.start = h.textField(at);
  },
  end: (h, at) => {
    h.out.period.end = h.textField(at);
  },
  span: (h, at) => {
    h.out.period.span = h.textField(at);
  },
  composition: (h, at) => {
    h.inComposition = true;
    h.compositionAmountCol = compositionAmountColumn(h.view, at.r, at.c + 1, h.zone.right);
    return "row-read";
  },
  spendingPlan: (h, at) => {
    h.planRow = at.r;
    h.out.spendingPlan.label = at.label;
  },
  purposeBelow: (h, at) => {
    const purpose = firstTextBelow(h.view, at.r, h.zone);
    if (purpose) {
      h.out.texts.purpose = purpose;
      h.mark(purpose);
    }
  },
  purpose: (h, at) => {
    const v = h.takeRight(at);
    if (v && v.text.length > 6) h.out.texts.purpose = v;
  },
  goal: (h, at) => {
    const { r, c, k, label, info } = at;
    // 年度总体目标 | 预期目标 | 实际完成情况 over the texts: the goal is the text under 预期目标
    const right = at.inline ? undefined : h.valueRight(r, c);
    if (right && GOAL_COLUMN_HEADER.test(h.view.key(right.row, right.col))) return;
    const columnHeader = GOAL_COLUMN_HEADER.test(k);
    const v = columnHeader ? h.textBelow(r, c) : h.textField(at, info.midTermGoal ? undefined : "goal", true);
    if (v) h.mark(v);
    else if (columnHeader && !h.out.slots.goal && r + 1 <= h.zone.bottom) h.out.slots.goal = { label, empty: h.view.place(r + 1, c) };
    if (v && !isFieldLabel(v.text)) {
      if (info.midTermGoal) h.out.texts.midTermGoal ??= v;
      else h.out.texts.goals.push(v);
    }
    h.inGoals = k === "绩效目标";
  },
  goalN: (h, at) => {
    if (!h.inGoals) return;
    const v = h.takeRight(at);
    if (v) h.out.texts.goals.push(v);
  },
  implementationPlan: (h, at) => {
    const v = h.takeRight(at);
    if (v) h.out.texts.implementationPlan = v;
  },
  implementationContent: (h, at) => {
    const v = h.takeRight(at);
    if (v) h.out.texts.implementationContent = v;
  },
  executionWeight: (h, at) => {
    h.out.executionWeight = h.textField(at, "executionWeight");
  },
  agency: (h, at) => {
    const v = h.textField(at);
    if (v) (h.out.texts.agencies ??= []).push(v);
  },
  background: (h, at) => {
    const v = h.takeRight(at);
    if (v) h.out.texts.background.push(v);
  },
  amount: readAmountField,
};

/** An amount label: its amount in the label itself, right of it, or (a column header) below it. */
function readAmountField(h: HeaderBlockReading, at: LabelAt): void {
  const { r, c, label, info } = at;
  const role = info.role;
  if (!role) return;
  const budget = h.out.budget;
  if (SOURCE_ROLES.has(role)) budget.sourceLabels = (budget.sourceLabels ?? 0) + 1;
  if (info.amountInLabel !== undefined) {
    // (the label as the messages quote it: 资金总额, not 资金总额:360)
    const bare = LABEL_WITH_AMOUNT.exec(label.text.replace(/\s/g, ""))?.[1] ?? label.text;
    const amount = h.toAmount({ ...label, text: bare }, info.unit, { ...label, text: info.amountInLabel, raw: info.amountInLabel });
    if (amount) assignAmount(budget, role, amount);
    // the cell to the right, if any, names the fund: not a second amount
    return;
  }
  const columnHeader = role === "fullYearPlanned" || role === "halfYear";
  const v = at.inline ?? h.amountNear(r, c, columnHeader) ?? (columnHeader ? alignedBelow(h.view, r, c, h.zone) : undefined);
  const amount = v && h.toAmount(label, info.unit, v);
  if (amount) assignAmount(budget, role, amount);
  else if (role === "total" && !v && !budget.total && h.valueRight(r, c) === undefined) {
    const empty = cellRightOf(h.view, r, c);
    // a group label (项目资金 | 年度资金总额 …) has a label to its right, not an empty cell
    if (h.view.isEmpty(empty.row, empty.col) && empty.col <= h.zone.right && !h.out.slots.budget) h.out.slots.budget = { label, empty };
  }
}

/**
 * Read the header block in `zone`: the rows above the indicator header, every column the table
 * spans and the label columns left of the grid. Labels are found anywhere in a row; a value is the
 * first cell to their right that is no label, or (column headers, goal labels) the cell under them.
 */
export function readHeaderBlock(view: SheetView, zone: Zone, unit: MoneyUnitDeclaration): BlockResult {
  const h = new HeaderBlockReading(view, zone, unit);
  for (let r = zone.top; r <= zone.bottom; r++) readHeaderRow(h, r);
  return settleHeaderBlock(h);
}

/** One row of a header block: its title, its composition line, or its labels each read by its field's reader. */
function readHeaderRow(h: HeaderBlockReading, r: number): void {
  const { view, zone, out } = h;
  const cols = view.filledColumns(r, zone.left, zone.right);
  if (cols.length === 0) return;
  const firstKey = view.key(r, cols[0]);

  // title: the first short row naming a 绩效目标表
  if (!out.title && firstKey.length <= 80 && TITLE.test(firstKey) && cols.length <= 2) out.title = view.field(r, cols[0]);

  if (h.inGoals && !GOAL_N_LABEL.test(firstKey) && fieldLabelAt(view, r, cols[0])) h.inGoals = false;
  if (h.inComposition && (firstKey === "备注" || /目标/.test(firstKey) || (fieldLabelAt(view, r, cols[0]) && firstKey !== "经济科目名称"))) h.inComposition = false;

  if (h.inComposition) {
    // its column headers (经济科目名称 | 预算金额) may name the amounts' column
    if (COMPOSITION_HEADER_ROW.test(firstKey)) h.compositionAmountCol ??= compositionAmountColumn(view, r, cols[0] + 1, zone.right);
    else readCompositionRow(view, r, cols, out.budget, h.unit, h.compositionAmountCol);
    return;
  }

  // a money table with a column a year: its column headers, then a source a row (合计 | 财政拨款 | 其他资金 …)
  const yearCol = thisYearMoneyColumn(view, r, cols);
  if (yearCol !== undefined) h.yearMoneyCol = yearCol;
  else if (h.yearMoneyCol !== undefined && readYearMoneyRow(h, r, cols)) return;

  // a row of labels alone over a row of their values (项目名称 | 主管部门 | 预算金额 over 社区健康教育 | 县卫健局 | 20)
  const overValues = isLabelRowOverValues(view, r, cols);
  for (const c of cols) {
    if (h.isUsed(r, c)) continue;
    const k = view.key(r, c);
    if (!k) continue; // (an empty text has an empty key)
    const label = view.field(r, c) as Field;
    const info = infoAt(view, r, c);
    // 目标2, 目标3 … on the rows under 绩效目标 | 目标1: each names one more goal (not a label elsewhere)
    if (info.kind === "goalN" && h.inGoals) {
      FIELD_READERS.goalN(h, { r, c, k, label, info });
      continue;
    }
    if (!info.fieldLabel) {
      if (h.readSeveralAmounts(label, k)) continue;
      // a short label the lexicon does not know, with prose beside it (a cut 年度目标 label)
      const right = c === cols[0] && k.length <= 6 ? h.valueRight(r, c) : undefined;
      if (right && isProse(right.text)) h.lastProse = { label, value: right };
      continue;
    }
    out.labels++;
    // the value under the label (a line of labels over a line of values), or in its own cell after a colon (项目名称：…)
    const below = overValues ? view.field(r + 1, c) : undefined;
    const split = !below && info.valueInLabel ? splitAtColon(label) : undefined;
    if (below) h.mark(below);
    const at: LabelAt = { r, c, k, label: split?.label ?? label, info, inline: below ?? split?.value };
    if (info.kind && FIELD_READERS[info.kind](h, at) === "row-read") break;
  }
}

/**
 * The column headers of a money table with a column a year (项目 | 上年度预算安排 | 上年度实际执行 |
 * 本年度申请金额): the column of this year's money, when the row also has a past year's.
 */
function thisYearMoneyColumn(view: SheetView, r: number, cols: readonly number[]): number | undefined {
  if (cols.length < 3) return undefined;
  let past = false;
  let current: number | undefined;
  for (const c of cols) {
    const k = view.key(r, c).replace(UNIT_SUFFIX, "");
    if (PAST_YEAR_MONEY_HEADER.test(k)) past = true;
    else if (current === undefined && THIS_YEAR_MONEY_HEADER.test(k)) current = c;
  }
  return past ? current : undefined;
}

/**
 * A row of a money table with a column a year: its source (财政拨款, 其他资金 …; 合计 the total) with
 * the amount in this year's column. False when the row is no longer part of it (a label of
 * another field), and the table ends.
 */
function readYearMoneyRow(h: HeaderBlockReading, r: number, cols: readonly number[]): boolean {
  const { view } = h;
  const col = h.yearMoneyCol as number;
  if (cols[0] >= col) return true;
  // the row's source: its first label (合计, or a money label after a side label) left of the year's column
  const labelCol = cols.find((c) => c < col && (TOTAL_ROW.test(view.key(r, c)) || fieldLabelAt(view, r, c))) ?? cols[0];
  const key = view.key(r, labelCol);
  const info = keyInfo(key);
  const role = TOTAL_ROW.test(key) ? "total" : info.role;
  if (!role) {
    if (!info.fieldLabel) return true; // an item line (1.阅读推广活动 …): not a source
    h.yearMoneyCol = undefined;
    return false;
  }
  const v = view.field(r, col);
  const amount = v && h.toAmount(view.field(r, labelCol) as Field, info.unit, v);
  if (amount) assignAmount(h.out.budget, role, amount);
  for (const c of cols) if (c < col) h.mark({ row: r, col: c });
  h.out.labels++;
  return true;
}

/**
 * A row of two labels or more and nothing else, the row under it holding values (no labels) under
 * them: a header block laid out as a table of one line.
 */
function isLabelRowOverValues(view: SheetView, r: number, cols: readonly number[]): boolean {
  if (cols.length < 2 || !cols.every((c) => fieldLabelAt(view, r, c))) return false;
  // a value under every label (a line whose values stand elsewhere is read as before: 支出 | 项目名称 | 半年… over | 住房公积金… | 500 | 1003.82)
  const valuesAt = (row: number, all: boolean) => {
    const filled = cols.filter((c) => view.key(row, c) !== "");
    return (all ? filled.length === cols.length : filled.length * 2 >= cols.length) && filled.every((c) => !fieldLabelAt(view, row, c));
  };
  // one line of values: a second one under it makes the labels a list's column headers
  return valuesAt(r + 1, true) && !valuesAt(r + 2, false);
}

/** A label's own cell split at its first colon (项目名称：住房公积金管理业务费用): the label and its value. */
function splitAtColon(label: Field): { label: Field; value: Field } | undefined {
  const m = /[:：]\s*/.exec(label.text);
  const text = m ? label.text.slice(m.index + m[0].length).trim() : "";
  if (!m || !text) return undefined;
  return { label: { ...label, text: label.text.slice(0, m.index) }, value: { ...label, text, raw: text } };
}

/** After the rows: the spending plan and the execution block, and which goal, total and name stand for the table. */
function settleHeaderBlock(h: HeaderBlockReading): BlockResult {
  const { view, zone, out } = h;
  if (h.planRow !== undefined) readPlan(view, h.planRow, zone, out.spendingPlan);
  out.execution = readExecution(view, zone, h.unit);
  // a self-evaluation's money is the year's budget column of its execution block (全年预算数 / 调整后预算数)
  if (out.execution) out.budget = budgetOfExecution(out.execution, out.budget);
  // "绩效目标 | 目标1 | text" reaches the same text through both labels
  out.texts.goals = out.texts.goals.filter((g, i, all) => all.findIndex((x) => x.address === g.address) === i);
  if (out.texts.goals.length === 0 && h.lastProse) out.texts.goals.push(h.lastProse.value);
  // the whole project's goal is the table's when no year's goal is given beside it
  if (out.texts.goals.length === 0 && out.texts.midTermGoal) out.texts.goals.push(out.texts.midTermGoal);
  if (out.texts.goals.length > 0) delete out.slots.goal;
  // the 全年预算数 of a 支出 section stands for the total when no other total is given
  if (!out.budget.total && out.budget.fullYearPlanned) out.budget.total = out.budget.fullYearPlanned;
  if (!out.budget.total && out.budget.projectTotal) out.budget.total = out.budget.projectTotal;
  if (out.budget.total) delete out.slots.budget;
  // the whole term's total when the year's is left empty (实施期资金总额 | 1,000,000 | 年度资金总额 | —): the
  // money checks have a bound, and the empty year's cell is still reported (missing.budget)
  if (!out.budget.total && out.budget.midTermTotal) out.budget.total = out.budget.midTermTotal;
  // a 二级项目 names the project; its 一级项目 only when nothing else does; a department-wide table its department
  out.department = h.departmentName;
  if (!out.projectName && !out.slots.project) out.projectName = h.parentProject ?? h.departmentName;
  if (out.projectName) delete out.slots.project;
  return out;
}

/** A money label and its amount, as a cell writes several: 财政拨款:6923.3552万元(其中:…)二、自有资金:0万元三、其他:3683.3970万元. */
const LABELLED_AMOUNT = /([^\d:;,、()]{2,20}?)[:]?(\d+(?:\.\d+)?(?:亿元|万元|元|万|亿))/g;

/** Each labelled amount of a cell's key whose label is a money label (the bracketed breakdowns left out). */
function labelledAmounts(key: string): [AmountRole, string, string][] {
  if (!/\d.*[^\d.].*\d/.test(key)) return [];
  const out: [AmountRole, string, string][] = [];
  for (const m of key.replace(/\([^()]*\)/g, "").matchAll(LABELLED_AMOUNT)) {
    const label = m[1].replace(/^[一二三四五六七八九十]+$/, "");
    const role = readLabel(label).role;
    if (role) out.push([role, m[2], label]);
  }
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
      // the whole project's money beside the year's (项目资金总额 | 1500 | 年度资金申请总额 | 1400): the table's is the year's
      if (b.total && YEAR_AMOUNT_LABEL.test(labelKeyOf(a.label)) && !YEAR_AMOUNT_LABEL.test(labelKeyOf(b.total.label))) {
        b.projectTotal ??= b.total;
        b.total = a;
      }
      if (!b.total) b.total = a;
      return;
    case "projectTotal":
      if (!b.projectTotal) b.projectTotal = a;
      return;
    case "midTermTotal":
      if (!b.midTermTotal) b.midTermTotal = a;
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
      // one government level's money beside another's (中央财政资金 0 | 省级财政资金 0 | 市县(区)财政资金 100): parts of the fiscal money
      if (namesGovernmentLevel(labelKeyOf(a.label)) && (b.fiscalParts.length > 0 || (b.fiscal && namesGovernmentLevel(labelKeyOf(b.fiscal.label))))) {
        if (b.fiscal) b.fiscalParts.push(b.fiscal);
        b.fiscal = undefined;
        b.fiscalParts.push(a);
      } else if (!b.fiscal) b.fiscal = a;
      return;
    case "carryOver":
      if (!b.carryOver) b.carryOver = a;
      return;
    case "other":
      // several non-fiscal sources, each with its own label (自有资金:0 | 事业收入:0 | 其他:40): one 其他 amount, their sum
      if (b.other && labelKeyOf(b.other.label) !== labelKeyOf(a.label) && !b.otherLabels?.includes(labelKeyOf(a.label))) {
        b.otherLabels = [...(b.otherLabels ?? [labelKeyOf(b.other.label)]), labelKeyOf(a.label)];
        b.other = b.other.value === 0 && a.value !== 0 ? { ...a, value: a.value } : { ...b.other, value: b.other.value + a.value };
      } else if (!b.other) b.other = a;
      return;
    case "use":
      // each use is named once (基本支出 again further down is a line of another list: 支出项目名称 | 预算金额)
      if (b.uses?.some((u) => labelKeyOf(u.label) === labelKeyOf(a.label))) return;
      b.uses = [...(b.uses ?? []), a];
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
/** The first cell of a composition block's column-header row (经济科目名称 | 预算金额). */
const COMPOSITION_HEADER_ROW = /经济科目|科目名称|^名称$/;

/** The column headed 金额 / 预算金额 in a composition block's header row, if any. */
function compositionAmountColumn(view: SheetView, r: number, from: number, right: number): number | undefined {
  return view.filledColumns(r, from, right).find((c) => COMPOSITION_AMOUNT_HEADER.test(view.key(r, c).replace(UNIT_SUFFIX, "")));
}

/**
 * One line of a composition block: an item and its amount (in the 金额 column where one is named,
 * else the last). Its 合计 line is the total when the block gives no other.
 */
function readCompositionRow(view: SheetView, r: number, cols: number[], b: BudgetBlock, unit: MoneyUnitDeclaration, amountCol?: number): void {
  const firstKey = view.key(r, cols[0]);
  const name = view.field(r, cols[0]);
  const col = amountCol ?? cols[cols.length - 1];
  const amountField = cols.length > 1 && col !== cols[0] ? view.field(r, col) : undefined;
  if (!name || !amountField) return;
  const value = readAmount(amountField.text, amountField.raw);
  if (value === undefined) return;
  const amount: Amount = { row: amountField.row, col: amountField.col, address: amountField.address, label: name.text, value, raw: amountField.raw, unit: unit.unit };
  if (TOTAL_ROW.test(firstKey)) {
    b.total ??= amount;
    return;
  }
  b.components.push(amount);
}

/** The first text in the rows below `row` that is not a label (the 资金用途 text under 预算规模及资金用途). */
function firstTextBelow(view: SheetView, row: number, zone: Zone): Field | undefined {
  const r = row + 1;
  if (r > zone.bottom) return undefined;
  for (const c of view.filledColumns(r, zone.left, zone.right)) {
    if (fieldLabelAt(view, r, c)) return undefined;
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

type ExecutionColumn = (typeof EXECUTION_COLUMNS)[number][0];

/** Every EXECUTION_COLUMNS word has one of these: other cells are no column header of the block (issue 7). */
const EXECUTION_CHARS = /[预执分权得原说际]/;

/** The budget block read from the execution block's rows, each amount from the year's budget column. */
function budgetOfExecution(e: BudgetExecution, read: BudgetBlock): BudgetBlock {
  const b: BudgetBlock = { ...emptyBudget(), components: read.components, sourceLabels: 0 };
  for (const r of e.rows) {
    const role = keyInfo(labelKeyOf(r.label.text)).role;
    const amount = r.budget ?? r.initial;
    if (role && SOURCE_ROLES.has(role)) b.sourceLabels = (b.sourceLabels ?? 0) + 1;
    if (role && amount) assignAmount(b, role, amount);
  }
  if (!b.total) {
    const first = e.total?.budget ?? e.total?.initial;
    if (first) b.total = first;
  }
  return b;
}

/** The column role of a budget-execution header: 全年预算数(A), 执行数B), 执行率(B/A) read without the letters. */
function executionColumnOf(key: string): ExecutionColumn | undefined {
  // the column's letter (全年预算数(A), 执行率(B/A)), its unit ((万元), (%), (分)) and a bracketed 调整 are no part of the word
  const bare = key
    .replace(/[(（]?[A-Z](\/[A-Z])?[)）]?$/, "")
    .replace(/\((万元|元|%|分)\)$/, "")
    .replace(/\(调整\)/, "调整");
  return EXECUTION_COLUMNS.find(([, re]) => re.test(bare))?.[0];
}

/** The characters of the execution columns' words: what a misrecognised character may have been. */
const EXECUTION_WORD_CHARS = [...new Set(EXECUTION_COLUMNS.flatMap(([, re]) => re.source.match(/[\u4e00-\u9fff]/g) ?? []))];

/** executionColumnOf for a word one character off (a scan's 年初预匏数 for 年初预算数), the reason column aside. */
function executionColumnOneOff(key: string): ExecutionColumn | undefined {
  const k = key.replace(/[^\u4e00-\u9fff]+$/, "");
  if (k.length < 4 || k.length > 8) return undefined;
  for (let i = 0; i < k.length; i++)
    for (const ch of EXECUTION_WORD_CHARS) {
      if (ch === k[i]) continue;
      const role = executionColumnOf(k.slice(0, i) + ch + k.slice(i + 1));
      if (role && role !== "reason") return role;
    }
  return undefined;
}

/**
 * The budget-execution block of a self-evaluation: a row of column headers (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分) and the rows under it, each a label (年度资金总额, 其中：财政拨款 …)
 * with its figures in those columns.
 */
function readExecution(view: SheetView, zone: Zone, unit: MoneyUnitDeclaration): BudgetExecution | undefined {
  for (let r = zone.top; r <= zone.bottom; r++) {
    const columns = new Map<number, ExecutionColumn>();
    for (const c of view.filledColumns(r, zone.left, zone.right)) {
      if (!EXECUTION_CHARS.test(view.text(r, c))) continue;
      const role = executionColumnOf(view.key(r, c));
      // a column of figures: under it a number, a percentage, a mark (— /) or nothing, not the rows' labels (年度预算数(万元) over 总额)
      const below = view.field(r + 1, c);
      const labels = below && readAmountWithUnit(below.text, below.raw) === undefined && !/^[\d.]+%$|^[—\-/－]+$/.test(below.text.trim());
      if (role && !(labels && role !== "reason") && ![...columns.values()].includes(role)) columns.set(c, role);
    }
    // two columns known: the others may be misspelt by a scan's text recognition (年初预匏数, 调整预算将,A、), one character off
    if (columns.size >= 2)
      for (const c of view.filledColumns(r, zone.left, zone.right)) {
        if (columns.has(c)) continue;
        const role = executionColumnOneOff(view.key(r, c));
        if (role && ![...columns.values()].includes(role)) columns.set(c, role);
      }
    const roles = new Set(columns.values());
    const moneyAndSpending = (roles.has("budget") || roles.has("initial")) && (roles.has("spent") || roles.has("rate") || roles.has("progress") || roles.has("forecast"));
    // a block scored on its rate alone (执行率(%) | 执行率权重 | 执行率得分(分)), its amounts unreadable or left out
    const scoredRate = roles.has("rate") && roles.has("score");
    if (columns.size < 3 || !(moneyAndSpending || scoredRate)) continue;
    const first = Math.min(...columns.keys());
    const group = view.field(r, view.firstFilled(r, zone.left, zone.right) ?? first);
    const points = group && group.col < first ? POINTS_IN_LABEL.exec(view.key(group.row, group.col))?.[1] : undefined;
    const pointsLabel = points !== undefined ? group : undefined;
    const rows: ExecutionRow[] = [];
    for (let rr = r + 1; rr <= zone.bottom; rr++) {
      // the row's label: the last text left of the figures (项目资金 | 年度资金总额 | 20 …)
      const leftmost = view.firstFilled(rr, zone.left, zone.right);
      const labelCol = view.filledColumns(rr, zone.left, first - 1).pop();
      const figures = [...columns.keys()].some((c) => isFigure(view.field(rr, c)));
      // figures right under the column headers with no label of their own: the block's total, labelled in the
      // header row (项目资金(万元) | 年度资金总额 | 年初预算数 … over | | 64.8 …)
      const headerLabelCol = rr === r + 1 && labelCol === undefined && figures ? view.filledColumns(r, zone.left, first - 1).pop() : undefined;
      const label = labelCol !== undefined ? view.field(rr, labelCol) : headerLabelCol !== undefined ? view.field(r, headerLabelCol) : undefined;
      // the block ends at the next field (年度总体目标 …) or a row that is neither a source of money nor figures
      const nextField = leftmost !== undefined && leftmost !== labelCol && fieldLabelAt(view, rr, leftmost) && !isAmountLabel(view.text(rr, leftmost));
      if (!label || nextField || (!figures && !isAmountLabel(label.text))) break;
      const row: ExecutionRow = { label };
      for (const [c, role] of columns) {
        const f = view.field(rr, c);
        if (!f) continue;
        if (role === "initial" || role === "budget" || role === "spent" || role === "progress" || role === "forecast") {
          const read = readAmountWithUnit(f.text, f.raw);
          if (read) row[role] = { row: f.row, col: f.col, address: f.address, label: label.text.replace(/\s*[:：]\s*$/, ""), value: read.value, raw: f.raw, unit: read.unit ?? unit.unit };
        } else row[role] = f;
      }
      rows.push(row);
    }
    if (rows.length === 0) return undefined;
    const total = rows.find((x) => keyInfo(labelKeyOf(x.label.text)).role === "total") ?? rows[0];
    const reasonColumn = [...columns].find(([, role]) => role === "reason")?.[0];
    const forecastColumn = [...columns].find(([, role]) => role === "forecast")?.[0];
    return { headerRow: r, rows, total, points: points !== undefined ? Number(points) : undefined, pointsLabel, reasonColumn, forecastColumn };
  }
  return undefined;
}

/** A cell of a figures column: an amount, a percentage, or a mark for "not applicable" (—, /). */
function isFigure(f: Field | undefined): boolean {
  if (!f) return false;
  return readAmountWithUnit(f.text, f.raw) !== undefined || /^[\d.]+\s*%$|^[—\-/－]+$/.test(f.text.trim());
}

function labelKeyOf(text: string): string {
  return toHalfWidth(text).replace(/[\s:：]/g, "");
}

function isAmountLabel(text: string): boolean {
  return keyInfo(labelKeyOf(text)).role !== undefined;
}
