/** 设置 / Settings: language, framework override, rules on/off, keep marks on save. */
import { Button, Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { CATEGORIES, type Lang } from "../../core/finding";
import { FrameworkOptions } from "./FrameworkOptions";
import type { FrameworkId } from "../../core/model";
import { isMoneyUnit, MONEY_UNITS } from "../../core/value/units";
import { RULES } from "../../core/rules";
import { categoryName, t } from "../i18n";
import type { PaneSession, PaneState } from "../state/session";
import { isRuleEnabled, setRuleEnabled } from "../state/settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0, overflowWrap: "anywhere" },
  help: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  fieldset: { border: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  cat: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 0` },
  ruleId: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export function SettingsView({ session, state }: { session: PaneSession; state: PaneState }) {
  const s = useStyles();
  const { lang, settings, busy } = state;
  const byCategory = useMemo(() => CATEGORIES.map((c) => ({ category: c, rules: RULES.filter((r) => r.category === c) })).filter((g) => g.rules.length > 0), []);
  const framework = settings.frameworkOverride["*"] ?? "";
  return (
    <div className={s.root}>
      <Field label={t(lang, "settings.language")}>
        <RadioGroup layout="horizontal" value={lang} disabled={!!busy} onChange={(_e, d) => void session.setLang(d.value as Lang)} data-setting="language">
          <Radio value="zh" label={t(lang, "settings.language.zh")} lang="zh-CN" />
          <Radio value="en" label={t(lang, "settings.language.en")} lang="en" />
        </RadioGroup>
      </Field>

      <Field label={t(lang, "settings.framework")} hint={t(lang, "settings.framework.help")}>
        <Select
          value={framework}
          disabled={!!busy}
          onChange={(_e, d) => void session.updateSettings({ frameworkOverride: d.value ? { "*": d.value as FrameworkId } : {} })}
        >
          <option value="">{t(lang, "settings.framework.auto")}</option>
          <FrameworkOptions lang={lang} />
        </Select>
      </Field>

      <Field label={t(lang, "settings.moneyUnit")} hint={t(lang, "settings.moneyUnit.help")}>
        <Select
          value={settings.moneyUnit ?? ""}
          disabled={!!busy}
          data-setting="money-unit"
          onChange={(_e, d) => void session.updateSettings({ moneyUnit: isMoneyUnit(d.value) ? d.value : undefined })}
        >
          <option value="">{t(lang, "settings.moneyUnit.none")}</option>
          {MONEY_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>

      <Field hint={t(lang, "settings.autoRecheck.help")}>
        <Switch
          label={t(lang, "settings.autoRecheck")}
          checked={settings.autoRecheck !== false}
          disabled={!!busy}
          onChange={(_e, d) => void session.updateSettings({ autoRecheck: d.checked })}
          data-setting="auto-recheck"
        />
      </Field>

      <Field hint={t(lang, "settings.keepMarks.help")}>
        <Switch
          label={t(lang, "settings.keepMarks")}
          checked={settings.keepMarksOnSave}
          disabled={!!busy}
          onChange={(_e, d) => void session.updateSettings({ keepMarksOnSave: d.checked })}
        />
      </Field>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{t(lang, "settings.rules")}</legend>
        <p className={s.help}>{t(lang, "settings.rules.help")}</p>
        <div>
          <Button size="small" disabled={!!busy || settings.disabledRules.length === 0} onClick={() => void session.updateSettings({ disabledRules: [] })}>
            {t(lang, "settings.rules.enableAll")}
          </Button>
        </div>
        {byCategory.map((g) => (
          <div key={g.category} role="group" aria-label={categoryName(lang, g.category)}>
            <h3 className={s.cat}>{categoryName(lang, g.category)}</h3>
            {g.rules.map((r) => (
              <Switch
                key={r.id}
                data-rule={r.id}
                checked={isRuleEnabled(settings.disabledRules, r.id)}
                disabled={!!busy}
                onChange={(_e, d) => void session.updateSettings({ disabledRules: setRuleEnabled(settings.disabledRules, r.id, d.checked) })}
                label={
                  <span>
                    {r.title[lang]} <span className={s.ruleId}>{r.id}</span>
                  </span>
                }
              />
            ))}
          </div>
        ))}
      </fieldset>

      <section aria-labelledby="settings-keyboard">
        <h3 className={s.legend} id="settings-keyboard">
          {t(lang, "settings.keyboard")}
        </h3>
        <p className={s.help}>{t(lang, "nav.keyboardHint")}</p>
      </section>
    </div>
  );
}
