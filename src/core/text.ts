/** Text normalisation shared by the recognizer, the value parser and the rules. */

/** Full-width ASCII (！-～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Strip simple HTML that PDF/Word exports leave in cells (<b>, <p>, <br>). */
export function stripMarkup(s: string): string {
  return s.replace(/<\/?(?:b|p|br|strong|i|em|span)\b[^>]*>/gi, " ");
}

/** Remove every kind of whitespace (labels such as "一级 指标" or "预算规模及 资金用途"). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, "");
}

/** A key for comparing labels: markup, whitespace, full-width forms and surrounding punctuation removed. */
export function labelKey(s: string): string {
  return squeeze(toHalfWidth(stripMarkup(s)))
    .replace(/^[#*]+/, "")
    .replace(/^\d+(?:[-—]\d+)?[.、．](?=\D)/, "")
    .replace(/[:：]+$/, "");
}

/** Collapse whitespace to single spaces and trim. */
export function tidy(s: string): string {
  return stripMarkup(s).replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/** Characters that Chinese writers use interchangeably in numbers and operators. */
export function normaliseForParsing(s: string): string {
  return toHalfWidth(s)
    .replace(/[\u2265\u2267]/g, "≥") // ≥ ≧
    .replace(/[\u2264\u2266]/g, "≤") // ≤ ≦
    .replace(/>=/g, "≥")
    .replace(/<=/g, "≤")
    .replace(/\$\\geq\s*/g, "≥") // LaTeX left by PDF extraction
    .replace(/\$\\leq\s*/g, "≤")
    .replace(/\\%\$?/g, "%")
    .replace(/[，]/g, ",")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
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
export function normaliseValueText(s: string): string {
  return normaliseForParsing(stripLatex(normaliseCompatibilityForms(toHalfWidth(stripMarkup(s)))));
}
