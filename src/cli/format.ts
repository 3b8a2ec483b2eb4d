/** Report output: JSON exactly as DESIGN.md says, and text grouped by file, table and severity. */
import type { Finding, Severity } from "../core/finding";
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
}

export function toJson(results: FileResult[]): string {
  return JSON.stringify(
    {
      files: results.map((r) =>
        r.error
          ? { file: r.file, error: r.error, tables: [], findings: [] }
          : {
              file: r.file,
              // name: what the text report and the pane call the table (tableName); title and project as read
              tables: r.tables.map((tb) => ({ sheet: tb.sheet, name: tableName(tb), title: tb.title?.text ?? "", range: tb.rangeA1, project: tb.projectName?.text ?? "", framework: tb.framework.id })),
              findings: r.findings,
              ...(r.warnings ? { warnings: r.warnings } : {}),
            },
      ),
    },
    null,
    2,
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function toText(results: FileResult[], lang: "zh" | "en", color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: "31", warning: "33", info: "36" };
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) {
      lines.push(paint("1", r.file), "  " + paint("31", r.error.message), "");
      continue;
    }
    const c = countBySeverity(r.findings);
    lines.push(`${paint("1", r.file)} — ${t(lang, "tablesFound", r.tables.length)}${lang === "zh" ? "；" : "; "}${t(lang, "summary", c.error, c.warning, c.info)}`);
    if (r.tables.length === 0) lines.push("  " + t(lang, "noTables"));
    const byTable = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const k = f.table ?? "";
      byTable.set(k, [...(byTable.get(k) ?? []), f]);
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
        lines.push(`    ${paint(sevColor[sev], t(lang, `severity_${sev}`))} (${list.length})`);
        for (const f of list) lines.push(`      ${paint("1", f.cell)}  ${f.message}  ${paint("2", `[${f.rule}]`)}`);
      }
    }
    const loose = byTable.get("") ?? [];
    for (const f of loose) lines.push(`  ${f.sheet}!${f.cell} ${f.message} [${f.rule}]`);
    lines.push("");
  }
  return lines.join("\n");
}
