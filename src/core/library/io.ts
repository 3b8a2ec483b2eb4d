/**
 * User libraries: export and import as JSON and as spreadsheet rows (one row per template, the
 * schema's fields as columns), validated by the zod schemas with messages that name the row and
 * the field, with size limits and no prototype pollution; and merging with the built-in library.
 * Pure: callers read and write files (the CLI with exceljs, the task pane with Office.js).
 */
import type { Lang } from "../i18n";
import type { z } from "zod";
import type { CellValue } from "../grid";
import { lintTemplate } from "./quality";
import {
  LIBRARY_FORMAT,
  LIMITS,
  LibraryFileSchema,
  ProjectTypeSchema,
  TemplateSchema,
  type Library,
  type LibraryFile,
  type ProjectType,
  type Template,
} from "./schema";

export interface ImportIssue {
  severity: "error" | "warning";
  /** "templates" / "types" section (sheet), or "file" for the whole input */
  section: "file" | "templates" | "types";
  /** 1-based: the template's position in a JSON file, or the sheet row in a spreadsheet */
  row?: number;
  /** what `row` counts: a sheet row (spreadsheets) or a position in the list (JSON) */
  rowKind?: "sheet-row" | "position";
  /** the template or type id, when it has one */
  id?: string;
  /** the field concerned ("level2", "keywords.3") */
  field?: string;
  zh: string;
  en: string;
}

export interface ImportResult {
  /** the valid part of the input (every row without an error) */
  library: Library;
  issues: ImportIssue[];
  /** true when nothing was rejected */
  ok: boolean;
}

/** Keys that could reach an object's prototype when a parsed object is merged or spread. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 8;

class InputError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.en);
  }
}

function fileIssue(zh: string, en: string): ImportIssue {
  return { severity: "error", section: "file", zh, en };
}

/** Reject forbidden keys and absurd nesting anywhere in a parsed value. */
function assertSafe(value: unknown): void {
  const stack: [unknown, number, string][] = [[value, 0, ""]];
  while (stack.length) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (v === null || typeof v !== "object") continue;
    if (depth > MAX_DEPTH) throw new InputError(fileIssue(`嵌套层数过多（${path}）`, `nested too deeply (${path})`));
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) throw new InputError(fileIssue(`不允许的字段名“${k}”（${path || "顶层"}）`, `forbidden key "${k}" (${path || "top level"})`));
      stack.push([(v as Record<string, unknown>)[k], depth + 1, path ? `${path}.${k}` : k]);
    }
  }
}

/** zod issue -> bilingual text. Our own messages are written "中文 / English". */
function describe(issue: z.core.$ZodIssue): { zh: string; en: string } {
  const m = issue.message ?? "";
  const slash = m.indexOf(" / ");
  if (issue.code === "custom" || (slash > 0 && /[\u4e00-\u9fff]/.test(m))) {
    return slash > 0 ? { zh: m.slice(0, slash), en: m.slice(slash + 3) } : { zh: m, en: m };
  }
  switch (issue.code) {
    case "invalid_type":
      return { zh: `类型错误：应为 ${issue.expected}`, en: `expected ${issue.expected}` };
    case "invalid_value":
      return { zh: `取值应为：${issue.values.map(String).join("、")}`, en: `expected one of: ${issue.values.map(String).join(", ")}` };
    case "unrecognized_keys":
      return { zh: `未知字段：${issue.keys.join("、")}`, en: `unknown field(s): ${issue.keys.join(", ")}` };
    case "too_small":
      return { zh: `太小或太短（最少 ${String(issue.minimum)}）`, en: `too small or too short (minimum ${String(issue.minimum)})` };
    case "too_big":
      return { zh: `太大或太长（最多 ${String(issue.maximum)}）`, en: `too big or too long (maximum ${String(issue.maximum)})` };
    case "invalid_format":
      return { zh: "格式不正确", en: "invalid format" };
    default:
      return { zh: `无效：${m}`, en: m || "invalid" };
  }
}

function issuesOf(error: z.ZodError, section: "templates" | "types", row: number, rowKind: ImportIssue["rowKind"], id: string | undefined): ImportIssue[] {
  return error.issues.map((i) => ({ severity: "error" as const, section, row, rowKind, ...(id ? { id } : {}), field: i.path.map(String).join(".") || undefined, ...describe(i) }));
}

function idOf(x: unknown): string | undefined {
  return x && typeof x === "object" && typeof (x as { id?: unknown }).id === "string" ? ((x as { id: string }).id as string).slice(0, 80) : undefined;
}

/** Validate parsed items one by one, keeping the good ones and naming the bad rows. */
function validateItems(
  types: unknown[],
  templates: unknown[],
  rowOf: (section: "types" | "templates", i: number) => number,
  rowKind: ImportIssue["rowKind"],
): ImportResult {
  const issues: ImportIssue[] = [];
  const out: Library = { types: [], templates: [] };
  if (types.length > LIMITS.maxTypes) issues.push(fileIssue(`项目类型过多（${types.length}，最多 ${LIMITS.maxTypes}）`, `too many project types (${types.length}, at most ${LIMITS.maxTypes})`));
  if (templates.length > LIMITS.maxTemplates) issues.push(fileIssue(`模板过多（${templates.length}，最多 ${LIMITS.maxTemplates}）`, `too many templates (${templates.length}, at most ${LIMITS.maxTemplates})`));
  if (issues.length) return { library: out, issues, ok: false };

  const seenTypes = new Set<string>();
  types.forEach((raw, i) => {
    const r = ProjectTypeSchema.safeParse(raw);
    const row = rowOf("types", i);
    if (!r.success) return issues.push(...issuesOf(r.error, "types", row, rowKind, idOf(raw)));
    if (seenTypes.has(r.data.id)) return issues.push({ severity: "error", section: "types", row, rowKind, id: r.data.id, field: "id", zh: `项目类型 id“${r.data.id}”重复`, en: `duplicate project type id "${r.data.id}"` });
    seenTypes.add(r.data.id);
    out.types.push(r.data);
  });
  const seen = new Set<string>();
  templates.forEach((raw, i) => {
    const r = TemplateSchema.safeParse(raw);
    const row = rowOf("templates", i);
    if (!r.success) return issues.push(...issuesOf(r.error, "templates", row, rowKind, idOf(raw)));
    const t = r.data;
    if (seen.has(t.id)) return issues.push({ severity: "error", section: "templates", row, rowKind, id: t.id, field: "id", zh: `模板 id“${t.id}”重复`, en: `duplicate template id "${t.id}"` });
    seen.add(t.id);
    for (const l of lintTemplate(t)) issues.push({ severity: "warning", section: "templates", row, rowKind, id: t.id, field: l.field, zh: l.zh, en: l.en });
    out.templates.push(t);
  });
  return { library: out, issues, ok: !issues.some((x) => x.severity === "error") };
}

// ---------------------------------------------------------------------------------------------
// JSON

export function toLibraryFile(library: Library, name?: string): LibraryFile {
  return { format: LIBRARY_FORMAT, version: 1, ...(name ? { name } : {}), types: library.types, templates: library.templates };
}

export function exportLibraryJson(library: Library, name?: string): string {
  return JSON.stringify(toLibraryFile(library, name), null, 2) + "\n";
}

/** Read a JSON library file. Never throws: problems come back as issues. */
export function importLibraryJson(text: string): ImportResult {
  const empty: Library = { types: [], templates: [] };
  if (typeof text !== "string") return { library: empty, issues: [fileIssue("输入不是文本", "input is not text")], ok: false };
  if (text.length > LIMITS.maxJsonChars)
    return { library: empty, issues: [fileIssue(`文件过大（${text.length} 个字符，最多 ${LIMITS.maxJsonChars}）`, `file too large (${text.length} characters, at most ${LIMITS.maxJsonChars})`)], ok: false };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new InputError(fileIssue(`不允许的字段名“${key}”`, `forbidden key "${key}"`));
      return value;
    });
    assertSafe(data);
  } catch (e) {
    if (e instanceof InputError) return { library: empty, issues: [e.issue], ok: false };
    return { library: empty, issues: [fileIssue(`不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`)], ok: false };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { library: empty, issues: [fileIssue("顶层应是一个对象", "the top level must be an object")], ok: false };
  const obj = data as Record<string, unknown>;
  // the envelope first (format, version, name, unknown keys), the items one by one after
  const envelope = LibraryFileSchema.safeParse({ ...obj, types: [], templates: [] });
  const issues: ImportIssue[] = [];
  if (!envelope.success) for (const i of envelope.error.issues) issues.push({ severity: "error", section: "file", field: i.path.map(String).join(".") || undefined, ...describe(i) });
  const types = obj.types === undefined ? [] : obj.types;
  const templates = obj.templates;
  if (!Array.isArray(types)) issues.push({ severity: "error", section: "file", field: "types", zh: "types 应是数组", en: "types must be an array" });
  if (!Array.isArray(templates)) issues.push({ severity: "error", section: "file", field: "templates", zh: "templates 应是数组", en: "templates must be an array" });
  if (issues.length) return { library: empty, issues, ok: false };
  return validateItems(types as unknown[], templates as unknown[], (_s, i) => i + 1, "position");
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet rows

export const TEMPLATE_COLUMNS = [
  "id",
  "projectTypes",
  "frameworks",
  "level1",
  "level2",
  "name",
  "description",
  "kind",
  "operator",
  "value",
  "unit",
  "fill",
  "example",
  "derive",
  "deadline",
  "text",
  "basis",
  "keywords",
  "note",
] as const satisfies readonly (keyof Template)[];

export const TYPE_COLUMNS = ["id", "zh", "en", "keywords", "description"] as const satisfies readonly (keyof ProjectType)[];

/** Chinese headers accepted on import (and written as a second line of the header cell comment by the CLI). */
export const COLUMN_ZH: Record<string, string> = {
  id: "编号",
  projectTypes: "项目类型",
  frameworks: "指标体系",
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  description: "指标解释",
  kind: "指标类型",
  operator: "运算符",
  value: "指标值",
  unit: "计量单位",
  fill: "填写方式",
  example: "示例值",
  derive: "取值来源",
  deadline: "完成时限",
  text: "定性答案",
  basis: "指标值确定依据",
  keywords: "关键词",
  note: "使用说明",
  zh: "中文名称",
  en: "英文名称",
};

const LIST_SEPARATOR = /[,，、;；]+/;

function deadlineCell(d: Template["deadline"]): string | null {
  if (!d) return null;
  return d.day ? `${d.month}-${d.day}` : String(d.month);
}

export interface LibrarySheets {
  templates: CellValue[][];
  types: CellValue[][];
}

/** The library as two sheets of rows: a header row of field names, then one row per item. */
export function libraryToRows(library: Library): LibrarySheets {
  const templates: CellValue[][] = [[...TEMPLATE_COLUMNS]];
  for (const t of library.templates) {
    templates.push(
      TEMPLATE_COLUMNS.map((c): CellValue => {
        switch (c) {
          case "projectTypes":
          case "frameworks":
          case "keywords":
            return t[c].join(c === "keywords" ? "、" : ",");
          case "deadline":
            return deadlineCell(t.deadline);
          default: {
            const v = t[c];
            return v === undefined ? null : (v as CellValue);
          }
        }
      }),
    );
  }
  const types: CellValue[][] = [[...TYPE_COLUMNS]];
  for (const t of library.types) types.push(TYPE_COLUMNS.map((c) => (c === "keywords" ? t.keywords.join("、") : t[c])));
  return { templates, types };
}

function headerMap(header: CellValue[], columns: readonly string[]): Map<number, string> {
  const byName = new Map<string, string>();
  for (const c of columns) {
    byName.set(c.toLowerCase(), c);
    if (COLUMN_ZH[c]) byName.set(COLUMN_ZH[c], c);
  }
  const out = new Map<number, string>();
  header.forEach((h, i) => {
    if (typeof h !== "string") return;
    const c = byName.get(h.trim().toLowerCase()) ?? byName.get(h.trim());
    if (c) out.set(i, c);
  });
  return out;
}

const text = (v: CellValue): string => (v === null || v === undefined ? "" : String(v).trim());

function numberCell(v: CellValue): unknown {
  if (v === null || v === "") return null;
  if (typeof v === "number") return v;
  const s = text(v).replace(/[,，]/g, "");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

function deadlineFrom(v: CellValue): unknown {
  const s = text(v);
  if (!s) return undefined;
  const m = /^(\d{1,2})(?:[-./月](\d{1,2})日?)?月?(?:底)?$/.exec(s);
  if (!m) return s;
  return m[2] ? { month: Number(m[1]), day: Number(m[2]) } : { month: Number(m[1]) };
}

/** One spreadsheet row -> a plain object for the template schema (schema decides what is valid). */
function templateFromRow(row: CellValue[], map: Map<number, string>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [i, c] of map) {
    const v = row[i] ?? null;
    switch (c) {
      case "projectTypes":
      case "frameworks":
      case "keywords":
        o[c] = text(v) ? text(v).split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean) : [];
        break;
      case "value":
        o[c] = numberCell(v);
        break;
      case "example": {
        const n = numberCell(v);
        if (n !== null) o[c] = n;
        break;
      }
      case "operator":
      case "unit":
        o[c] = text(v) || null;
        break;
      case "deadline": {
        const d = deadlineFrom(v);
        if (d !== undefined) o[c] = d;
        break;
      }
      case "derive":
      case "text":
        if (text(v)) o[c] = text(v);
        break;
      case "note":
        o[c] = text(v);
        break;
      default:
        o[c] = typeof v === "string" ? v.trim() : v;
    }
  }
  if (o.fill === undefined || o.fill === null || o.fill === "") o.fill = "default";
  if (o.note === undefined) o.note = "";
  if (o.keywords === undefined) o.keywords = [];
  return o;
}

function typeFromRow(row: CellValue[], map: Map<number, string>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [i, c] of map) {
    const v = row[i] ?? null;
    o[c] = c === "keywords" ? text(v).split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean) : text(v);
  }
  return o;
}

const isBlank = (row: CellValue[] | undefined) => !row || row.every((v) => v === null || v === undefined || text(v) === "");

/**
 * Read a library from spreadsheet rows (row 1 = header of field names or their Chinese names).
 * Issues name the sheet row (1-based, as Excel shows it) and the field.
 */
export function importLibraryRows(
  sheets: { templates: CellValue[][]; types?: CellValue[][] },
  /** sheet row of each sheet's first row, when the rows do not start at row 1 */
  firstRows: { templates?: number; types?: number } = {},
): ImportResult {
  const offT = (firstRows.templates ?? 1) - 1;
  const offY = (firstRows.types ?? 1) - 1;
  const empty: Library = { types: [], templates: [] };
  const rowsT = sheets.templates ?? [];
  const rowsY = sheets.types ?? [];
  if (rowsT.length > LIMITS.maxRows || rowsY.length > LIMITS.maxRows)
    return { library: empty, issues: [fileIssue(`行数过多（最多 ${LIMITS.maxRows} 行）`, `too many rows (at most ${LIMITS.maxRows})`)], ok: false };
  if (rowsT.length === 0) return { library: empty, issues: [fileIssue("模板表是空的", "the templates sheet is empty")], ok: false };
  const mapT = headerMap(rowsT[0], TEMPLATE_COLUMNS);
  const missing = ["id", "level1", "level2", "name"].filter((c) => ![...mapT.values()].includes(c));
  if (missing.length)
    return { library: empty, issues: [{ severity: "error", section: "templates", row: 1 + offT, rowKind: "sheet-row", zh: `表头缺少列：${missing.join("、")}`, en: `header row lacks column(s): ${missing.join(", ")}` }], ok: false };
  const mapY = rowsY.length ? headerMap(rowsY[0], TYPE_COLUMNS) : new Map<number, string>();

  const tRows: number[] = [];
  const templates: unknown[] = [];
  rowsT.slice(1).forEach((r, i) => {
    if (isBlank(r)) return;
    tRows.push(i + 2 + offT);
    templates.push(templateFromRow(r, mapT));
  });
  const yRows: number[] = [];
  const types: unknown[] = [];
  rowsY.slice(1).forEach((r, i) => {
    if (isBlank(r)) return;
    yRows.push(i + 2 + offY);
    types.push(typeFromRow(r, mapY));
  });
  return validateItems(types, templates, (s, i) => (s === "templates" ? tRows[i] : yRows[i]), "sheet-row");
}

// ---------------------------------------------------------------------------------------------
// Merging

export interface MergeResult {
  library: Library;
  /** user items that replaced built-in ones with the same id */
  replaced: string[];
  /** project type ids used by templates but defined nowhere */
  unknownTypes: string[];
}

/** JSON with object keys sorted, so that field order does not matter. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object")
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(x);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The built-in library with a user's library on top: same id replaces (reported when it differs), new ids are added. */
export function mergeLibraries(base: Library, user: Library): MergeResult {
  const replaced: string[] = [];
  const types = new Map(base.types.map((t) => [t.id, t]));
  for (const t of user.types) {
    const old = types.get(t.id);
    if (old && !same(old, t)) replaced.push(`type:${t.id}`);
    types.set(t.id, t);
  }
  const templates = new Map(base.templates.map((t) => [t.id, t]));
  for (const t of user.templates) {
    const old = templates.get(t.id);
    if (old && !same(old, t)) replaced.push(t.id);
    templates.set(t.id, t);
  }
  const unknown = new Set<string>();
  for (const t of templates.values()) for (const id of t.projectTypes) if (!types.has(id)) unknown.add(id);
  return { library: { types: [...types.values()], templates: [...templates.values()] }, replaced, unknownTypes: [...unknown] };
}

/** One issue as a line of text in the user's language: "错误：模板第 3 行（training.qty1）字段 unit：…". */
export function formatIssue(i: ImportIssue, lang: Lang): string {
  const sheetRow = i.rowKind === "sheet-row";
  if (lang === "zh") {
    const what = i.section === "types" ? "项目类型" : i.section === "templates" ? "模板" : "文件";
    // 模板第 2 项（own.bad）字段 level2: full-width brackets need no spaces around them
    const place = i.row !== undefined ? `${what}第 ${i.row} ${sheetRow ? "行" : "项"}` : i.section === "file" ? "" : what;
    const where = `${place}${i.id ? `（${i.id}）` : ""}${i.field ? `${i.id || !place ? "" : " "}字段 ${i.field}` : ""}`;
    return `${i.severity === "error" ? "错误" : "警告"}：${where ? `${where}：` : ""}${i.zh}`;
  }
  const what = i.section === "types" ? "type" : i.section === "templates" ? "template" : "file";
  const where = [i.row !== undefined ? `${what} ${sheetRow ? "row" : "#"}${sheetRow ? " " : ""}${i.row}` : i.section === "file" ? "" : what, i.id ? `(${i.id})` : "", i.field ? `field ${i.field}` : ""].filter(Boolean).join(" ");
  return `${i.severity}: ${where ? `${where}: ` : ""}${i.en}`;
}
