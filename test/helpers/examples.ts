/**
 * The example workbooks in examples/ (built by `npm run examples` from examples/seeds/)
 * as Grids, read through the same xlsx reader the CLI uses.
 *
 *   const grids = await loadExampleGrids("seed002.xlsx");
 *
 * Where each table sits (sheet, title row, header row, cell values) is in
 * tools/examples/seedTables.ts: exampleTables() / exampleTablesIn(file).
 *
 * The corpus workbooks (examples/corpus/targets/*.xlsx, examples/corpus/self-evaluation/*.xlsx,
 * examples/corpus/monitoring/*.xlsx, built from the TSV files beside them) load the same way, one sheet "Sheet1" each, TSV grid
 * line N = sheet row N, TSV column k = sheet column k:
 *
 *   const [grid] = await loadCorpusGrids("targets/02_tianjin_district_bingmeifangzhi.xlsx");
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Grid } from "../../src/core/grid";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";

export const EXAMPLE_FILES = ["seed000-stacked.xlsx", "seed000.xlsx", "seed001.xlsx", "seed002.xlsx"] as const;
export type ExampleFile = (typeof EXAMPLE_FILES)[number];

export const EXAMPLES_DIR = path.resolve(__dirname, "..", "..", "examples");

export function examplePath(file: string): string {
  return path.join(EXAMPLES_DIR, file);
}

const cache = new Map<string, Promise<Grid[]>>();

/** All sheets of examples/<file>, in workbook order. Each call gets its own copy. */
export async function loadExampleGrids(file: string): Promise<Grid[]> {
  let grids = cache.get(file);
  if (!grids) {
    grids = readWorkbookGrids(readFileSync(examplePath(file))).then((r) => r.grids);
    cache.set(file, grids);
  }
  return structuredClone(await grids);
}

/** One sheet of an example workbook by name. */
export async function loadExampleSheet(file: string, sheet: string): Promise<Grid> {
  const grid = (await loadExampleGrids(file)).find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`${file} has no sheet "${sheet}"`);
  return grid;
}

export const CORPUS_DIR = path.join(EXAMPLES_DIR, "corpus");

/** Every corpus workbook, relative to examples/corpus ("targets/01_….xlsx", "self-evaluation/01_….xlsx", "monitoring/01_….xlsx"), one per TSV. */
export const CORPUS_FILES: readonly string[] = ["targets", "self-evaluation", "monitoring"].flatMap((folder) =>
  readdirSync(path.join(CORPUS_DIR, folder))
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((f) => `${folder}/${f.replace(/\.tsv$/, ".xlsx")}`),
);

/** "targets/02_x", "targets/02_x.tsv" or "targets/02_x.xlsx" -> the workbook's full path. */
export function corpusPath(relativePath: string): string {
  const xlsx = relativePath.replace(/\.(tsv|xlsx)$/, "") + ".xlsx";
  return path.join(CORPUS_DIR, xlsx);
}

/** The sheets of a corpus workbook (one, "Sheet1"), by its path under examples/corpus. Each call gets its own copy. */
export async function loadCorpusGrids(relativePath: string): Promise<Grid[]> {
  const full = corpusPath(relativePath);
  let grids = cache.get(full);
  if (!grids) {
    grids = readWorkbookGrids(readFileSync(full)).then((r) => r.grids);
    cache.set(full, grids);
  }
  return structuredClone(await grids);
}
