/**
 * The example workbooks in examples/ are what `npm run examples` builds from the seeds:
 * they open, hold the expected sheets and tables where seedTables.ts says, keep the
 * seeds' real irregularities, and building them again gives the same cells.
 */
import { existsSync } from "fs";
import * as path from "path";
import { formatAt, rangeToA1, valueAt, type CellRange, type Grid } from "../../src/core/grid";
import { isDateFormat, isPercentFormat } from "../../src/core/cellDisplay";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { exampleTables, exampleTablesIn, STACKED_SHEET_NAME, type ExampleTable } from "../../tools/examples/seedTables";
import { exampleWorkbookSpecs } from "../../tools/examples/sheetLayout";
import { workbookBytes } from "../../tools/examples/writeWorkbook";
import { EXAMPLE_FILES, EXAMPLES_DIR, loadExampleGrids, loadExampleSheet } from "../helpers/examples";

function table(file: string, seedIndex: number): ExampleTable {
  const t = exampleTablesIn(file).find((x) => x.index === seedIndex);
  if (!t) throw new Error(`${file}: no table ${seedIndex}`);
  return t;
}

async function gridOf(t: ExampleTable): Promise<Grid> {
  return loadExampleSheet(t.file, t.sheet);
}

/** The sheet cell at a table's row (0-based from firstRow) and column (1-based). */
function at(grid: Grid, t: ExampleTable, rowIndex: number, col: number): unknown {
  return valueAt(grid, t.firstRow + rowIndex, col);
}

/** Index (from firstRow) of the first table row whose cells contain `text`. */
function rowWith(t: ExampleTable, text: string): number {
  const i = t.rows.findIndex((r) => r.some((v) => v === text));
  if (i < 0) throw new Error(`${t.sheet}: no row with ${text}`);
  return i;
}

function hasMerge(grid: Grid, m: CellRange): boolean {
  return (grid.merges ?? []).some((g) => g.top === m.top && g.left === m.left && g.bottom === m.bottom && g.right === m.right);
}

describe("example workbooks: files and sheets", () => {
  it("keeps the seed texts in the repository", () => {
    for (const id of ["000", "001", "002"]) expect(existsSync(path.join(EXAMPLES_DIR, "seeds", `${id}.txt`))).toBe(true);
  });

  it.each([
    ["seed000-stacked.xlsx", 1, 17],
    ["seed000.xlsx", 17, 17],
    ["seed001.xlsx", 1, 1],
    ["seed002.xlsx", 12, 12],
  ])("%s opens with %i sheet(s) holding %i table(s)", async (file, sheets, tables) => {
    expect(existsSync(path.join(EXAMPLES_DIR, file))).toBe(true);
    const grids = await loadExampleGrids(file);
    expect(grids).toHaveLength(sheets);
    const placed = exampleTablesIn(file);
    expect(placed).toHaveLength(tables);
    expect([...new Set(placed.map((t) => t.sheet))]).toEqual(grids.map((g) => g.sheet));
  });

  it("uses unique, valid sheet names", async () => {
    for (const file of EXAMPLE_FILES) {
      const names = (await loadExampleGrids(file)).map((g) => g.sheet);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) {
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
      }
    }
    const s002 = (await loadExampleGrids("seed002.xlsx")).map((g) => g.sheet);
    expect(s002).toContain("06 机关 公积金政策宣传费");
    expect(s002).toContain("08 郑煤 公积金政策宣传费");
    expect((await loadExampleGrids("seed000.xlsx"))[0].sheet).toBe("01 宣传费");
  });
});

describe("example workbooks: every table is where seedTables.ts says", () => {
  it.each(exampleTables().map((t) => [`${t.file} / ${t.sheet} / ${t.index}`, t] as const))("%s", async (_name, t) => {
    const grid = await gridOf(t);
    expect(valueAt(grid, t.titleRow, 1)).toBe(t.title);
    if (t.width > 1) expect(hasMerge(grid, { top: t.titleRow, left: 1, bottom: t.titleRow, right: t.width })).toBe(true);
    if (t.subtitle) expect(valueAt(grid, t.titleRow + 1, 1)).toBe(t.subtitle);
    // cell by cell, across the full table width
    for (let i = 0; i < t.rows.length; i++) {
      for (let c = 1; c <= t.width; c++) {
        expect([t.firstRow + i, c, at(grid, t, i, c)]).toEqual([t.firstRow + i, c, t.rows[i][c - 1] ?? null]);
      }
    }
    expect(String(valueAt(grid, t.headerRow, 1)).replace(/\s/g, "")).toBe("一级指标");
    for (const m of t.merges) expect([rangeToA1(m), hasMerge(grid, m)]).toEqual([rangeToA1(m), true]);
  });
});

describe("example workbooks: the stacked sheet of seed 000", () => {
  it("starts with the part-one text, one line per row in column A", async () => {
    const grid = await loadExampleSheet("seed000-stacked.xlsx", STACKED_SHEET_NAME);
    expect(valueAt(grid, 1, 1)).toBe("第一部分");
    expect(valueAt(grid, 5, 1)).toBe("二、分项绩效目标");
    expect(valueAt(grid, 14, 1)).toBe("绩效指标：绩效工资发放率 ≥ 90%");
    expect(valueAt(grid, 56, 1)).toBe("绩效指标：办理产权证书部门达到4个");
  });

  it("has all 17 titles, each after a blank row", async () => {
    const grid = await loadExampleSheet("seed000-stacked.xlsx", STACKED_SHEET_NAME);
    const tables = exampleTablesIn("seed000-stacked.xlsx");
    expect(tables.map((t) => t.title)).toEqual(exampleTablesIn("seed000.xlsx").map((t) => t.title));
    expect(tables[0].title).toBe("1. 宣传费项目绩效目标表");
    for (const t of tables) {
      expect(valueAt(grid, t.titleRow, 1)).toBe(t.title);
      for (let c = 1; c <= 8; c++) expect(valueAt(grid, t.titleRow - 1, c)).toBeNull();
    }
  });
});

describe("example workbooks: cell types as staff type them", () => {
  it("writes seed 000 spending-plan percentages as numbers with a % format", async () => {
    const t = table("seed000.xlsx", 1);
    const grid = await gridOf(t);
    const plan = rowWith(t, "资金支出计划（%）") + 1;
    const row = t.firstRow + plan;
    expect([2, 4, 5, 6].map((c) => valueAt(grid, row, c))).toEqual([0.1, 0.3, 0.6, 1]);
    for (const c of [2, 4, 5, 6]) expect(isPercentFormat(formatAt(grid, row, c))).toBe(true);
  });

  it("writes header amounts as numbers and keeps codes, phones and target values as text", async () => {
    const t1 = table("seed000.xlsx", 1);
    const g1 = await gridOf(t1);
    const budget = rowWith(t1, "预算数");
    expect(at(g1, t1, budget, 3)).toBe(25);
    expect(at(g1, t1, budget, 5)).toBe(25);

    const t2 = table("seed000.xlsx", 2);
    const g2 = await gridOf(t2);
    expect(at(g2, t2, rowWith(t2, "预算数"), 3)).toBe(155.72);
    expect(formatAt(g2, t2.firstRow + rowWith(t2, "预算数"), 3)).toBe("0.00");
    expect(at(g2, t2, rowWith(t2, "租赁服务成本"), 5)).toBe("≤ 155.72 万元");

    const z = table("seed002.xlsx", 1);
    const gz = await gridOf(z);
    const total = rowWith(z, "项目总金额");
    expect(at(gz, z, total, 2)).toBe(12210000);
    expect(formatAt(gz, z.firstRow + total, 2)).toBe("0.00");
    expect(at(gz, z, rowWith(z, "单位编码"), 2)).toBe("095001");
    expect(at(gz, z, rowWith(z, "联系电话"), 2)).toBe("67172655");
    const start = rowWith(z, "开始时间");
    expect(at(gz, z, start, 2)).toBe(43831); // 2020-01-01
    expect(isDateFormat(formatAt(gz, z.firstRow + start, 2))).toBe(true);
    expect(at(gz, z, rowWith(z, "预算执行率"), 4)).toBe("=100%");

    const y = table("seed001.xlsx", 1);
    const gy = await gridOf(y);
    expect(at(gy, y, rowWith(y, "资金总额"), 5)).toBe(1003.82);
    expect(at(gy, y, rowWith(y, "全中心物业费总成本（含各管理部）"), 5)).toBe("≥62.01万元");
  });

  it("keeps every 指标值 as text exactly as written", async () => {
    for (const t of exampleTables()) {
      const grid = await gridOf(t);
      for (let r = t.headerRow + 1; r <= t.lastRow; r++) {
        for (let c = 1; c <= t.width; c++) {
          const v = valueAt(grid, r, c);
          expect([t.sheet, r, c, v === null || typeof v === "string"]).toEqual([t.sheet, r, c, true]);
        }
      }
    }
  });
});

describe("example workbooks: merges", () => {
  it("merges 一级 and 二级 labels down over their blank rows", async () => {
    const t = table("seed000.xlsx", 1);
    const g = await gridOf(t);
    const first = t.headerRow + 1; // 产出指标 / 数量指标
    expect(valueAt(g, first, 1)).toBe("产出指标");
    expect(hasMerge(g, { top: first, left: 1, bottom: first + 6, right: 1 })).toBe(true);
    expect(hasMerge(g, { top: first, left: 2, bottom: first + 2, right: 2 })).toBe(true);

    const y = table("seed001.xlsx", 1);
    const gy = await gridOf(y);
    expect(valueAt(gy, y.headerRow + 1, 1)).toBe("决策");
    expect(hasMerge(gy, { top: y.headerRow + 1, left: 1, bottom: y.headerRow + 6, right: 1 })).toBe(true);

    const z = table("seed002.xlsx", 1);
    const gz = await gridOf(z);
    expect(valueAt(gz, z.headerRow + 1, 1)).toBe("投入与目标管理");
    expect(hasMerge(gz, { top: z.headerRow + 1, left: 1, bottom: z.headerRow + 11, right: 1 })).toBe(true);
  });

  it("merges long header texts across to the last column", async () => {
    const t = table("seed000.xlsx", 1);
    const g = await gridOf(t);
    const use = t.firstRow + rowWith(t, "用于中心住房公积金管理工作宣传、政策宣传、党建工作宣传。");
    expect(hasMerge(g, { top: use, left: 2, bottom: use, right: 6 })).toBe(true);
  });

  it("never hides a value under a merge", async () => {
    for (const file of EXAMPLE_FILES) {
      for (const g of await loadExampleGrids(file)) {
        for (const m of g.merges ?? []) {
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) expect(valueAt(g, r, c)).toBeNull();
        }
      }
    }
  });
});

describe("example workbooks: the seeds' real irregularities stay where they are", () => {
  it("seed 000 预留奖励绩效工资: 成本指标 in the 一级 column, 993.85 万元 without operator, second value in the basis column", async () => {
    const t = table("seed000.xlsx", 3);
    const g = await gridOf(t);
    const cost = rowWith(t, "成本指标");
    expect([1, 2, 3, 4, 5].map((c) => at(g, t, cost, c))).toEqual(["成本指标", "发放金额", "按照批复金额发放", "993.85 万元", "批复文件"]);
    const sat = rowWith(t, "职工满意度");
    expect([at(g, t, sat, 5), at(g, t, sat, 6)]).toEqual(["≥90%", "≥95%"]);
  });

  it("seed 000: 宣传费 has 效果指标 in the 二级 column and 社会效益指标 in the 一级 column", async () => {
    const t = table("seed000.xlsx", 1);
    const g = await gridOf(t);
    const effect = rowWith(t, "效果指标");
    expect([at(g, t, effect, 1), at(g, t, effect, 2), at(g, t, effect, 3)]).toEqual([null, "效果指标", "经济效益指标"]);
    expect([at(g, t, effect + 1, 1), at(g, t, effect + 1, 2), at(g, t, effect + 1, 3)]).toEqual(["社会效益指标", null, "扩大知名度"]);
  });

  it("seed 000: 办公家具… plan stops at 80% and 法律顾问经费 has only 12月底 on its value row", async () => {
    const t11 = table("seed000.xlsx", 13); // 11. 办公家具及自动化设备购置费 is the 13th table
    expect(t11.title).toBe("11. 办公家具及自动化设备购置费项目绩效目标表");
    const g11 = await gridOf(t11);
    const plan = rowWith(t11, "资金支出计划（%）") + 1;
    expect([4, 6].map((c) => at(g11, t11, plan, c))).toEqual([0.5, 0.8]);

    const t14 = table("seed000.xlsx", 16);
    expect(t14.title).toBe("14. 法律顾问经费项目绩效目标表");
    const g14 = await gridOf(t14);
    const row = rowWith(t14, "资金支出计划（%）") + 1;
    expect([1, 2, 3, 4, 5, 6].map((c) => at(g14, t14, row, c))).toEqual([null, null, null, null, null, "12月底"]);
  });

  it("seed 001: rows after the page break sit one column left; cost with ≥; 1.146 vs 1.416", async () => {
    const t = table("seed001.xlsx", 1);
    const g = await gridOf(t);
    const shifted = rowWith(t, "维保维护费用");
    expect([1, 2, 3, 4, 5].map((c) => at(g, t, shifted, c))).toEqual([null, "维保维护费用", "≤20万元", "≤54.95万元", null]);
    const left = rowWith(t, "综合服务平台运营设备日检查合格率");
    expect([1, 2, 3, 4].map((c) => at(g, t, left, c))).toEqual(["综合服务平台运营设备日检查合格率", null, "=100%", "=100%"]);
    const rent = rowWith(t, "视频会议系统服务费月租金");
    expect([at(g, t, rent, 4), at(g, t, rent, 5)]).toEqual(["=1.146万元", "=1.416万元"]);
    expect(at(g, t, rowWith(t, "短信平台及邮递费"), 5)).toBe("≥187.26万元");
  });

  it("seed 002: 资产管理 and 满意度 rows in column A, the OCR typo 厂口目标, placeholders n and n%", async () => {
    const t2 = table("seed002.xlsx", 2);
    const g2 = await gridOf(t2);
    const sat = rowWith(t2, "办公人员满意度");
    expect([1, 2, 3].map((c) => at(g2, t2, sat, c))).toEqual(["满意度", "办公人员满意度", "=99%"]);
    const quality = rowWith(t2, "项目质量可控性");
    expect([1, 2, 3].map((c) => at(g2, t2, quality, c))).toEqual(["项目质量可控性", null, "可控"]);

    const t5 = table("seed002.xlsx", 5);
    const g5 = await gridOf(t5);
    expect(at(g5, t5, rowWith(t5, "资产管理"), 1)).toBe("资产管理");

    const t12 = table("seed002.xlsx", 12);
    const g12 = await gridOf(t12);
    const typo = rowWith(t12, "厂口目标");
    expect([1, 2, 3, 4].map((c) => at(g12, t12, typo, c))).toEqual(["厂口目标", "时效", "商业活动举办及时性", "及时"]);
    expect(at(g12, t12, rowWith(t12, "各类商业活动举办次数"), 4)).toBe("n");
    expect(at(g12, t12, rowWith(t12, "游客人数增长率"), 4)).toBe("n%");

    const t8 = table("seed002.xlsx", 8);
    expect(t8.projectName).toBe("公积金政策宣传费");
    const g8 = await gridOf(t8);
    expect(at(g8, t8, rowWith(t8, "按季宣传"), 4)).toBe("≥4");
  });

  it("seed 002: the 项目实施计划 texts keep their amounts and paragraphs", async () => {
    const t = table("seed002.xlsx", 5);
    const g = await gridOf(t);
    expect(at(g, t, rowWith(t, "项目实施计划"), 2)).toBe(
      "1-3月预计支出30万元，支出11%；4-6月份预计支出120万元，支出54%；7-9月份支出100万元，支出90%；9-11月预计支出29万元，支出100%。",
    );
    const t11 = table("seed002.xlsx", 11);
    const plan = String(at(await gridOf(t11), t11, rowWith(t11, "项目实施计划"), 2));
    expect(plan.split("\n")[0]).toBe("1、2020年资金需求130.19万元，专项资金使用年限为一年。项目主要包括：");
    expect(plan).not.toMatch(/<\/?p>|<\/?b>/);
  });
});

describe("example workbooks: the build is deterministic", () => {
  it("building again gives identical bytes and the committed files' cells", async () => {
    for (const spec of exampleWorkbookSpecs()) {
      const a = await workbookBytes(spec);
      const b = await workbookBytes(spec);
      expect(a.equals(b)).toBe(true);
      const rebuilt = (await readWorkbookGrids(a)).grids;
      const committed = await loadExampleGrids(spec.file);
      expect(rebuilt).toEqual(committed);
    }
  });
});
