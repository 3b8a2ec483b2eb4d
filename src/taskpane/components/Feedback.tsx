/**
 * Notices and the progress bar, in a chunk of their own (issue 17): Fluent's MessageBar, its
 * motion and ProgressBar are not needed to draw the pane's first view. Loaded right after the
 * first paint (parts.ts).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { t } from "../i18n";
import type { PaneSession, PaneState } from "../state/session";

export { ProgressBar } from "@fluentui/react-components";
export { NoticeBar } from "./NoticeBar";

/** What saving does with the marks now shown (once per user: dismissed for good). */
export function MarkAdvice({ session, lang, settings, autoSave }: { session: PaneSession; lang: Lang; settings: PaneState["settings"]; autoSave: boolean }) {
  return (
    <MessageBar intent="info" data-testid="mark-advice">
      <MessageBarBody>{t(lang, settings.keepMarksOnSave ? "marks.adviceKeep" : autoSave ? "marks.adviceAutoSave" : "marks.adviceSaved")}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label={t(lang, "marks.adviceDismiss")}
            title={t(lang, "marks.adviceDismiss")}
            onClick={() => session.dismissMarkAdvice()}
            data-action="dismiss-advice"
          >
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
