/**
 * The example workbooks in examples/ (built by `npm run examples` from examples/seeds/)
 * as Grids, read through the same xlsx reader the CLI uses.
 *
 *   const grids = await loadExampleGrids("seed002.xlsx");
 *
 * Where each table sits (sheet, title row, header row, cell values) is in
 * scripts/examples/seedTables.ts: exampleTables() / exampleTablesIn(file).
 */
import { readFileSync } from "fs";
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
