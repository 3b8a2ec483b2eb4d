/** The read model's level labels: as written, with a label printed one character at a time closed up. */
import { gridFromRows } from "../../src/core/grid";
import { validate } from "../../src/core/engine";
import { readModelOf } from "../../src/core/readModel";
import { closeLetterSpacing } from "../../src/core/text";

describe("closeLetterSpacing", () => {
  it("closes a label spaced out character by character, and leaves a space within a label as written", () => {
    expect(closeLetterSpacing("产 出 指 标")).toBe("产出指标");
    expect(closeLetterSpacing("效\u3000益\u3000指\u3000标")).toBe("效益指标");
    expect(closeLetterSpacing("经济效益 指标")).toBe("经济效益 指标");
    expect(closeLetterSpacing("产出指标")).toBe("产出指标");
    expect(closeLetterSpacing("≥ 90 %")).toBe("≥ 90 %");
  });
});

describe("read model levels", () => {
  it("gives a vertical 一级 label printed spaced out (monitoring 01, 黄石) as the label it is", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目名称", "非遗展示", "预算数(万元)", 20],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产 出 指 标", "数量指标", "展演场次", "≥10场"],
      [null, "质量指标", "展演合格率", "≥95%"],
      ["效 益 指 标", "社会效益 指标", "观众人次", "≥2000人次"],
      ["满意度指标", "服务对象满意度指标", "观众满意度", "≥90%"],
    ]);
    const m = readModelOf(validate([grid]).tables[0]);
    expect(m.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["产出指标", "质量指标"],
      ["效益指标", "社会效益 指标"],
      ["满意度指标", "服务对象满意度指标"],
    ]);
  });
});
