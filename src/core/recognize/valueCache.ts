/**
 * parseValue with a bounded memo, for the recognizer's hot path: the same target values (≥90%,
 * =100%, 健全, ≤25万元 …) recur in every table of a workbook. parseValue is pure; a memoised result
 * is frozen (with its unitInfo and date) and shared by every row that has that value, instead of a
 * copy for each (issue 17: two objects a value cell, kept as long as the tables). Nothing changes a
 * parsed value; code that derives one spreads it ({ ...p, raw }), as moneyShorthand does.
 */
import { memoizeByObject } from "../memo";
import { parseValue, type ParseValueOptions, type ValueInput } from "../value/parse";
import type { ParsedValue } from "../value/types";

const LIMIT = 20_000;
const MAX_LENGTH = 256;

/** One memo per set of options, keyed by the input itself (its hash is cached on the string). */
class Memo {
  private current = new Map<string | number, ParsedValue>();
  private previous = new Map<string | number, ParsedValue>();

  get(input: string | number, compute: () => ParsedValue): ParsedValue {
    let v = this.current.get(input);
    if (v === undefined) {
      v = this.previous.get(input) ?? compute();
      if (this.current.size >= LIMIT) {
        this.previous = this.current;
        this.current = new Map();
      }
      this.current.set(input, v);
    }
    return v;
  }
}

/** [plain, percent-formatted] memos per placeholder word list */
const NO_WORDS: [Memo, Memo] = [new Memo(), new Memo()];
const byWords = new Map<string, [Memo, Memo]>();
const wordKey = memoizeByObject((words: readonly string[]) => JSON.stringify(words));

function memosFor(words: readonly string[] | undefined): [Memo, Memo] {
  if (!words || words.length === 0) return NO_WORDS;
  const k = wordKey(words);
  let m = byWords.get(k);
  if (!m) {
    if (byWords.size >= 100) byWords.clear();
    byWords.set(k, (m = [new Memo(), new Memo()]));
  }
  return m;
}

/** A frozen copy, made once a memo entry (parseValue's unitInfo may be the units table's own object). */
function frozen(p: ParsedValue): ParsedValue {
  const c = { ...p };
  if (p.unitInfo) c.unitInfo = Object.freeze({ ...p.unitInfo });
  if (p.date) c.date = Object.freeze({ ...p.date });
  return Object.freeze(c);
}

export function parseValueCached(input: ValueInput, opts: ParseValueOptions = {}): ParsedValue {
  // strings and numbers are different keys of a Map ("5" is not 5); -0 would meet 0 there
  const keyable = (typeof input === "string" && input.length <= MAX_LENGTH) || (typeof input === "number" && !Object.is(input, -0));
  if (!keyable) return parseValue(input, opts);
  const memo = memosFor(opts.placeholderWords)[opts.percentFormat === true ? 1 : 0];
  return memo.get(input as string | number, () => frozen(parseValue(input, opts)));
}
