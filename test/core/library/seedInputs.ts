/**
 * Recommendation inputs for the 30 seed tables (17 in seed 000, 1 in 001, 12 in 002).
 *
 * Preferred: the example workbooks read by the xlsx reader and recognised by recognizeTables,
 * exactly what the task pane and `jixiao recommend` see. While the value parser the recognizer
 * needs has not landed, the inputs are built from the seed tables' cells (scripts/examples),
 * split at the indicator header the same way.
 */
import { existsSync } from "fs";
import * as path from "path";
import { exampleTablesIn } from "../../../scripts/examples/seedTables";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { TargetTable } from "../../../src/core/model";
import { inputFromTable, type RecommendInput } from "../../../src/core/library/recommend";
import { loadExampleGrids } from "../../helpers/examples";

export interface SeedInput {
  seed: "000" | "001" | "002";
  projectName: string;
  input: RecommendInput;
  source: "recognizer" | "seed-cells";
}

const FILES: [SeedInput["seed"], string][] = [
  ["000", "seed000.xlsx"],
  ["001", "seed001.xlsx"],
  ["002", "seed002.xlsx"],
];

export function recognizerAvailable(): boolean {
  return existsSync(path.resolve(__dirname, "../../../src/core/value/parse.ts"));
}

const text = (v: CellValue): string => (typeof v === "string" ? v.replace(/<[^>]+>/g, " ").trim() : "");
const LABEL = /^(一级|二级|三级)指标|^(产出|效益|效果|满意度|成本|决策|过程|投入与目标管理|影响力)(指标|目标)?$|^(数量|质量|时效)(指标)?$/;

function fromCells(seed: SeedInput["seed"], file: string): SeedInput[] {
  return exampleTablesIn(file).map((t) => {
    const headerIndex = t.headerRow - t.firstRow;
    const before = t.rows.slice(0, headerIndex).flat().map(text).filter((s) => /[\u4e00-\u9fff]/.test(s) && s !== t.projectName);
    const after = t.rows.slice(headerIndex + 1).map((r) => r.map(text).filter((s) => /[\u4e00-\u9fff]/.test(s) && !LABEL.test(s.replace(/\s/g, ""))));
    return {
      seed,
      projectName: t.projectName,
      source: "seed-cells" as const,
      input: { projectName: t.projectName, goals: before, indicators: after.map((cells) => cells[0]).filter((s): s is string => !!s) },
    };
  });
}

async function fromRecognizer(seed: SeedInput["seed"], file: string): Promise<SeedInput[]> {
  // required lazily: the recognizer needs the value parser, which may not exist yet
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { recognizeTables } = require("../../../src/core/recognize") as { recognizeTables: (g: Grid) => TargetTable[] };
  const grids = await loadExampleGrids(file);
  return grids.flatMap((g) => recognizeTables(g)).map((t) => ({ seed, projectName: t.projectName?.text.trim() ?? "", source: "recognizer" as const, input: inputFromTable(t) }));
}

export async function seedInputs(): Promise<SeedInput[]> {
  const out: SeedInput[] = [];
  for (const [seed, file] of FILES) out.push(...(recognizerAvailable() ? await fromRecognizer(seed, file) : fromCells(seed, file)));
  return out;
}
