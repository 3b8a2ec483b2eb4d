/**
 * The playground: the real task pane beside a rendered in-memory workbook, in a plain browser.
 * Everything the pane does goes through the MemoryHost, exactly as it goes through the Excel
 * host inside Excel.
 */
import {
  Button,
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
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import type { Lang } from "../core/finding";
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
  // where the sheet is drawn, for the moment before it is (the tabs stay at the bottom)
  sheetPlaceholder: { flexGrow: 1, backgroundColor: "#FFFFFF" },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, overflowX: "auto", flexShrink: 0 },
  pane: { boxSizing: "border-box", flexShrink: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: "auto", height: "100%" },
  center: { padding: tokens.spacingHorizontalXXL },
  // the native input is kept for the file dialog; the button (in the page's language) opens it
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
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
  /** paneWidth: the task pane's width in px (Excel's pane is 320-360 px wide; default 360) */
  initial: { example: string | null; lang: Lang; theme: Theme; blank: boolean; paneWidth?: number };
}

export function Playground({ initial }: PlaygroundProps) {
  const s = useStyles();
  const [source, setSource] = useState<Source>(
    initial.blank ? { kind: "blank" } : { kind: "example", name: isExample(initial.example) ? initial.example : "seed000-stacked.xlsx" },
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ key: "pg.openError" | "error.readFile"; name: string; message: string } | null>(null);
  /** the source of the workbook on screen (a file that failed to open does not replace it) */
  const [shown, setShown] = useState<Source>(source);
  const fileRef = useRef<HTMLInputElement>(null);
  const paneWidth = initial.paneWidth ?? 360;
  const langRef = useRef<Lang>(initial.lang);
  const [chromeLang, setChromeLang] = useState<Lang>(initial.lang);

  useEffect(() => {
    let alive = true;
    setError(null);
    // an example or a blank workbook replaces the open one at once; a file only once it has been read
    if (source.kind !== "file") setLoaded(null);
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
        setShown(source);
        window.__jixiao = { host, session, ready: true };
      },
      (e: unknown) => {
        if (!alive) return;
        // the reader says what is wrong with a bad file (old .xls, password, damaged) in both languages
        const text = (e as { text?: Record<Lang, string> }).text;
        const message = text?.[langRef.current] ?? (e instanceof Error ? e.message : String(e));
        setError(source.kind === "file" ? { key: "pg.openError", name: source.name, message } : { key: "error.readFile", name: "", message });
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
  const exampleValue = shown.kind === "example" ? shown.name : shown.kind === "blank" ? "blank" : "";

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
            {shown.kind === "file" && <option value="">{t(lang, "pg.file", { name: shown.name })}</option>}
            {EXAMPLES.map((e) => (
              <option key={e} value={e}>
                {t(lang, `pg.ex.${e}` as MessageKey)}
              </option>
            ))}
            <option value="blank">{t(lang, "pg.blank")}</option>
          </Select>
        </label>
        <div className={s.control}>
          <Button size="small" onClick={() => fileRef.current?.click()} title={t(lang, "pg.privacy")} data-action="open-file">
            {t(lang, "pg.open")}
          </Button>
          <input
            ref={fileRef}
            className={s.fileInput}
            type="file"
            tabIndex={-1}
            aria-hidden="true"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              file.arrayBuffer().then(
                (data) => setSource({ kind: "file", name: file.name, data }),
                (err: unknown) => setError({ key: "pg.openError", name: file.name, message: String(err) }),
              );
              e.target.value = "";
            }}
          />
        </div>
      </header>
      {error && (
        <MessageBar intent="error" data-testid="load-error">
          <MessageBarBody>{t(lang, error.key, { name: error.name, message: error.message })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.main}>
        {loaded ? (
          <Workbook key={loaded.serial} loaded={loaded} theme={initial.theme} onLang={onLang} paneWidth={paneWidth} />
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

function Workbook({ loaded, theme, onLang, paneWidth }: { loaded: Loaded; theme: Theme; onLang: (lang: Lang) => void; paneWidth: number }) {
  const s = useStyles();
  const { host, session } = loaded;
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const lang = state.lang;

  useEffect(() => onLang(lang), [lang, onLang]);
  // redraw on edits (values, rows); marks, the selection and the sheet shown are in the drawing's key below
  useEffect(() => host.workbook.onChange(() => bump()), [host]);

  // read on every render: sheets the pane adds (新建绩效目标表) or removes show up at once
  const sheets = host.workbook.sheets.filter((x) => x.visibility === "visible");
  const active = host.workbook.activeSheet?.name ?? sheets[0]?.name ?? "";
  const activeSheet = host.workbook.sheetByName(active);
  // widths from the opened file, else those set on the sheet itself (a sheet Jixiao created)
  const fileWidths = loaded.widths.get(active);
  const ownWidths = activeSheet?.columnWidths?.join(",");
  const widths = useMemo(() => fileWidths ?? ownWidths?.split(",").map((w) => (w === "" ? undefined : Number(w))), [fileWidths, ownWidths]);

  // a click in the grid is the user's selection: through the host, which tells the pane (onSelectionChanged)
  const lastCell = useRef(new Map<string, string>());
  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      lastCell.current.set(sheet, cell);
      void host.selectCell(sheet, cell).then(bump, bump);
    },
    [host],
  );
  // remember each sheet's selected cell, as Excel does when you come back to a sheet
  const view = host.view();
  if (view.selection) lastCell.current.set(view.selection.sheet, view.selection.address.split(":")[0]);

  // What the drawing shows changes with an edit (version), the marks (Jixiao's conditional formats
  // on the sheet: applied and cleared as a whole), the selection and the sheet. It is drawn after the
  // pane (a deferred value: the pane's first view and its results come first, the grid right after).
  const marksKey = activeSheet?.conditionalFormats.map((cf) => cf.id).join(",") ?? "";
  const drawKey = `${version}|${marksKey}|${view.selection ? `${view.selection.sheet}!${view.selection.address}` : ""}`;
  const drawing = useMemo(() => ({ sheet: active, widths, lang, version: drawKey }), [active, widths, lang, drawKey]);
  const drawn = useDeferredValue(drawing, null);
  const drawnSheet = useRef("");
  drawnSheet.current = drawn?.sheet ?? active;
  const onSelect = useCallback((cell: string) => selectCell(drawnSheet.current, cell), [selectCell]);

  return (
    <>
      <div className={s.book}>
        {drawn ? (
          <SheetGrid host={host} sheet={drawn.sheet} widths={drawn.widths} lang={drawn.lang} version={drawn.version} onSelect={onSelect} />
        ) : (
          <div className={s.sheetPlaceholder} />
        )}
        {sheets.length > 1 && (
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={active}
            aria-label={t(lang, "pg.sheets")}
            onTabSelect={(_e, d) => {
              const name = String(d.value);
              selectCell(name, lastCell.current.get(name) ?? "A1");
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
      <aside className={s.pane} style={{ width: paneWidth }} aria-label="Jixiao" data-testid="pane-frame">
        <PaneRoot session={session} theme={theme} />
      </aside>
    </>
  );
}
