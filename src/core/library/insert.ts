/**
 * Planning an insertion (pure): which rows go where, with which cell values. The host applies the
 * requests through WorkbookHost.insertRows; nothing here touches a workbook.
 *
 * Each template goes into its 一级/二级 block, below the block's last row, formatted like that row,
 * with the block's merged 一级/二级 cells extended. A 二级 the table does not have yet gets a new row
 * after the last block of its 一级 (labels written); an 一级 it does not have goes after the grid.
 * Values are laid out in the table's columns (separate 运算符/计量单位 columns are honoured), costs
 * are written in the table's money unit and budget-derived ceilings come from the table's budget.
 */
import type { CellValue } from "../grid";
import type { ColumnRole, LabelBlock, MoneyUnit, TargetTable } from "../model";
import { moneyFactor } from "../value/units";
import { placementIn, type Placement } from "./placement";
import { renderValue, type RenderContext, type RenderedValue } from "./render";
import { isPresent } from "./recommend";
import type { Template } from "./schema";
import { labelFor, skeleton } from "./skeleton";

/**
 * Rows to insert into a table: below `afterRow`, formatted like `formatFromRow`. Planned here and
 * carried out by a host (WorkbookHost.insertRows), which re-exports this type.
 */
export interface InsertRowsRequest {
  sheet: string;
  /** new rows go directly below this sheet row */
  afterRow: number;
  /** first sheet column of `values` */
  startCol: number;
  values: CellValue[][];
  /** copy formats (fill, borders, fonts, number formats, alignment) from this row */
  formatFromRow: number;
  /** columns whose merged label cell (一级/二级) should grow to cover the new rows */
  extendMergesInColumns: number[];
}

export interface InsertionOptions {
  /** write examples into user-filled values instead of leaving them blank (previews) */
  useExamples?: boolean;
  /** insert a template even when the table already has an indicator of that name */
  allowDuplicates?: boolean;
  /** the money unit to assume where the table declares none */
  defaultMoneyUnit?: MoneyUnit;
}

export interface PlannedRow {
  template: Template;
  placement: Placement;
  /** the sheet row the new row occupies once every request of the plan has been applied */
  row: number;
  /** values from `startCol` of its request */
  values: CellValue[];
  value: RenderedValue;
  halfValue?: RenderedValue;
}

export interface SkippedTemplate {
  template: Template;
  reason: "no-place" | "present" | "no-grid";
  message: { zh: string; en: string };
}

export interface InsertionPlan {
  /** apply in this order: bottom-most first, so the rows of later requests do not move */
  requests: InsertRowsRequest[];
  rows: PlannedRow[];
  skipped: SkippedTemplate[];
  notes: { zh: string; en: string }[];
}

/** Budget, money unit and year of a table, for rendering values into it. */
export function renderContextOf(table: TargetTable, options: InsertionOptions = {}): RenderContext {
  const moneyUnit = table.moneyUnit.unit ?? options.defaultMoneyUnit ?? null;
  const amount = table.budget.total ?? table.budget.currentYear;
  const unit = amount?.unit ?? moneyUnit;
  const budgetYuan = amount && unit ? amount.value * moneyFactor(unit) : undefined;
  const half = table.budget.halfYear;
  const halfUnit = half?.unit ?? moneyUnit;
  const halfBudgetYuan = half && halfUnit ? half.value * moneyFactor(halfUnit) : undefined;
  // the budget year: a multi-year project (2022年–2024年) sets this year's targets in its first year
  const yearText = [table.period.start?.text, table.period.end?.text, table.title?.text].find((s) => s && /(19|20)\d\d/.test(s));
  const year = yearText ? Number(/((?:19|20)\d\d)/.exec(yearText)?.[1]) : undefined;
  return { moneyUnit, budgetYuan, halfBudgetYuan, year, useExamples: options.useExamples };
}

/** The cells of one template row laid out in the table's columns, from `left` to `right`. */
export function rowValues(
  columns: Partial<Record<ColumnRole, number>>,
  left: number,
  right: number,
  t: Template,
  value: RenderedValue,
  halfValue: RenderedValue | undefined,
  labels: { level1?: string; level2?: string } = {},
): CellValue[] {
  const row: CellValue[] = new Array(right - left + 1).fill(null);
  const put = (role: ColumnRole, v: CellValue) => {
    const c = columns[role];
    if (c !== undefined && c >= left && c <= right) row[c - left] = v;
  };
  const split = columns.operator !== undefined;
  const unitCol = columns.unit !== undefined;
  const cell = (v: RenderedValue): CellValue => {
    if (v.text === null) return null;
    if (t.kind !== "quantitative") return v.text;
    if (split) return v.number;
    if (unitCol) return `${v.operator ?? ""}${v.number ?? ""}`;
    return v.text;
  };
  if (labels.level1) put("level1", labels.level1);
  if (labels.level2) put("level2", labels.level2);
  put("level3", t.name);
  put("description", t.description);
  put("value", cell(value));
  if (halfValue) put("halfValue", cell(halfValue));
  if (t.kind === "quantitative") {
    put("operator", value.operator);
    put("unit", value.unit);
  }
  put("basis", t.basis);
  return row;
}

/** The labels a new row writes (a 一级 or 二级 the table does not have yet). */
type Labels = { level1?: string; level2?: string };

interface Group {
  afterRow: number;
  formatFromRow: number;
  /** visual order among groups with the same afterRow (lower first) */
  order: number;
  extend: number[];
  items: { template: Template; placement: Placement; labels: Labels }[];
}

/** Position of a 一级/二级 pair in the table's framework (for ordering new rows). */
function frameworkOrder(table: TargetTable, p: Placement): number {
  const i = skeleton(table.framework.id).findIndex((r) => r.level1 === p.level1 && r.level2 === p.level2);
  return i < 0 ? 999 : i;
}

function blockOf(table: TargetTable, p: Placement): LabelBlock | undefined {
  const blocks = table.blocks.filter((b) => b.level1?.key === p.level1 && b.level2?.key === p.level2);
  return blocks[blocks.length - 1];
}

function gridBottom(table: TargetTable): number {
  const rows = [...table.blocks.map((b) => b.bottom), ...table.indicators.map((i) => i.row)];
  return rows.length ? Math.max(...rows) : (table.header?.row ?? table.range.bottom);
}

/** The spelling of new labels follows the table ("数量指标" beside "质量指标", "数量" beside "质量"). */
function labelLike(table: TargetTable, level: 1 | 2, key: string): string {
  const seen = table.blocks.map((b) => (level === 1 ? b.level1 : b.level2)?.text.replace(/\s/g, "")).filter((s): s is string => !!s);
  if (seen.length === 0) return labelFor(table.framework.id, level, key);
  const suffixed = seen.filter((s) => /(指标|目标)$/.test(s)).length >= seen.length / 2;
  const base = level === 1 && table.framework.id === "four-goal" && key === "效益" ? "效果" : key === "服务对象满意度" && !suffixed ? "满意度" : key;
  if (!suffixed || base === "投入与目标管理") return base;
  return `${base}${level === 1 && seen.some((s) => s.endsWith("目标")) ? "目标" : "指标"}`;
}

/** Where the rows of one placement go: its group's key and position, the labels its first row writes. */
interface Landing {
  key: string;
  group: Omit<Group, "items">;
  labels: Labels;
}

/**
 * A placement's rows go below its 一级/二级 block when the table has one; a 二级 the table lacks goes
 * after the sibling preceding it in the framework (its 二级 label written); an 一级 it lacks after
 * the grid (both labels written).
 */
function landingOf(table: TargetTable, p: Placement, blockOrder: ReadonlyMap<LabelBlock, number>): Landing {
  const c = table.header?.columns ?? {};
  const block = blockOf(table, p);
  if (block) {
    const last = block.rows.length ? block.rows[block.rows.length - 1] : block.bottom;
    const extend = [c.level1, c.level2].filter((x): x is number => x !== undefined);
    return { key: `b:${block.top}:${block.level2?.key}`, group: { afterRow: block.bottom, formatFromRow: last, order: blockOrder.get(block) ?? 0, extend }, labels: {} };
  }
  const siblings = table.blocks.filter((b) => b.level1?.key === p.level1 && b.level2);
  const rank = frameworkOrder(table, p);
  if (siblings.length) {
    // after the sibling that precedes it in the framework, else after the last sibling
    const before = siblings.filter((b) => frameworkOrder(table, { level1: p.level1, level2: b.level2?.key ?? "" }) < rank);
    const anchor = before.length ? before[before.length - 1] : siblings[siblings.length - 1];
    return {
      key: `l2:${p.level1}:${p.level2}`,
      group: { afterRow: anchor.bottom, formatFromRow: anchor.bottom, order: (blockOrder.get(anchor) ?? 0) + 0.5 + rank / 1000, extend: c.level1 !== undefined ? [c.level1] : [] },
      labels: { level2: labelLike(table, 2, p.level2) },
    };
  }
  const bottom = gridBottom(table);
  return {
    key: `l1:${p.level1}:${p.level2}`,
    group: { afterRow: bottom, formatFromRow: bottom, order: table.blocks.length + 1 + rank / 1000, extend: [] },
    labels: { level1: labelLike(table, 1, p.level1), level2: labelLike(table, 2, p.level2) },
  };
}

/** What the user should check after the insertion: the money unit assumed, the budget not found. */
function insertionNotes(table: TargetTable, templates: readonly Template[], ctx: RenderContext, options: InsertionOptions): { zh: string; en: string }[] {
  const notes: { zh: string; en: string }[] = [];
  if (!table.moneyUnit.declared && !options.defaultMoneyUnit && templates.some((t) => t.derive === "budget" || (t.unit && /元/.test(t.unit))))
    notes.push({ zh: "本表没有声明金额单位（元/万元），成本指标按模板自带单位写入，请核对。", en: "The table declares no money unit (元/万元); costs are written in the template's own unit — please check." });
  if (templates.some((t) => t.derive === "budget") && ctx.budgetYuan === undefined)
    notes.push({ zh: "没有读到项目预算数，取自预算的成本上限留空待填。", en: "No budget was found; budget-derived cost ceilings are left blank." });
  return notes;
}

/** The templates that can go in, grouped by where they land; the others skipped with the reason. */
function groupTemplates(table: TargetTable, templates: readonly Template[], options: InsertionOptions, skipped: SkippedTemplate[]): Group[] {
  const existing = table.indicators.map((i) => i.name?.text ?? "").filter(Boolean);
  const groups = new Map<string, Group>();
  const blockOrder = new Map(table.blocks.map((b, i) => [b, i]));
  let chosen: string[] = [];
  for (const t of templates) {
    const p = placementIn(t.level1, t.level2, table.framework.id);
    if (!p) {
      skipped.push({ template: t, reason: "no-place", message: { zh: `“${t.name}”（${t.level1}/${t.level2}）在本表的指标体系中没有对应位置。`, en: `"${t.name}" (${t.level1}/${t.level2}) has no place in this table's framework.` } });
      continue;
    }
    if (!options.allowDuplicates && (isPresent(t.name, existing) || isPresent(t.name, chosen))) {
      skipped.push({ template: t, reason: "present", message: { zh: `本表已有指标“${t.name}”。`, en: `The table already has "${t.name}".` } });
      continue;
    }
    chosen = [...chosen, t.name];
    const { key, group, labels } = landingOf(table, p, blockOrder);
    const g = groups.get(key);
    if (g) g.items.push({ template: t, placement: p, labels: {} });
    else groups.set(key, { ...group, items: [{ template: t, placement: p, labels }] });
  }
  // top to bottom; a new 一级 gets its label once, its 二级 label once per 二级
  const sorted = [...groups.values()].sort((a, b) => a.afterRow - b.afterRow || a.order - b.order);
  let newLevel1 = "";
  for (const g of sorted) {
    const first = g.items[0];
    if (first.labels.level1) {
      if (first.placement.level1 === newLevel1) delete first.labels.level1;
      newLevel1 = first.placement.level1;
    }
  }
  return sorted;
}

/** Plan the insertion of `templates` into `table`. */
export function planInsertion(table: TargetTable, templates: readonly Template[], options: InsertionOptions = {}): InsertionPlan {
  const insertion: InsertionPlan = { requests: [], rows: [], skipped: [], notes: [] };
  const header = table.header;
  if (!header) {
    for (const t of templates)
      insertion.skipped.push({ template: t, reason: "no-grid", message: { zh: "本表没有可识别的指标表头，无法插入。", en: "The table has no recognised indicator header." } });
    return insertion;
  }
  const ctx = renderContextOf(table, options);
  insertion.notes.push(...insertionNotes(table, templates, ctx, options));
  const sorted = groupTemplates(table, templates, options, insertion.skipped);

  // final rows: a group lands below its afterRow, after every group placed above it
  const c = header.columns;
  let shift = 0;
  const left = header.left;
  const right = Math.max(header.right, ...Object.values(c).filter((x): x is number => x !== undefined));
  for (const g of sorted) {
    const values: CellValue[][] = [];
    g.items.forEach((it, i) => {
      const value = renderValue(it.template, ctx);
      const halfValue = c.halfValue !== undefined ? renderValue(it.template, ctx, true) : undefined;
      const row = rowValues(c, left, right, it.template, value, halfValue, it.labels);
      values.push(row);
      insertion.rows.push({ template: it.template, placement: it.placement, row: g.afterRow + shift + i + 1, values: row, value, ...(halfValue ? { halfValue } : {}) });
    });
    shift += g.items.length;
    insertion.requests.push({
      sheet: table.sheet,
      afterRow: g.afterRow,
      startCol: left,
      values,
      formatFromRow: g.formatFromRow,
      extendMergesInColumns: g.extend,
    });
  }
  // apply bottom-up; among equal afterRow, the group that should end up lowest goes in first
  insertion.requests.reverse();
  return insertion;
}
