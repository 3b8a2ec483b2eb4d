import { columnLetters, columnNumber, parseA1, parseRangeA1, qualifiedAddress, rangeToA1, serialToDate, toA1, valueAt } from "../../src/core/grid";
import { displayText } from "../../src/core/cellDisplay";

describe("A1 helpers", () => {
  it("converts columns both ways", () => {
    for (const [n, s] of [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [703, "AAA"], [16384, "XFD"]] as const) {
      expect(columnLetters(n)).toBe(s);
      expect(columnNumber(s)).toBe(n);
    }
    expect(() => columnLetters(0)).toThrow(RangeError);
  });
  it("reads and writes addresses and ranges", () => {
    expect(toA1(13, 5)).toBe("E13");
    expect(parseA1("$E$13")).toEqual({ row: 13, col: 5 });
    expect(parseRangeA1("F30:A5")).toEqual({ top: 5, left: 1, bottom: 30, right: 6 });
    expect(rangeToA1({ top: 5, left: 1, bottom: 30, right: 6 })).toBe("A5:F30");
    expect(rangeToA1({ top: 2, left: 2, bottom: 2, right: 2 })).toBe("B2");
    expect(() => parseA1("13E")).toThrow(RangeError);
  });
  it("quotes sheet names that need it", () => {
    expect(qualifiedAddress("绩效目标", "A1")).toBe("绩效目标!A1");
    expect(qualifiedAddress("01 宣传费", "A1")).toBe("'01 宣传费'!A1");
    expect(qualifiedAddress("O'Brien", "B2")).toBe("'O''Brien'!B2");
  });
});

describe("display text", () => {
  it("shows percent-formatted numbers as percentages and dates as dates", () => {
    expect(displayText(0.1, "0%")).toBe("10%");
    expect(displayText(0.3, "0.00%")).toBe("30%");
    expect(displayText(1, "0%")).toBe("100%");
    expect(displayText(12210000, "0.00")).toBe("12210000");
    expect(displayText(44196, "yyyy-mm-dd")).toBe("2020-12-31");
    expect(displayText(0.1 + 0.2, null)).toBe("0.3");
    expect(displayText(true)).toBe("TRUE");
    expect(displayText("#REF!")).toBe("#REF!");
    expect(displayText(null)).toBe("");
  });
  it("converts Excel serial dates across the 1900 leap-year bug", () => {
    expect(serialToDate(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(serialToDate(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(serialToDate(43831)).toEqual({ y: 2020, m: 1, d: 1 });
  });
  it("reads values in sheet coordinates from a grid with an origin", () => {
    const g = { sheet: "S", origin: { row: 3, col: 2 }, cells: [["a", "b"], [null, 5]] };
    expect(valueAt(g, 3, 2)).toBe("a");
    expect(valueAt(g, 4, 3)).toBe(5);
    expect(valueAt(g, 1, 1)).toBeNull();
    expect(valueAt(g, 10, 10)).toBeNull();
  });
});
