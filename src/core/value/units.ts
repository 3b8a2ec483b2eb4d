/**
 * The unit registry: every unit a 指标值 or a 计量单位 cell may carry, with its canonical spelling,
 * what it measures and how it converts to its base unit.
 *
 * - Simple units (人, 次, 万元, ㎡ …) come from a table of definitions with aliases.
 * - Magnitudes (千, 万, 十万, 百万, 千万, 亿, 万亿) combine with any scalable unit: 万册 = 10,000 册,
 *   万人次, 亿元, 万平方米. A bare magnitude is a count with no unit: 200万 = 200 × 10,000 (base "").
 * - Rates are `numerator/denominator[·denominator]`: 元/人, 元/人·天 (also written 元/人*天, 元/人/天),
 *   万元/年, 次/年. Money over anything is "money-rate", everything else "rate".
 */
import type { MoneyUnit } from "../model";
import { toHalfWidth } from "../text";
import type { UnitDimension, UnitInfo } from "./types";

interface UnitDefinition {
  unit: string;
  dimension: UnitDimension;
  factor: number;
  base: string;
  aliases: string[];
  /** may take a magnitude prefix (万人, 亿元, 万平方米) */
  scalable: boolean;
}

function defineUnit(unit: string, dimension: UnitDimension, options: { factor?: number; base?: string; aliases?: string[]; scalable?: boolean } = {}): UnitDefinition {
  return {
    unit,
    dimension,
    factor: options.factor ?? 1,
    base: options.base ?? unit,
    aliases: options.aliases ?? [],
    scalable: options.scalable ?? false,
  };
}

/** Count units: each is its own base and takes magnitudes (万册, 万人次). */
const COUNT_UNITS: string[] = [
  "人", "人次", "次", "个", "项", "件", "份", "套", "台", "辆", "户", "场", "期", "册", "笔", "条", "种", "类",
  "家", "篇", "批", "处", "所", "座", "间", "张", "本", "名", "位", "部", "支", "队", "组", "轮", "节", "门",
  "株", "棵", "头", "只", "块", "根", "盏", "栋", "幢", "宗", "起", "例", "单", "页", "幅", "枚", "副", "集",
  "架次", "户次", "场次", "批次", "车次", "班次", "项次", "件次", "个次", "期次", "篇次", "辆次", "课时", "学时",
  "人月", "人天", "人日", "工日",
];

const DEFINITIONS: UnitDefinition[] = [
  defineUnit("%", "percent", { aliases: ["百分比", "﹪", "٪"] }),
  defineUnit("‰", "permille", { factor: 0.001, base: "", aliases: ["千分比"] }),
  defineUnit("个百分点", "percent", { aliases: ["百分点"] }),

  defineUnit("元", "money", { scalable: true, aliases: ["元人民币", "人民币元"] }),

  ...COUNT_UNITS.map((u) => defineUnit(u, "count", { scalable: true })),
  defineUnit("台套", "count", { scalable: true, aliases: ["台(套)", "套(台)"] }),

  // time: days and months are separate bases (a month is not a fixed number of days)
  defineUnit("天", "time", { base: "天" }),
  defineUnit("日", "time", { base: "天" }),
  defineUnit("个工作日", "time", { base: "工作日" }),
  defineUnit("工作日", "time", { base: "工作日" }),
  defineUnit("小时", "time", { factor: 1 / 24, base: "天", aliases: ["个小时", "钟头"] }),
  defineUnit("分钟", "time", { factor: 1 / 1440, base: "天", aliases: ["min"] }),
  defineUnit("周", "time", { factor: 7, base: "天", aliases: ["个周", "星期", "个星期"] }),
  defineUnit("月", "time", { base: "月" }),
  defineUnit("个月", "time", { base: "月" }),
  defineUnit("季度", "time", { factor: 3, base: "月", aliases: ["个季度"] }),
  defineUnit("年", "time", { factor: 12, base: "月" }),

  defineUnit("平方米", "area", { scalable: true, aliases: ["㎡", "m²", "m2", "平米", "平方"] }),
  defineUnit("亩", "area", { factor: 10000 / 15, base: "平方米", scalable: true }),
  defineUnit("公顷", "area", { factor: 10000, base: "平方米", scalable: true, aliases: ["hm²", "hm2"] }),
  defineUnit("平方公里", "area", { factor: 1e6, base: "平方米", aliases: ["平方千米", "km²", "km2", "㎞²"] }),

  defineUnit("米", "length", { scalable: true, aliases: ["m"] }),
  defineUnit("公里", "length", { factor: 1000, base: "米", scalable: true, aliases: ["千米", "km", "㎞"] }),
  defineUnit("厘米", "length", { factor: 0.01, base: "米", aliases: ["cm", "㎝"] }),

  defineUnit("立方米", "other", { scalable: true, aliases: ["m³", "m3", "㎥"] }),
  defineUnit("吨", "other", { scalable: true }),
  defineUnit("公斤", "other", { factor: 0.001, base: "吨", scalable: true, aliases: ["千克", "kg"] }),
  defineUnit("千瓦", "other", { scalable: true, aliases: ["kw"] }),
  defineUnit("兆瓦", "other", { factor: 1000, base: "千瓦", aliases: ["mw"] }),
  defineUnit("千瓦时", "other", { scalable: true, aliases: ["kwh", "kw·h"] }),
  defineUnit("分", "other"),
  defineUnit("倍", "other"),
  defineUnit("GB", "other"),
  defineUnit("TB", "other", { factor: 1024, base: "GB" }),
];

/** Magnitude prefixes, longest first so that 千万 wins over 千. */
const MAGNITUDES: [string, number][] = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

const BY_SPELLING: Map<string, UnitDefinition> = buildSpellingIndex(DEFINITIONS);

function buildSpellingIndex(defs: UnitDefinition[]): Map<string, UnitDefinition> {
  const index = new Map<string, UnitDefinition>();
  for (const d of defs) {
    for (const spelling of [d.unit, ...d.aliases]) {
      const key = spelling.toLowerCase();
      if (!index.has(key)) index.set(key, d);
    }
  }
  return index;
}

/** Separators between the parts of a compound denominator: 人·天, 人*天, 人/天, 人×天. */
const DENOMINATOR_SEPARATOR = /[·*×•∙⋅・/.]/;

/** Cut off surrounding brackets and spaces, full-width forms, ASCII case: "（万元）" -> "万元". */
function cleanUnitText(text: string): string {
  let t = toHalfWidth(text).replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, "");
  while (/^[([【〔]/.test(t) && /[)\]】〕]$/.test(t)) t = t.slice(1, -1);
  return t.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function infoOf(d: UnitDefinition): UnitInfo {
  return { unit: d.unit, dimension: d.dimension, factor: d.factor, base: d.base };
}

/** 万册, 亿元, 万平方米, or a bare 万 / 亿. */
function lookupScaledUnit(t: string): UnitInfo | null {
  for (const [prefix, size] of MAGNITUDES) {
    if (!t.startsWith(prefix)) continue;
    const rest = t.slice(prefix.length);
    if (rest === "") return { unit: prefix, dimension: "count", factor: size, base: "" };
    const d = BY_SPELLING.get(rest);
    if (d && d.scalable) return { unit: prefix + d.unit, dimension: d.dimension, factor: size * d.factor, base: d.base };
  }
  return null;
}

/** A unit that is not a rate: a definition, or a magnitude with a scalable definition. */
function lookupSimpleUnit(t: string): UnitInfo | null {
  const d = BY_SPELLING.get(t);
  if (d) return infoOf(d);
  return lookupScaledUnit(t);
}

/** A thing counted in a rate's denominator that is no unit: 生 (pupil), 村, 校, 亩, 床 (not the 以/内/前 of 以内, 以上 …). */
const COUNTED_THING = /^(?![以内上下前底末左右约])[\u4e00-\u9fff]$/;

/** 元/人, 元/人·天, 万元/年, 次/年: the numerator's factor carries over, denominators are kept as written. */
function lookupRateUnit(t: string): UnitInfo | null {
  const slash = t.indexOf("/");
  if (slash <= 0 || slash === t.length - 1) return null;
  const numerator = lookupSimpleUnit(t.slice(0, slash));
  if (!numerator) return null;
  const denominatorText = t.slice(slash + 1).replace(/^\((.*)\)$/, "$1");
  const parts = denominatorText.split(DENOMINATOR_SEPARATOR);
  const denominators: string[] = [];
  for (const part of parts) {
    const d = lookupSimpleUnit(part);
    // per a unit (元/人, 次/年), or per a counted thing named by one character (元/生/年, 元/村)
    if (d && d.base !== "" && d.dimension !== "percent" && d.dimension !== "permille") denominators.push(d.unit);
    else if (!d && COUNTED_THING.test(part)) denominators.push(part);
    else return null;
  }
  // a bare magnitude over a period (620万/月): a rate whose numerator names no unit
  if (numerator.base === "") return { unit: `${numerator.unit}/${denominators.join("·")}`, dimension: "rate", factor: numerator.factor, base: `/${denominators.join("·")}` };
  const per = denominators.join("·");
  return {
    unit: `${numerator.unit}/${per}`,
    dimension: numerator.dimension === "money" ? "money-rate" : "rate",
    factor: numerator.factor,
    base: `${numerator.base}/${per}`,
  };
}

/**
 * The unit written in `text` (a 计量单位 cell or the unit part of a value), or null when it is not
 * a unit this registry knows. Spelling variants map to one canonical unit: 百分比 -> %, ㎡ -> 平方米,
 * 元/人*天 -> 元/人·天.
 */
export function lookupUnit(text: string): UnitInfo | null {
  if (typeof text !== "string") return null;
  const t = cleanUnitText(text);
  if (t === "" || t.length > 40) return null;
  return t.includes("/") ? lookupRateUnit(t) : lookupSimpleUnit(t);
}

/** The longest unit at the start of `s` (for "万元以上" -> 万元), with the number of characters it uses. */
export function matchUnitAtStart(s: string, maxLength = 16): { info: UnitInfo; length: number } | null {
  for (let n = Math.min(s.length, maxLength); n > 0; n--) {
    const info = lookupUnit(s.slice(0, n));
    if (info) return { info, length: n };
  }
  return null;
}

/** The longest unit at the end of `s` (for "XX万元" -> 万元), with the number of characters it uses. */
export function matchUnitAtEnd(s: string, maxLength = 16): { info: UnitInfo; length: number } | null {
  for (let n = Math.min(s.length, maxLength); n > 0; n--) {
    const info = lookupUnit(s.slice(s.length - n));
    if (info) return { info, length: n };
  }
  return null;
}

/** The money units a table's amounts are written in: the one list the MoneyUnit type and the configuration's enum come from. */
export const MONEY_UNITS = ["元", "万元", "亿元"] as const;

const MONEY_FACTORS: Record<MoneyUnit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

export function isMoneyUnit(text: string | null | undefined): text is MoneyUnit {
  return text === "元" || text === "万元" || text === "亿元";
}

/** How many 元 one `unit` is: 元 1, 万元 10,000, 亿元 100,000,000. */
export function moneyFactor(unit: MoneyUnit): number {
  return MONEY_FACTORS[unit];
}

/** Drop floating-point noise (60.13 × 10000 = 601300.0000000001) while keeping every real digit. */
export function roundFloat(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

/** An amount in another money unit: convertMoney(1221, "万元", "元") = 12,210,000. */
export function convertMoney(amount: number, from: MoneyUnit, to: MoneyUnit): number {
  return roundFloat((amount * moneyFactor(from)) / moneyFactor(to));
}
