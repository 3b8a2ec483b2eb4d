/**
 * Reading a user library file the user picked in the pane: JSON as text, .xlsx through the same
 * reader as the CLI (exceljs, loaded on first use in its own chunk, so the pane opens without it).
 * Untrusted input: the size is checked before anything is read, and the core's importers (zod
 * schemas, size limits, no prototype pollution) decide what is valid.
 */
import type { ImportResult } from "../../core/library/io";
import type { LibraryModule } from "./library";

/** The part of a browser File this needs (tests pass plain objects). */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ReadLibraryResult = { ok: true; result: ImportResult } | { ok: false; error: "tooLarge" | "noSheet" | "unreadable"; size?: number; max?: number; message?: string; text?: { zh: string; en: string } };

/** Largest file accepted: the JSON character limit (an .xlsx of that many rows is far smaller). */
export function maxFileBytes(lib: LibraryModule): number {
  return lib.limits.maxJsonChars;
}

export async function readLibraryFile(file: PickedFile, lib: LibraryModule): Promise<ReadLibraryResult> {
  const max = maxFileBytes(lib);
  if (file.size > max) return { ok: false, error: "tooLarge", size: file.size, max };
  try {
    if (/\.xlsx$/i.test(file.name)) {
      const { readWorkbookGrids } = await import(/* webpackChunkName: "xlsx" */ "../../host/xlsx/readWorkbook");
      const { grids } = await readWorkbookGrids(await file.arrayBuffer());
      const find = (re: RegExp) => grids.find((g) => re.test(g.sheet.trim()));
      const templates = find(/^(templates|模板|指标模板)$/i) ?? grids[0];
      if (!templates) return { ok: false, error: "noSheet" };
      const types = find(/^(types|项目类型)$/i);
      // rows are matched through the header row: they need not start at column A
      return {
        ok: true,
        result: lib.importLibraryRows({ templates: templates.cells, types: types?.cells }, { templates: templates.origin.row, types: types?.origin.row }),
      };
    }
    return { ok: true, result: lib.importLibraryJson(await file.text()) };
  } catch (e) {
    // the reader's own words for a bad file (old .xls, password, damaged) come in both languages
    const text = (e as { text?: { zh: string; en: string } }).text;
    return { ok: false, error: "unreadable", message: (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 300), ...(text ? { text } : {}) };
  }
}

/** Offer a text as a file download (the browser's own download; nothing leaves the machine). */
export function downloadText(name: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
