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
import type { Bilingual } from "../i18n";
import { defineRule, defineWorkbookRule } from "./types";
import { groupBy } from "../groupBy";

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

const LEVEL: Record<number, Bilingual> = { 1: { zh: "一级指标", en: "level-1" }, 2: { zh: "二级指标", en: "level-2" } };

function issuesOf(kind: RecognitionIssue["kind"]) {
  return (issues: RecognitionIssue[]) => issues.filter((i) => i.kind === kind);
}

/**
 * Misplaced cells grouped by `by`. A column that holds none of its own labels — the 一级 column only
 * 二级 labels, the 二级 column only names (the whole column one level off) — is reported once, with
 * all of them; elsewhere each cell is reported where it stands.
 */
function columnGroups(table: TargetTable, issues: RecognitionIssue[], by: (i: RecognitionIssue) => string): RecognitionIssue[][] {
  return groupBy(issues, by).flatMap(({ items: g }) => (g.length >= 2 && !holdsOwnLabels(table, g[0].col) ? [g] : g.map((i) => [i])));
}

/** Whether any indicator has its 一级 (in the 一级 column) or its 二级 (in the 二级 column) in column `col`. */
function holdsOwnLabels(table: TargetTable, col: number): boolean {
  const cols = table.header?.columns;
  if (!cols) return true;
  if (col === cols.level1) return table.indicators.some((i) => i.level1?.col === col);
  if (col === cols.level2) return table.indicators.some((i) => i.level2?.col === col);
  return true;
}

/** The distinct texts of a group, joined as a list (数量指标、质量指标、成本指标). */
function distinctTexts(g: RecognitionIssue[]): string {
  return [...new Set(g.map((i) => i.text))].join("、");
}

const labelMisplaced = defineRule({
  id: "structure.label-misplaced",
  category: "structure",
  severity: "warning",
  title: { zh: "一级/二级指标名称写在了别的列", en: "A level-1/level-2 label written in another column" },
  messages: {
    default: {
      zh: "“{value}”是{level}，应写在 {expected} 列，却写在了 {actual} 列；已按{level}读取。",
      en: '"{value}" is a {level} label and belongs in column {expected}, not {actual}; it was read as a {level} label.',
    },
    noColumn: {
      zh: "“{value}”是{level}，本表却没有{level}列，它写在了 {actual} 列；已按{level}读取。",
      en: '"{value}" is a {level} label, but the table has no {level} column; it is in column {actual} and was read as a {level} label.',
    },
    column: {
      zh: "{actual} 列中的“{value}”都是{level}，应写在 {expected} 列；已按{level}读取。",
      en: 'the labels "{value}" in column {actual} are {level} labels and belong in column {expected}; they were read as {level} labels.',
    },
    columnNoColumn: {
      zh: "{actual} 列中的“{value}”都是{level}，本表却没有{level}列；已按{level}读取。",
      en: 'the labels "{value}" in column {actual} are {level} labels, but the table has no {level} column; they were read as {level} labels.',
    },
  },
  why: { zh: "一级/二级指标写错列，表格的层级就乱了，汇总和对照时会归错类。", en: "A label in the wrong column breaks the table's levels: collected or compared, its indicators are filed under the wrong heading." },
  howToFix: { zh: "把一级指标移到一级指标列、二级指标移到二级指标列。", en: "Move level-1 labels into the level-1 column and level-2 labels into the level-2 column." },
  fixable: "no",
  example: { bad: "一级指标“效果指标”写在二级指标列（B 列），“社会效益指标”写在一级指标列（A 列）", good: "“效果指标”在 A 列，“社会效益指标”在 B 列", from: { seed: "000", table: "宣传费" } },
  check: ({ table }) =>
    columnGroups(table, issuesOf("label-misplaced")(table.issues), (i) => `${i.col}|${i.level ?? 2}`).map((g) => {
      const i = g[0];
      const values = distinctTexts(g);
      const params = { value: values, level: LEVEL[i.level ?? 2], actual: columnLetters(i.col) };
      const many = g.length > 1;
      return i.expectedCol
        ? { place: i, value: i.text, messageId: many ? ("column" as const) : ("default" as const), params: { ...params, expected: columnLetters(i.expectedCol) } }
        : { place: i, value: i.text, messageId: many ? ("columnNoColumn" as const) : ("noColumn" as const), params };
    }),
});

const SHIFTED_ZH = "整体{direction}错了 {n} 列";
const SHIFTED_LABEL_ZH = "（“{label}”写进了{labelColumn}列）";
const SHIFTED_REST_ZH = "，指标名称、指标值不在各自的列下；已按正确的列读取，请调整表格。";
const SHIFTED_EN = "is shifted {n} {n|column|columns} to the {direction}";
const SHIFTED_LABEL_EN = ' ("{label}" sits in the {labelColumn} column)';
const SHIFTED_REST_EN = "; its name and values are not under their headers. It was read as intended; please realign it.";

const rowShifted = defineRule({
  id: "structure.row-shifted",
  category: "structure",
  severity: "warning",
  title: { zh: "整行内容错位（常见于分页处）", en: "A row whose cells sit in the wrong columns (often after a page break)" },
  messages: {
    default: { zh: `指标“{value}”这一行${SHIFTED_ZH}${SHIFTED_REST_ZH}`, en: `the row of "{value}" ${SHIFTED_EN}${SHIFTED_REST_EN}` },
    label: { zh: `指标“{value}”这一行${SHIFTED_ZH}${SHIFTED_LABEL_ZH}${SHIFTED_REST_ZH}`, en: `the row of "{value}" ${SHIFTED_EN}${SHIFTED_LABEL_EN}${SHIFTED_REST_EN}` },
    unnamed: { zh: `这一行（未填指标名称）${SHIFTED_ZH}${SHIFTED_REST_ZH}`, en: `the row of an indicator with no name ${SHIFTED_EN}${SHIFTED_REST_EN}` },
    unnamedLabel: { zh: `这一行（未填指标名称）${SHIFTED_ZH}${SHIFTED_LABEL_ZH}${SHIFTED_REST_ZH}`, en: `the row of an indicator with no name ${SHIFTED_EN}${SHIFTED_LABEL_EN}${SHIFTED_REST_EN}` },
  },
  why: { zh: "错位的行里，指标名称、指标值落在别的列下，读表的人和汇总程序都会读错。", en: "In a shifted row the name and the values stand under other headers: people and programs alike read them wrongly." },
  howToFix: { zh: "把这一行的单元格整体移回各自的列（常见于分页或复制粘贴后）。", en: "Move the row's cells back under their headers (this often happens at a page break or after pasting)." },
  fixable: "no",
  example: {
    bad: "“成本指标 | 发放金额 | … | 993.85 万元”从一级指标列开始；“维保维护费用 | ≤20万元 | ≤54.95万元”从二级指标列开始",
    good: "二级指标、指标名称、指标值各在自己的列下",
    from: [{ seed: "000", table: "预留奖励绩效工资" }, { seed: "001", table: "分页后的行" }],
  },
  check: ({ table }, report) => {
    for (const i of issuesOf("row-shifted")(table.issues)) {
      const shifted = { place: i, value: i.text, indicator: i.text };
      const params = {
        value: i.text,
        n: Math.abs(i.shift ?? 0),
        direction: (i.shift ?? 0) < 0 ? { zh: "向左", en: "left" } : { zh: "向右", en: "right" },
      };
      const labelColumn = i.expectedCol !== undefined && i.col < i.expectedCol ? { zh: "一级指标", en: "level-1" } : { zh: "三级指标", en: "level-3" };
      if (i.key) report({ ...shifted, messageId: i.text ? "label" : "unnamedLabel", params: { ...params, label: i.key, labelColumn } });
      else report({ ...shifted, messageId: i.text ? "default" : "unnamed", params });
    }
  },
});

const unknownLabel = defineRule({
  id: "structure.unknown-label",
  category: "structure",
  severity: "warning",
  title: { zh: "指标体系中没有的一级/二级指标名称", en: "A level-1/level-2 label the framework does not have" },
  messages: {
    default: { zh: "“{value}”不是{framework}中的{level}。", en: '"{value}" is not a {level} label of the {framework}.' },
    suggestion: { zh: "“{value}”不是{framework}中的{level}，是否应为“{suggestion}”？", en: '"{value}" is not a {level} label of the {framework}; did you mean "{suggestion}"?' },
  },
  why: { zh: "一级/二级指标是指标体系规定的，写错或自创的名称无法归入体系，汇总时会丢失。", en: "Level-1/level-2 labels are set by the framework: a misspelt or invented one fits nowhere and is lost when tables are collected." },
  howToFix: { zh: "改为指标体系中的名称（提示中给出最接近的一个）。", en: "Use the framework's label (the message names the nearest one)." },
  fixable: "no",
  example: { bad: "一级指标“厂口目标”", good: "一级指标“产出目标”", from: { seed: "002", table: "住房公积金管理系统维护费" } },
  check: ({ table, framework }, report) => {
    if (!table.framework.matched) return;
    for (const i of issuesOf("unknown-label")(table.issues)) {
      const params = { value: i.text, level: LEVEL[i.level ?? 2], framework: { zh: framework.zh, en: framework.en } };
      if (i.suggestion) report({ place: i, value: i.text, messageId: "suggestion", params: { ...params, suggestion: i.suggestion } });
      else report({ place: i, value: i.text, params });
    }
  },
});

const wrongParent = defineRule({
  id: "structure.level2-wrong-parent",
  category: "structure",
  severity: "warning",
  title: { zh: "二级指标放在了不属于它的一级指标下", en: "A level-2 label under a level-1 that does not contain it" },
  messages: {
    default: { zh: "二级指标“{value}”不属于一级指标“{parent}”。", en: 'level-2 "{value}" does not belong under level-1 "{parent}".' },
  },
  why: { zh: "指标体系规定了每个二级指标属于哪个一级指标；放错了，产出和效益就混在一起。", en: "The framework says which level-1 each level-2 belongs to; filed elsewhere, outputs and benefits get mixed up." },
  howToFix: { zh: "把这个二级指标及其三级指标移到它所属的一级指标下。", en: "Move the level-2 label and its indicators under the level-1 it belongs to." },
  fixable: "no",
  example: { bad: "效益指标下写了“数量指标 | 宣传册发放数量 | ≥1000份”", good: "数量指标放在产出指标下", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) =>
    !table.framework.matched
      ? []
      : issuesOf("level2-wrong-parent")(table.issues).map((i) => ({ place: i, value: i.text, params: { value: i.text, parent: i.parent ?? "" } })),
});

const nameMisplaced = defineRule({
  id: "structure.name-misplaced",
  category: "structure",
  severity: "warning",
  title: { zh: "三级指标名称写在了一级/二级指标列", en: "A level-3 name written in a level-1/level-2 column" },
  messages: {
    default: {
      zh: "三级指标“{value}”写在了 {actual} 列，应在 {expected} 列；已按三级指标读取。",
      en: 'the level-3 indicator "{value}" is in column {actual}; it belongs in column {expected}. It was read as a level-3 indicator.',
    },
    noColumn: {
      zh: "三级指标“{value}”写在了 {actual} 列，本表没有三级指标（指标名称）列；已按三级指标读取。",
      en: 'the level-3 indicator "{value}" is in column {actual}; the table has no level-3 (name) column. It was read as a level-3 indicator.',
    },
    column: {
      zh: "{actual} 列中有 {n} 个三级指标名称（如“{value}”），应写在 {expected} 列；已按三级指标读取。",
      en: 'column {actual} holds {n} level-3 indicator names (such as "{value}"); they belong in column {expected}. They were read as level-3 indicators.',
    },
    columnNoColumn: {
      zh: "{actual} 列中有 {n} 个三级指标名称（如“{value}”），本表没有三级指标（指标名称）列；已按三级指标读取。",
      en: 'column {actual} holds {n} level-3 indicator names (such as "{value}"); the table has no level-3 (name) column. They were read as level-3 indicators.',
    },
  },
  why: { zh: "三级指标写在一级/二级指标列，会被当成一级/二级指标，整张表的层级随之错乱。", en: "A level-3 name in a level-1/level-2 column reads as a label, and the table's levels go wrong around it." },
  howToFix: { zh: "把指标名称移到三级指标列。", en: "Move the name into the level-3 column." },
  fixable: "no",
  example: { bad: "“项目质量可控性”写在 A 列", good: "写在三级指标列（C 列）", from: { seed: "002", table: "县区管理部发展基金" } },
  check: ({ table }) =>
    columnGroups(table, issuesOf("name-misplaced")(table.issues), (i) => `${i.col}`).map((g) => {
      const i = g[0];
      const many = g.length > 1;
      const params = { value: i.text, actual: columnLetters(i.col), n: g.length };
      return i.expectedCol
        ? { place: i, value: i.text, indicator: i.text, messageId: many ? ("column" as const) : ("default" as const), params: { ...params, expected: columnLetters(i.expectedCol) } }
        : { place: i, value: i.text, indicator: i.text, messageId: many ? ("columnNoColumn" as const) : ("noColumn" as const), params };
    }),
});

const level1Empty = defineRule({
  id: "structure.level1-empty",
  category: "structure",
  severity: "error",
  title: { zh: "必填的一级指标下没有任何指标", en: "A required level-1 indicator with no indicator under it" },
  messages: {
    default: { zh: "一级指标“{label}”下没有填写任何三级指标；{framework}要求至少一项。", en: 'no indicator under level-1 "{label}"; the {framework} requires at least one.' },
    absent: { zh: "一级指标“{label}”下没有填写任何三级指标（本表缺少{label}）；{framework}要求至少一项。", en: 'no indicator under level-1 "{label}"; the {framework} requires at least one.' },
  },
  why: { zh: "指标体系要求每个必填的一级指标（如产出、效益、满意度）至少有一项指标；缺了，绩效目标就不完整。", en: "The framework requires at least one indicator under each required level-1 (output, benefit, satisfaction …); without it the goal is measured only in part." },
  howToFix: { zh: "在这个一级指标下至少设置一项三级指标（模板中没有这一级的，先加上一级/二级指标行）。", en: "Add at least one indicator under this level-1 (where the table lacks the level-1 altogether, add its rows first)." },
  fixable: "no",
  example: {
    bad: "营业大厅运转费：表中没有满意度指标",
    good: "满意度指标 / 服务对象满意度指标 / 办事群众满意度 ≥90%",
    from: { seed: "000", table: "营业大厅运转费、贷款管理专项经费" },
  },
  check: ({ table, framework }, report) => {
    if (!table.header || !table.framework.matched) return;
    for (const a of framework.level1) {
      if (!a.required) continue;
      const rows = table.indicators.filter((i) => level1KeyOf(i, framework) === a.key && (i.name || i.value));
      // in the four-goal framework satisfaction lives under 效果目标; elsewhere it is its own 一级
      if (rows.length > 0) continue;
      // satisfaction indicators filed under another 一级 (满意度 as a 二级 under 效益, the pre-2015 form)
      // are reported where they stand (level2-wrong-parent, relevance), not as a missing 一级 as well
      if (a.key === "满意度" && table.indicators.some((i) => i.level2?.key === "服务对象满意度" || isSatisfaction(nameOf(i)))) continue;
      // its 二级 written under another 一级 (经济成本指标 under 产出指标): reported where it stands (level2-wrong-parent)
      if (table.indicators.some((i) => (i.name || i.value) && i.level2?.key && a.level2.some((b) => b.key === i.level2?.key))) continue;
      const block = table.blocks.find((b) => b.level1?.key === a.key);
      const h = table.header.labels;
      const place = block?.level1 ?? h.level1 ?? h.level2 ?? h.level3 ?? topLeft(table);
      report({
        place,
        value: block?.level1?.text,
        messageId: block ? "default" : "absent",
        params: { label: { zh: block?.level1?.text ?? a.key + "指标", en: a.en }, framework: { zh: framework.zh, en: framework.en } },
      });
    }
  },
});

const level2Empty = defineRule({
  id: "structure.level2-empty",
  category: "structure",
  severity: "warning",
  title: { zh: "必填的二级指标没有设置指标", en: "A required level-2 indicator left without an indicator" },
  messages: {
    default: { zh: "二级指标{labels}（属“{parent}”）下没有三级指标；{framework}要求设置。", en: 'no level-3 indicator under level-2 {labels} (in "{parent}"); the {framework} expects one.' },
    several: { zh: "二级指标{labels}（属“{parent}”）下没有三级指标；{framework}要求设置。", en: 'no level-3 indicator under level-2 {labels} (in "{parent}"); the {framework} expects one under each.' },
  },
  why: { zh: "指标体系要求设置的二级指标（如数量、质量、时效）各说明目标的一个方面；空着，这一方面就没有衡量。", en: "Each required level-2 (quantity, quality, timeliness …) measures one side of the goal; left empty, that side is not measured." },
  howToFix: { zh: "在这个二级指标下设置至少一项三级指标。", en: "Add at least one indicator under this level-2." },
  fixable: "no",
  example: { bad: "满意度指标：空白", good: "服务对象满意度：办事群众满意度 ≥90%", from: { seed: "002", table: "贷款印花税及中心审计费" } },
  check: ({ table, framework }, report) => {
    if (!table.header || !table.framework.matched) return;
    // 二级 labels missing from the grid are all reported on their 一级 cell: one finding there
    const found: { anchor: Place; value?: string; zh: string; en: string; several: boolean; parent: Bilingual }[] = [];
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
        const same = found.find((h) => h.anchor.address === anchor.address);
        const label = block?.level2?.text ?? b.key;
        if (same) {
          same.zh = `${same.zh}“${label}”`;
          same.en = `${same.en}, "${b.en}"`;
          same.several = true;
          continue;
        }
        found.push({ anchor, value: block?.level2?.text, zh: `“${label}”`, en: `"${b.en}"`, several: false, parent: { zh: table.blocks.find((x) => x.level1?.key === a.key)?.level1?.text ?? a.key, en: a.en } });
      }
    }
    for (const f of found)
      report({
        place: f.anchor,
        value: f.value,
        messageId: f.several ? "several" : "default",
        params: { labels: { zh: f.zh, en: f.en }, parent: f.parent, framework: { zh: framework.zh, en: framework.en } },
      });
  },
});

const headerMissing = defineRule({
  id: "structure.no-indicator-rows",
  category: "structure",
  severity: "error",
  title: { zh: "找到了表头但没有任何指标行", en: "An indicator header with no indicator rows under it" },
  messages: {
    default: { zh: "找到了指标表头，但下面没有任何三级指标。", en: "the indicator header has no indicator rows under it." },
  },
  why: { zh: "只有表头没有指标的目标表等于没有绩效目标。", en: "A header with nothing under it is a target table without targets." },
  howToFix: { zh: "在表头下填写指标（至少产出、效益、满意度各一项），或删去空表。", en: "Fill in indicators under the header (at least one output, one benefit and one satisfaction indicator), or delete the empty table." },
  fixable: "no",
  example: { bad: "表头“一级指标 | 二级指标 | 三级指标 | … | 指标值”下面一行指标也没有", good: "至少填写产出、效益、满意度指标各一项", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) => {
    if (!table.header || table.indicators.length > 0) return [];
    const cell = table.header.labels.level1 ?? table.header.labels.level3;
    return [{ place: cell ?? topLeft(table) }];
  },
});

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

const headerUnrecognised = defineWorkbookRule({
  id: "structure.header-unrecognised",
  category: "structure",
  severity: "error",
  title: { zh: "工作表像是绩效目标表，但找不到指标表头", en: "A sheet that looks like a target table but has no recognisable indicator header" },
  messages: {
    default: {
      zh: "工作表“{sheet}”中有“{value}”，但没有找到指标表头（同一行写有“一级指标”或“三级指标”、“指标值”或“目标值”等列名），本表没有被检查；请检查表头的写法。",
      en: 'sheet "{sheet}" has "{value}" but no indicator header (one row naming columns such as 一级指标 or 三级指标 and 指标值 or 目标值), so it was not checked; check how the header is written.',
    },
  },
  why: { zh: "找不到表头，表中的指标就一项也没有检查，问题会被漏掉。", en: "Without a recognisable header none of the table's indicators is checked, so its problems go unseen." },
  howToFix: { zh: "用通行的列名写表头：一级指标、二级指标、三级指标、指标值（或目标值）写在同一行。", en: "Write the header with the usual column names in one row: 一级指标, 二级指标, 三级指标, 指标值 (or 目标值)." },
  fixable: "no",
  example: { bad: "表头写成“指标 | 内容 | 数值”", good: "一级指标 | 二级指标 | 三级指标 | 指标值", from: { reference: "reading the grid" } },
  check: ({ tables, grids }, report) => {
    const withTables = new Set(tables.map((t) => t.sheet)); // (was a scan of every table for every sheet)
    for (const g of grids) {
      if (withTables.has(g.sheet)) continue;
      const hint = tableHint(g);
      if (!hint) continue;
      const place = { row: hint.row, col: hint.col, address: toA1(hint.row, hint.col) };
      report({ place, sheet: g.sheet, value: hint.text, params: { sheet: g.sheet, value: hint.text } });
    }
  },
});

const frameworkUnmatched = defineRule({
  id: "structure.framework-unmatched",
  category: "structure",
  severity: "info",
  title: { zh: "一级/二级指标与已知的指标体系都不一致", en: "Level-1/level-2 labels that match no known framework" },
  messages: {
    default: {
      zh: "本表的一级/二级指标（{labels}）与已知的指标体系都不一致，没有按指标体系检查缺少哪些一级/二级指标。",
      en: "the level-1/level-2 labels of this table ({labels}) match no known framework, so they were not checked against one.",
    },
  },
  why: { zh: "不认识指标体系，就无法检查是否缺了必填的一级/二级指标。", en: "Without a known framework nobody can tell whether a required level-1 or level-2 is missing." },
  howToFix: { zh: "按适用的指标体系（财预〔2015〕88号、财预〔2021〕101号等）书写一级/二级指标，或在设置中指定指标体系。", en: "Write the level-1/level-2 labels of the framework that applies (财预〔2015〕88号, 财预〔2021〕101号 …), or choose the framework in the settings." },
  fixable: "no",
  example: { bad: "一级指标“工作任务”“管理要求”", good: "产出指标 / 效益指标 / 满意度指标", from: { illustration: "the corpus tables all use a known framework" } },
  check: ({ table }) => {
    if (table.framework.matched || table.blocks.length === 0) return [];
    const labels = [...new Set(table.blocks.flatMap((b) => [b.level1?.text, b.level2?.text]).filter((x): x is string => !!x))];
    const first = table.blocks.find((b) => b.level1 || b.level2);
    const place = first?.level1 ?? first?.level2;
    if (!place || labels.length === 0) return [];
    return [{ place, value: place.text, params: { labels: labels.slice(0, 6).join("、") + (labels.length > 6 ? "…" : "") } }];
  },
});

export const structureRules = [
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
