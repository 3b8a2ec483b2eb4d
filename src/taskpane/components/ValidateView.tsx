/** 校验 / Validate: run the check, see the summary, walk the findings, fix or ignore them. */
import {
  Badge,
  Button,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { SEVERITIES, type Category, type Finding, type Lang } from "../../core/finding";
import { tableName } from "../../core/readModel";
import { categoryName, severityName, t, type MessageKey } from "../i18n";
import {
  applyFilters,
  categoriesPresent,
  countBySeverity,
  displayOrder,
  findingId,
  groupFindings,
  isFiltered,
  positionOf,
  toggle,
  ALL_FILTERS,
} from "../state/findings";
import type { PaneSession, PaneState } from "../state/session";
import { EmptyState } from "./EmptyState";
import { FindingItem } from "./FindingItem";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  scope: { display: "flex", flexWrap: "wrap" },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  tables: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  tableList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "18px" },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sevToggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  nav: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  position: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  list: { margin: 0, padding: 0 },
  tableHeading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  catHeading: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    margin: `${tokens.spacingVerticalS} 0 2px`,
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  ul: { margin: 0, padding: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  ignored: { marginTop: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase200 },
  ignoredItem: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", justifyContent: "space-between", padding: "4px 0" },
  ignoredText: { overflowWrap: "anywhere" },
});

export interface ValidateViewProps {
  session: PaneSession;
  state: PaneState;
}

export function ValidateView({ session, state }: ValidateViewProps) {
  const s = useStyles();
  const { lang, report, filters, selectedId, busy } = state;
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef(false);

  const visible = useMemo(() => (report ? applyFilters(report.findings, filters) : []), [report, filters]);
  const groups = useMemo(() => (report ? groupFindings(visible, report.tables) : []), [report, visible]);
  const order = useMemo(() => displayOrder(groups), [groups]);
  const counts = useMemo(() => countBySeverity(report?.findings ?? []), [report]);
  const cats = useMemo(() => categoriesPresent(report?.findings ?? []), [report]);
  const position = positionOf(order, selectedId);
  const firstId = order[0] ? findingId(order[0]) : undefined;
  const tabbableId = position > 0 ? selectedId : firstId;

  // move focus with the selection when the keyboard moved it
  useEffect(() => {
    if (!focusNext.current || !selectedId) return;
    focusNext.current = false;
    const el = refs.current.get(selectedId);
    el?.focus();
    el?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  const move = (dir: 1 | -1) => {
    focusNext.current = true;
    void session.step(dir);
  };

  const onListKey = (e: KeyboardEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest("input, textarea, form")) return;
    const k = e.key;
    if (k === "ArrowDown" || k === "j" || k === "J") {
      e.preventDefault();
      move(1);
    } else if (k === "ArrowUp" || k === "k" || k === "K") {
      e.preventDefault();
      move(-1);
    } else if ((k === "Home" || k === "End") && order.length > 0) {
      e.preventDefault();
      focusNext.current = true;
      void session.select(order[k === "Home" ? 0 : order.length - 1]);
    }
  };

  const stageKey: Record<string, MessageKey> = {
    reading: "progress.reading",
    checking: "progress.checking",
    marking: "progress.marking",
    clearing: "progress.clearing",
  };
  const running = busy?.op === "validate";

  return (
    <div className={s.root}>
      <div className={s.toolbar}>
        <Button appearance="primary" disabled={!!busy} onClick={() => void session.validate()} data-action="validate">
          {report ? t(lang, "validate.rerun") : t(lang, "validate.run")}
        </Button>
        <Button disabled={!!busy || !state.marksShown} onClick={() => void session.clearMarks()} data-action="clear">
          {t(lang, "validate.clear")}
        </Button>
        {state.fixes.length > 0 && (
          <Button appearance="subtle" disabled={!!busy} onClick={() => void session.undoFix()} data-action="undo-fix-toolbar">
            {t(lang, "finding.undoCount", { n: state.fixes.length })}
          </Button>
        )}
      </div>
      <RadioGroup
        className={s.scope}
        layout="horizontal"
        aria-label={t(lang, "validate.scope")}
        value={state.scope}
        onChange={(_e, d) => session.setScope(d.value === "active" ? "active" : "all")}
        disabled={!!busy}
      >
        <Radio value="active" label={t(lang, "validate.scope.active")} />
        <Radio value="all" label={t(lang, "validate.scope.all")} />
      </RadioGroup>

      {running && busy && (
        <ProgressLine
          lang={lang}
          label={busy.stage ? t(lang, stageKey[busy.stage]) : ""}
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

      {!report && !running && <EmptyState title={t(lang, "validate.run")} body={t(lang, "validate.hint")} />}

      {report && (
        <section className={s.summary} aria-label={t(lang, "summary.label")} data-testid="summary">
          <div className={s.badges}>
            <Badge appearance="tint" color="danger" data-count="error" data-n={counts.error}>
              {t(lang, "summary.errors", { n: counts.error })}
            </Badge>
            <Badge appearance="tint" color="warning" data-count="warning" data-n={counts.warning}>
              {t(lang, "summary.warnings", { n: counts.warning })}
            </Badge>
            <Badge appearance="tint" color="informative" data-count="info" data-n={counts.info}>
              {t(lang, "summary.infos", { n: counts.info })}
            </Badge>
            {report.ignored.length > 0 && (
              <Badge appearance="outline" color="subtle" data-count="ignored" data-n={report.ignored.length}>
                {t(lang, "summary.ignored", { n: report.ignored.length })}
              </Badge>
            )}
          </div>
          <details className={s.tables}>
            <summary data-count="tables" data-n={report.tables.length}>
              {t(lang, "summary.tables", { n: report.tables.length })}
            </summary>
            <ol className={s.tableList}>
              {report.tables.map((tb) => (
                <li key={tb.id}>
                  {tableName(tb)} <span>({tb.sheet}!{tb.rangeA1})</span>
                </li>
              ))}
            </ol>
          </details>
          {report.tables.length > 0 && report.sheetsWithoutTables.length > 0 && (
            <div className={s.tables}>{t(lang, "summary.noTableSheets", { sheets: report.sheetsWithoutTables.join("、") })}</div>
          )}
        </section>
      )}

      {report && report.tables.length === 0 && (
        <EmptyState title={t(lang, "empty.noTable.title")} body={t(lang, "empty.noTable.body")} tip={t(lang, "empty.noTable.tip")} testId="empty-no-table" />
      )}
      {report && report.tables.length > 0 && report.findings.length === 0 && (
        <EmptyState title={t(lang, "empty.clean.title")} body={t(lang, "empty.clean.body", { n: report.tables.length })} testId="empty-clean" />
      )}

      {report && report.findings.length > 0 && (
        <>
          <fieldset className={s.filters} style={{ border: "none", padding: 0, margin: 0 }}>
            <legend className={s.hint}>{t(lang, "filter.label")}</legend>
            <div className={s.sevToggles} role="group" aria-label={t(lang, "filter.severity")}>
              {SEVERITIES.map((sev) => (
                <ToggleButton
                  key={sev}
                  size="small"
                  checked={filters.severities.includes(sev)}
                  icon={<SeverityIcon severity={sev} />}
                  onClick={() => session.setFilters({ ...filters, severities: toggle(filters.severities, sev) })}
                  data-filter={sev}
                >
                  {severityName(lang, sev)} {counts[sev]}
                </ToggleButton>
              ))}
            </div>
            <Field label={t(lang, "filter.category")} size="small">
              <Select
                size="small"
                value={filters.categories[0] ?? ""}
                onChange={(_e, d) => session.setFilters({ ...filters, categories: d.value ? [d.value as Category] : [] })}
              >
                <option value="">{t(lang, "filter.allCategories")}</option>
                {cats.map((c) => (
                  <option key={c.category} value={c.category}>
                    {categoryName(lang, c.category)} ({c.count})
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>

          <div className={s.nav}>
            <Button size="small" onClick={() => move(-1)} disabled={order.length === 0} aria-keyshortcuts="Shift+F8" data-action="prev">
              {t(lang, "nav.previous")}
            </Button>
            <Button size="small" onClick={() => move(1)} disabled={order.length === 0} aria-keyshortcuts="F8" data-action="next">
              {t(lang, "nav.next")}
            </Button>
            <span className={s.position} aria-live="polite">
              {position > 0 ? t(lang, "nav.position", { i: position, n: order.length }) : t(lang, "filter.shown", { shown: order.length, total: report.findings.length })}
            </span>
          </div>
          <p className={s.hint}>{t(lang, "nav.keyboardHint")}</p>

          {order.length === 0 && (
            <div>
              <p>{t(lang, "empty.filtered")}</p>
              <Button size="small" onClick={() => session.setFilters(ALL_FILTERS)} disabled={!isFiltered(filters)}>
                {t(lang, "filter.reset")}
              </Button>
            </div>
          )}

          <div className={s.list} aria-label={t(lang, "list.label")} role="region" onKeyDown={onListKey} data-testid="findings">
            {groups.map((g) => (
              <section key={g.table ?? `sheet:${g.sheet}`} aria-label={g.name}>
                <h3 className={s.tableHeading}>
                  <span>{g.name}</span>
                  <span className={s.count}>{t(lang, "list.count", { n: g.count })}</span>
                </h3>
                {g.categories.map((c) => (
                  <div key={c.category}>
                    <h4 className={s.catHeading}>
                      <SeverityIcon severity={c.severity} />
                      {categoryName(lang, c.category)}
                      <span className={s.count}>({c.findings.length})</span>
                    </h4>
                    <ul className={s.ul}>
                      {c.findings.map((f: Finding) => {
                        const id = findingId(f);
                        return (
                          <FindingItem
                            key={id}
                            id={`finding-${cssId(id)}`}
                            ref={(el) => {
                              if (el) refs.current.set(id, el);
                              else refs.current.delete(id);
                            }}
                            finding={f}
                            lang={lang}
                            selected={id === selectedId}
                            tabbable={id === tabbableId}
                            disabled={!!busy}
                            onSelect={(x) => void session.select(x)}
                            onFix={(x) => void session.applyFix(x)}
                            onIgnore={(x, reason) => void session.ignore(x, reason)}
                          />
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </section>
            ))}
          </div>
        </>
      )}

      {report && <IgnoredList session={session} state={state} lang={lang} />}
    </div>
  );
}

/** A stable, attribute-safe id for a finding. */
function cssId(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

function ProgressLine({ lang, label, done, total, onCancel }: { lang: Lang; label: string; done: number; total: number; onCancel?: () => void }) {
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

function IgnoredList({ session, state, lang }: { session: PaneSession; state: PaneState; lang: Lang }) {
  const s = useStyles();
  const report = state.report;
  if (!report || report.ignored.length === 0) return null;
  const reasons = new Map(state.settings.ignored.map((i) => [i.key, i.reason]));
  return (
    <details className={s.ignored} data-testid="ignored">
      <summary>{t(lang, "ignored.title", { n: report.ignored.length })}</summary>
      <ul className={s.ul}>
        {report.ignored.map((f) => {
          const reason = reasons.get(f.key);
          return (
            <li key={findingId(f)} className={s.ignoredItem} style={{ listStyleType: "none" }} data-ignored={f.key}>
              <span className={s.ignoredText}>
                <strong>{f.cell}</strong> {f.message}
                {reason && (
                  <>
                    <br />
                    <em>{t(lang, "ignored.reason", { reason })}</em>
                  </>
                )}
              </span>
              <Button size="small" disabled={!!state.busy} onClick={() => void session.unignore(f.key)}>
                {t(lang, "finding.unignore")}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
