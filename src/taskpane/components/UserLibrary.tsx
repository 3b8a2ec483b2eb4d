/**
 * 自定义指标库 / Your own indicators: import a library file (JSON or .xlsx), see what was wrong
 * with it (row and field, in the user's language), export, remove. The library is kept in the
 * workbook's settings, merged with the built-in one.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type ChangeEvent } from "react";
import type { ImportIssue } from "../../core/library/io";
import { USER_LIBRARY_MAX_CHARS } from "../../host/types";
import { t, type MessageKey, type Params } from "../i18n";
import { compactLibraryJson, type EffectiveLibrary, type LibraryModule } from "../state/library";
import { downloadText, readLibraryFile } from "../state/libraryFile";
import type { PaneSession, PaneState } from "../state/session";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  file: { fontSize: tokens.fontSizeBase200, maxWidth: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  issues: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, maxHeight: "180px", overflowY: "auto" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorNeutralForeground2 },
});

const SHOWN_ISSUES = 50;

export interface UserLibraryProps {
  session: PaneSession;
  state: PaneState;
  lib: LibraryModule;
  effective: EffectiveLibrary;
}

interface Outcome {
  lines: { key: MessageKey; params?: Params }[];
  issues: ImportIssue[];
  error: boolean;
}

export function UserLibrary({ session, state, lib, effective }: UserLibraryProps) {
  const s = useStyles();
  const { lang, busy } = state;
  const inputId = useId();
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const user = effective.user;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setReading(true);
    setOutcome(null);
    try {
      const read = await readLibraryFile(file, lib);
      if (!read.ok) {
        const line: Outcome["lines"][number] =
          read.error === "tooLarge"
            ? { key: "library.tooLarge" as const, params: { size: read.size ?? 0, max: read.max ?? 0 } }
            : read.error === "noSheet"
              ? { key: "library.noSheet" as const }
              : { key: "library.readError" as const, params: { message: read.text?.[lang] ?? read.message ?? "" } };
        setOutcome({ lines: [line], issues: [], error: true });
        return;
      }
      const r = read.result;
      const errors = r.issues.filter((i) => i.severity === "error").length;
      const warnings = r.issues.length - errors;
      const got = r.library.templates.length + r.library.types.length;
      if (got === 0) {
        setOutcome({ lines: [{ key: "library.rejected", params: { errors } }], issues: r.issues, error: true });
        return;
      }
      // the new file on top of the workbook's library so far: same id replaces
      const merged = lib.mergeLibraries(user ?? { types: [], templates: [] }, r.library).library;
      const text = compactLibraryJson(merged);
      if (text.length > USER_LIBRARY_MAX_CHARS) {
        setOutcome({ lines: [{ key: "library.storeTooLarge", params: { max: USER_LIBRARY_MAX_CHARS } }], issues: r.issues, error: true });
        return;
      }
      const saved = await session.setUserLibrary(text);
      if (!saved) return;
      const withBuiltin = lib.mergeLibraries(lib.library, merged);
      const lines: Outcome["lines"] = [
        r.issues.length
          ? { key: "library.importedWithIssues", params: { templates: r.library.templates.length, types: r.library.types.length, errors, warnings } }
          : { key: "library.imported", params: { templates: r.library.templates.length, types: r.library.types.length } },
      ];
      if (withBuiltin.replaced.length) lines.push({ key: "library.replaced", params: { n: withBuiltin.replaced.length } });
      if (withBuiltin.unknownTypes.length) lines.push({ key: "library.unknownTypes", params: { types: withBuiltin.unknownTypes.join("、") } });
      setOutcome({ lines, issues: r.issues, error: false });
    } finally {
      setReading(false);
    }
  };

  const remove = async () => {
    if (await session.setUserLibrary(null)) setOutcome({ lines: [{ key: "library.removed" }], issues: [], error: false });
  };

  const shown = outcome?.issues.slice(0, SHOWN_ISSUES) ?? [];
  return (
    <div className={s.root} data-testid="user-library">
      <p className={s.hint}>{t(lang, "library.help")}</p>
      <p className={s.hint} data-testid="user-library-status">
        {user ? t(lang, "library.current", { templates: user.templates.length, types: user.types.length }) : t(lang, "library.none")}
      </p>
      {effective.issues.some((i) => i.severity === "error") && <p className={s.hint}>{t(lang, "library.stored", { n: effective.issues.length })}</p>}
      <label className={s.label} htmlFor={inputId}>
        {t(lang, "library.file")}
      </label>
      <input
        id={inputId}
        className={s.file}
        type="file"
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={!!busy || reading}
        onChange={(e) => void onFile(e)}
        data-testid="library-file"
      />
      {reading && <Spinner size="tiny" label={t(lang, "library.importing")} />}
      {outcome && (
        <div role="status" data-testid="library-outcome" data-outcome={outcome.error ? "error" : "ok"}>
          {outcome.lines.map((l, i) => (
            <p key={i} className={s.hint}>
              {t(lang, l.key, l.params)}
            </p>
          ))}
          {shown.length > 0 && (
            <ul className={s.issues} aria-label={t(lang, "library.issues")} data-testid="library-issues">
              {shown.map((i, k) => (
                <li key={k} className={i.severity === "error" ? s.error : s.warning}>
                  {lib.formatIssue(i, lang)}
                </li>
              ))}
            </ul>
          )}
          {outcome.issues.length > SHOWN_ISSUES && <p className={s.hint}>{t(lang, "library.moreIssues", { n: outcome.issues.length - SHOWN_ISSUES })}</p>}
        </div>
      )}
      <div className={s.buttons}>
        {user && (
          <Button size="small" onClick={() => downloadText("jixiao-library-custom.json", lib.exportLibraryJson(user))} data-action="export-user-library">
            {t(lang, "library.exportUser")}
          </Button>
        )}
        <Button size="small" onClick={() => downloadText("jixiao-library.json", lib.exportLibraryJson(effective.library))} data-action="export-library">
          {t(lang, "library.exportAll")}
        </Button>
        {user && (
          <Button size="small" disabled={!!busy} onClick={() => void remove()} data-action="remove-user-library">
            {t(lang, "library.remove")}
          </Button>
        )}
      </div>
    </div>
  );
}
