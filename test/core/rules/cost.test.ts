/** cost: a cost is a ceiling, within the budget, consistent with unit costs and with the amounts in the texts. */
import { asIs, buildTable, buildTableInfo, cleanRows, cleanSpec, withCells, type Row } from "../../helpers/tableBuilder";
import { applyFix, expectFinding, expectNone, findingsOf, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("cost.direction", () => {
  it("positive: 全中心物业费总成本 ≥62.01万元 (seed 001) in both columns; the fix asks for confirmation", () => {
    const rows = withCells(cleanRows("evaluation"), 5, { 3: "≥20万元", 4: "≥62.01万元" });
    const t = buildTableInfo(cleanSpec("evaluation", { rows }));
    const r = run(t.grid);
    expectFinding(r, "cost.direction", { cell: t.cell(5, "halfValue"), quoted: ["物业费总成本", "≥20万元", "≤20万元"] });
    const full = expectFinding(r, "cost.direction", { cell: t.cell(5, "value"), quoted: ["≥62.01万元", "≤62.01万元"] });
    expect(full.fix).toMatchObject({ cell: t.cell(5, "value"), value: "≤62.01万元", previous: "≥62.01万元", confirm: true });
    expectNone(run(applyFix(r, full)), "cost.direction", t.cell(5, "value"));
  });
  it("positive: ≥ in the 运算符 column; the fix changes that cell", () => {
    const t = buildTableInfo({
      template: "common",
      header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标值确定依据"],
      rows: [["产出指标", "成本指标", "宣传总成本", "≥", 25, "万元", "预算批复"]],
    });
    const r = run(t.grid);
    const f = expectFinding(r, "cost.direction", { cell: t.cell(0, "value"), quoted: ["≥25万元", "≤25万元"] });
    expect(f.fix).toMatchObject({ cell: t.cell(0, "operator"), value: "≤", confirm: true });
    expectNone(run(applyFix(r, f)), "cost.direction");
  });
  it("positive: a core-2021 table, where 成本 is an 一级 with 经济成本 under it", () => {
    const t = buildTableInfo({
      template: "common",
      rows: [
        ["成本指标", "经济成本指标", "宣传品制作成本", "≥20万元"],
        ["产出指标", "数量指标", "宣传次数", "≥9次"],
        [null, "质量指标", "宣传工作完成率", "≥90%"],
        [null, "时效指标", "宣传完成时间", "2020年12月底前"],
        ["效益指标", "社会效益指标", "政策知晓率", "≥80%"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
      ],
    });
    const r = run(t.grid);
    expect(r.tables[0].framework.id).toBe("core-2021");
    expectFinding(r, "cost.direction", { cell: t.cell(0, "value"), quoted: ["宣传品制作成本", "≥20万元"] });
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["cost.direction"]);
  });
  it("negative: ≤ and = costs", () => {
    expectNone(run(buildTable(cleanSpec("evaluation"))), "cost.direction");
    const rows = withCells(cleanRows("common"), 3, { 3: "=25万元" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "cost.direction");
  });
});

describe("cost.above-budget", () => {
  it("positive: a cost of 30万元 in a 25万元 project", () => {
    const rows = withCells(cleanRows("common"), 3, { 3: "≤30万元" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "cost.above-budget", { cell: t.cell(3, "value"), quoted: ["宣传总成本", "≤30万元"], says: [/预算 25万元/, new RegExp(t.valueOf("预算数"))] });
  });
  it("positive: 元 and 万元 converted before comparing (1300万元 against 12,210,000 元)", () => {
    const rows = cleanRows("four-goal");
    rows[7] = [null, "成本", "劳务派遣总成本", "≤1300万元"];
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "cost.above-budget", { cell: t.cell(7, "value"), quoted: "≤1300万元", says: [/12,210,000元/] });
  });
  it("negative: a cost equal to the budget after conversion; an undeclared money unit is not guessed", () => {
    const rows = cleanRows("four-goal");
    rows[7] = [null, "成本", "劳务派遣总成本", "≤1221万元"];
    expectNone(run(buildTable(cleanSpec("four-goal", { rows }))), "cost.above-budget");
    const big = withCells(cleanRows("common"), 3, { 3: "≤30万元" });
    expectNone(run(buildTable(cleanSpec("common", { rows: big, unit: null }))), "cost.above-budget");
  });
});

describe("cost.sum-above-budget", () => {
  const costs = (a: string, b: string): Row[] => {
    const rows = cleanRows("common");
    rows.splice(3, 1, [null, "成本指标", "宣传品制作成本", a], [null, null, "媒体刊播成本", b]);
    return rows;
  };
  it("positive: 20万元 + 10万元 of costs in a 25万元 project", () => {
    const t = buildTableInfo(cleanSpec("common", { rows: costs("≤20万元", "≤10万元") }));
    expectFinding(run(t.grid), "cost.sum-above-budget", { cell: t.cell(3, "value"), says: [/合计 30万元/, /预算 25万元/] });
  });
  it("negative: costs within the budget, and a total listed with its own parts", () => {
    expectNone(run(buildTable(cleanSpec("common", { rows: costs("≤15万元", "≤10万元") }))), "cost.sum-above-budget");
    const rows = cleanRows("common");
    rows.splice(3, 1, [null, "成本指标", "宣传总成本", "≤25万元"], [null, null, "宣传品制作成本", "≤15万元"], [null, null, "媒体刊播成本", "≤10万元"]);
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "cost.sum-above-budget");
  });
});

describe("cost.unit-cost-times-quantity", () => {
  // seed 000 聘用人员劳务费, with its money unit declared
  const hired = (unitCost: string, unit: "万元" | null = "万元") => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "聘用人数", "≥135人"],
      [null, "质量指标", "发放率", "≥90%"],
      [null, "时效指标", "聘用期限", "≥1年"],
      asIs("成本指标", "人均聘用成本", "年内人均发放工资及缴纳保险成本", unitCost, "计划标准"),
      ["效果指标", "社会效益指标", "解决就业人数", "≥135人"],
      ["满意度指标", "服务对象满意度指标", "聘用人员满意度", "≥90%"],
    ];
    return buildTableInfo(cleanSpec("common", { project: "聘用人员劳务费", budget: 557.89, unit, rows }));
  };
  it("positive: 人均聘用成本 ≤5万元 × 聘用人数 ≥135人 = 675万元 against a 557.89万元 budget", () => {
    const t = hired("≤5万元");
    const f = expectFinding(run(t.grid), "cost.unit-cost-times-quantity", {
      cell: `D${t.rowOf(3)}`,
      quoted: ["≤5万元", "≥135人"],
      says: [/= 675万元/, /557.89万元/, /多 21%/, /约为 4.13万元/, new RegExp(t.cell(0, "value"))],
    });
    expect(f.indicator).toBe("人均聘用成本");
  });
  it("positive (info): 430元/人 × 40人 = 1.72万元, far below a 12.9万元 budget with no other cost to explain it", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训人数", "≥40人"],
      [null, "质量指标", "培训完成率", "=100%"],
      [null, "时效指标", "完成时间", "6月底前"],
      [null, "成本指标", "受训人均成本", "≤430元/人"],
      ["效果指标", "社会效益指标", "职工业务能力提升率", "≥10%"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ];
    const t = buildTableInfo(cleanSpec("common", { project: "业务工作培训费", budget: 12.9, rows }));
    expectFinding(run(t.grid), "cost.unit-cost-times-quantity", { cell: t.cell(3, "value"), severity: "info", quoted: "≤430元/人", says: [/不到项目预算 12.9万元/] });
  });
  it("negative: a unit cost that fits the budget; an undeclared money unit; a per-day cost (seed 000 培训 has 培训天数)", () => {
    expectNone(run(hired("≤4.2万元").grid), "cost.unit-cost-times-quantity");
    expectNone(run(hired("≤5万元", null).grid), "cost.unit-cost-times-quantity");
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训天数", "<8天"],
      [null, null, "培训人数", "≥40人"],
      [null, "成本指标", "受训人均成本", "≤430元/人"],
      ["效果指标", "社会效益指标", "职工业务能力提升率", "≥10%"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ];
    expectNone(run(buildTable(cleanSpec("common", { budget: 12.9, rows }))), "cost.unit-cost-times-quantity");
  });
  it("negative: seed 001's unit costs fit their items (会议人均经费 is per person and day; 6.03万元/年 × 28人 is within the budget)", () => {
    const rows: Row[] = [
      ["产出指标", "成本指标", "会议人均经费", "≤300元/人*天", "≤300元/人*天"],
      [null, null, "综合服务平台外包人均成本", "=6.03万元/年", "=6.03万元/年"],
      [null, "数量指标", "出席会议人数", "≤100人", "≤360人"],
      [null, null, "综合服务平台外包服务人数", "=28人", "=28人"],
    ];
    const r = run(buildTable(cleanSpec("evaluation", { budget: 1003.82, rows })));
    expectNone(r, "cost.unit-cost-times-quantity");
  });
});

describe("cost.text-amount", () => {
  const content = "1、业务成本费132.01万，包括物业费62.01万，办公用房水电费等运行费用70万。";
  const table = (property: string, power = "≤70万元") =>
    buildTableInfo(
      cleanSpec("evaluation", {
        budget: 132.01,
        implementationContent: content,
        rows: withCells(withCells(cleanRows("evaluation"), 5, { 2: "全中心物业费总成本（含各管理部）", 3: "≤30万元", 4: property }), 6, {
          2: "全中心办公用房水电费（含管理部）",
          3: "≤30万元",
          4: power,
        }),
      }),
    );
  it("positive: an indicator above the amount the text gives for it", () => {
    const t = table("≤80万元");
    const r = run(t.grid);
    expectFinding(r, "cost.text-amount", { cell: t.cell(5, "value"), quoted: ["物业费62.01万", "全中心物业费总成本（含各管理部）", "≤80万元"], says: [new RegExp(t.valueOf("项目实施内容")), /超过了文中的金额/] });
  });
  it("positive (info): an indicator below it (seed 001: 邮递费219.76万 in the text, 短信平台及邮递费 ≤187.26万元)", () => {
    const t = buildTableInfo(
      cleanSpec("evaluation", {
        budget: 1003.82,
        goals: ["邮递费219.76万元：租赁多条专线保障业务正常办理，通过发送短信及时提醒职工公积金账户变动情况。"],
        rows: withCells(cleanRows("evaluation"), 5, { 2: "短信平台及邮递费", 3: "≤90万元", 4: "≤187.26万元" }),
      }),
    );
    expectFinding(run(t.grid), "cost.text-amount", { cell: t.cell(5, "value"), severity: "info", quoted: ["邮递费219.76万元", "≤187.26万元"], says: [/少于文中的金额/] });
  });
  it("positive: several indicators named like the text's cost that add up to more than it", () => {
    const rows = cleanRows("evaluation");
    rows.splice(5, 1, ["产出指标", "成本指标", "盐阜大众报宣传费", "=10万元", "=45万元"], [null, null, "盐城广播电视台宣传费", "=15万元", "=80万元"]);
    const t = buildTableInfo(cleanSpec("evaluation", { budget: 125, goals: ["宣传费120万：充分利用新媒体和传统媒体，扎实开展立体式宣传。"], rows }));
    expectFinding(run(t.grid), "cost.text-amount", { cell: t.cell(5, "value"), quoted: ["宣传费120万", "盐阜大众报宣传费", "盐城广播电视台宣传费"], says: [/合计 125万元/, /超过了文中的金额/] });
  });
  it("negative: equal amounts (seed 001 物业费62.01万 and 全中心物业费总成本 62.01万元), and parts that add up to the text's amount", () => {
    expectNone(run(table("≤62.01万元").grid), "cost.text-amount");
    const rows = cleanRows("evaluation");
    rows.splice(5, 1, ["产出指标", "成本指标", "盐阜大众报宣传费", "=10万元", "=45万元"], [null, null, "现代快报宣传费", "=0万元", "=10万元"], [null, null, "盐城广播电视台宣传费", "=15万元", "=65万元"]);
    const r = run(buildTable(cleanSpec("evaluation", { budget: 120, goals: ["宣传费120万：充分利用新媒体和传统媒体，扎实开展立体式宣传。"], rows })));
    expectNone(r, "cost.text-amount");
    expect(findingsOf(r, "cost.above-budget")).toEqual([]);
  });
});

describe("cost.per-period-above-budget", () => {
  /** corpus 02 (天津 抗疫特别国债): 项目预算金额 5652万元, 人工成本 ≤620万/月 over 2020年1月--2020年11月 */
  const grid = (cost: string, period: string | null) =>
    gridFromRows("Sheet1", [
      ["抗疫特别国债项目绩效目标表(打捆项目)"],
      ["项目名称", "疫情期间区域病媒防治环境卫生清洁等费用"],
      ["主管预算部门", "区城市管理委员会", "项目预算金额 (万元)", 5652],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [null, "产出指标", "数量指标", "清扫保洁道路条数", "485条"],
      [null, null, "时效指标", "各项费用使用周期", period],
      [null, null, "成本指标", "人工成本", cost],
      [null, "满意度指标", "服务对象满意度指标", "周围群众满意度", "≥90%"],
    ]);
  it("positive: a monthly cost times the months of the period given as a 时效 target is above the budget", () => {
    expectFinding(run(grid("≤620万/月", "2020年1月--2020年11月")), "cost.per-period-above-budget", {
      cell: "E7",
      quoted: ["人工成本", "≤620万/月"],
      says: [/11 个月/, /6,820万元/, /5,652万元/],
    });
  });
  it("positive: without a period the cost runs for the year", () => {
    expectFinding(run(grid("≤500万元/月", null)), "cost.per-period-above-budget", { cell: "E7", says: [/全年共 12 个月/, /6,000万元/] });
  });
  it("negative: a monthly cost that fits the budget over the period", () => {
    expectNone(run(grid("≤500万元/月", "2020年1月--2020年11月")), "cost.per-period-above-budget");
  });
});

describe("cost rules on tables of other provinces", () => {
  it("cost.direction: ≥ on an amount in a list without 一级/二级 (corpus 06: 发放金额 | 万元 | ≥ | 9.31)", () => {
    const grid = gridFromRows("Sheet1", [
      ["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
      [null, "发放金额", 50, "万元", "≥", "9.31"],
      [null, "领取补助人数", 50, "人", "≥", "100"],
    ]);
    expectFinding(run(grid), "cost.direction", { cell: "F2", quoted: ["发放金额", "≤9.31万元"] });
  });
  it("cost.unit-cost-times-quantity: a cost per pupil (元/生/年) times the pupils (corpus 01, 山东)", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目支出目标申报表"],
      ["项目名称", "小学教育公用经费"],
      ["项目资金申请(万元)", "资金总额:", 438.768],
      ["一级", "二级", "三级", "年度数值"],
      ["产出值", "数量值", "小学就读人数", "6962人"],
      [null, "成本值", "义务教育小学生均公用经费", "≤780元/生/年"],
      ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"],
    ]);
    expectFinding(run(grid), "cost.unit-cost-times-quantity", { cell: "D6", says: [/543.036万元/, /438.768万元/] });
  });
});
