/**
 * The parts of exceljs 4's internals that the fast reader (fastReadWorkbook.ts) calls, so that
 * everything but the cells is parsed by exceljs's own code, exactly as its full reader does.
 * exceljs 4 has no "exports" map; these are its lib/ files.
 */
declare module "exceljs/lib/xlsx/xform/strings/shared-strings-xform" {
  export default class SharedStringsXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getString(index: number): unknown;
  }
}
declare module "exceljs/lib/xlsx/xform/style/styles-xform" {
  export default class StylesXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: unknown } | null;
  }
}
declare module "exceljs/lib/xlsx/xform/core/app-xform" {
  export default class AppXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<{ company?: unknown; manager?: unknown }>;
  }
}
declare module "exceljs/lib/xlsx/xform/core/core-xform" {
  export default class CoreXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<Record<string, unknown>>;
  }
}
declare module "exceljs/lib/utils/utils" {
  const utils: {
    xmlDecode(text: string): string;
    isDateFmt(fmt: unknown): boolean;
    excelToDate(v: unknown, date1904: unknown): Date;
  };
  export default utils;
}
declare module "exceljs/lib/doc/range" {
  export default class Range {
    constructor(ref: unknown);
    model: { top: number; left: number; bottom: number; right: number; sheetName?: unknown };
  }
}
declare module "exceljs/lib/xlsx/xform/style/numfmt-xform" {
  export default class NumFmtXform {
    static getDefaultFmtCode(id: number): string | undefined;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  }
}
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<number, Record<string, string>>;
  export default formats;
}
