/**
 * A notice with what can be done about it (undo the change it reports, delete an edited sheet
 * anyway, take an ignore back), shown where the user acted: at the top of the pane, in the list
 * beside the entry, beside the insert button or under the new-table form. Not drawn in the pane's
 * first view: the 校验 view and the pane draw it through the feedback chunk (Feedback.tsx).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t } from "../i18n";
import type { Notice, PaneSession, PaneState } from "../state/session";
import { focusAfter } from "./focus";

export interface NoticeBarProps {
  session: PaneSession;
  state: PaneState;
  notice: Notice;
  testId?: string;
}

export function NoticeBar({ session, state, notice, testId = "notice" }: NoticeBarProps) {
  const { lang, busy } = state;
  const history = notice.historyId ? state.history.find((h) => h.id === notice.historyId) : undefined;
  const undoKey = history?.kind === "fix" ? "finding.undo" : history?.kind === "insert" ? "templates.undoInsert" : "newTable.undo";
  const action = history?.kind === "fix" ? "undo-fix" : history?.kind === "insert" ? "undo-insert" : "undo-sheet";
  return (
    <MessageBar intent={notice.kind} data-testid={testId} data-notice={notice.key} layout="multiline">
      <MessageBarBody>{t(lang, notice.key, notice.params)}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t(lang, "notice.dismiss")} title={t(lang, "notice.dismiss")} onClick={() => session.dismissNotice()}>
            ×
          </Button>
        }
      >
        {history && !notice.force && !history.edited && (
          <Button size="small" disabled={!!busy} onClick={() => void session.undo(history.id).then(() => focusAfter(testId))} data-action={action}>
            {t(lang, undoKey)}
          </Button>
        )}
        {history && notice.force && (
          <Button size="small" disabled={!!busy} onClick={() => void session.undo(history.id, { force: true }).then(() => focusAfter(testId))} data-action="undo-sheet-force">
            {t(lang, "newTable.forceRemove")}
          </Button>
        )}
        {notice.unignore && (
          <Button size="small" disabled={!!busy} onClick={() => void session.undoIgnore().then(() => focusAfter(testId))} data-action="undo-ignore">
            {t(lang, "finding.undoIgnore")}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
