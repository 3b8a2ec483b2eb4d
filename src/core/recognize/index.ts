/**
 * grid -> TargetTable[]: every target table on a sheet, one per sheet or many stacked,
 * found by the indicator header row; the header block above it, the grid below it.
 */
import { rangeToA1, type Grid } from "../grid";
import type { Amount, Field, FrameworkId, IndicatorHeader, IndicatorRow, MoneyUnit, MoneyUnitDeclaration, TableKind, TargetTable, TotalRow } from "../model";
import { normaliseForParsing } from "../text";
import { readPrefix, SYMBOL_OPERATORS } from "../value/operators";
import type { Operator, ParsedValue } from "../value/types";
import { lookupUnit } from "../value/units";
import { isPercentFormat } from "../cellDisplay";
import { numberShape } from "../numberFormat";
import { findHeaders } from "./header";
import { emptyBudget, emptyPlan, findMoneyUnit, readAmountWithUnit, readHeaderBlock, type Zone } from "./headerBlock";
import { refineHeader } from "./labelColumns";
import { FOOTER, POINTS_IN_LABEL, SECTION_NUMBER, TERM_WORD, termOfWord, TITLE, TOTAL_ROW, TRAILER } from "../lexicon";
import { meaningsOfKey } from "../frameworks/labels";
import { readIndicatorGrid, valueLikeness, type InheritedLevels } from "./indicatorGrid";
import { SheetView } from "./sheet";
import { parseValueCached } from "./valueCache";
import { attachSummaries, readSummaries } from "./summaries";

export { SheetView } from "./sheet";
export { findHeaders, roleOfHeader } from "./header";

export interface RecognizeOptions {
  /** force a framework for every table (or per table id) instead of detecting it */
  frameworkOverride?: FrameworkId | Record<string, FrameworkId>;
  /** the money unit to assume where a table declares none */
  defaultMoneyUnit?: MoneyUnit;
  placeholderWords?: string[];
}

const PROJECT_START = /^(项目名称|项目编码|项目代码)$/;

/** A title row: one or two cells, one of them a title of at most 80 characters. */
function isTitleRow(view: SheetView, r: number, left: number, right: number): boolean {
  const first = view.firstFilled(r, left, right);
  if (first === undefined) return false;
  const second = view.firstFilled(r, first + 1, right);
  if (second !== undefined && view.firstFilled(r, second + 1, right) !== undefined) return false;
  // a key keeps the text's CJK characters: no 表 in the text, no title
  const isTitle = (c: number) => view.text(r, c).includes("表") && view.text(r, c).length <= 80 && TITLE.test(view.key(r, c));
  return isTitle(first) || (second !== undefined && isTitle(second));
}

function isProjectStart(view: SheetView, r: number, left: number, right: number): boolean {
  // a key keeps the text's CJK characters: no 项 in the text, no 项目名称
  for (let c = view.firstFilled(r, left, right); c !== undefined; c = view.firstFilled(r, c + 1, right))
    if (view.text(r, c).includes("项") && PROJECT_START.test(view.key(r, c))) return true;
  return false;
}

/** A line under the grid that is no part of it: 填表人：…, 经办人及联系电话:…, (盖章), 注：… */
function isFooterRow(view: SheetView, r: number, left: number, right: number): boolean {
  const first = view.firstFilled(r, left, right);
  return first !== undefined && FOOTER.test(view.key(r, first));
}

/**
 * A row opened left of the grid's columns by a long label that is no indicator label (单位已有的(或拟订的)
 * 保证项目实施的制度、措施 | …, under a grid whose side label stands in that column): the form's next
 * section, not an indicator row.
 */
function isSectionLabelLeftOfGrid(view: SheetView, r: number, h: IndicatorHeader, left: number, right: number): boolean {
  const first = view.firstFilled(r, left, right);
  // (a flat list's own fields left of its grid, 单位名称 | 项目名称 | 预算数, are the rows' own)
  if (first === undefined || first >= h.left || Object.values(h.rowFields ?? {}).includes(first)) return false;
  const k = view.key(r, first);
  // (the side label written again on every row, a merged cell written out, goes on)
  return k.length > 12 && k !== view.key(r - 1, first) && meaningsOfKey(k).length === 0 && valueLikeness(view.text(r, first)) < 1;
}

/** A document's section heading alone on its row (第一部分, 二、分项绩效目标, （三）…), not a label with its number (一、产出指标). */
function isSectionHeading(view: SheetView, r: number, left: number, right: number): boolean {
  const filled = view.filledColumns(r, left, right);
  if (filled.length !== 1) return false;
  const k = view.key(r, filled[0]);
  const m = SECTION_NUMBER.exec(k);
  if (!m) return false;
  const rest = k.slice(m[0].length);
  return rest === "" || meaningsOfKey(rest).length === 0;
}

/** One text merged over the grid from its first column past its name column, not a label. */
function isNoteLine(view: SheetView, r: number, h: IndicatorHeader, band: { left: number; right: number }): boolean {
  const filled = view.filledColumns(r, band.left, band.right);
  if (filled.length !== 1) return false;
  const m = view.mergeAt(r, filled[0]);
  const name = h.columns.level3 ?? h.right;
  return !!m && m.left <= h.left && m.right > name && view.meanings(r, filled[0]).length === 0;
}

/** The rows that close a grid: 总分 / 合计, and a self-evaluation's 评价结论, 存在问题, 改进措施 … */
function isClosingRow(view: SheetView, r: number, left: number, right: number): boolean {
  const first = view.firstFilled(r, left, right);
  if (first === undefined) return false;
  const k = view.key(r, first);
  return TOTAL_ROW.test(k) || TRAILER.test(k);
}

/** The 总分 / 合计 row at or just after a grid's end (before a trailer such as 其他需要说明事项 | 无). */
function totalRowAfter(view: SheetView, h: IndicatorHeader, from: number, limit: number, band: { left: number; right: number }): TotalRow | undefined {
  for (let r = from; r <= Math.min(limit, view.bottom); r++) {
    const first = view.firstFilled(r, band.left, band.right);
    if (first === undefined) continue;
    const k = view.key(r, first);
    if (TOTAL_ROW.test(k)) {
      const at = (c: number | undefined) => (c === undefined ? undefined : view.field(r, c));
      return { label: view.field(r, first) as Field, weight: at(h.columns.weight), score: at(h.columns.score), grade: at(h.columns.reason) ?? at(h.columns.note) };
    }
    if (!TRAILER.test(k)) return undefined;
  }
  return undefined;
}

/**
 * A grid's rows are followed during the year (1-6月执行情况, 全年预计, 完成目标可能性): monitoring;
 * scored after it (实际完成值, 得分): a self-evaluation; else targets.
 */
function kindOf(h: IndicatorHeader): TableKind {
  if (h.columns.progress !== undefined || h.columns.forecast !== undefined) return "monitoring";
  if (h.columns.actual !== undefined || h.columns.score !== undefined) return "self-evaluation";
  return h.columns.correction !== undefined ? "monitoring" : "target";
}

/** The other headers on a header's row (tables side by side), found by a walk from its place in the sorted list. */
function sameRowOf(sorted: readonly IndicatorHeader[], h: IndicatorHeader): IndicatorHeader[] {
  const i = sorted.indexOf(h);
  const out: IndicatorHeader[] = [];
  for (let j = i - 1; j >= 0 && sorted[j].row === h.row; j--) out.push(sorted[j]);
  for (let j = i + 1; j < sorted.length && sorted[j].row === h.row; j++) out.push(sorted[j]);
  return out;
}

/** The first header after index i that satisfies `ok` (no copy of the rest of the list: thousands of stacked tables). */
function nextHeaderAfter(headers: readonly IndicatorHeader[], i: number, ok: (o: IndicatorHeader) => boolean): IndicatorHeader | undefined {
  for (let j = i + 1; j < headers.length; j++) if (ok(headers[j])) return headers[j];
  return undefined;
}

/** The band of columns a header owns: from the previous header on its row (or the sheet's start) to the next one. */
function bandOf(h: IndicatorHeader, all: IndicatorHeader[], view: SheetView): { left: number; right: number } {
  const sameRow = sameRowOf(all, h);
  const next = sameRow.filter((o) => o.left > h.left).sort((a, b) => a.left - b.left)[0];
  const prev = sameRow.filter((o) => o.left < h.left).sort((a, b) => b.left - a.left)[0];
  return { left: prev ? prev.right + 1 : view.left, right: next ? next.left - 1 : view.right };
}

function frameworkFor(opt: RecognizeOptions["frameworkOverride"], id: string): FrameworkId | undefined {
  if (!opt) return undefined;
  if (typeof opt === "string") return opt;
  return opt[id] ?? opt["*"];
}

/** An operator written in a separate 运算符 / 指标性质 column: ≥, ＞＝, 不低于, 大于等于 … (not 定量, 正向). */
export function operatorInColumn(text: string): Operator | null {
  const t = normaliseForParsing(text).replace(/\s/g, "");
  if (t.length === 1 && SYMBOL_OPERATORS.includes(t)) return t as Operator;
  const p = readPrefix(t);
  if (p.word && p.word.text === t && !p.change) return p.word.op;
  return null;
}

/**
 * The value as the row states it. Templates with separate 运算符 and 计量单位 columns write
 * "≥ | 90 | %" across three cells; the value cell alone ("90") would lose the operator and the unit,
 * so a quantitative value without them takes them from those columns ("≥90%").
 */
function readRowValue(f: Field, ind: IndicatorRow, view: SheetView, options: RecognizeOptions, withOperator = true): ParsedValue {
  const opts = { percentFormat: isPercentFormat(view.format(f.row, f.col)), placeholderWords: options.placeholderWords };
  // a number whose format shows words (12 under 0"月", a date serial under a date format): read what it shows
  const shape = typeof f.raw === "number" ? numberShape(f.raw, view.format(f.row, f.col)) : "plain";
  const own = parseValueCached(shape === "date" || shape === "words" ? f.text : f.raw, opts);
  if (own.kind !== "quantitative" || own.number === null) return own;
  // (an actual value takes the row's unit, never its target's operator)
  const op = withOperator && own.op === null && !own.change && ind.operator ? operatorInColumn(ind.operator.text) : null;
  const unit = own.unit === null ? (ind.unit && lookupUnit(ind.unit.text) ? ind.unit.text.trim() : unitInName(ind)) : null;
  if (!op && !unit) return moneyShorthand(own, ind, options);
  const composed = parseValueCached(`${op ?? ""}${f.text}${unit ?? ""}`, { placeholderWords: options.placeholderWords });
  return composed.kind === "quantitative" ? moneyShorthand(composed, ind, options) : own;
}

/** A unit written after the name in brackets, where the value has none: 实施营造林总面积(亩) | 80000. */
function unitInName(ind: IndicatorRow): string | null {
  const m = ind.name && /[(（]([^()（）]{1,6})[)）]$/.exec(ind.name.text);
  return m && lookupUnit(m[1]) ? m[1].trim() : null;
}

/** Under 成本, a bare magnitude is money: budget staff write "≤24.5万" for ≤24.5万元. */
const MONEY_MAGNITUDES = new Set(["万", "亿", "千", "十万", "百万", "千万"]);
function moneyShorthand(p: ParsedValue, ind: IndicatorRow, options: RecognizeOptions): ParsedValue {
  const underCost = ind.level2?.key === "成本" || ind.level1?.key === "成本" || ["经济成本", "社会成本", "生态环境成本"].includes(ind.level2?.key ?? "");
  if (!underCost || !p.unit) return p;
  // 620万/月: the same shorthand over a period
  const rate = /^(万|亿|千)\/(.+)$/.exec(p.unit);
  if (rate && p.unitInfo?.dimension === "rate") {
    const perMonth = parseValueCached(p.raw.trim().replace(/(万|亿|千)\s*\//, "$1元/"), { placeholderWords: options.placeholderWords });
    return perMonth.kind === "quantitative" && perMonth.unitInfo?.dimension === "money-rate" ? { ...perMonth, raw: p.raw, normalised: perMonth.normalised ?? perMonth.raw } : p;
  }
  if (!MONEY_MAGNITUDES.has(p.unit) || p.unitInfo?.base !== "") return p;
  const money = parseValueCached(`${p.raw.trim()}元`, { placeholderWords: options.placeholderWords });
  if (money.kind !== "quantitative" || money.unitInfo?.dimension !== "money") return p;
  return { ...money, raw: p.raw, normalised: money.normalised ?? `${p.raw.trim()}元` };
}

function attachParsedValues(rows: IndicatorRow[], view: SheetView, options: RecognizeOptions): void {
  for (const ind of rows) {
    if (ind.value) ind.parsed = readRowValue(ind.value, ind, view, options);
    if (ind.halfValue) ind.halfParsed = readRowValue(ind.halfValue, ind, view, options);
    if (ind.midValue) ind.midParsed = readRowValue(ind.midValue, ind, view, options);
    if (ind.actual) ind.actualParsed = readRowValue(ind.actual, ind, view, options, false);
  }
}

/** Where a table's grid ends and where its header block starts. */
interface Extent {
  band: { left: number; right: number };
  top: number;
  gridTop: number;
  end: number;
  floor: number;
}

function extentOf(view: SheetView, h: IndicatorHeader, i: number, headers: IndicatorHeader[], lastEndInBand: Map<number, number>): Extent {
  const band = bandOf(h, headers, view);
  const gridTop = (h.subRow ?? h.row) + 1;
  // grid end: the next table's start (title, 项目名称 row, next header in the band), a footer line or a note
  const nextHeader = nextHeaderAfter(headers, i, (o) => o.row > h.row && o.left <= band.right && o.right >= band.left);
  let end = nextHeader ? nextHeader.row - 1 : view.bottom;
  for (let r = gridTop; r <= end; r++) {
    if (view.firstFilled(r, band.left, band.right) === undefined) continue;
    if (
      isTitleRow(view, r, band.left, band.right) ||
      isProjectStart(view, r, band.left, band.right) ||
      isFooterRow(view, r, band.left, band.right) ||
      isClosingRow(view, r, band.left, band.right) ||
      isSectionHeading(view, r, band.left, band.right) ||
      (r > gridTop && isSectionLabelLeftOfGrid(view, r, h, band.left, band.right))
    ) {
      end = r - 1;
      break;
    }
  }
  while (end > h.row && view.rowIsEmpty(end, band.left, band.right)) end--;
  // a note merged across the table's width at its foot (说明, a copy's remark) is no part of the grid
  while (end > gridTop && isNoteLine(view, end, h, band)) {
    end--;
    while (end > h.row && view.rowIsEmpty(end, band.left, band.right)) end--;
  }

  // table top: the nearest title above the header, after the previous table in this band; else the
  // first filled row after it (a header block with no title)
  const floor = (lastEndInBand.get(band.left) ?? view.top - 1) + 1;
  let top = h.row;
  let titled = false;
  for (let r = h.row - 1; r >= floor && !titled; r--) if (isTitleRow(view, r, band.left, band.right)) [top, titled] = [r, true];
  for (let r = floor; r < h.row && !titled; r++)
    if (!view.rowIsEmpty(r, band.left, band.right)) {
      top = r;
      break;
    }
  return { band, top, gridTop, end, floor };
}

/** The money unit: declared in the block or just above it (单位：万元 right of the title), else by an amount written "164万元". */
function headerBlockOf(view: SheetView, zone: Zone, floor: number, options: RecognizeOptions): { unit: MoneyUnitDeclaration; block?: ReturnType<typeof readHeaderBlock> } {
  let unit = findMoneyUnit(view, { ...zone, top: Math.max(floor, zone.top - 2) });
  if (zone.bottom < zone.top) return { unit: !unit.declared && options.defaultMoneyUnit ? { unit: options.defaultMoneyUnit, declared: false } : unit };
  let block = readHeaderBlock(view, zone, unit);
  if (!unit.declared && block.amountUnit) {
    unit = { unit: block.amountUnit.unit, declared: true, source: block.amountUnit.source };
    block = readHeaderBlock(view, zone, unit);
  }
  if (!unit.declared && options.defaultMoneyUnit) unit = { unit: options.defaultMoneyUnit, declared: false };
  return { unit, block };
}

/** The term a column of the header block speaks of: the nearest 中期… or 年度… label at or left of it. */
function termAt(view: SheetView, zone: Zone, col: number): { term: string; col: number } | undefined {
  let best: { term: string; col: number } | undefined;
  for (let r = zone.top; r <= zone.bottom; r++)
    for (const c of view.filledColumns(r, zone.left, col)) {
      const m = TERM_WORD.exec(view.key(r, c));
      if (m && (!best || c > best.col)) best = { term: termOfWord(m[1]), col: c };
    }
  return best;
}

/**
 * A block of 二级 | 三级 | 指标值 right beside a table's grid, with no 一级 of its own: the same
 * project's other term (年度 beside 中期). It shares the header block; its money is what the block
 * says right of where its term starts.
 */
function partnerOf(h: IndicatorHeader, headers: IndicatorHeader[], tables: TargetTable[]): TargetTable | undefined {
  if (h.columns.level1 !== undefined) return undefined;
  const left = sameRowOf(headers, h).filter((o) => o.right < h.left && h.left - o.right <= 2 && o.columns.level1 !== undefined).sort((a, b) => a.left - b.left).pop();
  return left && tables.find((t) => t.header === left);
}

function level1In(t: TargetTable): InheritedLevels {
  return {
    framework: t.framework.id,
    level1At: (row) => t.blocks.find((b) => b.top <= row && b.bottom >= row)?.level1 ?? null,
  };
}

/** Every target table on one sheet, top to bottom. */
export function recognizeTables(grid: Grid, options: RecognizeOptions = {}): TargetTable[] {
  const view = new SheetView(grid);
  if (grid.cells.length === 0) return [];
  const headers = findHeaders(view).sort((a, b) => a.row - b.row || a.left - b.left);
  const tables: TargetTable[] = [];
  const lastEndInBand = new Map<number, number>();

  const lastInBand = new Map<number, TargetTable>();

  headers.forEach((h, i) => {
    const partner = partnerOf(h, headers, tables);
    const x = extentOf(view, h, i, headers, lastEndInBand);
    // a block beside a table's grid (年度 beside 中期) starts and ends with that table
    if (partner) {
      x.top = partner.range.top;
      // it may run on below the table's last row, up to where something starts on the table's side again
      let end = Math.max(partner.range.bottom, h.row);
      while (end < x.end && view.rowIsEmpty(end + 1, partner.range.left, h.left - 1)) end++;
      while (end > h.row && view.rowIsEmpty(end, h.left, x.band.right)) end--;
      x.end = end;
    }
    refineHeader(view, h, x.gridTop, x.end, x.band.left);
    const stacked = partner ? undefined : stackedOn(view, h, x, lastInBand.get(x.band.left));
    lastEndInBand.set(x.band.left, x.end);
    if (stacked && !stacked.term) {
      continueTable(view, stacked.table, h, x, gridRight(view, h, x), options);
      return;
    }

    const zone: Zone = { top: x.top, bottom: h.row - 1, left: partner ? partner.range.left : x.band.left, right: x.band.right };
    const right = gridRight(view, h, x);
    const left = partner ? h.left : Math.min(h.left, h.sideLabel ?? Infinity, firstFilledColumn(view, x.top, x.end, x.band));
    const range = { top: x.top, left, bottom: x.end, right: Math.max(right, zoneRight(view, zone)) };
    const id = `${grid.sheet}!${rangeToA1(range)}`;
    const { unit: moneyUnit, block } = headerBlockOf(view, zone, x.floor, options);

    const sideText = h.sideLabel !== undefined ? view.key(h.row, h.sideLabel) || view.key(x.gridTop, h.sideLabel) : "";
    const points = POINTS_IN_LABEL.exec(sideText)?.[1];
    const nextTop = nextHeaderAfter(headers, i, (o) => o.row > h.row)?.row ?? view.bottom + 1;
    const base = {
      sheet: grid.sheet,
      kind: kindOf(h),
      execution: block?.execution,
      totalRow: totalRowAfter(view, h, x.end + 1, Math.min(nextTop - 1, x.end + 6), x.band),
      indicatorPoints: points !== undefined ? Number(points) : undefined,
      indicatorPointsLabel: points !== undefined && h.sideLabel !== undefined ? (view.field(h.row, h.sideLabel) ?? view.field(x.gridTop, h.sideLabel)) : undefined,
      title: block?.title,
      projectName: block?.projectName,
      projectCode: block?.projectCode,
      department: block?.department,
      executionWeight: block?.executionWeight,
      slots: block?.slots ?? {},
      moneyUnit,
      budget: block?.budget ?? emptyBudget(),
      spendingPlan: block?.spendingPlan ?? emptyPlan(),
      texts: block?.texts ?? { goals: [], background: [] },
      period: block?.period ?? {},
      headerFields: block?.labels ?? 0,
      header: h,
    };
    if (partner) {
      // each term's money from its own columns; the partner (to the left) is the other term
      const start = termAt(view, zone, h.left);
      if (start && start.col > zone.left) {
        base.budget = readHeaderBlock(view, { ...zone, left: start.col }, moneyUnit).budget;
        const before = termAt(view, { ...zone, right: start.col - 1 }, partner.header?.left ?? start.col - 1);
        markTerm(partner, before?.term);
        (base as { term?: string }).term = start.term;
      }
    }
    if (stacked?.term) {
      // the other term's grid right under the first (长期绩效指标 … then 年度绩效指标 …): the first one's header
      // block is this one's too; its empty fields are reported once, on the first table
      const first = stacked.table;
      Object.assign(base, {
        title: first.title,
        projectName: first.projectName,
        projectCode: first.projectCode,
        department: first.department,
        moneyUnit: first.moneyUnit,
        budget: first.budget,
        spendingPlan: first.spendingPlan,
        texts: first.texts,
        period: first.period,
        headerFields: first.headerFields,
        execution: first.execution,
        term: stacked.term.own,
      });
      markTerm(first, stacked.term.first);
    }
    const groups = h.rowFields?.project !== undefined ? projectGroups(view, h, x.gridTop, x.end) : [{ top: x.gridTop, bottom: x.end }];
    for (const g of groups) {
      const gridRead = readIndicatorGrid(view, h, g.top, g.bottom, right, frameworkFor(options.frameworkOverride, id), partner && level1In(partner));
      attachParsedValues(gridRead.indicators, view, options);
      const own = groups.length > 1 || g.project ? { top: g.top, left, bottom: g.bottom, right } : range;
      const table: TargetTable = {
        ...base,
        id: own === range ? id : `${grid.sheet}!${rangeToA1(own)}`,
        index: tables.length + 1,
        range: own,
        rangeA1: rangeToA1(own),
        indicators: gridRead.indicators,
        blocks: gridRead.blocks,
        framework: gridRead.framework,
        issues: gridRead.issues,
      };
      if (g.project) applyRowFields(view, table, h, g.top, moneyUnit);
      tables.push(table);
      lastInBand.set(x.band.left, table);
    }
  });
  attachSummaries(tables, readSummaries(view));
  return tables;
}

function gridRight(view: SheetView, h: IndicatorHeader, x: Extent): number {
  return Math.max(h.right, lastFilledColumn(view, h.row, x.end, x.band));
}

/** The term a grid's side label names (长期绩效指标, 年度绩效指标): 中期 or 年度. */
function sideTerm(view: SheetView, h: IndicatorHeader): string | undefined {
  if (h.sideLabel === undefined) return undefined;
  const m = TERM_WORD.exec(view.key(h.row, h.sideLabel) || view.key(h.row + 1, h.sideLabel));
  return m ? termOfWord(m[1]) : undefined;
}

/**
 * A header printed again right under the previous grid in its band, with nothing between (no title, no
 * header block), over the same label columns: the same table goes on (the header repeated before each 一级
 * block), or, when its side label names another term than the grid above (长期 … 年度 …), the same
 * project's other term.
 */
function stackedOn(view: SheetView, h: IndicatorHeader, x: Extent, previous: TargetTable | undefined): { table: TargetTable; term?: { first?: string; own: string } } | undefined {
  const ph = previous?.header;
  if (!previous || !ph || x.top !== h.row || ph.rowFields?.project !== undefined || h.rowFields?.project !== undefined) return undefined;
  if ((["level1", "level2", "level3"] as const).some((r) => ph.columns[r] !== h.columns[r])) return undefined;
  // right under it: two empty rows or more between them part two tables (two submissions pasted one under the other)
  if (h.row - previous.range.bottom > 2) return undefined;
  const own = sideTerm(view, h);
  const first = previous.term ?? sideTerm(view, ph);
  return own && own !== first ? { table: previous, term: { first, own } } : { table: previous };
}

/** The rows under a repeated header, added to the table above it. */
function continueTable(view: SheetView, t: TargetTable, h: IndicatorHeader, x: Extent, right: number, options: RecognizeOptions): void {
  const more = readIndicatorGrid(view, h, x.gridTop, x.end, right, undefined, { framework: t.framework.id, level1At: () => null });
  attachParsedValues(more.indicators, view, options);
  t.indicators.push(...more.indicators);
  t.blocks.push(...more.blocks);
  t.issues.push(...more.issues);
  t.range = { ...t.range, bottom: x.end, right: Math.max(t.range.right, right) };
  t.rangeA1 = rangeToA1(t.range);
  t.id = `${view.sheet}!${t.rangeA1}`;
  const nextTop = view.bottom + 1;
  t.totalRow = totalRowAfter(view, h, x.end + 1, Math.min(nextTop - 1, x.end + 6), x.band) ?? t.totalRow;
}

/** The table of the other term (中期): its own total and goal where the block gives them for both terms. */
function markTerm(t: TargetTable, term: string | undefined): void {
  if (!term) return;
  t.term = term;
  if (term !== "中期") return;
  if (t.budget.midTermTotal) t.budget = { ...t.budget, total: t.budget.midTermTotal };
  if (t.texts.midTermGoal) t.texts = { ...t.texts, goals: [t.texts.midTermGoal] };
}

/**
 * A flat list that gives each project's fields on its first row (单位名称 | 项目名称 | 预算数 | 年度目标 |
 * 一级 …, merged down): one group of rows a project. Rows before the first project (a department's
 * subtotal line) belong to none.
 */
function projectGroups(view: SheetView, h: IndicatorHeader, top: number, bottom: number): { top: number; bottom: number; project?: number }[] {
  const col = h.rowFields?.project as number;
  const starts: number[] = [];
  // a system export repeats the project's fields on every one of its rows: a group starts where the name changes
  let current = "";
  for (let r = top; r <= bottom; r++) {
    const name = view.text(r, col);
    if (name && name !== current) starts.push(r);
    if (name) current = name;
  }
  if (starts.length === 0) return [{ top, bottom }];
  return starts.map((s, i) => ({ top: s, bottom: i + 1 < starts.length ? starts[i + 1] - 1 : bottom, project: s }));
}

/** The project's fields from the first row of its group in a flat list. */
function applyRowFields(view: SheetView, t: TargetTable, h: IndicatorHeader, row: number, unit: MoneyUnitDeclaration): void {
  const f = h.rowFields ?? {};
  const at = (c: number | undefined) => (c === undefined ? undefined : view.field(row, c));
  t.projectName = at(f.project);
  t.department = at(f.department) ?? t.department;
  const goal = at(f.goal);
  t.texts = { ...t.texts, goals: goal ? [goal] : [] };
  const b = at(f.budget);
  const read = b && readAmountWithUnit(b.text, b.raw);
  if (b && read) {
    const label = view.field(h.row, f.budget as number);
    const amount: Amount = { row: b.row, col: b.col, address: b.address, label: label?.text ?? "", value: read.value, raw: b.raw, unit: read.unit ?? unit.unit };
    t.budget = { ...emptyBudget(), total: amount };
  } else t.budget = emptyBudget();
  t.slots = {};
}

function firstFilledColumn(view: SheetView, top: number, bottom: number, band: { left: number; right: number }): number {
  let min = band.right;
  for (let r = top; r <= bottom; r++) {
    const first = view.firstFilled(r, band.left, band.right);
    if (first !== undefined) min = Math.min(min, first);
  }
  return min;
}

function lastFilledColumn(view: SheetView, top: number, bottom: number, band: { left: number; right: number }): number {
  let max = band.left;
  for (let r = top; r <= bottom; r++) {
    const last = view.lastFilled(r, band.left, band.right);
    if (last !== undefined) max = Math.max(max, last);
  }
  return max;
}

function zoneRight(view: SheetView, zone: Zone): number {
  return zone.bottom >= zone.top ? lastFilledColumn(view, zone.top, zone.bottom, zone) : zone.left;
}

/** Every table in a workbook, sheet by sheet. */
export function recognizeWorkbook(grids: readonly Grid[], options: RecognizeOptions = {}): TargetTable[] {
  return grids.flatMap((g) => recognizeTables(g, options));
}
