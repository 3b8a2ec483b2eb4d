/**
 * Recognition of template variants the seeds do not show: separate 运算符 / 计量单位 / 权重 columns,
 * 指标值说明 as the description, 半年/全年 columns with an operator column — and the recognizer bugs
 * these grids found, one test each.
 */
import { validate } from "../../src/core/engine";
import { recognizeTables } from "../../src/core/recognize";
import { operatorInColumn } from "../../src/core/recognize";
import { buildTableInfo, cleanRows, cleanSpec } from "../helpers/tableBuilder";

const HEADER = ["一级指标", "二级指标", "三级指标", "运算符", "指标值", "度量单位", "权重", "指标值说明"];
const ROWS = [
  ["产出指标", "数量指标", "宣传次数", "≥", 9, "次", 20, "全年宣传次数"],
  [null, "质量指标", "宣传工作完成率", "=", 100, "%", 20, "实际完成/计划完成"],
  [null, "时效指标", "宣传完成时间", "≤", "2020年12月底", null, 10, null],
  [null, "成本指标", "宣传总成本", "≤", 25, "万元", 20, "预算批复"],
  ["效益指标", "社会效益指标", "政策知晓率", "≥", 80, "%", 20, null],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 0.9, null, 10, null],
];

function table(rows = ROWS, header = HEADER) {
  const t = buildTableInfo({ template: "common", header, rows });
  // the satisfaction rate is a number formatted as a percentage (0.9 shown as 90%)
  if (rows[5]?.[4] === 0.9) t.grid.numberFormats![t.rowOf(5) - 1][4] = "0%";
  return { t, table: recognizeTables(t.grid)[0] };
}

describe("operator, unit, weight and 指标值说明 columns", () => {
  it("finds every column of the header, 指标值说明 as the description (bug: it was not recognised)", () => {
    const { table: tt } = table();
    expect(tt.header?.columns).toEqual({ level1: 1, level2: 2, level3: 3, operator: 4, value: 5, unit: 6, weight: 7, description: 8 });
    expect(tt.indicators[0].description?.text).toBe("全年宣传次数");
  });

  it("reads a value together with its operator and unit cells (bug: ≥ | 9 | 次 was read as a bare 9)", () => {
    const { table: tt } = table();
    const read = tt.indicators.map((i) => [i.name?.text, i.parsed?.kind, i.parsed?.op, i.parsed?.number, i.parsed?.unit]);
    expect(read).toEqual([
      ["宣传次数", "quantitative", "≥", 9, "次"],
      ["宣传工作完成率", "quantitative", "=", 100, "%"],
      ["宣传完成时间", "date", null, null, null],
      ["宣传总成本", "quantitative", "≤", 25, "万元"],
      ["政策知晓率", "quantitative", "≥", 80, "%"],
      ["群众满意度", "quantitative", "≥", 90, "%"],
    ]);
  });

  it("keeps the operator and unit written in the value itself, and ignores 定量/定性 in an 指标性质 column", () => {
    const header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位"];
    const { table: tt } = table(
      [
        ["产出指标", "数量指标", "培训人数", "定量", "≥40", "人"],
        [null, "质量指标", "培训合格率", "≥", "=100%", "%"],
        ["效益指标", "社会效益指标", "业务能力", "定性", "明显提高", null],
      ],
      header,
    );
    expect(tt.indicators.map((i) => [i.parsed?.kind, i.parsed?.op, i.parsed?.unit])).toEqual([
      ["quantitative", "≥", "人"],
      ["quantitative", "=", "%"],
      ["qualitative", null, null],
    ]);
  });

  it("knows an operator cell when it sees one", () => {
    expect(["≥", "＞＝", ">=", "不低于", "大于等于", "≤", "不超过", "=", "<"].map(operatorInColumn)).toEqual(["≥", "≥", "≥", "≥", "≥", "≤", "≤", "=", "<"]);
    expect(["定量", "定性", "正向", "", "增长"].map(operatorInColumn)).toEqual([null, null, null, null, null]);
  });

  it("a clean table in this layout gives no finding; the rules see the operator column", () => {
    const { t } = table();
    expect(validate([t.grid]).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    const withCostFloor = ROWS.map((r, i) => (i === 3 ? [null, "成本指标", "宣传总成本", "≥", 25, "万元", 20, "预算批复"] : r));
    const report = validate([table(withCostFloor).t.grid]);
    expect(report.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([`cost.direction E${t.rowOf(3)}`]);
    expect(report.findings[0].message).toContain("“≥25万元”");
  });

  it("reads 半年/全年 columns with one operator column for both", () => {
    const header = ["一级指标", "二级指标", "三级指标", "运算符", "半年指标值", "全年指标值", "计量单位"];
    const { table: tt } = table([["产出指标", "成本指标", "物业费总成本", "≤", 30, 62.01, "万元"]], header);
    const ind = tt.indicators[0];
    expect([ind.halfParsed?.op, ind.halfParsed?.number, ind.halfParsed?.unit, ind.parsed?.op, ind.parsed?.number, ind.parsed?.unit]).toEqual(["≤", 30, "万元", "≤", 62.01, "万元"]);
  });
});

describe("labels", () => {
  it("an unknown 一级 keeps the known 二级 written beside it (bug: 厂口目标 | 时效 lost 时效, and 时效 was reported empty)", () => {
    const rows = cleanRows("four-goal");
    rows[6] = ["厂口目标", "时效", "工资发放及时性", "按月及时发放"];
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    const tt = recognizeTables(t.grid)[0];
    const ind = tt.indicators.find((i) => i.name?.text === "工资发放及时性");
    expect(ind?.level1?.text).toBe("厂口目标");
    expect(ind?.level2?.key).toBe("时效");
    const rules = validate([t.grid]).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(rules).toEqual([`structure.unknown-label A${t.rowOf(6)}`]);
  });
});
