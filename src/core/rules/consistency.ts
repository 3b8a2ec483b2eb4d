/**
 * consistency: the table agrees with itself — 半年 and 全年 columns (a monthly rent or a per-person
 * cost is the same in both; a cumulative half-year target does not exceed the full year), the
 * part-one summary and the goal texts agree with the indicators, dates run forwards.
 */
import { isSatisfactionName } from "../lexicon";
import type { IndicatorRow, TargetTable } from "../model";
import { labelKey, normaliseForParsing } from "../text";
import { parseValueCached } from "../recognize/valueCache";
import type { ParsedValue } from "../value/types";
import { nameOf } from "./indicators";
import { defineRule } from "./types";
import { memoize } from "../memo";

const PER_UNIT = /月租金|月租|人均|单价|单笔|标准|均价|单位成本|每|单次|日均/;

function comparable(a: ParsedValue, b: ParsedValue): boolean {
  return a.kind === "quantitative" && b.kind === "quantitative" && a.number !== null && b.number !== null && !!a.unitInfo && !!b.unitInfo && a.unitInfo.dimension === b.unitInfo.dimension && a.unitInfo.base === b.unitInfo.base;
}

function inBase(p: ParsedValue): number {
  return (p.number ?? 0) * (p.unitInfo?.factor ?? 1);
}

const halfVsFull = defineRule({
  id: "consistency.half-vs-full",
  category: "consistency",
  severity: "warning",
  title: { zh: "半年与全年指标值互相矛盾", en: "Half-year and full-year targets that contradict each other" },
  messages: {
    rate: {
      zh: "指标“{name}”是单价或月度标准，半年和全年应相同：半年为“{half}”，全年为“{full}”。",
      en: '"{name}" is a unit price or monthly rate and should be the same in both columns: half-year "{half}", full-year "{full}".',
    },
    cumulative: {
      zh: "指标“{name}”半年累计目标超过了全年目标：半年为“{half}”，全年为“{full}”。",
      en: '"{name}" has a cumulative half-year target above the full year: half-year "{half}", full-year "{full}".',
    },
  },
  why: { zh: "单价、月租金等在半年和全年应当相同；累计目标的半年数不会超过全年。两列矛盾，多半有一列抄错了。", en: "A unit price or monthly rent is the same for the half year and the year, and a cumulative half-year target never exceeds the year's: when the columns disagree, one was copied wrongly." },
  howToFix: { zh: "核对两列，改正抄错的一列。", en: "Compare the two columns and correct the one copied wrongly." },
  fixable: "no",
  example: { bad: "视频会议系统服务费月租金 | =1.146万元 | =1.416万元", good: "… | =1.416万元 | =1.416万元", from: { seed: "001" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      const h = ind.halfParsed;
      const f = ind.parsed;
      if (!h || !f || !ind.halfValue || !ind.value || !comparable(h, f)) continue;
      const name = nameOf(ind);
      const hv = inBase(h);
      const fv = inBase(f);
      if (PER_UNIT.test(name) || h.unitInfo?.dimension === "money-rate") {
        if (Math.abs(hv - fv) > 1e-9 * Math.max(1, Math.abs(fv)))
          report({ place: ind.halfValue, value: ind.halfValue.text, indicator: name, messageId: "rate", params: { name, half: ind.halfValue.text, full: ind.value.text } });
      } else if (h.unitInfo?.dimension !== "percent" && hv > fv * (1 + 1e-9) && (h.op === f.op || h.op === null || f.op === null)) {
        report({ place: ind.halfValue, value: ind.halfValue.text, indicator: name, severity: "error", messageId: "cumulative", params: { name, half: ind.halfValue.text, full: ind.value.text } });
      }
    }
  },
});

/** Quantities written in prose: "印制宣传册、明白卡100万册" -> words + value. */
function quantitiesIn(text: string): { words: string; parsed: ParsedValue; text: string }[] {
  const out: { words: string; parsed: ParsedValue; text: string }[] = [];
  if (!/[\d０-９]/.test(text)) return out; // no digit, no quantity (full-width digits become digits below)
  const t = normaliseForParsing(text);
  for (const m of quantityMatches(t)) {
    const parsed = parseValueCached(m[2]);
    if (parsed.kind === "quantitative") out.push({ words: m[1], parsed, text: m[0] });
  }
  return out;
}

/** words, optional operator, a number with a count unit: "明白卡100万册", "培训人数不少于 50人" */
const QUANTITY = /([\u4e00-\u9fa5、A-Za-z]{2,20}?)\s*(?:达到|为|不低于|不少于|≥|≤|=)?\s*(\d+(?:\.\d+)?\s*(?:万|亿)?(?:人次|册|人|件|次|个|场|户|套|台|辆|条|份|项|笔|家|所|期|天|%))/y;

/** A character that may stand between the start of a QUANTITY match and its number, other than whitespace. */
function inQuantityWords(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fa5) || c === 0x3001 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2265 || c === 0x2264 || c === 0x3d;
}

/**
 * The matches of QUANTITY as `t.matchAll(/…/g)` finds them, trying only the start positions that can
 * reach a number (issue 7): the lazy 2–20 character words made the regex try twenty lengths at every
 * character of a goal text. A match starting before a digit d holds no digit before d, so it is
 * made of words, whitespace and an operator up to d: at most 20 + 3 characters that are not
 * whitespace. Positions further back cannot match; the others are tried in order with the same
 * pattern, sticky, so the first that matches is the leftmost match.
 */
export function quantityMatches(t: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let cur = 0;
  while (cur < t.length) {
    let d = cur;
    while (d < t.length && !(t.charCodeAt(d) >= 0x30 && t.charCodeAt(d) <= 0x39)) d++;
    if (d >= t.length) break;
    let from = d;
    for (let n = 0; from > cur; from--) {
      const ch = t[from - 1];
      if (/\s/.test(ch)) continue;
      if (!inQuantityWords(ch.charCodeAt(0)) || n === 23) break;
      n++;
    }
    let m: RegExpExecArray | null = null;
    for (let s = from; s < d && !m; s++) {
      QUANTITY.lastIndex = s;
      m = QUANTITY.exec(t);
    }
    if (m) {
      out.push(m);
      cur = QUANTITY.lastIndex;
    } else cur = d + 1;
  }
  return out;
}

/** The character pairs of a name, kept: every quantity of a goal text is compared with every indicator name (issue 7). */
const bigrams = memoize(
  (s: string): ReadonlySet<string> => {
    const k = labelKey(s).replace(/[、，,。（）()]/g, "");
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < k.length; i++) pairs.add(k.slice(i, i + 2));
    return pairs;
  },
  { capacity: 20_000, maxKeyLength: 100 },
);

function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return n / Math.min(A.size, B.size);
}

function sameDimension(a: ParsedValue, b: ParsedValue): boolean {
  if (!a.unitInfo || !b.unitInfo) return false;
  if (a.unitInfo.dimension === "percent" || b.unitInfo.dimension === "percent") return a.unitInfo.dimension === b.unitInfo.dimension;
  // 200万 (no unit) and 200万人 count the same things
  return a.unitInfo.dimension === b.unitInfo.dimension && (a.unitInfo.base === b.unitInfo.base || a.unitInfo.base === "" || b.unitInfo.base === "");
}

/** Compare a number stated in a text with the indicators it names. */
function textAgainstTable(table: TargetTable, text: string): { q: ReturnType<typeof quantitiesIn>[number]; ind: IndicatorRow }[] {
  const out: { q: ReturnType<typeof quantitiesIn>[number]; ind: IndicatorRow }[] = [];
  for (const q of quantitiesIn(text)) {
    if (isSatisfactionName(q.words)) continue; // "力争满意度达到100%" is an aspiration, not the indicator
    const matches = table.indicators.filter((ind) => ind.parsed && sameDimension(ind.parsed, q.parsed) && similarity(q.words, nameOf(ind)) >= 0.5);
    if (matches.length === 0) continue;
    const target = inBase(q.parsed);
    const values = matches.map((m) => inBase(m.parsed as ParsedValue));
    const sum = values.reduce((s, v) => s + v, 0);
    const eq = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    if (values.some((v) => eq(v, target)) || eq(sum, target)) continue;
    const best = matches.sort((a, b) => similarity(q.words, nameOf(b)) - similarity(q.words, nameOf(a)))[0];
    out.push({ q, ind: best });
  }
  return out;
}

const goalVsTable = defineRule({
  id: "consistency.goal-vs-table",
  category: "consistency",
  severity: "warning",
  title: { zh: "绩效目标文字或分项绩效目标与指标表不一致", en: "The goal text or part-one summary disagrees with the indicator table" },
  messages: {
    goal: { zh: "绩效目标（{at}）写的是“{quoted}”，而指标“{name}”为“{value}”。", en: 'the goal text ({at}) says "{quoted}", but indicator "{name}" is "{value}".' },
    summary: { zh: "第一部分分项绩效目标（{at}）写的是“{quoted}”，而指标“{name}”为“{value}”。", en: 'the part-one summary ({at}) says "{quoted}", but indicator "{name}" is "{value}".' },
  },
  why: { zh: "绩效目标文字与指标表写的数量不同，评审不知道以哪个为准。", en: "When the goal text and the indicator give different quantities, a reviewer cannot tell which one holds." },
  howToFix: { zh: "统一两处的数字。", en: "Make the two numbers agree." },
  fixable: "no",
  example: { bad: "年度绩效目标：印制宣传册、明白卡100万册；指标：印制明白卡 300万册", good: "两处一致", from: { seed: "002", table: "公积金政策宣传费" } },
  check: ({ table }, report) => {
    // one target column a place (7 villages with 1 each): the goal's 开展7个 is their sum, not one cell's
    if ((table.header?.placeColumns?.length ?? 0) > 1) return;
    const sources: { text: string; messageId: "goal" | "summary"; at: string }[] = table.texts.goals.map((g) => ({ text: g.text, messageId: "goal", at: g.address }));
    if (table.summary?.indicator) sources.push({ text: table.summary.indicator.text, messageId: "summary", at: table.summary.indicator.address });
    const seen = new Set<string>();
    for (const s of sources) {
      for (const { q, ind } of textAgainstTable(table, s.text)) {
        const v = ind.value as NonNullable<IndicatorRow["value"]>;
        const k = `${v.address}|${q.text}`;
        if (seen.has(k)) continue;
        seen.add(k);
        report({ place: v, value: v.text, indicator: nameOf(ind), messageId: s.messageId, params: { at: s.at, quoted: q.text.trim(), name: nameOf(ind), value: v.text } });
      }
    }
  },
});

function ymd(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(\d{4})\D{0,3}(\d{1,2})?\D{0,3}(\d{1,2})?/.exec(normaliseForParsing(text));
  if (!m) return undefined;
  return Number(m[1]) * 10000 + Number(m[2] ?? 12) * 100 + Number(m[3] ?? 31);
}

/** The project's end as the table states it: 结束时间, or the end of its 项目期 (2022年3月-2023年11月). */
function projectEnd(t: TargetTable): { end: number; text: string } | undefined {
  const end = ymd(t.period.end?.text);
  if (end !== undefined && t.period.end) return { end, text: t.period.end.text };
  const span = t.period.span;
  const d = span ? parseValueCached(span.text).date : undefined;
  if (!span || !d?.year || !/[-—~～至到]/.test(span.text)) return undefined;
  return { end: d.year * 10000 + (d.month ?? 12) * 100 + (d.day ?? 31), text: span.text };
}

const dates = defineRule({
  id: "consistency.dates",
  category: "consistency",
  severity: "error",
  title: { zh: "开始时间晚于结束时间", en: "Start date after end date" },
  messages: {
    default: { zh: "开始时间“{start}”晚于结束时间“{end}”。", en: 'the start "{start}" is after the end "{end}".' },
  },
  why: { zh: "开始时间晚于结束时间，项目期不成立，多半是两者写反或年份写错。", en: "A start after the end makes no period: the two are usually swapped or a year is wrong." },
  howToFix: { zh: "改正开始或结束时间。", en: "Correct the start or the end date." },
  fixable: "no",
  example: { bad: "开始时间 2020-12-31，结束时间 2020-01-01", good: "开始时间 2020-01-01，结束时间 2020-12-31（种子 002）", from: { illustration: "the fixed form is from the seeds" } },
  check: ({ table }) => {
    const s = table.period.start;
    const e = table.period.end;
    const a = ymd(s?.text);
    const b = ymd(e?.text);
    if (!s || !e || a === undefined || b === undefined || a <= b) return [];
    return [{ place: s, value: s.text, params: { start: s.text, end: e.text } }];
  },
});

const deadlineAfterEnd = defineRule({
  id: "consistency.deadline-after-end",
  category: "consistency",
  severity: "warning",
  title: { zh: "时效指标的完成时限晚于项目结束时间", en: "A deadline after the project's end" },
  messages: {
    default: { zh: "时效指标“{name}”的时限“{value}”晚于项目结束时间“{end}”。", en: 'the deadline "{value}" of "{name}" is after the project\'s end "{end}".' },
  },
  why: { zh: "项目结束后才到的完成时限，在项目期内无法考核。", en: "A deadline after the project's end cannot be checked within the project." },
  howToFix: { zh: "把时限改在项目结束时间之前，或改正项目期。", en: "Move the deadline before the project's end, or correct the project period." },
  fixable: "no",
  example: { bad: "结束时间 2020-12-31；完成时间 | 2021年6月30日前", good: "完成时间 | 2020年12月31日前", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }, report) => {
    const stated = projectEnd(table);
    if (!stated) return;
    for (const ind of table.indicators) {
      const p = ind.parsed;
      if (!p || p.kind !== "date" || !p.date?.year || !ind.value) continue;
      const d = p.date.year * 10000 + (p.date.month ?? 12) * 100 + (p.date.day ?? 31);
      if (d > stated.end) report({ place: ind.value, value: ind.value.text, indicator: nameOf(ind), params: { name: nameOf(ind), value: ind.value.text, end: stated.text } });
    }
  },
});

export const consistencyRules = [halfVsFull, goalVsTable, dates, deadlineAfterEnd];
