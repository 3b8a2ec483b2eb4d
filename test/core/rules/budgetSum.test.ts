/** budget-sum: the budget block adds up, and the amounts in the texts agree with it. */
import { buildTable, buildTableInfo, cleanSpec } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run, setCell } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("budget-sum.unit-undeclared", () => {
  it("positive: 预算数 25 with no 元/万元 anywhere (every seed 000 table)", () => {
    const t = buildTableInfo(cleanSpec("common", { unit: null }));
    expectFinding(run(t.grid), "budget-sum.unit-undeclared", { cell: t.valueOf("预算数"), quoted: "25", says: [/单位：万元/] });
  });
  it("negative: 单位：万元 declared, or the unit given in the configuration", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "budget-sum.unit-undeclared");
    expectNone(run(buildTable(cleanSpec("common", { unit: null })), { defaultMoneyUnit: "万元" }), "budget-sum.unit-undeclared");
  });
});

describe("budget-sum.sources", () => {
  it("positive: 预算数 25 but 财政资金 20 + 其他资金 0", () => {
    const t = buildTableInfo(cleanSpec("common", { fiscal: 20, other: 0 }));
    expectFinding(run(t.grid), "budget-sum.sources", { cell: t.valueOf("预算数"), says: [/预算数为 25万元/, /合计 20/, /相差 5/] });
  });
  it("negative: 20 + 5 = 25, and a budget with 其他资金 left empty", () => {
    expectNone(run(buildTable(cleanSpec("common", { fiscal: 20, other: 5 }))), "budget-sum.sources");
    expectNone(run(buildTable(cleanSpec("common"))), "budget-sum.sources");
  });
});

describe("budget-sum.fiscal-parts", () => {
  it("positive: 财政拨款小计 62.01 but 一般公共预算资金 60 (seed 001 layout)", () => {
    const t = buildTableInfo(cleanSpec("evaluation"));
    const g = setCell(t.grid, t.valueOf("一般公共预算资金"), 60);
    expectFinding(run(g), "budget-sum.fiscal-parts", { cell: t.valueOf("小计"), says: [/财政拨款为 62.01万元/, /合计 60/] });
  });
  it("negative: the parts add up (seed 001: 1003.82 = 1003.82 + 0 + 0)", () => {
    expectNone(run(buildTable(cleanSpec("evaluation"))), "budget-sum.fiscal-parts");
  });
});

describe("budget-sum.components", () => {
  it("positive: 项目构成 items 10,000,000 + 2,000,000 against 12,210,000 元", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { components: [["劳务派遣人员工资", 10000000], ["五险一金", 2000000]] }));
    expectFinding(run(t.grid), "budget-sum.components", { cell: t.find("五险一金").replace("A", "C"), says: [/合计 12,000,000/, /12,210,000元/] });
  });
  it("negative: items that add up to the total", () => {
    expectNone(run(buildTable(cleanSpec("four-goal", { components: [["劳务派遣人员工资", 10000000], ["五险一金", 2210000]] }))), "budget-sum.components");
  });
});

describe("budget-sum.current-year", () => {
  it("positive: a 2020 project whose 本年度金额 differs from its 总金额", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { currentYear: 11430000 }));
    expectFinding(run(t.grid), "budget-sum.current-year", { cell: t.valueOf("项目本年度金额"), says: [/11,430,000元/, /12,210,000元/] });
  });
  it("negative: the same amounts; a project running over several years may differ", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "budget-sum.current-year");
    expectNone(run(buildTable(cleanSpec("four-goal", { currentYear: 11430000, end: "2022-12-31" }))), "budget-sum.current-year");
  });
});

describe("budget-sum.half-year-above-full", () => {
  it("positive: 半年计划执行数 70 above the 全年预算数 62.01", () => {
    const t = buildTableInfo(cleanSpec("evaluation", { halfYearBudget: 70 }));
    expectFinding(run(t.grid), "budget-sum.half-year-above-full", { cell: t.find("70"), says: [/70万元/, /62.01万元/] });
  });
  it("negative: half of it", () => {
    expectNone(run(buildTable(cleanSpec("evaluation"))), "budget-sum.half-year-above-full");
  });
});

describe("budget-sum.plan-text", () => {
  const plan = "1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-11月支出277万元。";
  it("positive: 296+286+282+277 = 1141 万元 against 12,210,000 元 (seed 002 政府购买服务（劳务）经费)", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { implementationPlan: plan }));
    expectFinding(run(t.grid), "budget-sum.plan-text", { cell: t.valueOf("项目实施计划"), says: [/296\+286\+282\+277/, /1,141万元/, /1,221万元/] });
  });
  it("positive: a stated need above the budget (seed 002 服务大厅建设费: 资金需求130.19万元, budget 800,000 元)", () => {
    const t = buildTableInfo(cleanSpec("four-goal", { budget: 800000, implementationPlan: "2020年资金需求130.19万元，专项资金使用年限为一年。" }));
    expectFinding(run(t.grid), "budget-sum.plan-text", { cell: t.valueOf("项目实施计划"), quoted: "资金需求130.19万元" });
  });
  it("negative: periods that add up to the budget", () => {
    const ok = "1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-12月支出357万元。";
    expectNone(run(buildTable(cleanSpec("four-goal", { implementationPlan: ok }))), "budget-sum.plan-text");
  });
});

describe("budget-sum.content-text", () => {
  it("positive: 业务成本费100万 whose parts add up to 50.8万", () => {
    const t = buildTableInfo(cleanSpec("evaluation", { budget: 100, implementationContent: "1、业务成本费100万，包括会议费10.8万，培训费40万。" }));
    expectFinding(run(t.grid), "budget-sum.content-text", { cell: t.valueOf("项目实施内容"), quoted: "业务成本费100万", says: [/50.8万元/] });
  });
  it("positive: two groups that do not add up to the budget", () => {
    const text = "1、业务成本费50.8万，包括会议费10.8万，培训费40万。 2、委托业务费30万，包括法律顾问业务咨询费20万，委托业务服务费用10万。";
    const t = buildTableInfo(cleanSpec("evaluation", { budget: 100, implementationContent: text }));
    expectFinding(run(t.grid), "budget-sum.content-text", { cell: t.valueOf("项目实施内容"), says: [/合计 80.8万元/, /预算数 100万元/] });
  });
  it("negative: seed 001's groups (386.76 + 617.06 = 1003.82, each adding up)", () => {
    const text =
      "1、业务成本费386.76万，包括会议费10.8万，培训费40万，残疾人就业保障金5万，办公成本费77万（包括办公耗材、日常办公用品、大厅办公用品、便民用品等），工作服48万，办公用房水电费等运行费用70万，物业费62.01万，信息设备维保、日常维修等维护费 54.95万，建湖管理部和射阳管理部房租19万等。\n2、委托业务费617.06万，包括综合服务平台外包费用169万/年（采用专业的外包公司对综合服务平台的日常运营和管理提供服务外包），法律顾问业务咨询费20.3万，公积金短信平台、专线等邮递费用219.76万，扶贫创文、宣传等费用180万，委托业务服务费用28万。";
    expectNone(run(buildTable(cleanSpec("evaluation", { budget: 1003.82, implementationContent: text }))), "budget-sum.content-text");
  });
});

describe("budget-sum.uses", () => {
  const grid = (basic: number, project: number) =>
    gridFromRows("Sheet1", [
      ["2022年部门(单位)整体绩效目标表"],
      [null, null, null, "单位:万元"],
      ["部门(单位)名称", "一品街道办事处", "资金总额", 3724.39],
      [null, null, "其中:基本支出", basic],
      [null, null, "项目支出", project],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "农村公路养护里程", "=125公里"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%"],
    ]);
  it("positive: 资金总额 ≠ 基本支出 + 项目支出 (a department-wide table)", () => {
    expectFinding(run(grid(2100, 1500)), "budget-sum.uses", { cell: "D3", says: [/资金总额为 3,724.39万元/, /基本支出、项目支出合计 3,600万元/] });
  });
  it("negative: the uses add up to the total", () => {
    expectNone(run(grid(2224.39, 1500)), "budget-sum.uses");
  });
});
