/**
 * npm run examples — build the example workbooks in examples/ from the seed texts in
 * examples/seeds/, and one workbook per corpus table in examples/corpus/ (targets/*.tsv ->
 * targets/*.xlsx, self-evaluation/*.tsv -> self-evaluation/*.xlsx, monitoring/*.tsv ->
 * monitoring/*.xlsx; see tools/examples/).
 * The output is deterministic: running it again gives byte-identical files.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { corpusWorkbookSpecs } from "./examples/corpusLayout";
import { EXAMPLES_DIR } from "./examples/seedText";
import { exampleWorkbookSpecs } from "./examples/sheetLayout";
import { workbookBytes } from "./examples/writeWorkbook";

async function main(): Promise<void> {
  for (const spec of [...exampleWorkbookSpecs(), ...corpusWorkbookSpecs()]) {
    const bytes = await workbookBytes(spec);
    const target = path.join(EXAMPLES_DIR, spec.file);
    writeFileSync(target, bytes);
    const tables = spec.sheets.reduce((n, s) => n + s.tables.length, 0);
    process.stdout.write(`${path.relative(process.cwd(), target)}: ${spec.sheets.length} sheet(s), ${tables} table(s)\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`build-examples: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
