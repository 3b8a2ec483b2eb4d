/**
 * The number-format renderer (src/core/numberFormat.ts) and displayText on top of it. Expected
 * texts are what LibreOffice 7 shows for the same value and format (checked by converting a
 * workbook of these cells to CSV; test/host/xlsx/displayText.test.ts repeats that check where
 * soffice is installed), except where a comment says Jixiao draws differently on purpose.
 */
import { displayText, isDateFormat, isPercentFormat } from "../../src/core/cellDisplay";
import { decimalDigits, formatNumber, formatText, numberShape, roundedParts } from "../../src/core/numberFormat";

describe("formatNumber: what Excel shows", () => {
  it.each([
    // units after the number
    [12, '0"月"', "12月"],
    [15, '0"个工作日"', "15个工作日"],
    [3, '0"年"', "3年"],
    [1003.82, '#,##0.00"万元"', "1,003.82万元"],
    [1003.8234, '0.00"万元"', "1003.82万元"],
    [12, '0.00"万元"', "12.00万元"],
    [1234, '#,##0"人"', "1,234人"],
    [1234567.891, '#,##0.00"元"', "1,234,567.89元"],
    [99.999, '0.00"分"', "100.00分"],
    [1.005, '0.00"元"', "1.01元"], // rounded on 15 significant digits, half away from zero
    [2.675, '0.00"元"', "2.68元"],
    [12, 'General"人"', "12人"],
    [5, '"第"0"名"', "第5名"],
    [5, "\\第0\\名", "第5名"],
    [5, '0" ""个"', "5 个"],
    [5, '0_)"个"', "5 个"],
    [7, '000"号"', "007号"],
    [123, "0000", "0123"],
    // percent
    [0.995, "0.0%", "99.5%"],
    [0.3, "0.00%", "30.00%"],
    [0.955, "0%", "96%"],
    [0.12345, "0.00%", "12.35%"],
    [0.005, "0%", "1%"],
    [-0.25, "0%", "-25%"],
    [0.05, '0%"以上"', "5%以上"],
    [0.95, "≥0%", "≥95%"],
    [95, '"≥"0"%"', "≥95%"],
    [5, "0\\%", "5%"], // an escaped percent sign does not multiply
    // thousands and scaling
    [1234567, '#,##0,"千"', "1,235千"],
    [12200000, '0.0,,"百万"', "12.2百万"],
    // optional digits
    [0.5, '#.00"元"', ".50元"],
    [0.5, '0.##"元"', "0.5元"],
    [12, '0.##"元"', "12元"],
    [12.3, '0.0#"元"', "12.3元"],
    // sections
    [-5, '0"人";-0"人";"无"', "-5人"],
    [0, '0"人";-0"人";"无"', "无"],
    [5, '0"人";-0"人";"无"', "5人"],
    [-5, '0"人";"减少"0"人"', "减少5人"],
    [-5, "0;(0)", "(5)"],
    [-5, '0"月"', "-5月"],
    [-0.001, '0"月"', "0月"], // rounds to zero: no minus sign
    [-1234.5, '#,##0.0"万元"', "-1,234.5万元"],
    [5, ";;;", ""],
    [0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"],
    // colours, conditions, currency
    [12, '[Red]0"个"', "12个"],
    [12, '[Blue][>10]0"多";[Red]0"少"', "12多"],
    [8, '[Blue][>10]0"多";[Red]0"少"', "8少"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [1234.5, '"￥"#,##0.00', "￥1,234.50"],
    [1234.5, "¥#,##0.00", "¥1,234.50"],
    // big numbers: 15 significant digits, then zeros
    [1e15, '0"元"', "1000000000000000元"],
    [123456789012345680, '0"元"', "123456789012346000元"],
  ])("%p under %s is %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it.each([
    [44926, 'yyyy"年"m"月"d"日"', "2022年12月31日"],
    [44926, "yyyy年m月d日", "2022年12月31日"], // 年月日 without quotes
    [44926, 'yyyy"年"m"月"d"日";@', "2022年12月31日"],
    [44926, "yyyy-mm-dd", "2022-12-31"],
    [44926, "[$-804]yyyy年m月", "2022年12月"],
    [44197, 'yyyy"年"mm"月"dd"日"', "2021年01月01日"],
    [44926, 'm"月"d"日"', "12月31日"],
    [44926, "yyyy/m/d", "2022/12/31"],
    [44926, "[$-804]aaaa", "星期六"],
    [44926, "[$-804]yyyy/m/d aaa", "2022/12/31 六"],
    [44926.75, "yyyy-mm-dd hh:mm:ss", "2022-12-31 18:00:00"],
    [44926.5208, 'yyyy"年"m"月"d"日" h"时"mm"分"', "2022年12月31日 12时29分"],
    [0.5, "h:mm", "12:00"],
    [0.75, "hh:mm:ss", "18:00:00"],
    [44926.75, "h:mm AM/PM", "6:00 PM"],
    [44926.75, '上午/下午 h"时"mm"分"', "下午 6时00分"],
    [1.5, "[h]:mm", "36:00"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    [60, "yyyy-mm-dd", "1900-02-29"], // Excel's fictitious day
  ])("date %p under %s is %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it("draws dates not in year-month-day order (the locale's built-in short dates) as 2022-12-31", () => {
    // LibreOffice (en-US) shows 12/31/2022; Chinese Excel shows the same stored format as 2022/12/31
    expect(formatNumber(44926, "m/d/yyyy")).toBe("2022-12-31");
    expect(formatNumber(44926, "mm-dd-yy")).toBe("2022-12-31");
    expect(formatNumber(44926.5, "m/d/yy h:mm")).toBe("2022-12-31 12:00");
    expect(formatNumber(44926, "[$-F800]dddd, mmmm dd, yyyy")).toBe("2022-12-31");
  });

  it("leaves to the caller what it does not draw", () => {
    expect(formatNumber(12, "@")).toBeNull(); // a text format: the number as it is
    expect(formatNumber(12, "0.0E+00")).toBeNull();
    expect(formatNumber(1.5, "# ?/?")).toBeNull();
    expect(formatNumber(-1e308, "0%")).toBeNull(); // ×100 overflows
    expect(formatNumber(-3, "yyyy-mm-dd")).toBeNull(); // Excel shows #####
    expect(formatNumber(3e6, "yyyy-mm-dd")).toBeNull(); // past 9999-12-31
    expect(formatNumber(Infinity, "0")).toBeNull();
  });

  it("pads zeros only when asked", () => {
    expect(formatNumber(0.3, "0.00%", { padZeros: false })).toBe("30%");
    expect(formatNumber(0.305, "0.00%", { padZeros: false })).toBe("30.5%");
    expect(formatNumber(12, '0.00"万元"', { padZeros: false })).toBe("12万元");
    expect(formatNumber(12.5, '#,##0.00"万元"', { padZeros: false })).toBe("12.5万元");
    expect(formatNumber(7, '000"号"', { padZeros: false })).toBe("007号"); // leading zeros are content
  });
});

describe("formatText: the text section", () => {
  it.each([
    ["abc", '0;-0;0;"项目："@', "项目：abc"],
    ["abc", '"编号"@', "编号abc"],
    ["abc", '@"元"', "abc元"],
    ["abc", "@", "abc"],
    ["abc", '0"月"', "abc"], // no text section: text is not affected
    ["abc", '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "abc"],
    [" abc ", "@", " abc "], // the user's own spaces stay
  ])("%p under %s is %p", (value, format, shown) => {
    expect(formatText(value, format)).toBe(shown);
  });
});

describe("numberShape", () => {
  it.each([
    [12, '0"月"', "words"],
    [0.5, "0%", "percent"],
    [0.5, '0%"以上"', "words"],
    [44926, "yyyy-mm-dd", "date"],
    [0.5, "h:mm", "time"],
    [12, "0.00", "plain"],
    [12, "#,##0.00_);(#,##0.00)", "plain"],
    [-12, "#,##0.00_);(#,##0.00)", "plain"],
    [0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "plain"],
    [0, '0;-0;"无"', "words"],
    [5, ";;;", "hidden"],
    [12, "@", "plain"],
    [12, "General", "plain"],
    [1234.5, "[$¥-804]#,##0.00", "words"],
  ])("%p under %s: %s", (value, format, shape) => {
    expect(numberShape(value, format)).toBe(shape);
  });
});

describe("isDateFormat and isPercentFormat", () => {
  it("a unit written with 年/月/日 is no date", () => {
    for (const f of ['0"月"', '0"年"', '0"个工作日"', '0"日"', "0月", '#,##0"个月"', '0.0"年度"']) expect(isDateFormat(f)).toBe(false);
  });

  it("dates in every spelling are", () => {
    for (const f of ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy年m月d日", "m/d/yyyy", "mm-dd-yy", "[$-804]yyyy年m月", '[$-804]yyyy"年"m"月"d"日";@', "d-mmm-yy", 'm"月"d"日"', "YYYY-MM-DD", "yyyy/m/d h:mm"]) {
      expect(isDateFormat(f)).toBe(true);
    }
  });

  it("a time of day alone, General and plain numbers are not", () => {
    for (const f of ["h:mm", "hh:mm:ss", "[h]:mm", "General", "0.00", "0%", "@", null, undefined, ""]) expect(isDateFormat(f)).toBe(false);
  });

  it("a percent sign counts outside quotes and escapes", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%;-0.00%")).toBe(true);
    expect(isPercentFormat('"≥"0%')).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat('"%"0')).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
  });
});

describe("displayText", () => {
  it("shows a number with a unit as the unit says, not as a date", () => {
    expect(displayText(12, '0"月"')).toBe("12月");
    expect(displayText(12, "0月")).toBe("12月");
    expect(displayText(3, '0"年"')).toBe("3年");
    expect(displayText(15, '0"个工作日"')).toBe("15个工作日");
    expect(displayText(1003.82, '#,##0.00"万元"')).toBe("1,003.82万元");
    expect(displayText(1234, '#,##0"人"')).toBe("1,234人");
  });

  it("drops the zeros a format only pads (Excel: 30.00%, 12.00万元)", () => {
    expect(displayText(0.3, "0.00%")).toBe("30%");
    expect(displayText(12, '0.00"万元"')).toBe("12万元");
    expect(displayText(1234.5, "[$¥-804]#,##0.00")).toBe("¥1,234.5");
    expect(displayText(0.995, "0.0%")).toBe("99.5%");
    expect(displayText(0.955, "0%")).toBe("96%"); // rounded as shown
  });

  it("shows dates as their format draws them", () => {
    expect(displayText(44926, 'yyyy"年"m"月"d"日"')).toBe("2022年12月31日");
    expect(displayText(44926, "yyyy-mm-dd")).toBe("2022-12-31");
    expect(displayText(44926, "m/d/yyyy")).toBe("2022-12-31");
    expect(displayText(44926, "[$-804]yyyy年m月")).toBe("2022年12月");
  });

  it("shows other numbers plainly", () => {
    expect(displayText(12210000, "0.00")).toBe("12210000");
    expect(displayText(12210000, "#,##0.00")).toBe("12210000");
    expect(displayText(1003.8234, "0.00")).toBe("1003.8234");
    expect(displayText(-5, "0;(0)")).toBe("-5");
    expect(displayText(-5, "#,##0.00_);[Red](#,##0.00)")).toBe("-5");
    expect(displayText(0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')).toBe("0");
    expect(displayText(12, "@")).toBe("12");
    expect(displayText(12, "0.0E+00")).toBe("12");
    expect(displayText(0.1 + 0.2, "General")).toBe("0.3");
    expect(displayText(-1e308, "0%")).toBe("-1e+308");
  });

  it("shows a zero section's word, and nothing for a hidden value", () => {
    expect(displayText(0, '0"人";-0"人";"无"')).toBe("无");
    expect(displayText(5, ";;;")).toBe("");
  });

  it("shows a text under a text section", () => {
    expect(displayText("abc", '"编号"@')).toBe("编号abc");
    expect(displayText("≥90%", '0"月"')).toBe("≥90%");
    expect(displayText("x")).toBe("x");
  });
});

describe("decimal digits", () => {
  it("keeps 15 significant digits and places the point", () => {
    expect(decimalDigits(1003.82)).toEqual({ digits: "100382", intLen: 4 });
    expect(decimalDigits(0.005)).toEqual({ digits: "5", intLen: -2 });
    expect(decimalDigits(0.1 + 0.2)).toEqual({ digits: "3", intLen: 0 });
    expect(decimalDigits(0)).toEqual({ digits: "", intLen: 0 });
    expect(decimalDigits(1e20)).toEqual({ digits: "1", intLen: 21 });
  });

  it("rounds half away from zero after shifting", () => {
    expect(roundedParts(0.995, 2, 1)).toEqual({ int: "99", frac: "5" });
    expect(roundedParts(9.995, 0, 2)).toEqual({ int: "10", frac: "00" });
    expect(roundedParts(0.4, 0, 0)).toEqual({ int: "", frac: "" });
    expect(roundedParts(0.5, 0, 0)).toEqual({ int: "1", frac: "" });
    expect(roundedParts(0.0004, 0, 2)).toEqual({ int: "", frac: "00" });
  });
});
