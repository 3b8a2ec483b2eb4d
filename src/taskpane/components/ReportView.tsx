/**
 * The 校验 view below its toolbar once there is a report: the counts (the severity filter), the
 * hint about tables on other sheets, the empty results, the position in the list and the findings
 * list, then the tables found, the ignored problems and the change history. A chunk of its own
 * (issue 17: nothing the first paint does not draw is loaded before it): loaded with the engine
 * right after the first paint, drawn in the same render as the report (see ValidateView).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef } from "react";
import type { Severity } from "../../core/finding";
import type { Report } from "../../core/engine";
import { t } from "../i18n";
import { entryOrder, severityFilter } from "../state/entries";
import { ALL_FILTERS, countBySeverity } from "../state/findings";
import type { Notice, PaneSession, PaneState } from "../state/session";
import { ChangeHistory } from "./ChangeHistory";
import { EmptyState } from "./EmptyState";
import { FindingsList } from "./FindingsList";
import { NoticeBar } from "./NoticeBar";
import { IgnoredList, ListNav, ScopeHint, SeverityCounts, TablesFound } from "./ResultSummary";

const useStyles = makeStyles({
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  below: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
});

/** Open a <details> below the list (from its count above), scrolled into view, its summary focused. */
function openDetails(el: HTMLDetailsElement | null): void {
  if (!el) return;
  el.open = true;
  el.scrollIntoView?.({ block: "nearest" });
  el.querySelector<HTMLElement>("summary")?.focus();
}

export interface ReportViewProps {
  session: PaneSession;
  state: PaneState;
  report: Report;
  /** a notice placed in the list (it shows beside the selected entry when that is in the list) */
  listNotice: Notice | null;
}

export function ReportView({ session, state, report, listNotice }: ReportViewProps) {
  const s = useStyles();
  const { lang, filters, selectedId, busy, others } = state;
  const ignoredRef = useRef<HTMLDetailsElement>(null);
  const tablesRef = useRef<HTMLDetailsElement>(null);

  const groups = session.groups();
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed]);
  const order = useMemo(() => entryOrder(groups, collapsed), [groups, collapsed]);
  const counts = useMemo(() => countBySeverity(report.findings), [report]);
  const reasons = useMemo(() => new Map(state.settings.ignored.map((i) => [i.key, i.reason])), [state.settings.ignored]);
  const position = selectedId ? order.findIndex((e) => e.id === selectedId) + 1 : 0;
  const only = severityFilter(filters);
  const selectedShown = !!selectedId && order.some((e) => e.id === selectedId);
  const hasFindings = report.findings.length > 0;

  const filterTo = (sev: Severity) => session.setFilters(only === sev ? ALL_FILTERS : { severities: [sev], categories: [] });

  return (
    <>
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

      {state.scope === "active" && others && others.tables !== 0 && (
        <ScopeHint lang={lang} others={others} tablesHere={report.tables.length} busy={!!busy} onCheckAll={() => void session.validateAll()} />
      )}

      {report.tables.length === 0 && (
        <EmptyState title={t(lang, "empty.noTable.title")} body={t(lang, "empty.noTable.body")} tip={t(lang, "empty.noTable.tip")} testId="empty-no-table" />
      )}
      {report.tables.length > 0 && !hasFindings && (
        <EmptyState title={t(lang, "empty.clean.title")} body={t(lang, "empty.clean.body", { n: report.tables.length })} testId="empty-clean" />
      )}

      {listNotice && !selectedShown && <NoticeBar session={session} state={state} notice={listNotice} testId="list-notice" />}

      {hasFindings && (
        <>
          <ListNav
            lang={lang}
            position={position}
            entries={order.length}
            filtered={only ? { shown: counts[only], total: report.findings.length } : null}
            onStep={(dir) => void session.step(dir)}
          />
          <FindingsList session={session} state={state} groups={groups} listNotice={selectedShown ? listNotice : null} />
        </>
      )}

      <div className={s.below}>
        <TablesFound lang={lang} tables={report.tables} sheetsWithoutTables={report.sheetsWithoutTables} detailsRef={tablesRef} />
        <IgnoredList lang={lang} ignored={report.ignored} reasons={reasons} busy={!!busy} onUnignore={(key) => void session.unignore(key)} detailsRef={ignoredRef} />
        <ChangeHistory session={session} state={state} />
        <p className={s.hint}>{t(lang, "nav.keyboardHint")}</p>
      </div>
    </>
  );
}
