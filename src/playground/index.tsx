/** Playground entry: ?example=seed001.xlsx, ?blank=1, ?lang=en, ?theme=dark, ?pane=320 (the pane's width in px). */
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/finding";
import type { Theme } from "../taskpane/theme";
import { Playground } from "./Playground";

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
const theme: Theme = params.get("theme") === "dark" ? "dark" : "light";
const pane = Number(params.get("pane"));
const paneWidth = Number.isFinite(pane) && pane >= 280 && pane <= 800 ? pane : 360;
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(<Playground initial={{ example: params.get("example"), lang, theme, blank: params.has("blank"), paneWidth }} />);
}
