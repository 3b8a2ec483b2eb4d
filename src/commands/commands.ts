/**
 * Ribbon commands (the function file, commands.html).
 *
 * 校验本表 and 指标库 are ShowTaskpane buttons: Office opens the pane on the URL that names the
 * view (see intent.ts), which works with the add-in only manifest on every platform and needs no
 * shared runtime. 清除标记 runs here, without the pane: it removes every mark Jixiao made, so the
 * user can clear before saving in one click. When it has something to say (a protected sheet kept
 * its marks, an Office error) it opens a small dialog, because a function command has no UI.
 */
import { ExcelHost, officeApi } from "../host/excel/host";
import { toHostError } from "../host/excel/errors";
import { langFromLocale, say, type Catalogue, type Lang } from "../core/i18n";

/**
 * Office's display language -> zh or en, as the pane reads it (core/i18n's langFromLocale: English
 * for an English Office, Chinese otherwise), so the dialog and the pane always speak one language.
 */
export const langOf = (displayLanguage: string | undefined): Lang => langFromLocale(displayLanguage);

/** The ribbon's own texts. */
export const COMMAND_TEXT = { title: { zh: "清除标记", en: "Clear marks" } } as const satisfies Catalogue;

/** The dialog URL for a message, next to this page. */
export function noticeUrl(base: string, lang: Lang, title: string, text: string): string {
  const url = new URL("notice.html", base);
  url.searchParams.set("lang", lang);
  url.searchParams.set("title", title);
  url.searchParams.set("text", text);
  return url.toString();
}

/** Show a message in a dialog and finish the command when the user closes it. */
function tell(lang: Lang, text: string, done: () => void): void {
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (!ui?.displayDialogAsync) {
    console.error(text);
    done();
    return;
  }
  const here = (globalThis as { location?: { href: string } }).location?.href ?? "https://localhost:3000/commands.html";
  ui.displayDialogAsync(noticeUrl(here, lang, say(COMMAND_TEXT, lang, "title"), text), { height: 30, width: 35, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      console.error(text);
      done();
      return;
    }
    // the command stays alive while the dialog is open; closing it ends the command
    result.value.addEventHandler(Office.EventType.DialogEventReceived, () => done());
  });
}

/** 清除标记: remove every mark Jixiao made, on every sheet. */
export async function clearMarks(event?: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  let completed = false;
  const done = (): void => {
    if (completed) return;
    completed = true;
    event?.completed();
  };
  try {
    const host = new ExcelHost(officeApi(lang), { lang });
    const result = await host.clearMarks();
    if (result.skipped.length) tell(lang, result.skipped.map((s) => s.message).join("\n"), done);
    else done();
  } catch (e) {
    tell(lang, toHostError(e, lang).message, done);
  }
}

/** Register the commands named in manifest.xml (FunctionName). */
export function register(): void {
  Office.actions?.associate("clearMarks", clearMarks);
  // older clients look the function up by name on the global object
  (globalThis as Record<string, unknown>).clearMarks = clearMarks;
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => register());
}
