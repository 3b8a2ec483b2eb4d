/**
 * Spelling of a value as written versus as it should be written: full-width digits and operators,
 * >= for ≥, 百分比 for %, LaTeX from PDF extraction. Works on the raw text so that everything the
 * user wrote (labels, spaces, Chinese punctuation) stays as it was.
 */
import { stripLatex, toHalfWidth } from "../text";

/** Full-width characters that belong in a number or an operator. Chinese punctuation (（）：，) is fine. */
const FULL_WIDTH_VALUE_CHARS = /[０-９％＞＜＝．－＋]/g;

/** How the operator was written when that was not the canonical symbol: ＞＝, >=, \geq, ≧ … */
const NON_CANONICAL_OPERATOR =
  /\\(?:geqslant|leqslant|geq|leq|ge|le|gt|lt)(?![a-zA-Z])|[>＞﹥]\s*[=＝﹦]|[<＜﹤]\s*[=＝﹦]|[=＝]\s*[>＞<＜]|[≧≦⩾⩽＞＜＝﹥﹤﹦]/;

export function rawOperatorText(raw: string): string | undefined {
  return NON_CANONICAL_OPERATOR.exec(raw)?.[0];
}

function foldLatex(s: string): string {
  if (!/[\\$]/.test(s)) return s;
  return stripLatex(s)
    .replace(/([≥≤<>=])\s+(?=[\d-])/g, "$1")
    .replace(/(\d)\s+%/g, "$1%")
    .trim();
}

function foldOperators(s: string): string {
  return s
    .replace(/[≧⩾]/g, "≥")
    .replace(/[≦⩽]/g, "≤")
    .replace(/﹥/g, ">")
    .replace(/﹤/g, "<")
    .replace(/﹦/g, "=")
    .replace(/>\s*=/g, "≥")
    .replace(/<\s*=/g, "≤")
    .replace(/=\s*>/g, "≥")
    .replace(/=\s*</g, "≤");
}

function foldPercentWords(s: string): string {
  return s
    .replace(/百分之\s*(\d+(?:\.\d+)?)/g, "$1%")
    .replace(/(\d)\s*百分[比百号]/g, "$1%")
    .replace(/[﹪٪]/g, "%");
}

/**
 * An operator said twice, once as a sign and once as a word that means the same: ≥80%以上,
 * ≤20万元以内. Only agreeing pairs are folded (≥…以上, ≤…以下/以内); a sign and a word that
 * disagree are a malformed value, not a spelling.
 */
function foldRedundantWords(s: string): string {
  return s.replace(/^(\s*≥[^≥≤<>=]*\d[^≥≤<>=]*?)\s*(?:及以上|以上)\s*$/, "$1").replace(/^(\s*≤[^≥≤<>=]*\d[^≥≤<>=]*?)\s*(?:及以下|以下|以内)\s*$/, "$1");
}

/** The value as it should be written, or undefined when it is already written that way. */
export function suggestSpelling(raw: string): string | undefined {
  const s = foldRedundantWords(foldPercentWords(foldOperators(foldLatex(raw).replace(FULL_WIDTH_VALUE_CHARS, (c) => toHalfWidth(c)))));
  return s !== raw ? s : undefined;
}
