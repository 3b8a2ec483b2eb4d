import { FRAMEWORKS } from "../../src/core/frameworks/data";
import { detectFramework, labelMeanings, suggestLabel } from "../../src/core/frameworks/labels";

describe("labels and frameworks", () => {
  it("reads label spellings from the seeds with and without 指标/目标", () => {
    expect(labelMeanings("产出指标")).toEqual([{ level: 1, key: "产出" }]);
    expect(labelMeanings("效果目标")).toEqual([{ level: 1, key: "效益" }]);
    expect(labelMeanings("可持续性影响")).toEqual([{ level: 2, key: "可持续影响" }]);
    expect(labelMeanings("环境效益")).toEqual([{ level: 2, key: "生态效益" }]);
    expect(labelMeanings("成本指标").map((m) => m.level).sort()).toEqual([1, 2]);
    expect(labelMeanings("服务对象满意度指标")).toEqual([{ level: 2, key: "服务对象满意度" }]);
    expect(labelMeanings("一 级 指标")).toEqual([]);
  });
  it("suggests the label an OCR typo meant (seed 002 厂口目标)", () => {
    const four = FRAMEWORKS.find((f) => f.id === "four-goal");
    expect(suggestLabel("厂口目标", 1, four)).toBe("产出目标");
  });
  it("detects each framework from its labels", () => {
    const seen = (l1: string[], l2: string[]) => [...l1.map((text) => ({ text, column: 1 as const })), ...l2.map((text) => ({ text, column: 2 as const }))];
    expect(detectFramework(seen(["产出指标", "效果指标", "满意度指标"], ["数量指标", "成本指标", "社会效益指标"])).id).toBe("common");
    // 成本指标 written in the 一级 column alone does not make a core-2021 table (seed 000 table 3)
    expect(detectFramework([...seen(["产出指标", "效果指标", "满意度指标", "成本指标"], ["数量指标", "社会效益指标"])]).id).toBe("common");
    expect(detectFramework(seen(["成本指标", "产出指标", "效益指标", "满意度指标"], ["经济成本指标", "数量指标"])).id).toBe("core-2021");
    expect(detectFramework(seen(["决策", "过程", "产出指标"], ["项目立项", "资金管理"])).id).toBe("evaluation");
    expect(detectFramework(seen(["投入与目标管理", "产出目标", "效果目标", "影响力目标"], ["投入管理", "长效管理"])).id).toBe("four-goal");
  });
});
