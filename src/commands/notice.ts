/**
 * notice.html: a small dialog the ribbon's function commands open when they have something to
 * say (a command has no pane of its own). The text arrives in the query string and is shown as
 * text, never as HTML.
 */
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const title = params.get("title") ?? "";
  const text = params.get("text") ?? "";
  const lang = params.get("lang") === "en" ? "en" : "zh";
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const h = document.getElementById("title");
  const p = document.getElementById("text");
  if (h) h.textContent = title.slice(0, 200);
  if (p) p.textContent = text.slice(0, 2000);
  document.title = title.slice(0, 200) || "Jixiao";
}

show();
