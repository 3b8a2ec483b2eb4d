/**
 * 校验 / Validate: a compact toolbar (check, scope, clear, grouping), the counts as the severity
 * filter, a hint when other sheets hold tables, then the findings list — errors first — with the
 * tables found, the ignored problems and the change history below it.
 */
import {
  Button,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MenuGroup,
  MenuGroupHeader,
  ProgressBar,
  SplitButton,
  ToggleButton,
  makeStyles,
  tokens,
  type MenuButtonProps,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { SEVERITIES, type Lang, type Severity } from "../../core/finding";
import { tableName } from "../../core/readModel";
import { severityName, t, type MessageKey } from "../i18n";
import { entryOrder, severityFilter } from "../state/entries";
import { ALL_FILTERS, countBySeverity, findingId } from "../state/findings";
import type { PaneSession, PaneState } from "../state/session";
import { ChangeHistory } from "./ChangeHistory";
import { EmptyState } from "./EmptyState";
import { NoticeBar } from "./NoticeBar";
import { SeverityIcon } from "./SeverityIcon";

/**
 * The list of findings is drawn only once there is a report: it comes in its own chunk, loaded
 * with the engine after the first paint (loadResultsView, Pane.tsx). Once loaded it is drawn in
 * the same render as the report (no suspense, no frame without it).
 */
type ResultsModule = typeof import("./FindingsList");
let results: ResultsModule | null = null;
export const loadResultsView = (): Promise<ResultsModule> =>
  import(/* webpackChunkName: "results" */ "./FindingsList").then((m) => (results = m));

function useResultsView(needed: boolean): ResultsModule | null {
  const [loaded, setLoaded] = useState(results);
  useEffect(() => {
    if (needed && !loaded) loadResultsView().then(setLoaded, () => undefined);
  }, [needed, loaded]);
  return loaded ?? results;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  spacer: { flexGrow: 1 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  countButton: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  scopeHint: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  nav: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  position: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  below: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  details: { fontSize: tokens.fontSizeBase200 },
  summaryLine: { cursor: "pointer", padding: "2px 0" },
  tableList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "18px", color: tokens.colorNeutralForeground2 },
  ul: { margin: 0, padding: 0 },
  ignoredItem: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", justifyContent: "space-between", padding: "4px 0", listStyleType: "none" },
  ignoredText: { overflowWrap: "anywhere", minWidth: 0 },
  cellChip: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export interface ValidateViewProps {
  session: PaneSession;
  state: PaneState;
}

export function ValidateView({ session, state }: ValidateViewProps) {
  const s = useStyles();
  const { lang, report, filters, selectedId, busy } = state;
  const ignoredRef = useRef<HTMLDetailsElement>(null);
  const tablesRef = useRef<HTMLDetailsElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);

  const groups = session.groups();
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed]);
  const order = useMemo(() => entryOrder(groups, collapsed), [groups, collapsed]);
  const counts = useMemo(() => countBySeverity(report?.findings ?? []), [report]);
  const position = selectedId ? order.findIndex((e) => e.id === selectedId) + 1 : 0;
  const only = severityFilter(filters);

  const stageKey: Record<string, MessageKey> = {
    reading: "progress.reading",
    checking: "progress.checking",
    marking: "progress.marking",
    clearing: "progress.clearing",
  };
  const running = busy?.op === "validate";
  const others = state.others;
  const listNotice = state.notice?.place === "list" ? state.notice : null;
  const selectedShown = !!selectedId && order.some((e) => e.id === selectedId);
  const Results = useResultsView(!!report && report.findings.length > 0);

  const filterTo = (sev: Severity) => session.setFilters(only === sev ? ALL_FILTERS : { severities: [sev], categories: [] });
  const open = (el: HTMLDetailsElement | null) => {
    if (!el) return;
    el.open = true;
    el.scrollIntoView?.({ block: "nearest" });
    el.querySelector<HTMLElement>("summary")?.focus();
  };

  return (
    <div className={s.root}>
      <div className={s.toolbar} role="toolbar" aria-label={t(lang, "toolbar.label")}>
        <Menu
          open={menuOpen}
          onOpenChange={(_e, d) => setMenuOpen(d.open)}
          checkedValues={{ scope: [state.scope] }}
          onCheckedValueChange={(_e, d) => {
            if (d.name === "scope") session.setScope(d.checkedItems[0] === "all" ? "all" : "active");
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            {(triggerProps: MenuButtonProps) => (
              <SplitButton
                appearance="primary"
                size="small"
                disabled={!!busy}
                menuButton={{ ...triggerProps, "aria-label": t(lang, "validate.scope") } as MenuButtonProps}
                primaryActionButton={{ onClick: () => void session.validate(), "data-action": "validate" } as never}
              >
                {t(lang, state.scope === "all" ? "validate.runAll" : "validate.runActive")}
              </SplitButton>
            )}
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>{t(lang, "validate.scope")}</MenuGroupHeader>
                <MenuItemRadio name="scope" value="active" data-scope="active">
                  {t(lang, "validate.scope.active")}
                </MenuItemRadio>
                <MenuItemRadio name="scope" value="all" data-scope="all">
                  {t(lang, "validate.scope.all")}
                </MenuItemRadio>
              </MenuGroup>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button size="small" disabled={!!busy || !state.marksShown} onClick={() => void session.clearMarks()} data-action="clear">
          {t(lang, "validate.clear")}
        </Button>
        <span className={s.spacer} />
        {report && report.findings.length > 0 && (
          <Menu
            checkedValues={{ groupBy: [state.groupBy] }}
            onCheckedValueChange={(_e, d) => {
              if (d.name === "groupBy") session.setGroupBy(d.checkedItems[0] === "table" ? "table" : "severity");
            }}
          >
            <MenuTrigger disableButtonEnhancement>
              <MenuButton size="small" appearance="subtle" data-action="group-menu">
                {t(lang, "group.label")}
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItemRadio name="groupBy" value="severity" data-group="severity">
                  {t(lang, "group.severity")}
                </MenuItemRadio>
                <MenuItemRadio name="groupBy" value="table" data-group="table">
                  {t(lang, "group.table")}
                </MenuItemRadio>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>

      {running && busy && (
        <ProgressLine
          lang={lang}
          label={busy.stage ? t(lang, stageKey[busy.stage]) : ""}
          done={busy.done}
          total={busy.total}
          onCancel={busy.cancellable ? () => session.cancel() : undefined}
        />
      )}

      {busy?.op === "recheck" && (
        <div role="status" className={s.hint} data-testid="rechecking">
          {t(lang, "progress.rechecking")}
        </div>
      )}

      {state.stale && report && !busy && (
        <div role="status" className={s.hint} data-testid="stale">
          {t(lang, state.settings.autoRecheck !== false ? "validate.staleAuto" : "validate.stale")}{" "}
          <Button size="small" appearance="transparent" onClick={() => void session.validate()}>
            {t(lang, "validate.rerun")}
          </Button>
        </div>
      )}

      {!report && !running && <EmptyState title={t(lang, "validate.runActive")} body={t(lang, "validate.hint")} />}

      {report && (
        <section className={s.counts} aria-label={t(lang, "summary.label")} data-testid="summary">
          {SEVERITIES.map((sev) => (
            <ToggleButton
              key={sev}
              size="small"
              className={s.countButton}
              checked={only === sev}
              disabled={counts[sev] === 0 && only !== sev}
              icon={<SeverityIcon severity={sev} />}
              onClick={() => filterTo(sev)}
              title={t(lang, only === sev ? "filter.showAll" : "filter.only", { severity: severityName(lang, sev) })}
              data-count={sev}
              data-n={counts[sev]}
            >
              {t(lang, `summary.${sev}` as MessageKey, { n: counts[sev] })}
            </ToggleButton>
          ))}
          <Button size="small" appearance="transparent" className={s.countButton} onClick={() => open(tablesRef.current)} data-count="tables" data-n={report.tables.length}>
            {t(lang, "summary.tables", { n: report.tables.length })}
          </Button>
          {report.ignored.length > 0 && (
            <Button size="small" appearance="transparent" className={s.countButton} onClick={() => open(ignoredRef.current)} data-count="ignored" data-n={report.ignored.length}>
              {t(lang, "summary.ignored", { n: report.ignored.length })}
            </Button>
          )}
        </section>
      )}

      {report && state.scope === "active" && others && (others.tables > 0 || others.tables < 0) && (
        <div className={s.scopeHint} role="status" data-testid="scope-hint">
          <span>
            {others.tables < 0
              ? t(lang, "scope.unread", { sheets: others.sheets })
              : report.tables.length === 0
                ? t(lang, "scope.noneHere", { sheets: others.withTables, n: others.tables })
                : t(lang, "scope.moreElsewhere", { sheets: others.withTables, n: others.tables })}
          </span>
          <Button size="small" appearance="transparent" disabled={!!busy} onClick={() => void session.validateAll()} data-action="validate-all">
            {t(lang, "scope.checkAll")}
          </Button>
        </div>
      )}

      {report && report.tables.length === 0 && (
        <EmptyState title={t(lang, "empty.noTable.title")} body={t(lang, "empty.noTable.body")} tip={t(lang, "empty.noTable.tip")} testId="empty-no-table" />
      )}
      {report && report.tables.length > 0 && report.findings.length === 0 && (
        <EmptyState title={t(lang, "empty.clean.title")} body={t(lang, "empty.clean.body", { n: report.tables.length })} testId="empty-clean" />
      )}

      {listNotice && !selectedShown && <NoticeBar session={session} state={state} notice={listNotice} testId="list-notice" />}

      {report && report.findings.length > 0 && (
        <>
          <div className={s.nav}>
            <span className={s.position} aria-live="polite" data-testid="position">
              {position > 0
                ? t(lang, "nav.position", { i: position, n: order.length })
                : only
                  ? t(lang, "filter.shown", { shown: countBySeverity(report.findings)[only], total: report.findings.length })
                  : t(lang, "nav.count", { n: order.length })}
            </span>
            <Button size="small" appearance="subtle" onClick={() => void session.step(-1)} disabled={order.length === 0} aria-keyshortcuts="Shift+F8" title={`${t(lang, "nav.previous")} (Shift+F8)`} data-action="prev">
              {t(lang, "nav.previous")}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => void session.step(1)} disabled={order.length === 0} aria-keyshortcuts="F8" title={`${t(lang, "nav.next")} (F8)`} data-action="next">
              {t(lang, "nav.next")}
            </Button>
          </div>
          {Results && <Results.FindingsList session={session} state={state} groups={groups} listNotice={selectedShown ? listNotice : null} />}
        </>
      )}

      {report && (
        <div className={s.below}>
          <details className={s.details} ref={tablesRef} data-testid="tables">
            <summary className={s.summaryLine}>{t(lang, "summary.tablesList", { n: report.tables.length })}</summary>
            <ol className={s.tableList}>
              {report.tables.map((tb) => (
                <li key={tb.id}>
                  {tableName(tb)} <span>({tb.sheet}!{tb.rangeA1})</span>
                </li>
              ))}
            </ol>
            {report.tables.length > 0 && report.sheetsWithoutTables.length > 0 && (
              <div className={s.hint}>{t(lang, "summary.noTableSheets", { sheets: report.sheetsWithoutTables.join("、") })}</div>
            )}
          </details>
          <IgnoredList session={session} state={state} lang={lang} detailsRef={ignoredRef} />
          <ChangeHistory session={session} state={state} />
          <p className={s.hint}>{t(lang, "nav.keyboardHint")}</p>
        </div>
      )}
    </div>
  );
}

function ProgressLine({ lang, label, done, total, onCancel }: { lang: Lang; label: string; done: number; total: number; onCancel?: () => void }) {
  const value = total > 0 ? Math.min(1, done / total) : undefined;
  return (
    <div role="status" aria-live="polite" style={{ display: "flex", flexDirection: "column", gap: 4 }} data-testid="progress">
      <div style={{ display: "flex", alignItems: "center", gap: 8, justifyContent: "space-between" }}>
        <span>
          {label} {total > 0 ? t(lang, "progress.count", { done, total }) : ""}
        </span>
        {onCancel && (
          <Button size="small" onClick={onCancel} data-action="cancel">
            {t(lang, "validate.cancel")}
          </Button>
        )}
      </div>
      <ProgressBar value={value} thickness="large" aria-label={label} />
    </div>
  );
}

function IgnoredList({ session, state, lang, detailsRef }: { session: PaneSession; state: PaneState; lang: Lang; detailsRef: React.RefObject<HTMLDetailsElement | null> }) {
  const s = useStyles();
  const report = state.report;
  if (!report || report.ignored.length === 0) return null;
  const reasons = new Map(state.settings.ignored.map((i) => [i.key, i.reason]));
  return (
    <details className={s.details} data-testid="ignored" ref={detailsRef}>
      <summary className={s.summaryLine}>{t(lang, "ignored.title", { n: report.ignored.length })}</summary>
      <ul className={s.ul}>
        {report.ignored.map((f) => {
          const reason = reasons.get(f.key);
          return (
            <li key={findingId(f)} className={s.ignoredItem} data-ignored={f.key}>
              <span className={s.ignoredText}>
                <span className={s.cellChip}>{f.cell}</span> {f.message}
                {reason && (
                  <>
                    <br />
                    <em>{t(lang, "ignored.reason", { reason })}</em>
                  </>
                )}
              </span>
              <Button size="small" disabled={!!state.busy} onClick={() => void session.unignore(f.key)}>
                {t(lang, "finding.unignore")}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
