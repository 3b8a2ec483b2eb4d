/**
 * An .xlsx file read at the level of its parts, for tests that check what a copy changed: each
 * sheet's cells as written (start tag, format index, the element's content), the cell formats and
 * fills of styles.xml, the notes. Independent of the code under test (plain regular expressions
 * over the XML Excel, LibreOffice and exceljs write: no namespace prefixes).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";

export interface PartCell {
  ref: string;
  /** format index (`s`), 0 when absent */
  s: number;
  /** the element without its `s` attribute: what must not change when only the format does */
  body: string;
  /** the whole element */
  xml: string;
}

export interface PartSheet {
  name: string;
  part: string;
  xml: string;
  cells: Map<string, PartCell>;
  /** the XML outside <sheetData> (page setup, merges, print options, columns …) */
  outside: string;
  merges: string[];
  /** cell -> note text */
  notes: Map<string, string>;
}

export interface PartBook {
  parts: Map<string, string>;
  sheets: PartSheet[];
  /** <cellXfs> entries: each start tag */
  xfs: string[];
  /** <fills> entries as written */
  fills: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function unescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#10;/g, "\n").replace(/&amp;/g, "&");
}

function resolve(from: string, target: string): string {
  return target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function rels(parts: Map<string, string>, part: string): { id: string; type: string; target: string }[] {
  const xml = parts.get(path.posix.join(path.posix.dirname(part), "_rels", path.posix.basename(part) + ".rels")) ?? "";
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ id: attr(m[0], "Id") ?? "", type: attr(m[0], "Type") ?? "", target: resolve(part, attr(m[0], "Target") ?? "") }));
}

export async function readParts(file: string): Promise<PartBook> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && /\.(xml|rels|vml)$/.test(name)) parts.set(name, await zip.files[name].async("string"));
  const wbRels = rels(parts, "xl/workbook.xml");
  const sheets: PartSheet[] = [];
  for (const m of (parts.get("xl/workbook.xml") ?? "").matchAll(/<sheet\b[^>]*>/g)) {
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
    const part = wbRels.find((r) => r.id === rid)?.target as string;
    const xml = parts.get(part) ?? "";
    const cells = new Map<string, PartCell>();
    for (const c of xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const tag = /^<c\b[^>]*>/.exec(c[0])![0];
      const ref = attr(tag, "r") as string;
      cells.set(ref, { ref, s: Number(attr(tag, "s") ?? 0), body: c[0].replace(/\ss="\d+"/, ""), xml: c[0] });
    }
    const data = /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/.exec(xml);
    const outside = data ? xml.slice(0, data.index) + xml.slice(data.index + data[0].length) : xml;
    const merges = [...xml.matchAll(/<mergeCell ref="([^"]*)"/g)].map((x) => x[1]);
    const notes = new Map<string, string>();
    const comments = rels(parts, part).find((r) => r.type.endsWith("/comments"));
    for (const cm of (comments ? parts.get(comments.target) ?? "" : "").matchAll(/<comment\b[^>]*ref="([^"]*)"[^>]*>([\s\S]*?)<\/comment>/g))
      notes.set(cm[1], unescape([...cm[2].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join("")));
    sheets.push({ name: unescape(attr(m[0], "name") ?? ""), part, xml, cells, outside, merges, notes });
  }
  const styles = parts.get("xl/styles.xml") ?? "";
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((x) => x[0]);
  const fillsXml = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? "";
  const fills = [...fillsXml.matchAll(/<fill>[\s\S]*?<\/fill>|<fill\/>/g)].map((x) => x[0]);
  return { parts, sheets, xfs, fills };
}

/** The solid fill colour (ARGB) of format `s`, or undefined when it has none. */
export function solidFill(book: PartBook, s: number): string | undefined {
  const xf = book.xfs[s];
  if (!xf) return undefined;
  const fill = book.fills[Number(attr(xf, "fillId") ?? 0)] ?? "";
  if (!/patternType="solid"/.test(fill)) return undefined;
  return /<fgColor rgb="([^"]*)"/.exec(fill)?.[1];
}

/** "E13" -> [13, 5]. */
export function rowCol(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** The cell whose format and note show for `ref`: the first cell of its merged range, or itself. */
export function shownCell(ref: string, merges: readonly string[]): string {
  const [r, c] = rowCol(ref);
  for (const m of merges) {
    const [a, b] = m.split(":");
    if (!b) continue;
    const [r1, c1] = rowCol(a);
    const [r2, c2] = rowCol(b);
    if (r1 <= r && r <= r2 && c1 <= c && c <= c2) return a;
  }
  return ref;
}
