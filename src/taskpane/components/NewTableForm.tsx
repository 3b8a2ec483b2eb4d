/**
 * 新建绩效目标表 / New target table: project name, framework, project type (pre-selected from the
 * name), money unit and budget -> a complete table on a new sheet, checked at once, with undo.
 */
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState, type FormEvent } from "react";
import { FrameworkOptions } from "./FrameworkOptions";
import type { FrameworkId, MoneyUnit } from "../../core/model";
import { MONEY_UNITS } from "../../core/value/units";
import type { Library } from "../../core/library/schema";
import { t } from "../i18n";
import { templatesForNewTable, type LibraryModule } from "../state/library";
import type { PaneSession, PaneState } from "../state/session";
import { NoticeBar } from "./NoticeBar";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // side by side where there is room, one under the other in a narrow pane
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, "& > *": { flexGrow: 1, flexBasis: "120px", minWidth: 0 } },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

const UNITS: readonly MoneyUnit[] = MONEY_UNITS;

export interface NewTableFormProps {
  session: PaneSession;
  state: PaneState;
  lib: LibraryModule;
  /** the library in use (built-in and the workbook's own) */
  library: Library;
}

export function NewTableForm({ session, state, lib, library }: NewTableFormProps) {
  const s = useStyles();
  const { lang, busy } = state;
  const [name, setName] = useState("");
  const [framework, setFramework] = useState<FrameworkId>(state.settings.frameworkOverride["*"] ?? "common");
  const [chosenType, setChosenType] = useState<string | null>(null);
  const [unit, setUnit] = useState<MoneyUnit>("万元");
  const [budget, setBudget] = useState("");
  const [tried, setTried] = useState(false);

  const types = useMemo(() => library.types.filter((x) => x.id !== "general"), [library]);
  const recommended = useMemo(() => (name.trim() ? lib.recommendTypes({ projectName: name.trim() }, library, 1)[0]?.type : undefined), [lib, library, name]);
  // the recommended type until the user picks one
  const typeId = chosenType ?? recommended?.id ?? types[0]?.id ?? "general";
  const templates = useMemo(() => templatesForNewTable(library, typeId, framework), [library, typeId, framework]);

  const budgetText = budget.trim().replace(/[,，]/g, "");
  const budgetValue = budgetText === "" ? undefined : Number(budgetText);
  const budgetBad = budgetValue !== undefined && (!Number.isFinite(budgetValue) || budgetValue < 0);
  const nameBad = name.trim() === "";
  const typeName = (id: string) => {
    const ty = library.types.find((x) => x.id === id);
    return ty ? (lang === "zh" ? ty.zh : ty.en) : id;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameBad || budgetBad || busy) return;
    const table = lib.newTableGrid({
      framework,
      projectName: name.trim(),
      templates,
      moneyUnit: unit,
      year: new Date().getFullYear(),
      ...(budgetValue !== undefined ? { budget: { total: budgetValue } } : {}),
    });
    const placed = templates.length - table.skipped.length;
    const done = await session.createTable(table, placed);
    if (done) {
      setName("");
      setBudget("");
      // the type just used stays chosen (the next table of a batch is often of the same kind)
      setChosenType(typeId);
      setTried(false);
    }
  };

  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} noValidate aria-label={t(lang, "newTable.title")} data-testid="new-table-form">
      <p className={s.hint}>{t(lang, "newTable.help")}</p>
      <Field
        label={t(lang, "newTable.name")}
        required
        size="small"
        validationState={tried && nameBad ? "error" : "none"}
        validationMessage={tried && nameBad ? t(lang, "newTable.nameRequired") : undefined}
      >
        <Input size="small" value={name} onChange={(_e, d) => setName(d.value)} maxLength={100} data-field="project-name" />
      </Field>
      <Field label={t(lang, "newTable.framework")} size="small">
        <Select size="small" value={framework} onChange={(_e, d) => setFramework(d.value as FrameworkId)} data-field="framework">
          <FrameworkOptions lang={lang} />
        </Select>
      </Field>
      <Field label={t(lang, "newTable.type")} size="small" hint={recommended ? t(lang, "newTable.typeHint", { type: typeName(recommended.id) }) : undefined}>
        <Select size="small" value={typeId} onChange={(_e, d) => setChosenType(d.value)} data-field="project-type">
          {types.map((ty) => (
            <option key={ty.id} value={ty.id}>
              {lang === "zh" ? ty.zh : ty.en}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Field label={t(lang, "newTable.unit")} size="small">
          <Select size="small" value={unit} onChange={(_e, d) => setUnit(d.value as MoneyUnit)} data-field="money-unit">
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t(lang, "newTable.budget")}
          size="small"
          validationState={budgetBad ? "error" : "none"}
          validationMessage={budgetBad ? t(lang, "newTable.budgetInvalid") : undefined}
        >
          <Input size="small" inputMode="decimal" value={budget} onChange={(_e, d) => setBudget(d.value)} maxLength={20} data-field="budget" />
        </Field>
      </div>
      <p className={s.hint} aria-live="polite">
        {t(lang, "newTable.placed", { n: templates.length })}
      </p>
      <div>
        <Button appearance="primary" type="submit" disabled={!!busy} data-action="create-table">
          {t(lang, "newTable.create")}
        </Button>
      </div>
      {state.notice?.place === "new-table" && <NoticeBar session={session} state={state} notice={state.notice} testId="new-table-notice" />}
    </form>
  );
}
