/**
 * Where every seed table sits in the example workbooks, for tests that need to know
 * what a recognizer should find: file, sheet, title, project name, the sheet rows of
 * the title, the first table row and the 一级指标 header, and the cell values as a
 * reader gets them back (numbers for amounts, 0.1 for 10%, date serials, text otherwise).
 *
 * Computed from examples/seeds/*.txt by the same code that builds the workbooks.
 */
import type { CellRange, CellValue } from "../../src/core/grid";
import type { SeedId } from "./seedText";
import { exampleWorkbookSpecs, type WorkbookSpec } from "./sheetLayout";
import { blockValues } from "./tableLayout";

export interface ExampleTable {
  /** "seed000-stacked.xlsx", "seed000.xlsx", "seed001.xlsx", "seed002.xlsx" */
  file: string;
  sheet: string;
  seed: SeedId;
  /** 1-based position of the table in its seed */
  index: number;
  title: string;
  /** "2022年度", "(2020年)" — the row under the title, where the seed has one */
  subtitle?: string;
  /** the 项目名称 value as written in the table */
  projectName: string;
  /** sheet row of the title (merged across the table width) */
  titleRow: number;
  /** sheet row of the first table row (项目编码/项目名称 …); rows[0] */
  firstRow: number;
  /** sheet row of the indicator header (一级指标 二级指标 …) */
  headerRow: number;
  lastRow: number;
  /** number of columns, from column A */
  width: number;
  /** rows[i] is sheet row firstRow + i, from column A; trailing blanks trimmed */
  rows: CellValue[][];
  numberFormats: (string | null)[][];
  /** merges inside the table (title row excluded), sheet coordinates */
  merges: CellRange[];
  /** line numbers in examples/seeds/<seed>.txt, parallel to rows */
  sourceLines: number[];
}

function tablesOf(specs: WorkbookSpec[]): ExampleTable[] {
  const out: ExampleTable[] = [];
  for (const wb of specs) {
    for (const sheet of wb.sheets) {
      for (const block of sheet.tables) {
        const { rows, numberFormats } = blockValues(block);
        const s = block.source;
        out.push({
          file: wb.file,
          sheet: sheet.name,
          seed: s.seed,
          index: s.index,
          title: s.title,
          ...(s.subtitle ? { subtitle: s.subtitle } : {}),
          projectName: s.projectName,
          titleRow: block.titleRow,
          firstRow: block.firstRow,
          headerRow: block.headerRow,
          lastRow: block.lastRow,
          width: block.width,
          rows,
          numberFormats,
          merges: block.merges.filter((m) => m.top >= block.firstRow),
          sourceLines: s.rows.map((r) => r.lineNo),
        });
      }
    }
  }
  return out;
}

let cached: ExampleTable[] | undefined;

/** Every table of every example workbook (17 + 17 + 1 + 12 = 47 placements). */
export function exampleTables(): ExampleTable[] {
  cached ??= tablesOf(exampleWorkbookSpecs());
  return cached;
}

/** The tables of one example file, in sheet/row order. */
export function exampleTablesIn(file: string): ExampleTable[] {
  return exampleTables().filter((t) => t.file === file);
}

export { STACKED_SHEET_NAME } from "./sheetLayout";
