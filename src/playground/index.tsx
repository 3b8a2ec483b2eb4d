/** Playground entry: ?example=seed001.xlsx, ?blank=1, ?lang=en, ?theme=dark, ?pane=320 (the pane's width in px). */
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/finding";
import { preloadParts } from "../taskpane/components/parts";
import { preloadEngine } from "../taskpane/state/engine";
import type { Theme } from "../taskpane/theme";
import { isExample, prefetchExample } from "./load";
import { Playground } from "./Playground";

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
const theme: Theme = params.get("theme") === "dark" ? "dark" : "light";
const pane = Number(params.get("pane"));
const paneWidth = Number.isFinite(pane) && pane >= 280 && pane <= 800 ? pane : 360;
const example = params.get("example");
const blank = params.has("blank");

// at once, beside each other: the workbook the page opens with (its bytes and the reader), the
// engine and the pane's parts its first view does not draw (the pane asks for them again when drawn)
if (!blank) prefetchExample(isExample(example) ? example : "seed000-stacked.xlsx");
preloadEngine();
preloadParts();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(<Playground initial={{ example, lang, theme, blank, paneWidth }} />);
}
