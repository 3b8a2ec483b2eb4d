/** structure: the 一级/二级 skeleton of the grid, as a reviewer reads it. */
import { asIs, buildTable, buildTableInfo, cleanRows, cleanSpec, withCells } from "../../helpers/tableBuilder";
import { expectFinding, expectNone, run } from "./helpers";
import { gridFromRows } from "../../../src/core/grid";

describe("structure.label-misplaced", () => {
  it("positive: 社会效益指标 written in the 一级 column (seed 000 宣传费)", () => {
    const rows = cleanRows("common");
    rows[5] = ["社会效益指标", null, "政策知晓率", "≥80%"];
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expectFinding(r, "structure.label-misplaced", { cell: t.cell(5, "level1"), quoted: "社会效益指标", says: [/应写在 B 列/] });
    // it is still read as the 二级 it is
    expect(r.tables[0].indicators.find((i) => i.name?.text === "政策知晓率")?.level2?.key).toBe("社会效益");
  });
  it("negative: labels in their own columns", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "structure.label-misplaced");
  });
});

describe("structure.row-shifted", () => {
  const shifted = () => {
    const rows = cleanRows("common");
    // seed 000 预留奖励绩效工资: the cost row starts in the 一级 column
    rows[3] = asIs("成本指标", "发放金额", "按照批复金额发放", "≤25万元", "批复文件");
    return buildTableInfo(cleanSpec("common", { rows }));
  };
  it("positive: a cost row written one column to the left", () => {
    const t = shifted();
    const r = run(t.grid);
    expectFinding(r, "structure.row-shifted", { cell: t.cell(3, "level1"), quoted: ["发放金额", "成本指标"], says: [/向左错了 1 列/] });
    const cost = r.tables[0].indicators.find((i) => i.name?.text === "发放金额");
    expect(cost?.value?.text).toBe("≤25万元");
    expect(cost?.level2?.key).toBe("成本");
  });
  it("negative: the same row in its columns", () => {
    const rows = withCells(cleanRows("common"), 3, { 2: "发放金额", 3: "≤25万元" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "structure.row-shifted");
  });
});

describe("structure.row-shifted, no label moved with the row", () => {
  it("negative: a name that holds a quantity (饲料库120平米) in a self-evaluation still to be filled in stays where it stands (a made 自评表 of corpus 22)", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目名称", "养殖场基础设施建设"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "新建养殖场数量", "≥1个", null, 10, null, null],
      [null, "成本指标", "打井、配电", "≤50000元", null, 10, null, null],
      [null, null, "饲料库120平米", "≤490元/平米", null, 10, null, null],
      [null, null, "围墙300米", "≤300元/米", null, 10, null, null],
      ["满意度指标", "服务对象满意度指标", "养殖户满意度", "≥90%", null, 10, null, null],
    ]);
    const r = run(grid);
    expectNone(r, "structure.row-shifted");
    expectNone(r, "missing.name");
    expect(r.tables[0].indicators.map((i) => i.name?.text)).toContain("饲料库120平米");
  });
});

describe("structure.name-misplaced", () => {
  it("positive: a 三级 name in the 一级 column after a page break (seed 002 县区管理部发展基金)", () => {
    const rows = cleanRows("four-goal");
    rows.splice(3, 0, asIs("项目质量可控性", null, null, "可控"));
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    const r = run(t.grid);
    expectFinding(r, "structure.name-misplaced", { cell: t.cell(3, "level1"), quoted: "项目质量可控性", says: [/应在 C 列/] });
    expect(r.tables[0].indicators.find((i) => i.name?.text === "项目质量可控性")?.value?.text).toBe("可控");
  });
  it("negative: the name in the 三级 column", () => {
    const rows = cleanRows("four-goal");
    rows.splice(3, 0, [null, null, "项目质量可控性", "可控"]);
    expectNone(run(buildTable(cleanSpec("four-goal", { rows }))), "structure.name-misplaced");
  });
  it("positive: a table with no 三级 column says so, instead of naming a column (blind round 4, 鄂州: the 二级 column holds the names)", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目名称", "办公大楼运行保障", "预算数(万元)", 814],
      ["一级指标", "二级指标", "指标值"],
      ["数量指标", "办公大楼日常维修维护次数", "2280次"],
      [null, "大楼安检巡察次数", "200次"],
      ["满意度指标", "服务对象满意度", "≥95%"],
    ]);
    const f = expectFinding(run(grid), "structure.name-misplaced", { cell: "B3", quoted: "办公大楼日常维修维护次数", says: [/本表没有三级指标/] });
    expect(f.message).not.toContain("?");
  });
});

describe("a whole column one level off (blind round 4, 鄂州: the 一级 column holds 二级 labels, the 二级 column the names)", () => {
  const grid = () =>
    gridFromRows("Sheet1", [
      ["项目名称", "办公大楼运行保障", "预算数(万元)", 814],
      ["一级指标", "二级指标", "指标值"],
      ["数量指标", "办公大楼日常维修维护次数", "≥280次"],
      [null, "大楼安检巡察次数", "≥200次"],
      ["质量指标", "日常维修维护验收合格率", "≥92%"],
      [null, "重要设备维修维保验收合格率", "≥95%"],
      ["成本指标", "保洁服务费", "≤99万元"],
    ]);
  it("is reported once a column, not once a cell, and the framework is still known", () => {
    const r = run(grid());
    const labels = r.findings.filter((f) => f.rule === "structure.label-misplaced");
    const names = r.findings.filter((f) => f.rule === "structure.name-misplaced");
    expect(labels).toHaveLength(1);
    expect(names).toHaveLength(1);
    expectFinding(r, "structure.label-misplaced", { cell: "A3", quoted: "数量指标、质量指标、成本指标", says: [/A 列中的/, /都是二级指标/] });
    expectFinding(r, "structure.name-misplaced", { cell: "B3", quoted: "办公大楼日常维修维护次数", says: [/B 列中有 5 个三级指标名称/, /本表没有三级指标/] });
    expect(r.tables[0].framework.matched).toBe(true);
    expect(r.tables[0].indicators.map((i) => i.level2?.key)).toEqual(["数量", "数量", "质量", "质量", "成本"]);
  });
});

describe("structure.unknown-label", () => {
  it("positive: 厂口目标 for 产出目标 (seed 002 住房公积金管理系统维护费), with a suggestion", () => {
    const rows = cleanRows("four-goal");
    rows[6] = ["厂口目标", "时效", "工资发放及时性", "按月及时发放"];
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    const r = run(t.grid);
    expectFinding(r, "structure.unknown-label", { cell: t.cell(6, "level1"), quoted: ["厂口目标", "产出目标"] });
  });
  it("negative: the framework's own labels, with or without the 指标/目标 suffix", () => {
    const rows = withCells(cleanRows("common"), 0, { 0: "产出", 1: "数量" });
    expectNone(run(buildTable(cleanSpec("common", { rows }))), "structure.unknown-label");
    expectNone(run(buildTable(cleanSpec("four-goal"))), "structure.unknown-label");
  });
});

describe("structure.level2-wrong-parent", () => {
  it("positive: 数量指标 under 效益指标", () => {
    const rows = cleanRows("common");
    rows.splice(5, 0, [null, "数量指标", "宣传册发放数量", "≥1000份"]);
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "structure.level2-wrong-parent", { cell: t.cell(5, "level2"), quoted: ["数量指标", "效益指标"] });
  });
  it("negative: 数量指标 under 产出指标", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "structure.level2-wrong-parent");
  });
});

describe("structure.level1-empty", () => {
  it("positive: no 满意度 indicator at all (seed 000 营业大厅运转费) is reported on the header", () => {
    const rows = cleanRows("common").slice(0, 8);
    const t = buildTableInfo(cleanSpec("common", { rows }));
    const r = run(t.grid);
    expectFinding(r, "structure.level1-empty", { cell: `A${t.headerRow}`, quoted: "满意度指标", says: [/本表缺少满意度指标/] });
  });
  it("positive: a 满意度指标 label with nothing under it is reported on the label", () => {
    const rows = cleanRows("common");
    rows[8] = ["满意度指标", "服务对象满意度指标"];
    const t = buildTableInfo(cleanSpec("common", { rows }));
    expectFinding(run(t.grid), "structure.level1-empty", { cell: t.cell(8, "level1"), quoted: "满意度指标" });
  });
  it("negative: every required 一级 carries an indicator; empty optional 二级 are fine", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "structure.level1-empty");
  });
  it("negative: a table that writes only 二级 labels (产出数量指标, 质量指标 …) has its 产出 through them (corpus 03, Hebei)", () => {
    const grid = gridFromRows("Sheet1", [
      ["评价内容", "指标名称", "目标值", "分值"],
      ["产出数量指标", "享受资助人数", "2100人", 30],
      ["质量指标", "及时发放率", "100%", 30],
      ["社会效益指标", "资助政策知晓率", "≥90%", 20],
      ["服务对象满意度指标", "资助对象满意度", "≥95%", 20],
    ]);
    const r = run(grid);
    expect(r.tables[0].header?.columns.level2).toBe(1);
    expectNone(r, "structure.level1-empty");
  });
  it("negative: a 二级 written under another 一级 (经济成本指标 under 产出指标) is reported where it stands, not its 一级 as missing as well (blind round 5, 大英)", () => {
    const grid = gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "购置设备数量", "≥20台"],
      [null, "经济成本指标", "成本控制数", "≤30万元"],
      ["效益指标", "社会效益指标", "办公效率提升", "显著"],
      ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"],
    ]);
    const r = run(grid);
    expect(r.findings.filter((f) => f.rule === "structure.level2-wrong-parent").map((f) => f.cell)).toEqual(["B3"]);
    expect(r.findings.filter((f) => f.rule === "structure.level1-empty").map((f) => f.message)).not.toContainEqual(expect.stringMatching(/成本/));
  });
  it("negative: a flat list without 一级/二级 (Chongqing 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值) is not checked against a framework", () => {
    const grid = gridFromRows("Sheet1", [
      ["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
      [null, "发放人数", 50, "人", "≥", "80"],
      [null, "保障权益", 50, null, "定性", null],
    ]);
    const r = run(grid);
    expect(r.tables[0].framework.matched).toBe(false);
    expectNone(r, "structure.level1-empty");
    expectNone(r, "structure.framework-unmatched");
  });
});

describe("structure.framework-unmatched", () => {
  const grid = (l1: [string, string], l2: [string, string]) =>
    gridFromRows("Sheet1", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [l1[0], l2[0], "完成调研报告", "≥2份"],
      [l1[1], l2[1], "按期完成率", "100%"],
    ]);
  it("positive: labels no framework knows are said once for the table, not once a label", () => {
    const r = run(grid(["工作任务", "管理要求"], ["重点任务", "制度建设"]));
    expectFinding(r, "structure.framework-unmatched", { cell: "A2", says: [/工作任务/, /与已知的指标体系都不一致/] });
    expectNone(r, "structure.unknown-label");
    expectNone(r, "structure.level1-empty");
  });
  it("negative: the common framework's labels", () => {
    expectNone(run(grid(["产出指标", "满意度指标"], ["数量指标", "服务对象满意度指标"])), "structure.framework-unmatched");
  });
});

describe("structure.level2-empty", () => {
  it("positive: 质量 left empty in the four-goal layout (seed 002 贷款印花税及中心审计费)", () => {
    const rows = cleanRows("four-goal");
    rows[5] = [null, "质量"];
    const t = buildTableInfo(cleanSpec("four-goal", { rows }));
    expectFinding(run(t.grid), "structure.level2-empty", { cell: t.cell(5, "level2"), quoted: ["质量", "产出目标"] });
  });
  it("negative: a satisfaction indicator placed under 社会效益 is reported there, not as an empty 满意度 block", () => {
    const rows = cleanRows("four-goal");
    rows[9] = [null, "社会效益", "群众满意度", "≥95%"];
    rows[10] = [null, "满意度"];
    const r = run(buildTable(cleanSpec("four-goal", { rows })));
    expectNone(r, "structure.level2-empty");
    expect(r.findings.map((f) => f.rule)).toContain("relevance.satisfaction-misplaced");
  });
  it("negative: optional 二级 (资产管理, 成本, 经济效益, 人力资源) may stay empty", () => {
    expectNone(run(buildTable(cleanSpec("four-goal"))), "structure.level2-empty");
  });
});

describe("structure.no-indicator-rows", () => {
  it("positive: a header with nothing under it", () => {
    const t = buildTableInfo(cleanSpec("common", { rows: [] }));
    expectFinding(run(t.grid), "structure.no-indicator-rows", { cell: `A${t.headerRow}`, says: [/没有任何三级指标/] });
  });
  it("negative: a header with indicator rows", () => {
    expectNone(run(buildTable(cleanSpec("common"))), "structure.no-indicator-rows");
  });
});

describe("structure.header-unrecognised", () => {
  it("positive: a titled sheet whose header names no indicator columns", () => {
    const g = buildTable(cleanSpec("common", { header: ["指标类别", "指标分类", "指标", "说明", "数值", "来源"], sheet: "宣传费" }));
    const r = run(g);
    expect(r.tables).toHaveLength(0);
    expectFinding(r, "structure.header-unrecognised", { cell: "A1", sheet: "宣传费", quoted: ["宣传费", "宣传费项目绩效目标表"] });
  });
  it("negative: a recognised table, and a sheet that is no target table at all", () => {
    const other = { sheet: "说明", origin: { row: 1, col: 1 }, cells: [["填表说明"], ["金额单位为万元。"]] };
    const r = run([buildTable(cleanSpec("common")), other]);
    expect(r.sheetsWithoutTables).toEqual(["说明"]);
    expectNone(r, "structure.header-unrecognised");
  });
});
