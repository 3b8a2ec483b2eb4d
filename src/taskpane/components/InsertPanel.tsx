/**
 * The 指标库 view's two ends: the table the rows go into (with another table to pick, 新建自评表,
 * or a check of the active sheet when it holds none), and the preview of the insertion with its
 * insert button. Views only: what a button does comes in as a callback.
 */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Lang } from "../../core/finding";
import type { InsertionPlan } from "../../core/library/insert";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";
import { t } from "../i18n";

const useStyles = makeStyles({
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  targetBox: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  targetLine: { margin: 0, overflowWrap: "anywhere", display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  preview: {
    position: "sticky",
    bottom: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    boxShadow: tokens.shadow4,
  },
  previewRows: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, maxHeight: "160px", overflowY: "auto" },
});

export interface InsertTargetProps {
  lang: Lang;
  tables: readonly TargetTable[];
  /** the table the rows go into, and why that one; undefined when the active sheet holds none */
  target: { table: TargetTable; by: "picked" | "cell" | "sheet" } | undefined;
  /** each table's label in the list (tableLabels) */
  labels: ReadonlyMap<string, string>;
  activeSheet: string;
  busy: boolean;
  /** insert into this table until the selection moves; null follows the selection again */
  onPick: (id: string | null) => void;
  onCreateSelfEvaluation: (table: TargetTable) => void;
  /** check the active sheet (it holds no checked table) */
  onCheckHere: () => void;
}

export function InsertTarget({ lang, tables, target, labels, activeSheet, busy, onPick, onCreateSelfEvaluation, onCheckHere }: InsertTargetProps) {
  const s = useStyles();
  const [picking, setPicking] = useState(false);
  const table = target?.table;
  const byKey = target?.by === "cell" ? "templates.targetByCell" : target?.by === "picked" ? "templates.targetPicked" : "templates.targetBySheet";
  return (
    <section className={s.targetBox} aria-label={t(lang, "templates.table")} data-testid="insert-target" data-table={table?.id ?? ""}>
      {table ? (
        <p className={s.targetLine}>
          <strong>{t(lang, "templates.insertTarget", { name: labels.get(table.id) ?? tableName(table), where: `${table.sheet}!${table.rangeA1}` })}</strong>{" "}
          <span className={s.hint}>{t(lang, byKey)}</span>
          {table.kind === "target" && (
            <Button size="small" appearance="secondary" disabled={busy} title={t(lang, "selfEval.help")} onClick={() => onCreateSelfEvaluation(table)} data-action="new-self-evaluation">
              {t(lang, "selfEval.create")}
            </Button>
          )}
        </p>
      ) : (
        <div className={s.targetLine} data-testid="templates-no-table-here">
          <p className={s.hint}>{t(lang, "templates.noTableHere", { sheet: activeSheet })}</p>
          <Button size="small" disabled={busy} onClick={onCheckHere} data-action="validate-here">
            {t(lang, "templates.checkHere")}
          </Button>
        </div>
      )}
      {picking || !table ? (
        <Field label={t(lang, "templates.table")} size="small">
          <Select
            size="small"
            value={table?.id ?? ""}
            data-field="target-table"
            onChange={(_e, d) => {
              onPick(d.value || null);
              setPicking(false);
            }}
          >
            {!table && <option value="">—</option>}
            {tables.map((tb) => (
              <option key={tb.id} value={tb.id}>
                {labels.get(tb.id) ?? tableName(tb)} ({tb.sheet}!{tb.rangeA1})
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className={s.row}>
          <Button size="small" appearance="transparent" onClick={() => setPicking(true)} data-action="pick-table">
            {t(lang, "templates.otherTable")}
          </Button>
          {target?.by === "picked" && (
            <Button size="small" appearance="transparent" onClick={() => onPick(null)} data-action="follow-selection">
              {t(lang, "templates.followSelection")}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

export interface InsertionPreviewProps {
  lang: Lang;
  insertion: InsertionPlan;
  /** the notice of the last insertion, shown above the preview */
  notice: ReactNode;
  busy: boolean;
  onInsert: () => void;
}

/** The rows the insertion writes, the templates it leaves out and why, and the insert button. */
export function InsertionPreview({ lang, insertion, notice, busy, onInsert }: InsertionPreviewProps) {
  const s = useStyles();
  return (
    <section className={s.preview} aria-label={t(lang, "templates.preview")} data-testid="insert-plan">
      {notice}
      <ol className={s.previewRows}>
        {insertion.rows.map((r) => (
          <li key={r.template.id} value={r.row}>
            {r.template.name} — {r.value.text ?? r.value.hint ?? ""}
          </li>
        ))}
      </ol>
      {insertion.skipped.map((k) => (
        <p key={k.template.id} className={s.hint}>
          {k.message[lang]}
        </p>
      ))}
      {insertion.notes.map((n, i) => (
        <p key={i} className={s.hint}>
          {n[lang]}
        </p>
      ))}
      <Button appearance="primary" disabled={busy || insertion.requests.length === 0} onClick={onInsert} data-action="insert">
        {t(lang, "templates.insert")} ({insertion.rows.length})
      </Button>
    </section>
  );
}

/** The notice of the last insertion when there is no preview to show it in. */
export function InsertNoticeBox({ children }: { children: ReactNode }) {
  const s = useStyles();
  return <div className={s.preview}>{children}</div>;
}
