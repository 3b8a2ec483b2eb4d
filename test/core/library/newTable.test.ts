/** "New table from template": a complete table the recognizer reads back and the engine passes. */
import { validate } from "../../../src/core/engine";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { newTableGrid, safeSheetName } from "../../../src/core/library/newTable";
import { skeleton } from "../../../src/core/library/skeleton";
import { recognizeTables } from "../../../src/core/recognize";
import { FRAMEWORK_IDS } from "./render";

const training = BUILTIN_LIBRARY.templates.filter((t) => t.projectTypes.includes("training"));
const general = BUILTIN_LIBRARY.templates.filter((t) => t.projectTypes.includes("general") && t.level1 !== "成本");

describe("newTableGrid", () => {
  it.each(FRAMEWORK_IDS)("builds a %s table with title, budget, plan, goal and every 一级/二级", (fw) => {
    const t = newTableGrid({ framework: fw, projectName: "业务培训费", templates: [...training, ...general], budget: { total: 12.9 }, moneyUnit: "万元", year: 2024, purpose: "干部职工业务培训", goal: "完成年度培训计划，提高窗口人员业务技能", useExamples: true });
    const grid = { sheet: t.sheet, origin: { row: 1, col: 1 }, cells: t.cells, merges: t.merges, numberFormats: t.numberFormats };
    const [table] = recognizeTables(grid);
    expect(table.projectName?.text).toBe("业务培训费");
    expect(table.title?.text).toBe("业务培训费项目绩效目标表");
    expect(table.moneyUnit).toMatchObject({ unit: "万元", declared: true });
    expect(table.budget.total?.value).toBe(12.9);
    expect(table.spendingPlan.points.map((p) => p.share)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(table.texts.goals.map((g) => g.text)).toEqual(["完成年度培训计划，提高窗口人员业务技能"]);
    expect(table.framework.id).toBe(fw);
    expect(table.header?.row).toBe(t.headerRow);
    // every 一级/二级 of the framework is a block, in order
    const blocks = table.blocks.filter((b) => b.level2).map((b) => `${b.level1?.key}/${b.level2?.key}`);
    expect(blocks).toEqual(skeleton(fw).map((s) => `${s.level1}/${s.level2}`));
    const placed = [...training, ...general].length - t.skipped.length;
    expect(table.indicators.filter((i) => i.name)).toHaveLength(placed);
    const report = validate([grid]);
    expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it("leaves user-filled values blank (the engine then asks for them)", () => {
    const t = newTableGrid({ framework: "common", projectName: "培训费", templates: training, budget: { total: 10 } });
    const grid = { sheet: t.sheet, origin: { row: 1, col: 1 }, cells: t.cells, merges: t.merges, numberFormats: t.numberFormats };
    const missing = validate([grid]).findings.filter((f) => f.rule === "missing.value");
    expect(missing.length).toBe(training.filter((x) => x.fill === "user").length);
    expect(t.cells.some((r) => r.includes("≤10万元"))).toBe(true);
  });

  it("makes Excel-safe sheet names", () => {
    expect(safeSheetName("a/b:c*d?e[f]")).toBe("a b c d e f");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("  ")).toBe("绩效目标表");
  });
});
