/**
 * The task pane: three views over one PaneSession. It receives the session (the actions, built
 * on a WorkbookHost) as a prop and never talks to Office itself, so the same component runs in
 * Excel and in the playground.
 */
import { FluentProvider, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { t } from "../i18nFirst";
import { preloadEngine } from "../state/engine";
import type { LibraryModule } from "../state/library";
import type { NoticePlace, PaneSession } from "../state/session";
import type { Theme } from "../theme";
import { focusSelectedEntry } from "./focus";
import { useLazyPart } from "./lazyPart";
import { feedbackPart, preloadParts } from "./parts";
import { ValidateView } from "./ValidateView";

// Settings and Templates are not needed to open the pane: separate chunks.
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ "./SettingsView").then((m) => ({ default: m.SettingsView })));
const TemplatesView = lazy(() => import(/* webpackChunkName: "templates" */ "./TemplatesView").then((m) => ({ default: m.TemplatesView })));

export type View = "validate" | "templates" | "settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  // the tab bar stays in view while the list scrolls
  tabs: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    flexGrow: 1,
    minWidth: 0,
    // native selects are as wide as their longest option: keep them (and their fields) inside a 320 px pane
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Select": { maxWidth: "100%", minWidth: 0 },
    "& select": { maxWidth: "100%", textOverflow: "ellipsis" },
    "& .fui-Input": { maxWidth: "100%", minWidth: 0 },
    "& .fui-Input__input": { minWidth: 0 },
  },
});

export interface PaneProps {
  session: PaneSession;
  /** load the indicator library (lazy chunk); tests and the playground may pass their own */
  loadLibrary?: () => Promise<LibraryModule>;
  initialView?: View;
  /** validate as soon as the pane is ready (the ribbon's 校验本表 button) */
  autoValidate?: boolean;
}

/** The view a placed notice belongs to. */
function viewOf(place: NoticePlace | undefined): View | null {
  if (place === "list") return "validate";
  if (place === "insert" || place === "new-table") return "templates";
  return null;
}

export function Pane({ session, loadLibrary: load, initialView = "validate", autoValidate = false }: PaneProps) {
  const s = useStyles();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [view, setView] = useState<View>(initialView);
  // the 指标库 view keeps what the user typed and ticked (search, checked templates, the new-table
  // form) while they look at the findings: once opened it stays mounted, hidden
  const [templatesOpened, setTemplatesOpened] = useState(initialView === "templates");
  useEffect(() => {
    if (view === "templates") setTemplatesOpened(true);
  }, [view]);
  const { lang, notice } = state;

  // after the first paint: the engine's chunk (校验本表 waits for it when it is not there yet) and
  // the parts of the pane its first view does not draw (the results, the menus, notices)
  useEffect(() => {
    preloadEngine();
    preloadParts();
  }, []);

  useEffect(() => {
    void session.start().then(() => (autoValidate ? session.validate() : undefined));
    return () => session.dispose();
  }, [session, autoValidate]);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  // F8 / Shift+F8: next / previous problem, from anywhere in the pane (focus follows to its card)
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "F8" && state.report) {
      e.preventDefault();
      if (view !== "validate") setView("validate");
      void session.step(e.shiftKey ? -1 : 1).then(() => focusSelectedEntry());
    }
  };

  // a notice placed in a view shows there while that view is open, else at the top
  const placedView = viewOf(notice?.place);
  const topNotice = notice && (placedView === null || placedView !== view) ? notice : null;
  const adviceShown = !!state.markStatus?.present && state.marksShown && !state.markAdviceDismissed && view === "validate";
  const feedback = useLazyPart(feedbackPart, !!topNotice || adviceShown);

  return (
    <div className={s.root} onKeyDown={onKey} lang={lang === "zh" ? "zh-CN" : "en"} data-testid="pane" data-lang={lang} data-busy={state.busy ? state.busy.op : ""}>
      <TabList
        className={s.tabs}
        selectedValue={view}
        onTabSelect={(_e, d) => setView(d.value as View)}
        aria-label={t(lang, "tabs.label")}
        size="medium"
      >
        <Tab value="validate" data-tab="validate">
          {t(lang, "tab.validate")}
        </Tab>
        <Tab value="templates" data-tab="templates">
          {t(lang, "tab.templates")}
        </Tab>
        <Tab value="settings" data-tab="settings">
          {t(lang, "tab.settings")}
        </Tab>
      </TabList>
      <main className={s.body}>
        {topNotice && feedback && <feedback.NoticeBar session={session} state={state} notice={topNotice} testId="notice" />}
        {adviceShown && feedback && <feedback.MarkAdvice session={session} lang={lang} settings={state.settings} autoSave={!!state.markStatus?.autoSave} />}
        {view === "validate" && <ValidateView session={session} state={state} />}
        <Suspense fallback={null}>
          {templatesOpened && (
            <div hidden={view !== "templates"}>
              <TemplatesView session={session} state={state} load={load} active={view === "templates"} />
            </div>
          )}
          {view === "settings" && <SettingsView session={session} state={state} />}
        </Suspense>
      </main>
    </div>
  );
}

/** The pane inside Fluent's provider, in Office's light or dark theme. */
export function PaneRoot({ theme, ...props }: PaneProps & { theme: Theme }) {
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      <Pane {...props} />
    </FluentProvider>
  );
}
