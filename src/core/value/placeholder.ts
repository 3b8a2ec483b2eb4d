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

/** A bracketed prompt of a template with its blank still in it: (≥**%), （XX万元）. */
const TEMPLATE_PROMPT = /[(（][^()（）]*(\*\*|XX|××|xx)[^()（）]*[)）]/;

/** Marks of a name nobody filled in, wherever they stand in it: XX项目, 某某单位, ××村, 待定. */
const NAME_MARKS = /xx|××|某某|待定|待填|请填写|待补充|tbd/i;

/**
 * Whether a name (a project, an indicator, a template's name or text) was left as the template's
 * placeholder ("XX项目", "待定", "n") or keeps a template's prompt ("苗木成活率(≥**%)"): the one check
 * the rules and the template linter share.
 */
export function placeholderInName(text: string, extraWords: readonly string[] = []): { kind: "placeholder" } | { kind: "prompt"; prompt: string } | null {
  const t = text.trim();
  if (!t) return null;
  const prompt = TEMPLATE_PROMPT.exec(t)?.[0];
  if (prompt) return { kind: "prompt", prompt };
  const c = compact(t);
  if (PLACEHOLDER_TOKEN.test(c) || /^n%$/i.test(c) || NAME_MARKS.test(c) || extraWords.includes(t)) return { kind: "placeholder" };
  return null;
}
