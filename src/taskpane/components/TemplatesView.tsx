/** 指标库 / Templates: search or get recommendations, preview the rows, insert them into a table. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  SearchBox,
  Select,
  Spinner,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import type { TargetTable } from "../../core/model";
import type { Template } from "../../core/library/schema";
import { t } from "../i18n";
import { tableName } from "../../core/readModel";
import { tableLabels } from "../state/findings";
import { effectiveLibrary, groupBy, targetText, type LibraryModule } from "../state/library";
import { targetTable, type PaneSession, type PaneState } from "../state/session";
import { EmptyState } from "./EmptyState";
import { focusAfter, NoticeBar } from "./NoticeBar";
import { NewTableForm } from "./NewTableForm";
import { UserLibrary } from "./UserLibrary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  types: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  level: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 2px` },
  ul: { margin: 0, padding: 0 },
  item: { listStyleType: "none", padding: `2px 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  itemHead: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalXS },
  check: { flexGrow: 1, minWidth: 0 },
  target: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  details: { fontSize: tokens.fontSizeBase200, margin: `0 0 ${tokens.spacingVerticalXS} 32px`, color: tokens.colorNeutralForeground2 },
  plan: {
    position: "sticky",
    bottom: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    boxShadow: tokens.shadow4,
  },
  planRows: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, maxHeight: "160px", overflowY: "auto" },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  targetBox: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  targetLine: { margin: 0, overflowWrap: "anywhere", display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  search: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  // a small label with the text's own colours (Fluent's subtle outline badge is white on white in the light theme)
  tag: {
    display: "inline-block",
    fontSize: tokens.fontSizeBase100,
    lineHeight: "16px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
  tools: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { paddingBottom: tokens.spacingVerticalS },
});

export interface TemplatesViewProps {
  session: PaneSession;
  state: PaneState;
  /** loads the library chunk (lazy) */
  load: () => Promise<LibraryModule>;
  /** the view is the one shown (it stays mounted, hidden, to keep what the user typed) */
  active?: boolean;
}

export function TemplatesView({ session, state, load, active = true }: TemplatesViewProps) {
  const s = useStyles();
  const { lang, report, busy } = state;
  const [lib, setLib] = useState<LibraryModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [typeFilter, setTypeFilter] = useState<string | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [focusTpl, setFocusTpl] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    load().then(
      (m) => alive && setLib(m),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [load]);

  const tables = useMemo(() => report?.tables ?? [], [report]);
  // the table under the active cell, else the active sheet's (or the one the user picked)
  const target = useMemo(
    () => targetTable(tables, { pickedTable: state.pickedTable, activeCell: state.activeCell, activeSheet: state.activeSheet }),
    [tables, state.pickedTable, state.activeCell, state.activeSheet],
  );
  const table: TargetTable | undefined = target?.table;
  const [picking, setPicking] = useState(false);
  // another table: what was ticked was for the one before
  useEffect(() => {
    setChecked([]);
    setTypeFilter(null);
  }, [table?.id]);
  const labels = useMemo(() => tableLabels(tables), [tables]);
  const stored = state.settings.userLibrary;
  const effective = useMemo(() => (lib ? effectiveLibrary(lib, stored) : null), [lib, stored]);
  const library = effective?.library;

  const rec = useMemo(() => (lib && library && table ? lib.recommendForTable(table, library, { typeCount: 3 }) : null), [lib, library, table]);
  const list: Template[] = useMemo(() => {
    if (!lib || !library) return [];
    if (query.trim()) return lib.searchTemplates(query, library, { framework: table?.framework.id, limit: 60 });
    if (!rec) return [];
    const ts = rec.templates.filter((x) => !typeFilter || x.template.projectTypes.includes(typeFilter));
    return ts.slice(0, 60).map((x) => x.template);
  }, [lib, library, query, rec, table, typeFilter]);
  const present = useMemo(() => new Set(rec?.templates.filter((x) => x.present).map((x) => x.template.id) ?? []), [rec]);

  const chosen = useMemo(() => (library ? library.templates.filter((x) => checked.includes(x.id)) : []), [library, checked]);
  const plan = useMemo(() => (lib && table && chosen.length > 0 ? lib.planInsertion(table, chosen) : null), [lib, table, chosen]);

  if (error) return <EmptyState title={t(lang, "templates.title")} body={t(lang, "error.generic", { message: error })} />;
  if (!lib || !library || !effective)
    return (
      <div className={s.root}>
        <Spinner size="small" label={t(lang, "templates.loading")} />
      </div>
    );

  const typeName = (id: string) => {
    const ty = library.types.find((x) => x.id === id);
    return ty ? (lang === "zh" ? ty.zh : ty.en) : id;
  };
  const groups = groupBy(list, (x) => `${x.level1} / ${x.level2}`);
  const tabbableTpl = focusTpl && list.some((x) => x.id === focusTpl) ? focusTpl : list[0]?.id;
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const k = e.key;
    if (k !== "ArrowDown" && k !== "ArrowUp" && k !== "Home" && k !== "End") return;
    const boxes = Array.from(e.currentTarget.querySelectorAll<HTMLInputElement>("input[data-template-check]"));
    const i = boxes.findIndex((b) => b.closest("li") === (e.target as HTMLElement).closest("li"));
    if (i < 0) return;
    e.preventDefault();
    const next = k === "Home" ? 0 : k === "End" ? boxes.length - 1 : Math.max(0, Math.min(boxes.length - 1, i + (k === "ArrowDown" ? 1 : -1)));
    boxes[next]?.focus();
  };

  const insert = async () => {
    if (!plan || plan.requests.length === 0) return;
    const done = await session.insertRows(plan.requests);
    if (done) {
      setChecked([]);
      // the insert button goes with the plan: the focus moves to the result and its Undo
      focusAfter("insert-notice");
    }
  };
  const insertNotice = active && state.notice?.place === "insert" ? state.notice : null;
  const activeSheet = state.activeCell?.sheet ?? state.activeSheet ?? "";
  const byKey = target?.by === "cell" ? "templates.targetByCell" : target?.by === "picked" ? "templates.targetPicked" : "templates.targetBySheet";

  return (
    <div className={s.root}>
      <Accordion className={s.tools} collapsible multiple defaultOpenItems={tables.length === 0 ? ["new-table"] : []}>
        <AccordionItem value="new-table">
          <AccordionHeader size="small" data-section="new-table">
            {t(lang, "newTable.title")}
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <NewTableForm session={session} state={state} lib={lib} library={library} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="user-library">
          <AccordionHeader size="small" data-section="user-library">
            {t(lang, "library.title")}
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <UserLibrary session={session} state={state} lib={lib} effective={effective} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {tables.length === 0 ? (
        <p className={s.hint} data-testid="templates-no-table">
          {t(lang, "templates.noTables")}
        </p>
      ) : (
        <section className={s.targetBox} aria-label={t(lang, "templates.table")} data-testid="insert-target" data-table={table?.id ?? ""}>
          {table ? (
            <p className={s.targetLine}>
              <strong>{t(lang, "templates.insertTarget", { name: labels.get(table.id) ?? tableName(table), where: `${table.sheet}!${table.rangeA1}` })}</strong>{" "}
              <span className={s.hint}>{t(lang, byKey)}</span>
              {table.kind === "target" && (
                <Button size="small" appearance="secondary" disabled={!!busy} title={t(lang, "selfEval.help")} onClick={() => void session.createSelfEvaluation(table)} data-action="new-self-evaluation">
                  {t(lang, "selfEval.create")}
                </Button>
              )}
            </p>
          ) : (
            <div className={s.targetLine} data-testid="templates-no-table-here">
              <p className={s.hint}>{t(lang, "templates.noTableHere", { sheet: activeSheet })}</p>
              <Button size="small" disabled={!!busy} onClick={() => void (async () => {
                session.setScope("active");
                await session.validate();
              })()} data-action="validate-here">
                {t(lang, "templates.checkHere")}
              </Button>
            </div>
          )}
          {picking || !table ? (
            <Field label={t(lang, "templates.table")} size="small">
              <Select
                size="small"
                value={table?.id ?? ""}
                data-field="target-table"
                onChange={(_e, d) => {
                  session.pickTable(d.value || null);
                  setPicking(false);
                }}
              >
                {!table && <option value="">—</option>}
                {tables.map((tb) => (
                  <option key={tb.id} value={tb.id}>
                    {labels.get(tb.id) ?? tableName(tb)} ({tb.sheet}!{tb.rangeA1})
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <div className={s.row}>
              <Button size="small" appearance="transparent" onClick={() => setPicking(true)} data-action="pick-table">
                {t(lang, "templates.otherTable")}
              </Button>
              {target?.by === "picked" && (
                <Button size="small" appearance="transparent" onClick={() => session.pickTable(null)} data-action="follow-selection">
                  {t(lang, "templates.followSelection")}
                </Button>
              )}
            </div>
          )}
        </section>
      )}

      <Field label={t(lang, "templates.search")} size="small">
        <SearchBox size="small" className={s.search} value={query} placeholder={t(lang, "templates.searchPlaceholder")} onChange={(_e, d) => setQuery(d.value)} />
      </Field>

      {!query.trim() && rec && table && (
        <div>
          <p className={s.hint}>{t(lang, "templates.recommended", { project: tableName(table) })}</p>
          <div className={s.types} role="group" aria-label={t(lang, "templates.types")}>
            {rec.types.slice(0, 3).map((ty) => (
              <ToggleButton
                key={ty.type.id}
                size="small"
                checked={typeFilter === ty.type.id}
                onClick={() => setTypeFilter(typeFilter === ty.type.id ? null : ty.type.id)}
                data-type={ty.type.id}
              >
                {lang === "zh" ? ty.type.zh : ty.type.en}
              </ToggleButton>
            ))}
          </div>
        </div>
      )}

      <p className={s.hint} aria-live="polite">
        {list.length > 0 ? t(lang, "templates.results", { n: list.length }) : query.trim() || table ? t(lang, "templates.none") : ""}
      </p>

      <div data-testid="templates" role="group" aria-label={t(lang, "templates.listLabel")} title={t(lang, "templates.keyboardHint")} onKeyDown={onListKey}>
        {groups.map((g) => (
          <section key={g.key} aria-label={g.key}>
            <h3 className={s.level}>{g.key}</h3>
            <ul className={s.ul}>
              {g.items.map((x) => (
                <li key={x.id} className={s.item} data-template={x.id}>
                  <div className={s.itemHead}>
                    <Checkbox
                      className={s.check}
                      // the list is one Tab stop: ↑/↓ move between templates, Space ticks
                      tabIndex={x.id === tabbableTpl ? 0 : -1}
                      onFocus={() => setFocusTpl(x.id)}
                      data-template-check={x.id}
                      checked={checked.includes(x.id)}
                      onChange={(_e, d) => setChecked(d.checked ? [...checked, x.id] : checked.filter((id) => id !== x.id))}
                      label={
                        <span>
                          {x.name} <span className={s.target}>{targetText(lib, x, table)}</span>{" "}
                          {effective.userIds.has(x.id) && <span className={s.tag}>{t(lang, "library.custom")}</span>}{" "}
                          {present.has(x.id) && <span className={s.tag}>{t(lang, "templates.present")}</span>}
                        </span>
                      }
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-expanded={open === x.id}
                      tabIndex={x.id === tabbableTpl ? 0 : -1}
                      onClick={() => setOpen(open === x.id ? null : x.id)}
                      aria-label={`${t(lang, "templates.preview")}: ${x.name}`}
                    >
                      {t(lang, "templates.preview")}
                    </Button>
                  </div>
                  {open === x.id && (
                    <div className={s.details}>
                      <div>{x.description}</div>
                      <div>{t(lang, "templates.basis", { basis: x.basis })}</div>
                      {x.note && <div>{t(lang, "templates.note", { note: x.note })}</div>}
                      <div>{x.projectTypes.map(typeName).join("、")}</div>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {insertNotice && !(plan && table) && (
        <div className={s.plan}>
          <NoticeBar session={session} state={state} notice={insertNotice} testId="insert-notice" />
        </div>
      )}
      {plan && table && (
        <section className={s.plan} aria-label={t(lang, "templates.preview")} data-testid="insert-plan">
          {insertNotice && <NoticeBar session={session} state={state} notice={insertNotice} testId="insert-notice" />}
          <ol className={s.planRows}>
            {plan.rows.map((r) => (
              <li key={r.template.id} value={r.row}>
                {r.template.name} — {r.value.text ?? r.value.hint ?? ""}
              </li>
            ))}
          </ol>
          {plan.skipped.map((k) => (
            <p key={k.template.id} className={s.hint}>
              {k.message[lang]}
            </p>
          ))}
          {plan.notes.map((n, i) => (
            <p key={i} className={s.hint}>
              {n[lang]}
            </p>
          ))}
          <Button appearance="primary" disabled={!!busy || plan.requests.length === 0} onClick={() => void insert()} data-action="insert">
            {t(lang, "templates.insert")} ({plan.rows.length})
          </Button>
        </section>
      )}
    </div>
  );
}
