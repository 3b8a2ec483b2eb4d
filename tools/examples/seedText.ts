/**
 * The seed documents (examples/seeds/000.txt …) as text lines and cells.
 *
 * The seeds are text extracted from published PDF/Word files: table rows are
 * tab-separated (column = tab index), merged cells appear once, and the extraction
 * left some markup behind (<b>, <p>…</p>, "## " headings, "---|---" rules, LaTeX
 * such as "$\geq 90\%$"). Only that markup is removed here; every cell stays where
 * its tabs put it, mistakes and page-break shifts included.
 */
import { readFileSync } from "fs";
import * as path from "path";

export type SeedId = "000" | "001" | "002";

export const SEED_IDS: readonly SeedId[] = ["000", "001", "002"];

/** Repository root, from tools/examples/. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");

export interface SeedLine {
  /** 1-based line number in examples/seeds/<id>.txt */
  lineNo: number;
  text: string;
}

export function readSeedLines(id: SeedId): SeedLine[] {
  const text = readFileSync(path.join(EXAMPLES_DIR, "seeds", `${id}.txt`), "utf8");
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((t, i) => ({ lineNo: i + 1, text: t }));
}

/** "---------------\t--", "---|---": table rules left by a markdown conversion. */
export function isDecorationLine(text: string): boolean {
  return /-/.test(text) && /^[\s\-|:]+$/.test(text);
}

/** "## 郑州…绩效目标表" -> "郑州…绩效目标表"; "### 项目构成" -> "项目构成". */
export function stripHeadingMarker(text: string): string {
  return text.replace(/^#{1,6}\s+/, "");
}

/** "$\geq 90\%$" -> "≥ 90%" (LaTeX math left by the PDF extraction). */
function latexToText(text: string): string {
  return text.replace(/\$([^$]*)\$/g, (_m, inner: string) =>
    inner
      .replace(/\\geq?\b/g, "≥")
      .replace(/\\leq?\b/g, "≤")
      .replace(/\\%/g, "%")
      .trim(),
  );
}

export interface CleanCell {
  text: string;
  /** the source marked the cell <b>bold</b> */
  bold: boolean;
}

/**
 * One cell's text without markup. Paragraphs (<p>…</p> <p>…</p>) become lines of one
 * cell, the way people type Alt+Enter in Excel.
 */
export function cleanCell(raw: string): CleanCell {
  const bold = /<b>/i.test(raw);
  let text = raw;
  if (/<p>/i.test(text)) {
    text = text
      .replace(/<\/p>\s*<p>/gi, "\n")
      .replace(/<\/?p>/gi, "")
      .split("\n")
      .map((p) => p.trim())
      .join("\n");
  }
  text = text.replace(/<\/?b>/gi, "");
  text = latexToText(text);
  return { text, bold };
}

/** A table row: cells by tab position, markup removed. */
export function splitRow(text: string): CleanCell[] {
  return stripHeadingMarker(text).split("\t").map(cleanCell);
}
