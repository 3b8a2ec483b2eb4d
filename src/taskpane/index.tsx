/**
 * Task pane entry inside Excel: wait for Office, render the pane inside Fluent's provider in
 * Office's theme and display language, and build the Excel host beside it. Everything else goes
 * through the WorkbookHost; this file is the only one in the pane that touches the Office global.
 *
 * The first paint waits for neither the Excel host's code (a chunk of its own, asked for as this
 * script starts) nor its first round trip to Excel (issue 17): the pane's session gets a host that
 * stands for it (deferredHost) and its calls wait for it. When no host can be made (an Excel too
 * old for Jixiao, no Office), the pane is replaced by the reason.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { paneIntent } from "../commands/intent";
import { langFromLocale } from "../core/i18n";
import { EmptyState } from "./components/EmptyState";
import { PaneRoot } from "./components/Pane";
import { t } from "./i18nFirst";
import { deferredHost } from "./state/deferredHost";
import { PaneSession } from "./state/session";
import { themeFromBackground, type Theme } from "./theme";

/**
 * Office's theme, read once when the pane starts. Office.context.officeTheme is available in Excel
 * (web, Windows, Mac, iPad); the OfficeThemeChanged event is Outlook's only (Mailbox 1.14, handled
 * through Office.context.mailbox), so Excel never tells a pane that the theme changed: a pane opened
 * after the change, or reloaded, takes the new one.
 */
function officeTheme(): Theme {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}

function OfficePane({ session, theme }: { session: PaneSession; theme: Theme }) {
  // the ribbon opens the pane on taskpane.html?view=…&run=1 (see commands/intent.ts)
  const [intent] = useState(() => paneIntent(window.location.search));
  return <PaneRoot session={session} theme={theme} initialView={intent.view} autoValidate={intent.validate} />;
}

// asked for at once: it loads while Office gets ready and the pane draws itself
const excelHost = import(/* webpackChunkName: "host" */ "../host/excel");
excelHost.catch(() => undefined); // shown once Office is ready (below)

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const lang = langFromLocale(Office.context.displayLanguage);
  const made = excelHost.then(({ ExcelHost, officeApi }) => ExcelHost.create(officeApi(), { lang }));
  root.render(<OfficePane session={new PaneSession(deferredHost("excel", made), { lang })} theme={officeTheme()} />);
  made.catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    root.render(
      <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
        <EmptyState title={t(lang, "appName")} body={t(lang, "error.generic", { message })} />
      </FluentProvider>,
    );
  });
});
