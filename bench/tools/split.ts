/** Where validate's time goes at one scale: recognition alone, then the whole validate (CPU ms, median). */
import { recognizeWorkbook } from "../../src/core/recognize";
import { validate } from "../../src/core/engine";
import { generateWorkbook, toGrids } from "../generate";
import { median } from "../parts/util";

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const grids = toGrids(generateWorkbook(n));
const warm = toGrids(generateWorkbook(100, 99));
validate(warm);
validate(warm);
const time = (f: () => unknown): number => {
  gc();
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const rec: number[] = [];
const all: number[] = [];
for (let i = 0; i < runs; i++) {
  rec.push(time(() => recognizeWorkbook(grids)));
  all.push(time(() => validate(grids)));
}
process.stdout.write(`${n} tables: recognize ${median(rec).toFixed(0)} ms cpu, validate ${median(all).toFixed(0)} ms cpu -> rules and the rest ${(median(all) - median(rec)).toFixed(0)} ms\n`);
