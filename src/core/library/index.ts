/** The indicator library: data, schema, recommendation, insertion planning, import/export. */
export * from "./schema";
export { BUILTIN_LIBRARY, BUILTIN_TEMPLATES, GENERAL_TYPE, PROJECT_TYPES } from "./data";
export { placementIn, frameworksFor, type Placement } from "./placement";
export { skeleton, skeletonGrid, labelFor, type SkeletonRow } from "./skeleton";
export { renderValue, isCostTemplate, type RenderContext, type RenderedValue } from "./render";
export { lintTemplate, type LintIssue } from "./quality";
export {
  inputFromTable,
  recommendTypes,
  recommendTemplates,
  recommendForTable,
  searchTemplates,
  isPresent,
  type RecommendInput,
  type TypeSuggestion,
  type TemplateSuggestion,
  type TemplateOptions,
  type Recommendation,
} from "./recommend";
export { planInsertion, renderContextOf, rowValues, type InsertionPlan, type PlannedRow, type InsertionOptions, type SkippedTemplate } from "./insert";
export { newTableGrid, safeSheetName, type NewTable, type NewTableSpec } from "./newTable";
export {
  exportLibraryJson,
  importLibraryJson,
  importLibraryRows,
  libraryToRows,
  mergeLibraries,
  toLibraryFile,
  formatIssue,
  TEMPLATE_COLUMNS,
  TYPE_COLUMNS,
  COLUMN_ZH,
  type ImportIssue,
  type ImportResult,
  type LibrarySheets,
  type MergeResult,
} from "./io";
