/**
 * Dates and deadlines in a target value: 2020.12.31日前, 2020-12-31, 2020年12月, 2020年底前,
 * 12月31日前, 6月底前, 12月. The bound says how the date limits the work: 前/之前/以前 = before,
 * 底/末/内/截止 = by, = / 当天 = on.
 */
import type { Operator, ParsedValue } from "./types";
import { SYMBOL_OPERATORS } from "./operators";

export type DateParts = NonNullable<ParsedValue["date"]>;
type Bound = DateParts["bound"];

export interface DateReading {
  date: DateParts;
  op: Operator | null;
  /** the word that limits the date when one was written before it: 不晚于, 截止 */
  opText?: string;
  /** set when the text is a date but cannot be used as one (month 13, words after the date) */
  problem?: { zh: string; en: string };
}

interface DateMatch {
  year?: number;
  month?: number;
  day?: number;
  /** the characters the date itself used */
  length: number;
  /** an unambiguous date shape (2020.12.31, 12月31日): extra text after it is a mistake, not a number */
  certain: boolean;
  /** a bare month ("12月") is a date only without an operator; "=12月" is a duration */
  monthOnly: boolean;
  /** "2020.12" reads as a decimal unless a bound word follows */
  decimalLike: boolean;
}

const TIME_OF_DAY = "(?:[T ]?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?";
/** (the two separators agree: 2020.12.31, 2020-12-31, 2020年12月31日 — 2023.07-20 is no date, it is 2023.07 and a period's other end) */
const FULL_DATE = new RegExp(`^(\\d{4})([.\\-/年])(\\d{1,2})([.\\-/月])(\\d{1,2})[日号]?${TIME_OF_DAY}`);
const sameSeparators = (a: string, b: string): boolean => a === b || (a === "年" && b === "月");
const YEAR_MONTH = /^(\d{4})(年|[.\-/])(\d{1,2})(月份?)?(?!\d)/;
const YEAR_ONLY = /^(\d{4})年度?(?!\d)/;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]/;
const MONTH_ONLY = /^(\d{1,2})月份?(?![\d])/;

/** What may follow a date: bound words, then a verb (6月底前完成). */
const DATE_TAIL = /^(?:[之以]?前|底|末|以内|之内|内|[上中下]旬|当[天日]|为?止|[年月][底末])*(?:完成|完工|办结|结束|到位|完毕|实施|发放|支付|开展|交付|验收|缴纳)?$/;

/** Words before a date that set its bound. */
const LEAD_BY = /截止|截至|不晚于|不迟于|最迟|最晚/;
const LEAD_BEFORE = /早于|提前于/;

function matchDateShape(body: string): DateMatch | null {
  let m = FULL_DATE.exec(body);
  if (m && sameSeparators(m[2], m[4])) return { year: +m[1], month: +m[3], day: +m[5], length: m[0].length, certain: true, monthOnly: false, decimalLike: false };
  m = YEAR_MONTH.exec(body);
  if (m) return { year: +m[1], month: +m[3], length: m[0].length, certain: m[2] !== "." || !!m[4], monthOnly: false, decimalLike: m[2] === "." && !m[4] };
  m = YEAR_ONLY.exec(body);
  if (m && +m[1] >= 1900 && +m[1] <= 2100) return { year: +m[1], length: m[0].length, certain: false, monthOnly: false, decimalLike: false };
  m = MONTH_DAY.exec(body);
  if (m) return { month: +m[1], day: +m[2], length: m[0].length, certain: true, monthOnly: false, decimalLike: false };
  m = MONTH_ONLY.exec(body);
  if (m) return { month: +m[1], length: m[0].length, certain: false, monthOnly: true, decimalLike: false };
  return null;
}

function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDate(d: DateMatch): boolean {
  if (d.year !== undefined && (d.year < 1900 || d.year > 2100)) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined && (d.month === undefined || d.day < 1 || d.day > daysInMonth(d.month, d.year))) return false;
  return true;
}

/** Between the two ends of a period: 2020年1月--2020年11月, 2020.1-2020.11, 3月至6月. */
const PERIOD_SEPARATOR = /^(?:-{1,2}|—{1,2}|－{1,2}|~|～|至|到)/;

/**
 * The end of a period after its first date, when the rest of the text is one (the year carried over).
 * With `decimal`, a period written yyyy.mm-yyyy.mm (2023.07-2024.01), each side alone a number:
 * together two months of plausible years, the second not before the first.
 */
function periodEnd(tail: string, first: DateMatch, decimal = false): DateMatch | null {
  const sep = PERIOD_SEPARATOR.exec(tail);
  if (!sep) return null;
  const rest = tail.slice(sep[0].length);
  const end = matchDateShape(rest);
  if (!end || end.decimalLike !== decimal || !DATE_TAIL.test(rest.slice(end.length))) return null;
  if (decimal) {
    const plausible = (y: number | undefined): y is number => y !== undefined && y >= 1990 && y <= 2100;
    if (!plausible(first.year) || !plausible(end.year) || end.year < first.year || !isValidDate(first)) return null;
  }
  const full = { ...end, year: end.year ?? first.year };
  return isValidDate(full) ? full : null;
}

/** 不晚于 2020年12月31日 is ≤ a date, 早于 is <. */
function leadOperator(lead: string): Operator | null {
  if (/不晚于|不迟于|最迟|最晚/.test(lead)) return "≤";
  if (LEAD_BEFORE.test(lead)) return "<";
  return null;
}

function boundOf(lead: string, tail: string, op: Operator | null): Bound {
  if (/底|末|内|止/.test(tail) || LEAD_BY.test(lead)) return "by";
  if (/前/.test(tail) || LEAD_BEFORE.test(lead)) return "before";
  if (/当[天日]/.test(tail)) return "on";
  if (op === "≤") return "by";
  if (op === "<") return "before";
  if (op === "=") return "on";
  return null;
}

function dateParts(d: DateMatch, bound: Bound): DateParts {
  return {
    ...(d.year !== undefined ? { year: d.year } : {}),
    ...(d.month !== undefined ? { month: d.month } : {}),
    ...(d.day !== undefined ? { day: d.day } : {}),
    bound,
  };
}

/**
 * Read `c` (compact, normalised value text) as a date, or return null when it is not one.
 * Words before the date are the indicator's label and are ignored, except operators and 截止/不晚于.
 */
export function readDate(c: string): DateReading | null {
  const firstDigit = c.search(/\d/);
  if (firstDigit < 0) return null;
  const lead = c.slice(0, firstDigit);
  const shape = matchDateShape(c.slice(firstDigit));
  if (!shape) return null;
  const tail = c.slice(firstDigit + shape.length);
  const symbols = [...lead].filter((ch) => SYMBOL_OPERATORS.includes(ch)) as Operator[];
  const op = symbols.length > 0 ? symbols[symbols.length - 1] : leadOperator(lead);
  const tailOk = DATE_TAIL.test(tail);
  const hasBoundWord = tail !== "" && tailOk;

  // 2020.12 is a number — but 2023.07-2024.01, two years' months end to end, is a period
  if (shape.decimalLike && !hasBoundWord) {
    const end = symbols.length === 0 ? periodEnd(tail, shape, true) : null;
    return end ? { date: dateParts(end, "by"), op: null } : null;
  }
  if (shape.monthOnly && symbols.length > 0 && !hasBoundWord) return null; // =12月 is a duration
  if (!tailOk && !shape.certain) return null;

  // a period written as its two ends (2020年1月--2020年11月, 3月至6月): the work ends by the second
  const range = !tailOk && symbols.length === 0 ? periodEnd(tail, shape) : null;
  if (range) return { date: dateParts(range, "by"), op: null };

  const leadWord = (LEAD_BY.exec(lead) ?? LEAD_BEFORE.exec(lead))?.[0];
  const reading: DateReading = { date: dateParts(shape, boundOf(lead, tailOk ? tail : "", op)), op };
  if (leadWord) reading.opText = leadWord;
  if (symbols.length > 1) reading.problem = { zh: "日期前有两个运算符", en: "two operators before the date" };
  else if (!isValidDate(shape)) reading.problem = { zh: "日期无效", en: "not a valid date" };
  else if (!tailOk) reading.problem = { zh: `日期后面有多余文字“${tail}”`, en: `extra text "${tail}" after the date` };
  return reading;
}
