/**
 * The 校验 toolbar's two menus — the check's scope (the split button's menu) and the grouping —
 * in a chunk of their own (issue 17): Fluent's menus and their positioning are not needed to draw
 * the pane's first view. ValidateToolbar draws the same buttons without their menus until this
 * arrives (it is loaded right after the first paint) and opens the scope menu once it is here if
 * it was asked for before.
 */
import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SplitButton,
  type MenuButtonProps,
} from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { t } from "../i18n";
import type { GroupBy } from "../state/entries";
import type { Scope } from "../state/session";

export interface ScopeSplitButtonProps {
  lang: Lang;
  scope: Scope;
  busy: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onValidate: () => void;
  onScope: (scope: Scope) => void;
}

/** 校验本表 / 校验全部 with the scope in its menu. */
export function ScopeSplitButton({ lang, scope, busy, open, onOpenChange, onValidate, onScope }: ScopeSplitButtonProps) {
  return (
    <Menu
      open={open}
      onOpenChange={(_e, d) => onOpenChange(d.open)}
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
  );
}

export interface GroupMenuProps {
  lang: Lang;
  groupBy: GroupBy;
  onGroupBy: (groupBy: GroupBy) => void;
}

/** 分组: by severity or by table. */
export function GroupMenu({ lang, groupBy, onGroupBy }: GroupMenuProps) {
  return (
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
  );
}
