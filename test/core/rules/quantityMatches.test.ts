/**
 * consistency.goal-vs-table reads quantities out of goal texts with a regex; quantityMatches tries
 * it only at the positions that can reach a number (issue 7). It must find exactly what the plain
 * global search finds, on any text.
 */
import fc from "fast-check";
import { quantityMatches } from "../../../src/core/rules/consistency";

const PLAIN = /([\u4e00-\u9fa5、A-Za-z]{2,20}?)\s*(?:达到|为|不低于|不少于|≥|≤|=)?\s*(\d+(?:\.\d+)?\s*(?:万|亿)?(?:人次|册|人|件|次|个|场|户|套|台|辆|条|份|项|笔|家|所|期|天|%))/g;

const plain = (t: string) => [...t.matchAll(PLAIN)].map((m) => [m.index, m[0], m[1], m[2]]);
const fast = (t: string) => quantityMatches(t).map((m) => [m.index, m[0], m[1], m[2]]);

const PIECES = ["印制", "明白卡", "宣传册", "培训人数", "达到", "为", "不低于", "不少于", "≥", "≤", "=", " ", "  ", "\t", "\u3000", "、", "，", "。", "ab", "X", "1", "100", "2.5", "万", "亿", "人次", "册", "人", "%", "天", "元", "年", "（", "）"];

describe("quantityMatches", () => {
  it("finds what matchAll finds, on texts made of the pattern's own pieces", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const t = parts.join("");
        expect(fast(t)).toEqual(plain(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds what matchAll finds, on long runs of words before a number", () => {
    for (let words = 0; words <= 30; words++)
      for (const gap of ["", " ", "   ", "不少于", " ≥ "]) {
        const t = `${"项".repeat(words)}${gap}100人，另有${"目".repeat(words)}5册`;
        expect(fast(t)).toEqual(plain(t));
      }
  });

  it("reads a goal text", () => {
    expect(fast("年度绩效目标：印制宣传册、明白卡100万册，培训人数不少于 50人")).toEqual(plain("年度绩效目标：印制宣传册、明白卡100万册，培训人数不少于 50人"));
    expect(fast("年度绩效目标：印制宣传册、明白卡100万册").map((m) => [m[2], m[3]])).toEqual([["印制宣传册、明白卡", "100万册"]]);
  });
});
