/** Text normalisation shared by the recognizer, the value parser and the rules. */
import { memoize } from "./memo";

/**
 * The pure string functions below, remembered (core/memo.ts): the same labels and values recur in
 * every table of a workbook; a text its characters show to come out unchanged is not looked up, and
 * long texts (goal descriptions) are computed directly and never kept.
 */
function memoized(fn: (s: string) => string, unchanged: (s: string) => boolean, capacity = 20_000, maxKeyLength = 256): (s: string) => string {
  const memo = memoize(fn, { capacity, maxKeyLength });
  // most texts come out as they went in, which a glance at their characters tells (issue 7)
  return (s: string): string => (unchanged(s) ? s : memo(s));
}

/** Whether a string has a full-width ASCII form or an ideographic space. */
function hasFullWidth(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) return true;
  }
  return false;
}

/** Full-width ASCII (！-～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  if (!hasFullWidth(s)) return s;
  // one replacement per full-width character, not a new string per character (a surrogate pair is never one)
  return s.replace(FULL_WIDTH, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Strip simple HTML that PDF/Word exports leave in cells (<b>, <p>, <br>). */
export function stripMarkup(s: string): string {
  if (!s.includes("<")) return s;
  return s.replace(/<\/?(?:b|p|br|strong|i|em|span)\b[^>]*>/gi, " ");
}

/** Remove every kind of whitespace (labels such as "一级 指标" or "预算规模及 资金用途"). */
export function squeeze(s: string): string {
  return /\s/.test(s) ? s.replace(/[\s\u00a0\u3000]+/g, "") : s; // (\s includes U+00A0 and U+3000)
}

function computeLabelKey(s: string): string {
  return squeeze(toHalfWidth(stripMarkup(s)))
    .replace(/^[#*]+/, "")
    .replace(/^\d+(?:[-—]\d+)?[.、．](?=\D)/, "")
    .replace(/[:：]+$/, "");
}

/**
 * Whether labelKey leaves a text as it is, by its characters alone: CJK ideographs, ASCII letters,
 * digits (not first: "1、" numbering), ( ) % / - . 、 — no markup, whitespace, full-width form,
 * leading # or *, numbering or trailing colon for computeLabelKey to remove.
 */
function isOwnLabelKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if (c >= 0x30 && c <= 0x39 && i > 0) continue;
    if (c === 0x28 || c === 0x29 || c === 0x25 || c === 0x2f || c === 0x2d || c === 0x2e || c === 0x3001) continue;
    return false;
  }
  return true;
}

/** A key for comparing labels: markup, whitespace, full-width forms and surrounding punctuation removed. */
export const labelKey: (s: string) => string = memoized(computeLabelKey, isOwnLabelKey);

/**
 * A label printed spaced out, one character at a time ("产 出 指 标", a vertical side label), as it is
 * meant: "产出指标". Only where every character stands alone — a space within a label ("经济效益 指标")
 * is as written.
 */
export function closeLetterSpacing(s: string): string {
  return SPACED_OUT.test(s) ? s.replace(/[\s\u00a0\u3000]+/g, "") : s;
}
const SPACED_OUT = /^[\u4e00-\u9fff](?:[\s\u00a0\u3000]+[\u4e00-\u9fff])+$/;

/** Collapse whitespace to single spaces and trim. */
export function tidy(s: string): string {
  // most cells have neither markup nor whitespace: nothing to do
  if (!/[<\s]/.test(s)) return s;
  return stripMarkup(s).replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/**
 * Whether normaliseForParsing leaves a text as it is, by its characters alone: CJK ideographs, ASCII
 * letters and digits, . % = + - / ( ) ≥ ≤ 、 — no full-width form, no ≧ ≦ >= <= LaTeX or
 * whitespace to fold.
 */
function isNormalForParsing(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c === 0x2e || c === 0x25 || c === 0x3d || c === 0x2b || c === 0x2d || c === 0x2f || c === 0x28 || c === 0x29) continue;
    if (c === 0x2265 || c === 0x2264 || c === 0x3001) continue;
    return false;
  }
  return true;
}

/** Characters that Chinese writers use interchangeably in numbers and operators. */
export const normaliseForParsing: (s: string) => string = memoized(computeNormaliseForParsing, isNormalForParsing);

/**
 * Each replacement runs only where it would change something (long goal texts pass through here
 * and rarely need any): the same result as running them all.
 */
function computeNormaliseForParsing(s: string): string {
  let t = toHalfWidth(s);
  if (t.includes("\u2267")) t = t.replace(/[\u2265\u2267]/g, "≥"); // ≥ ≧
  if (t.includes("\u2266")) t = t.replace(/[\u2264\u2266]/g, "≤"); // ≤ ≦
  if (t.includes(">=")) t = t.replace(/>=/g, "≥");
  if (t.includes("<=")) t = t.replace(/<=/g, "≤");
  if (t.includes("$\\")) {
    t = t.replace(/\$\\geq\s*/g, "≥"); // LaTeX left by PDF extraction
    t = t.replace(/\$\\leq\s*/g, "≤");
  }
  if (t.includes("\\%")) t = t.replace(/\\%\$?/g, "%");
  if (t.includes("，")) t = t.replace(/[，]/g, ",");
  // whitespace: already single spaces inside and none at the ends, or collapse and trim
  if (/[^\S ]| {2}|^ | $/.test(t)) t = t.replace(/[\s\u00a0]+/g, " ").trim();
  return t;
}

/** LaTeX that PDF extraction leaves around values: `$\geq 90\%$`, `\leqslant`, `\text{万元}`, `m^{2}`. */
const LATEX_REPLACEMENTS: [RegExp, string][] = [
  [/\\(?:text|mathrm|textrm|mbox|rm)\s*\{([^{}]*)\}/g, "$1"],
  [/\\(?:geqslant|geq|ge)(?![a-zA-Z])\s*/g, "≥"],
  [/\\(?:leqslant|leq|le)(?![a-zA-Z])\s*/g, "≤"],
  [/\\gt(?![a-zA-Z])\s*/g, ">"],
  [/\\lt(?![a-zA-Z])\s*/g, "<"],
  [/\\(?:neq|ne)(?![a-zA-Z])\s*/g, "≠"],
  [/\\times(?![a-zA-Z])\s*/g, "×"],
  [/\\cdot(?![a-zA-Z])\s*/g, "·"],
  [/\\sim(?![a-zA-Z])\s*/g, "~"],
  [/\\%/g, "%"],
  [/\^\{?2\}?/g, "²"],
  [/\^\{?3\}?/g, "³"],
  [/\\[,;:! ]/g, " "],
];

/** Turn the LaTeX of a PDF extraction back into plain text: "$\geq 90\%$" -> "≥90%". */
export function stripLatex(s: string): string {
  if (!/[\\$^]/.test(s)) return s;
  let out = s;
  for (const [re, to] of LATEX_REPLACEMENTS) out = out.replace(re, to);
  return out.replace(/\$/g, "");
}

/** Compatibility forms that toHalfWidth does not cover: small forms, math variants, minus sign, zero-width spaces. */
function normaliseCompatibilityForms(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\ufe64]/g, "<")
    .replace(/[\ufe65]/g, ">")
    .replace(/[\ufe66]/g, "=")
    .replace(/[\ufe6a\u066a]/g, "%")
    .replace(/[\u2a7e]/g, "≥") // ⩾
    .replace(/[\u2a7d]/g, "≤") // ⩽
    .replace(/[\u2212]/g, "-"); // − minus sign
}

/**
 * A target value (指标值) ready for parsing: markup and LaTeX removed, full-width and compatibility
 * forms folded, >= and <= as ≥ and ≤, whitespace collapsed. Builds on normaliseForParsing.
 */
export const normaliseValueText: (s: string) => string = memoized(
  (s) => normaliseForParsing(stripLatex(normaliseCompatibilityForms(toHalfWidth(stripMarkup(s))))),
  // no markup, LaTeX ($ \ ^), compatibility form or anything normaliseForParsing would change
  isNormalForParsing,
);
