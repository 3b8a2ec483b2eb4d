/**
 * 校验 / Validate: a compact toolbar (check, scope, clear, grouping), the counts as the severity
 * filter, a hint when other sheets hold tables, then the findings list — errors first — with the
 * tables found, the ignored problems and the change history below it. This component holds the
 * session and the report; the parts it is made of (ValidateToolbar, ResultSummary) take callbacks.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Severity } from "../../core/finding";
import { t, type MessageKey } from "../i18n";
import { entryOrder, severityFilter } from "../state/entries";
import { ALL_FILTERS, countBySeverity } from "../state/findings";
import type { PaneSession, PaneState, Stage } from "../state/session";
import { ChangeHistory } from "./ChangeHistory";
import { EmptyState } from "./EmptyState";
import { NoticeBar } from "./NoticeBar";
import { IgnoredList, ListNav, ScopeHint, SeverityCounts, TablesFound } from "./ResultSummary";
import { ProgressLine, ValidateToolbar } from "./ValidateToolbar";

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
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  below: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
});

const STAGE_KEYS: Record<Stage, MessageKey> = {
  reading: "progress.reading",
  checking: "progress.checking",
  marking: "progress.marking",
  clearing: "progress.clearing",
};

/** Open a <details> below the list (from its count above), scrolled into view, its summary focused. */
function openDetails(el: HTMLDetailsElement | null): void {
  if (!el) return;
  el.open = true;
  el.scrollIntoView?.({ block: "nearest" });
  el.querySelector<HTMLElement>("summary")?.focus();
}

export interface ValidateViewProps {
  session: PaneSession;
  state: PaneState;
}

export function ValidateView({ session, state }: ValidateViewProps) {
  const s = useStyles();
  const { lang, report, filters, selectedId, busy, others } = state;
  const ignoredRef = useRef<HTMLDetailsElement>(null);
  const tablesRef = useRef<HTMLDetailsElement>(null);

  const groups = session.groups();
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed]);
  const order = useMemo(() => entryOrder(groups, collapsed), [groups, collapsed]);
  const counts = useMemo(() => countBySeverity(report?.findings ?? []), [report]);
  const reasons = useMemo(() => new Map(state.settings.ignored.map((i) => [i.key, i.reason])), [state.settings.ignored]);
  const position = selectedId ? order.findIndex((e) => e.id === selectedId) + 1 : 0;
  const only = severityFilter(filters);

  const running = busy?.op === "validate";
  const listNotice = state.notice?.place === "list" ? state.notice : null;
  const selectedShown = !!selectedId && order.some((e) => e.id === selectedId);
  const hasFindings = !!report && report.findings.length > 0;
  const Results = useResultsView(hasFindings);

  const filterTo = (sev: Severity) => session.setFilters(only === sev ? ALL_FILTERS : { severities: [sev], categories: [] });

  return (
    <div className={s.root}>
      <ValidateToolbar
        lang={lang}
        scope={state.scope}
        busy={!!busy}
        marksShown={state.marksShown}
        groupBy={hasFindings ? state.groupBy : null}
        onValidate={() => void session.validate()}
        onScope={(scope) => session.setScope(scope)}
        onClearMarks={() => void session.clearMarks()}
        onGroupBy={(groupBy) => session.setGroupBy(groupBy)}
      />

      {running && busy && (
        <ProgressLine
          lang={lang}
          label={busy.stage ? t(lang, STAGE_KEYS[busy.stage]) : ""}
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
        <SeverityCounts
          lang={lang}
          counts={counts}
          only={only}
          tables={report.tables.length}
          ignored={report.ignored.length}
          onFilter={filterTo}
          onShowTables={() => openDetails(tablesRef.current)}
          onShowIgnored={() => openDetails(ignoredRef.current)}
        />
      )}

      {report && state.scope === "active" && others && others.tables !== 0 && (
        <ScopeHint lang={lang} others={others} tablesHere={report.tables.length} busy={!!busy} onCheckAll={() => void session.validateAll()} />
      )}

      {report && report.tables.length === 0 && (
        <EmptyState title={t(lang, "empty.noTable.title")} body={t(lang, "empty.noTable.body")} tip={t(lang, "empty.noTable.tip")} testId="empty-no-table" />
      )}
      {report && report.tables.length > 0 && report.findings.length === 0 && (
        <EmptyState title={t(lang, "empty.clean.title")} body={t(lang, "empty.clean.body", { n: report.tables.length })} testId="empty-clean" />
      )}

      {listNotice && !selectedShown && <NoticeBar session={session} state={state} notice={listNotice} testId="list-notice" />}

      {report && hasFindings && (
        <>
          <ListNav
            lang={lang}
            position={position}
            entries={order.length}
            filtered={only ? { shown: counts[only], total: report.findings.length } : null}
            onStep={(dir) => void session.step(dir)}
          />
          {Results && <Results.FindingsList session={session} state={state} groups={groups} listNotice={selectedShown ? listNotice : null} />}
        </>
      )}

      {report && (
        <div className={s.below}>
          <TablesFound lang={lang} tables={report.tables} sheetsWithoutTables={report.sheetsWithoutTables} detailsRef={tablesRef} />
          <IgnoredList lang={lang} ignored={report.ignored} reasons={reasons} busy={!!busy} onUnignore={(key) => void session.unignore(key)} detailsRef={ignoredRef} />
          <ChangeHistory session={session} state={state} />
          <p className={s.hint}>{t(lang, "nav.keyboardHint")}</p>
        </div>
      )}
    </div>
  );
}
