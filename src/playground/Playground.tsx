/**
 * The playground: the real task pane beside a rendered in-memory workbook, in a plain browser.
 * Everything the pane does goes through the MemoryHost, exactly as it goes through the Excel
 * host inside Excel.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import type { Lang } from "../core/finding";
import { parseA1 } from "../core/grid";
import type { MemoryHost } from "../host/memory";
import { PaneRoot } from "../taskpane/components/Pane";
import { t, type MessageKey } from "../taskpane/i18n";
import { PaneSession } from "../taskpane/state/session";
import type { Theme } from "../taskpane/theme";
import { blankWorkbook, EXAMPLES, hostFromXlsx, isExample, loadExample, type ExampleName } from "./load";
import type { ColumnWidths } from "./xlsxStyles";
import { SheetGrid } from "./SheetGrid";

const useStyles = makeStyles({
  app: { display: "flex", flexDirection: "column", height: "100vh", overflow: "hidden" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  control: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  book: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, overflowX: "auto", flexShrink: 0 },
  pane: { width: "360px", boxSizing: "border-box", flexShrink: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: "auto", height: "100%" },
  center: { padding: tokens.spacingHorizontalXXL },
  fileInput: { fontSize: tokens.fontSizeBase200, maxWidth: "220px" },
});

type Source = { kind: "example"; name: ExampleName } | { kind: "file"; name: string; data: ArrayBuffer } | { kind: "blank" };

interface Loaded {
  host: MemoryHost;
  widths: ColumnWidths;
  session: PaneSession;
  label: string;
  serial: number;
}

let serial = 0;

declare global {
  interface Window {
    /** for end-to-end tests: the playground's host and session */
    __jixiao?: { host: MemoryHost; session: PaneSession; ready: boolean };
  }
}

export interface PlaygroundProps {
  initial: { example: string | null; lang: Lang; theme: Theme; blank: boolean };
}

export function Playground({ initial }: PlaygroundProps) {
  const s = useStyles();
  const [source, setSource] = useState<Source>(
    initial.blank ? { kind: "blank" } : { kind: "example", name: isExample(initial.example) ? initial.example : "seed000-stacked.xlsx" },
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const langRef = useRef<Lang>(initial.lang);
  const [chromeLang, setChromeLang] = useState<Lang>(initial.lang);

  useEffect(() => {
    let alive = true;
    setError(null);
    setLoaded(null);
    const make = async () => {
      if (source.kind === "blank") return blankWorkbook();
      if (source.kind === "file") return hostFromXlsx(source.data);
      return loadExample(source.name);
    };
    make().then(
      ({ host, widths }) => {
        if (!alive) return;
        const session = new PaneSession(host, { lang: langRef.current });
        const label = source.kind === "example" ? source.name : source.kind === "file" ? source.name : "blank";
        setLoaded({ host, widths, session, label, serial: ++serial });
        window.__jixiao = { host, session, ready: true };
      },
      (e: unknown) => {
        if (!alive) return;
        // the reader says what is wrong with a bad file (old .xls, password, damaged) in both languages
        const text = (e as { text?: Record<Lang, string> }).text;
        setError(text?.[langRef.current] ?? (e instanceof Error ? e.message : String(e)));
      },
    );
    return () => {
      alive = false;
    };
  }, [source]);

  const onLang = useCallback((lang: Lang) => {
    langRef.current = lang;
    setChromeLang(lang);
  }, []);

  const lang = chromeLang;
  const exampleValue = source.kind === "example" ? source.name : source.kind === "blank" ? "blank" : "";

  return (
    <FluentProvider theme={webLightTheme} className={s.app} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={s.bar}>
        <div>
          <h1 className={s.title}>{t(lang, "pg.title")}</h1>
          <div className={s.subtitle}>{t(lang, "pg.subtitle")}</div>
        </div>
        <label className={s.control}>
          <span>{t(lang, "pg.example")}</span>
          <Select
            size="small"
            value={exampleValue}
            data-testid="example-select"
            onChange={(_e, d) => {
              if (d.value === "blank") setSource({ kind: "blank" });
              else if (isExample(d.value)) setSource({ kind: "example", name: d.value });
            }}
          >
            {source.kind === "file" && <option value="">{t(lang, "pg.file", { name: source.name })}</option>}
            {EXAMPLES.map((e) => (
              <option key={e} value={e}>
                {t(lang, `pg.ex.${e}` as MessageKey)}
              </option>
            ))}
            <option value="blank">{t(lang, "pg.blank")}</option>
          </Select>
        </label>
        <label className={s.control} title={t(lang, "pg.privacy")}>
          <span>{t(lang, "pg.open")}</span>
          <input
            className={s.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              file.arrayBuffer().then(
                (data) => setSource({ kind: "file", name: file.name, data }),
                (err: unknown) => setError(String(err)),
              );
              e.target.value = "";
            }}
          />
        </label>
      </header>
      {error && (
        <MessageBar intent="error" data-testid="load-error">
          <MessageBarBody>{t(lang, "error.readFile", { message: error })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.main}>
        {loaded ? (
          <Workbook key={loaded.serial} loaded={loaded} theme={initial.theme} onLang={onLang} />
        ) : (
          !error && (
            <div className={s.center}>
              <Spinner label={t(lang, "pg.loading")} />
            </div>
          )
        )}
      </div>
    </FluentProvider>
  );
}

function Workbook({ loaded, theme, onLang }: { loaded: Loaded; theme: Theme; onLang: (lang: Lang) => void }) {
  const s = useStyles();
  const { host, session } = loaded;
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const lang = state.lang;

  useEffect(() => onLang(lang), [lang, onLang]);
  // redraw on edits and on everything the pane does (marks, selection, settings)
  useEffect(() => host.workbook.onChange(() => bump()), [host]);
  useEffect(() => session.subscribe(() => bump()), [session]);

  // read on every render: sheets the pane adds (新建绩效目标表) or removes show up at once
  const sheets = host.workbook.sheets.filter((x) => x.visibility === "visible");
  const active = host.workbook.activeSheet?.name ?? sheets[0]?.name ?? "";
  // widths from the opened file, else those set on the sheet itself (a sheet Jixiao created)
  const ownWidths = host.workbook.sheetByName(active)?.columnWidths?.map((w) => w ?? undefined);

  const selectCell = (cell: string) => {
    const { row, col } = parseA1(cell);
    host.workbook.select(active, { top: row, bottom: row, left: col, right: col });
    bump();
  };

  return (
    <>
      <div className={s.book}>
        <SheetGrid host={host} sheet={active} widths={loaded.widths.get(active) ?? ownWidths} lang={lang} version={version} onSelect={selectCell} />
        {sheets.length > 1 && (
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={active}
            aria-label={t(lang, "pg.sheets")}
            onTabSelect={(_e, d) => {
              host.workbook.activate(String(d.value));
              bump();
            }}
          >
            {sheets.map((x) => (
              <Tab key={x.id} value={x.name} data-sheet-tab={x.name}>
                {x.name}
              </Tab>
            ))}
          </TabList>
        )}
        {sheets.length === 1 && (
          <div className={s.tabs} style={{ padding: "4px 12px", fontSize: 12 }}>
            {active}
          </div>
        )}
      </div>
      <aside className={s.pane} aria-label="Jixiao" data-testid="pane-frame">
        <PaneRoot session={session} theme={theme} />
      </aside>
    </>
  );
}
