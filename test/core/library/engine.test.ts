/** The real rule engine over every template, rendered into complete tables of each framework: no error or warning. */
import { validate } from "../../../src/core/engine";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { FRAMEWORK_IDS, gridFor, isGeneralCost, tableTemplates } from "./render";

const TYPES = BUILTIN_LIBRARY.types.filter((t) => t.id !== "general");

describe("every template passes the rule engine", () => {
  it.each(FRAMEWORK_IDS)("in %s tables, one per project type", (fw) => {
    const problems: string[] = [];
    for (const type of TYPES) {
      const templates = tableTemplates(type, fw);
      // the examples of unit-cost and count templates are independent of the made-up 100万元 budget
      // (8000元/户 × 3000户), so their product is not compared with it here
      const report = validate([gridFor(type, fw, templates)], { disabledRules: ["cost.unit-cost-times-quantity"] });
      expect(report.tables).toHaveLength(1);
      expect(report.tables[0].framework.id).toBe(fw);
      const named = report.tables[0].indicators.filter((i) => i.name).length;
      if (named !== templates.length) problems.push(`${type.id}: ${named} indicators read, ${templates.length} written`);
      for (const f of report.findings) if (f.severity !== "info") problems.push(`${type.id} ${f.cell} ${f.rule}: ${f.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("general social and ecological cost templates pass in a core-2021 table", () => {
    const type = TYPES.find((t) => t.id === "publicity")!;
    const templates = [...tableTemplates(type, "core-2021").filter((t) => t.derive !== "budget"), ...BUILTIN_LIBRARY.templates.filter(isGeneralCost)];
    const report = validate([gridFor(type, "core-2021", templates)]);
    expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
  });
});

describe("the rendering used above is checked for real", () => {
  it("lets the engine catch a template with a mistake (negative control)", () => {
    const type = TYPES.find((t) => t.id === "training")!;
    const templates = tableTemplates(type, "common").map((t) =>
      t.id === "training.cost2" ? { ...t, operator: "≥" as const } : t.id === "training.sat1" ? { ...t, value: 100, operator: "≥" as const } : t,
    );
    const rules = validate([gridFor(type, "common", templates)]).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["cost.direction", "range.at-least-100"]));
  });
});
