/** value-format: 指标值 that cannot be read or is written loosely, with their fixes. */
import { buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { applyFix, expectFinding, expectNone, findingsOf, run } from "./helpers";

const OP_UNIT_HEADER = ["一级指标", "二级指标", "三级指标", "运算符", "指标值", "计量单位", "指标值确定依据"];

describe("value-format.malformed", () => {
  it.each([
    ["≥100按规定执行", /多余文字/],
    ["≥", /没有数值/],
    ["≥≥90%", /两个运算符/],
    ["90%-95%", /范围/],
  ])("positive: %s", (v, problem) => {
    const rows = withCells(cleanRows("common"), 1, { 3: v });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "value-format.malformed", { cell: t.cell(1, "value"), quoted: v, says: [problem] });
  });
  it.each([
    ["≥100按规定执行", /\(extra text "按规定执行" after the number\)/],
    ["≥", /\(an operator but no number\)/],
    ["≥≥90%", /\(two operators "≥≥"\)/],
    ["90%-95%", /\(written as the range "90%-95%"; write one target\)/],
    ["2026年13月", /\(not a valid date\)/],
    ["#REF!", /\(an Excel error value/],
  ])("in English the problem is told in English: %s", (v, problem) => {
    const rows = withCells(cleanRows("common"), 1, { 3: v });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const f = findingsOf(run(t.grid, { lang: "en" }), "value-format.malformed");
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(problem);
    // outside the quoted cell text, the English message holds no Chinese
    expect(f[0].message.replace(/"[^"]*"/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it("an indicator with an empty name cell is called (no name), not quoted as empty", () => {
    const rows = withCells(cleanRows("common"), 1, { 2: null, 3: "≥" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    for (const [lang, words] of [["zh", "指标（未填名称）的指标值"], ["en", "of (no name) cannot be read"]] as const) {
      const f = findingsOf(run(t.grid, { lang }), "value-format.malformed");
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain(words);
      expect(f[0].message).not.toMatch(/“”|""/);
    }
  });
  it("negative: op number unit in the ways people write it", () => {
    for (const v of ["≥90%", "90%以上", "不低于90%", "≥ 90 %"]) {
      const rows = withCells(cleanRows("common"), 1, { 3: v });
      expectNone(run(buildTable(cleanSpec("common", { rows }))), "value-format.malformed");
    }
  });
});

describe("value-format.missing-operator", () => {
  it("positive: a cost without ≤ (seed 000 发放金额 993.85 万元); the fix asks for confirmation and clears it", () => {
    const rows = withCells(cleanRows("common"), 3, { 3: "25 万元" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "value-format.missing-operator", { cell: t.cell(3, "value"), quoted: ["宣传总成本", "25 万元"], says: [/≤25万元/] });
    expect(f.fix).toMatchObject({ cell: t.cell(3, "value"), value: "≤25万元", previous: "25 万元", confirm: true });
    expectNone(run(applyFix(r, f)), "value-format.missing-operator");
  });
  it("positive: a satisfaction rate without ≥ (seed 002 缴存满意度职工 99%); the fix needs no confirmation", () => {
    const rows = withCells(cleanRows("four-goal"), 10, { 3: "99%" });
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "value-format.missing-operator", { cell: t.cell(10, "value"), quoted: "99%", says: [/≥99%/] });
    expect(f.fix?.value).toBe("≥99%");
    expect(f.fix?.confirm).toBeUndefined();
    expectNone(run(applyFix(r, f)), "value-format.missing-operator");
  });
  it("positive: with a 运算符 column the fix fills the operator cell, not the value", () => {
    const t = buildTableInfo({
      template: "common",
      header: OP_UNIT_HEADER,
      rows: [
        ["产出指标", "数量指标", "宣传次数", "≥", 9, "次", "计划标准"],
        [null, "成本指标", "宣传总成本", null, 25, "万元", "预算批复"],
        ["效益指标", "社会效益指标", "政策知晓率", "≥", 80, "%", "计划标准"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", null, 90, "%", "计划标准"],
      ],
    });
    const r = run(t.grid);
    const cost = expectFinding(r, "value-format.missing-operator", { cell: t.cell(1, "value"), quoted: "25万元" });
    expect(cost.fix).toMatchObject({ cell: t.cell(1, "operator"), value: "≤", confirm: true });
    const sat = expectFinding(r, "value-format.missing-operator", { cell: t.cell(3, "value"), quoted: "90%" });
    expect(sat.fix).toMatchObject({ cell: t.cell(3, "operator"), value: "≥" });
    expectNone(run(applyFix(run(applyFix(r, cost)), sat)), "value-format.missing-operator");
  });
  it("a shifted row whose 运算符 cell holds a label: the fix goes into the value, never over the label (found by a property run)", () => {
    const grid = {
      sheet: "表1",
      origin: { row: 1, col: 1 },
      cells: [
        ["二级指标", "运算符号", "三级指标", "指标说明", "指标值"],
        ["生态环境成本", null, "投入与目标管理类指标", "2亿元", null],
      ],
    };
    const f = expectFinding(run(grid), "value-format.missing-operator", { cell: "D2", quoted: "2亿元" });
    expect(f.fix).toMatchObject({ cell: "D2", value: "≤2亿元", previous: "2亿元", confirm: true });
    // the row-shift finding does not call the row by its cell address
    const shifted = findingsOf(run(grid), "structure.row-shifted")[0];
    expect(shifted.message).toContain("这一行（未填指标名称）整体向左错了 1 列");
    expect(findingsOf(run(grid, { lang: "en" }), "structure.row-shifted")[0].message).toContain("The row of an indicator with no name is shifted 1 column");
  });
  it("negative: counts may go without an operator; =100% satisfaction is complete", () => {
    const rows = withCells(cleanRows("four-goal"), 10, { 3: "100%" });
    expectNone(run(buildTable(cleanSpec("four-goal", { rows }))), "value-format.missing-operator");
  });
});

describe("value-format.value-in-basis", () => {
  it("positive: a second value in the basis column (seed 000 职工满意度 ≥90% | ≥95%)", () => {
    const rows = withCells(cleanRows("common"), 8, { 4: "≥95%" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "value-format.value-in-basis", { cell: t.cell(8, "basis"), quoted: ["群众满意度", "≥95%", "≥90%"] });
  });
  it("negative: a basis that names a standard", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "value-format.value-in-basis");
  });
});

describe("value-format.normalise", () => {
  it.each([
    ["＞＝90％", "≥90%"],
    ["90百分比", "90%"],
    // the operator said twice, as a sign and as a word that means the same
    ["≥95%以上", "≥95%"],
    [">=95%及以上", "≥95%"],
  ])("positive: %s is written %s, and the fix clears it", (v, fixed) => {
    const rows = withCells(cleanRows("common"), 1, { 3: v });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    const f = expectFinding(r, "value-format.normalise", { cell: t.cell(1, "value"), quoted: [v, fixed] });
    expect(f.fix).toMatchObject({ value: fixed, previous: v });
    expectNone(run(applyFix(r, f)), "value-format.normalise");
  });
  it("a cost written ≤25万元以内 is suggested as ≤25万元; a sign and a word that disagree (≥80%以下) stay an error, not a spelling", () => {
    const rows = withCells(withCells(cleanRows("common"), 3, { 3: "≤25万元以内" }), 1, { 3: "≥80%以下" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expect(expectFinding(r, "value-format.normalise", { cell: t.cell(3, "value"), quoted: "≤25万元以内" }).fix).toMatchObject({ value: "≤25万元" });
    expectFinding(r, "value-format.malformed", { cell: t.cell(1, "value"), quoted: "≥80%以下", says: [/矛盾/] });
    expect(findingsOf(r, "value-format.normalise").map((f) => f.cell)).not.toContain(t.cell(1, "value"));
  });
  it("positive: the unit typo 百分百 is unreadable (error), and the normalise fix repairs both findings", () => {
    const rows = withCells(cleanRows("common"), 1, { 3: "≥95百分百" });
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expectFinding(r, "value-format.malformed", { cell: t.cell(1, "value"), quoted: "≥95百分百", says: [/百分百/] });
    const f = expectFinding(r, "value-format.normalise", { cell: t.cell(1, "value"), quoted: ["≥95百分百", "≥95%"] });
    const fixed = run(applyFix(r, f));
    expectNone(fixed, "value-format.malformed");
    expectNone(fixed, "value-format.normalise");
  });
  it("negative: values already in the standard spelling, and values split over operator/unit columns", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "value-format.normalise");
    const t = buildTable({ template: "common", header: OP_UNIT_HEADER, rows: [["产出指标", "质量指标", "完成率", "大于等于", 90, "%", "计划标准"]] });
    expectNone(run(t), "value-format.normalise");
  });
});
