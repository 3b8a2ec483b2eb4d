/**
 * Excel number format codes: what a cell shows for a number (or a text) under its format.
 *
 * The subset real submissions use, following Microsoft's description of format codes:
 *   https://support.microsoft.com/en-us/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68
 *   https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 *
 * - up to four sections separated by `;`: positive; negative; zero; text. One section serves every
 *   number (a negative one gets its minus sign); two: positive and zero, then negative (shown without
 *   a sign of its own); a last section with `@` is the text section. Conditions (`[>100]`) choose a
 *   section as Excel does; colours (`[Red]`) and other bracket codes are skipped; `[$¥-804]` shows ¥.
 * - literals: "quoted text", `\x`, the characters Excel shows unquoted ($ - + / ( ) : ! ^ & ' ~ { } < > =
 *   and the space) and any character that is no code (年, 月, 个 …); `_x` is a space, `*x` a fill.
 * - `0` `#` `?` digit placeholders, `.` the decimal point, `,` between placeholders the thousands
 *   separator and after the last one a division by 1,000, `%` a multiplication by 100; digits beyond
 *   the placeholders on the left are all shown, on the right rounded half away from zero (on the
 *   15 significant digits Excel keeps).
 * - `General`, `@`; dates and times: y, m, d, h, m (minutes after h or before s), s, .0 (fractions of a
 *   second), AM/PM, A/P, 上午/下午, aaa/aaaa (星期), e (year), [h] [m] [s] (elapsed).
 * Fractions (`# ?/?`) and scientific formats (`0.00E+00`) are recognised but not drawn (the plain
 * number stands in for them), nor are [DBNum] Chinese numerals (the digits stand in).
 *
 * Pure functions; a format code is parsed once and cached.
 */
import { memoize, memoizeByObject } from "./memo";

/** A date or time part: which unit, and how many letters (mm, yyyy …). */
type DatePart =
  | { kind: "year"; len: number }
  | { kind: "month"; len: number }
  | { kind: "day"; len: number }
  | { kind: "weekday"; len: number; cjk: boolean }
  | { kind: "hour"; len: number }
  | { kind: "minute"; len: number }
  | { kind: "second"; len: number }
  | { kind: "fraction"; len: number }
  | { kind: "elapsed"; unit: "h" | "m" | "s"; len: number }
  | { kind: "ampm"; am: string; pm: string };

type Token =
  | { t: "lit"; s: string }
  /** `_x`: a space as wide as x; `*x`: x repeated to fill the cell (drawn as nothing here) */
  | { t: "pad" }
  | { t: "digit"; c: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "comma" }
  | { t: "percent" }
  | { t: "exp" }
  | { t: "slash" }
  | { t: "at" }
  | { t: "general" }
  | { t: "date"; part: DatePart };

interface Condition {
  op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  value: number;
}

export interface FormatSection {
  tokens: Token[];
  condition?: Condition;
  /** a date or time section (any date or time part) */
  date: boolean;
  /** the date section shows a calendar date (year, month, day, weekday), not only a time */
  calendar: boolean;
  /** [$-F800] / [$-F400] / [$-x-sysdate]: the system's own long date or time, drawn as a plain date */
  systemDate: boolean;
  /** `@` in the section: a text section */
  text: boolean;
  /** digit placeholders, General or @: the value is drawn somewhere in the section */
  showsValue: boolean;
  /** a fraction or scientific format, not drawn here */
  unsupported: boolean;
  /** percent signs (each multiplies by 100) */
  percents: number;
  /** literal text other than signs, brackets and spaces (a unit, a currency sign, a word) */
  hasWords: boolean;
}

export interface NumberFormat {
  code: string;
  /** the sections for numbers, at most three (the text section is apart) */
  numeric: FormatSection[];
  textSection: FormatSection | null;
}

/** Literals that say nothing about the number: signs, brackets and spaces (0;-0, #,##0_);(#,##0)). */
const NEUTRAL_LITERAL = /^[\s\-+()]*$/;
const COLOURS = /^(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)$/i;
const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i;

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (c === "\\" || c === "_" || c === "*") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (c === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function runLength(s: string, i: number, letters: string): number {
  let n = 0;
  while (i + n < s.length && letters.includes(s[i + n])) n++;
  return n;
}

function startsWithCI(s: string, i: number, word: string): boolean {
  return s.slice(i, i + word.length).toLowerCase() === word.toLowerCase();
}

function parseSection(src: string): FormatSection {
  const tokens: Token[] = [];
  let condition: Condition | undefined;
  let systemDate = false;
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === "lit") last.s += s;
    else tokens.push({ t: "lit", s });
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const lower = c.toLowerCase();
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      lit(src.slice(i + 1, stop));
      i = stop;
    } else if (c === "\\") {
      if (i + 1 < src.length) lit(src[i + 1]);
      i++;
    } else if (c === "_" || c === "*") {
      tokens.push({ t: "pad" });
      i++;
    } else if (c === "[") {
      const end = src.indexOf("]", i + 1);
      const stop = end < 0 ? src.length : end;
      const body = src.slice(i + 1, stop).trim();
      i = stop;
      const cond = CONDITION.exec(body);
      const elapsed = /^(h+|m+|s+)$/i.exec(body);
      if (cond) condition = { op: cond[1] as Condition["op"], value: Number(cond[2]) };
      else if (elapsed) tokens.push({ t: "date", part: { kind: "elapsed", unit: body[0].toLowerCase() as "h" | "m" | "s", len: body.length } });
      else if (body.startsWith("$")) {
        const dash = body.indexOf("-", 1);
        const symbol = dash < 0 ? body.slice(1) : body.slice(1, dash);
        const locale = dash < 0 ? "" : body.slice(dash + 1).toLowerCase();
        if (symbol) lit(symbol);
        if (/^(f800|f400|x-sysdate|x-systime)$/.test(locale)) systemDate = true;
      } else if (COLOURS.test(body)) {
        // a colour: nothing to draw
      }
      // [DBNum1], [natnum], [t] …: skipped
    } else if (c === "0" || c === "#" || c === "?") {
      tokens.push({ t: "digit", c });
    } else if (c === ".") {
      tokens.push({ t: "point" });
    } else if (c === ",") {
      tokens.push({ t: "comma" });
    } else if (c === "%") {
      tokens.push({ t: "percent" });
    } else if (c === "@") {
      tokens.push({ t: "at" });
    } else if (c === "/") {
      tokens.push({ t: "slash" });
    } else if ((lower === "e") && (src[i + 1] === "+" || src[i + 1] === "-")) {
      tokens.push({ t: "exp" });
      i++;
    } else if (startsWithCI(src, i, "general")) {
      tokens.push({ t: "general" });
      i += 6;
    } else if (startsWithCI(src, i, "am/pm")) {
      tokens.push({ t: "date", part: { kind: "ampm", am: "AM", pm: "PM" } });
      i += 4;
    } else if (startsWithCI(src, i, "a/p")) {
      const upper = src[i] === "A";
      tokens.push({ t: "date", part: { kind: "ampm", am: upper ? "A" : "a", pm: upper ? "P" : "p" } });
      i += 2;
    } else if (src.startsWith("上午/下午", i)) {
      tokens.push({ t: "date", part: { kind: "ampm", am: "上午", pm: "下午" } });
      i += 4;
    } else if (lower === "y" || lower === "m" || lower === "d" || lower === "h" || lower === "s") {
      const n = runLength(src.toLowerCase(), i, lower);
      const part: DatePart =
        lower === "y"
          ? { kind: "year", len: n }
          : lower === "m"
            ? { kind: "month", len: n }
            : lower === "d"
              ? n >= 3
                ? { kind: "weekday", len: n, cjk: false }
                : { kind: "day", len: n }
              : lower === "h"
                ? { kind: "hour", len: n }
                : { kind: "second", len: n };
      tokens.push({ t: "date", part });
      i += n - 1;
    } else if (lower === "a" && runLength(src.toLowerCase(), i, "a") >= 3) {
      const n = runLength(src.toLowerCase(), i, "a");
      tokens.push({ t: "date", part: { kind: "weekday", len: n, cjk: true } });
      i += n - 1;
    } else if (lower === "e" && !/[a-z]/i.test(src[i + 1] ?? "")) {
      tokens.push({ t: "date", part: { kind: "year", len: 4 } });
    } else if (lower === "g") {
      // era name: nothing for the Gregorian calendar
      i += runLength(src.toLowerCase(), i, "g") - 1;
    } else {
      lit(c);
    }
  }
  return finishSection(tokens, condition, systemDate);
}

function finishSection(tokens: Token[], condition: Condition | undefined, systemDate: boolean): FormatSection {
  const dateTokens = tokens.filter((t): t is Extract<Token, { t: "date" }> => t.t === "date");
  const date = dateTokens.length > 0;
  if (date) {
    // m is the minute right after an hour or right before a second, otherwise the month
    for (let k = 0; k < dateTokens.length; k++) {
      const p = dateTokens[k].part;
      if (p.kind !== "month" || p.len > 2) continue;
      const prev = dateTokens[k - 1]?.part;
      const next = dateTokens[k + 1]?.part;
      const afterHour = prev && (prev.kind === "hour" || (prev.kind === "elapsed" && prev.unit === "h"));
      const beforeSecond = next && (next.kind === "second" || (next.kind === "elapsed" && next.unit === "s"));
      if (afterHour || beforeSecond) dateTokens[k].part = { kind: "minute", len: p.len };
    }
    // ss.00: the point and zeros after seconds are fractions of a second
    for (let k = 0; k < tokens.length; k++) {
      const tk = tokens[k];
      if (tk.t !== "point") continue;
      const prev = tokens[k - 1];
      if (!prev || prev.t !== "date" || (prev.part.kind !== "second" && !(prev.part.kind === "elapsed" && prev.part.unit === "s"))) {
        tokens[k] = { t: "lit", s: "." };
        continue;
      }
      let n = 0;
      while (tokens[k + 1 + n]?.t === "digit") n++;
      if (n === 0) {
        tokens[k] = { t: "lit", s: "." };
        continue;
      }
      tokens.splice(k, n + 1, { t: "lit", s: "." }, { t: "date", part: { kind: "fraction", len: n } });
    }
    // in a date, digits, commas and percent signs left over are literal
    for (let k = 0; k < tokens.length; k++) {
      const tk = tokens[k];
      if (tk.t === "digit") tokens[k] = { t: "lit", s: tk.c };
      else if (tk.t === "comma") tokens[k] = { t: "lit", s: "," };
      else if (tk.t === "percent") tokens[k] = { t: "lit", s: "%" };
      else if (tk.t === "slash") tokens[k] = { t: "lit", s: "/" };
      else if (tk.t === "exp") tokens[k] = { t: "lit", s: "E" };
    }
  }
  const calendar = dateTokens.some((t) => ["year", "month", "day", "weekday"].includes(t.part.kind));
  const text = tokens.some((t) => t.t === "at");
  const digits = tokens.some((t) => t.t === "digit");
  const general = tokens.some((t) => t.t === "general");
  const unsupported = !date && digits && tokens.some((t) => t.t === "exp" || t.t === "slash");
  const percents = date ? 0 : tokens.filter((t) => t.t === "percent").length;
  const hasWords = tokens.some((t) => t.t === "lit" && !NEUTRAL_LITERAL.test(t.s)) || (!date && !unsupported && tokens.some((t) => t.t === "slash"));
  return { tokens, condition, date, calendar, systemDate, text, showsValue: date || digits || general || text, unsupported, percents, hasWords };
}

/** A format code, parsed (remembered: a workbook has a few dozen). */
export const parseNumberFormat = memoize((code: string) => parseFormatCode(code), { capacity: 5_000 });

function parseFormatCode(code: string): NumberFormat {
  const sections = splitSections(code).slice(0, 4).map(parseSection);
  let textSection: FormatSection | null = null;
  let numeric = sections;
  if (sections.length === 4) {
    textSection = sections[3];
    numeric = sections.slice(0, 3);
  } else if (sections.length > 1 && sections[sections.length - 1].text) {
    textSection = sections[sections.length - 1];
    numeric = sections.slice(0, -1);
  } else if (sections.length === 1 && sections[0].text) {
    // "@" or "编号"@: a format for text; numbers show as they are
    textSection = sections[0];
    numeric = [];
  }
  return { code, numeric, textSection };
}

function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case "<":
      return v < c.value;
    case "<=":
      return v <= c.value;
    case ">":
      return v > c.value;
    case ">=":
      return v >= c.value;
    case "=":
      return v === c.value;
    case "<>":
      return v !== c.value;
  }
}

/**
 * The section a number is drawn with, and whether it is drawn without its sign (the negative
 * section draws the number's absolute value; its own literals say it is negative).
 * null when the format has no section for numbers (a text format: the number shows as it is).
 */
export function sectionFor(f: NumberFormat, v: number): { section: FormatSection; unsigned: boolean } | null {
  const s = f.numeric;
  if (s.length === 0) return null;
  if (s[0].condition || s[1]?.condition) {
    if (s[0].condition && holds(s[0].condition, v)) return { section: s[0], unsigned: false };
    if (s[1]?.condition) {
      if (holds(s[1].condition, v)) return { section: s[1], unsigned: false };
      return s[2] ? { section: s[2], unsigned: false } : null;
    }
    if (!s[0].condition) return { section: s[0], unsigned: false };
    // [>100]0;0 — the second section takes what the first does not
    return s[1] ? { section: s[1], unsigned: false } : null;
  }
  if (v < 0 && s.length >= 2) return { section: s[1], unsigned: true };
  if (v === 0 && s.length >= 3) return { section: s[2], unsigned: true };
  return { section: s[0], unsigned: false };
}

// ------------------------------------------------------------------------------------ numbers

/**
 * The decimal digits of |x| as Excel keeps them (15 significant digits): `digits` without leading or
 * trailing zeros and `intLen`, how many of them stand before the point (may be ≤ 0 or beyond
 * the digits). 1003.82 -> { "100382", 4 }; 0.005 -> { "5", -2 }; 0 -> { "", 0 }.
 */
export function decimalDigits(x: number): { digits: string; intLen: number } {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return { digits: "", intLen: 0 };
  const p = a.toPrecision(15);
  let mantissa = p;
  let exp = 0;
  const e = p.indexOf("e");
  if (e >= 0) {
    mantissa = p.slice(0, e);
    exp = Number(p.slice(e + 1));
  }
  const dot = mantissa.indexOf(".");
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot < 0 ? "" : mantissa.slice(dot + 1);
  let digits = intPart + fracPart;
  let intLen = intPart.length + exp;
  const lead = /^0*/.exec(digits)![0].length;
  digits = digits.slice(lead);
  intLen -= lead;
  digits = digits.replace(/0+$/, "");
  if (digits === "") return { digits: "", intLen: 0 };
  return { digits, intLen };
}

function incrementDigits(s: string): string {
  const chars = s.split("");
  let k = chars.length - 1;
  while (k >= 0) {
    if (chars[k] === "9") {
      chars[k] = "0";
      k--;
    } else {
      chars[k] = String.fromCharCode(chars[k].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

/** |x| × 10^shift rounded half away from zero to `decimals` places: integer digits ("" for 0) and fraction digits. */
export function roundedParts(x: number, shift: number, decimals: number): { int: string; frac: string } {
  const { digits, intLen } = decimalDigits(x);
  const len = intLen + shift + decimals; // digits of the rounded value × 10^decimals
  let r: string;
  if (digits === "" || len < 0) r = "";
  else if (len === 0) r = digits[0] >= "5" ? "1" : "";
  else {
    r = digits.slice(0, len).padEnd(len, "0");
    if ((digits[len] ?? "0") >= "5") r = incrementDigits(r);
  }
  r = r.replace(/^0+/, "");
  const whole = r.padStart(decimals + 1, "0");
  const int = whole.slice(0, whole.length - decimals).replace(/^0+/, "");
  return { int, frac: decimals > 0 ? whole.slice(whole.length - decimals) : "" };
}

function groupThousands(s: string): string {
  // only the digits are grouped; a leading run of spaces (from ?) stays in front
  const m = /^(\s*)(\d*)$/.exec(s);
  if (!m) return s;
  const d = m[2];
  let out = "";
  for (let k = 0; k < d.length; k++) {
    if (k > 0 && (d.length - k) % 3 === 0) out += ",";
    out += d[k];
  }
  return m[1] + out;
}

export interface RenderOptions {
  /**
   * Draw the zeros a `0` placeholder adds after the last significant decimal (30.00%, 12.00万元), as
   * Excel does. Off, such zeros and a point left bare are dropped (30%, 12万元). Default on.
   */
  padZeros?: boolean;
}

/** Pieces of a drawn value: padding pieces at either end are dropped. */
type Piece = { s: string; pad?: boolean };

/** The pieces joined, the padding at either end left out (and the spaces there, unless `keepSpaces`: a text section keeps its text's own). */
function joinPieces(pieces: Piece[], keepSpaces = false): string {
  let a = 0;
  let b = pieces.length;
  while (a < b && pieces[a].pad) a++;
  while (b > a && pieces[b - 1].pad) b--;
  const joined = pieces
    .slice(a, b)
    .map((p) => p.s)
    .join("");
  return keepSpaces ? joined : joined.replace(/^ +| +$/g, "");
}

/** A number as General shows it, without float noise (0.30000000000000004 -> 0.3). */
export function generalNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

/** Where a section puts the number, worked out once per section. */
interface NumberLayout {
  /** token index of each integer placeholder, left to right, and its kind */
  intIdx: number[];
  intPh: string[];
  fracIdx: number[];
  fracPh: string[];
  /** a comma between integer placeholders: group thousands */
  thousands: boolean;
  /** the integer placeholders stand together (only commas between): grouping applies */
  contiguousInt: boolean;
  /** powers of ten the value is shifted by: 2 per %, −3 per scaling comma */
  shift: number;
  /** a fraction placeholder other than #: Excel would draw the point even with no decimals shown */
  fixedPoint: boolean;
}

const layoutOf = memoizeByObject(computeLayout);

function computeLayout(section: FormatSection): NumberLayout {
  const tokens = section.tokens;
  const pointAt = tokens.findIndex((t) => t.t === "point");
  const digitIdx: number[] = [];
  tokens.forEach((t, k) => {
    if (t.t === "digit") digitIdx.push(k);
  });
  const intIdx = digitIdx.filter((k) => pointAt < 0 || k < pointAt);
  const fracIdx = pointAt < 0 ? [] : digitIdx.filter((k) => k > pointAt);
  const ph = (k: number) => (tokens[k] as { c: string }).c;
  const lastDigit = digitIdx.length ? digitIdx[digitIdx.length - 1] : -1;
  const lastInt = intIdx.length ? intIdx[intIdx.length - 1] : -1;
  // commas: between integer placeholders they group thousands; after the last placeholder they divide by 1,000
  let thousands = false;
  let scale = 0;
  tokens.forEach((t, k) => {
    if (t.t !== "comma") return;
    if (intIdx.length && k > intIdx[0] && k < lastInt) thousands = true;
    else if (digitIdx.length && k > lastInt && (k > lastDigit || (pointAt >= 0 && k < pointAt))) scale++;
  });
  const contiguousInt = intIdx.length > 0 && intIdx.every((k, j) => j === 0 || tokens.slice(intIdx[j - 1] + 1, k).every((t) => t.t === "comma"));
  return {
    intIdx,
    intPh: intIdx.map(ph),
    fracIdx,
    fracPh: fracIdx.map(ph),
    thousands,
    contiguousInt,
    shift: 2 * section.percents - 3 * scale,
    fixedPoint: fracIdx.some((k) => ph(k) !== "#"),
  };
}

function renderNumberSection(section: FormatSection, v: number, unsigned: boolean, opts: RenderOptions): string {
  const tokens = section.tokens;
  const l = layoutOf(section);
  const decimals = l.fracIdx.length;
  const { int, frac } = roundedParts(v, l.shift, decimals);
  // a negative number that rounds to 0 shows no minus sign (LibreOffice draws -0.001 under 0 as 0)
  const negative = v < 0 && !unsigned && (int !== "" || /[1-9]/.test(frac));
  const slot: (string | undefined)[] = new Array<string | undefined>(tokens.length);

  // integer digits, right to left onto the placeholders; extra digits go to the first one
  let k = int.length;
  for (let j = l.intIdx.length - 1; j >= 0; j--) {
    let s = j === 0 ? int.slice(0, k) : k > 0 ? int[k - 1] : "";
    k = j === 0 ? 0 : Math.max(0, k - 1);
    if (s === "") s = l.intPh[j] === "0" ? "0" : l.intPh[j] === "?" ? " " : "";
    slot[l.intIdx[j]] = s;
  }
  if (l.contiguousInt && l.thousands) {
    slot[l.intIdx[0]] = groupThousands(l.intIdx.map((i) => slot[i]).join(""));
    for (let j = 1; j < l.intIdx.length; j++) slot[l.intIdx[j]] = "";
  }
  // fraction digits left to right; trailing zeros of # (and of 0 without padZeros) are dropped
  const pad = opts.padZeros !== false;
  let keep = decimals;
  while (keep > 0 && frac[keep - 1] === "0" && !(l.fracPh[keep - 1] === "0" && pad)) keep--;
  for (let j = 0; j < decimals; j++) slot[l.fracIdx[j]] = j < keep ? frac[j] : l.fracPh[j] === "?" && pad ? " " : "";

  const pieces: Piece[] = [];
  if (negative) pieces.push({ s: "-" });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.t) {
      case "lit":
        pieces.push({ s: t.s });
        break;
      case "pad":
        pieces.push({ s: " ", pad: true });
        break;
      case "digit":
        pieces.push({ s: slot[i] ?? "" });
        break;
      case "point":
        // a point with no decimals after it is not drawn (LibreOffice draws 12 under 0.## as 12)
        if (keep > 0 || (pad && l.fixedPoint)) pieces.push({ s: "." });
        break;
      case "percent":
        pieces.push({ s: "%" });
        break;
      case "general":
        pieces.push({ s: generalNumber(Math.abs(v)) });
        break;
      case "at":
      case "comma":
      case "exp":
      case "slash":
      case "date":
        break;
    }
  }
  return joinPieces(pieces);
}

// -------------------------------------------------------------------------------------- dates

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_ZH = ["日", "一", "二", "三", "四", "五", "六"];

/** The last serial Excel draws as a date (9999-12-31). */
const LAST_DATE_SERIAL = 2958465;

interface DateTime {
  y: number;
  m: number;
  d: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  /** fraction of a second, in units of 10^-fractionDigits */
  fraction: number;
  /** the whole value in seconds (for elapsed time) */
  totalSeconds: number;
}

function dateTimeOf(serial: number, fractionDigits: number): DateTime {
  const unit = 10 ** fractionDigits;
  // Excel rounds the time to what the format shows
  const ticks = Math.round(serial * 86400 * unit);
  const perDay = 86400 * unit;
  const days = Math.floor(ticks / perDay);
  let rest = ticks - days * perDay;
  const fraction = rest % unit;
  rest = (rest - fraction) / unit;
  const second = rest % 60;
  const minute = Math.floor(rest / 60) % 60;
  const hour = Math.floor(rest / 3600);
  let y = 1900;
  let m = 1;
  let d = 0;
  let weekday = 6; // Excel's day 0 is a Saturday
  if (days === 60) {
    // Excel's fictitious 1900-02-29
    y = 1900;
    m = 2;
    d = 29;
    weekday = 3;
  } else if (days > 0) {
    const dt = new Date(Date.UTC(1899, 11, 31) + (days - (days > 60 ? 1 : 0)) * 86400000);
    y = dt.getUTCFullYear();
    m = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
    weekday = days < 60 ? (days + 6) % 7 : dt.getUTCDay();
  }
  return { y, m, d, weekday, hour, minute, second, fraction, totalSeconds: Math.floor(ticks / unit) };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function drawPart(p: DatePart, dt: DateTime, twelveHour: boolean, fractionDigits: number): string {
  switch (p.kind) {
    case "year":
      return p.len <= 2 ? pad2(dt.y % 100) : String(dt.y);
    case "month":
      if (p.len === 1) return String(dt.m);
      if (p.len === 2) return pad2(dt.m);
      if (p.len === 3) return MONTHS[dt.m - 1].slice(0, 3);
      if (p.len === 5) return MONTHS[dt.m - 1][0];
      return MONTHS[dt.m - 1];
    case "day":
      return p.len === 1 ? String(dt.d) : pad2(dt.d);
    case "weekday":
      if (p.cjk) return p.len === 3 ? WEEKDAYS_ZH[dt.weekday] : `星期${WEEKDAYS_ZH[dt.weekday]}`;
      return p.len === 3 ? WEEKDAYS[dt.weekday].slice(0, 3) : WEEKDAYS[dt.weekday];
    case "hour": {
      const h = twelveHour ? ((dt.hour + 11) % 12) + 1 : dt.hour;
      return p.len === 1 ? String(h) : pad2(h);
    }
    case "minute":
      return p.len === 1 ? String(dt.minute) : pad2(dt.minute);
    case "second":
      return p.len === 1 ? String(dt.second) : pad2(dt.second);
    case "fraction":
      return String(dt.fraction).padStart(fractionDigits, "0").slice(0, p.len);
    case "elapsed": {
      const n = p.unit === "h" ? Math.floor(dt.totalSeconds / 3600) : p.unit === "m" ? Math.floor(dt.totalSeconds / 60) : dt.totalSeconds;
      return String(n).padStart(p.len, "0");
    }
    case "ampm":
      return dt.hour < 12 ? p.am : p.pm;
  }
}

/** Year, month and day (those present) in this order: a format that reads 2022年12月31日, 2022-12-31, 12月31日. */
function yearMonthDayOrder(section: FormatSection): boolean {
  const order: number[] = [];
  for (const t of section.tokens) {
    if (t.t !== "date") continue;
    const rank = t.part.kind === "year" ? 0 : t.part.kind === "month" ? 1 : t.part.kind === "day" ? 2 : -1;
    if (rank >= 0 && !order.includes(rank)) order.push(rank);
  }
  return order.every((r, k) => k === 0 || r > order[k - 1]);
}

/** A date as 2022-12-31 (with the time when the format shows one). */
function isoDate(section: FormatSection, v: number): string {
  const hasTime = section.tokens.some((t) => t.t === "date" && (t.part.kind === "hour" || t.part.kind === "minute"));
  const hasSeconds = section.tokens.some((t) => t.t === "date" && t.part.kind === "second");
  const dt = dateTimeOf(v, 0);
  const date = `${dt.y}-${pad2(dt.m)}-${pad2(dt.d)}`;
  if (!hasTime) return date;
  return `${date} ${pad2(dt.hour)}:${pad2(dt.minute)}${hasSeconds ? `:${pad2(dt.second)}` : ""}`;
}

/**
 * A serial date or time under a date section, or null where Excel would draw ##### (a negative value,
 * a date past 9999-12-31). Calendar formats whose parts are not in year-month-day order are the
 * locale's built-in dates (m/d/yyyy and mm-dd-yy are how a file stores the short date Chinese Excel
 * shows as 2022/12/31): those are drawn 2022-12-31.
 */
function renderDateSection(section: FormatSection, v: number): string | null {
  if (v < 0 || v > LAST_DATE_SERIAL + 1) return null;
  if (section.calendar && v < 1) return null;
  if (section.systemDate || (section.calendar && !yearMonthDayOrder(section))) return isoDate(section, v);
  const fractionDigits = Math.max(0, ...section.tokens.map((t) => (t.t === "date" && t.part.kind === "fraction" ? t.part.len : 0)));
  const dt = dateTimeOf(v, Math.min(fractionDigits, 3));
  const twelveHour = section.tokens.some((t) => t.t === "date" && t.part.kind === "ampm");
  const pieces: Piece[] = [];
  for (const t of section.tokens) {
    if (t.t === "lit") pieces.push({ s: t.s });
    else if (t.t === "pad") pieces.push({ s: " ", pad: true });
    else if (t.t === "date") pieces.push({ s: drawPart(t.part, dt, twelveHour, Math.min(fractionDigits, 3)) });
    else if (t.t === "general") pieces.push({ s: generalNumber(v) });
  }
  return joinPieces(pieces);
}

// ------------------------------------------------------------------------------------ entry points

/**
 * What Excel shows for a number under a format code, or null where the format has no drawing of
 * its own for it here (General, a text format, a fraction or scientific format, a date out of range):
 * the caller shows the plain number.
 */
export function formatNumber(v: number, code: string, opts: RenderOptions = {}): string | null {
  if (!Number.isFinite(v)) return null;
  const f = parseNumberFormat(code);
  const chosen = sectionFor(f, v);
  if (!chosen) return null;
  const { section, unsigned } = chosen;
  if (section.date) return renderDateSection(section, v);
  if (section.unsupported) return null;
  if (!section.showsValue) return joinPieces(section.tokens.map((t) => (t.t === "lit" ? { s: t.s } : { s: t.t === "pad" ? " " : "", pad: true })));
  if (!section.tokens.some((t) => t.t === "digit" || t.t === "general")) return null;
  // past 15 digits on the left Excel draws zeros; keep such numbers to the caller
  if (Math.abs(v) * 10 ** (2 * section.percents) >= 1e21) return null;
  return renderNumberSection(section, v, unsigned, opts);
}

/** What Excel shows for a text under a format code: the text section with @ replaced, or the text itself. */
export function formatText(s: string, code: string): string {
  const f = parseNumberFormat(code);
  const section = f.textSection;
  if (!section) return s;
  const pieces: Piece[] = [];
  for (const t of section.tokens) {
    if (t.t === "at") pieces.push({ s });
    else if (t.t === "lit") pieces.push({ s: t.s });
    else if (t.t === "pad") pieces.push({ s: " ", pad: true });
  }
  return joinPieces(pieces, true);
}

/** How a number shows under a format: as a date, as a number with words around it (a unit, %), or plainly. */
export type NumberShape = "date" | "time" | "words" | "percent" | "plain" | "hidden";

/**
 * The shape of a number's display: "date" (a calendar date), "time", "percent" (a percent and nothing
 * else said), "words" (literal text besides the number: 12月, 15个工作日, ¥1,003.82, 无), "hidden" (a
 * section that shows nothing, ;;;), "plain" (digits, signs, brackets: 0.00, #,##0;(#,##0), General, and
 * a section of signs alone like the accounting zero "-").
 */
export function numberShape(v: number, code: string | null | undefined): NumberShape {
  if (!code) return "plain";
  const f = parseNumberFormat(code);
  const chosen = sectionFor(f, v);
  if (!chosen) return "plain";
  const s = chosen.section;
  if (s.date) return s.calendar ? "date" : "time";
  if (!s.showsValue) {
    // a section of literals only: 无, or the accounting zero "-" (read as the number)
    if (s.hasWords) return "words";
    return s.tokens.some((t) => t.t === "lit") ? "plain" : "hidden";
  }
  if (s.unsupported) return "plain";
  if (s.hasWords) return "words";
  if (s.percents > 0) return "percent";
  return "plain";
}
