/**
 * A finance-bureau reviewer's audit of what Jixiao reports: realistic tables written the ways budget
 * staff write them must come out clean, and one problem is reported once, on one cell, in plain words.
 */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells, type Row, type TableSpec } from "../../helpers/tableBuilder";
import { validate } from "../../../src/core/engine";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";

/** findings a reviewer would act on: errors and warnings */
function serious(spec: TableSpec): string[] {
  return run(buildTable(spec)).findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}: ${f.message}`);
}

// the common framework's clean rows (test/helpers/tableBuilder.ts): 产出 rows 0–3, 效益 4–7, 满意度 8
const COMMON = cleanRows("common");

describe("clean tables, written the ways budget staff write them, raise no error or warning", () => {
  it.each(["common", "evaluation", "four-goal"] as const)("the clean %s table", (t) => {
    expect(serious(cleanSpec(t))).toEqual([]);
  });

  it.each(["≥95%", "95%以上", "不低于95%", "≥ 95 %", "95%及以上", "不少于95%", "达到95%", "大于等于95%"])("a rate written %s", (v) => {
    expect(serious(cleanSpec("common", { rows: withCells(COMMON, 1, { 3: v }) }))).toEqual([]);
  });

  it.each(["≤25万元", "≤ 25万元", "不超过25万元", "≤250000元", "≤250,000元", "控制在25万元以内", "25万元以内", "≤24.5万"])("a cost written %s against a 25 万元 budget", (v) => {
    expect(serious(cleanSpec("common", { rows: withCells(COMMON, 3, { 3: v }) }))).toEqual([]);
  });

  it.each(["2020年12月31日前", "12月底前", "2020.12.31前", "2020-12-31", "≤12个月", "1年"])("a deadline written %s", (v) => {
    expect(serious(cleanSpec("common", { rows: withCells(COMMON, 2, { 3: v }) }))).toEqual([]);
  });

  it("a per-head cost in 元 beside a total in 万元, in a 万元 table", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训人数", "≥40人"],
      [null, "质量指标", "培训完成率", "=100%"],
      [null, "时效指标", "完成时间", "6月底前"],
      [null, "成本指标", "受训人均成本", "≤3000元/人"],
      [null, null, "培训总成本", "≤12万元"],
      ["效益指标", "社会效益指标", "业务办理差错率", "≤1%"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ];
    expect(serious(cleanSpec("common", { budget: 12.9, rows }))).toEqual([]);
    expect(serious(cleanSpec("common", { budget: 129000, unit: "元", rows }))).toEqual([]);
  });

  it("运算符, 计量单位 and 权重 columns (weights adding up to 100), numbers typed or as text", () => {
    const header = ["一级指标", "二级指标", "三级指标", "运算符", "指标值", "计量单位", "权重", "指标值确定依据"];
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训人数", "≥", "40", "人", 20, "计划标准"],
      [null, "质量指标", "培训完成率", "=", "100", "%", 20, "计划标准"],
      [null, "时效指标", "完成时间", "≤", "6", "月", 10, "计划标准"],
      [null, "成本指标", "培训总成本", "≤", "12", "万元", 20, "计划标准"],
      ["效益指标", "社会效益指标", "业务办理差错率", "≤", "1", "%", 20, "计划标准"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%", 10, "计划标准"],
    ];
    expect(serious({ template: "common", budget: 12.9, header, rows })).toEqual([]);
    const typed = rows.map((r) => (Array.isArray(r) ? r.map((c, i) => (i === 4 ? Number(c) : c)) : r));
    expect(serious({ template: "common", budget: 12.9, header, rows: typed })).toEqual([]);
  });

  it("a four-goal table in 元 with costs in 元, 万元 and 元/册, and a plan text that adds up", () => {
    const rows: Row[] = [
      ["投入与目标管理", "投入管理", "预算执行率", "=100%"],
      [null, "财务管理", "资金使用规范性", "合规"],
      [null, "项目管理", "项目管理制度健全性", "健全"],
      [null, "资产管理"],
      ["产出目标", "数量", "印制宣传册", "≥10万册"],
      [null, "质量", "宣传覆盖率", "≥90%"],
      [null, "时效", "宣传完成时间", "2020年11月底前"],
      [null, "成本", "宣传册印制成本", "≤300000元"],
      [null, null, "媒体宣传费", "≤18万元"],
      [null, null, "宣传册单价", "≤3元/册"],
      ["效果目标", "经济效益"],
      [null, "社会效益", "政策知晓率", "提高5个百分点"],
      [null, "环境效益"],
      [null, "满意度", "缴存职工满意度", "≥90%"],
      ["影响力目标", "长效管理", "宣传长效机制健全性", "健全"],
      [null, "人力资源"],
    ];
    const spec = cleanSpec("four-goal", {
      budget: 480000,
      rows,
      goals: ["印制宣传册10万册，开展媒体宣传。", "印制宣传册10万册，缴存职工满意度达到90%以上。"],
      implementationPlan: "1-6月份预计支出资金24万元，支出50%；7-9月份支出资金14.4万元，支出80%；10-11月预计支出资金9.6万元，支出100%。",
    });
    expect(serious(spec)).toEqual([]);
  });

  it("半年/全年 columns: cumulative counts, unit prices and monthly rents the same in both", () => {
    const rows: Row[] = [
      ["决策", "项目立项", "立项依据充分性", "充分", "充分"],
      [null, "绩效目标", "绩效目标合理性", "合理", "合理"],
      [null, "资金投入", "预算编制科学性", "科学", "科学"],
      ["过程", "资金管理", "预算执行率", "=50%", "=100%"],
      [null, "组织实施", "管理制度健全性", "健全", "健全"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "≥1000人次"],
      [null, null, "监控外包服务期限", "=6月", "=12月"],
      [null, "质量指标", "工单办结率", "=100%", "=100%"],
      [null, "时效指标", "工单处理时限", "≤2个工作日", "≤2个工作日"],
      [null, "成本指标", "物业费总成本", "≤30万元", "≤60万元"],
      [null, null, "会议人均经费", "≤300元/人*天", "≤300元/人*天"],
      [null, null, "监控外包服务费月租金", "=1.29万元", "=1.29万元"],
      ["效益指标", "社会效益指标", "住房公积金制度知晓率", "≥80%", "≥85%"],
      ["满意度指标", "满意度指标", "缴存职工满意度", "≥90%", "≥90%"],
    ];
    expect(serious(cleanSpec("evaluation", { budget: 100, rows }))).toEqual([]);
  });
});

describe("a cost written in 万 (for 万元) is money", () => {
  it("positive: ≤30万 against a 25 万元 budget is above the budget, and 万 is suggested as 万元", () => {
    const t = buildTableInfo(cleanSpec("common", { rows: withCells(COMMON, 3, { 3: "≤30万" }) }));
    const r = run(t.grid);
    expectFinding(r, "cost.above-budget", { cell: t.cell(3, "value"), quoted: ["宣传总成本", "≤30万"], says: [/超过项目预算 25万元/] });
    const f = expectFinding(r, "value-format.normalise", { cell: t.cell(3, "value"), quoted: ["≤30万", "≤30万元"] });
    expect(f.fix).toMatchObject({ value: "≤30万元" });
  });
  it("negative: ≤24.5万 under 成本 is not a unit that does not fit a cost; 200万 under 数量 stays a count", () => {
    const rows = withCells(withCells(COMMON, 3, { 3: "≤24.5万" }), 0, { 2: "服务群众人数", 3: "≥200万" });
    const r = run(buildTable(cleanSpec("common", { rows })));
    expectNone(r, "unit.mismatch");
    expect(r.tables[0].indicators[0].parsed?.unitInfo?.dimension).toBe("count");
  });
});

describe("an unused template row marked “/”, 无, — or 不适用 is an empty 二级, not an indicator", () => {
  const marked = (name: string | null, value: string | null): Row[] =>
    withCells(withCells(COMMON, 4, { 2: name, 3: value }), 6, { 2: name, 3: value });
  it.each([
    ["/", "/"],
    ["无", "无"],
    ["—", "—"],
    ["无", null],
    [null, "/"],
    ["不适用", "不适用"],
  ])("negative: 经济效益指标 and 生态效益指标 with %s | %s", (name, value) => {
    const r = run(buildTable(cleanSpec("common", { rows: marked(name, value) })));
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    for (const rule of ["placeholder.value", "duplicate.indicator", "missing.name", "missing.value", "structure.row-shifted"]) expectNone(r, rule);
  });
  it("positive: a required block marked “/” is still empty (no 满意度 indicator at all)", () => {
    const rows = withCells(COMMON, 8, { 2: "/", 3: "/" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "structure.level1-empty", { cell: t.cell(8, "level1"), quoted: "满意度指标" });
  });
  it("positive: a real indicator whose value is “/” still has no target", () => {
    const t = buildTableInfo(cleanSpec("common", { rows: withCells(COMMON, 5, { 3: "/" }) }));
    expect(run(t.grid).findings.filter((f) => f.cell === t.cell(5, "value") && f.severity === "error")).toHaveLength(1);
  });
});

describe("value-format.missing-operator and a 指标方向 column", () => {
  const header = ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "计量单位", "指标值确定依据"];
  const rows = (costDir: string, satDir: string): Row[] => [
    ["产出指标", "数量指标", "宣传次数", "正向", "9", "次", "计划标准"],
    [null, "成本指标", "宣传总成本", costDir, "25", "万元", "计划标准"],
    ["效益指标", "社会效益指标", "政策知晓率", "正向", "80", "%", "计划标准"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", satDir, "90", "%", "计划标准"],
  ];
  it("negative: 反向 on a cost and 正向 on satisfaction already say ceiling and floor", () => {
    expectNone(run(buildTable({ template: "common", header, rows: rows("反向", "正向指标") })), "value-format.missing-operator");
  });
  it("positive: 定量 says no direction", () => {
    const t = buildTableInfo({ template: "common", header, rows: rows("定量", "定量") });
    const r = run(t.grid);
    expectFinding(r, "value-format.missing-operator", { cell: t.cell(1, "value"), quoted: "宣传总成本" });
    expectFinding(r, "value-format.missing-operator", { cell: t.cell(3, "value"), quoted: "群众满意度" });
  });
});

describe("one problem, one finding", () => {
  it("cost.above-budget: no “折合” when the cost is already in the budget's unit", () => {
    const t = buildTableInfo(cleanSpec("common", { rows: withCells(COMMON, 3, { 3: "≤30万元" }) }));
    const f = expectFinding(run(t.grid), "cost.above-budget", { cell: t.cell(3, "value"), quoted: "≤30万元" });
    expect(f.message).not.toMatch(/折合/);
  });

  it("cost.text-amount: no “折合” when the cost is already in 万元 (seed 001 短信平台及邮递费 ≤187.26万元)", () => {
    const t = buildTableInfo(
      cleanSpec("evaluation", {
        budget: 1003.82,
        goals: ["邮递费219.76万元：租赁多条专线保障业务正常办理。"],
        rows: withCells(cleanRows("evaluation"), 5, { 2: "短信平台及邮递费", 3: "≤90万元", 4: "≤187.26万元" }),
      }),
    );
    const r = run(t.grid);
    const f = expectFinding(r, "cost.text-amount", { cell: t.cell(5, "value"), severity: "info", quoted: ["邮递费219.76万元", "≤187.26万元"] });
    expect(f.message).not.toMatch(/折合/);
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule);
    expect(en?.message).toMatch(/is "≤187\.26万元", which is less than the text gives;/);
  });

  it("cost.sum-above-budget is not reported again when one cost alone is above the budget", () => {
    const rows = withCells(COMMON, 3, { 3: "≤30万元" });
    rows.splice(4, 0, [null, null, "宣传品制作成本", "≤5万元"]);
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expectFinding(r, "cost.above-budget", { cell: t.cell(3, "value"), quoted: "≤30万元" });
    expectNone(r, "cost.sum-above-budget");
    // two costs within the budget each but not together: still reported
    const both = withCells(withCells(COMMON, 3, { 3: "≤20万元" }), 0, {});
    both.splice(4, 0, [null, null, "宣传品制作成本", "≤10万元"]);
    const t2 = buildTableInfo(cleanSpec("common", { rows: both }));
    expectFinding(run(t2.grid), "cost.sum-above-budget", { cell: t2.cell(3, "value"), says: [/30万元/] });
  });

  it("structure.level2-empty: 二级 labels missing under one 一级 are one finding on its cell", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "宣传次数", "≥9次"],
      [null, "成本指标", "宣传总成本", "≤25万元"],
      ["效益指标", "社会效益指标", "政策知晓率", "≥80%"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ];
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "structure.level2-empty", { cell: t.cell(0, "level1"), quoted: ["质量", "时效", "产出指标"] });
    expect(findingsOf(r, "structure.level2-empty")).toHaveLength(1);
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule);
    expect(en?.message).toMatch(/"quality", "timeliness"/);
    expect(en?.message).toMatch(/expects one under each\.$/);
  });
});

describe("wording", () => {
  it("structure.unknown-label asks its question with a question mark", () => {
    const rows = withCells(cleanRows("four-goal"), 6, { 0: "厂口目标" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "structure.unknown-label", { cell: t.cell(6, "level1"), quoted: ["厂口目标", "产出目标"] });
    expect(f.message).toMatch(/是否应为“产出目标”？$/);
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule);
    expect(en?.message).toMatch(/did you mean "产出目标"\?$/);
  });

  it("budget-sum.plan-text names the periods' amounts plainly", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { implementationPlan: "1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-11月支出277万元。" }));
    const f = expectFinding(run(t.grid), "budget-sum.plan-text", { cell: t.valueOf("项目实施计划"), says: [/项目实施计划中各期金额（296\+286\+282\+277）合计 1,141万元，而预算数为 1,221万元/] });
    expect(f.message).not.toMatch(/写的金额各期/);
  });

  it("budget-sum.sources: “但财政资金合计 20万元”, not “但其中：财政资金 合计 20”", () => {
    const t = buildTableInfo(cleanSpec("common", { fiscal: 20 }));
    const r = run(t.grid);
    const f = expectFinding(r, "budget-sum.sources", { cell: t.valueOf("预算数"), says: [/预算数为 25万元，但财政资金合计 20万元，相差 5万元。$/] });
    expect(f.message).not.toMatch(/其中/);
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule);
    expect(en?.message).toMatch(/but 财政资金 come to 20万元 \(difference 5万元\)\.$/);
  });

  it("missing.value names the header without its line-break space: “全年（程）指标值”", () => {
    const rows = withCells(cleanRows("evaluation"), 7, { 4: null });
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "missing.value", { cell: t.cell(7, "value"), quoted: "工单办结率", says: [/没有填写全年（程）指标值。$/] });
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule && x.cell === f.cell);
    expect(en?.message).toMatch(/has no full-year target value\.$/);
  });

  it("structure.label-misplaced: “it was read as a level-2 label” in English", () => {
    const rows: Row[] = withCells(COMMON, 5, {});
    rows[5] = { asIs: ["社会效益指标", null, "政策知晓率", null, "≥80%", "计划标准"] };
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "structure.label-misplaced", { cell: t.cell(5, "level1"), quoted: "社会效益指标" });
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === f.rule && x.cell === f.cell);
    expect(en?.message).toMatch(/it was read as a level-2 label\.$/);
  });

  it("structure.row-shifted: “1 column”, not “1 column(s)”, in English", () => {
    const rows: Row[] = withCells(COMMON, 3, {});
    rows[3] = { asIs: ["成本指标", "宣传总成本", null, "≤25万元", "计划标准"] };
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const en = validate(r.grids, { lang: "en" }).findings.find((x) => x.rule === "structure.row-shifted");
    expect(en?.message).toMatch(/shifted 1 column to the left/);
  });
});
