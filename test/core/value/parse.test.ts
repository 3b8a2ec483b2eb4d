/** The value grammar of docs/domain.md "Reading a value", beyond the seed cells: spellings, operators, kinds, edges. */
import fc from "fast-check";
import { parseValue } from "../../../src/core/value";
import type { Operator, ParsedValue, ValueKind } from "../../../src/core/value";

const read = (raw: string | number | boolean | null, opts?: Parameters<typeof parseValue>[1]) => {
  const p = parseValue(raw, opts);
  return { kind: p.kind, op: p.op, number: p.number, unit: p.unit };
};
const q = (op: Operator | null, number: number, unit: string | null) => ({ kind: "quantitative" as ValueKind, op, number, unit });

/** [value, operator, opText]: opText only where the operator was a word, full-width, ASCII pair or LaTeX */
const OPERATOR_CASES: [string, Operator, string?][] = [
  ["≥90%", "≥"], ["≤90%", "≤"], ["=90%", "="], [">90%", ">"], ["<90%", "<"],
  ["＞＝90％", "≥", "＞＝"], ["＜＝90％", "≤", "＜＝"], ["＝90％", "=", "＝"], ["＞90％", ">", "＞"], ["＜90％", "<", "＜"],
  [">=90%", "≥", ">="], ["<=90%", "≤", "<="], ["> =90%", "≥", "> ="], ["=>90%", "≥", "=>"], ["≧90%", "≥", "≧"], ["≦90%", "≤", "≦"], ["⩾90%", "≥", "⩾"],
  ["$\\geq 90\\%$", "≥", "\\geq"], ["$\\leq 90\\%$", "≤", "\\leq"], ["$\\geqslant 90\\%$", "≥", "\\geqslant"], ["$\\ge 90\\%$", "≥", "\\ge"],
  ["不低于90%", "≥", "不低于"], ["不少于90%", "≥", "不少于"], ["至少90%", "≥", "至少"], ["90%以上", "≥", "以上"], ["90%及以上", "≥", "及以上"],
  ["90%以上（含）", "≥", "以上"], ["大于等于90%", "≥", "大于等于"],
  ["不高于5%", "≤", "不高于"], ["不超过5%", "≤", "不超过"], ["至多5%", "≤", "至多"], ["5%以内", "≤", "以内"], ["5%以下", "≤", "以下"],
  ["控制在5%", "≤", "控制在"], ["控制在5%以内", "≤", "控制在"], ["低于等于5%", "≤", "低于等于"], ["3天内", "≤", "内"],
  ["达到100%", "=", "达到"], ["高于90%", ">", "高于"], ["超过90%", ">", "超过"], ["大于90%", ">", "大于"],
  ["低于5%", "<", "低于"], ["小于5%", "<", "小于"], ["少于5天", "<", "少于"],
  ["达到60%以上", "≥", "以上"], ["满意率≥90%", "≥"], ["满意度：≥ 90%", "≥"], ["满意度不低于90%", "≥", "不低于"],
];

describe("operators", () => {
  // every row gets three entries so that jest does not take the third parameter for a done callback
  test.each(OPERATOR_CASES.map(([raw, op, opText]): [string, Operator, string | undefined] => [raw, op, opText]))("%s -> %s", (raw, op, opText) => {
    const p = parseValue(raw);
    expect(p.kind).toBe("quantitative");
    expect(p.op).toBe(op);
    expect(p.opText).toBe(opText);
  });

  it("records changes and keeps op null unless one is written", () => {
    const cases: [string, "increase" | "decrease", Operator | null, number, string][] = [
      ["下降2%", "decrease", null, 2, "%"], ["降低5%", "decrease", null, 5, "%"], ["减少10%", "decrease", null, 10, "%"],
      ["提高5%", "increase", null, 5, "%"], ["增长10%", "increase", null, 10, "%"], ["增加3个", "increase", null, 3, "个"],
      ["提升2个百分点", "increase", null, 2, "个百分点"], ["提高5个百分点", "increase", null, 5, "个百分点"],
      ["较上年增长不低于5%", "increase", "≥", 5, "%"], ["同比下降≥3%", "decrease", "≥", 3, "%"], ["增长5%以上", "increase", "≥", 5, "%"],
    ];
    for (const [raw, change, op, number, unit] of cases) {
      const p = parseValue(raw);
      expect({ raw, kind: p.kind, change: p.change, op: p.op, number: p.number, unit: p.unit }).toEqual({ raw, kind: "quantitative", change, op, number, unit });
    }
  });

  it("reads 下降至/提高到 as a level, not a change", () => {
    expect(parseValue("下降至2%")).toMatchObject({ op: "≤", number: 2, unit: "%" });
    expect(parseValue("下降至2%").change).toBeUndefined();
    expect(parseValue("提高到95%")).toMatchObject({ op: "≥", number: 95 });
  });

  it("does not take a label that contains a change word for a change", () => {
    expect(parseValue("业务时效提升率>30%").change).toBeUndefined();
    expect(parseValue("降低逾期率，零逾期率的管理部 ≥60%").change).toBeUndefined();
    expect(parseValue("增幅≤1.50%")).toMatchObject({ op: "≤", number: 1.5 });
  });
});

describe("numbers", () => {
  test.each<[string, number, string | null]>([
    ["1,000人", 1000, "人"], ["1，000人", 1000, "人"], ["1,000,000元", 1e6, "元"], ["12,345.67万元", 12345.67, "万元"], ["1 000 人", 1000, "人"],
    ["１６１人", 161, "人"], ["９０．５％", 90.5, "%"], ["0.065%", 0.065, "%"], ["≤1.50%", 1.5, "%"], ["-5%", -5, "%"], ["－5%", -5, "%"], ["−5%", -5, "%"],
    ["12210000.00", 12210000, null], ["0", 0, null], ["007", 7, null],
  ])("%s", (raw, number, unit) => {
    expect(parseValue(raw)).toMatchObject({ kind: "quantitative", number, unit });
  });

  it("keeps a negative number after an operator", () => {
    expect(read("≥-5")).toEqual(q("≥", -5, null));
  });

  it("reads a typed number as a number with no unit", () => {
    expect(read(161)).toEqual(q(null, 161, null));
    expect(read(0.25)).toEqual(q(null, 0.25, null));
    expect(read(-3)).toEqual(q(null, -3, null));
    expect(parseValue(161).raw).toBe("161");
  });

  it("reads a percent-formatted number as a percentage", () => {
    expect(read(0.25, { percentFormat: true })).toEqual(q(null, 25, "%"));
    expect(read(1, { percentFormat: true })).toEqual(q(null, 100, "%"));
    expect(read(0.955, { percentFormat: true })).toEqual(q(null, 95.5, "%"));
    expect(read(0.001, { percentFormat: true })).toEqual(q(null, 0.1, "%"));
    expect(parseValue(0.25, { percentFormat: true }).unitInfo).toEqual({ unit: "%", dimension: "percent", factor: 1, base: "%" });
    // text is read as written whatever the format
    expect(read("25%", { percentFormat: true })).toEqual(q(null, 25, "%"));
  });

  it("calls numbers that are not finite malformed", () => {
    for (const n of [NaN, Infinity, -Infinity]) expect(parseValue(n).kind).toBe("malformed");
    expect(parseValue("9".repeat(400)).kind).toBe("malformed");
  });
});

describe("units", () => {
  test.each<[string, number, string]>([
    ["200万", 200, "万"], ["30亿", 30, "亿"], ["300万册", 300, "万册"], ["=150万件", 150, "万件"], ["≥200万人次", 200, "万人次"], ["≥5万人", 5, "万人"],
    ["1.5亿元", 1.5, "亿元"], ["3千元", 3, "千元"], ["≤25万元", 25, "万元"], ["161人", 161, "人"],
    ["430 元/人", 430, "元/人"], ["≤300元/人*天", 300, "元/人·天"], ["500元/人/天", 500, "元/人·天"], ["200元/人・天", 200, "元/人·天"],
    ["=6.03万元/年", 6.03, "万元/年"], ["50万元/月", 50, "万元/月"], ["4次/年", 4, "次/年"], ["≤3200元/套", 3200, "元/套"], ["=80元/笔", 80, "元/笔"],
    ["≥100㎡", 100, "平方米"], ["≥100m²", 100, "平方米"], ["≥100平米", 100, "平方米"], ["≥13915平方米", 13915, "平方米"], ["100亩", 100, "亩"],
    ["5公里", 5, "公里"], ["3000米", 3000, "米"], ["10吨", 10, "吨"], ["100千瓦", 100, "千瓦"], ["20架次", 20, "架次"], ["3台（套）", 3, "台套"],
    ["≥90‰", 90, "‰"], ["≥90百分比", 90, "%"], ["百分之90", 90, "%"], ["≤5工作日", 5, "工作日"], ["5个工作日以内", 5, "个工作日"],
    ["12个月", 12, "个月"], ["=6月", 6, "月"], ["1年", 1, "年"], ["≥8小时", 8, "小时"], ["<8 天", 8, "天"], ["30日", 30, "日"],
    ["≥90分", 90, "分"], ["≥5名", 5, "名"], ["≥3处", 3, "处"], ["≥10篇", 10, "篇"], ["≥2批", 2, "批"], ["3所", 3, "所"], ["2座", 2, "座"],
    ["5间", 5, "间"], ["100张", 100, "张"], ["200本", 200, "本"], ["30家", 30, "家"], ["≥3种", 3, "种"], ["≥3类", 3, "类"], ["5户", 5, "户"],
    ["约100人", 100, "人"], ["100人左右", 100, "人"], ["200余项", 200, "项"], ["100多人", 100, "人"],
  ])("%s", (raw, number, unit) => {
    const p = parseValue(raw);
    expect({ kind: p.kind, number: p.number, unit: p.unit }).toEqual({ kind: "quantitative", number, unit });
    expect(p.unitInfo?.unit).toBe(unit);
  });

  it("represents a bare 万 or 亿 as a count with no base unit", () => {
    expect(parseValue("200万").unitInfo).toEqual({ unit: "万", dimension: "count", factor: 1e4, base: "" });
    expect(parseValue("30亿").unitInfo).toEqual({ unit: "亿", dimension: "count", factor: 1e8, base: "" });
  });

  it("keeps an unknown measure word as the unit without registry information", () => {
    const p = parseValue("≥5枚");
    expect(p).toMatchObject({ kind: "quantitative", op: "≥", number: 5, unit: "枚" });
    expect(parseValue("≥5辆车").kind).toBe("malformed");
  });
});

describe("dates", () => {
  test.each<[string, NonNullable<ParsedValue["date"]>, Operator | null]>([
    ["2020.12.31 日前", { year: 2020, month: 12, day: 31, bound: "before" }, null],
    ["6月底前", { month: 6, bound: "by" }, null],
    ["6 月底前", { month: 6, bound: "by" }, null],
    ["12月31日前", { month: 12, day: 31, bound: "before" }, null],
    ["12月31日之前", { month: 12, day: 31, bound: "before" }, null],
    ["12月31日以前", { month: 12, day: 31, bound: "before" }, null],
    ["12月底", { month: 12, bound: "by" }, null],
    ["2020-12-31", { year: 2020, month: 12, day: 31, bound: null }, null],
    ["2020/12/31", { year: 2020, month: 12, day: 31, bound: null }, null],
    ["2020年12月31日", { year: 2020, month: 12, day: 31, bound: null }, null],
    ["2020年12月31日前", { year: 2020, month: 12, day: 31, bound: "before" }, null],
    ["2020-12-31 00:00:00", { year: 2020, month: 12, day: 31, bound: null }, null],
    ["2020年12月", { year: 2020, month: 12, bound: null }, null],
    ["2020年底前", { year: 2020, bound: "by" }, null],
    ["2020年底前完成", { year: 2020, bound: "by" }, null],
    ["2020年", { year: 2020, bound: null }, null],
    ["2020.12前", { year: 2020, month: 12, bound: "before" }, null],
    ["12月", { month: 12, bound: null }, null],
    ["6月份", { month: 6, bound: null }, null],
    ["≤2020.12.31", { year: 2020, month: 12, day: 31, bound: "by" }, "≤"],
    ["<2020.12.31", { year: 2020, month: 12, day: 31, bound: "before" }, "<"],
    ["=2020.12.31", { year: 2020, month: 12, day: 31, bound: "on" }, "="],
    ["不晚于2020年12月31日", { year: 2020, month: 12, day: 31, bound: "by" }, "≤"],
    ["截止2020年12月31日", { year: 2020, month: 12, day: 31, bound: "by" }, null],
    ["完成时间：2020年6月底前", { year: 2020, month: 6, bound: "by" }, null],
    ["２０２０年１２月３１日前", { year: 2020, month: 12, day: 31, bound: "before" }, null],
  ])("%s", (raw, date, op) => {
    const p = parseValue(raw);
    expect({ kind: p.kind, op: p.op, number: p.number, unit: p.unit, date: p.date }).toEqual({ kind: "date", op, number: null, unit: null, date });
  });

  it("reads a month with an operator as a duration and a decimal as a number", () => {
    expect(read("=12月")).toEqual(q("=", 12, "月"));
    expect(read("≤6月")).toEqual(q("≤", 6, "月"));
    expect(read("2020.12")).toEqual(q(null, 2020.12, null));
    expect(read("12个月")).toEqual(q(null, 12, "个月"));
  });

  it("calls impossible dates and dates followed by prose malformed", () => {
    expect(parseValue("2020-13-01")).toMatchObject({ kind: "malformed", problem: "日期无效" });
    expect(parseValue("2021.2.29")).toMatchObject({ kind: "malformed", problem: "日期无效" });
    expect(parseValue("2020.2.29").kind).toBe("date");
    expect(parseValue("2020.12.31前完成全部工作").kind).toBe("malformed");
  });

  it("reads a period given as its two ends, the work due by the second (2023.07-2024.01 from a scan: blind round 4, 湘潭)", () => {
    for (const [raw, year, month] of [["2023.07-2024.01", 2024, 1], ["2023.7.1-2023.12.31", 2023, 12], ["2020年1月--2020年11月", 2020, 11]] as const)
      expect({ input: raw, ...parseValue(raw) }).toMatchObject({ input: raw, kind: "date", date: { year, month, bound: "by" } });
    // mixed separators are no date (2023.07-20 is not the 20th of July) and decimals stay numbers
    expect(parseValue("2023.07-2022.01").kind).toBe("malformed");
    expect(parseValue("10.5-12.5").kind).toBe("malformed");
    expect(read("2023.12")).toEqual(q(null, 2023.12, null));
  });

  it("suggests half-width digits for a full-width date", () => {
    expect(parseValue("２０２０年１２月３１日前").normalised).toBe("2020年12月31日前");
  });
});

describe("qualitative values", () => {
  test.each(["明显提高", "充分", "合规", "及时", "较高", "进一步改善", "按月及时发放", "序时进度", "不低于上年", "以上", "有效", "无"])("%s", (raw) => {
    expect(read(raw)).toEqual({ kind: "qualitative", op: null, number: null, unit: null });
  });
});

describe("placeholders", () => {
  test.each([
    "n", "N", "n%", "N%", "x", "X", "XX", "xx", "xx%", "XX%", "××", "×", "*", "**", "***", "*%", "待定", "待填写", "请填写", "待补充", "TBD", "tbd",
    "是/否", "是", "否", "是否", "？", "?", "—", "——", "-", "/", "≥n%", "≥XX%", "XX万元", "n个", "N人次", "ｎ％", "指标值待定", "√",
  ])("%s", (raw) => {
    const p = parseValue(raw);
    expect(p.kind).toBe("placeholder");
    expect(p.problem).toBeTruthy();
  });

  it("takes the workbook's own placeholder words", () => {
    expect(parseValue("另行通知").kind).toBe("qualitative");
    expect(parseValue("另行通知", { placeholderWords: ["另行通知"] }).kind).toBe("placeholder");
    expect(parseValue("指标值：另行通知", { placeholderWords: ["另行通知"] }).kind).toBe("placeholder");
    expect(parseValue("Q", { placeholderWords: ["q"] }).kind).toBe("placeholder");
    expect(parseValue("≥90%", { placeholderWords: ["", "  "] }).kind).toBe("quantitative");
  });

  it("treats a boolean cell as a 是/否 placeholder", () => {
    expect(parseValue(true)).toMatchObject({ kind: "placeholder", raw: "TRUE", op: null, number: null });
    expect(parseValue(false)).toMatchObject({ kind: "placeholder", raw: "FALSE" });
  });
});

describe("the achievement after the number", () => {
  it("reads 100%完成, 100%覆盖, ≥95%达标 as the number (the word says what the number says, as 完成100% does)", () => {
    expect(read("100%完成")).toEqual(q(null, 100, "%"));
    expect(read("100%覆盖")).toEqual(q(null, 100, "%"));
    expect(read("≥95%达标")).toEqual(q("≥", 95, "%"));
  });
});

describe("malformed values", () => {
  test.each<[string, RegExp]>([
    ["≥100按规定执行", /多余文字“按规定执行”/],
    ["100%按时完成", /多余文字/],
    ["开展宣传工作,先后举办活动5场;成立研究中心,推动申遗工作。", /一段文字/],
    ["≥", /没有数值/],
    ["≥上年", /没有数值/],
    ["≥%", /没有数值/],
    ["≥≤90%", /两个运算符/],
    ["≥≥90", /两个运算符/],
    ["≥=90", /两个运算符/],
    ["≥ ≥ 90", /两个运算符/],
    ["≤90%以上", /矛盾/],
    ["90%-95%", /范围/],
    ["90-95%", /范围/],
    ["90%～95%", /范围/],
    ["3至5天", /范围/],
    ["1-6月", /范围/],
    ["≥90%，≥95%", /多个数值/],
    ["90 95", /多个数值/],
    ["≥90百分百", /百分百/],
    ["≥90百分号", /百分号/],
    ["元/人", /只有单位/],
    ["5G网络", /多余文字/],
  ])("%s", (raw, problem) => {
    const p = parseValue(raw);
    expect(p.kind).toBe("malformed");
    expect(p.problem).toMatch(problem);
  });

  it("still reports what it could read", () => {
    expect(parseValue("≥100按规定执行")).toMatchObject({ op: "≥", number: 100, unit: null });
    expect(parseValue("≥")).toMatchObject({ op: "≥", number: null });
    expect(parseValue("≥90百分百")).toMatchObject({ op: "≥", number: 90, unit: "%", normalised: "≥90%" });
  });
});

describe("normalised spelling", () => {
  test.each<[string, string | undefined]>([
    ["≥90百分比", "≥90%"],
    ["≥90 百分比", "≥90%"],
    ["≥90百分百", "≥90%"],
    ["百分之90", "90%"],
    ["≥90百分号", "≥90%"],
    ["百分百", "100%"],
    ["＞＝90％", "≥90%"],
    ["≧90%", "≥90%"],
    [">=90%", "≥90%"],
    ["<= 25万元", "≤ 25万元"],
    ["=>90%", "≥90%"],
    ["１６１人", "161人"],
    ["$\\geq 90\\%$", "≥90%"],
    ["≥90%", undefined],
    ["≥ 90 %", undefined],
    ["90%以上（含）", undefined],
    ["≤300元/人*天", undefined],
    ["明显提高", undefined],
  ])("%s -> %s", (raw, normalised) => {
    expect(parseValue(raw).normalised).toBe(normalised);
  });
});

describe("edges", () => {
  it("reads nothing as empty", () => {
    for (const raw of ["", " ", "   ", "\t\n", "\u3000", "\u00a0", "\u200b", "<br>", null]) {
      const p = parseValue(raw);
      expect(p).toEqual({ raw: raw ?? "", kind: "empty", op: null, number: null, unit: null, unitInfo: null });
    }
  });

  it("keeps raw exactly as given", () => {
    for (const raw of ["  ≥ 90 %  ", "＞＝90％", "$\\geq 90\\%$", "明显提高\n", "n%"]) expect(parseValue(raw).raw).toBe(raw);
  });

  it("ignores markup left by exports", () => {
    expect(read("<b>≥90%</b>")).toEqual(q("≥", 90, "%"));
    expect(read("<p>161人</p>")).toEqual(q(null, 161, "人"));
  });

  it("copes with huge cells quickly", () => {
    const huge = ["明显提高".repeat(10_000), "1".repeat(40_000), "≥".repeat(40_000), "≥90%" + "以上".repeat(20_000), "a1".repeat(20_000), "(".repeat(40_000) + "1"];
    const start = Date.now();
    for (const raw of huge) expect(() => parseValue(raw)).not.toThrow();
    expect(parseValue(huge[0]).kind).toBe("qualitative");
    expect(parseValue(huge[1]).kind).toBe("malformed");
    expect(parseValue(huge[2]).kind).toBe("malformed");
    expect(parseValue(huge[2]).problem?.length).toBeLessThan(40);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it("never throws and always returns a well-formed result", () => {
    const kinds = new Set<ValueKind>(["quantitative", "date", "qualitative", "placeholder", "malformed", "empty"]);
    const ops = new Set<Operator | null>(["≥", "≤", "=", ">", "<", null]);
    const valueChars = fc.constantFrom(..."0123456789.,-%≥≤=<>＞＝＜％０９ 万元人次个月年日前底以上下内不低于提高下降百分比\\$geq/*·nX×待定是否（）()—".split(""));
    const arbitraryInput = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.array(valueChars).map((cs) => cs.join("")),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(arbitraryInput, fc.boolean(), (input, percentFormat) => {
        const p = parseValue(input, { percentFormat });
        expect(kinds.has(p.kind)).toBe(true);
        expect(ops.has(p.op)).toBe(true);
        expect(typeof p.raw).toBe("string");
        if (typeof input === "string") expect(p.raw).toBe(input);
        if (p.kind === "quantitative") expect(typeof p.number).toBe("number");
        if (p.kind === "date") expect(p.date).toBeDefined();
        if (p.unitInfo) expect(p.unit).toBe(p.unitInfo.unit);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts values that are not strings at run time", () => {
    expect(() => parseValue(undefined as unknown as null)).not.toThrow();
    expect(parseValue(undefined as unknown as null).kind).toBe("empty");
    expect(() => parseValue({} as unknown as string)).not.toThrow();
  });
});
