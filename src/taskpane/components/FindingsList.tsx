/**
 * The findings list: collapsible groups (severity or table, then category) with counts, one card
 * per entry (a finding, or repeats collapsed into one), and the keyboard as in Excel's checkers.
 *
 * Keyboard: the list is one Tab stop (roving tabindex over group headers and cards). ↑/↓ or J/K
 * move (moving onto a card selects its cell), Home/End go to the ends, ←/→ collapse and expand,
 * Enter selects the cell again, F applies the fix, I ignores, Esc closes a form. Tab from the
 * selected card reaches its cells and buttons. After Fix or Ignore the focus stays in the list, on
 * the entry that takes the place of the one that went.
 */
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Lang } from "../../core/finding";
import { categoryName, severityName, t } from "../i18n";
import type { Entry, EntryGroup } from "../state/entries";
import { findingId, tableLabels } from "../state/findings";
import type { Notice, PaneSession, PaneState } from "../state/session";
import { NoticeBar } from "./NoticeBar";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, minWidth: 0 },
  group: { margin: 0 },
  heading: { margin: 0, fontSize: "inherit", fontWeight: "inherit" },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    textAlign: "left",
    background: "none",
    border: "none",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXS} 2px`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  level1: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  level2: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalM },
  headerName: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, flexShrink: 0 },
  chevron: { width: "12px", height: "12px", flexShrink: 0, transitionProperty: "transform", transitionDuration: "0.1s" },
  open: { transform: "rotate(90deg)" },
  ul: { margin: 0, padding: 0 },
  item: {
    listStyleType: "none",
    borderLeft: `3px solid transparent`,
    padding: `2px ${tokens.spacingHorizontalS} 2px ${tokens.spacingHorizontalS}`,
    marginLeft: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  card: {
    display: "block",
    width: "100%",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: "2px 0",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  where: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS, rowGap: "2px", fontSize: tokens.fontSizeBase200 },
  chip: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: "0 4px",
    lineHeight: "18px",
  },
  times: { color: tokens.colorNeutralForeground2 },
  context: { color: tokens.colorNeutralForeground2, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", flexShrink: 1, maxWidth: "100%" },
  tag: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  message: { display: "block", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, margin: "0 0 2px", overflowWrap: "anywhere", cursor: "pointer" },
  cells: { display: "flex", flexWrap: "wrap", gap: "4px", marginTop: tokens.spacingVerticalXS },
  cellButton: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: "0 4px",
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  cellCurrent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `1px solid ${tokens.colorBrandBackground}` },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS, marginBottom: "2px" },
  confirm: {
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  notice: { marginBottom: tokens.spacingVerticalXS },
});

/** How many member cells a selected card lists before "show all". */
const CELLS_SHOWN = 12;

export interface FindingsListProps {
  session: PaneSession;
  state: PaneState;
  groups: EntryGroup[];
  /** the result of an action on the list, shown in the selected entry */
  listNotice: Notice | null;
}

function Chevron({ open }: { open: boolean }) {
  const s = useStyles();
  return (
    <svg className={mergeClasses(s.chevron, open && s.open)} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The rows of the list in order (what ↑/↓ walk): their keys, as rendered. */
function rowElements(root: HTMLElement | null): HTMLElement[] {
  return root ? Array.from(root.querySelectorAll<HTMLElement>("[data-row]")) : [];
}

export function FindingsList({ session, state, groups, listNotice }: FindingsListProps) {
  const s = useStyles();
  const { lang, report, selectedId, busy } = state;
  const root = useRef<HTMLDivElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** an action on a card is running: when it is done, focus goes to the entry then selected */
  const refocus = useRef(false);
  const labels = useMemo(() => tableLabels(report?.tables ?? []), [report]);
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed]);

  // the keys of all rows as drawn, to know whether the remembered focus key is still there
  const rowKeys = useMemo(() => {
    const keys: string[] = [];
    for (const g of groups) {
      keys.push(`g:${g.key}`);
      if (collapsed.has(g.key)) continue;
      for (const c of g.categories) {
        keys.push(`g:${c.key}`);
        if (!collapsed.has(c.key)) for (const e of c.entries) keys.push(`e:${e.id}`);
      }
    }
    return keys;
  }, [groups, collapsed]);
  const selectedKey = selectedId && rowKeys.includes(`e:${selectedId}`) ? `e:${selectedId}` : null;
  const tabKey = selectedKey ?? (focusKey && rowKeys.includes(focusKey) ? focusKey : rowKeys[0]);

  // a selection made in the sheet: show its card (focus stays in the sheet)
  useEffect(() => {
    if (state.revealSerial === 0 || !selectedId) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-row="e:${cssEscape(selectedId)}"]`);
    el?.scrollIntoView?.({ block: "nearest" });
  }, [state.revealSerial, selectedId]);

  // after Fix / Ignore (done when its result is there): focus the entry that took the place of the one acted on
  const notice = state.notice;
  useEffect(() => {
    if (busy || !notice || !refocus.current) return;
    refocus.current = false;
    const active = document.activeElement;
    const inList = active && root.current?.contains(active);
    if (inList && active !== document.body && (active as HTMLElement).dataset.row) return;
    const el =
      (selectedKey && root.current?.querySelector<HTMLElement>(`[data-row="${cssEscape(selectedKey)}"]`)) || rowElements(root.current)[0] || null;
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: "nearest" });
  }, [busy, notice, selectedKey, report]);

  const focusRow = (el: HTMLElement | undefined) => {
    if (!el) return;
    el.focus();
    el.scrollIntoView?.({ block: "nearest" });
    const key = el.dataset.row ?? null;
    setFocusKey(key);
    if (key?.startsWith("e:")) {
      const id = key.slice(2);
      const entry = findEntry(groups, id);
      if (entry && id !== selectedId) void session.select(entry.lead);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select, form")) return;
    const owner = target.closest<HTMLElement>("[data-row-owner]");
    if (!owner) return;
    const rows = rowElements(root.current);
    const current = rows.find((r) => r.dataset.row === owner.dataset.rowOwner);
    const i = current ? rows.indexOf(current) : -1;
    const key = e.key;
    const isHeader = owner.dataset.rowOwner?.startsWith("g:");
    if (key === "ArrowDown" || ((key === "j" || key === "J") && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      focusRow(rows[Math.min(rows.length - 1, i + 1)]);
    } else if (key === "ArrowUp" || ((key === "k" || key === "K") && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      focusRow(rows[Math.max(0, i - 1)]);
    } else if (key === "Home" || key === "End") {
      e.preventDefault();
      focusRow(key === "Home" ? rows[0] : rows[rows.length - 1]);
    } else if (key === "ArrowLeft" || key === "ArrowRight") {
      if (target.closest("[data-cells]")) return;
      e.preventDefault();
      const groupKey = owner.dataset.rowOwner!.slice(2);
      if (isHeader) {
        const isCollapsed = collapsed.has(groupKey);
        if (key === "ArrowRight" && isCollapsed) session.toggleCollapsed(groupKey, false);
        else if (key === "ArrowLeft" && !isCollapsed) session.toggleCollapsed(groupKey, true);
        else if (key === "ArrowLeft") focusRow(parentHeader(rows, i));
        else focusRow(rows[i + 1]);
      } else if (key === "ArrowLeft") {
        focusRow(parentHeader(rows, i));
      }
    }
  };

  const entryRow = (entry: Entry, showTable: boolean) => {
    const selected = entry.id === selectedId;
    const key = `e:${entry.id}`;
    return (
      <EntryItem
        key={entry.id}
        rowKey={key}
        entry={entry}
        lang={lang}
        selected={selected}
        tabbable={key === tabKey}
        busy={!!busy}
        selectedCell={selected ? state.selectedCell : undefined}
        context={showTable ? contextOf(entry, labels) : undefined}
        notice={selected && listNotice ? <NoticeBar session={session} state={state} notice={listNotice} testId="list-notice" /> : null}
        onFocus={() => setFocusKey(key)}
        onSelect={(f) => void session.select(f)}
        onFix={(fs) => {
          refocus.current = true;
          void session.applyFixes(fs);
        }}
        onIgnore={(fs, reason) => {
          refocus.current = true;
          void session.ignoreMany(fs, reason);
        }}
        onPrepare={(f) => void session.select(f)}
      />
    );
  };

  return (
    <div className={s.list} ref={root} role="region" aria-label={t(lang, "list.label")} title={t(lang, "nav.keyboardHint")} onKeyDown={onKeyDown} data-testid="findings">
      {groups.map((g) => {
        const open = !collapsed.has(g.key);
        const gKey = `g:${g.key}`;
        const name = g.severity ? severityName(lang, g.severity) : (g.name ?? "");
        return (
          <section key={g.key} className={s.group} aria-label={name} data-group={g.key}>
            <h3 className={mergeClasses(s.heading, s.level1)}>
              <button
                type="button"
                className={mergeClasses(s.header)}
                aria-expanded={open}
                tabIndex={gKey === tabKey ? 0 : -1}
                data-row={gKey}
                data-row-owner={gKey}
                onFocus={() => setFocusKey(gKey)}
                onClick={() => session.toggleCollapsed(g.key)}
              >
                <Chevron open={open} />
                {g.severity && <SeverityIcon severity={g.severity} />}
                <span className={s.headerName}>{name}</span>
                <span className={s.count}>{g.count}</span>
              </button>
            </h3>
            {open &&
              g.categories.map((c) => {
                const cOpen = !collapsed.has(c.key);
                const cKey = `g:${c.key}`;
                return (
                  <div key={c.key} data-category={c.category}>
                    <h4 className={mergeClasses(s.heading, s.level2)}>
                      <button
                        type="button"
                        className={s.header}
                        aria-expanded={cOpen}
                        tabIndex={cKey === tabKey ? 0 : -1}
                        data-row={cKey}
                        data-row-owner={cKey}
                        onFocus={() => setFocusKey(cKey)}
                        onClick={() => session.toggleCollapsed(c.key)}
                      >
                        <Chevron open={cOpen} />
                        {!g.severity && <SeverityIcon severity={c.severity} />}
                        <span className={s.headerName}>{categoryName(lang, c.category)}</span>
                        <span className={s.count}>{c.count}</span>
                      </button>
                    </h4>
                    {cOpen && <ul className={s.ul}>{c.entries.map((e) => entryRow(e, !!g.severity))}</ul>}
                  </div>
                );
              })}
          </section>
        );
      })}
    </div>
  );
}

function findEntry(groups: readonly EntryGroup[], id: string): Entry | undefined {
  for (const g of groups) for (const c of g.categories) for (const e of c.entries) if (e.id === id) return e;
  return undefined;
}

function parentHeader(rows: HTMLElement[], i: number): HTMLElement | undefined {
  const own = rows[i]?.dataset.row ?? "";
  const ownLevel = own.startsWith("g:") ? (own.includes("/") ? 2 : 1) : 3;
  for (let j = i - 1; j >= 0; j--) {
    const k = rows[j].dataset.row ?? "";
    if (!k.startsWith("g:")) continue;
    const level = k.includes("/") ? 2 : 1;
    if (level < ownLevel) return rows[j];
  }
  return undefined;
}

function cssEscape(v: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(v) : v.replace(/["\\]/g, "\\$&");
}

/**
 * The table an entry belongs to, as the card's context (severity grouping, more than one table):
 * nothing for repeats over several tables (the count says how many) or a report of one table.
 */
function contextOf(entry: Entry, labels: Map<string, string>): string | undefined {
  if (labels.size < 2 || entry.tables.length !== 1) return undefined;
  const table = entry.tables[0];
  return table ? (labels.get(table) ?? table) : entry.lead.sheet;
}

export interface EntryItemProps {
  rowKey: string;
  entry: Entry;
  lang: Lang;
  selected: boolean;
  tabbable: boolean;
  busy: boolean;
  selectedCell?: { sheet: string; cell: string };
  context?: string;
  notice: ReactNode;
  onFocus(): void;
  onSelect(f: Entry["lead"]): void;
  /** select the entry's cell before a fix is confirmed */
  onPrepare(f: Entry["lead"]): void;
  onFix(fs: Entry["members"]): void;
  onIgnore(fs: Entry["members"], reason: string): void;
}

export function EntryItem({ rowKey, entry, lang, selected, tabbable, busy, selectedCell, context, notice, onFocus, onSelect, onPrepare, onFix, onIgnore }: EntryItemProps) {
  const s = useStyles();
  const [mode, setMode] = useState<"none" | "confirmFix" | "ignore">("none");
  const [reason, setReason] = useState("");
  const [allCells, setAllCells] = useState(false);
  const card = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const f = entry.lead;
  const n = entry.members.length;
  const fixes = entry.members.filter((m) => m.fix);
  const needsConfirm = fixes.some((m) => m.fix?.confirm);
  const fixLabel = fixes.length === 1 ? t(lang, "finding.fix", { label: fixes[0].fix!.label }) : fixes.length > 1 ? t(lang, "finding.fixMany", { n: fixes.length }) : "";
  const spanSheets = new Set(entry.members.map((m) => m.sheet)).size > 1;
  const msgId = `msg-${cssId(entry.id)}`;
  const timesText = n > 1 ? (entry.tables.length > 1 ? t(lang, "entry.timesTables", { n, tables: entry.tables.length }) : t(lang, "entry.timesCells", { n })) : "";

  useEffect(() => {
    if (!selected) setMode("none");
  }, [selected]);
  useEffect(() => {
    if (mode === "confirmFix") confirmRef.current?.focus();
  }, [mode]);

  const close = () => {
    setMode("none");
    setReason("");
    card.current?.focus();
  };
  const startFix = () => {
    if (fixes.length === 0 || busy) return;
    // the cell first: the user sees what will change
    onPrepare(fixes[0]);
    if (needsConfirm) setMode("confirmFix");
    else onFix(fixes);
  };
  const startIgnore = () => {
    if (busy) return;
    if (!selected) onPrepare(f);
    setMode("ignore");
  };
  const onCardKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest("input, textarea, form")) return;
    if ((e.key === "f" || e.key === "F") && fixes.length > 0) {
      e.preventDefault();
      startFix();
    } else if (e.key === "i" || e.key === "I") {
      e.preventDefault();
      startIgnore();
    }
  };

  const shown = allCells ? entry.members : entry.members.slice(0, CELLS_SHOWN);
  const currentCell = selectedCell ?? { sheet: f.sheet, cell: f.cell };
  return (
    <li
      className={mergeClasses(s.item, selected && s.selected)}
      data-finding={f.key}
      data-entry={entry.id}
      data-severity={entry.severity}
      data-cell={f.cell}
      data-members={n}
      data-kind={entry.kind}
      data-row-owner={rowKey}
      // the message sits beside the card's button (its description); a click on it selects too
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest("button, input, form, a, [role='group']")) onSelect(f);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && mode !== "none") {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      {notice && <div className={s.notice}>{notice}</div>}
      <button
        ref={card}
        type="button"
        className={s.card}
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? "true" : undefined}
        aria-describedby={msgId}
        aria-keyshortcuts={fixes.length > 0 ? "F I" : "I"}
        data-row={rowKey}
        data-entry-card=""
        onFocus={onFocus}
        onKeyDown={onCardKey}
        onClick={() => onSelect(f)}
      >
        <span className={s.where}>
          <SeverityIcon severity={entry.severity} label={severityName(lang, entry.severity)} />
          <span className={s.chip}>{spanSheets ? `${f.sheet}!${f.cell}` : f.cell}</span>
          {n > 1 && <span className={s.times}>{timesText}</span>}
          {context && <span className={s.context}>{context}</span>}
          {fixes.length > 0 && !selected && <span className={s.tag}>{t(lang, "finding.fixable")}</span>}
        </span>
      </button>
      <span className={s.message} id={msgId}>
        {f.message}
      </span>
      {selected && (
        <div onKeyDown={onCardKey}>
          {n > 1 && (
            <div className={s.cells} role="group" aria-label={t(lang, "entry.cells")} data-cells="">
              {shown.map((m) => {
                const current = m.sheet === currentCell.sheet && m.cell === currentCell.cell;
                return (
                  <button
                    key={findingId(m)}
                    type="button"
                    className={mergeClasses(s.cellButton, current && s.cellCurrent)}
                    aria-pressed={current}
                    title={spanSheets ? `${m.sheet}!${m.cell}` : m.cell}
                    onClick={() => onSelect(m)}
                    data-member={m.cell}
                  >
                    {spanSheets ? `${m.sheet}!${m.cell}` : m.cell}
                  </button>
                );
              })}
              {!allCells && entry.members.length > CELLS_SHOWN && (
                <Button size="small" appearance="transparent" onClick={() => setAllCells(true)}>
                  {t(lang, "entry.moreCells", { n: entry.members.length - CELLS_SHOWN })}
                </Button>
              )}
            </div>
          )}
          {mode === "none" && (
            <div className={s.actions}>
              {fixes.length > 0 && (
                <Button size="small" appearance="primary" disabled={busy} onClick={startFix} data-action="fix" aria-keyshortcuts="F">
                  {fixLabel}
                </Button>
              )}
              <Button size="small" disabled={busy} onClick={startIgnore} data-action="ignore" aria-keyshortcuts="I">
                {n > 1 ? t(lang, "finding.ignoreMany", { n }) : t(lang, "finding.ignore")}
              </Button>
            </div>
          )}
          {mode === "confirmFix" && fixes.length > 0 && (
            <div className={s.confirm} role="group" aria-label={fixLabel}>
              <span>
                {fixes.length === 1
                  ? t(lang, "finding.fixConfirm", { cell: fixes[0].cell, label: fixes[0].fix!.label })
                  : t(lang, "finding.fixConfirmMany", { cells: fixes.map((m) => m.cell).join("、"), labels: fixes.map((m) => m.fix!.label).join("；") })}
              </span>
              <div className={s.row}>
                <Button
                  ref={confirmRef}
                  size="small"
                  appearance="primary"
                  disabled={busy}
                  data-action="confirm-fix"
                  onClick={() => {
                    setMode("none");
                    onFix(fixes);
                  }}
                >
                  {fixLabel}
                </Button>
                <Button size="small" onClick={close} data-action="cancel-fix">
                  {t(lang, "finding.ignoreCancel")}
                </Button>
              </div>
            </div>
          )}
          {mode === "ignore" && (
            <form
              className={s.confirm}
              onSubmit={(e) => {
                e.preventDefault();
                setMode("none");
                onIgnore(entry.members, reason);
                setReason("");
              }}
            >
              <Field label={t(lang, "finding.ignoreReason")} size="small">
                <Input size="small" data-testid="ignore-reason" value={reason} maxLength={200} onChange={(_e, d) => setReason(d.value)} autoFocus />
              </Field>
              <div className={s.row}>
                <Button size="small" appearance="primary" type="submit" disabled={busy} data-action="confirm-ignore">
                  {t(lang, "finding.ignoreConfirm")}
                </Button>
                <Button size="small" onClick={close} data-action="cancel-ignore">
                  {t(lang, "finding.ignoreCancel")}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

/** A stable, attribute-safe id for an entry. */
function cssId(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
