/**
 * 指标库 / Templates: search or get recommendations, preview the rows, insert them into a table.
 * This component holds the session, the library and what the user typed and ticked; its parts
 * (InsertTarget, ProjectTypes, TemplateList, InsertionPreview) take callbacks.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, SearchBox, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Template } from "../../core/library/schema";
import { t } from "../i18n";
import { tableName } from "../../core/readModel";
import { tableLabels } from "../state/findings";
import { effectiveLibrary, groupBy, loadLibrary, targetText, type LibraryModule } from "../state/library";
import { targetTable, type PaneSession, type PaneState } from "../state/session";
import { EmptyState } from "./EmptyState";
import { InsertionPreview, InsertNoticeBox, InsertTarget } from "./InsertPanel";
import { focusAfter } from "./focus";
import { NoticeBar } from "./NoticeBar";
import { NewTableForm } from "./NewTableForm";
import { ProjectTypes, TemplateList } from "./TemplateList";
import { UserLibrary } from "./UserLibrary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  search: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  tools: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { paddingBottom: tokens.spacingVerticalS },
});

export interface TemplatesViewProps {
  session: PaneSession;
  state: PaneState;
  /** loads the library chunk (lazy; loadLibrary unless tests or the playground pass their own) */
  load?: () => Promise<LibraryModule>;
  /** the view is the one shown (it stays mounted, hidden, to keep what the user typed) */
  active?: boolean;
}

/** The library chunk once loaded, or the message of its failure. */
function useLibraryModule(load: () => Promise<LibraryModule>): { lib: LibraryModule | null; error: string | null } {
  const [lib, setLib] = useState<LibraryModule | null>(null);
  const [error, setError] = useState<string | null>(null);
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
  return { lib, error };
}

export function TemplatesView({ session, state, load = loadLibrary, active = true }: TemplatesViewProps) {
  const s = useStyles();
  const { lang, report, busy } = state;
  const { lib, error } = useLibraryModule(load);
  const [query, setQuery] = useState("");
  const [typeFilter, setTypeFilter] = useState<string | null>(null);
  const [checked, setChecked] = useState<string[]>([]);

  const tables = useMemo(() => report?.tables ?? [], [report]);
  // the table under the active cell, else the active sheet's (or the one the user picked)
  const target = useMemo(
    () => targetTable(tables, { pickedTable: state.pickedTable, activeCell: state.activeCell, activeSheet: state.activeSheet }),
    [tables, state.pickedTable, state.activeCell, state.activeSheet],
  );
  const table = target?.table;
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
  const insertion = useMemo(() => (lib && table && chosen.length > 0 ? lib.planInsertion(table, chosen) : null), [lib, table, chosen]);

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
  const insert = async () => {
    if (!insertion || insertion.requests.length === 0) return;
    const done = await session.insertRows(insertion.requests);
    if (done) {
      setChecked([]);
      // the insert button goes with the preview: the focus moves to the result and its Undo
      focusAfter("insert-notice");
    }
  };
  const insertNotice = active && state.notice?.place === "insert" ? <NoticeBar session={session} state={state} notice={state.notice} testId="insert-notice" /> : null;

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
        <InsertTarget
          lang={lang}
          tables={tables}
          target={target}
          labels={labels}
          activeSheet={state.activeCell?.sheet ?? state.activeSheet ?? ""}
          busy={!!busy}
          onPick={(id) => session.pickTable(id)}
          onCreateSelfEvaluation={(tb) => void session.createSelfEvaluation(tb)}
          onCheckHere={() =>
            void (async () => {
              session.setScope("active");
              await session.validate();
            })()
          }
        />
      )}

      <Field label={t(lang, "templates.search")} size="small">
        <SearchBox size="small" className={s.search} value={query} placeholder={t(lang, "templates.searchPlaceholder")} onChange={(_e, d) => setQuery(d.value)} />
      </Field>

      {!query.trim() && rec && table && (
        <ProjectTypes lang={lang} project={tableName(table)} types={rec.types.slice(0, 3).map((ty) => ty.type)} selected={typeFilter} onSelect={setTypeFilter} />
      )}

      <p className={s.hint} aria-live="polite">
        {list.length > 0 ? t(lang, "templates.results", { n: list.length }) : query.trim() || table ? t(lang, "templates.none") : ""}
      </p>

      <TemplateList
        lang={lang}
        groups={groupBy(list, (x) => `${x.level1} / ${x.level2}`)}
        checked={checked}
        onChecked={setChecked}
        targetOf={(x) => targetText(lib, x, table)}
        custom={effective.userIds}
        present={present}
        typeName={typeName}
      />

      {insertNotice && !(insertion && table) && <InsertNoticeBox>{insertNotice}</InsertNoticeBox>}
      {insertion && table && <InsertionPreview lang={lang} insertion={insertion} notice={insertNotice} busy={!!busy} onInsert={() => void insert()} />}
    </div>
  );
}
