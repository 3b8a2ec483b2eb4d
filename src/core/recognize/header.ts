/** Finding the indicator grid's header row through the synonyms in RULES.md "Reading the grid". */
import type { ColumnRole, IndicatorHeader } from "../model";
import type { SheetView } from "./sheet";

/** Header synonyms per role, as label keys (no whitespace, half-width brackets). */
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ["level1", /^一级(绩效)?指标(名称)?$/],
  ["level2", /^二级(绩效)?指标(名称)?$/],
  ["level3", /^(三级(绩效)?指标(名称)?|指标名称|绩效指标(名称)?|具体指标)$/],
  ["description", /^(绩效指标描述|指标描述|指标解释|指标说明|指标值说明|指标内容|指标定义|计算口径)$/],
  ["halfValue", /^半年(\(程\))?(度)?(指标值|目标值)(\(.*\))?$/],
  ["value", /^((全年|年度)(\(程\))?(度)?)?(指标值|目标值)(\(.*\))?$|^(预期|计划)?目标值$|^指标值$/],
  ["unit", /^(计量单位|度量单位|单位)$/],
  ["operator", /^(运算符(号)?|计算符号|指标方向|指标性质|符号|比较符)$/],
  ["weight", /^(权重|分值|权重\(%\)|分值\(分\)|指标权重)$/],
  ["basis", /^(指标值确定依据|取值依据|指标值设定依据|确定依据|指标值来源|指标值依据|设定依据|评(价|分)标准)$/],
];

/**
 * Every synonym above contains one of these characters, and a label key keeps the CJK characters of
 * its text: a cell whose text has none of them is no header, without working out its key. Keep it in
 * step with ROLE_PATTERNS (test/core/recognize.header-chars.test.ts tries every synonym).
 */
export const HEADER_CHARS = /[指口值单符权据准]/;

function matchRole(key: string): ColumnRole | undefined {
  for (const [role, re] of ROLE_PATTERNS) if (re.test(key)) return role;
  return undefined;
}

/** Roles of the short keys seen so far: findHeaders asks for every filled cell of a sheet (issue 7). */
let roleCache = new Map<string, ColumnRole | null>();

export function roleOfHeader(key: string): ColumnRole | undefined {
  if (key.length > 40) return matchRole(key);
  const known = roleCache.get(key);
  if (known !== undefined) return known ?? undefined;
  const role = matchRole(key);
  if (roleCache.size >= 50_000) roleCache = new Map();
  roleCache.set(key, role ?? null);
  return role;
}

/**
 * Header rows in the view: rows where at least three roles are found and they include
 * a 三级 or 一级 column and a value column. Several headers on one row (tables side by side)
 * are returned separately, each with its own column span.
 */
export function findHeaders(view: SheetView): IndicatorHeader[] {
  const out: IndicatorHeader[] = [];
  for (let row = view.top; row <= view.bottom; row++) {
    const cols = view.filledColumns(row);
    if (cols.length < 3) continue;
    let current: IndicatorHeader | null = null;
    const flush = () => {
      if (current && isUsableHeader(current)) out.push(current);
      current = null;
    };
    for (const col of cols) {
      if (!HEADER_CHARS.test(view.text(row, col))) continue;
      const role = roleOfHeader(view.key(row, col));
      if (!role) continue;
      // a second 一级 column on the same row starts a table to the right
      if (current && (current.columns[role] !== undefined || (role === "level1" && current.columns.level3 !== undefined))) {
        flush();
      }
      if (!current) current = { row, columns: {}, labels: {}, left: col, right: col };
      current.columns[role] = col;
      const f = view.field(row, col);
      if (f) current.labels[role] = f;
      current.right = col;
    }
    flush();
  }
  return out;
}

function isUsableHeader(h: IndicatorHeader): boolean {
  const roles = Object.keys(h.columns).length;
  const hasName = h.columns.level3 !== undefined || h.columns.level1 !== undefined;
  const hasValue = h.columns.value !== undefined || h.columns.halfValue !== undefined;
  return roles >= 3 && hasName && hasValue;
}
