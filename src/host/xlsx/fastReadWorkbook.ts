/**
 * The CLI's reader (Node only): the same WorkbookGrids as readWorkbookGrids (exceljs's full load),
 * and the same WorkbookReadError for a file that cannot be read, in three ways, fastest first:
 *
 *   direct    direct/directRead.ts: the grids straight from the bytes, no exceljs at all — for
 *             every file whose parts it reads exactly as exceljs would;
 *   assisted  assistedRead.ts: exceljs's own steps for everything but the cells (drawings,
 *             comments, hyperlinks, data validations …), the cells scanned;
 *   full      readWorkbook.ts: exceljs's full load, for anything else and for every error.
 *
 * exceljs is loaded only when a file needs the second or third way. test/host/xlsx/
 * fastReadWorkbook.test.ts compares this reader with the full one on the examples, the corpus,
 * the LibreOffice-saved files, the awkward corpus, the bench workbooks and workbooks built to hit
 * the odd corners.
 */
import { assertReadable, toBytes, type WorkbookGrids } from "./readErrors";
import { directRead } from "./direct/directRead";

export type ReaderWay = "direct" | "assisted" | "full";

/** Which way gave the last result, and why the ways before it did not (for tests and the bench). */
export let lastReader: ReaderWay | null = null;
export let lastFallback: string[] = [];

/** exceljs's readers, loaded on first need (the assisted reader installs the number-format rules). */
function exceljsReaders(): Promise<typeof import("./assistedRead")> {
  return import("./assistedRead");
}

export async function readWorkbookGridsFast(data: Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookGrids> {
  const bytes = toBytes(data);
  assertReadable(bytes);
  const why: string[] = [];
  lastFallback = why;
  try {
    const result = directRead(bytes);
    lastReader = "direct";
    return result;
  } catch (e) {
    // NotPlain / NotPlainZip: a part the direct reader leaves to exceljs (any other error too)
    why.push(`direct: ${(e as Error).message}`);
  }
  const readers = await exceljsReaders();
  try {
    const result = await readers.assistedRead(bytes);
    lastReader = "assisted";
    return result;
  } catch (e) {
    // the full reader reads the file, or says what is wrong with it, exactly as before
    why.push(`assisted: ${(e as Error).message}`);
    lastReader = "full";
    return readers.readWorkbookGrids(bytes);
  }
}
