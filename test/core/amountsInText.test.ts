import { moneyAmounts, readAmountGroups, readTextPlan } from "../../src/core/recognize/amountsInText";

// The 项目实施计划 / 项目实施内容 texts below are copied from the seed documents.
describe("amounts in plan texts", () => {
  it("reads period amounts (seed 002 政府购买服务（劳务）经费)", () => {
    const p = readTextPlan("<p>1-3月支出296万元，4-6月支出286万元，7-9月支出282万元，10-11月支出277万元。</p>");
    expect(p.periods.map((x) => [x.fromMonth, x.toMonth, x.amount?.yuan])).toEqual([
      [1, 3, 2960000],
      [4, 6, 2860000],
      [7, 9, 2820000],
      [10, 11, 2770000],
    ]);
  });
  it("reads cumulative percentages after amounts (seed 002 公积金信息专网及驻场服务费)", () => {
    const p = readTextPlan("1-3月预计支出30万元，支出11%；4-6月份预计支出120万元，支出54%；7-9月份支出100万元，支出90%；9-11月预计支出29万元，支出100%。");
    expect(p.periods.map((x) => [x.amount?.yuan, x.percent, x.percentKind])).toEqual([
      [300000, 11, "cumulative"],
      [1200000, 54, "cumulative"],
      [1000000, 90, "cumulative"],
      [290000, 100, "cumulative"],
    ]);
  });
  it("reads shares of the project amount and stated totals (seed 002 服务大厅建设费)", () => {
    const p = readTextPlan(
      "1、2020年资金需求130.19万元，专项资金使用年限为一年。(1)基础装修费用793871元。 2、2020年支出计划说明，支出时间节点和金额。 1-6月，支出项目金额的80%，共104.15万元。 10-12月，支出项目金额的20%，共26.06万元。",
    );
    expect(p.totals.map((t) => t.yuan)).toEqual([1301900]);
    expect(p.periods.map((x) => [x.amount?.yuan, x.percent, x.percentKind])).toEqual([
      [1041500, 80, "share"],
      [260600, 20, "share"],
    ]);
  });
  it("ignores plans without amounts (seed 002 郑煤 聘用人员经费)", () => {
    const p = readTextPlan("2020年1月至2020年3月按月按时发放分中心聘用人员工资以及缴交五险二金。");
    expect(p.periods.every((x) => x.amount === undefined)).toBe(true);
  });
  it("does not read per-unit rates or counts as money", () => {
    expect(moneyAmounts("单笔费用80元/笔，服务群众200万人，培训400元/人*天，共计30万元").map((a) => a.yuan)).toEqual([300000]);
  });
  it("reads breakdowns with their parts (seed 001 项目实施内容)", () => {
    const text =
      "<p>1、业务成本费386.76万，包括会议费10.8万，培训费40万，残疾人就业保障金5万，办公成本费77万（包括办公耗材、日常办公用品、大厅办公用品、便民用品等），工作服48万，办公用房水电费等运行费用70万，物业费62.01万，信息设备维保、日常维修等维护费 54.95万，建湖管理部和射阳管理部房租19万等。</p> <p>2、委托业务费617.06万，包括综合服务平台外包费用169万/年（采用专业的外包公司对综合服务平台的日常运营和管理提供服务外包），法律顾问业务咨询费20.3万，公积金短信平台、专线等邮递费用219.76万，扶贫创文、宣传等费用180万，委托业务服务费用28万。</p>";
    const groups = readAmountGroups(text);
    expect(groups.map((g) => [g.label, g.total.yuan, g.parts.length])).toEqual([
      ["业务成本费", 3867600, 9],
      ["委托业务费", 6170600, 5],
    ]);
    for (const g of groups) expect(Math.round(g.parts.reduce((s, p) => s + p.amount.yuan, 0))).toBe(g.total.yuan);
  });
});
