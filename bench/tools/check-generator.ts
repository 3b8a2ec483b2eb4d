/**
 * Sanity checks of the generator: the .xlsx written for n tables reads back (src/host/xlsx) as
 * exactly the in-memory grids; every generated table is recognised with its framework; every
 * injected mistake is reported by its rule family on its cell.
 *   npx esbuild bench/tools/check-generator.ts --bundle --platform=node --outfile=build/bench/check-generator.js --external:exceljs
 *   node build/bench/check-generator.js 100
 */
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { validate } from "../../src/core/engine";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { generateWorkbook, mistakeFound, OUT_DIR, toGrids, writeXlsx } from "../generate";

(async () => {
  const n = Number(process.argv[2] ?? 100);
  const wb = generateWorkbook(n);
  const grids = toGrids(wb);
  const file = path.join(OUT_DIR, `check-${n}.xlsx`);
  await writeXlsx(wb, file);
  const back = (await readWorkbookGrids(readFileSync(file))).grids;
  rmSync(file);
  const differ = grids.filter((g, i) => !isDeepStrictEqual(g, back[i])).map((g) => g.sheet);
  const report = validate(grids);
  const frameworks = (xs: string[]) => xs.reduce<Record<string, number>>((a, x) => ((a[x] = (a[x] ?? 0) + 1), a), {});
  const generated = frameworks(wb.meta.map((m) => m.framework));
  const recognised = frameworks(report.tables.map((t) => t.framework.id));
  const missed = wb.mistakes.filter((m) => !mistakeFound(m, report.findings));
  const units = frameworks(wb.meta.map((m) => m.unit));
  console.log(
    `${n} tables, ${wb.sheets.length} sheets, ${wb.indicatorRows} indicator rows, ${wb.cells} cells; units ${JSON.stringify(units)}\n` +
      `xlsx round trip: ${differ.length === 0 && back.length === grids.length ? "identical" : `DIFFERS on ${differ.slice(0, 5).join(", ")}`}\n` +
      `frameworks generated ${JSON.stringify(generated)}, recognised ${JSON.stringify(recognised)}\n` +
      `injected mistakes found ${wb.mistakes.length - missed.length}/${wb.mistakes.length}` +
      (missed.length ? `; missed: ${missed.slice(0, 5).map((m) => `${m.kind} ${m.sheet}!R${m.row}C${m.col}`).join(", ")}` : ""),
  );
  if (differ.length || missed.length || JSON.stringify(generated) !== JSON.stringify(recognised)) process.exitCode = 1;
})();
