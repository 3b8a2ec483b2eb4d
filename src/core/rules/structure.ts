/**
 * structure: the grid's 一级/二级 skeleton as a reviewer reads it — labels in the wrong column,
 * labels no framework knows, 二级 under the wrong 一级, required 一级/二级 left without an indicator.
 */
import { columnLetters, toA1 } from "../grid";
import type { FrameworkDef } from "../frameworks/data";
import { parentsOf } from "../frameworks/labels";
import type { IndicatorRow, Place, RecognitionIssue, TargetTable } from "../model";
import { TITLE } from "../lexicon";
import { roleOfHeader } from "../recognize/header";
import type { Grid } from "../grid";
import { labelKey, tidy } from "../text";
import { isSatisfaction, nameOf } from "./indicators";
import type { Hit, TableRule, WorkbookRule } from "./types";

/** The table's top-left cell, where a finding about the whole table goes. */
function topLeft(t: TargetTable): Place {
  return { row: t.range.top, col: t.range.left, address: toA1(t.range.top, t.range.left) };
}

/**
 * The 一级 a row is under: its label, or where the table writes no 一级 at all (a 二级 column only),
 * the one its 二级 belongs to when only one 一级 of the framework has it.
 */
function level1KeyOf(i: IndicatorRow, fw: FrameworkDef): string | null {
  // an 一级 the framework does not name ((50分), a word of another template): its 二级 tells
  if (i.level1?.key) return i.level1.key;
  if (!i.level2?.key) return null;
  const parents = parentsOf(fw, i.level2.key);
  return parents.length === 1 ? parents[0] : null;
}

const LEVEL_ZH: Record<number, string> = { 1: "一级指标", 2: "二级指标" };
const LEVEL_EN: Record<number, string> = { 1: "level-1", 2: "level-2" };

function issuesOf(kind: RecognitionIssue["kind"]) {
  return (issues: RecognitionIssue[]) => issues.filter((i) => i.kind === kind);
}

const labelMisplaced: TableRule = {
  id: "structure.label-misplaced",
  category: "structure",
  severity: "warning",
  title: { zh: "一级/二级指标名称写在了别的列", en: "A level-1/level-2 label written in another column" },
  message: {
    zh: (p) => `“${p.value}”是${p.level}，应写在 ${p.expected} 列，却写在了 ${p.actual} 列；已按${p.level}读取。`,
    en: (p) => `"${p.value}" is a ${p.levelEn} label and belongs in column ${p.expected}, not ${p.actual}; it was read as a ${p.levelEn} label.`,
  },
  example: { bad: "一级指标“效果指标”写在二级指标列（B 列），“社会效益指标”写在一级指标列（A 列）", good: "“效果指标”在 A 列，“社会效益指标”在 B 列", source: "seed 000 宣传费" },
  check: ({ table }) =>
    issuesOf("label-misplaced")(table.issues).map((i): Hit => ({
      place: i,
      value: i.text,
      params: {
        cell: i.address,
        value: i.text,
        level: LEVEL_ZH[i.level ?? 2],
        levelEn: LEVEL_EN[i.level ?? 2],
        expected: i.expectedCol ? columnLetters(i.expectedCol) : "?",
        actual: columnLetters(i.col),
      },
    })),
};

const rowShifted: TableRule = {
  id: "structure.row-shifted",
  category: "structure",
  severity: "warning",
  title: { zh: "整行内容错位（常见于分页处）", en: "A row whose cells sit in the wrong columns (often after a page break)" },
  message: {
    zh: (p) => `${p.value ? `指标“${p.value}”这一行` : "这一行（未填指标名称）"}整体${p.direction}错了 ${p.n} 列${p.label ? `（“${p.label}”写进了${p.labelColumn}列）` : ""}，指标名称、指标值不在各自的列下；已按正确的列读取，请调整表格。`,
    en: (p) => `the row of ${p.value ? `"${p.value}"` : "an indicator with no name"} is shifted ${p.n} ${p.n === 1 || p.n === "1" ? "column" : "columns"} to the ${p.directionEn}${p.label ? ` ("${p.label}" sits in the ${p.labelColumnEn} column)` : ""}; its name and values are not under their headers. It was read as intended; please realign it.`,
  },
  example: { bad: "“成本指标 | 发放金额 | … | 993.85 万元”从一级指标列开始；“维保维护费用 | ≤20万元 | ≤54.95万元”从二级指标列开始", good: "二级指标、指标名称、指标值各在自己的列下", source: "seed 000 预留奖励绩效工资；seed 001 分页后的行" },
  check: ({ table }) =>
    issuesOf("row-shifted")(table.issues).map((i): Hit => ({
      place: i,
      value: i.text,
      indicator: i.text,
      params: {
        cell: i.address,
        value: i.text,
        n: Math.abs(i.shift ?? 0),
        direction: (i.shift ?? 0) < 0 ? "向左" : "向右",
        directionEn: (i.shift ?? 0) < 0 ? "left" : "right",
        label: i.key ?? "",
        labelColumn: i.expectedCol !== undefined && i.col < i.expectedCol ? "一级指标" : "三级指标",
        labelColumnEn: i.expectedCol !== undefined && i.col < i.expectedCol ? "level-1" : "level-3",
      },
    })),
};

const unknownLabel: TableRule = {
  id: "structure.unknown-label",
  category: "structure",
  severity: "warning",
  title: { zh: "指标体系中没有的一级/二级指标名称", en: "A level-1/level-2 label the framework does not have" },
  message: {
    zh: (p) => `“${p.value}”不是${p.framework}中的${p.level}${p.suggestion ? `，是否应为“${p.suggestion}”？` : "。"}`,
    en: (p) => `"${p.value}" is not a ${p.levelEn} label of the ${p.frameworkEn}${p.suggestion ? `; did you mean "${p.suggestion}"?` : "."}`,
  },
  example: { bad: "一级指标“厂口目标”", good: "一级指标“产出目标”", source: "seed 002 住房公积金管理系统维护费" },
  check: ({ table, framework }) =>
    !table.framework.matched ? [] : issuesOf("unknown-label")(table.issues).map((i): Hit => ({
      place: i,
      value: i.text,
      params: {
        cell: i.address,
        value: i.text,
        level: LEVEL_ZH[i.level ?? 2],
        levelEn: LEVEL_EN[i.level ?? 2],
        framework: framework.zh,
        frameworkEn: framework.en,
        suggestion: i.suggestion ?? "",
      },
    })),
};

const wrongParent: TableRule = {
  id: "structure.level2-wrong-parent",
  category: "structure",
  severity: "warning",
  title: { zh: "二级指标放在了不属于它的一级指标下", en: "A level-2 label under a level-1 that does not contain it" },
  message: {
    zh: (p) => `二级指标“${p.value}”不属于一级指标“${p.parent}”。`,
    en: (p) => `level-2 "${p.value}" does not belong under level-1 "${p.parent}".`,
  },
  example: { bad: "效益指标下写了“数量指标 | 宣传册发放数量 | ≥1000份”", good: "数量指标放在产出指标下", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) =>
    !table.framework.matched ? [] : issuesOf("level2-wrong-parent")(table.issues).map((i): Hit => ({
      place: i,
      value: i.text,
      params: { cell: i.address, value: i.text, parent: i.parent ?? "" },
    })),
};

const nameMisplaced: TableRule = {
  id: "structure.name-misplaced",
  category: "structure",
  severity: "warning",
  title: { zh: "三级指标名称写在了一级/二级指标列", en: "A level-3 name written in a level-1/level-2 column" },
  message: {
    zh: (p) => `三级指标“${p.value}”写在了 ${p.actual} 列，应在 ${p.expected} 列；已按三级指标读取。`,
    en: (p) => `the level-3 indicator "${p.value}" is in column ${p.actual}; it belongs in column ${p.expected}. It was read as a level-3 indicator.`,
  },
  example: { bad: "“项目质量可控性”写在 A 列", good: "写在三级指标列（C 列）", source: "seed 002 县区管理部发展基金" },
  check: ({ table }) =>
    issuesOf("name-misplaced")(table.issues).map((i): Hit => ({
      place: i,
      value: i.text,
      indicator: i.text,
      params: { cell: i.address, value: i.text, actual: columnLetters(i.col), expected: i.expectedCol ? columnLetters(i.expectedCol) : "?" },
    })),
};

const level1Empty: TableRule = {
  id: "structure.level1-empty",
  category: "structure",
  severity: "error",
  title: { zh: "必填的一级指标下没有任何指标", en: "A required level-1 indicator with no indicator under it" },
  message: {
    zh: (p) => `一级指标“${p.label}”下没有填写任何三级指标${p.missing ? `（本表缺少${p.label}）` : ""}；${p.framework}要求至少一项。`,
    en: (p) => `no indicator under level-1 "${p.labelEn}"; the ${p.frameworkEn} requires at least one.`,
  },
  example: { bad: "营业大厅运转费：表中没有满意度指标", good: "满意度指标 / 服务对象满意度指标 / 办事群众满意度 ≥90%", source: "seed 000 营业大厅运转费、贷款管理专项经费" },
  check: ({ table, framework }) => {
    const hits: Hit[] = [];
    if (!table.header || !table.framework.matched) return hits;
    for (const a of framework.level1) {
      if (!a.required) continue;
      const rows = table.indicators.filter((i) => level1KeyOf(i, framework) === a.key && (i.name || i.value));
      // in the four-goal framework satisfaction lives under 效果目标; elsewhere it is its own 一级
      if (rows.length > 0) continue;
      // satisfaction indicators filed under another 一级 (满意度 as a 二级 under 效益, the pre-2015 form)
      // are reported where they stand (level2-wrong-parent, relevance), not as a missing 一级 as well
      if (a.key === "满意度" && table.indicators.some((i) => i.level2?.key === "服务对象满意度" || isSatisfaction(nameOf(i)))) continue;
      const block = table.blocks.find((b) => b.level1?.key === a.key);
      const h = table.header.labels;
      const place = block?.level1 ?? h.level1 ?? h.level2 ?? h.level3 ?? topLeft(table);
      hits.push({
        place,
        value: block?.level1?.text,
        params: { cell: place.address, label: block?.level1?.text ?? a.key + "指标", labelEn: a.en, missing: block ? "" : "1", framework: framework.zh, frameworkEn: framework.en },
      });
    }
    return hits;
  },
};

const level2Empty: TableRule = {
  id: "structure.level2-empty",
  category: "structure",
  severity: "warning",
  title: { zh: "必填的二级指标没有设置指标", en: "A required level-2 indicator left without an indicator" },
  message: {
    zh: (p) => `二级指标${p.labels}（属“${p.parent}”）下没有三级指标；${p.framework}要求设置。`,
    en: (p) => `no level-3 indicator under level-2 ${p.labelsEn} (in "${p.parentEn}"); the ${p.frameworkEn} expects ${p.several ? "one under each" : "one"}.`,
  },
  example: { bad: "满意度指标：空白", good: "服务对象满意度：办事群众满意度 ≥90%", source: "seed 002 贷款印花税及中心审计费" },
  check: ({ table, framework }) => {
    const hits: Hit[] = [];
    if (!table.header || !table.framework.matched) return hits;
    for (const a of framework.level1) {
      const hasLevel1 = table.indicators.some((i) => level1KeyOf(i, framework) === a.key);
      for (const b of a.level2) {
        if (!b.required) continue;
        const rows = table.indicators.filter((i) => i.level2?.key === b.key && (i.level1?.key === a.key || !i.level1?.key));
        if (rows.length > 0) continue;
        // a satisfaction indicator written under another 二级 is reported where it stands
        // (relevance.satisfaction-misplaced), not a second time as a missing block
        if (b.key === "服务对象满意度" && table.indicators.some((i) => isSatisfaction(nameOf(i)))) continue;
        // the 一级 rule already reports a whole 一级 with nothing in it
        if (!hasLevel1 && a.required) continue;
        const block = table.blocks.find((x) => x.level2?.key === b.key);
        const anchor = block?.level2 ?? table.blocks.find((x) => x.level1?.key === a.key)?.level1;
        if (!anchor) continue;
        // 二级 labels missing from the grid are all reported on their 一级 cell: one finding there
        const same = hits.find((h) => h.place.address === anchor.address);
        const label = block?.level2?.text ?? b.key;
        if (same) {
          same.params.labels = `${same.params.labels}“${label}”`;
          same.params.labelsEn = `${same.params.labelsEn}, "${b.en}"`;
          same.params.several = 1;
          continue;
        }
        hits.push({
          place: anchor,
          value: block?.level2?.text,
          params: { cell: anchor.address, labels: `“${label}”`, labelsEn: `"${b.en}"`, several: 0, parent: table.blocks.find((x) => x.level1?.key === a.key)?.level1?.text ?? a.key, parentEn: a.en, framework: framework.zh, frameworkEn: framework.en },
        });
      }
    }
    return hits;
  },
};

const headerMissing: TableRule = {
  id: "structure.no-indicator-rows",
  category: "structure",
  severity: "error",
  title: { zh: "找到了表头但没有任何指标行", en: "An indicator header with no indicator rows under it" },
  message: {
    zh: () => `找到了指标表头，但下面没有任何三级指标。`,
    en: () => `the indicator header has no indicator rows under it.`,
  },
  example: { bad: "表头“一级指标 | 二级指标 | 三级指标 | … | 指标值”下面一行指标也没有", good: "至少填写产出、效益、满意度指标各一项", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) => {
    if (!table.header || table.indicators.length > 0) return [];
    const cell = table.header.labels.level1 ?? table.header.labels.level3;
    const place = cell ?? topLeft(table);
    return [{ place, params: { cell: place.address } }];
  },
};

/** The first cell of a sheet that says it holds a target table: a title, or two indicator header words in one row. */
function tableHint(g: Grid): { row: number; col: number; text: string } | undefined {
  for (let i = 0; i < g.cells.length; i++) {
    const row = g.cells[i];
    const roles = new Set<string>();
    let firstHeader: { row: number; col: number; text: string } | undefined;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v.length > 60) continue;
      // quoted as the reader sees it (whitespace tidied, markup stripped), like every other finding
      const at = { row: g.origin.row + i, col: g.origin.col + j, text: tidy(v) };
      const key = labelKey(v);
      if (v.includes("表") && TITLE.test(key)) return at;
      const role = roleOfHeader(key);
      if (role && ["level1", "level2", "level3", "value", "halfValue"].includes(role)) {
        roles.add(role);
        firstHeader ??= at;
      }
    }
    if (roles.size >= 2 && firstHeader) return firstHeader;
  }
  return undefined;
}

const headerUnrecognised: WorkbookRule = {
  id: "structure.header-unrecognised",
  scope: "workbook",
  category: "structure",
  severity: "error",
  title: { zh: "工作表像是绩效目标表，但找不到指标表头", en: "A sheet that looks like a target table but has no recognisable indicator header" },
  message: {
    zh: (p) => `工作表“${p.sheet}”中有“${p.value}”，但没有找到指标表头（同一行写有“一级指标”或“三级指标”、“指标值”或“目标值”等列名），本表没有被检查；请检查表头的写法。`,
    en: (p) => `sheet "${p.sheet}" has "${p.value}" but no indicator header (one row naming columns such as 一级指标 or 三级指标 and 指标值 or 目标值), so it was not checked; check how the header is written.`,
  },
  example: { bad: "表头写成“指标 | 内容 | 数值”", good: "一级指标 | 二级指标 | 三级指标 | 指标值", source: "RULES.md “Reading the grid”" },
  check: ({ tables, grids }) => {
    const hits: Hit[] = [];
    const withTables = new Set(tables.map((t) => t.sheet)); // (was a scan of every table for every sheet)
    for (const g of grids) {
      if (withTables.has(g.sheet)) continue;
      const hint = tableHint(g);
      if (!hint) continue;
      const place = { row: hint.row, col: hint.col, address: toA1(hint.row, hint.col) };
      hits.push({ place, sheet: g.sheet, value: hint.text, params: { cell: place.address, sheet: g.sheet, value: hint.text } });
    }
    return hits;
  },
};

const frameworkUnmatched: TableRule = {
  id: "structure.framework-unmatched",
  category: "structure",
  severity: "info",
  title: { zh: "一级/二级指标与已知的指标体系都不一致", en: "Level-1/level-2 labels that match no known framework" },
  message: {
    zh: (p) => `本表的一级/二级指标（${p.labels}）与已知的指标体系都不一致，没有按指标体系检查缺少哪些一级/二级指标。`,
    en: (p) => `the level-1/level-2 labels of this table (${p.labels}) match no known framework, so they were not checked against one.`,
  },
  example: { bad: "一级指标“工作任务”“管理要求”", good: "产出指标 / 效益指标 / 满意度指标", source: "illustration (the corpus tables all use a known framework)" },
  check: ({ table }) => {
    if (table.framework.matched || table.blocks.length === 0) return [];
    const labels = [...new Set(table.blocks.flatMap((b) => [b.level1?.text, b.level2?.text]).filter((x): x is string => !!x))];
    const first = table.blocks.find((b) => b.level1 || b.level2);
    const place = first?.level1 ?? first?.level2;
    if (!place || labels.length === 0) return [];
    return [{ place, value: place.text, params: { cell: place.address, labels: labels.slice(0, 6).join("、") + (labels.length > 6 ? "…" : "") } }];
  },
};

export const structureRules: (TableRule | WorkbookRule)[] = [
  frameworkUnmatched,
  labelMisplaced,
  rowShifted,
  nameMisplaced,
  unknownLabel,
  wrongParent,
  level1Empty,
  level2Empty,
  headerMissing,
  headerUnrecognised,
];
