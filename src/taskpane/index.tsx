/**
 * Task pane entry inside Excel: wait for Office, build the Excel host, render the pane inside
 * Fluent's provider in Office's theme and display language. Everything else goes through the
 * WorkbookHost; this file is the only one in the pane that touches the Office global.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { paneIntent } from "../commands/intent";
import { ExcelHost, officeApi } from "../host/excel";
import { HostError } from "../host/types";
import { EmptyState } from "./components/EmptyState";
import { PaneRoot } from "./components/Pane";
import { langFromLocale, t } from "./i18n";
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

void Office.onReady(async () => {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const lang = langFromLocale(Office.context.displayLanguage);
  try {
    const host = await ExcelHost.create(officeApi(), { lang });
    root.render(<OfficePane session={new PaneSession(host, { lang })} theme={officeTheme()} />);
  } catch (e) {
    const message = e instanceof HostError || e instanceof Error ? e.message : String(e);
    root.render(
      <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
        <EmptyState title={t(lang, "appName")} body={t(lang, "error.generic", { message })} />
      </FluentProvider>,
    );
  }
});
