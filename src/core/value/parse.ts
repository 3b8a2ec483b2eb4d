/**
 * parseValue: read a target value (指标值) as `op number unit` in whatever order people write it,
 * or as a date, words, a placeholder — or say why it cannot be read. See docs/domain.md "Reading a value".
 *
 * The steps: fold the spelling (full-width, LaTeX, >=), then in order: empty? placeholder? no digits
 * (words)? a date? one number with an operator before or after it and a unit after it? Anything
 * else is malformed with a problem that names what is wrong. Never throws.
 */
import { normaliseValueText } from "../text";
import { readDate, type DateReading } from "./date";
import { readPrefix, readSuffixWords, stripApproximation, SYMBOL_OPERATORS, type OperatorWord, type PrefixReading } from "./operators";
import { placeholderProblem } from "./placeholder";
import { rawOperatorText, suggestSpelling } from "./spelling";
import type { Operator, ParsedValue, UnitInfo } from "./types";
import { lookupUnit, matchUnitAtStart, roundFloat } from "./units";

export interface ParseValueOptions {
  /** the cell has a percent number format: the number 0.25 means 25% */
  percentFormat?: boolean;
  /** the workbook's own placeholder words, on top of the built-in n, XX, 待定 … */
  placeholderWords?: string[];
}

export type ValueInput = string | number | boolean | null | undefined;

function percentInfo(): UnitInfo {
  return { unit: "%", dimension: "percent", factor: 1, base: "%" };
}

function rawTextOf(input: ValueInput): string {
  if (input === null || input === undefined) return "";
  if (typeof input === "string") return input;
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  return String(input);
}

function emptyValue(raw: string): ParsedValue {
  return { raw, kind: "empty", op: null, number: null, unit: null, unitInfo: null };
}

/** What is wrong with a value, in both languages of the messages. */
interface Problem {
  zh: string;
  en: string;
}

function malformedValue(raw: string, problem: Problem, parts: Partial<ParsedValue> = {}): ParsedValue {
  return { ...emptyValue(raw), ...parts, raw, kind: "malformed", problem: problem.zh, problemEn: problem.en };
}

/** Read one target value. `input` is the cell's value: text, a number, a boolean, or nothing. */
export function parseValue(input: ValueInput, opts: ParseValueOptions = {}): ParsedValue {
  const raw = rawTextOf(input);
  try {
    if (input === null || input === undefined) return emptyValue(raw);
    if (typeof input === "boolean") return { ...emptyValue(raw), kind: "placeholder", problem: "逻辑值（是/否）不是目标值", problemEn: "a logical value (TRUE/FALSE) is not a target" };
    if (typeof input === "number") return parseNumberCell(input, raw, opts.percentFormat === true);
    return parseText(raw, opts);
  } catch {
    return malformedValue(raw, { zh: "无法识别", en: "unreadable" });
  }
}

/** A number typed into the cell: no unit, except that a percent-formatted 0.25 is 25%. */
function parseNumberCell(n: number, raw: string, percentFormat: boolean): ParsedValue {
  if (!Number.isFinite(n)) return malformedValue(raw, { zh: "不是有效的数值", en: "not a valid number" });
  if (percentFormat) return { ...emptyValue(raw), kind: "quantitative", number: roundFloat(n * 100), unit: "%", unitInfo: percentInfo() };
  return { ...emptyValue(raw), kind: "quantitative", number: n };
}

/**
 * The value folded for reading, without spaces: "≥ 90 %" -> "≥90%", "1 000 人" -> "1000人".
 * A space between two numbers that is not a thousands separator stays, so "90 95" is two numbers.
 */
function compactValueText(raw: string): string {
  return normaliseValueText(raw)
    .replace(/(\d) (?=\d{3}(?!\d))/g, "$1")
    .replace(/ (?!\d)|(?<!\d) /g, "")
    .replace(/>=|=>/g, "≥")
    .replace(/<=|=</g, "≤");
}

/** What Excel shows for a formula that failed (#REF!, #N/A, #DIV/0! …), as Office.js and the reader hand it over. */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/i;

function parseText(raw: string, opts: ParseValueOptions): ParsedValue {
  const compact = compactValueText(raw);
  if (compact === "") return emptyValue(raw);
  const placeholder = placeholderProblem(compact, opts.placeholderWords ?? []);
  if (placeholder !== null) return { ...emptyValue(raw), kind: "placeholder", problem: placeholder };
  if (EXCEL_ERROR.test(compact)) return malformedValue(raw, { zh: "这是 Excel 的错误值，公式出错或引用失效", en: "an Excel error value: a formula failed or a reference is broken" });
  if (!/\d/.test(compact)) return parseWords(raw, compact);
  const date = readDate(compact);
  if (date) return dateValue(raw, date);
  return parseQuantity(raw, compact);
}

/** Text without digits: 明显提高, 合规 — or a lone operator (≥), or 百分百 meaning 100%. */
function parseWords(raw: string, compact: string): ParsedValue {
  if (compact === "百分百" || compact === "百分之百")
    return { ...emptyValue(raw), kind: "quantitative", number: 100, unit: "%", unitInfo: percentInfo(), normalised: "100%" };
  const symbols = [...compact].filter((c) => SYMBOL_OPERATORS.includes(c)) as Operator[];
  if (symbols.length > 0) {
    const op = symbols.length === 1 ? symbols[0] : null;
    return malformedValue(raw, { zh: "有运算符但没有数值", en: "an operator but no number" }, { op, ...opTextPart(rawOperatorText(raw)) });
  }
  const unitOnly = lookupUnit(compact);
  if (unitOnly) return malformedValue(raw, { zh: "只有单位，没有数值", en: "a unit but no number" }, { unit: unitOnly.unit, unitInfo: unitOnly });
  return { ...emptyValue(raw), kind: "qualitative" };
}

function opTextPart(opText: string | undefined): { opText?: string } {
  return opText === undefined ? {} : { opText };
}

function dateValue(raw: string, reading: DateReading): ParsedValue {
  const parts: Partial<ParsedValue> = { op: reading.op, date: reading.date, ...opTextPart(reading.opText ?? rawOperatorText(raw)) };
  if (reading.problem) return malformedValue(raw, reading.problem, parts);
  const normalised = suggestSpelling(raw);
  return { ...emptyValue(raw), ...parts, kind: "date", ...(normalised ? { normalised } : {}) };
}

interface NumberToken {
  start: number;
  end: number;
  value: number;
}

/** Enough numbers to tell one value from a range or a list; a 32k-character cell of digits stops here. */
const MAX_NUMBERS = 3;

/** Characters after which a "-" is a minus sign rather than a dash between two numbers. */
const SIGN_CONTEXT = /[≥≤=<>:(,]/;

/** Every number in the text: 1,000 and 1.5 are one number each; -5 is negative after an operator. */
function findNumbers(c: string): NumberToken[] {
  const out: NumberToken[] = [];
  const re = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?/g;
  for (let m = re.exec(c); m !== null && out.length < MAX_NUMBERS; m = re.exec(c)) {
    let start = m.index;
    let sign = 1;
    if (start > 0 && c[start - 1] === "-" && (start === 1 || SIGN_CONTEXT.test(c[start - 2]))) {
      start -= 1;
      sign = -1;
    }
    out.push({ start, end: m.index + m[0].length, value: sign * parseFloat(m[0].replace(/,/g, "")) });
  }
  return out;
}

/** 90%-95%, 90~95%, 3至5天: two numbers joined by a dash, tilde or 至/到. */
function isRange(c: string, a: NumberToken, b: NumberToken): boolean {
  let between = c.slice(a.end, b.start);
  const unit = matchUnitAtStart(between);
  if (unit) between = between.slice(unit.length);
  return /^(?:-|~|至|到|—{1,2}|–|〜)$/.test(between);
}

/** Quote at most 20 characters of the cell in a problem message. */
function brief(s: string): string {
  return s.length > 20 ? s.slice(0, 20) + "…" : s;
}

function severalNumbers(raw: string, c: string, numbers: NumberToken[]): ParsedValue {
  if (numbers.length === 2 && isRange(c, numbers[0], numbers[1]))
    return malformedValue(raw, { zh: `写成了范围“${brief(c)}”，应只写一个目标值`, en: `written as the range "${brief(c)}"; write one target` });
  return malformedValue(raw, { zh: "包含多个数值，应只写一个目标值", en: "several numbers; write one target" });
}

/** The unit right after the number, if any: a registered unit, 百分百 (a typo), or an unknown measure word. */
interface UnitReading {
  info: UnitInfo | null;
  unit: string | null;
  typo?: string;
  rest: string;
}

/** Single characters after a number that are grammar, not a measure word. */
const NOT_A_MEASURE_WORD = /[前后内外上下左右以及至到或和与等余多约为是的了着过按由从在对向给被把将并且而]/;

/** "余项" -> "项" when a unit follows 余/多; otherwise the text as it is. */
function withoutApproximation(afterNumber: string): string {
  const stripped = stripApproximation(afterNumber);
  return stripped !== afterNumber && matchUnitAtStart(stripped) ? stripped : afterNumber;
}

function readUnit(afterNumber: string, prefix: PrefixReading): UnitReading {
  const s = withoutApproximation(afterNumber);
  for (const typo of ["百分百", "百分号"])
    if (s.startsWith(typo)) return { info: percentInfo(), unit: "%", typo, rest: s.slice(typo.length) };
  const m = matchUnitAtStart(s);
  if (m) return { info: m.info, unit: m.info.unit, rest: s.slice(m.length) };
  if (prefix.percentWords) return { info: percentInfo(), unit: "%", rest: s };
  const first = s.charAt(0);
  if (/[\u4e00-\u9fff]/.test(first) && !NOT_A_MEASURE_WORD.test(first) && readSuffixWords(s.slice(1)).leftover === "")
    return { info: null, unit: first, rest: s.slice(1) };
  return { info: null, unit: null, rest: s };
}

interface OperatorReading {
  op: Operator | null;
  opText?: string;
  problem?: Problem;
}

/**
 * One operator from a symbol (≥), a word before the number (不低于) and a word after it (以上).
 * 达到 gives way to any other operator (达到60%以上 is ≥60%); anything else that disagrees is a problem.
 */
function resolveOperator(raw: string, prefix: PrefixReading, after: OperatorWord | null): OperatorReading {
  if (prefix.symbols.length > 1) return { op: null, problem: { zh: `有两个运算符“${prefix.symbols.slice(0, 4).join("")}”`, en: `two operators "${prefix.symbols.slice(0, 4).join("")}"` } };
  const symbol = prefix.symbols[0] ?? null;
  const words = [prefix.word, after].filter((w): w is OperatorWord => w !== null);
  const strong: Operator[] = [...(symbol ? [symbol] : []), ...words.filter((w) => w.op !== "=").map((w) => w.op)];
  const distinct = [...new Set(strong.length > 0 ? strong : words.map((w) => w.op))];
  if (distinct.length > 1) {
    const said = [symbol, ...words.map((w) => w.text)].filter(Boolean);
    return { op: null, problem: { zh: `运算符互相矛盾（${said.join("、")}）`, en: `operators that contradict each other (${said.join(", ")})` } };
  }
  const op = distinct[0] ?? null;
  if (op === null) return { op: null };
  if (symbol) return { op, ...opTextPart(rawOperatorText(raw)) };
  const word = words.find((w) => w.op === op) ?? words[0];
  return { op, opText: word.text };
}

/** One number with what surrounds it: ≥90%, 不低于90%, 90%以上, 430 元/人, 下降2%, 200万. */
function parseQuantity(raw: string, c: string): ParsedValue {
  const numbers = findNumbers(c);
  if (numbers.length === 0) return parseWords(raw, c);
  if (numbers.length > 1) return severalNumbers(raw, c, numbers);
  const n = numbers[0];
  const prefix = readPrefix(c.slice(0, n.start));
  const unit = readUnit(c.slice(n.end), prefix);
  const suffix = readSuffixWords(unit.rest);
  const operator = resolveOperator(raw, prefix, suffix.word);

  const value: ParsedValue = {
    ...emptyValue(raw),
    kind: "quantitative",
    op: operator.op,
    number: n.value,
    unit: unit.unit,
    unitInfo: unit.info,
    ...(operator.opText !== undefined ? { opText: operator.opText } : {}),
    ...(prefix.change ? { change: prefix.change } : {}),
  };
  const problem = quantityProblem(n, operator, suffix.leftover, unit.typo);
  const normalised = suggestSpelling(raw);
  if (normalised && (problem === undefined || unit.typo)) value.normalised = normalised;
  if (problem !== undefined) return { ...value, kind: "malformed", problem: problem.zh, problemEn: problem.en };
  return value;
}

function quantityProblem(n: NumberToken, operator: OperatorReading, leftover: string, typo: string | undefined): Problem | undefined {
  if (!Number.isFinite(n.value)) return { zh: "数值过大，无法识别", en: "a number too large to read" };
  if (operator.problem) return operator.problem;
  // a sentence with a number in it (开展…等工作，先后举办活动5场；成立…): a description, not a target
  if (leftover.length > 12 && /[，,。；;]/.test(leftover)) return { zh: "写成了一段文字，其中的数值不是目标值", en: "a sentence, not a target: the number in it is no target value" };
  if (leftover !== "") return { zh: `数值后面有多余文字“${brief(leftover)}”`, en: `extra text "${brief(leftover)}" after the number` };
  if (typo) return { zh: `单位“${typo}”写错了，应为“%”`, en: `the unit "${typo}" is a typo for "%"` };
  return undefined;
}
