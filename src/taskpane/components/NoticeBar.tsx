/**
 * A notice with what can be done about it (undo the change it reports, delete an edited sheet
 * anyway, take an ignore back), shown where the user acted: at the top of the pane, in the list
 * beside the entry, beside the insert button or under the new-table form.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t } from "../i18n";
import type { Notice, PaneSession, PaneState } from "../state/session";

export interface NoticeBarProps {
  session: PaneSession;
  state: PaneState;
  notice: Notice;
  testId?: string;
}

/** Focus the selected entry's card (after F8, after a fix or an ignore), once React has drawn it. */
export function focusSelectedEntry(): void {
  const go = () => {
    const el = document.querySelector<HTMLElement>('[data-testid="findings"] [data-entry-card][aria-current="true"]');
    if (!el) return false;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: "nearest" });
    return true;
  };
  if (!go()) requestAnimationFrame(() => void go());
}

/**
 * After an action from a notice (its button goes with it): the focus stays where the user works —
 * on the selected entry for the list, else on the notice that replaced it in the same place.
 */
export function focusAfter(testId: string): void {
  requestAnimationFrame(() => {
    if (testId === "list-notice") return focusSelectedEntry();
    // its undo when it offers one, else its first button
    const box = `[data-testid="${testId}"]`;
    const el = document.querySelector<HTMLElement>(`${box} [data-action^="undo"]`) ?? document.querySelector<HTMLElement>(`${box} button`);
    if (el) el.focus();
    else focusSelectedEntry();
  });
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
