import { convertMoney, isMoneyUnit, lookupUnit, matchUnitAtEnd, matchUnitAtStart, moneyFactor, roundFloat } from "../../../src/core/value";
import type { UnitInfo } from "../../../src/core/value";

const info = (unit: string, dimension: UnitInfo["dimension"], factor: number, base: string): UnitInfo => ({ unit, dimension, factor, base });

describe("lookupUnit", () => {
  test.each<[string, UnitInfo]>([
    ["%", info("%", "percent", 1, "%")],
    ["％", info("%", "percent", 1, "%")],
    ["百分比", info("%", "percent", 1, "%")],
    ["‰", info("‰", "permille", 0.001, "")],
    ["个百分点", info("个百分点", "percent", 1, "个百分点")],
    ["百分点", info("个百分点", "percent", 1, "个百分点")],
    ["元", info("元", "money", 1, "元")],
    ["千元", info("千元", "money", 1e3, "元")],
    ["万元", info("万元", "money", 1e4, "元")],
    ["亿元", info("亿元", "money", 1e8, "元")],
    ["（万元）", info("万元", "money", 1e4, "元")],
    ["(元)", info("元", "money", 1, "元")],
    [" 万 元 ", info("万元", "money", 1e4, "元")],
    ["人", info("人", "count", 1, "人")],
    ["人次", info("人次", "count", 1, "人次")],
    ["万人次", info("万人次", "count", 1e4, "人次")],
    ["万人", info("万人", "count", 1e4, "人")],
    ["万册", info("万册", "count", 1e4, "册")],
    ["万件", info("万件", "count", 1e4, "件")],
    ["千册", info("千册", "count", 1e3, "册")],
    ["亿人次", info("亿人次", "count", 1e8, "人次")],
    ["万", info("万", "count", 1e4, "")],
    ["亿", info("亿", "count", 1e8, "")],
    ["千", info("千", "count", 1e3, "")],
    ["百万", info("百万", "count", 1e6, "")],
    ["天", info("天", "time", 1, "天")],
    ["日", info("日", "time", 1, "天")],
    ["工作日", info("工作日", "time", 1, "工作日")],
    ["个工作日", info("个工作日", "time", 1, "工作日")],
    ["月", info("月", "time", 1, "月")],
    ["个月", info("个月", "time", 1, "月")],
    ["年", info("年", "time", 12, "月")],
    ["季度", info("季度", "time", 3, "月")],
    ["平方米", info("平方米", "area", 1, "平方米")],
    ["㎡", info("平方米", "area", 1, "平方米")],
    ["m²", info("平方米", "area", 1, "平方米")],
    ["M2", info("平方米", "area", 1, "平方米")],
    ["平米", info("平方米", "area", 1, "平方米")],
    ["万平方米", info("万平方米", "area", 1e4, "平方米")],
    ["公里", info("公里", "length", 1000, "米")],
    ["千米", info("公里", "length", 1000, "米")],
    ["米", info("米", "length", 1, "米")],
    ["吨", info("吨", "other", 1, "吨")],
    ["千瓦", info("千瓦", "other", 1, "千瓦")],
    ["台（套）", info("台套", "count", 1, "台套")],
    ["元/人", info("元/人", "money-rate", 1, "元/人")],
    ["元/人·天", info("元/人·天", "money-rate", 1, "元/人·天")],
    ["元/人*天", info("元/人·天", "money-rate", 1, "元/人·天")],
    ["元/人/天", info("元/人·天", "money-rate", 1, "元/人·天")],
    ["元/人×天", info("元/人·天", "money-rate", 1, "元/人·天")],
    ["元/（人·天）", info("元/人·天", "money-rate", 1, "元/人·天")],
    ["元/套", info("元/套", "money-rate", 1, "元/套")],
    ["元/笔", info("元/笔", "money-rate", 1, "元/笔")],
    ["元/㎡", info("元/平方米", "money-rate", 1, "元/平方米")],
    ["万元/年", info("万元/年", "money-rate", 1e4, "元/年")],
    ["万元/月", info("万元/月", "money-rate", 1e4, "元/月")],
    ["次/年", info("次/年", "rate", 1, "次/年")],
    ["人次/月", info("人次/月", "rate", 1, "人次/月")],
  ])("%s", (text, expected) => {
    expect(lookupUnit(text)).toEqual(expected);
  });

  it("covers every unit docs/domain.md \"Reading a value\" names", () => {
    const named = ["%", "百分比", "‰", "元", "万元", "亿元", "千元", "人", "人次", "次", "个", "项", "件", "份", "套", "台", "辆", "户", "场", "期",
      "天", "日", "工作日", "个工作日", "月", "个月", "年", "小时", "平方米", "㎡", "m²", "平米", "公里", "米", "册", "万册", "笔", "条", "种", "类",
      "家", "篇", "批", "处", "所", "座", "间", "张", "本", "吨", "亩", "千瓦", "架次", "元/人", "元/人·天", "元/套", "万元/年"];
    expect(named.filter((u) => lookupUnit(u) === null)).toEqual([]);
  });

  it("returns null for text that is not a unit", () => {
    for (const t of ["", "  ", "按规定执行", "明显", "百分百", "元/", "/人", "万万", "元/万", "元/%", "x".repeat(1000), "完成"]) expect(lookupUnit(t)).toBeNull();
  });

  it("returns a fresh object each time", () => {
    const a = lookupUnit("万元");
    if (a) a.factor = 0;
    expect(lookupUnit("万元")?.factor).toBe(1e4);
  });

  it("finds the longest unit at the start or end of a text", () => {
    expect(matchUnitAtStart("万元以上")).toEqual({ info: info("万元", "money", 1e4, "元"), length: 2 });
    expect(matchUnitAtStart("个工作日内")?.info.unit).toBe("个工作日");
    expect(matchUnitAtStart("元/人*天以内")?.info.unit).toBe("元/人·天");
    expect(matchUnitAtStart("按规定")).toBeNull();
    expect(matchUnitAtEnd("XX万元")?.length).toBe(2);
  });
});

describe("money", () => {
  it("knows the factors of 元, 万元 and 亿元", () => {
    expect(moneyFactor("元")).toBe(1);
    expect(moneyFactor("万元")).toBe(1e4);
    expect(moneyFactor("亿元")).toBe(1e8);
    expect(isMoneyUnit("万元")).toBe(true);
    expect(isMoneyUnit("千元")).toBe(false);
  });

  it("converts between units without floating-point noise", () => {
    expect(convertMoney(1221, "万元", "元")).toBe(12210000);
    expect(convertMoney(12210000, "元", "万元")).toBe(1221);
    expect(convertMoney(60.13, "万元", "元")).toBe(601300);
    expect(convertMoney(1.5, "亿元", "万元")).toBe(15000);
    expect(convertMoney(993.85, "万元", "亿元")).toBe(0.099385);
    expect(convertMoney(0, "元", "亿元")).toBe(0);
    expect(convertMoney(-5, "万元", "元")).toBe(-50000);
    expect(convertMoney(25, "万元", "万元")).toBe(25);
  });

  it("checks seed 002's plan text against its budget in one unit", () => {
    // 政府购买服务（劳务）经费: 296+286+282+277 万元 against 12,210,000.00 元
    const planned = [296, 286, 282, 277].reduce((a, b) => a + b, 0);
    expect(convertMoney(planned, "万元", "元")).toBe(11410000);
    expect(convertMoney(12210000, "元", "万元")).toBe(1221);
  });

  it("rounds only the noise", () => {
    expect(roundFloat(0.1 + 0.2)).toBe(0.3);
    expect(roundFloat(1.146)).toBe(1.146);
    expect(roundFloat(Infinity)).toBe(Infinity);
    expect(Number.isNaN(roundFloat(NaN))).toBe(true);
  });
});
