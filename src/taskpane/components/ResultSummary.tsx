/**
 * What the 校验 view says about a report around its list: the counts (which filter the list by
 * severity), the hint about tables on sheets left out, the position in the list with previous and
 * next, and below the list the tables found and the ignored problems. Views only: what a button
 * does comes in as a callback.
 */
import { Button, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";
import { SEVERITIES, type Finding, type Lang, type Severity } from "../../core/finding";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";
import { severityName, t, type MessageKey } from "../i18n";
import { findingId } from "../state/findings";
import type { OtherSheets } from "../state/session";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  countButton: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  scopeHint: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  nav: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  position: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  details: { fontSize: tokens.fontSizeBase200 },
  summaryLine: { cursor: "pointer", padding: "2px 0" },
  tableList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "18px", color: tokens.colorNeutralForeground2 },
  ul: { margin: 0, padding: 0 },
  ignoredItem: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", justifyContent: "space-between", padding: "4px 0", listStyleType: "none" },
  ignoredText: { overflowWrap: "anywhere", minWidth: 0 },
  cellChip: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export interface SeverityCountsProps {
  lang: Lang;
  counts: Record<Severity, number>;
  /** the severity the list is filtered to */
  only: Severity | null;
  tables: number;
  ignored: number;
  /** show only this severity (or, when it is the one shown, everything again) */
  onFilter: (severity: Severity) => void;
  onShowTables: () => void;
  onShowIgnored: () => void;
}

export function SeverityCounts({ lang, counts, only, tables, ignored, onFilter, onShowTables, onShowIgnored }: SeverityCountsProps) {
  const s = useStyles();
  return (
    <section className={s.counts} aria-label={t(lang, "summary.label")} data-testid="summary">
      {SEVERITIES.map((sev) => (
        <ToggleButton
          key={sev}
          size="small"
          className={s.countButton}
          checked={only === sev}
          disabled={counts[sev] === 0 && only !== sev}
          icon={<SeverityIcon severity={sev} />}
          onClick={() => onFilter(sev)}
          title={t(lang, only === sev ? "filter.showAll" : "filter.only", { severity: severityName(lang, sev) })}
          data-count={sev}
          data-n={counts[sev]}
        >
          {t(lang, `summary.${sev}` as MessageKey, { n: counts[sev] })}
        </ToggleButton>
      ))}
      <Button size="small" appearance="transparent" className={s.countButton} onClick={onShowTables} data-count="tables" data-n={tables}>
        {t(lang, "summary.tables", { n: tables })}
      </Button>
      {ignored > 0 && (
        <Button size="small" appearance="transparent" className={s.countButton} onClick={onShowIgnored} data-count="ignored" data-n={ignored}>
          {t(lang, "summary.ignored", { n: ignored })}
        </Button>
      )}
    </section>
  );
}

export interface ScopeHintProps {
  lang: Lang;
  others: OtherSheets;
  /** tables on the sheet just checked */
  tablesHere: number;
  busy: boolean;
  onCheckAll: () => void;
}

/** After a check of the active sheet: the other sheets hold tables too (or were too many to read). */
export function ScopeHint({ lang, others, tablesHere, busy, onCheckAll }: ScopeHintProps) {
  const s = useStyles();
  return (
    <div className={s.scopeHint} role="status" data-testid="scope-hint">
      <span>
        {others.tables < 0
          ? t(lang, "scope.unread", { sheets: others.sheets })
          : tablesHere === 0
            ? t(lang, "scope.noneHere", { sheets: others.withTables, n: others.tables })
            : t(lang, "scope.moreElsewhere", { sheets: others.withTables, n: others.tables })}
      </span>
      <Button size="small" appearance="transparent" disabled={busy} onClick={onCheckAll} data-action="validate-all">
        {t(lang, "scope.checkAll")}
      </Button>
    </div>
  );
}

export interface ListNavProps {
  lang: Lang;
  /** the selected entry's place in the list, from 1; 0 when none is selected */
  position: number;
  /** entries in the list */
  entries: number;
  /** when the list is filtered to one severity: its findings and all findings */
  filtered: { shown: number; total: number } | null;
  onStep: (dir: 1 | -1) => void;
}

export function ListNav({ lang, position, entries, filtered, onStep }: ListNavProps) {
  const s = useStyles();
  return (
    <div className={s.nav}>
      <span className={s.position} aria-live="polite" data-testid="position">
        {position > 0
          ? t(lang, "nav.position", { i: position, n: entries })
          : filtered
            ? t(lang, "filter.shown", filtered)
            : t(lang, "nav.count", { n: entries })}
      </span>
      <Button size="small" appearance="subtle" onClick={() => onStep(-1)} disabled={entries === 0} aria-keyshortcuts="Shift+F8" title={`${t(lang, "nav.previous")} (Shift+F8)`} data-action="prev">
        {t(lang, "nav.previous")}
      </Button>
      <Button size="small" appearance="subtle" onClick={() => onStep(1)} disabled={entries === 0} aria-keyshortcuts="F8" title={`${t(lang, "nav.next")} (F8)`} data-action="next">
        {t(lang, "nav.next")}
      </Button>
    </div>
  );
}

export interface TablesFoundProps {
  lang: Lang;
  tables: readonly TargetTable[];
  sheetsWithoutTables: readonly string[];
  detailsRef: Ref<HTMLDetailsElement>;
}

export function TablesFound({ lang, tables, sheetsWithoutTables, detailsRef }: TablesFoundProps) {
  const s = useStyles();
  return (
    <details className={s.details} ref={detailsRef} data-testid="tables">
      <summary className={s.summaryLine}>{t(lang, "summary.tablesList", { n: tables.length })}</summary>
      <ol className={s.tableList}>
        {tables.map((tb) => (
          <li key={tb.id}>
            {tableName(tb)} <span>({tb.sheet}!{tb.rangeA1})</span>
          </li>
        ))}
      </ol>
      {tables.length > 0 && sheetsWithoutTables.length > 0 && <div className={s.hint}>{t(lang, "summary.noTableSheets", { sheets: sheetsWithoutTables.join("、") })}</div>}
    </details>
  );
}

export interface IgnoredListProps {
  lang: Lang;
  ignored: readonly Finding[];
  /** the reason given for each ignored finding, by its key */
  reasons: ReadonlyMap<string, string | undefined>;
  busy: boolean;
  onUnignore: (key: string) => void;
  detailsRef: Ref<HTMLDetailsElement>;
}

export function IgnoredList({ lang, ignored, reasons, busy, onUnignore, detailsRef }: IgnoredListProps) {
  const s = useStyles();
  if (ignored.length === 0) return null;
  return (
    <details className={s.details} data-testid="ignored" ref={detailsRef}>
      <summary className={s.summaryLine}>{t(lang, "ignored.title", { n: ignored.length })}</summary>
      <ul className={s.ul}>
        {ignored.map((f) => {
          const reason = reasons.get(f.key);
          return (
            <li key={findingId(f)} className={s.ignoredItem} data-ignored={f.key}>
              <span className={s.ignoredText}>
                <span className={s.cellChip}>{f.cell}</span> {f.message}
                {reason && (
                  <>
                    <br />
                    <em>{t(lang, "ignored.reason", { reason })}</em>
                  </>
                )}
              </span>
              <Button size="small" disabled={busy} onClick={() => onUnignore(f.key)}>
                {t(lang, "finding.unignore")}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
