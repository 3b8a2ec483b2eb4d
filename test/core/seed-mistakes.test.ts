/**
 * Every real mistake listed in docs/domain.md "Real mistakes in the seeds", found on the right cell with the right category,
 * in the example workbooks built from the seeds.
 */
import { validate, type Report } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import { loadExampleGrids } from "../helpers/examples";

const reports: Record<string, Report> = {};

beforeAll(async () => {
  for (const f of ["seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"]) reports[f] = validate(await loadExampleGrids(f));
});

function find(file: string, sheet: string, cell: string, rule: string): Finding | undefined {
  return reports[file].findings.find((f) => f.sheet.includes(sheet) && f.cell === cell && f.rule === rule);
}

const S000 = "部门预算绩效文本";

// [what docs/domain.md says, file, sheet (part of the name), cell, rule, category]
const MISTAKES: [string, string, string, string, string, string][] = [
  ["000 预留奖励绩效工资: 成本指标 written in the 一级 column", "seed000-stacked.xlsx", S000, "A113", "structure.row-shifted", "structure"],
  ["000 预留奖励绩效工资: 993.85 万元 with no operator", "seed000-stacked.xlsx", S000, "D113", "value-format.missing-operator", "value-format"],
  ["000 预留奖励绩效工资: a second value (≥95%) in the basis column", "seed000-stacked.xlsx", S000, "F118", "value-format.value-in-basis", "value-format"],
  ["000 营业大厅运转费: no 满意度 indicator", "seed000-stacked.xlsx", S000, "A173", "structure.level1-empty", "structure"],
  ["000 贷款管理专项经费: no 满意度 indicator", "seed000-stacked.xlsx", S000, "A238", "structure.level1-empty", "structure"],
  ["000 办公家具及自动化设备购置费: plan stops at 80%", "seed000-stacked.xlsx", S000, "F316", "spending-plan.not-100", "spending-plan"],
  ["000 法律顾问经费: spending plan left empty", "seed000-stacked.xlsx", S000, "A377", "missing.spending-plan", "missing"],
  ["001: 全中心物业费总成本 ≥62.01万元", "seed001.xlsx", "住房公积金管理业务费用", "E41", "cost.direction", "cost"],
  ["001: 短信平台及邮递费 ≥187.26万元", "seed001.xlsx", "住房公积金管理业务费用", "E43", "cost.direction", "cost"],
  ["001: 月租金 =1.146万元 vs =1.416万元", "seed001.xlsx", "住房公积金管理业务费用", "D40", "consistency.half-vs-full", "consistency"],
  ["001: 缴存职工满意度 提高", "seed001.xlsx", "住房公积金管理业务费用", "E87", "vague.satisfaction", "vague"],
  ["001: rows shifted one column left after a page break (维保维护费用)", "seed001.xlsx", "住房公积金管理业务费用", "B56", "structure.row-shifted", "structure"],
  ["001: rows shifted one column left after a page break (加大行政执法力度)", "seed001.xlsx", "住房公积金管理业务费用", "B80", "structure.row-shifted", "structure"],
  ["002 政府购买服务（劳务）经费: plan text 1141 万元 against 12,210,000 元", "seed002.xlsx", "01 ", "B15", "budget-sum.plan-text", "budget-sum"],
  ["002 公积金信息专网及驻场服务费: plan text 279 万元 against 2,490,000 元", "seed002.xlsx", "05 ", "B15", "budget-sum.plan-text", "budget-sum"],
  ["002 公积金信息专网及驻场服务费: 项目质量可控性 listed twice", "seed002.xlsx", "05 ", "C33", "duplicate.indicator", "duplicate"],
  ["002 服务大厅建设费: plan text needs 130.19 万元 against 800,000 元", "seed002.xlsx", "11 ", "B15", "budget-sum.plan-text", "budget-sum"],
  ["002 住房公积金管理系统维护费: plan 67 万元 against 50 万元", "seed002.xlsx", "12 ", "B15", "budget-sum.plan-text", "budget-sum"],
  ["002 住房公积金管理系统维护费: 各类商业活动举办次数 n", "seed002.xlsx", "12 ", "D35", "placeholder.value", "placeholder"],
  ["002 住房公积金管理系统维护费: 游客人数增长率 n%", "seed002.xlsx", "12 ", "D39", "placeholder.value", "placeholder"],
  ["002 住房公积金管理系统维护费: 销售收入增长率 n%", "seed002.xlsx", "12 ", "D40", "placeholder.value", "placeholder"],
  ["002 住房公积金管理系统维护费: 游客人数增长率 is a tourism indicator", "seed002.xlsx", "12 ", "C39", "relevance.unrelated", "relevance"],
  ["002 住房公积金管理系统维护费: 游客满意度", "seed002.xlsx", "12 ", "C41", "relevance.unrelated", "relevance"],
  ["002 郑煤 公积金政策宣传费: ≥4 with no unit", "seed002.xlsx", "08 ", "D35", "unit.missing", "unit"],
  ["002 郑煤 聘用人员经费: =100 with no unit", "seed002.xlsx", "09 ", "D37", "unit.missing", "unit"],
  ["002 郑煤 煤炭行业发展基金运转费: >80 with no unit", "seed002.xlsx", "10 ", "D42", "unit.missing", "unit"],
  ["002 公积金政策宣传费: 缴存满意度职工 99% with no operator", "seed002.xlsx", "06 ", "D40", "value-format.missing-operator", "value-format"],
  ["002 公积金政策宣传费: 印制明白卡 300万册 while the goal says 100万册", "seed002.xlsx", "06 ", "D35", "consistency.goal-vs-table", "consistency"],
];

describe("the real mistakes of the seed tables", () => {
  it.each(MISTAKES)("%s", (_what, file, sheet, cell, rule, category) => {
    const f = find(file, sheet, cell, rule);
    expect(f).toBeDefined();
    expect(f?.category).toBe(category);
    expect(f?.cell).toBe(cell);
  });

  it("reports the cost indicators written with ≥ in both the half-year and full-year columns, and nothing else as cost.direction", () => {
    const cells = reports["seed001.xlsx"].findings.filter((f) => f.rule === "cost.direction").map((f) => f.cell);
    expect(cells).toEqual(["D41", "E41", "D43", "E43", "D44", "E44", "D46", "E46", "D52", "E52", "D53", "E53"]);
  });

  it("says the percentages of the 专网 plan text fit 279 万元, not the budget", () => {
    const f = find("seed002.xlsx", "05 ", "B15", "budget-sum.plan-text");
    expect(f?.message).toMatch(/11%、54%、90%/);
    expect(f?.message).toMatch(/279万元/);
  });

  it("compares the part-one summary with the table (法律相关工作完成率 ≥90% vs 100%) but accepts 3+3+3 = 9 宣传次数", () => {
    const s000 = reports["seed000-stacked.xlsx"].findings.filter((f) => f.rule === "consistency.goal-vs-table");
    expect(s000.map((f) => f.indicator)).toEqual(["法律相关工作完成率"]);
  });

  it("gives every seed 000 table a warning that its money unit is not declared, and no cost comparison", () => {
    const r = reports["seed000-stacked.xlsx"];
    expect(r.findings.filter((f) => f.rule === "budget-sum.unit-undeclared")).toHaveLength(17);
    expect(r.findings.filter((f) => f.rule === "cost.above-budget")).toHaveLength(0);
  });

  it("leaves the clean seed 000 tables without errors", () => {
    const r = reports["seed000-stacked.xlsx"];
    const withErrors = new Set(r.findings.filter((f) => f.severity === "error").map((f) => f.table));
    const clean = r.tables.filter((t) => !withErrors.has(t.id)).map((t) => t.projectName?.text);
    expect(clean.length).toBeGreaterThanOrEqual(13);
    expect(clean).toContain("宣传费");
    expect(clean).toContain("网络租赁服务费");
  });
});
