/** One finding in the list: where, what, and what the user can do about it. */
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { forwardRef, useState } from "react";
import type { Finding, Lang } from "../../core/finding";
import { severityName, t } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    borderLeft: `3px solid transparent`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  main: {
    display: "block",
    width: "100%",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: "2px 0",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  where: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cell: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyMonospace },
  value: {
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyBase,
  },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, marginTop: "2px", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  confirm: {
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  selected: boolean;
  disabled: boolean;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
  onIgnore(f: Finding, reason: string): void;
  /** roving focus: only the selected (or first) item is in the tab order */
  tabbable: boolean;
  id: string;
}

export const FindingItem = forwardRef<HTMLButtonElement, FindingItemProps>(function FindingItem(
  { finding: f, lang, selected, disabled, onSelect, onFix, onIgnore, tabbable, id },
  ref,
) {
  const s = useStyles();
  const [mode, setMode] = useState<"none" | "confirmFix" | "ignore">("none");
  const [reason, setReason] = useState("");
  const fixLabel = f.fix ? t(lang, "finding.fix", { label: f.fix.label }) : "";
  return (
    <li className={mergeClasses(s.item, selected && s.selected)} data-finding={f.key} data-severity={f.severity} data-cell={f.cell}>
      <button
        ref={ref}
        id={id}
        type="button"
        className={s.main}
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? "true" : undefined}
        aria-label={`${severityName(lang, f.severity)} ${f.cell}: ${f.message}`}
        onClick={() => onSelect(f)}
      >
        <span className={s.where}>
          <SeverityIcon severity={f.severity} />
          <span className={s.cell}>{f.cell}</span>
          {f.indicator && <span title={t(lang, "finding.indicator")}>{f.indicator}</span>}
          {f.value !== undefined && f.value !== "" && (
            <span className={s.value} title={f.value}>
              “{f.value}”
            </span>
          )}
        </span>
        <span className={s.message} style={{ display: "block" }}>
          {f.message}
        </span>
      </button>
      {(selected || f.fix) && mode === "none" && (
        <div className={s.actions}>
          {f.fix && (
            <Button size="small" appearance="primary" disabled={disabled} onClick={() => (f.fix?.confirm ? setMode("confirmFix") : onFix(f))} data-action="fix">
              {fixLabel}
            </Button>
          )}
          {selected && (
            <Button size="small" disabled={disabled} onClick={() => setMode("ignore")} data-action="ignore">
              {t(lang, "finding.ignore")}
            </Button>
          )}
        </div>
      )}
      {mode === "confirmFix" && f.fix && (
        <div className={s.confirm} role="group" aria-label={fixLabel}>
          <span>{t(lang, "finding.fixConfirm", { cell: f.cell, label: f.fix.label })}</span>
          <div className={s.row}>
            <Button
              size="small"
              appearance="primary"
              disabled={disabled}
              data-action="confirm-fix"
              onClick={() => {
                setMode("none");
                onFix(f);
              }}
            >
              {fixLabel}
            </Button>
            <Button size="small" onClick={() => setMode("none")}>
              {t(lang, "finding.ignoreCancel")}
            </Button>
          </div>
        </div>
      )}
      {mode === "ignore" && (
        <form
          className={s.confirm}
          onSubmit={(e) => {
            e.preventDefault();
            setMode("none");
            onIgnore(f, reason);
            setReason("");
          }}
        >
          <Field label={t(lang, "finding.ignoreReason")} size="small">
            <Input size="small" data-testid="ignore-reason" value={reason} maxLength={200} onChange={(_e, d) => setReason(d.value)} autoFocus />
          </Field>
          <div className={s.row}>
            <Button size="small" appearance="primary" type="submit" disabled={disabled} data-action="confirm-ignore">
              {t(lang, "finding.ignoreConfirm")}
            </Button>
            <Button size="small" onClick={() => setMode("none")}>
              {t(lang, "finding.ignoreCancel")}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
});
