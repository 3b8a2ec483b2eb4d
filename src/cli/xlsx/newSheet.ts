/**
 * A worksheet part written from rows of values: what Jixiao adds to a copy (the 校验结果 sheet).
 * Strings are inline, so the workbook's shared strings are left as they are.
 */
import { colName } from "./sheet";
import { escapeAttr, escapeText, xmlSafe } from "./xml";

export interface NewCell {
  value: string | number | null;
  /** index into <cellXfs> */
  style?: number;
  /** an internal hyperlink: where a click goes ("'Sheet 1'!E13") */
  link?: string;
}

export interface NewSheet {
  columns: { width: number }[];
  rows: NewCell[][];
  /** row heights in points, by row index (rows not given keep the default height) */
  heights?: (number | undefined)[];
  /** the first row stays in view and has a filter */
  header: boolean;
}

/** The worksheet part; `ns` the file's SpreadsheetML and relationship namespaces (XlsxPackage.namespaces). */
export function worksheetXml(sheet: NewSheet, ns: { main: string; rel: string }): string {
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  const links: string[] = [];
  const rows = sheet.rows
    .map((cells, r) => {
      const xml = cells
        .map((c, i) => {
          const ref = `${colName(i + 1)}${r + 1}`;
          const s = c.style ? ` s="${c.style}"` : "";
          if (c.link) links.push(`<hyperlink ref="${ref}" location="${escapeAttr(c.link)}" display="${escapeAttr(String(c.value ?? ""))}"/>`);
          if (c.value === null || c.value === "") return s ? `<c r="${ref}"${s}/>` : "";
          if (typeof c.value === "number") return `<c r="${ref}"${s}><v>${c.value}</v></c>`;
          return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(xmlSafe(c.value))}</t></is></c>`;
        })
        .join("");
      const ht = sheet.heights?.[r];
      return `<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ""}>${xml}</row>`;
    })
    .join("");
  const width = Math.max(1, sheet.columns.length);
  const views = sheet.header
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const filter = sheet.header && sheet.rows.length > 0 ? `<autoFilter ref="A1:${colName(width)}${sheet.rows.length}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${escapeAttr(ns.main)}" xmlns:r="${escapeAttr(ns.rel)}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>${views}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows}</sheetData>${filter}` +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}
