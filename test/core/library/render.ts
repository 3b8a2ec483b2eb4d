/** Test helper: templates rendered as complete tables (grids) of each framework. */
import type { Grid } from "../../../src/core/grid";
import type { FrameworkId } from "../../../src/core/model";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { newTableGrid } from "../../../src/core/library/newTable";
import { placementIn } from "../../../src/core/library/placement";
import type { ProjectType, Template } from "../../../src/core/library/schema";

export const FRAMEWORK_IDS: FrameworkId[] = ["common", "core-2021", "evaluation", "four-goal"];

export const isGeneralCost = (t: Template) => t.projectTypes.includes("general") && t.level1 === "成本";

/** The templates of a type that have a place in `fw`, plus the general (management) ones of `fw`. */
export function tableTemplates(type: ProjectType, fw: FrameworkId, library = BUILTIN_LIBRARY): Template[] {
  const own = library.templates.filter((t) => t.projectTypes.includes(type.id) && placementIn(t.level1, t.level2, fw));
  const general = library.templates.filter((t) => t.projectTypes.includes("general") && t.frameworks.includes(fw) && !isGeneralCost(t));
  return [...own, ...general];
}

export function gridFor(type: ProjectType, fw: FrameworkId, templates: Template[], budget = 100): Grid {
  const t = newTableGrid({
    framework: fw,
    projectName: `${type.zh}项目`,
    templates,
    budget: { total: budget },
    moneyUnit: "万元",
    year: 2024,
    purpose: type.description,
    goal: `${type.description}（${type.keywords.join("、")}）`,
    useExamples: true,
  });
  return { sheet: t.sheet, origin: { row: 1, col: 1 }, cells: t.cells, merges: t.merges, numberFormats: t.numberFormats };
}
