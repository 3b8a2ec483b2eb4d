/**
 * Recognition of template variants the seeds do not show: separate 运算符 / 计量单位 / 权重 columns,
 * 指标值说明 as the description, 半年/全年 columns with an operator column — and the recognizer bugs
 * these grids found, one test each.
 */
import { validate } from "../../src/core/engine";
import { recognizeTables } from "../../src/core/recognize";
import { operatorInColumn } from "../../src/core/recognize";
import { gridFromRows } from "../../src/core/grid";
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

describe("templates of other provinces (issue 11)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);

  it("a flat department list with 项目名称 on each project's first row is one table a project (Sichuan system export)", () => {
    const grid = at([
      ["部门预算项目绩效目标申报表(2023年度)"],
      ["金额单位:元"],
      ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性"],
      ["820-马踏镇部门", null, 8827620.53],
      ["820001-井研县马踏镇人民政府", "村组干部报酬", 3309840, "按时发放村组干部报酬", "产出指标", "数量指标", "发放人数", "≥", "230", "人", 50, "正向指标"],
      [null, null, null, null, "满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", "95", "%", 50, "正向指标"],
      ["820001-井研县马踏镇人民政府", "基层组织活动经费", 120000, "保障基层组织正常运转", "产出指标", "数量指标", "保障村数", "≥", "12", "个", 40, "正向指标"],
      [null, null, null, null, "效益指标", "社会效益指标", "基层组织运转正常率", "≥", "95", "%", 30, "正向指标"],
      [null, null, null, null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", 30, "正向指标"],
    ]);
    const tables = recognizeTables(grid);
    expect(tables.map((t) => [t.projectName?.text, t.budget.total?.value, t.moneyUnit.unit, t.texts.goals[0]?.text, t.indicators.map((i) => i.name?.text)])).toEqual([
      ["村组干部报酬", 3309840, "元", "按时发放村组干部报酬", ["发放人数", "人民群众满意度"]],
      ["基层组织活动经费", 120000, "元", "保障基层组织正常运转", ["保障村数", "基层组织运转正常率", "群众满意度"]],
    ]);
    // the 指标性质 column gives the operator, 指标方向性 the direction
    expect(tables[0].indicators[0].parsed?.op).toBe("≥");
    expect(tables[0].indicators[0].direction?.text).toBe("正向指标");
    expect(new Set(tables.map((t) => t.id)).size).toBe(2);
  });

  it("a department-wide table is named by its department, and its 资金总额 must equal 基本支出 + 项目支出", () => {
    const grid = at([
      ["2022年部门(单位)整体绩效目标表"],
      [null, null, null, null, null, "单位:万元"],
      ["部门(单位)名称", "重庆市巴南区人民政府一品街道办事处", "资金总额", 3724.39],
      [null, null, "其中:基本支出", 2100],
      [null, null, "项目支出", 1500],
      ["当年整体绩效目标", "保障街道机关正常运转，对辖区125公里农村公路开展养护维修。"],
      ["绩效指标", "指标名称", "指标权重", "计量单位", "指标性质", "指标值"],
      [null, "农村公路养护里程", 50, "公里", "=", "125"],
      [null, "服务对象满意度", 50, "%", "≥", "95"],
    ]);
    const r = validate([grid]);
    const t = r.tables[0];
    expect([t.projectName?.text, t.budget.total?.value, t.moneyUnit.unit, t.framework.matched]).toEqual(["重庆市巴南区人民政府一品街道办事处", 3724.39, "万元", false]);
    const f = r.findings.find((x) => x.rule === "budget-sum.uses");
    expect(f?.cell).toBe("D3");
    expect(f?.message).toContain("基本支出、项目支出合计 3,600万元");
    // the flat list has no 一级/二级: no structure finding about a framework
    expect(r.findings.filter((x) => x.category === "structure")).toEqual([]);
  });

  it("reads amounts written with their unit or a comment, and takes the money unit from them", () => {
    const grid = at([
      ["项目支出绩效目标批复表"],
      ["项目名称", "高标准农田建设", "项目负责人"],
      ["项目金额", "854万(高标准农田建设400万元，农田水利454万元)", "其中:当年市级财政资金", "2279.048 万元"],
      ["年度绩效目标(文字)", "建设高标准农田2万亩，改善灌溉条件。"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "新建高标准农田面积", "≥2万亩"],
      [null, "成本指标", "建设成本", "≤854万元"],
      ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"],
    ]);
    const t = recognizeTables(grid)[0];
    expect([t.budget.total?.value, t.budget.total?.unit, t.budget.fiscal?.value, t.moneyUnit]).toEqual([854, "万元", 2279.048, { unit: "万元", declared: true, source: expect.objectContaining({ address: "B3" }) }]);
    expect(t.texts.goals.map((g) => g.text)).toEqual(["建设高标准农田2万亩，改善灌溉条件。"]);
  });

  it("reads every goal of 绩效目标 | 目标1 | … with 目标2, 目标3 on the rows below (bug: only 目标1's text was read)", () => {
    const goals = ["加大住房公积金政策宣传力度，扩大社会影响力。", "提高缴存职工满意度，满意度达到90%以上。", "完成宣传册印制10万册。"];
    const t = buildTableInfo(cleanSpec("common", { goals }));
    const read = recognizeTables(t.grid)[0];
    expect(read.texts.goals.map((g) => g.text)).toEqual(goals);
    // the rows under the goals are not goals: a table with one goal reads one
    expect(recognizeTables(buildTableInfo(cleanSpec("common", { goals: goals.slice(0, 1) })).grid)[0].texts.goals).toHaveLength(1);
  });

  it("reads the money unit from the title line (金额单位：万元 right of the title) and 资金情况(单位:万元)", () => {
    const grid = at([
      ["2025年项目支出绩效目标表", null, null, "金额单位:万元"],
      ["项目支出名称", "基本公共卫生服务专项", "年度本级预算金额", 70],
      ["项目绩效目标", "完成全县突发公共卫生事件应急培训。"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["成本指标", "经济成本指标", "专项经费", "≤70万元"],
      ["产出指标", "数量指标", "培训人次", "≥300人次"],
      ["效益指标", "社会效益指标", "应急处置及时率", "≥95%"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ]);
    const t = recognizeTables(grid)[0];
    expect([t.projectName?.text, t.budget.total?.value, t.moneyUnit.unit, t.moneyUnit.source?.address, t.framework.id]).toEqual(["基本公共卫生服务专项", 70, "万元", "D1", "core-2021"]);
  });
});

describe("headers printed again, notes and cells with several amounts (corpus 29-31)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  const HEADER = ["一级指标", "二级指标", "三级指标", "指标值"];

  it("a column header repeated before each 一级 block continues the table", () => {
    const grid = at([
      ["专项经费绩效评价表"],
      HEADER,
      ["产出指标", "数量指标", "培训人次", "≥200人次"],
      HEADER,
      ["效益指标", "社会效益指标", "持证上岗率", "≥95%"],
      HEADER,
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ]);
    const tables = recognizeTables(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0].title?.text).toBe("专项经费绩效评价表");
    expect(tables[0].indicators.map((i) => [i.level1?.text, i.name?.text])).toEqual([
      ["产出指标", "培训人次"],
      ["效益指标", "持证上岗率"],
      ["满意度指标", "学员满意度"],
    ]);
    expect(tables[0].rangeA1).toBe("A1:D7");
  });

  it("the same header two empty rows or more under a grid starts a table of its own (two pasted one under the other; blind round 5, 大英)", () => {
    const grid = at([
      ["专项经费绩效评价表"],
      HEADER,
      ["产出指标", "数量指标", "培训人次", "≥200人次"],
      [],
      [],
      HEADER,
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ]);
    expect(recognizeTables(grid).map((t) => t.indicators.map((i) => i.name?.text))).toEqual([["培训人次"], ["学员满意度"]]);
  });

  it("a 中期 grid and a 年度 grid stacked under one header block are two tables of one project, each with its goal", () => {
    const grid = at([
      ["项目绩效目标表"],
      ["项目名称", "镇域内基础设施建设"],
      ["资金总额及构成", "总额100万元"],
      [null, "财政拨款:60万元(其中:上级财政资金:60万元;本级财政:0万元)二、自有资金:0万元三、其他:40万元"],
      ["项目绩效目标", "长期目标", null, "年度目标"],
      [null, "改善镇域内基础设施", null, "完成集镇立面改造"],
      ["长期绩效指标", ...HEADER],
      [null, "产出指标", "数量指标", "道路里程", "≥20公里"],
      [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
      ["年度绩效指标", ...HEADER],
      [null, "产出指标", "数量指标", "道路里程", "≥5公里"],
      [null, "满意度指标", "服务对象满意度指"],
      ["注：本表由项目单位填写，全宽一行"],
    ]);
    grid.merges = [{ top: 13, left: 1, bottom: 13, right: 5 }];
    const tables = recognizeTables(grid);
    expect(tables.map((t) => [t.term, t.projectName?.text, t.budget.total?.value, t.budget.fiscal?.value, t.budget.other?.value, t.texts.goals[0]?.text, t.indicators.length])).toEqual([
      ["中期", "镇域内基础设施建设", 100, 60, 40, "改善镇域内基础设施", 2],
      ["年度", "镇域内基础设施建设", 100, 60, 40, "完成集镇立面改造", 1],
    ]);
    // the cut 二级 label is a label (reported), not an indicator
    expect(tables[1].issues.map((i) => [i.kind, i.address])).toContainEqual(["unknown-label", "C12"]);
  });

  it("a note merged across the grid after the last label is no indicator", () => {
    const grid = at([HEADER, ["产出指标", "数量指标", "培训人次", "≥200人次"], [null, "生态"], ["本表数据截至2023年4月，以上指标均为预计数。"]]);
    grid.merges = [{ top: 4, left: 1, bottom: 4, right: 4 }];
    expect(recognizeTables(grid)[0].indicators.map((i) => i.name?.text)).toEqual(["培训人次"]);
  });
});

describe("table kinds", () => {
  it("a 绩效运行监控表 (1-6月执行情况, 全年预计完成情况, 纠偏措施) is read as monitoring", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目支出绩效运行监控表"],
      ["项目名称", "宣传费"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "偏差原因", "纠偏措施"],
      ["产出指标", "数量指标", "宣传次数", "≥9次", "5次", "10次", null, null],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "—", "92%", null, null],
    ]);
    const t = recognizeTables(grid)[0];
    expect([t.kind, t.indicators.length, t.header?.columns.progress, t.header?.columns.forecast]).toEqual(["monitoring", 2, 5, 6]);
  });
  it("a target table stays a target table", () => {
    expect(recognizeTables(buildTableInfo(cleanSpec("common")).grid)[0].kind).toBe("target");
  });
});

describe("header words split over two rows (a cell's line break from a PDF or a scan; blind round 4, 裕安 自评表)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  it("年度 | 实际 over 指标值 | 完成值 read as the target and the actual columns, the grid under the second row", () => {
    const t = recognizeTables(
      at([
        ["项目支出绩效自评表"],
        ["项目名称", "市级文物保护专项经费"],
        ["一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分", "偏差原因分析及改进措施"],
        [null, null, null, "指标值", "完成值"],
        ["产出指标", "数量指标", "修缮建筑面积", "6000平方米", "6000平方米", 7, 7],
        [null, "质量指标", "验收通过率", "100%", "95%", 6, 5, "个别项目返工"],
      ]),
    )[0];
    expect([t.kind, t.header?.subRow, t.header?.columns.value, t.header?.columns.actual]).toEqual(["self-evaluation", 4, 4, 5]);
    expect(t.indicators.map((i) => [i.name?.text, i.value?.text, i.actual?.text, i.score?.text])).toEqual([
      ["修缮建筑面积", "6000平方米", "6000平方米", "7"],
      ["验收通过率", "100%", "95%", "5"],
    ]);
    expect(t.issues.filter((i) => i.kind === "row-shifted")).toEqual([]);
  });
  it("a first row of data under the header is not joined to it", () => {
    const t = recognizeTables(at([["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥200人次"]]))[0];
    expect([t.header?.subRow, t.indicators.length]).toEqual([undefined, 1]);
  });
});

describe("blind round 4: a 监控表 with its 二级 in the name column, a 自评表's money block in other words", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  it("半年度指标执行情况 and 完成目标可能性 make a monitoring table; a 二级 in the name column of a grid with no 二级 column is the row's 二级, its name not written", () => {
    const t = recognizeTables(
      at([
        ["黄石市项目支出绩效监控表"],
        ["项目名称", "申遗经费"],
        ["绩效指标", "一级指标", "指标名称", "指标值", "半年度指标执行情况", "完成目标可能性(确定能、有可能、不可能)", "备注"],
        [null, "产出指标", "质量"],
        [null, null, "成本", "年度预算220万元", "按进度执行,已使用约40%", "确定能"],
        [null, "满意度指标", "服务对象满意度", "≥90%", null, "确定能"],
      ]),
    )[0];
    expect(t.kind).toBe("monitoring");
    expect(t.indicators.map((i) => [i.level2?.text ?? null, i.name?.text ?? null, i.value?.text])).toEqual([
      ["成本", null, "年度预算220万元"],
      // a satisfaction word there is as often the indicator's own name
      [null, "服务对象满意度", "≥90%"],
    ]);
    expect(t.issues.filter((i) => i.kind === "row-shifted")).toEqual([]);
  });
  it("a 自评表's money as 年初预算资金总额: | 实际投入资金额 | 产生差异的原因 over 合计 / 其中:财政拨款, the reasons' column 产生差异的原因及改进措施", () => {
    const t = recognizeTables(
      at([
        ["2020年忠烈祠免费开放经费部门整体支出绩效自评表"],
        ["单位名称", "南岳区民族宗教事务局"],
        ["资金情况(万元)", null, "年初预算资金总额:", "实际投入资金额", "产生差异的原因"],
        [null, "合计", 236, 230, "节约"],
        [null, "其中:财政拨款", 236, 230],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "产生差异的原因及改进措施"],
        [null, "产出指标", "数量指标", "忠烈祠免费开放", "=365天", "=360天", "闭馆维修5天"],
      ]),
    )[0];
    expect([t.kind, t.execution?.total?.initial?.value, t.execution?.total?.spent?.value, t.execution?.total?.reason?.text]).toEqual(["self-evaluation", 236, 230, "节约"]);
    expect(t.indicators.map((i) => [i.actual?.text, i.reason?.text])).toEqual([["=360天", "闭馆维修5天"]]);
  });
});

describe("a composition block with its amount column named, its 合计 the total (blind round 4, 鄂州 项目预算成本构成)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  it("items read from the 金额 column (not the last, a past year's actuals), 合计 the budget when no other is given", () => {
    const t = recognizeTables(
      at([
        ["鄂州市2022年市直部门预算项目支出绩效目标表"],
        ["项目名称", "办公大楼运行保障"],
        ["项目预算成本构成", "金额", "测算(公式)依据", "2020年实际执行数", "2021年实际执行数"],
        ["保安服务费", 191, "依据招标文件", 191, 191],
        ["保洁服务费", 99, "依据招标文件", 99, 99],
        ["合计", 290, null, 290, 290],
        ["绩效目标", "以办公大楼服务对象满意为目标"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "日常维修维护次数", "2280次"],
      ]),
    )[0];
    expect(t.budget.components.map((c) => [c.label, c.value, c.address])).toEqual([
      ["保安服务费", 191, "B4"],
      ["保洁服务费", 99, "B5"],
    ]);
    expect([t.budget.total?.value, t.budget.total?.address, t.texts.goals[0]?.text]).toEqual([290, "B6", "以办公大楼服务对象满意为目标"]);
  });
  it("实施期绩效目标 / 本年度绩效目标: the year's goal is the table's; 实施期资金总额 stands for the total when the year's column is empty", () => {
    const t = recognizeTables(
      at([
        ["项目支出绩效目标申报表"],
        ["项目名称", "文物保护经费"],
        ["项目资金(元)", "实施期资金总额:", 1000000, "年度资金总额:", null],
        ["实施期绩效目标", "完成文物修缮三处"],
        ["本年度绩效目标", "完成文物修缮一处"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "修缮文物数量", "1处"],
      ]),
    )[0];
    expect([t.texts.goals.map((g) => g.text), t.texts.midTermGoal?.text, t.budget.total?.value, t.budget.midTermTotal?.value, t.slots.budget?.empty.address]).toEqual([
      ["完成文物修缮一处"],
      "完成文物修缮三处",
      1000000,
      1000000,
      "E3",
    ]);
  });
});

describe("a template's numbering without a separator (blind round 5, 廊坊 自评表: 指标1工程资金金额, and 指标2 left unused)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  it("a bare 指标2 row is no indicator (not a value moved left), 指标1 glued to a name is the name", () => {
    const t = recognizeTables(
      at([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "指标1工程资金金额", "43.2", "43.2", 10, 10],
        [null, null, "指标2"],
        [null, "质量指标", "指标1工程完工率", "100", "100", 10, 10],
        [null, null, "指标2"],
      ]),
    )[0];
    expect(t.indicators.map((i) => [i.row, i.name?.text, i.value?.text])).toEqual([
      [2, "指标1工程资金金额", "43.2"],
      [4, "指标1工程完工率", "100"],
    ]);
    expect(t.issues.filter((i) => i.kind === "row-shifted")).toEqual([]);
  });
});

describe("a row whose value is left empty is not a moved row (corpus 03 with its 目标值 and 指标说明 columns the other way round)", () => {
  it("名称 in its column, 目标值 empty, 分值 given: read in place, the missing value for the rules to report", () => {
    const t = recognizeTables(
      gridFromRows("Sheet1", [
        ["评价指标", "评价内容", "指标名称", "目标值", "指标说明", "分值"],
        ["项目年度绩效目标", "制度指标", "规章制度建立与否", null, null, 20],
        [null, "产出数量指标", "享受资助人数", "2100", "达到预计值", 10],
      ]),
    )[0];
    expect(t.indicators.map((i) => [i.level2?.text, i.name?.text, i.value?.text ?? null, i.weight?.text, i.shift])).toEqual([
      ["制度指标", "规章制度建立与否", null, "20", 0],
      ["产出数量指标", "享受资助人数", "2100", "10", 0],
    ]);
    expect(t.issues.filter((i) => i.kind === "row-shifted")).toEqual([]);
  });
});

describe("a field and its value in one cell (项目名称：…, as a table typed in Word or a form filled in one box)", () => {
  it("reads the project, the department and the goal after the colon, the amount (with a note after it in brackets) as well", () => {
    const t = recognizeTables(
      gridFromRows("Sheet1", [
        ["项目支出绩效目标表"],
        ["项目名称：农村饮水安全水质监测", null, "单位名称：县卫生健康局"],
        ["预算金额：50万元(市级财政30万元，县级配套20万元)"],
        ["年度绩效目标：完成全县120个监测点水质检测"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "水质监测点数", "≥120个"],
      ]),
    )[0];
    expect([t.projectName?.text, t.projectName?.address, t.department?.text, t.budget.total?.value, t.texts.goals.map((g) => g.text)]).toEqual([
      "农村饮水安全水质监测",
      "A2",
      "县卫生健康局",
      50,
      ["完成全县120个监测点水质检测"],
    ]);
  });
});

describe("more header words (考核指标, 2024年目标值, 考核标准, 备注说明; 完成情况 in a 自评表)", () => {
  it("reads each as its column", () => {
    const t = recognizeTables(
      gridFromRows("Sheet1", [
        ["一级指标", "二级指标", "考核指标", "2024年目标值", "考核标准", "备注说明"],
        ["产出指标", "数量指标", "培训人次", "≥200人次", "计划标准", "按季度开展"],
      ]),
    )[0];
    expect(t.header?.columns).toMatchObject({ level1: 1, level2: 2, level3: 3, value: 4, basis: 5, note: 6 });
    const s = recognizeTables(
      gridFromRows("Sheet1", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "完成情况", "分值", "得分"],
        ["产出指标", "数量指标", "培训人次", "≥200人次", "210人次", 50, 50],
      ]),
    )[0];
    expect([s.kind, s.indicators[0].actual?.text]).toEqual(["self-evaluation", "210人次"]);
  });
});

describe("more header-block words (二级项目, 申报单位, 项目单位, 项目起止时间, 实施内容, 绩效总目标, each government level's 资金)", () => {
  it("reads them into their fields; the levels' money are parts of the fiscal money", () => {
    const t = recognizeTables(
      gridFromRows("Sheet1", [
        ["项目支出绩效目标申报表"],
        ["二级项目", "乡村道路养护", "申报单位", "县交通运输局"],
        ["项目单位", "县公路养护中心", "项目起止时间", "2024年1月-2024年12月"],
        ["资金总额(万元)", 100, "中央资金", 40],
        ["省级资金", 30, "县级资金", 30],
        ["实施内容", "养护农村公路120公里，修复路面坑槽3000平方米"],
        ["绩效总目标", "全年养护农村公路120公里，路况优良率达到85%"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "养护里程", "≥120公里"],
      ]),
    )[0];
    expect([
      t.projectName?.text,
      t.department?.text,
      t.texts.agencies?.map((a) => a.text),
      t.period.span?.text,
      t.texts.implementationContent?.text.slice(0, 6),
      t.texts.goals.map((g) => g.text.slice(0, 6)),
      t.budget.total?.value,
      t.budget.fiscalParts.map((a) => a.value),
    ]).toEqual(["乡村道路养护", "县交通运输局", ["县公路养护中心"], "2024年1月-2024年12月", "养护农村公路", ["全年养护农村"], 100, [40, 30, 30]]);
  });
});

describe("an outline in one column (一、产出指标 / （一）数量指标 / 1.健康讲座场次 | ≥12场)", () => {
  it("reads the numbered labels as 一级 and 二级 and checks the table against its framework", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目名称", "社区健康教育"],
      ["绩效指标", "指标值", "权重"],
      ["一、产出指标"],
      ["（一）数量指标"],
      ["1.健康讲座场次", "≥12场", 30],
      ["（二）质量指标"],
      ["2.讲座覆盖率", "≥90%", 20],
      ["二、效益指标"],
      ["（一）社会效益指标"],
      ["1.居民健康知识知晓率", "≥85%", 30],
      ["三、满意度指标"],
      ["（一）服务对象满意度指标"],
      ["1.居民满意度", "≥90%", 20],
    ]);
    const r = validate([grid]);
    const t = r.tables[0];
    expect(t.indicators.map((i) => [i.level1?.key, i.level2?.key, i.name?.text])).toEqual([
      ["产出", "数量", "1.健康讲座场次"],
      ["产出", "质量", "2.讲座覆盖率"],
      ["效益", "社会效益", "1.居民健康知识知晓率"],
      ["满意度", "服务对象满意度", "1.居民满意度"],
    ]);
    expect(t.framework).toMatchObject({ id: "common", matched: true });
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["structure.level2-empty"]);
  });
});

describe("a header block laid out as a table of one line (项目名称 | 主管部门 | 实施单位 | 预算金额 over their values)", () => {
  const at = (rows: (string | number | null)[][]) => gridFromRows("Sheet1", rows);
  it("reads each label's value under it", () => {
    const t = recognizeTables(
      at([
        ["项目支出绩效目标表"],
        ["项目名称", "主管部门", "实施单位", "预算金额(万元)"],
        ["社区健康教育", "县卫健局", "县疾控中心", 20],
        ["年度绩效目标"],
        ["开展健康讲座12场，居民健康知识知晓率达到85%"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "健康讲座场次", "≥12场"],
      ]),
    )[0];
    expect([t.projectName?.text, t.projectName?.address, t.texts.agencies?.map((a) => a.text), t.budget.total?.value, t.budget.total?.address]).toEqual([
      "社区健康教育",
      "A3",
      ["县卫健局", "县疾控中心"],
      20,
      "D3",
    ]);
  });
  it("a list under its column headers (支出 | 项目名称 | 预算数 over two items) is no such line", () => {
    const t = recognizeTables(
      at([
        ["项目支出绩效目标表"],
        ["项目名称", "办公运行经费", "资金总额(万元)", 30],
        ["支出", "项目名称", "预算数"],
        [null, "办公费", 10],
        [null, "印刷费", 20],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "印刷册数", "≥1000册"],
      ]),
    )[0];
    expect([t.projectName?.text, t.budget.total?.value]).toEqual(["办公运行经费", 30]);
  });
});

describe("the plainest list of targets: 指标名称 | 指标值 and nothing else", () => {
  const rows = (header: string[]) => [
    ["2024年度项目支出绩效目标表"],
    ["项目名称", "社区老年食堂运营补助"],
    ["预算数(万元)", 60],
    ["年度绩效目标", "全年为辖区老年人提供助餐服务不少于3万人次,服务满意度达到90%以上。"],
    header,
    ["助餐服务人次", "≥30000人次"],
    ["每餐补助标准", "≤80元/人次"],
    ["老年人助餐满意度", "≥90%"],
    ["填表人:", "张敏"],
  ];
  it("is read as a grid of two columns, and checked (the cost above the budget's scale is still a unit cost)", () => {
    const r = validate([gridFromRows("Sheet1", rows(["指标名称", "指标值"]))]);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].indicators.map((i) => [i.name?.text, i.value?.text])).toEqual([
      ["助餐服务人次", "≥30000人次"],
      ["每餐补助标准", "≤80元/人次"],
      ["老年人助餐满意度", "≥90%"],
    ]);
    expect(r.tables[0].budget.total?.value).toBe(60);
  });
  it("needs both words: a label and a value (项目名称 | 指标值) or a weak name word (指标 | 指标值) is no such header", () => {
    expect(validate([gridFromRows("Sheet1", rows(["项目名称", "指标值"]))]).tables.filter((t) => t.indicators.length > 0)).toHaveLength(0);
    expect(validate([gridFromRows("Sheet1", rows(["指标", "指标值"]))]).tables.filter((t) => t.indicators.length > 0)).toHaveLength(0);
  });
});

describe("a money table with a column a year (大庆 form: 上年度预算安排 | 上年度实际执行 | 本年度申请金额)", () => {
  const grid = () =>
    gridFromRows("Sheet1", [
      ["部门预算项目支出绩效目标申报表"],
      ["项目名称", "全民阅读推广", null, null, null],
      ["资金来源(万元)", "项目", "上年度预算安排", "上年度实际执行", "本年度申请金额"],
      [null, "合计", 78, 71.36, 86.5],
      [null, "财政拨款", "——", "——", 80],
      [null, "自有资金", "——", "——", 0],
      [null, "其他资金", "——", "——", 6.5],
      ["年度绩效目标", "全年举办公益讲座不少于48场。"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "公益讲座场次", "≥48场"],
      ["产出指标", "成本指标", "项目总成本", "≤90万元"],
    ]);
  it("takes each source from this year's column, several other sources as one 其他, and checks the cost against it", () => {
    const r = validate([grid()]);
    const b = r.tables[0].budget;
    expect([b.total?.value, b.fiscal?.value, b.other?.value]).toEqual([86.5, 80, 6.5]);
    expect(b.total?.address).toBe("E4");
    expect(r.tables[0].texts.goals[0]?.text).toBe("全年举办公益讲座不少于48场。");
    expect(r.findings.filter((f) => f.rule === "cost.above-budget").map((f) => f.cell)).toEqual(["D11"]);
    expect(r.findings.filter((f) => f.rule === "budget-sum.sources")).toEqual([]);
  });
});
