/**
 * monitoring: the checks of a 绩效运行监控表, on tables in the shape of the national form (财预〔2019〕136号:
 * 年度指标值 | 1-6月执行情况 | 全年预计完成情况 | 偏差原因分析 | 完成目标可能性) and of corpus monitoring 01 (黄石 申遗).
 */
import { gridFromRows, type CellValue } from "../../../src/core/grid";
import { loadCorpusGrids } from "../../helpers/examples";
import { expectFinding, expectNone, findingsOf, run } from "./helpers";

/** rows: [二级, name, target, progress, forecast, reason, likelihood] */
function table(rows: CellValue[][]) {
  return gridFromRows("Sheet1", [
    ["项目支出绩效目标执行监控表"],
    ["项目名称", "农村饮水安全水质监测"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "偏差原因分析", "完成目标可能性"],
    ...rows.map((r, i) => [i === 0 ? "产出指标" : null, ...r]),
  ]);
}
const CLEAN: CellValue[][] = [
  ["数量指标", "水质监测点数", "≥120个", "65个", "120个", null, "确定能"],
  ["时效指标", "监测报告报送及时率", "100%", "100%", "100%", null, "确定能"],
];

describe("monitoring.progress-empty", () => {
  it("positive: a row with its target and no 半年度指标执行情况 (corpus monitoring 01, 黄石 社会效益)", async () => {
    const r = run(await loadCorpusGrids("monitoring/01_hubei_huangshi_wenlv_shenyi.xlsx"));
    expect(r.tables[0].kind).toBe("monitoring");
    expectFinding(r, "monitoring.progress-empty", { cell: "E16", says: [/半年度指标执行情况/, /没有填写/] });
    expect(findingsOf(r, "monitoring.progress-empty")).toHaveLength(1);
  });
  it("negative: every row's progress written", () => {
    expectNone(run(table(CLEAN)), "monitoring.progress-empty");
  });
});

describe("monitoring.unlikely-without-reason", () => {
  it("positive: 完成目标可能性 有可能 with the 偏差原因分析 cell empty", () => {
    const rows = CLEAN.map((r) => [...r]);
    rows[0] = ["数量指标", "水质监测点数", "≥120个", "30个", "90个", null, "有可能"];
    expectFinding(run(table(rows)), "monitoring.unlikely-without-reason", { cell: "G4", quoted: "水质监测点数", says: [/有可能/] });
  });
  it("negative: the reason given; every target certain to be met", () => {
    const rows = CLEAN.map((r) => [...r]);
    rows[0] = ["数量指标", "水质监测点数", "≥120个", "30个", "90个", "人员保障不足，下半年增加2名专职人员", "有可能"];
    expectNone(run(table(rows)), "monitoring.unlikely-without-reason");
    expectNone(run(table(CLEAN)), "monitoring.unlikely-without-reason");
  });
});

describe("monitoring.forecast-empty", () => {
  it("positive: 年度资金总额 220 | 1-6月执行数 87.57 | 全年预计执行数 left empty (corpus monitoring 01, 黄石)", async () => {
    const r = run(await loadCorpusGrids("monitoring/01_hubei_huangshi_wenlv_shenyi.xlsx"));
    expectFinding(r, "monitoring.forecast-empty", { cell: "E10", quoted: "年度资金总额", says: [/87.57/] });
  });
  it("negative: the forecast given", () => {
    const grid = gridFromRows("Sheet1", [
      ["项目支出绩效目标执行监控表"],
      ["项目名称", "农村饮水安全水质监测"],
      ["项目资金(万元)", null, "年初预算数", "1-6月执行数", "全年预计执行数"],
      [null, "年度资金总额", 50, 20, 50],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "偏差原因分析", "完成目标可能性"],
      ["产出指标", ...CLEAN[0]],
    ]);
    const r = run(grid);
    expect(r.tables[0].execution?.total?.forecast?.value).toBe(50);
    expectNone(r, "monitoring.forecast-empty");
  });
});

describe("the read model of a monitoring table", () => {
  it("gives the money block's progress and forecast, and each indicator's progress and likelihood", async () => {
    const { readModelOf } = await import("../../../src/core/readModel");
    const r = run(await loadCorpusGrids("monitoring/01_hubei_huangshi_wenlv_shenyi.xlsx"));
    const m = readModelOf(r.tables[0]);
    expect([m.kind, m.execution?.initial, m.execution?.progress, m.execution?.forecast]).toEqual(["monitoring", 220, 87.57, null]);
    expect(m.indicators.map((i) => [i.level2, i.progress, i.correction])).toEqual([
      ["成本", "按进度执行,已使用约40%", "确定能"],
      ["社会效益", null, "确定能"],
    ]);
  });
});
