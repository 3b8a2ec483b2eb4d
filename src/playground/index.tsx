/**
 * Playground entry: ?example=seed001.xlsx, ?blank=1, ?lang=en, ?theme=dark, ?pane=320 (the pane's width in px).
 *
 * A small first script: it asks at once, beside each other, for the workbook the page opens with
 * (its bytes and the reader), the engine, the pane's parts its first view does not draw (the pane
 * asks for them again when drawn) and the page itself (main.tsx: React, Fluent UI, the pane), so
 * none of them waits for another to arrive.
 */
import type { Lang } from "../core/finding";
import { preloadParts } from "../taskpane/components/parts";
import { preloadEngine } from "../taskpane/state/engine";
import type { Theme } from "../taskpane/theme";
import { isExample, prefetchExample } from "./load";

const params = new URLSearchParams(window.location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
const theme: Theme = params.get("theme") === "dark" ? "dark" : "light";
const pane = Number(params.get("pane"));
const paneWidth = Number.isFinite(pane) && pane >= 280 && pane <= 800 ? pane : 360;
const example = params.get("example");
const blank = params.has("blank");

if (!blank) prefetchExample(isExample(example) ? example : "seed000-stacked.xlsx");
const main = import("./main");
preloadEngine();
preloadParts();

const root = document.getElementById("root");
if (root) void main.then((m) => m.start(root, { example, lang, theme, blank, paneWidth }));
