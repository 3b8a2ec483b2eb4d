/**
 * How the ribbon tells the task pane what to show.
 *
 * The manifest is an add-in only XML manifest without a shared runtime, so ribbon buttons cannot
 * call into a running pane. Both pane buttons are ShowTaskpane actions on the SAME TaskpaneId with
 * different URLs; Office opens the pane, or replaces the open pane's page, with that URL:
 *
 *   校验本表 / Validate   taskpane.html?view=validate&run=1   (open the findings view and validate)
 *   指标库 / Templates    taskpane.html?view=templates        (open the indicator library)
 *
 * Opening the add-in from elsewhere (Home > Add-ins, the GetStarted callout) loads
 * taskpane.html?view=validate without run=1. The pane reads its intent once at start-up:
 *
 *   const intent = paneIntent(window.location.search);
 *   <Pane initialView={intent.view} ... />; if (intent.validate) session.validate();
 */
export type PaneView = "validate" | "templates" | "settings";

export interface PaneIntent {
  view: PaneView;
  /** validate the active sheet as soon as the pane is ready */
  validate: boolean;
}

const VIEWS: readonly PaneView[] = ["validate", "templates", "settings"];

export function paneIntent(search: string): PaneIntent {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const raw = params.get("view");
  const view: PaneView = raw === "library" ? "templates" : VIEWS.includes(raw as PaneView) ? (raw as PaneView) : "validate";
  return { view, validate: view === "validate" && params.get("run") === "1" };
}
