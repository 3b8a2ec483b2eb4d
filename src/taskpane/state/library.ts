/**
 * The indicator library as the Templates view uses it. The data (hundreds of templates), the
 * recommender and the insertion planner are loaded on first use, in their own chunk, so the
 * pane opens fast.
 */
import type { Lang } from "../../core/i18n";
import type { FrameworkId, TargetTable } from "../../core/model";
import type { InsertionPlan, InsertionOptions } from "../../core/library/insert";
import type { Recommendation, TemplateOptions } from "../../core/library/recommend";
import type { RenderContext, RenderedValue } from "../../core/library/render";
import type { Library, Template } from "../../core/library/schema";
import type { ImportIssue, ImportResult, MergeResult } from "../../core/library/io";
import type { NewTable, NewTableSpec } from "../../core/library/newTable";
import type { RecommendInput, TypeSuggestion } from "../../core/library/recommend";
import type { CellValue } from "../../core/grid";

export interface LibraryModule {
  /** the built-in library */
  library: Library;
  recommendTypes(input: RecommendInput, library: Library, limit?: number): TypeSuggestion[];
  newTableGrid(spec: NewTableSpec): NewTable;
  importLibraryJson(text: string): ImportResult;
  importLibraryRows(sheets: { templates: CellValue[][]; types?: CellValue[][] }, firstRows?: { templates?: number; types?: number }): ImportResult;
  exportLibraryJson(library: Library, name?: string): string;
  mergeLibraries(base: Library, user: Library): MergeResult;
  formatIssue(issue: ImportIssue, lang: Lang): string;
  limits: { maxJsonChars: number };
  recommendForTable(table: TargetTable, library: Library, options?: Omit<TemplateOptions, "framework">): Recommendation;
  searchTemplates(query: string, library: Library, options?: { framework?: FrameworkId; limit?: number }): Template[];
  planInsertion(table: TargetTable, templates: readonly Template[], options?: InsertionOptions): InsertionPlan;
  renderValue(t: Template, ctx?: RenderContext, half?: boolean): RenderedValue;
  renderContextOf(table: TargetTable, options?: InsertionOptions): RenderContext;
}

/** Load the built-in library, the recommender and the planner (one lazy chunk). */
export async function loadLibrary(): Promise<LibraryModule> {
  // zod compiles schemas with `new Function` where it may; the pages' CSP forbids eval, so say so up
  // front instead of letting zod probe (and the browser log a CSP violation)
  const { z } = await import(/* webpackChunkName: "library" */ "zod");
  z.config({ jitless: true });
  const [data, rec, ins, ren, io, nt, schema] = await Promise.all([
    import(/* webpackChunkName: "library" */ "../../core/library/data"),
    import(/* webpackChunkName: "library" */ "../../core/library/recommend"),
    import(/* webpackChunkName: "library" */ "../../core/library/insert"),
    import(/* webpackChunkName: "library" */ "../../core/library/render"),
    import(/* webpackChunkName: "library" */ "../../core/library/io"),
    import(/* webpackChunkName: "library" */ "../../core/library/newTable"),
    import(/* webpackChunkName: "library" */ "../../core/library/schema"),
  ]);
  return {
    library: data.BUILTIN_LIBRARY,
    recommendTypes: rec.recommendTypes,
    newTableGrid: nt.newTableGrid,
    importLibraryJson: io.importLibraryJson,
    importLibraryRows: io.importLibraryRows,
    exportLibraryJson: io.exportLibraryJson,
    mergeLibraries: io.mergeLibraries,
    formatIssue: io.formatIssue,
    limits: { maxJsonChars: schema.LIMITS.maxJsonChars },
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
export { groupBy } from "../../core/groupBy";

/** The library the pane works with: the built-in one with the workbook's own library merged on top. */
export interface EffectiveLibrary {
  library: Library;
  /** the user's part, as stored (valid entries only) */
  user: Library | null;
  /** problems of the stored user library (entries with errors are left out) */
  issues: ImportIssue[];
  /** ids of the user's templates (shown as "custom") */
  userIds: Set<string>;
}

export function effectiveLibrary(lib: LibraryModule, stored: string | undefined): EffectiveLibrary {
  if (!stored) return { library: lib.library, user: null, issues: [], userIds: new Set() };
  const r = lib.importLibraryJson(stored);
  const merged = lib.mergeLibraries(lib.library, r.library);
  return { library: merged.library, user: r.library, issues: r.issues, userIds: new Set(r.library.templates.map((t) => t.id)) };
}

/**
 * The templates a new table of `typeId` gets in `framework`: the type's own templates that have a
 * place in the framework, and the framework's general management templates (决策/过程,
 * 投入与目标管理/影响力) — not the general cost templates, which few projects need.
 */
export function templatesForNewTable(library: Library, typeId: string, framework: FrameworkId): Template[] {
  return library.templates.filter(
    (t) => t.frameworks.includes(framework) && (t.projectTypes.includes(typeId) || (t.projectTypes.includes("general") && t.level1 !== "成本")),
  );
}

/**
 * A library in a compact JSON text (what the workbook stores). The format name is written out here
 * rather than imported from the schema module: this file is part of the pane's first chunk, and the
 * schema would bring zod into it.
 */
export function compactLibraryJson(library: Library, name?: string): string {
  return JSON.stringify({ format: "jixiao-library", version: 1, ...(name ? { name } : {}), types: library.types, templates: library.templates });
}
