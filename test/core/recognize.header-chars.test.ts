/**
 * findHeaders skips a cell whose text has none of HEADER_CHARS before working out its label key
 * (issue 7: that key was computed for every filled cell of a sheet). Every header synonym must
 * therefore contain one of those characters: here every spelling that GRID_HEADER_WORDS accepts.
 */
import { HEADER_CHARS, roleOfHeader } from "../../src/core/recognize/header";

const opt = (...xs: string[]) => ["", ...xs];
const cross = (...parts: string[][]) => parts.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), [""]);

const SYNONYMS: [string, string[]][] = [
  ["level1", [...cross(["一级"], opt("绩效"), ["指标"], opt("名称")), "一级"]],
  ["level2", [...cross(["二级"], opt("绩效"), ["指标"], opt("名称")), "二级"]],
  ["level3", [...cross(["三级"], opt("绩效"), ["指标"], opt("名称")), "三级", "指标名称", "绩效指标", "绩效指标名称", "具体指标", "指标", "评价内容", "评价指标", "绩效内容"]],
  ["description", ["绩效指标描述", "指标描述", "指标解释", "指标说明", "指标值说明", "指标内容", "指标定义", "计算口径", "指标值内容", "指标内容/计算公式", "计算公式"]],
  ["halfValue", cross(["半年"], opt("(程)"), opt("度"), ["指标值", "目标值"], opt("(万元)"))],
  ["midValue", ["中期指标值", "中期目标值"]],
  ["priorValue", ["2021年实际实现值", "上年实际完成值", "上年度实际水平"]],
  ["value", [...cross(opt("全年", "年度", "全年(程)度", "年度度"), ["指标值", "目标值"], opt("(%)")), "预期目标值", "计划目标值", "年度数值", "指标目标值", "指标值及单位", "预期2022年实现值", "本年度计划水平", "计划水平"]],
  ["unit", ["计量单位", "度量单位", "单位"]],
  ["operator", ["运算符", "运算符号", "计算符号", "指标性质", "符号", "比较符", "指标值类型"]],
  ["direction", ["指标方向", "指标方向性", "方向"]],
  ["weight", ["权重", "分值", "权重(%)", "分值(分)", "指标权重"]],
  ["basis", ["指标值确定依据", "取值依据", "指标值设定依据", "确定依据", "指标值来源", "指标值依据", "设定依据", "评价标准", "评分标准", "绩效标准", "指标标准或依据", "参考标准"]],
  ["note", ["备注"]],
];

describe("HEADER_CHARS", () => {
  it.each(SYNONYMS)("is in every %s header synonym", (role, keys) => {
    for (const k of keys) {
      expect([k, roleOfHeader(k)]).toEqual([k, role]);
      expect([k, HEADER_CHARS.test(k)]).toEqual([k, true]);
    }
  });
});
