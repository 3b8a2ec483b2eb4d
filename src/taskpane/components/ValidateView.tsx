/**
 * 校验 / Validate: a compact toolbar (check, scope, clear, grouping), the counts as the severity
 * filter, a hint when other sheets hold tables, then the findings list — errors first — with the
 * tables found, the ignored problems and the change history below it. This component holds the
 * session; the toolbar (ValidateToolbar) takes callbacks, the report is drawn by ReportView.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { t, type FirstKey } from "../i18nFirst";
import type { PaneSession, PaneState, Stage } from "../state/session";
import { EmptyState } from "./EmptyState";
import { useLazyPart } from "./lazyPart";
import { feedbackPart, resultsPart } from "./parts";
import { ProgressLine, ValidateToolbar } from "./ValidateToolbar";

// what is drawn once there is a report (counts, list, tables, ignored, changes) is the results
// part (ReportView), loaded with the engine after the first paint and drawn in the same render as
// the report once here; notices and the progress bar are the feedback part (parts.ts)

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

const STAGE_KEYS: Record<Stage, FirstKey> = {
  reading: "progress.reading",
  checking: "progress.checking",
  marking: "progress.marking",
  clearing: "progress.clearing",
};

export interface ValidateViewProps {
  session: PaneSession;
  state: PaneState;
}

export function ValidateView({ session, state }: ValidateViewProps) {
  const s = useStyles();
  const { lang, report, busy } = state;

  const running = busy?.op === "validate";
  const listNotice = state.notice?.place === "list" ? state.notice : null;
  const hasFindings = !!report && report.findings.length > 0;
  const results = useLazyPart(resultsPart, !!report);
  const feedback = useLazyPart(feedbackPart, !report && !!listNotice);

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

      {!report && listNotice && feedback && <feedback.NoticeBar session={session} state={state} notice={listNotice} testId="list-notice" />}

      {report && results && <results.ReportView session={session} state={state} report={report} listNotice={listNotice} />}
    </div>
  );
}
