/**
 * jixiao library: list or export the indicator library, optionally with a user's library merged in.
 *
 *   jixiao library                              list project types and template counts
 *   jixiao library --type training              list one type's templates
 *   jixiao library --format json [--out f]      the library as JSON (stdout or file)
 *   jixiao library --format xlsx --out f.xlsx   one row per template (sheet "templates") and per type ("types")
 *   jixiao library --import mine.json|mine.xlsx validate a user library and merge it into the output
 */
import type { Lang } from "../../core/i18n";
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../core/grid";
import { BUILTIN_LIBRARY } from "../../core/library/data";
import {
  COLUMN_ZH,
  exportLibraryJson,
  formatIssue,
  importLibraryJson,
  importLibraryRows,
  libraryToRows,
  mergeLibraries,
  type ImportResult,
} from "../../core/library/io";
import { renderValue } from "../../core/library/render";
import { LIMITS, type Library } from "../../core/library/schema";
import { readWorkbookGrids } from "../../host/xlsx/readWorkbook";
import { UsageError } from "../io";
import { t, t as say } from "../messages";
import { readOptions, usageErrorsExit2 } from "../options";

export interface LibraryIO {
  out: (s: string) => void;
  err: (s: string) => void;
  lang: Lang;
}




interface Args {
  format: "text" | "json" | "xlsx";
  out?: string;
  type?: string;
  imports: string[];
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

function parseArgs(args: string[], lang: Lang): Args {
  const a: Args = { format: "text", imports: [] };
  const positional = readOptions(args, lang, (flag, value) => {
    if (flag === "--format") {
      const v = value();
      if (v !== "text" && v !== "json" && v !== "xlsx") throw new UsageError(say(lang, "libraryBadFormat", v));
      a.format = v;
    } else if (flag === "--out" || flag === "-o") a.out = value();
    else if (flag === "--type") a.type = value();
    else if (flag === "--import") a.imports.push(value());
    else return false;
    return true;
  });
  if (positional.length) throw new UsageError(t(lang, "unknownOption", positional[0]));
  if (a.format === "xlsx" && !a.out) throw new UsageError(say(lang, "libraryXlsxNeedsOut"));
  // the CLI never writes its inputs: an export over an imported library would replace the user's file
  if (a.out && a.imports.some((f) => sameFile(f, a.out as string))) throw new UsageError(say(lang, "libraryOutIsImport", a.out));
  return a;
}

function rowsOf(grid: Grid): { rows: CellValue[][]; firstRow: number } {
  // columns are matched through the header row, so rows need not start at column A; padding them
  // would cost origin.col cells per row (a library placed at column XFD took 1.2 GB and 30 s)
  return { rows: grid.cells, firstRow: grid.origin.row };
}

/** Read a user library file (.json or .xlsx). */
export async function readLibraryFile(file: string, lang: Lang): Promise<ImportResult | { error: string }> {
  if (!existsSync(file) || statSync(file).isDirectory()) return { error: say(lang, "libraryNotFound", file) };
  if (statSync(file).size > LIMITS.maxJsonChars * 4) return { error: say(lang, "libraryTooLarge", file) };
  if (/\.json$/i.test(file)) return importLibraryJson(readFileSync(file, "utf8"));
  try {
    const { grids } = await readWorkbookGrids(readFileSync(file));
    const find = (re: RegExp) => grids.find((g) => re.test(g.sheet.trim()));
    const tg = find(/^(templates|模板|指标模板)$/i) ?? grids[0];
    if (!tg) return { error: say(lang, "libraryNoTemplatesSheet", file) };
    const yg = find(/^(types|项目类型)$/i);
    const t = rowsOf(tg);
    const y = yg ? rowsOf(yg) : undefined;
    return importLibraryRows({ templates: t.rows, types: y?.rows }, { templates: t.firstRow, types: y?.firstRow });
  } catch (e) {
    return { error: say(lang, "libraryUnreadable", file, (e as Error).message.split("\n")[0]) };
  }
}

/** The library as an .xlsx workbook: sheets "templates" and "types", field names as headers (Chinese in notes). */
export async function libraryWorkbook(library: Library): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const sheets = libraryToRows(library);
  for (const [name, rows] of [
    ["templates", sheets.templates],
    ["types", sheets.types],
  ] as const) {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRows(rows.map((r) => r.map((v) => (v === null ? undefined : v))));
    const header = ws.getRow(1);
    header.font = { bold: true };
    rows[0].forEach((h, i) => {
      const zh = COLUMN_ZH[String(h)];
      if (zh) header.getCell(i + 1).note = zh;
      ws.getColumn(i + 1).width = Math.min(40, Math.max(8, String(h).length + 4, ...rows.slice(1, 50).map((r) => String(r[i] ?? "").length * 1.6)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function listText(library: Library, type: string | undefined, lang: Lang): string[] {
  const lines: string[] = [];
  if (!type) {
    lines.push(say(lang, "libraryHeader", library.types.length, library.templates.length));
    for (const t of library.types) {
      const n = library.templates.filter((x) => x.projectTypes.includes(t.id)).length;
      lines.push(say(lang, "libraryTypeLine", t.id.padEnd(22), lang === "zh" ? t.zh : t.en, lang === "zh" ? t.en : t.zh, n));
    }
    lines.push(say(lang, "libraryHint"));
    return lines;
  }
  const ty = library.types.find((t) => t.id === type);
  if (!ty) throw new UsageError(say(lang, "libraryUnknownType", type));
  lines.push(`${ty.zh} / ${ty.en} (${ty.id})`, `  ${ty.description}`);
  for (const t of library.templates.filter((x) => x.projectTypes.includes(type))) {
    const v = renderValue(t, { useExamples: false });
    const value = v.text ?? (lang === "zh" ? v.hint : v.hintEn) ?? "";
    lines.push(`  ${t.id.padEnd(26)} ${t.level1}/${t.level2}  ${t.name}  ${value}  [${t.basis}]`);
  }
  return lines;
}

export function run(args: string[], io: LibraryIO): Promise<number> {
  return usageErrorsExit2(io.err, () => libraryCommand(args, io));
}

async function libraryCommand(args: string[], io: LibraryIO): Promise<number> {
  const a = parseArgs(args, io.lang);
  let library: Library = BUILTIN_LIBRARY;
  let failed = false;
  for (const file of a.imports) {
    const r = await readLibraryFile(file, io.lang);
    if ("error" in r) {
      io.err(r.error);
      return 2;
    }
    const errors = r.issues.filter((i) => i.severity === "error").length;
    for (const i of r.issues) io.err(`${file}: ${formatIssue(i, io.lang)}`);
    io.err(say(io.lang, "libraryImported", file, r.library.templates.length, r.library.types.length, errors, r.issues.length - errors));
    if (!r.ok) failed = true;
    const merged = mergeLibraries(library, r.library);
    if (merged.replaced.length)
      io.err(say(io.lang, "libraryReplaced", merged.replaced.slice(0, 20).join(", ") + (merged.replaced.length > 20 ? ` … (+${merged.replaced.length - 20})` : "")));
    if (merged.unknownTypes.length) io.err(say(io.lang, "libraryUnknownTypes", merged.unknownTypes.join(", ")));
    library = merged.library;
  }
  try {
    if (a.format === "text") {
      const lines = listText(library, a.type, io.lang);
      if (a.out) {
        writeFileSync(a.out, lines.join("\n") + "\n");
        io.err(say(io.lang, "libraryWrote", path.resolve(a.out)));
      } else lines.forEach((l) => io.out(l));
    } else if (a.format === "json") {
      const json = exportLibraryJson(library);
      if (a.out) {
        writeFileSync(a.out, json);
        io.err(say(io.lang, "libraryWrote", path.resolve(a.out)));
      } else io.out(json.trimEnd());
    } else {
      writeFileSync(a.out as string, await libraryWorkbook(library));
      io.err(say(io.lang, "libraryWrote", path.resolve(a.out as string)));
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(say(io.lang, "libraryUnreadable", a.out ?? "", (e as Error).message.split("\n")[0]));
    return 2;
  }
  return failed ? 1 : 0;
}
