/**
 * parseValue with a bounded memo, for the recognizer's hot path: the same target values (≥90%,
 * =100%, 健全, ≤25万元 …) recur in every table of a workbook. parseValue is pure; each call still
 * gets its own copy of the result, so no two indicator rows ever share an object.
 */
import { parseValue, type ParseValueOptions, type ValueInput } from "../value/parse";
import type { ParsedValue } from "../value/types";

const LIMIT = 20_000;
const MAX_LENGTH = 256;
let current = new Map<string, ParsedValue>();
let previous = new Map<string, ParsedValue>();
const wordKeys = new WeakMap<readonly string[], string>();

function wordsKey(words: readonly string[] | undefined): string {
  if (!words || words.length === 0) return "";
  let k = wordKeys.get(words);
  if (k === undefined) {
    k = JSON.stringify(words);
    wordKeys.set(words, k);
  }
  return k;
}

function copy(p: ParsedValue): ParsedValue {
  const c = { ...p };
  if (p.unitInfo) c.unitInfo = { ...p.unitInfo };
  if (p.date) c.date = { ...p.date };
  return c;
}

export function parseValueCached(input: ValueInput, opts: ParseValueOptions = {}): ParsedValue {
  let typed: string;
  if (typeof input === "string" && input.length <= MAX_LENGTH) typed = "s" + input;
  else if (typeof input === "number" && !Object.is(input, -0)) typed = "n" + String(input);
  else return parseValue(input, opts);
  const key = `${opts.percentFormat === true ? "%" : "-"}${wordsKey(opts.placeholderWords)}\u0000${typed}`;
  let v = current.get(key);
  if (v === undefined) {
    v = previous.get(key) ?? parseValue(input, opts);
    if (current.size >= LIMIT) {
      previous = current;
      current = new Map();
    }
    current.set(key, v);
  }
  return copy(v);
}
