/**
 * The 校验 view's toolbar — check (with the scope in its split menu), clear the marks, grouping —
 * and the progress line of a running check. Views only: what a button does comes in as a callback.
 */
import { Button, MenuButton, SplitButton, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/finding";
import { t } from "../i18nFirst";
import type { GroupBy } from "../state/entries";
import type { Scope } from "../state/session";
import { useLazyPart } from "./lazyPart";
import { feedbackPart, menusPart } from "./parts";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  spacer: { flexGrow: 1 },
});

export interface ValidateToolbarProps {
  lang: Lang;
  scope: Scope;
  /** an operation is running: nothing can be started */
  busy: boolean;
  marksShown: boolean;
  /** the grouping menu, when there are findings to group */
  groupBy: GroupBy | null;
  onValidate: () => void;
  onScope: (scope: Scope) => void;
  onClearMarks: () => void;
  onGroupBy: (groupBy: GroupBy) => void;
}

export function ValidateToolbar({ lang, scope, busy, marksShown, groupBy, onValidate, onScope, onClearMarks, onGroupBy }: ValidateToolbarProps) {
  const s = useStyles();
  const [menuOpen, setMenuOpen] = useState(false);
  const m = useLazyPart(menusPart);
  const label = t(lang, scope === "all" ? "validate.runAll" : "validate.runActive");
  return (
    <div className={s.toolbar} role="toolbar" aria-label={t(lang, "toolbar.label")}>
      {m ? (
        <m.ScopeSplitButton lang={lang} scope={scope} busy={busy} open={menuOpen} onOpenChange={setMenuOpen} onValidate={onValidate} onScope={onScope} />
      ) : (
        // the same button until its menu is here; asked for before, the menu opens when it arrives
        <SplitButton
          appearance="primary"
          size="small"
          disabled={busy}
          menuButton={{ "aria-label": t(lang, "validate.scope"), "aria-haspopup": "menu", "aria-expanded": false, onClick: () => setMenuOpen(true) }}
          primaryActionButton={{ onClick: onValidate, "data-action": "validate" } as never}
        >
          {label}
        </SplitButton>
      )}
      <Button size="small" disabled={busy || !marksShown} onClick={onClearMarks} data-action="clear">
        {t(lang, "validate.clear")}
      </Button>
      <span className={s.spacer} />
      {groupBy &&
        (m ? (
          <m.GroupMenu lang={lang} groupBy={groupBy} onGroupBy={onGroupBy} />
        ) : (
          <MenuButton size="small" appearance="subtle" data-action="group-menu" aria-haspopup="menu" aria-expanded={false}>
            {t(lang, "group.label")}
          </MenuButton>
        ))}
    </div>
  );
}

export interface ProgressLineProps {
  lang: Lang;
  label: string;
  done: number;
  total: number;
  /** offered while the operation can be cancelled */
  onCancel?: () => void;
}

export function ProgressLine({ lang, label, done, total, onCancel }: ProgressLineProps) {
  // the bar comes with the feedback part (loaded after the first paint); its height is kept meanwhile
  const feedback = useLazyPart(feedbackPart);
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
      {feedback ? <feedback.ProgressBar value={value} thickness="large" aria-label={label} /> : <div style={{ height: 4 }} />}
    </div>
  );
}
