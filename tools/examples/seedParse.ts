/**
 * Cut each seed document into its tables: title, optional subtitle and the rows
 * below them, with cells by tab position (see seedText.ts).
 *
 * - 000 Zhangjiakou: a part-one text, then 17 tables titled "1. 宣传费项目绩效目标表" …
 * - 001 Yancheng: one table under "盐城市市本级项目预算绩效目标表" / "2022年度".
 * - 002 Zhengzhou: 12 tables, each under "郑州住房公积金管理中心…支出项目绩效目标表" / "(2020年)".
 *
 * Blank lines inside a table are page breaks of the printed document and are not rows;
 * markdown rules ("---|---") are dropped; heading markers ("## ", "### ") are removed
 * and the heading text kept where it stands.
 */
import { isDecorationLine, readSeedLines, splitRow, stripHeadingMarker, type CleanCell, type SeedId, type SeedLine } from "./seedText";

export interface SourceRow {
  lineNo: number;
  cells: CleanCell[];
}

export interface SourceTable {
  seed: SeedId;
  /** 1-based position in the seed */
  index: number;
  title: string;
  subtitle?: string;
  /** the 项目名称 value as the table gives it */
  projectName: string;
  /** short name for a sheet, without the number ("宣传费", "郑煤 公积金政策宣传费") */
  sheetLabel: string;
  /** "01", "08-01" … as numbered in the seed, or the position */
  number: string;
  rows: SourceRow[];
}

export interface SourceDocument {
  seed: SeedId;
  /** 000 only: lines of 第一部分 up to and including the 分项绩效目标 */
  preamble: string[];
  tables: SourceTable[];
}

function tableRows(lines: SeedLine[]): SourceRow[] {
  return lines
    // a line of tabs only is a real (empty) table row; a line without tabs or text is a page break
    .filter((l) => (l.text.includes("\t") || l.text.trim() !== "") && !isDecorationLine(l.text))
    .map((l) => ({ lineNo: l.lineNo, cells: splitRow(l.text) }));
}

function projectNameOf(rows: SourceRow[]): string {
  for (const r of rows) {
    const i = r.cells.findIndex((c) => c.text.replace(/\s/g, "") === "项目名称");
    if (i < 0) continue;
    const value = r.cells.slice(i + 1).find((c) => c.text.trim() !== "");
    if (value) return value.text.trim();
  }
  throw new Error("table without 项目名称");
}

/** Split `lines` at title lines; each table runs to the next title. */
function cutAtTitles(lines: SeedLine[], isTitle: (text: string) => boolean): { title: SeedLine; body: SeedLine[] }[] {
  const out: { title: SeedLine; body: SeedLine[] }[] = [];
  for (const line of lines) {
    if (isTitle(line.text)) out.push({ title: line, body: [] });
    else if (out.length) out[out.length - 1].body.push(line);
  }
  return out;
}

// ---------------------------------------------------------------- 000 Zhangjiakou

const ZJK_TITLE = /^(\d+)(?:\s*[-—]\s*(\d+))?\.\s*(.+?)项目绩效目标表$/;

function parseZhangjiakou(lines: SeedLine[]): SourceDocument {
  const partOne = lines.findIndex((l) => l.text.trim() === "第一部分");
  const measures = lines.findIndex((l) => l.text.startsWith("三、工作保障措施"));
  const partTwo = lines.findIndex((l, i) => i > partOne && l.text.trim() === "第二部分");
  if (partOne < 0 || measures < 0 || partTwo < 0) throw new Error("seed 000: part markers not found");
  const preamble = lines
    .slice(partOne, measures)
    .map((l) => splitRow(l.text)[0].text.trim())
    .filter((t) => t !== "");

  const tables = cutAtTitles(lines.slice(partTwo), (t) => ZJK_TITLE.test(t.trim())).map(({ title, body }, i) => {
    const m = ZJK_TITLE.exec(title.text.trim());
    if (!m) throw new Error("unreachable");
    const rows = tableRows(body);
    const number = m[2] ? `${m[1].padStart(2, "0")}-${m[2]}` : m[1].padStart(2, "0");
    return {
      seed: "000" as const,
      index: i + 1,
      title: title.text.trim(),
      projectName: projectNameOf(rows),
      sheetLabel: m[3].trim(),
      number,
      rows,
    };
  });
  return { seed: "000", preamble, tables };
}

// ---------------------------------------------------------------- 001 Yancheng

function parseYancheng(lines: SeedLine[]): SourceDocument {
  const titleAt = lines.findIndex((l) => l.text.trim() === "盐城市市本级项目预算绩效目标表");
  const subtitleAt = lines.findIndex((l, i) => i > titleAt && l.text.trim() !== "");
  if (titleAt < 0 || subtitleAt < 0) throw new Error("seed 001: title not found");
  const rows = tableRows(lines.slice(subtitleAt + 1));
  const projectName = projectNameOf(rows);
  return {
    seed: "001",
    preamble: [],
    tables: [
      {
        seed: "001",
        index: 1,
        title: lines[titleAt].text.trim(),
        subtitle: lines[subtitleAt].text.trim(),
        projectName,
        sheetLabel: projectName,
        number: "01",
        rows,
      },
    ],
  };
}

// ---------------------------------------------------------------- 002 Zhengzhou

const ZZ_TITLE = /^郑州住房公积金管理中心(.+?)支出项目绩效目标表$/;
const ZZ_UNIT_SHORT: Record<string, string> = { 机关: "机关", 郑煤集团分中心: "郑煤", 省电力分中心: "省电力" };

function parseZhengzhou(lines: SeedLine[]): SourceDocument {
  const cut = cutAtTitles(lines, (t) => ZZ_TITLE.test(stripHeadingMarker(t.trim())));
  const parsed = cut.map(({ title, body }, i) => {
    const subtitleAt = body.findIndex((l) => l.text.trim() !== "");
    const titleText = stripHeadingMarker(title.text.trim());
    const unit = ZZ_TITLE.exec(titleText)?.[1] ?? "";
    const rows = tableRows(body.slice(subtitleAt + 1));
    return {
      seed: "002" as const,
      index: i + 1,
      title: titleText,
      subtitle: body[subtitleAt].text.trim(),
      projectName: projectNameOf(rows),
      unit: ZZ_UNIT_SHORT[unit] ?? unit,
      number: String(i + 1).padStart(2, "0"),
      rows,
    };
  });
  // Two projects share a name (公积金政策宣传费 of 机关 and of 郑煤分中心): name the unit.
  const count = new Map<string, number>();
  for (const t of parsed) count.set(t.projectName, (count.get(t.projectName) ?? 0) + 1);
  const tables: SourceTable[] = parsed.map(({ unit, ...t }) => ({
    ...t,
    sheetLabel: (count.get(t.projectName) ?? 0) > 1 ? `${unit} ${t.projectName}` : t.projectName,
  }));
  return { seed: "002", preamble: [], tables };
}

export function parseSeed(id: SeedId): SourceDocument {
  const lines = readSeedLines(id);
  switch (id) {
    case "000":
      return parseZhangjiakou(lines);
    case "001":
      return parseYancheng(lines);
    case "002":
      return parseZhengzhou(lines);
  }
}
