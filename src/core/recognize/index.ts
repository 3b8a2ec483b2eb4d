/**
 * grid -> TargetTable[]: every target table on a sheet, one per sheet or many stacked,
 * found by the indicator header row; the header block above it, the grid below it.
 */
import { rangeToA1, type Grid } from "../grid";
import type { Field, FrameworkId, IndicatorHeader, IndicatorRow, MoneyUnit, TargetTable } from "../model";
import { normaliseForParsing } from "../text";
import { readPrefix, SYMBOL_OPERATORS } from "../value/operators";
import type { Operator, ParsedValue } from "../value/types";
import { lookupUnit } from "../value/units";
import { isDateFormat, isPercentFormat } from "../grid";
import { findHeaders } from "./header";
import { emptyBudget, emptyPlan, findMoneyUnit, readHeaderBlock, type Zone } from "./headerBlock";
import { readIndicatorGrid } from "./indicatorGrid";
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

const TITLE = /绩效目标(申报|评价)?表/;
const PROJECT_START = /^(项目名称|项目编码|项目代码)$/;
const NOTE = /^(注|说明|备注|填报说明|填表说明)[:：]/;

/** A title row: one or two cells, one of them a title of at most 60 characters. */
function isTitleRow(view: SheetView, r: number, left: number, right: number): boolean {
  const first = view.firstFilled(r, left, right);
  if (first === undefined) return false;
  const second = view.firstFilled(r, first + 1, right);
  if (second !== undefined && view.firstFilled(r, second + 1, right) !== undefined) return false;
  // a key keeps the text's CJK characters: no 表 in the text, no title
  const isTitle = (c: number) => view.text(r, c).includes("表") && TITLE.test(view.key(r, c)) && view.text(r, c).length <= 60;
  return isTitle(first) || (second !== undefined && isTitle(second));
}

function isProjectStart(view: SheetView, r: number, left: number, right: number): boolean {
  // a key keeps the text's CJK characters: no 项 in the text, no 项目名称
  for (let c = view.firstFilled(r, left, right); c !== undefined; c = view.firstFilled(r, c + 1, right))
    if (view.text(r, c).includes("项") && PROJECT_START.test(view.key(r, c))) return true;
  return false;
}

/** The band of columns a header owns: to the next header on the same row, or the sheet's end. */
function bandOf(h: IndicatorHeader, all: IndicatorHeader[], view: SheetView): { left: number; right: number } {
  const next = all.filter((o) => o.row === h.row && o.left > h.left).sort((a, b) => a.left - b.left)[0];
  return { left: h.left, right: next ? next.left - 1 : view.right };
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
function readRowValue(f: Field, ind: IndicatorRow, view: SheetView, options: RecognizeOptions): ParsedValue {
  const opts = { percentFormat: isPercentFormat(view.format(f.row, f.col)), placeholderWords: options.placeholderWords };
  // a date typed into Excel is a serial number with a date format: read it as the date it shows
  const dated = typeof f.raw === "number" && isDateFormat(view.format(f.row, f.col));
  const own = parseValueCached(dated ? f.text : f.raw, opts);
  if (own.kind !== "quantitative" || own.number === null) return own;
  const op = own.op === null && !own.change && ind.operator ? operatorInColumn(ind.operator.text) : null;
  const unit = own.unit === null && ind.unit && lookupUnit(ind.unit.text) ? ind.unit.text.trim() : null;
  if (!op && !unit) return moneyShorthand(own, ind, options);
  const composed = parseValueCached(`${op ?? ""}${f.text}${unit ?? ""}`, { placeholderWords: options.placeholderWords });
  return composed.kind === "quantitative" ? moneyShorthand(composed, ind, options) : own;
}

/** Under 成本, a bare magnitude is money: budget staff write "≤24.5万" for ≤24.5万元. */
const MONEY_MAGNITUDES = new Set(["万", "亿", "千", "十万", "百万", "千万"]);
function moneyShorthand(p: ParsedValue, ind: IndicatorRow, options: RecognizeOptions): ParsedValue {
  const underCost = ind.level2?.key === "成本" || ind.level1?.key === "成本" || ["经济成本", "社会成本", "生态环境成本"].includes(ind.level2?.key ?? "");
  if (!underCost || !p.unit || !MONEY_MAGNITUDES.has(p.unit) || p.unitInfo?.base !== "") return p;
  const money = parseValueCached(`${p.raw.trim()}元`, { placeholderWords: options.placeholderWords });
  if (money.kind !== "quantitative" || money.unitInfo?.dimension !== "money") return p;
  return { ...money, raw: p.raw, normalised: money.normalised ?? `${p.raw.trim()}元` };
}

function attachParsedValues(rows: IndicatorRow[], view: SheetView, options: RecognizeOptions): void {
  for (const ind of rows) {
    if (ind.value) ind.parsed = readRowValue(ind.value, ind, view, options);
    if (ind.halfValue) ind.halfParsed = readRowValue(ind.halfValue, ind, view, options);
  }
}

/** Every target table on one sheet, top to bottom. */
export function recognizeTables(grid: Grid, options: RecognizeOptions = {}): TargetTable[] {
  const view = new SheetView(grid);
  if (grid.cells.length === 0) return [];
  const headers = findHeaders(view).sort((a, b) => a.row - b.row || a.left - b.left);
  const tables: TargetTable[] = [];
  const lastEndInBand = new Map<number, number>();

  headers.forEach((h, i) => {
    const band = bandOf(h, headers, view);
    // grid end: the next table's start (title, 项目名称 row, next header in the band) or a note
    const nextHeader = headers.slice(i + 1).find((o) => o.row > h.row && o.left <= band.right && o.right >= band.left);
    let end = nextHeader ? nextHeader.row - 1 : view.bottom;
    for (let r = h.row + 1; r <= end; r++) {
      const firstCol = view.firstFilled(r, band.left, band.right);
      if (firstCol === undefined) continue;
      if (isTitleRow(view, r, band.left, band.right) || isProjectStart(view, r, band.left, band.right) || NOTE.test(view.key(r, firstCol))) {
        end = r - 1;
        break;
      }
    }
    while (end > h.row && view.rowIsEmpty(end, band.left, band.right)) end--;

    // table top: the nearest title above the header, after the previous table in this band
    const floor = (lastEndInBand.get(band.left) ?? view.top - 1) + 1;
    let top = h.row;
    let titleRow: number | undefined;
    for (let r = h.row - 1; r >= floor; r--) {
      if (isTitleRow(view, r, band.left, band.right)) {
        titleRow = r;
        break;
      }
    }
    if (titleRow !== undefined) top = titleRow;
    else {
      for (let r = h.row - 1; r >= floor; r--) if (isProjectStart(view, r, band.left, band.right)) top = r;
    }
    lastEndInBand.set(band.left, end);

    const zone: Zone = { top, bottom: h.row - 1, left: band.left, right: band.right };
    const right = Math.max(h.right, lastFilledColumn(view, h.row, end, band));
    const range = { top, left: band.left, bottom: end, right: Math.max(right, zoneRight(view, zone)) };
    const id = `${grid.sheet}!${rangeToA1(range)}`;

    const declared = findMoneyUnit(view, zone);
    const moneyUnit =
      declared.declared || !options.defaultMoneyUnit ? declared : { unit: options.defaultMoneyUnit, declared: false };
    const block = zone.bottom >= zone.top ? readHeaderBlock(view, zone, moneyUnit) : undefined;
    const gridRead = readIndicatorGrid(view, h, h.row + 1, end, right, frameworkFor(options.frameworkOverride, id));
    attachParsedValues(gridRead.indicators, view, options);

    tables.push({
      id,
      sheet: grid.sheet,
      index: tables.length + 1,
      range,
      rangeA1: rangeToA1(range),
      title: block?.title,
      projectName: block?.projectName,
      projectCode: block?.projectCode,
      moneyUnit,
      budget: block?.budget ?? emptyBudget(),
      plan: block?.plan ?? emptyPlan(),
      texts: block?.texts ?? { goals: [], background: [] },
      period: block?.period ?? {},
      header: h,
      indicators: gridRead.indicators,
      blocks: gridRead.blocks,
      framework: gridRead.framework,
      issues: gridRead.issues,
    });
  });
  attachSummaries(tables, readSummaries(view));
  return tables;
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
