/**
 * What the recognizer reads out of a sheet: target tables with every field tied to its cell.
 * Rules read only this model (plus the grid for raw values); hosts never build it by hand.
 */
import type { FrameworkId } from "./frameworks/ids";
import type { CellRange, CellValue } from "./grid";
import type { ParsedValue } from "./value/types";
import type { MONEY_UNITS } from "./value/units";

/** What the rows of a table are: targets set, targets scored after the year, or the year's monitoring. */
export type TableKind = "target" | "self-evaluation" | "monitoring";

export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** A position on a sheet (1-based) with its A1 address. */
export interface Place {
  row: number;
  col: number;
  /** "E13" */
  address: string;
}

/** A piece of text read from a cell. `text` is the display text (percent cells as "25%"). */
export interface Field extends Place {
  text: string;
  raw: CellValue;
}

/** An amount in the budget block: the label and the number next to it. */
export interface Amount extends Place {
  /** the label as written: 预算数, 资金总额, 其中：财政资金, 一般公共预算资金 … */
  label: string;
  /** the number as written in the cell, in the table's money unit */
  value: number;
  raw: CellValue;
  /** the unit that applies: declared on the amount's label, or the table's money unit, or null */
  unit: MoneyUnit | null;
}

export interface MoneyUnitDeclaration {
  unit: MoneyUnit | null;
  /** false when the table says nothing about 元 or 万元 */
  declared: boolean;
  /** the cell holding 单位：万元 / 预算金额（元） / 项目资金 (万元) */
  source?: Field;
}

export interface BudgetBlock {
  /** 预算数 / 资金总额 / 项目总金额 / 全年预算数 */
  total?: Amount;
  /** 项目本年度金额 / 本年度金额 (002) */
  currentYear?: Amount;
  /** 财政资金 / 财政拨款（小计） */
  fiscal?: Amount;
  /** the parts of 财政拨款: 一般公共预算资金, 政府性基金预算资金, 财政专户管理资金 … */
  fiscalParts: Amount[];
  /** 其他资金 */
  other?: Amount;
  /** the labels summed into `other` when several non-fiscal sources are given (自有资金 | 事业收入 | 其他) */
  otherLabels?: string[];
  /** 上年结转（资金） */
  carryOver?: Amount;
  /** sources listed beside 财政拨款 that are neither fiscal parts nor 其他资金 (国有资本经营预算资金 …) */
  otherSources: Amount[];
  /** 半年（程）计划执行数 */
  halfYear?: Amount;
  /** 全年（程）预算数 given in the 支出 section, when the table has one besides the total */
  fullYearPlanned?: Amount;
  /** 项目构成 items (经济科目名称 / 预算金额) */
  components: Amount[];
  /** 项目总投资: the whole project's money over all its years */
  projectTotal?: Amount;
  /** 中期资金总额: the medium-term (multi-year) total beside the year's */
  midTermTotal?: Amount;
  /** a department-wide table's uses of its money: 基本支出, 项目支出 */
  uses?: Amount[];
  /** how many source labels (财政拨款, 其他资金, 上年结转 …) the block writes, with or without an amount */
  sourceLabels?: number;
  /** 上年度项目总金额 (for information) */
  previousTotal?: Amount;
}

/** One column of the cumulative spending plan (资金支出计划): 3月底 10%. */
export interface PlanPoint extends Place {
  /** header as written: "3月底" */
  label: string;
  month: number;
  /** cumulative share as a fraction (0.1 for 10%) */
  share: number;
  raw: CellValue;
  header: Place;
}

export interface SpendingPlan {
  /** the 资金支出计划 label cell, when the table has a plan block */
  label?: Field;
  /** month headers found in the block, with or without a value under them */
  headers: (Place & { label: string; month: number })[];
  points: PlanPoint[];
  /** plan cells that hold something other than a percentage */
  unreadable: Field[];
}

/** A 一级 or 二级 label as written, with what it means in the table's framework. */
export interface LabelRef extends Place {
  text: string;
  /** canonical key such as "产出", "数量", "服务对象满意度"; null when the label is not known */
  key: string | null;
}

/** One row of the indicator grid. Cells that were shifted are read from where they actually are. */
export interface IndicatorRow {
  row: number;
  /** the 一级 / 二级 in force for this row (written here or continued from above) */
  level1: LabelRef | null;
  level2: LabelRef | null;
  /** 三级指标 */
  name?: Field;
  description?: Field;
  /** the full-year (or only) value: 指标值 / 目标值 / 全年（程）指标值 */
  value?: Field;
  parsed?: ParsedValue;
  /** 半年（程）指标值 */
  halfValue?: Field;
  halfParsed?: ParsedValue;
  /** 中期 target */
  midValue?: Field;
  midParsed?: ParsedValue;
  /** last year's actual value (2021年实际实现值) */
  priorValue?: Field;
  /** separate 计量单位 column */
  unit?: Field;
  /** separate 运算符 / 指标性质 column */
  operator?: Field;
  /** separate 指标方向 column (正向/反向) */
  direction?: Field;
  note?: Field;
  /** self-evaluation: 实际完成值, 得分, 偏差原因 */
  actual?: Field;
  actualParsed?: ParsedValue;
  score?: Field;
  reason?: Field;
  /** monitoring: 1-6月执行情况 (done so far), 全年预计完成情况, 完成目标可能性 / 纠偏措施 */
  progress?: Field;
  forecast?: Field;
  correction?: Field;
  /** 权重 / 分值 */
  weight?: Field;
  /** 指标值确定依据 */
  basis?: Field;
  /** columns the data cells were found away from their header (−1 = one column left) */
  shift: number;
  /**
   * an indicator given in parts: the row carries the points (★补助各类瓜果蔬菜种植面积 | 10 | | | 10) and
   * the rows under it the targets (梨树种植面积 | | 6亩 | 6亩); `parts` on the parent, `partOf` (the
   * parent's row) on each part
   */
  parts?: number[];
  partOf?: number;
}

/** A 一级/二级 pair as it appears in the grid, with the rows that belong to it. */
export interface LabelBlock {
  level1: LabelRef | null;
  level2: LabelRef | null;
  /** sheet rows of the indicator rows in the block (may be empty: an unused 二级) */
  rows: number[];
  /** first and last sheet row the block spans in the grid */
  top: number;
  bottom: number;
}

export type ColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "description"
  /** the full-year (or only) target: 指标值, 全年（程）指标值, 预期2022年实现值, 年度 */
  | "value"
  /** 半年（程）指标值 */
  | "halfValue"
  /** 中期 target beside the 年度 one */
  | "midValue"
  /** last year's actual value shown beside the target (2021年实际实现值): information, not a target */
  | "priorValue"
  | "unit"
  /** ≥ ≤ = or 定性/定量 in a column of its own (运算符, 指标性质, 指标值类型) */
  | "operator"
  /** 正向/反向 (指标方向) */
  | "direction"
  | "weight"
  | "basis"
  | "note"
  /** monitoring: 1-6月执行情况, 全年预计完成情况, 纠偏措施 */
  | "progress"
  | "forecast"
  | "correction"
  /** self-evaluation: 实际完成值 / 全年实际值 */
  | "actual"
  /** self-evaluation: 得分 */
  | "score"
  /** self-evaluation: 偏差原因 / 未完成原因分析 */
  | "reason";

export interface IndicatorHeader {
  row: number;
  /** 1-based sheet column for each role found in the header row */
  columns: Partial<Record<ColumnRole, number>>;
  /** the header text as written, per role */
  labels: Partial<Record<ColumnRole, Field>>;
  /** first and last column of the grid */
  left: number;
  right: number;
  /**
   * columns before the name column whose header is a word that also names indicators elsewhere
   * (绩效指标, 评价内容): label columns or a side label, as their cells tell
   */
  labelCandidates?: number[];
  /** a column before the grid that labels it as a whole (绩效指标 written once, merged down) */
  sideLabel?: number;
  /** columns of a grid that gives one target a place (西坪镇尧山村 | 桃舟乡吾培村 …); the first is the `value` column */
  placeColumns?: number[];
  /** the second row of a two-row header (指标值 over 半年 / 全年): the grid starts below it */
  subRow?: number;
  /**
   * header-block fields given on every row of a flat list (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …):
   * the column of each
   */
  rowFields?: Partial<Record<RowFieldRole, number>>;
}

/** Fields of a flat list that a row carries for its project. */
export type RowFieldRole = "project" | "department" | "budget" | "goal";

export type RecognitionIssueKind =
  /** a 一级/二级 label written in another column than its own */
  | "label-misplaced"
  /** a row whose cells sit one or more columns away from their headers */
  | "row-shifted"
  /** a label in a 一级/二级 column that no framework knows */
  | "unknown-label"
  /** a 二级 under an 一级 that does not contain it in the detected framework */
  | "level2-wrong-parent"
  /** a 三级 name written in a 一级/二级 column */
  | "name-misplaced"
  /** a row of the template left as it was (……) */
  | "leftover";

export interface RecognitionIssue extends Place {
  kind: RecognitionIssueKind;
  text: string;
  /** the column the label or cell belongs in */
  expectedCol?: number;
  /** for label-misplaced / level2-wrong-parent: the level and key read */
  level?: 1 | 2;
  key?: string | null;
  /** for unknown labels: the closest known label, if any */
  suggestion?: string;
  /** for level2-wrong-parent: the 一级 it was found under */
  parent?: string;
  shift?: number;
}

/** One row of a self-evaluation's budget-execution block (资金情况): 年度资金总额 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export interface ExecutionRow {
  label: Field;
  initial?: Amount;
  /** 全年预算数 / 调整后预算数 / 预算数 */
  budget?: Amount;
  spent?: Amount;
  /** monitoring: spent so far (1-6月执行数) and the year's forecast (全年预计执行数) */
  progress?: Amount;
  forecast?: Amount;
  rate?: Field;
  weight?: Field;
  score?: Field;
  reason?: Field;
}

export interface BudgetExecution {
  /** the row of the column headers */
  headerRow: number;
  rows: ExecutionRow[];
  /** the 资金总额 row (the first row when none is labelled as the total) */
  total?: ExecutionRow;
  /** the points the block's label gives it: 预算执行情况(10分) */
  points?: number;
  pointsLabel?: Field;
  /** the 原因 column, when the block has one (a reason is asked for) */
  reasonColumn?: number;
  /** monitoring: the 全年预计执行数 column, when the block has one */
  forecastColumn?: number;
}

/** The 总分 / 合计 row under a weighted grid. */
export interface TotalRow {
  label: Field;
  weight?: Field;
  score?: Field;
  /** a grade written beside the total: 优, 良, 中, 差 */
  grade?: Field;
}

export type { FrameworkId };

export interface TargetTable {
  /** "Sheet1!A5:F30": unique in a workbook */
  id: string;
  sheet: string;
  /** 1-based position of the table on its sheet (stacked tables) */
  index: number;
  range: CellRange;
  /** "A5:F30" */
  rangeA1: string;
  /** what the table's rows are: targets ("target"), or targets scored after the year ("self-evaluation") */
  kind: TableKind;
  /** self-evaluation: the budget-execution block */
  execution?: BudgetExecution;
  /** the 总分 / 合计 row under the grid, when the table has one */
  totalRow?: TotalRow;
  /** the points the grid's side label gives the indicators: 绩效指标(90分) */
  indicatorPoints?: number;
  indicatorPointsLabel?: Field;
  /** the term of a table given as two blocks side by side for one project: "中期" or "年度" */
  term?: string;
  /** the title row: "1. 宣传费项目绩效目标表" */
  title?: Field;
  projectName?: Field;
  projectCode?: Field;
  /** 主管部门 / 部门(单位)名称 */
  department?: Field;
  /** header fields whose label is there and whose value is empty: where the missing value belongs */
  slots: Partial<Record<"project" | "goal" | "budget" | "executionWeight", { label: Field; empty: Place }>>;
  /** 预算执行率权重 (Sichuan exports): the weight kept for budget execution outside the indicators */
  executionWeight?: Field;
  moneyUnit: MoneyUnitDeclaration;
  budget: BudgetBlock;
  spendingPlan: SpendingPlan;
  /** texts of the header block */
  texts: {
    /** 资金用途 under 预算规模及资金用途, or 资金用途 field */
    purpose?: Field;
    /** 绩效目标 / 目标1 … / 项目总目标 / 年度绩效目标 / 年度目标 / 中长期目标 */
    goals: Field[];
    /** 项目实施计划 */
    implementationPlan?: Field;
    /** 项目实施内容 */
    implementationContent?: Field;
    /** 项目概况 / 立项必要性 / 立项依据 …, for relevance */
    background: Field[];
    /** 主管部门 / 实施单位 / 填报单位 …: the bodies behind the project */
    agencies?: Field[];
    /** 中期目标 beside the 年度目标 */
    midTermGoal?: Field;
  };
  period: { start?: Field; end?: Field; /** 项目期 / 实施期 as written: 2022年3月-2023年11月, 3年 */ span?: Field };
  header?: IndicatorHeader;
  /** how many labels of a header block (项目名称, 预算数, 绩效目标 …) the table has above its grid */
  headerFields: number;
  /** every row of the grid that carries a 三级 name or a value */
  indicators: IndicatorRow[];
  /** every 一级/二级 block, including empty ones */
  blocks: LabelBlock[];
  /**
   * the framework the table's labels mean; `matched` false when its labels match none well (or it has
   * no 一级/二级 labels at all): the structure rules that depend on a framework do not apply
   */
  framework: { id: FrameworkId; overridden: boolean; score: number; matched: boolean };
  issues: RecognitionIssue[];
  /** the part-one summary (分项绩效目标) of this project, when the sheet has one */
  summary?: PartOneSummary;
}

/** The part-one summaries (分项绩效目标) of a document: project title, goal and indicator text. */
export interface PartOneSummary {
  sheet: string;
  heading: Field;
  goal?: Field;
  indicator?: Field;
}
