/** The shape of a parsed 指标值 (target value). See docs/domain.md "Reading a value". */

/** Comparison operators after normalisation. "change" is 下降/降低/提高/增长 with a number. */
export type Operator = "≥" | "≤" | "=" | ">" | "<";

export type ValueKind =
  /** a number, with or without operator and unit: ≥90%, 161人, ≤25万元, =100 */
  | "quantitative"
  /** a date or deadline: 2020.12.31日前, 6月底前, 2020-12-31, 12月 */
  | "date"
  /** words without a number: 明显提高, 充分, 合规, 及时 */
  | "qualitative"
  /** something left to fill: n, n%, XX, ××, *, 待定, 是/否 … */
  | "placeholder"
  /** has a number but cannot be read as one value: ≥100按规定执行, ≥, ≥≥90%, 90%-95% … */
  | "malformed"
  /** nothing in the cell */
  | "empty";

/** What a unit measures. Money converts between 元/万元/亿元; counts carry a magnitude (万人 = 10,000 人). */
export type UnitDimension =
  | "percent"
  | "permille"
  | "money"
  | "money-rate" // 元/人, 元/人·天, 万元/年, 元/套
  | "count" // 人, 次, 个, 项, 件, 份, 套, 台, 辆, 户, 场, 期, 册, 笔, 条, 种, 类 …
  | "time" // 天, 日, 工作日, 月, 年, 小时
  | "area" // 平方米, ㎡
  | "length" // 公里, 米
  | "rate" // other x/y units such as 次/年
  | "other";

export interface UnitInfo {
  /** canonical spelling: "%", "万元", "人次", "元/人·天", "万册" */
  unit: string;
  dimension: UnitDimension;
  /** multiply the number by this to get the base unit (万元 -> 10000 元, 万册 -> 10000 册, ‰ -> 0.001) */
  factor: number;
  /** the base unit: "元" for money, "册" for 万册, "%" for percent */
  base: string;
}

export interface ParsedValue {
  /** the cell text exactly as read */
  raw: string;
  kind: ValueKind;
  /** the comparison operator, normalised; null when none was written */
  op: Operator | null;
  /** how the operator was written when it was a word or full-width: 不低于, ＞＝, 以上 … */
  opText?: string;
  /** a change target: 下降2% -> "decrease", 提高5% -> "increase" */
  change?: "increase" | "decrease";
  /** the number as written, in the written unit (90 for 90%, 25 for 25万元) */
  number: number | null;
  /** canonical unit string, or null when none was written */
  unit: string | null;
  unitInfo: UnitInfo | null;
  /** for kind "date": the deadline as far as written */
  date?: { year?: number; month?: number; day?: number; bound: "before" | "by" | "on" | null };
  /** the problem found when kind is malformed or placeholder, for messages (Chinese) */
  problem?: string;
  /** the same problem in English, for English messages */
  problemEn?: string;
  /** spelling that should be normalised (百分比 -> %, full-width operator), for info findings and fixes */
  normalised?: string;
}
