/**
 * How people write the operator of a target value: symbols (≥ ≤ = > <), words before the number
 * (不低于, 控制在, 达到), words after it (以上, 以内), and change words (下降, 提高) that make the
 * value a change rather than a level. All matching is on compact text (no spaces, half-width).
 */
import type { Operator } from "./types";

export const SYMBOL_OPERATORS = "≥≤=<>";

/** Words written before the number, longest first within each operator. */
const WORDS_BEFORE: [string, Operator][] = [
  // ≥
  ["大于或等于", "≥"], ["高于或等于", "≥"], ["多于或等于", "≥"], ["大于等于", "≥"], ["高于等于", "≥"],
  ["不得低于", "≥"], ["不得少于", "≥"], ["不应低于", "≥"], ["不应少于", "≥"], ["不低于", "≥"], ["不少于", "≥"],
  ["不小于", "≥"], ["至少", "≥"], ["最少", "≥"], ["最低", "≥"],
  ["提高至", "≥"], ["提高到", "≥"], ["提升至", "≥"], ["提升到", "≥"], ["增长至", "≥"], ["增长到", "≥"],
  ["增加至", "≥"], ["增加到", "≥"], ["增至", "≥"], ["升至", "≥"],
  // ≤
  ["小于或等于", "≤"], ["低于或等于", "≤"], ["少于或等于", "≤"], ["小于等于", "≤"], ["低于等于", "≤"],
  ["不得超过", "≤"], ["不得高于", "≤"], ["不应超过", "≤"], ["不应高于", "≤"], ["不高于", "≤"], ["不超过", "≤"],
  ["不大于", "≤"], ["不多于", "≤"], ["至多", "≤"], ["最多", "≤"], ["最高", "≤"], ["控制在", "≤"], ["控制到", "≤"],
  ["下降至", "≤"], ["下降到", "≤"], ["降低至", "≤"], ["降低到", "≤"], ["减少至", "≤"], ["减少到", "≤"],
  ["降至", "≤"], ["降到", "≤"], ["减至", "≤"], ["压缩至", "≤"], ["压缩到", "≤"], ["不晚于", "≤"], ["不迟于", "≤"],
  // > and <
  ["高于", ">"], ["超过", ">"], ["大于", ">"], ["多于", ">"], ["超出", ">"],
  ["低于", "<"], ["小于", "<"], ["少于", "<"], ["不足", "<"], ["早于", "<"],
  // =
  ["达到", "="], ["等于", "="], ["达", "="],
];

/** Words written after the number and unit; "以下" includes the number, as in Chinese legal usage. */
const WORDS_AFTER: [string, Operator][] = [
  ["及以上", "≥"], ["或以上", "≥"], ["以上", "≥"], ["之上", "≥"],
  ["及以下", "≤"], ["或以下", "≤"], ["以下", "≤"], ["以内", "≤"], ["之内", "≤"], ["内", "≤"],
];

const CHANGE_WORDS: [string, "increase" | "decrease"][] = [
  ["下降", "decrease"], ["降低", "decrease"], ["减少", "decrease"], ["减低", "decrease"], ["缩短", "decrease"],
  ["压缩", "decrease"], ["压减", "decrease"], ["缩减", "decrease"], ["节约", "decrease"], ["节省", "decrease"],
  ["提高", "increase"], ["增长", "increase"], ["增加", "increase"], ["提升", "increase"], ["上升", "increase"],
  ["扩大", "increase"], ["增多", "increase"],
];

/** Words that sit between the label and the number without meaning anything: 约, 为, 共计 … */
const FILLERS_BEFORE = ["大约", "共计", "合计", "累计", "总计", "约为", "约", "为", "共", "计", "是", ":", "(", "【", "["];
/** Words after the unit that change nothing: 左右, (含), 。, and the achievement the number already says (100%完成, 100%覆盖), as 完成100% */
const FILLERS_AFTER = ["左右", "上下", "(含本数)", "(含)", "。", ".", ";", ",", "、", ")", "】", "]", "完成", "达成", "到位", "覆盖", "达标"];

export interface OperatorWord {
  op: Operator;
  text: string;
}

function stripTrailing(s: string, words: string[]): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words)
      if (out.endsWith(w)) {
        out = out.slice(0, out.length - w.length);
        changed = true;
      }
  }
  return out;
}

function trailingWord<T>(s: string, table: [string, T][]): [string, T] | null {
  let best: [string, T] | null = null;
  for (const entry of table) if (s.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best;
}

function leadingWord<T>(s: string, table: [string, T][]): [string, T] | null {
  let best: [string, T] | null = null;
  for (const entry of table) if (s.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best;
}

/** What the text before the number says: its operator symbols and word, a change word, 百分之. */
export interface PrefixReading {
  /** every operator symbol anywhere before the number, in order */
  symbols: Operator[];
  word: OperatorWord | null;
  change?: "increase" | "decrease";
  /** 百分之90: the percent sign written as words before the number */
  percentWords: boolean;
}

/**
 * Read the text before the number from its end: fillers, symbols, an operator word and a change
 * word may come in any order just before the number ("提高不低于5%", "较上年下降2%", "满意度：≥90%").
 * Anything further left is the indicator's label and is ignored.
 */
export function readPrefix(prefix: string): PrefixReading {
  const symbols = [...prefix].filter((c) => SYMBOL_OPERATORS.includes(c)) as Operator[];
  let rest = prefix;
  let word: OperatorWord | null = null;
  let change: "increase" | "decrease" | undefined;
  let percentWords = false;
  for (let guard = 0; guard < 8; guard++) {
    const before = rest;
    rest = stripTrailing(rest, FILLERS_BEFORE);
    rest = rest.replace(/[≥≤=<>]+$/, "");
    if (rest.endsWith("百分之")) {
      percentWords = true;
      rest = rest.slice(0, -3);
    }
    const w: [string, Operator] | null = word ? null : trailingWord(rest, WORDS_BEFORE);
    if (w) {
      word = { text: w[0], op: w[1] };
      rest = rest.slice(0, -w[0].length);
    }
    const c = change ? null : trailingWord(rest, CHANGE_WORDS);
    if (c) {
      change = c[1];
      rest = rest.slice(0, -c[0].length);
    }
    if (rest === before) break;
  }
  return { symbols, word, change, percentWords };
}

/** What follows the unit: an operator word (以上, 以内), fillers, and whatever is left over. */
export interface SuffixReading {
  word: OperatorWord | null;
  /** text that is neither an operator word nor a filler: "按规定执行" in "≥100按规定执行" */
  leftover: string;
}

export function readSuffixWords(s: string): SuffixReading {
  let rest = s;
  let word: OperatorWord | null = null;
  for (let guard = 0; guard < 8 && rest !== ""; guard++) {
    const before = rest;
    for (const f of FILLERS_AFTER) if (rest.startsWith(f)) rest = rest.slice(f.length);
    const w: [string, Operator] | null = word ? null : leadingWord(rest, WORDS_AFTER);
    if (w) {
      word = { text: w[0], op: w[1] };
      rest = rest.slice(w[0].length);
    }
    if (rest === before) break;
  }
  return { word, leftover: rest };
}

/** 余 / 多 between a number and its unit ("200余项", "100多人") make it approximate, nothing more. */
export function stripApproximation(s: string): string {
  return /^[余多]/.test(s) ? s.slice(1) : s;
}
