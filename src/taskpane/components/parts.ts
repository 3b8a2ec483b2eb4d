/**
 * The pane's parts that are not in its first chunk (issue 17): each in a chunk of its own, all
 * asked for right after the first paint (preloadParts, Pane.tsx) and drawn once they are here.
 *
 *   results   what is drawn once there is a report: counts, the findings list, tables, ignored, changes
 *   menus     the 校验 toolbar's menus (scope, grouping) with Fluent's menus and positioning
 *   feedback  notices (MessageBar) and the progress bar
 */
import { lazyPart } from "./lazyPart";

export const resultsPart = lazyPart(() => import(/* webpackChunkName: "results" */ "./ReportView"));
export const menusPart = lazyPart(() => import(/* webpackChunkName: "menus" */ "./ToolbarMenus"));
export const feedbackPart = lazyPart(() => import(/* webpackChunkName: "feedback" */ "./Feedback"));

/** Ask for every part without waiting (after the first paint); a part that fails is asked for again when drawn. */
export function preloadParts(): void {
  for (const part of [resultsPart, menusPart, feedbackPart]) part.load().catch(() => undefined);
}
