/**
 * Recommendation inputs for the 30 seed tables (17 in seed 000, 1 in 001, 12 in 002): the example
 * workbooks read by the xlsx reader and recognised by recognizeTables — exactly what the task pane
 * and `jixiao recommend` see.
 */
import { inputFromTable, type RecommendInput } from "../../../src/core/library/recommend";
import { recognizeTables } from "../../../src/core/recognize";
import { loadExampleGrids } from "../../helpers/examples";

export interface SeedInput {
  seed: "000" | "001" | "002";
  projectName: string;
  input: RecommendInput;
}

const FILES: [SeedInput["seed"], string][] = [
  ["000", "seed000.xlsx"],
  ["001", "seed001.xlsx"],
  ["002", "seed002.xlsx"],
];

export async function seedInputs(): Promise<SeedInput[]> {
  const out: SeedInput[] = [];
  for (const [seed, file] of FILES) {
    const grids = await loadExampleGrids(file);
    for (const t of grids.flatMap((g) => recognizeTables(g))) out.push({ seed, projectName: t.projectName?.text.trim() ?? "", input: inputFromTable(t) });
  }
  return out;
}
