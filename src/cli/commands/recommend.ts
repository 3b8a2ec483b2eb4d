/**
 * jixiao recommend <file.xlsx>...: for every target table, the most likely project types and the
 * templates that fit it (placed in the table's framework, those already present left out).
 *
 *   --format text|json   (default text)
 *   --top <n>            templates per table (default 8)
 *   --import <lib>       merge a user library (.json or .xlsx) before recommending
 *   --config <file>      jixiao.config.json to use (default: the one in the current folder, if any);
 *                        its moneyUnit and framework apply as in `jixiao check`
 */
import type { Lang } from "../../core/i18n";
import * as path from "node:path";
import { configToOptions } from "../../core/config";
import type { Grid } from "../../core/grid";
import { BUILTIN_LIBRARY } from "../../core/library/data";
import { formatIssue, mergeLibraries } from "../../core/library/io";
import { recommendForTable } from "../../core/library/recommend";
import { renderContextOf } from "../../core/library/insert";
import { renderValue } from "../../core/library/render";
import type { Library } from "../../core/library/schema";
import { recognizeTables, type RecognizeOptions } from "../../core/recognize";
import { UsageError } from "../io";
import { expandFileArgs } from "../files";
import { t, t as say } from "../messages";
import { readOptions, usageErrorsExit2 } from "../options";
import { loadConfig, readInput } from "./check";
import { readLibraryFile } from "./library";

export interface RecommendIO {
  out: (s: string) => void;
  err: (s: string) => void;
  lang: Lang;
}




interface Args {
  files: string[];
  format: "text" | "json";
  top: number;
  imports: string[];
  config?: string;
}

function parseArgs(args: string[], lang: Lang): Args {
  const a: Args = { files: [], format: "text", top: 8, imports: [] };
  a.files = readOptions(args, lang, (flag, value) => {
    if (flag === "--format") {
      const v = value();
      if (v !== "text" && v !== "json") throw new UsageError(say(lang, "recommendBadFormat", v));
      a.format = v;
    } else if (flag === "--top") {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(say(lang, "recommendBadTop", v));
      a.top = n;
    } else if (flag === "--import") a.imports.push(value());
    else if (flag === "--config") a.config = value();
    else return false;
    return true;
  });
  if (a.files.length === 0) throw new UsageError(say(lang, "recommendNeedFile"));
  return a;
}

export interface TableRecommendation {
  sheet: string;
  range: string;
  project: string | null;
  framework: string;
  types: { id: string; zh: string; en: string; score: number; matched: string[] }[];
  templates: { id: string; level1: string; level2: string; name: string; value: string | null; hint?: string; hintEn?: string; basis: string; score: number }[];
}

export function recommendGrids(grids: readonly Grid[], library: Library, top: number, options: RecognizeOptions = {}): TableRecommendation[] {
  const out: TableRecommendation[] = [];
  for (const g of grids) {
    for (const table of recognizeTables(g, options)) {
      const rec = recommendForTable(table, library);
      const ctx = renderContextOf(table);
      out.push({
        sheet: table.sheet,
        range: table.rangeA1,
        project: table.projectName?.text.trim() ?? null,
        framework: table.framework.id,
        types: rec.types.slice(0, 3).map((s) => ({ id: s.type.id, zh: s.type.zh, en: s.type.en, score: s.score, matched: s.matched })),
        templates: rec.templates
          .filter((s) => !s.present)
          .slice(0, top)
          .map((s) => {
            const v = renderValue(s.template, ctx);
            return {
              id: s.template.id,
              level1: s.placement.level1,
              level2: s.placement.level2,
              name: s.template.name,
              value: v.text,
              ...(v.hint ? { hint: v.hint, hintEn: v.hintEn } : {}),
              basis: s.template.basis,
              score: s.score,
            };
          }),
      });
    }
  }
  return out;
}

export function run(args: string[], io: RecommendIO): Promise<number> {
  return usageErrorsExit2(io.err, () => recommend(args, io));
}

async function recommend(args: string[], io: RecommendIO): Promise<number> {
  const a = parseArgs(args, io.lang);
  const c = configToOptions(loadConfig(a.config, io, process.cwd()));
  const recognize: RecognizeOptions = { defaultMoneyUnit: c.defaultMoneyUnit, frameworkOverride: c.frameworkOverride, placeholderWords: c.placeholderWords };
  let library: Library = BUILTIN_LIBRARY;
  for (const file of a.imports) {
    const r = await readLibraryFile(file, io.lang);
    if ("error" in r) {
      io.err(r.error);
      return 2;
    }
    for (const i of r.issues) io.err(`${file}: ${formatIssue(i, io.lang)}`);
    library = mergeLibraries(library, r.library).library;
  }
  const lang = io.lang;
  const results: { file: string; tables: TableRecommendation[]; error?: { code: string; message: string } }[] = [];
  for (const { file, noMatch, lockFile } of expandFileArgs(a.files)) {
    const shown = path.relative(process.cwd(), file) || file;
    if (lockFile) {
      io.err(t(lang, "lockFile", shown));
      continue;
    }
    const input = noMatch ? { error: { code: "no-match", message: t(lang, "noMatch", file) } } : await readInput(file, lang);
    if ("error" in input) {
      results.push({ file: shown, tables: [], error: input.error });
      if (a.format === "text") io.err(input.error.message);
      continue;
    }
    for (const w of input.warnings) io.err(w);
    results.push({ file: shown, tables: recommendGrids(input.grids, library, a.top, recognize) });
  }
  if (a.format === "json") io.out(JSON.stringify({ files: results }, null, 2));
  else {
    for (const r of results) {
      if (r.error) continue;
      io.out(r.file);
      if (r.tables.length === 0) io.out(say(lang, "recommendNoTables"));
      for (const t of r.tables) {
        io.out(`  ${t.sheet}!${t.range}  ${t.project ?? say(lang, "recommendUntitled")}  [${t.framework}]`);
        io.out(say(lang, "recommendTypes") + t.types.map((x) => `${lang === "zh" ? x.zh : x.en} (${x.id}) ${x.score.toFixed(2)}`).join(lang === "zh" ? "；" : "; "));
        io.out(say(lang, "recommendTemplates"));
        if (t.templates.length === 0) io.out(say(lang, "recommendNone"));
        for (const x of t.templates) io.out(`      ${x.level1}/${x.level2}  ${x.name}  ${x.value ?? (lang === "zh" ? x.hint : x.hintEn) ?? ""}  [${x.basis}]  ${x.id}`);
      }
    }
  }
  return results.some((r) => r.error) ? 2 : 0;
}
