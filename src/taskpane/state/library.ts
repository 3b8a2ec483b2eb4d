/**
 * The indicator library as the Templates view uses it. The data (hundreds of templates), the
 * recommender and the insertion planner are loaded on first use, in their own chunk, so the
 * pane opens fast.
 */
import type { FrameworkId, TargetTable } from "../../core/model";
import type { InsertPlan, PlanOptions } from "../../core/library/insert";
import type { Recommendation, TemplateOptions } from "../../core/library/recommend";
import type { RenderContext, RenderedValue } from "../../core/library/render";
import type { Library, Template } from "../../core/library/schema";

export interface LibraryModule {
  library: Library;
  recommendForTable(table: TargetTable, library: Library, options?: Omit<TemplateOptions, "framework">): Recommendation;
  searchTemplates(query: string, library: Library, options?: { framework?: FrameworkId; limit?: number }): Template[];
  planInsertion(table: TargetTable, templates: readonly Template[], options?: PlanOptions): InsertPlan;
  renderValue(t: Template, ctx?: RenderContext, half?: boolean): RenderedValue;
  renderContextOf(table: TargetTable, options?: PlanOptions): RenderContext;
}

/** Load the built-in library, the recommender and the planner (one lazy chunk). */
export async function loadLibrary(): Promise<LibraryModule> {
  const [data, rec, ins, ren] = await Promise.all([
    import(/* webpackChunkName: "library" */ "../../core/library/data"),
    import(/* webpackChunkName: "library" */ "../../core/library/recommend"),
    import(/* webpackChunkName: "library" */ "../../core/library/insert"),
    import(/* webpackChunkName: "library" */ "../../core/library/render"),
  ]);
  return {
    library: data.BUILTIN_LIBRARY,
    recommendForTable: rec.recommendForTable,
    searchTemplates: rec.searchTemplates,
    planInsertion: ins.planInsertion,
    renderValue: ren.renderValue,
    renderContextOf: ins.renderContextOf,
  };
}

/** A template's target as it would be written into `table` (or in general), or the hint for a blank. */
export function targetText(lib: LibraryModule, t: Template, table?: TargetTable): string {
  const v = lib.renderValue(t, table ? lib.renderContextOf(table) : {});
  return v.text ?? v.hint ?? "";
}

/** Items grouped by a key (一级/二级), groups in order of first appearance. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([key, list]) => ({ key, items: list }));
}
