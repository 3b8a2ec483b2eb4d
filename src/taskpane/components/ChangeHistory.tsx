/**
 * 更改记录 / Changes: every change Jixiao made to the workbook in this session (fixes, inserted
 * rows, new sheets), each with its undo until the user edits what it wrote. Kept across re-checks
 * and clearing the marks.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { rangeToA1 } from "../../core/grid";
import { t } from "../i18n";
import type { HistoryEntry, PaneSession, PaneState } from "../state/session";

const useStyles = makeStyles({
  root: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", padding: "2px 0" },
  ul: { margin: 0, padding: 0 },
  item: {
    listStyleType: "none",
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    justifyContent: "space-between",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  text: { overflowWrap: "anywhere", minWidth: 0 },
  edited: { color: tokens.colorNeutralForeground2 },
});

function describe(h: HistoryEntry, lang: PaneState["lang"]): string {
  if (h.kind === "fix") {
    const cells = h.changes.map((c) => c.cell).join("、");
    return h.label ? t(lang, "history.fix", { cells, label: h.label }) : t(lang, "history.fixMany", { cells, n: h.changes.length });
  }
  if (h.kind === "insert") {
    const first = h.results[0];
    return t(lang, "history.insert", { n: h.rows, sheet: h.sheet, range: first ? rangeToA1({ ...first.range }) : "" });
  }
  return t(lang, "history.sheet", { sheet: h.result.sheet, n: h.indicators });
}

export function ChangeHistory({ session, state }: { session: PaneSession; state: PaneState }) {
  const s = useStyles();
  const { lang, history, busy } = state;
  if (history.length === 0) return null;
  return (
    <details className={s.root} data-testid="history">
      <summary className={s.summary}>{t(lang, "history.title", { n: history.length })}</summary>
      <ul className={s.ul}>
        {[...history].reverse().map((h) => (
          <li key={h.id} className={s.item} data-history={h.kind}>
            <span className={s.text}>
              {describe(h, lang)}
              {h.edited && <span className={s.edited}> {t(lang, "history.edited")}</span>}
            </span>
            {(!h.edited || h.kind === "sheet") && (
              // an edited new sheet: the host refuses, and the notice asks before deleting the user's work
              <Button size="small" disabled={!!busy} onClick={() => void session.undo(h.id)} data-action="history-undo">
                {t(lang, "history.undo")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
