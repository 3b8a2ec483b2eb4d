/**
 * Part-one summaries (分项绩效目标) that precede the tables in a document:
 *   （一）宣传费 / 绩效目标：加大宣传力度… / 绩效指标：公积金制度等宣传次数 ≥ 9 次。
 */
import type { PartOneSummary, TargetTable } from "../model";
import { labelKey } from "../text";
import type { SheetView } from "./sheet";

const HEADING = /^[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$/;

export function readSummaries(view: SheetView): PartOneSummary[] {
  const out: PartOneSummary[] = [];
  let current: PartOneSummary | null = null;
  for (let r = view.top; r <= view.bottom; r++) {
    // rows with exactly one filled cell
    const col = view.firstFilled(r);
    if (col === undefined || view.lastFilled(r) !== col) continue;
    const f = view.field(r, col);
    if (!f) continue;
    const m = HEADING.exec(f.text);
    if (m) {
      current = { sheet: view.sheet, heading: { ...f, text: m[2].trim() } };
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (/^绩效目标[:：]/.test(f.text)) current.goal = { ...f, text: f.text.replace(/^绩效目标[:：]\s*/, "") };
    else if (/^绩效指标[:：]/.test(f.text)) current.indicator = { ...f, text: f.text.replace(/^绩效指标[:：]\s*/, "") };
  }
  return out.filter((s) => s.goal || s.indicator);
}

function projectKey(s: string): string {
  return labelKey(s).replace(/[—\-–_·]/g, "").replace(/项目绩效目标表$|项目$/, "");
}

/** Attach each summary to the table of the same project. */
export function attachSummaries(tables: TargetTable[], summaries: PartOneSummary[]): void {
  for (const s of summaries) {
    const k = projectKey(s.heading.text);
    const t = tables.find((x) => x.projectName && projectKey(x.projectName.text) === k);
    if (t && !t.summary) t.summary = s;
  }
}
