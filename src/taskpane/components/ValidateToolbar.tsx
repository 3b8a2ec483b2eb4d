/**
 * The 校验 view's toolbar — check (with the scope in its split menu), clear the marks, grouping —
 * and the progress line of a running check. Views only: what a button does comes in as a callback.
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
  makeStyles,
  tokens,
  type MenuButtonProps,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/finding";
import { t } from "../i18n";
import type { GroupBy } from "../state/entries";
import type { Scope } from "../state/session";

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
  return (
    <div className={s.toolbar} role="toolbar" aria-label={t(lang, "toolbar.label")}>
      <Menu
        open={menuOpen}
        onOpenChange={(_e, d) => setMenuOpen(d.open)}
        checkedValues={{ scope: [scope] }}
        onCheckedValueChange={(_e, d) => {
          if (d.name === "scope") onScope(d.checkedItems[0] === "all" ? "all" : "active");
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          {(triggerProps: MenuButtonProps) => (
            <SplitButton
              appearance="primary"
              size="small"
              disabled={busy}
              menuButton={{ ...triggerProps, "aria-label": t(lang, "validate.scope") } as MenuButtonProps}
              primaryActionButton={{ onClick: onValidate, "data-action": "validate" } as never}
            >
              {t(lang, scope === "all" ? "validate.runAll" : "validate.runActive")}
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
      <Button size="small" disabled={busy || !marksShown} onClick={onClearMarks} data-action="clear">
        {t(lang, "validate.clear")}
      </Button>
      <span className={s.spacer} />
      {groupBy && (
        <Menu
          checkedValues={{ groupBy: [groupBy] }}
          onCheckedValueChange={(_e, d) => {
            if (d.name === "groupBy") onGroupBy(d.checkedItems[0] === "table" ? "table" : "severity");
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
