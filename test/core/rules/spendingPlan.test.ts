/** spending-plan: the cumulative 资金支出计划 rises, stays within 100%, ends at 100%; plan-text percentages fit its amounts. */
import { buildTable, buildTableInfo, cleanSpec } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";

/** the plan's percentage cells in the common layout: B, D, E, F of the row under the month headers */
function planCells(t: ReturnType<typeof buildTableInfo>): string[] {
  const row = Number(t.find("3月底").replace(/^[A-Z]+/, "")) + 1;
  return ["B", "D", "E", "F"].map((c) => `${c}${row}`);
}

describe("spending-plan.falls", () => {
  it("positive: 30% by 6月底 after 40% by 3月底", () => {
    const t = buildTableInfo(cleanSpec("common", { plan: [0.4, 0.3, 0.6, 1] }));
    expectFinding(run(t.grid), "spending-plan.falls", { cell: planCells(t)[1], says: [/6月底累计支出 30%/, /3月底 的 40%/] });
  });
  it("negative: a plan that only rises", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "spending-plan.falls");
  });
});

describe("spending-plan.above-100", () => {
  it("positive: 110% by 12月底", () => {
    const t = buildTableInfo(cleanSpec("common", { plan: [0.1, 0.3, 0.6, 1.1] }));
    expectFinding(run(t.grid), "spending-plan.above-100", { cell: planCells(t)[3], says: [/110%/] });
  });
  it("negative: 100% by 12月底", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "spending-plan.above-100");
  });
});

describe("spending-plan.not-100", () => {
  it("positive: stops at 80% by 10月底 (seed 000 办公家具及自动化设备购置费)", () => {
    const t = buildTableInfo(cleanSpec("common", { plan: [null, 0.5, 0.8, null] }));
    expectFinding(run(t.grid), "spending-plan.not-100", { cell: planCells(t)[2], says: [/10月底累计只有 80%/] });
  });
  it("negative: 100% reached early (seed 000 业务工作培训费: 6月底 100%)", () => {
    expectNone(run(buildTable(cleanSpec("common", { plan: [null, 1, null, null] }))), "spending-plan.not-100");
  });
});

describe("spending-plan.text-percent", () => {
  it("positive (info): 72% written where 20+10 of 40万 is 75% (seed 002 管委会工作经费)", () => {
    const text = "1-6月份预计支出20万元，支出52%；7-9月份支出10万元，支出72%；9-12月预计支出10万元，支出100%。";
    const t = buildTableInfo(cleanSpec("four-goal", { budget: 400000, implementationPlan: text }));
    expectFinding(run(t.grid), "spending-plan.text-percent", { cell: t.valueOf("项目实施计划"), severity: "info", quoted: "7-9月份", says: [/72%/, /75.0%/] });
  });
  it("positive (warning): 60% written where the amounts give 75%", () => {
    const text = "1-6月份预计支出20万元，支出50%；7-9月份支出10万元，支出60%；9-12月预计支出10万元，支出100%。";
    const t = buildTableInfo(cleanSpec("four-goal", { budget: 400000, implementationPlan: text }));
    expectFinding(run(t.grid), "spending-plan.text-percent", { cell: t.valueOf("项目实施计划"), quoted: "7-9月份", says: [/60%/, /75.0%/] });
  });
  it("negative: percentages that fit (seed 002 机关 公积金政策宣传费), and amounts that miss the budget (budget-sum.plan-text says so instead)", () => {
    const fits = "1-6月份预计支出资金35万元，支出73%；7-9月份支出资金10万元，支出94%；9-11月预计支出资金3万元，支出100%。";
    expectNone(run(buildTable(cleanSpec("four-goal", { budget: 480000, implementationPlan: fits }))), "spending-plan.text-percent");
    // seed 002 住房公积金管理系统维护费: 30% / 30% / 40% of the project are right; the amounts 21 + 21 + 25 are not
    const wrongAmounts = "1-6月，支出项目金额的30%，共21万元。 7-9月，支出项目金额的30%，共21万元。 10-12月，支出项目金额的40%，共25万元。";
    const r = run(buildTable(cleanSpec("four-goal", { budget: 500000, implementationPlan: wrongAmounts })));
    expectNone(r, "spending-plan.text-percent");
    expect(r.findings.map((f) => f.rule)).toContain("budget-sum.plan-text");
  });
});
