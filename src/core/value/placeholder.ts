/**
 * Placeholders: what template authors leave for someone to fill in — n, n%, XX, ××, *, 待定,
 * 是/否 … — possibly with an operator and a unit around them (≥n%, XX万元).
 */
import { normaliseValueText } from "../text";
import { matchUnitAtEnd } from "./units";

/** A whole value that stands for "fill this in". Matched case-insensitively on compact text. */
const PLACEHOLDER_TOKEN = /^(?:n|x{1,4}|×{1,4}|\*{1,6}|#{1,4}|\?{1,3}|…+|\.{3,}|某某|某|-{1,6}|—{1,6}|–{1,6}|_{1,6}|\/|\\)$/i;

/** Values that are a yes/no answer or "not applicable" rather than a target. */
const PLACEHOLDER_EXACT = /^(?:是|否|是\/否|否\/是|是或否|是否|有\/无|y\/n|yes\/no|n\/a|na|null|√|✓|✔|☑|□|tbd|tbc)$/i;

/** Words that mark a value as not filled in wherever they appear. */
const PLACEHOLDER_WORDS = /待定|待填写|请填写|待补充|待确定|待核实|待明确|待测算|暂定待|TBD|TBC/i;

function compact(s: string): string {
  return normaliseValueText(s).replace(/\s+/g, "");
}

/** The value with an operator before it and a unit after it removed: "≥n%" -> "n", "XX万元" -> "XX". */
function coreOf(c: string): string[] {
  const withoutOperator = c.replace(/^(?:[≥≤=<>]+|不低于|不少于|不高于|不超过|达到)/, "");
  const cores = [withoutOperator];
  const unit = matchUnitAtEnd(withoutOperator, 8);
  if (unit && unit.length < withoutOperator.length) cores.push(withoutOperator.slice(0, withoutOperator.length - unit.length));
  return cores;
}

function userWordMatches(c: string, words: readonly string[]): string | null {
  const lower = c.toLowerCase();
  for (const w of words) {
    const key = compact(w).toLowerCase();
    if (key === "") continue;
    if (lower === key || (key.length >= 2 && lower.includes(key))) return w;
  }
  return null;
}

/**
 * Why `c` (compact, normalised value text) is a placeholder, or null when it is not one.
 * `extraWords` are the workbook's own placeholder words (settings), matched as a whole value,
 * or anywhere in the value when two characters or longer.
 */
export function placeholderProblem(c: string, extraWords: readonly string[] = []): string | null {
  if (c === "") return null;
  if (PLACEHOLDER_EXACT.test(c)) return `“${c}”是选项或占位符，不是目标值`;
  if (PLACEHOLDER_WORDS.test(c)) return `“${c}”尚未填写`;
  const user = userWordMatches(c, extraWords);
  if (user !== null) return `“${user}”是占位符`;
  if (coreOf(c).some((core) => PLACEHOLDER_TOKEN.test(core))) return `“${c}”是占位符`;
  return null;
}
