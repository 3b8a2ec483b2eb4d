/**
 * Amounts written in prose: 项目实施计划 ("1-3月支出296万元，4-6月支出286万元 …",
 * "1-6月，支出项目金额的80%，共104.15万元"), needs ("2020年资金需求130.19万元") and breakdowns
 * in 项目实施内容 ("业务成本费386.76万，包括会议费10.8万，培训费40万 …").
 */
import { toHalfWidth } from "../text";
import { memoize } from "../memo";

export interface TextAmount {
  /** amount in 元 */
  yuan: number;
  /** as written: "296万元" */
  text: string;
  index: number;
}

export interface PeriodSpend {
  /** "1-3月" as written */
  period: string;
  fromMonth: number;
  toMonth: number;
  amount?: TextAmount;
  /** percentage written in the segment (45 for 45%) */
  percent?: number;
  /** "share": 支出项目金额的80% (this period's share); "cumulative": 支出45% after an amount */
  percentKind?: "share" | "cumulative";
}

export interface TextPlan {
  periods: PeriodSpend[];
  /** 资金需求 / 共计 / 合计 / 总计 amounts stated for the whole project */
  totals: TextAmount[];
}

export interface AmountGroup {
  label: string;
  total: TextAmount;
  parts: { label: string; amount: TextAmount }[];
}

/** a money amount, but not a per-unit rate such as 80元/笔 (a per-year amount 169万/年 counts) */
const MONEY = /(\d+(?:\.\d+)?)\s*(亿元|万元|千元|元|万|亿)(?![人件册户次个笔套台辆份])(?!\s*\/\s*[人套笔次天个件户台辆份册])/g;
const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 万: 1e4, 亿元: 1e8, 亿: 1e8 };

/** amount × unit factor, rounded to the cent so 617.06万 is 6170600, not 6170599.999… */
function toYuan(n: string, unit: string): number {
  return Math.round(Number(n) * UNIT_FACTOR[unit] * 100) / 100;
}

/**
 * Prose ready for reading amounts: half-width, markup and runs of whitespace as one space. Each
 * step is skipped when it would change nothing (most texts have no markup and single spaces).
 */
export function cleanProse(text: string): string {
  return cleaned(text);
}

/** The texts cleaned lately: each goal or plan text is read by several rules of its table (issue 7). */
const cleaned = memoize((text: string) => computeCleanProse(text), { capacity: 2_000 });

function computeCleanProse(text: string): string {
  let t = toHalfWidth(text);
  if (t.includes("<")) t = t.replace(/<[^>]+>/g, " ");
  // (a full-width comma is already "," after toHalfWidth)
  if (/[^\S ]| {2}/.test(t)) t = t.replace(/\s+/g, " ");
  return t;
}

const clean = cleanProse;

export function moneyAmounts(text: string): TextAmount[] {
  return moneyAmountsInClean(clean(text));
}

/** moneyAmounts of a text already through cleanProse; indices are into that text. */
export function moneyAmountsInClean(t: string): TextAmount[] {
  const out: TextAmount[] = [];
  for (const m of t.matchAll(MONEY)) {
    out.push({ yuan: toYuan(m[1], m[2]), text: m[0].replace(/\s+/g, ""), index: m.index ?? 0 });
  }
  return out;
}

const PERIOD = /(?:(\d{4})年)?(\d{1,2})\s*(?:月份?)?\s*[-—–~～至到]\s*(?:(\d{4})年)?(\d{1,2})\s*月份?/g;

/** Read the periods and amounts of a 项目实施计划 text. */
export function readTextPlan(text: string): TextPlan {
  const t = clean(text);
  const matches = [...t.matchAll(PERIOD)];
  const periods: PeriodSpend[] = [];
  matches.forEach((m, i) => {
    const start = m.index ?? 0;
    const end = i + 1 < matches.length ? (matches[i + 1].index ?? t.length) : t.length;
    const segment = t.slice(start + m[0].length, end);
    const sentence = segment.split(/[。;；]/)[0];
    const amounts = moneyAmounts(sentence);
    const pct = /(\d+(?:\.\d+)?)\s*%/.exec(sentence);
    const share = /(金额|资金|预算|总额)的\s*(\d+(?:\.\d+)?)\s*%/.test(sentence);
    periods.push({
      period: m[0],
      fromMonth: Number(m[2]),
      toMonth: Number(m[4]),
      amount: amounts[0] ? { ...amounts[0], index: amounts[0].index + start + m[0].length } : undefined,
      percent: pct ? Number(pct[1]) : undefined,
      percentKind: pct ? (share ? "share" : "cumulative") : undefined,
    });
  });
  const totals: TextAmount[] = [];
  for (const m of t.matchAll(/(?:资金需求|需求资金|资金需要|共计|合计|总计|总额)[为:]?\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|万)/g)) {
    // "共104.15万元" inside a period sentence is that period's amount, not a total
    const before = t.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
    if (/,/.test(before) && /共/.test(m[0])) continue;
    totals.push({ yuan: toYuan(m[1], m[2]), text: m[0], index: m.index ?? 0 });
  }
  return { periods: periods.filter((p) => p.amount || p.percent !== undefined), totals };
}

/**
 * Breakdowns "X费386.76万，包括会议费10.8万，培训费40万 …" in 项目实施内容: each group with its parts.
 * Groups are numbered items (1、 2、) or sentences that contain 包括/其中.
 */
export function readAmountGroups(text: string): AmountGroup[] {
  const t = clean(text);
  const items = t.split(/(?:^|\s)(?=\d+[、.．]\s*[^\d])/).filter((s) => s.trim());
  const groups: AmountGroup[] = [];
  for (const item of items) {
    const m = /^\s*\d*[、.．]?\s*([^,，:：\d]{2,20}?)(\d+(?:\.\d+)?)\s*(亿元|万元|元|万)\s*[,，]?\s*(包括|其中|含)[:：]?(.*)$/.exec(item);
    if (!m) continue;
    const total: TextAmount = { yuan: toYuan(m[2], m[3]), text: `${m[2]}${m[3]}`, index: 0 };
    const parts: { label: string; amount: TextAmount }[] = [];
    // parts: "会议费10.8万" — a label directly followed by an amount; skip bracketed notes
    const body = m[5].replace(/[（(][^）)]*[)）]/g, "");
    for (const p of body.matchAll(/([\u4e00-\u9fa5A-Za-z、]{2,30}?)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|万)(?!\s*\/\s*[人套笔次天个件户台辆份册])/g)) {
      parts.push({ label: p[1], amount: { yuan: toYuan(p[2], p[3]), text: `${p[2]}${p[3]}`, index: p.index ?? 0 } });
    }
    if (parts.length >= 2) groups.push({ label: m[1].trim(), total, parts });
  }
  return groups;
}
