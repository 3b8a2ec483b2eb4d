/**
 * Report output: JSON as docs/architecture.md "The CLI" says (with the batch's `totals`), text grouped by file, table
 * and severity, or one line a file (--summary); both end with the grand total.
 */
import { categoryName, severityName, type Finding, type Severity } from "../core/finding";
import type { TargetTable } from "../core/model";
import { tableName } from "../core/readModel";
import { t } from "./messages";

export interface FileResult {
  file: string;
  tables: TargetTable[];
  findings: Finding[];
  error?: { code: string; message: string };
  /** the file was read, but not all of it was checked (content far from the rest) */
  warnings?: string[];
  /** with --fix: what the fixed copy did (its file; the cells changed, as sheet!cell) */
  fixes?: FixCounts & { file: string; cells: string[] };
}

export interface FixCounts {
  applied: number;
  needConfirmation: number;
  stale: number;
  /** not applied because another fix already changed the same cell */
  sameCell: number;
}

/** The batch in numbers: the grand total of the text report, `totals` in the JSON, the review workbook's last row. */
export interface Totals {
  /** files given (lock files left out) */
  files: number;
  checked: number;
  unreadable: number;
  tables: number;
  error: number;
  warning: number;
  info: number;
  filesWithErrors: number;
  /** with --fix */
  fixes?: FixCounts;
}

export function emptyTotals(): Totals {
  return { files: 0, checked: 0, unreadable: 0, tables: 0, error: 0, warning: 0, info: 0, filesWithErrors: 0 };
}

/** Adds one file's numbers to the batch's (as totalsOf counts them): a batch can be counted as it goes. */
export function addToTotals(t: Totals, r: FileResult): void {
  t.files++;
  if (r.error) {
    t.unreadable++;
    return;
  }
  t.checked++;
  t.tables += r.tables.length;
  const c = countBySeverity(r.findings);
  t.error += c.error;
  t.warning += c.warning;
  t.info += c.info;
  if (c.error) t.filesWithErrors++;
  if (r.fixes) {
    const f = (t.fixes ??= { applied: 0, needConfirmation: 0, stale: 0, sameCell: 0 });
    f.applied += r.fixes.applied;
    f.needConfirmation += r.fixes.needConfirmation;
    f.stale += r.fixes.stale;
    f.sameCell += r.fixes.sameCell;
  }
}

export function totalsOf(results: readonly FileResult[]): Totals {
  const t = emptyTotals();
  for (const r of results) addToTotals(t, r);
  return t;
}

/** The grand total as the text report ends with it (one line, a second for fixes). */
export function totalsText(totals: Totals, lang: "zh" | "en"): string[] {
  const tt = totals;
  const lines = [t(lang, "totals", tt.files, tt.checked, tt.unreadable, tt.tables, tt.error, tt.warning, tt.info, tt.filesWithErrors)];
  if (tt.fixes) {
    const f = tt.fixes;
    const parts = [t(lang, "totalsFixes", f.applied), ...(f.needConfirmation ? [t(lang, "totalsFixesNeedYes", f.needConfirmation)] : []), ...(f.stale ? [t(lang, "totalsFixesStale", f.stale)] : []), ...(f.sameCell ? [t(lang, "totalsFixesSameCell", f.sameCell)] : [])];
    lines.push(parts.join(lang === "zh" ? "；" : "; "));
  }
  return lines;
}

/** Columns wide as a terminal draws them: a CJK character takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * The height (points) a row needs for `text` wrapped in a column `width` characters wide (a CJK
 * character two): LibreOffice keeps a row's height as the file gives it, so a wrapped message
 * gets the lines it needs written out (at most `maxLines`).
 */
export function wrappedRowHeight(text: string, width: number, maxLines = 8): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 2))), 0);
  return Math.min(maxLines, lines) * 15;
}

/** What --summary keeps of a file: its line, not its tables and findings. */
export interface SummaryEntry {
  file: string;
  unreadable: boolean;
  tables: number;
  counts: Record<Severity, number>;
}

export function summaryEntry(r: FileResult): SummaryEntry {
  return { file: r.file, unreadable: !!r.error, tables: r.tables.length, counts: countBySeverity(r.findings) };
}

/** --summary: one line a file (its tables and counts, or why it was not checked), then the grand total. */
export function toSummary(results: readonly FileResult[], lang: "zh" | "en"): string {
  return summaryText(results.map(summaryEntry), totalsOf(results), lang);
}

/** toSummary from the files' entries and the batch's totals, counted as the batch went. */
export function summaryText(entries: readonly SummaryEntry[], totals: Totals, lang: "zh" | "en"): string {
  const width = Math.min(60, Math.max(0, ...entries.map((r) => displayWidth(r.file))));
  const digits = Math.max(1, ...entries.map((r) => String(r.tables).length));
  const lines = entries.map((r) => {
    const name = r.file + " ".repeat(Math.max(0, width - displayWidth(r.file)));
    if (r.unreadable) return `${name}  ${t(lang, "summaryUnreadable")}`;
    if (r.tables === 0) return `${name}  ${t(lang, "summaryNoTables")}`;
    const c = r.counts;
    // the table counts right-aligned, so the findings' counts start in one column
    const line = t(lang, "summaryLine", r.tables, c.error, c.warning, c.info);
    return `${name}  ${" ".repeat(digits - String(r.tables).length)}${line}`;
  });
  return [...lines, "", ...totalsText(totals, lang)].join("\n");
}

/** One file of the JSON report, as `files[i]` holds it. */
export function fileJson(r: FileResult): object {
  return r.error
    ? { file: r.file, error: r.error, tables: [], findings: [] }
    : {
        file: r.file,
        // name: what the text report and the pane call the table (tableName); title and project as read
        tables: r.tables.map((tb) => ({ sheet: tb.sheet, name: tableName(tb), title: tb.title?.text ?? "", range: tb.rangeA1, project: tb.projectName?.text ?? "", framework: tb.framework.id })),
        findings: r.findings,
        ...(r.warnings ? { warnings: r.warnings } : {}),
        ...(r.fixes ? { fixes: r.fixes } : {}),
      };
}

export function toJson(results: FileResult[]): string {
  return JSON.stringify({ files: results.map(fileJson), totals: totalsOf(results) }, null, 2);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** The text report: a section per file (unreadable files are told on stderr as they come), then the grand total of all `results`. */
export function toText(results: FileResult[], lang: "zh" | "en", color: boolean): string {
  const lines: string[] = [];
  for (const r of results) lines.push(...fileTextLines(r, lang, color));
  lines.push(...totalsTextLines(totalsOf(results), lang, color));
  return lines.join("\n");
}

/** The grand total as the text report ends with it (in bold on a terminal). */
export function totalsTextLines(totals: Totals, lang: "zh" | "en", color: boolean): string[] {
  return totalsText(totals, lang).map((l) => (color ? `\u001b[1m${l}\u001b[0m` : l));
}

/** One file's section of the text report (none for an unreadable file), ending with an empty line. */
export function fileTextLines(r: FileResult, lang: "zh" | "en", color: boolean): string[] {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: "31", warning: "33", info: "36" };
  const lines: string[] = [];
  if (r.error) return lines;
  const c = countBySeverity(r.findings);
  lines.push(`${paint("1", r.file)} — ${t(lang, "tablesFound", r.tables.length)}${lang === "zh" ? "；" : "; "}${t(lang, "summary", c.error, c.warning, c.info)}`);
  if (r.tables.length === 0) lines.push("  " + t(lang, "noTables"));
  const byTable = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const k = f.table ?? "";
    const list = byTable.get(k);
    if (list) list.push(f);
    else byTable.set(k, [f]);
  }
  let n = 0;
  for (const tb of r.tables) {
    n++;
    const fs = byTable.get(tb.id) ?? [];
    const tc = countBySeverity(fs);
    lines.push(`  ${paint("1", `${n}. ${tableName(tb)}`)}  ${tb.sheet}!${tb.rangeA1}  ${fs.length ? t(lang, "summary", tc.error, tc.warning, tc.info) : paint("32", t(lang, "clean"))}`);
    for (const sev of SEVERITIES) {
      const list = fs.filter((f) => f.severity === sev);
      if (!list.length) continue;
      lines.push(`    ${paint(sevColor[sev], severityName(lang, sev))} (${list.length})`);
      for (const f of list) lines.push(`      ${paint("1", f.cell)}  ${f.message}  ${paint("2", `[${categoryName(lang, f.category)} · ${f.rule}]`)}`);
    }
  }
  const loose = byTable.get("") ?? [];
  for (const f of loose) lines.push(`  ${paint("1", `${f.sheet}!${f.cell}`)}  ${severityName(lang, f.severity)}${lang === "zh" ? "：" : ": "}${f.message}  ${paint("2", `[${categoryName(lang, f.category)} · ${f.rule}]`)}`);
  lines.push("");
  return lines;
}
