import { FRAMEWORKS } from "../../src/core/frameworks/data";
import { FRAMEWORK_IDS } from "../../src/core/frameworks/ids";
import { detectFramework, labelMeanings, suggestLabel } from "../../src/core/frameworks/labels";

describe("labels and frameworks", () => {
  it("defines every framework id once, in the order of FRAMEWORK_IDS", () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
  });

  it("reads label spellings from the seeds with and without 指标/目标", () => {
    // 一级 in the common frameworks, 二级 under 实施效果 in the NDRC investment tables
    expect(labelMeanings("产出指标")).toEqual([
      { level: 1, key: "产出" },
      { level: 2, key: "产出" },
    ]);
    expect(labelMeanings("效果目标")).toEqual([
      { level: 1, key: "效益" },
      { level: 2, key: "效益" },
    ]);
    expect(labelMeanings("可持续性影响")).toEqual([{ level: 2, key: "可持续影响" }]);
    expect(labelMeanings("环境效益")).toEqual([{ level: 2, key: "生态效益" }]);
    expect(labelMeanings("成本指标").map((m) => m.level).sort()).toEqual([1, 2]);
    expect(labelMeanings("服务对象满意度指标")).toEqual([
      { level: 2, key: "服务对象满意度" },
      { level: 2, key: "满意度" },
    ]);
    expect(labelMeanings("一 级 指标")).toEqual([]);
  });
  it("reads the common framework written in other words (corpus tables)", () => {
    const l2 = (text: string) => labelMeanings(text).filter((m) => m.level === 2).map((m) => m.key);
    const l1 = (text: string) => labelMeanings(text).filter((m) => m.level === 1).map((m) => m.key);
    expect(l1("产出值")).toEqual(["产出"]); // 值 for 指标 (Shandong)
    expect(l2("数量值")).toEqual(["数量"]);
    expect(l2("可持续影响值")).toEqual(["可持续影响"]);
    expect(l2("数量指标 (必填硬性指标)")).toEqual(["数量"]); // a tag in brackets (Ningxia)
    expect(l2("经济效益 指标 (选填)")).toEqual(["经济效益"]);
    expect(l2("数量指标(或建筑规模指标)")).toEqual(["数量"]);
    expect(l2("成本指标(0-20)分").concat(l1("成本指标(0-20)分"))).toEqual(["成本", "成本"]); // a score
    expect(l1("预期产出指标")).toEqual(["产出"]);
    expect(l1("项目效益指标")).toEqual(["效益"]);
    expect(l2("产出数量指标")).toEqual(["数量"]); // a 二级 written with its 一级 (Hebei)
    expect(l2("服务对象满意度指标等")).toEqual(["服务对象满意度", "满意度"]);
    expect(labelMeanings("制度指标")).toEqual([]);
  });
  it("detects the NDRC investment framework by 实施效果 / 过程管理", () => {
    const seen = (l1: string[], l2: string[]) => [...l1.map((text) => ({ text, column: 1 as const })), ...l2.map((text) => ({ text, column: 2 as const }))];
    expect(detectFramework(seen(["实施效果指标", "过程管理指标"], ["产出指标", "效益指标", "满意度指标", "资金管理指标", "项目管理指标"])).id).toBe("ndrc-investment");
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
