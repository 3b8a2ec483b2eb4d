/** The active sheet as an Excel-like HTML table: merges, formats, marks and the selection. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useEffect, useMemo, useRef } from "react";
import type { Lang } from "../core/finding";
import { MARK_FILL } from "../host/types";
import type { MemoryHost } from "../host/memory";
import { severityName, t } from "../taskpane/i18n";
import { drawSheet, MAX_DRAWN_COLS, MAX_DRAWN_ROWS } from "./drawnSheet";

const MARK_EDGE = { error: "#C50F1F", warning: "#8A5300", info: "#0F6CBD" } as const;

const useStyles = makeStyles({
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: "#FFFFFF", position: "relative" },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
    fontSize: "12px",
    color: "#1F1F1F",
    backgroundColor: "#FFFFFF",
  },
  head: { position: "sticky", top: 0, zIndex: 2, backgroundColor: "#F3F3F3", boxShadow: "0 1px 0 #D6D6D6" },
  corner: { position: "sticky", left: 0, zIndex: 3, backgroundColor: "#F3F3F3", borderRight: "1px solid #D6D6D6", borderBottom: "1px solid #D6D6D6", width: "40px" },
  colHead: {
    backgroundColor: "#F3F3F3",
    borderRight: "1px solid #D6D6D6",
    borderBottom: "1px solid #D6D6D6",
    fontWeight: 400,
    color: "#444444",
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#F3F3F3",
    borderRight: "1px solid #D6D6D6",
    borderBottom: "1px solid #D6D6D6",
    color: "#444444",
    textAlign: "center",
    fontWeight: 400,
    minWidth: "40px",
  },
  cell: {
    borderRight: "1px solid #E1E1E1",
    borderBottom: "1px solid #E1E1E1",
    padding: "2px 4px",
    height: "20px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    verticalAlign: "middle",
    cursor: "cell",
  },
  selected: { outline: `2px solid #107C41`, outlineOffset: "-2px" },
  note: { padding: tokens.spacingHorizontalS, color: "#444444", fontSize: tokens.fontSizeBase200 },
});

export interface SheetGridProps {
  host: MemoryHost;
  sheet: string;
  /** column widths from the file (Excel character units) */
  widths?: readonly (number | undefined)[];
  lang: Lang;
  /** changes with every change that may alter the drawing */
  version: number | string;
  onSelect(cell: string): void;
}

/** Drawn again only when a prop changes (memo): `version` says when the workbook's drawing changed. */
export const SheetGrid = memo(function SheetGrid({ host, sheet, widths, lang, version, onSelect }: SheetGridProps) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const view = host.view();
  const selection = view.selection && view.selection.sheet === sheet ? view.selection.address : null;
  const drawn = useMemo(() => {
    const ms = host.workbook.sheetByName(sheet);
    return ms ? drawSheet(host.workbook, ms, { marks: host.marks(), selection, columnWidths: widths }) : null;
    // `version` is in the list on purpose: the workbook is mutable; redraw when it says it changed
  }, [host, sheet, selection, widths, version]);

  useEffect(() => {
    if (!selection || !scroller.current) return;
    // scroll only the grid (scrollIntoView would also move the page around it)
    const sc = scroller.current;
    const el = sc.querySelector<HTMLElement>('td[aria-selected="true"]');
    if (!el) return;
    // vertically, the selection's own row: inside a tall merge (a row inserted under a merged 一级
    // label) the merge's middle may be far from it
    const first = Number(/\d+/.exec(selection)?.[0]);
    const row = sc.querySelector<HTMLElement>(`tbody > tr:nth-child(${first})`) ?? el;
    const a = row.getBoundingClientRect();
    const x = el.getBoundingClientRect();
    const b = sc.getBoundingClientRect();
    if (a.top < b.top + 24 || a.bottom > b.bottom) sc.scrollTop += a.top - b.top - sc.clientHeight / 2 + a.height / 2;
    if (x.left < b.left + 40 || x.right > b.right) sc.scrollLeft += x.left - b.left - 48;
  }, [selection, drawn]);

  if (!drawn) return null;
  return (
    <div className={s.scroller} ref={scroller} data-testid="sheet-scroller">
      <table className={s.table} style={{ width: 40 + drawn.widths.reduce((a, b) => a + b, 0) }} role="grid" aria-label={t(lang, "pg.grid", { sheet })} data-testid="grid" data-sheet={sheet} data-selection={selection ?? ""} data-marked={drawn.marked}>
        <colgroup>
          <col style={{ width: 40 }} />
          {drawn.widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead className={s.head}>
          <tr>
            <th className={s.corner} aria-hidden="true" />
            {drawn.columns.map((c) => (
              <th key={c} className={s.colHead} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {drawn.rows.map((r) => (
            <tr key={r.row}>
              <th className={s.rowHead} scope="row">
                {r.row}
              </th>
              {r.cells.map((c, i) => {
                if (!c) return null;
                const style: Record<string, string> = { ...c.style };
                if (c.numeric && !style.textAlign) style.textAlign = "right";
                if (c.mark) {
                  style.backgroundColor = MARK_FILL[c.mark.severity];
                  style.boxShadow = `inset 3px 0 0 ${MARK_EDGE[c.mark.severity]}`;
                  style.color = "#1F1F1F";
                }
                const title = c.mark ? `${severityName(lang, c.mark.severity)}${c.mark.message ? `：${c.mark.message}` : ""}` : c.text.length > 20 ? c.text : undefined;
                return (
                  <td
                    key={i}
                    className={c.selected ? `${s.cell} ${s.selected}` : s.cell}
                    rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                    colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                    style={style}
                    title={title}
                    data-cell={c.address}
                    data-mark={c.mark?.severity}
                    aria-selected={c.selected ? "true" : undefined}
                    onClick={() => onSelect(c.address)}
                  >
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {drawn.truncated && <div className={s.note}>{t(lang, "pg.truncated", { rows: MAX_DRAWN_ROWS, cols: MAX_DRAWN_COLS })}</div>}
    </div>
  );
});
