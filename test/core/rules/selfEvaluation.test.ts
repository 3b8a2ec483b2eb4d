/**
 * self-evaluation: the checks of a 绩效自评表, on a table in the shape of the Yunnan 公开14表 (corpus
 * self-evaluation 03): 项目资金 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, then 一级 | 二级 |
 * 三级 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因 and a 总分 row.
 */
import { gridFromRows, type CellValue } from "../../../src/core/grid";
import { loadCorpusGrids } from "../../helpers/examples";
import { expectFinding, expectNone, run } from "./helpers";

interface Spec {
  initial?: CellValue;
  budget?: CellValue;
  spent?: CellValue;
  execWeight?: CellValue;
  rate?: CellValue;
  execScore?: CellValue;
  /** [name, op, value, unit, actual, weight, score, reason] */
  rows?: CellValue[][];
  total?: [CellValue, CellValue, CellValue];
  output?: string;
}

const CLEAN_ROWS: CellValue[][] = [
  ["学生受资助人数", "≥", "735", "人", "735", 30, 30, null],
  ["营养改善计划覆盖率", "=", "100", "%", "100%", 30, 30, null],
  ["学生满意度", "≥", "95", "%", "98%", 30, 30, null],
];

function table(spec: Spec = {}) {
  const rows = spec.rows ?? CLEAN_ROWS;
  const grid: CellValue[][] = [
    ["2022年度项目支出绩效自评表"],
    ["项目名称", "义务教育营养改善计划专项资金"],
    ["项目资金 (元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", spec.initial ?? 387664.62, spec.budget ?? 387664.62, spec.spent === undefined ? 387664.62 : spec.spent, spec.execWeight ?? 10, spec.rate ?? "100%", spec.execScore ?? 10],
    [null, "其中:当年财政拨款", 387664.62, spec.budget ?? 387664.62, spec.spent === undefined ? 387664.62 : spec.spent, "—", null, "—"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "确保每一个学生都能享受到国家政策福利,改善学生体质", null, null, "确保每一个学生都能享受到国家政策福利,改善学生体质"],
    ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
  ];
  rows.forEach((r, i) => {
    const level1 = i === 0 ? (spec.output ?? "产出指标") : i === rows.length - 1 ? "满意度指标" : null;
    const level2 = i === 0 ? "数量指标" : i === rows.length - 1 ? "服务对象满意度指标" : "质量指标";
    grid.push([level1, level2, ...r]);
  });
  const [w, s, g] = spec.total ?? [100, 100, "优"];
  grid.push(["总分", null, null, null, null, null, null, w, s, g]);
  return gridFromRows("Sheet1", grid);
}

const TOTAL_ROW = 10 + CLEAN_ROWS.length;

describe("self-evaluation: reading", () => {
  it("reads the table as a self-evaluation with its execution block, indicators and 总分", () => {
    const t = run(table()).tables[0];
    expect(t.kind).toBe("self-evaluation");
    expect([t.execution?.total?.budget?.value, t.execution?.total?.spent?.value, t.execution?.total?.rate?.text, t.execution?.total?.weight?.text]).toEqual([387664.62, 387664.62, "100%", "10"]);
    expect(t.indicators.map((i) => [i.name?.text, i.value?.text, i.actual?.text, i.weight?.text, i.score?.text])).toEqual([
      ["学生受资助人数", "735", "735", "30", "30"],
      ["营养改善计划覆盖率", "100", "100%", "30", "30"],
      ["学生满意度", "95", "98%", "30", "30"],
    ]);
    expect(t.totalRow?.score?.text).toBe("100");
  });
  it("a clean self-evaluation gives no self-evaluation finding", () => {
    expect(run(table()).findings.filter((f) => f.category === "self-evaluation")).toEqual([]);
  });
});

describe("self-evaluation.execution-rate", () => {
  it("positive: 执行率 100% with 全年执行数 empty (corpus 03)", () => {
    expectFinding(run(table({ spent: null })), "self-evaluation.execution-rate", { cell: "G4", quoted: "100%", says: [/全年执行数没有填写/] });
  });
  it("positive: 执行率 that is not 执行数 ÷ 预算数", () => {
    expectFinding(run(table({ spent: 300000, execScore: 7.7 })), "self-evaluation.execution-rate", { cell: "G4", says: [/77.39%/] });
  });
  it("positive: 执行率 left empty with its 得分 given (corpus 06: 执行率(B/A) empty, 10 points)", async () => {
    expectFinding(run(table({ rate: "" })), "self-evaluation.execution-rate", { cell: "H4", quoted: "10", says: [/执行率没有填写/, /= 100%/] });
    expectFinding(run(await loadCorpusGrids("self-evaluation/06_anhui_tianchang_shuili_shuihanzaihai.xlsx")), "self-evaluation.execution-rate", { cell: "I6", says: [/880 ÷ 全年预算数 880 = 100%/] });
  });
  it("negative: 100% of the budget spent; no rate and no score", () => {
    expectNone(run(table()), "self-evaluation.execution-rate");
    expectNone(run(table({ rate: "", execScore: "" })), "self-evaluation.execution-rate");
  });
});

describe("self-evaluation.execution-parts", () => {
  it("positive: 年度资金总额's 年初预算数 0 while 其中:当年财政拨款 gives 387664.62 (corpus 05's 0 | 0 | 0)", () => {
    expectFinding(run(table({ initial: 0 })), "self-evaluation.execution-parts", { cell: "C4", quoted: "年度资金总额", says: [/年初预算数为 0元/, /当年财政拨款合计 387,664.62元/] });
  });
  it("positive: on corpus 05, each column but the one budget-sum.sources reports", async () => {
    const grids = await loadCorpusGrids("self-evaluation/05_anhui_chizhou_guichi_tangxi_weituoyewu_TRUNCATED.xlsx");
    const r = run(grids);
    expectFinding(r, "self-evaluation.execution-parts", { cell: "D7", says: [/年初预算数为 0万元/, /90万元/] });
    expectFinding(r, "self-evaluation.execution-parts", { cell: "F7", says: [/全年执行数为 0万元/, /89.974万元/] });
    expect(r.findings.filter((f) => f.cell === "E7").map((f) => f.rule)).toEqual(["budget-sum.sources"]);
  });
  it("negative: the total is its parts in every column", () => {
    expectNone(run(table()), "self-evaluation.execution-parts");
  });
});

describe("self-evaluation.execution-score", () => {
  it("positive: full points at an 80% execution rate", () => {
    expectFinding(run(table({ spent: 310131.7, rate: "80%", execScore: 10 })), "self-evaluation.execution-score", { cell: "H4", says: [/应为 8/] });
  });
  it("negative: points × rate", () => {
    expectNone(run(table({ spent: 310131.7, rate: "80%", execScore: 8 })), "self-evaluation.execution-score");
  });
  it("positive: the 其中:本年财政拨款 row scored again (corpus 09: 10 and 10; corpus 12: 9 and 8)", async () => {
    const r09 = run(await loadCorpusGrids("self-evaluation/09_anhui_xiaoxian_yanglou_zhongyangzhi_TRUNCATED.xlsx"));
    expectFinding(r09, "self-evaluation.execution-score", { cell: "E6", quoted: ["其中:本年财政拨款", "10", "年度资金总额"], says: [/算了两次/] });
    const r12 = run(await loadCorpusGrids("self-evaluation/12_anhui_luan_yuan_wenwubaohu_TRUNCATED.xlsx"));
    expectFinding(r12, "self-evaluation.execution-score", { cell: "F6", quoted: ["其中:当年财政拨款", "9", "8"] });
    // (and its total row's 8 where 9 × 95.8% = 8.62)
    expectFinding(r12, "self-evaluation.execution-score", { cell: "H5", says: [/应为 8.62/] });
  });
  it("negative: the parts' points left as the form's — (this table, a made 自评表)", () => {
    expectNone(run(table()), "self-evaluation.execution-score");
  });
});

describe("self-evaluation.spent-over-budget", () => {
  it("positive: more spent than budgeted", () => {
    expectFinding(run(table({ spent: 400000, rate: "103.18%" })), "self-evaluation.spent-over-budget", { cell: "E4", quoted: "年度资金总额" });
  });
  it("negative: within the budget", () => {
    expectNone(run(table()), "self-evaluation.spent-over-budget");
  });
});

describe("self-evaluation.low-rate-without-reason and adjustment-without-reason (corpus 01, 四川: a 原因 column)", () => {
  const sichuan = (rate: string, reason: string | null, initial = 251.89) =>
    gridFromRows("Sheet1", [
      ["部门预算项目支出绩效自评表(2023年度)"],
      ["项目名称", "工资性支出"],
      ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
      [null, "总额", initial, 251.89, Number(((Number(rate.replace("%", "")) / 100) * 251.89).toFixed(2)), rate, 10, Number(((10 * Number(rate.replace("%", ""))) / 100).toFixed(1)), reason],
      ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
      [null, "产出指标", "数量指标", "发放覆盖率", "=", "100", "%", "100%", 60, 60, null],
      [null, "效益指标", "社会效益指标", "足额保障率", "=", "100", "%", "100%", 30, 30, null],
    ]);
  it("positive: 执行率 under 90% with no reason", () => {
    expectFinding(run(sichuan("72%", null)), "self-evaluation.low-rate-without-reason", { cell: "F4", says: [/低于 90%/] });
  });
  it("negative: a reason given", () => {
    expectNone(run(sichuan("72%", "工程款按合同于次年支付")), "self-evaluation.low-rate-without-reason");
  });
  it("positive: the budget adjusted (238.93 → 251.89) with only the template's instruction as reason", () => {
    expectFinding(run(sichuan("100%", "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)", 238.93)), "self-evaluation.adjustment-without-reason", { cell: "D4", says: [/238.93/, /251.89/] });
  });
  it("negative: no adjustment", () => {
    expectNone(run(sichuan("100%", null)), "self-evaluation.adjustment-without-reason");
  });
});

describe("self-evaluation.section-points", () => {
  it("positive: 产出指标(70分) + 满意度(30分) + 预算执行 10 = 110 (corpus 02)", () => {
    const r = run(table({ output: "产出指标(70分)", rows: [["学生受资助人数", "≥", "735", "人", "735", 70, 70, null], ["学生满意度", "≥", "95", "%", "98%", 30, 30, null]] }));
    expectFinding(r, "self-evaluation.section-points", { cell: "F4", says: [/110/, /应为 100/] });
  });
  it("positive: a section's indicators do not add up to its points", () => {
    const r = run(table({ output: "产出指标(50分)", rows: [["学生受资助人数", "≥", "735", "人", "735", 40, 40, null], ["学生满意度", "≥", "95", "%", "98%", 50, 50, null]] }));
    expectFinding(r, "self-evaluation.section-points", { cell: "A10", quoted: "产出指标(50分)", says: [/合计 40/] });
  });
  it("negative: 产出指标(60分) + the rest + 预算执行 10 = 100", () => {
    const r = run(table({ output: "产出指标(60分)", rows: [["学生受资助人数", "≥", "735", "人", "735", 60, 60, null], ["学生满意度", "≥", "95", "%", "98%", 30, 30, null]] }));
    expectNone(r, "self-evaluation.section-points");
  });
});

describe("self-evaluation.score-above-points", () => {
  it("positive: 12 points of 10", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0][5] = 10;
    rows[0][6] = 12;
    expectFinding(run(table({ rows, total: [80, 82, "良"] })), "self-evaluation.score-above-points", { cell: "I10", says: [/超过其分值 10/] });
  });
  it("negative: every score within its points", () => {
    expectNone(run(table()), "self-evaluation.score-above-points");
  });
});

describe("self-evaluation.total", () => {
  it("positive: a 总分 that is not the sum of the scores", () => {
    expectFinding(run(table({ total: [100, 96, "优"] })), "self-evaluation.total", { cell: `I${TOTAL_ROW}`, says: [/总分为 96/, /合计 100/] });
  });
  it("negative: the indicators' 90 points as the side label states (绩效指标(90分)) under a 合计 of 100, the execution block not on this sheet (blind round 5, 大英)", () => {
    const grid = gridFromRows("Sheet1", [
      ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
      [null, "产出指标", "数量指标", "购置设备数量", "≥", 20, "台", "20台", 50, 50],
      [null, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥", 90, "%", "95%", 40, 40],
      ["合计", null, null, null, null, null, null, null, 100, 100],
    ]);
    expectNone(run(grid), "self-evaluation.total");
  });
  it("negative: 总分 = the scores with the budget execution's", () => {
    expectNone(run(table()), "self-evaluation.total");
  });
});

describe("self-evaluation.grade", () => {
  it("positive: 总分 85 graded 优", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[2][6] = 15;
    rows[2][7] = "满意度调查 98%，但样本偏少，按比例扣分";
    expectFinding(run(table({ rows, total: [100, 85, "优"] })), "self-evaluation.grade", { cell: `J${TOTAL_ROW}`, says: [/应为“良”/] });
  });
  it("negative: 总分 100, 优", () => {
    expectNone(run(table()), "self-evaluation.grade");
  });
  it("the bands are configurable (gradeBands): 总分 85 is 优 from 85, and 良 graded 优 is said with the bands", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[2][6] = 15;
    rows[2][7] = "满意度调查 98%，但样本偏少，按比例扣分";
    const bands = { 优: 85, 良: 75, 中: 60 };
    expectNone(run(table({ rows, total: [100, 85, "优"] }), { gradeBands: bands }), "self-evaluation.grade");
    const f = expectFinding(run(table({ rows, total: [100, 85, "良"] }), { gradeBands: bands }), "self-evaluation.grade", { cell: `J${TOTAL_ROW}`, says: [/应为“优”/, /优 ≥85，良 ≥75，中 ≥60/] });
    expect(f.severity).toBe("warning");
  });
});

describe("self-evaluation.actual-as-target", () => {
  it("positive: 实际完成值 written ≥266米 (corpus 02)", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0][4] = "≥735人";
    expectFinding(run(table({ rows })), "self-evaluation.actual-as-target", { cell: "G10", quoted: "≥735人" });
  });
  it("positive: the target copied with its = (corpus 13: =230亩 achieved =230亩)", async () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0][4] = "=735人";
    expectFinding(run(table({ rows })), "self-evaluation.actual-as-target", { cell: "G10", quoted: "=735人" });
    const r13 = run(await loadCorpusGrids("self-evaluation/13_hunan_nanyue_minzongju_zhonglieci_TRUNCATED.xlsx"));
    for (const cell of ["F11", "F12", "F14", "F15"]) expectFinding(r13, "self-evaluation.actual-as-target", { cell });
    expectNone({ ...r13, findings: r13.findings.filter((f) => f.cell === "F13") }, "self-evaluation.actual-as-target");
  });
  it("negative: the number achieved", () => {
    expectNone(run(table()), "self-evaluation.actual-as-target");
  });
});

describe("self-evaluation.unscored", () => {
  it("positive: 完成值 and 得分 left blank on every row (corpus 01) are one finding each", () => {
    const rows = CLEAN_ROWS.map((r) => [r[0], r[1], r[2], r[3], null, r[5], null, null]);
    const r = run(table({ rows, total: [100, null, null] }));
    expectFinding(r, "self-evaluation.unscored", { cell: "G10", says: [/整栏空白/] });
    expectFinding(r, "self-evaluation.unscored", { cell: "I10", says: [/整栏空白/] });
  });
  it("positive: one row without its score", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[1][6] = null;
    expectFinding(run(table({ rows, total: [100, 70, "中"] })), "self-evaluation.unscored", { cell: "I11", quoted: "营养改善计划覆盖率" });
  });
  it("positive: an actual value left as a placeholder (待定, n人, XX%)", () => {
    for (const placeholder of ["待定", "n人", "XX%"]) {
      const rows = CLEAN_ROWS.map((r) => r.slice());
      rows[0][4] = placeholder;
      expectFinding(run(table({ rows })), "self-evaluation.unscored", { cell: "G10", quoted: ["学生受资助人数", placeholder], says: [/占位符/] });
    }
  });
  it("negative: every row scored; 是 achieving a yes/no target is an answer, not a placeholder", () => {
    expectNone(run(table()), "self-evaluation.unscored");
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[1] = ["是否按时完成", null, "是", null, "是", 30, 30, null];
    expectNone(run(table({ rows })), "self-evaluation.unscored");
  });
});

describe("self-evaluation.deduction-without-reason and score-vs-achievement", () => {
  it("positive: 资金到位及时率 100% of a ≥100% target scored 7 of 10 with no reason (corpus 03)", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[1] = ["资金到位及时率", "≥", "100", "%", "100%", 30, 21, null];
    const r = run(table({ rows, total: [100, 91, "优"] }));
    expectFinding(r, "self-evaluation.deduction-without-reason", { cell: "I11", quoted: "资金到位及时率" });
    expectFinding(r, "self-evaluation.score-vs-achievement", { cell: "I11", says: [/已达到目标/] });
  });
  it("positive: a target missed (90% of ≥99%) with full points", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[2] = ["学生满意度", "≥", "99", "%", "90%", 30, 30, null];
    expectFinding(run(table({ rows })), "self-evaluation.score-vs-achievement", { cell: "I12", says: [/没有达到目标/] });
  });
  it("negative: a miss within rounding (98% of ≥99% keeps the full 30 in proportion to a tenth)", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[2] = ["学生满意度", "≥", "99", "%", "98%", 30, 30, null];
    expectNone(run(table({ rows })), "self-evaluation.score-vs-achievement");
  });
  it("positive: a score far from proportional (368 of ≥735人 is 50%: about 15 of 30, scored 26)", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0] = ["学生受资助人数", "≥", "735", "人", "368人", 30, 26, "部分学生转学"];
    const f = expectFinding(run(table({ rows, total: [100, 96, "优"] })), "self-evaluation.score-vs-achievement", { cell: "I10", quoted: ["学生受资助人数", "368人"], says: [/完成 50.07%/, /按比例应得约 15.02 分/] });
    expect(f.severity).toBe("warning");
  });
  it("positive: a ≤ target scored in the inverse proportion (≤20万元 achieved 40万元: about 5 of 10)", () => {
    const rows = [CLEAN_ROWS[0], ["项目总成本", "≤", "20", "万元", "40万元", 30, 30, null], CLEAN_ROWS[2]];
    expectFinding(run(table({ rows })), "self-evaluation.score-vs-achievement", { cell: "I11", says: [/没有达到目标/] });
    rows[1] = ["项目总成本", "≤", "20", "万元", "40万元", 30, 28, "材料涨价"];
    expectFinding(run(table({ rows, total: [100, 98, "优"] })), "self-evaluation.score-vs-achievement", { cell: "I11", says: [/完成 50%/, /按比例应得约 15 分/] });
  });
  it("negative: a score near the proportional one (368 of ≥735人 scored 16 of 30), or a target of 0", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0] = ["学生受资助人数", "≥", "735", "人", "368人", 30, 16, "部分学生转学"];
    expectNone(run(table({ rows, total: [100, 86, "良"] })), "self-evaluation.score-vs-achievement");
    rows[0] = ["安全事故", "≤", "0", "次", "1次", 30, 20, "发生一起轻微事故"];
    expectNone(run(table({ rows, total: [100, 90, "优"] })), "self-evaluation.score-vs-achievement");
  });
  it("negative: a deduction explained, and a target missed with points deducted", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[2] = ["学生满意度", "≥", "99", "%", "98%", 30, 27, "问卷回收率偏低"];
    const r = run(table({ rows, total: [100, 97, "优"] }));
    expectNone(r, "self-evaluation.deduction-without-reason");
    expectNone(r, "self-evaluation.score-vs-achievement");
  });
});

describe("self-evaluation.closing-empty", () => {
  const grid = (content: string | null) =>
    gridFromRows("Sheet1", [
      ["2023年度校园维修改造及设备购置项目自评表"],
      ["项目名称", "校园维修改造及设备购置"],
      ["预算执行情况(万元) 20分)", null, "预算数(A)", "执行数B)", "执行率B/A)"],
      [null, "年度财政资金总额", "800万元", "800万元", "100%"],
      ["年度绩效目标 80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A", "实际完成值(B"],
      [null, "产出指标", "质量指标", "维修改造合格率", "100%", "100%"],
      [null, "满意度指标", "服务对象满意度指标", "教师满意度", "≥95%", "97%"],
      ["偏差大或目标未完成原因分析", content],
      ["改进措施及结果应用方案", "加强项目前期论证"],
    ]);
  it("positive: 偏差大或目标未完成原因分析 left empty (corpus 04)", () => {
    expectFinding(run(grid(null)), "self-evaluation.closing-empty", { cell: "A8", quoted: "偏差大或目标未完成原因分析" });
  });
  it("negative: filled in", () => {
    expectNone(run(grid("无偏差，各项目标均已完成。")), "self-evaluation.closing-empty");
  });
});

describe("self-evaluation.target-changed", () => {
  const target = gridFromRows("目标表", [
    ["项目支出绩效目标表"],
    ["项目名称", "义务教育营养改善计划专项资金"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "学生受资助人数", "≥735人"],
    [null, "质量指标", "营养改善计划覆盖率", "=100%"],
    [null, "时效指标", "资金到位及时率", "≥95%"],
    ["满意度指标", "服务对象满意度指标", "学生满意度", "≥95%"],
  ]);
  it("positive: a target changed after the fact, and an indicator dropped", () => {
    const rows = CLEAN_ROWS.map((r) => r.slice());
    rows[0][2] = "700";
    const r = run([target, { ...table({ rows }), sheet: "自评表" }]);
    expectFinding(r, "self-evaluation.target-changed", { cell: "E10", sheet: "自评表", quoted: ["学生受资助人数", "≥700人", "≥735人"] });
    expectFinding(r, "self-evaluation.target-changed", { cell: "C9", sheet: "自评表", quoted: "资金到位及时率", says: [/自评表中没有/] });
  });
  it("negative: the targets copied as they were (≥ 735 人 = ≥735人)", () => {
    const t = gridFromRows("目标表", [
      ["项目支出绩效目标表"],
      ["项目名称", "义务教育营养改善计划专项资金"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "学生受资助人数", "≥ 735 人"],
      [null, "质量指标", "营养改善计划覆盖率", "=100%"],
      ["满意度指标", "服务对象满意度指标", "学生满意度", "≥95%"],
    ]);
    expectNone(run([t, { ...table(), sheet: "自评表" }]), "self-evaluation.target-changed");
  });
});

describe("self-evaluation.cost-actual-above-spent", () => {
  const withCost = (actual: string) => [CLEAN_ROWS[0], ["项目总成本", "≤", "387664.62", "元", actual, 30, 30, null], CLEAN_ROWS[2]];
  it("positive: a cost's actual value above the year's spending (corpus self-evaluation 11: 150万 against 125.25万 spent)", () => {
    expectFinding(run(table({ rows: withCost("400000元"), spent: 380000, rate: "98.02%" })), "self-evaluation.cost-actual-above-spent", {
      cell: "G11",
      quoted: ["项目总成本", "400000元"],
      says: [/380,000元|380000元/, /E4/],
    });
  });
  it("negative: a cost within the spending, a unit cost, no spending given", () => {
    expectNone(run(table({ rows: withCost("380000元"), spent: 380000, rate: "98.02%" })), "self-evaluation.cost-actual-above-spent");
    expectNone(run(table({ rows: [CLEAN_ROWS[0], ["生均补助成本", "≤", "5", "元/人·天", "6元/人·天", 30, 30, null], CLEAN_ROWS[2]] })), "self-evaluation.cost-actual-above-spent");
    expectNone(run(table({ rows: withCost("400000元"), spent: null, rate: null })), "self-evaluation.cost-actual-above-spent");
  });
});

describe("self-evaluation.no-scoring", () => {
  it("positive: a 部门整体支出绩效自评表 with 指标值 | 全年实际完成值 | 产生差异的原因 and no 分值/得分 anywhere (corpus self-evaluation 13, 南岳)", async () => {
    const r = run(await loadCorpusGrids("self-evaluation/13_hunan_nanyue_minzongju_zhonglieci_TRUNCATED.xlsx"));
    expectFinding(r, "self-evaluation.no-scoring", { cell: "F10", says: [/没有分值和得分栏/, /6 项指标/] });
  });
  it("negative: a scored self-evaluation; a target table", () => {
    expectNone(run(table()), "self-evaluation.no-scoring");
    expectNone(run(gridFromRows("Sheet1", [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥200人次"]])), "self-evaluation.no-scoring");
  });
});
