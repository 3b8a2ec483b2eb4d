/** Write the engine's report on a generated workbook as JSON (to compare two builds): node dump.js N out.json */
import { writeFileSync } from "node:fs";
import { validate } from "../../src/core/engine";
import { generateWorkbook, toGrids } from "../generate";

const report = validate(toGrids(generateWorkbook(Number(process.argv[2] ?? 100))));
writeFileSync(process.argv[3], JSON.stringify(report, null, 1));
