/**
 * A WorkbookHost that stands for one still being made (issue 17: the pane's first paint does not
 * wait for the Excel host's code and its first round trip). Every call waits for the real host and
 * is passed on as it is; subscriptions made before it is there are made on it when it arrives, and
 * an unsubscribe made before then is honoured. A host that failed to be made fails every call with
 * its error (the pane's entry shows it). The host it stands for reports selections
 * (onSelectionChanged), as the Excel host does.
 */
import type { WorkbookHost } from "../../host/types";

export function deferredHost(kind: WorkbookHost["kind"], made: Promise<WorkbookHost>): WorkbookHost {
  made.catch(() => undefined); // each call reports it
  const call =
    <K extends keyof WorkbookHost>(name: K) =>
    async (...args: unknown[]) => {
      const host = await made;
      return (host[name] as (...a: unknown[]) => unknown).apply(host, args);
    };
  const subscribe =
    (name: "onChange" | "onSelectionChanged") =>
    (listener: never): (() => void) => {
      let off: (() => void) | null = null;
      let gone = false;
      made.then(
        (host) => {
          if (!gone) off = host[name]?.(listener) ?? null;
        },
        () => undefined,
      );
      return () => {
        gone = true;
        off?.();
        off = null;
      };
    };
  return {
    kind,
    listSheets: call("listSheets"),
    readSheets: call("readSheets"),
    applyMarks: call("applyMarks"),
    clearMarks: call("clearMarks"),
    markStatus: call("markStatus"),
    selectCell: call("selectCell"),
    setCellValue: call("setCellValue"),
    insertRows: call("insertRows"),
    undoInsert: call("undoInsert"),
    addSheet: call("addSheet"),
    removeAddedSheet: call("removeAddedSheet"),
    loadSettings: call("loadSettings"),
    saveSettings: call("saveSettings"),
    onChange: subscribe("onChange"),
    onSelectionChanged: subscribe("onSelectionChanged"),
  } as WorkbookHost;
}
