/**
 * The 指标库 view's templates: the recommended project types (a filter) and the templates grouped
 * by 一级 / 二级, each with its tick box and its details. The list is one Tab stop: ↑/↓, Home and
 * End move between templates, Space ticks. Views only: what is ticked comes in and goes out.
 */
import { Button, Checkbox, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
import type { Lang } from "../../core/finding";
import type { Template } from "../../core/library/schema";
import { t } from "../i18n";

const useStyles = makeStyles({
  types: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  level: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 2px` },
  ul: { margin: 0, padding: 0 },
  item: { listStyleType: "none", padding: `2px 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  itemHead: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalXS },
  check: { flexGrow: 1, minWidth: 0 },
  target: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  details: { fontSize: tokens.fontSizeBase200, margin: `0 0 ${tokens.spacingVerticalXS} 32px`, color: tokens.colorNeutralForeground2 },
  // a small label with the text's own colours (Fluent's subtle outline badge is white on white in the light theme)
  tag: {
    display: "inline-block",
    fontSize: tokens.fontSizeBase100,
    lineHeight: "16px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
});

export interface ProjectTypesProps {
  lang: Lang;
  /** the project the types are recommended for */
  project: string;
  types: readonly { id: string; zh: string; en: string }[];
  /** the type the list is filtered to */
  selected: string | null;
  onSelect: (id: string | null) => void;
}

export function ProjectTypes({ lang, project, types, selected, onSelect }: ProjectTypesProps) {
  const s = useStyles();
  return (
    <div>
      <p className={s.hint}>{t(lang, "templates.recommended", { project })}</p>
      <div className={s.types} role="group" aria-label={t(lang, "templates.types")}>
        {types.map((ty) => (
          <ToggleButton key={ty.id} size="small" checked={selected === ty.id} onClick={() => onSelect(selected === ty.id ? null : ty.id)} data-type={ty.id}>
            {lang === "zh" ? ty.zh : ty.en}
          </ToggleButton>
        ))}
      </div>
    </div>
  );
}

export interface TemplateListProps {
  lang: Lang;
  /** templates grouped by "一级 / 二级", in list order */
  groups: readonly { key: string; items: readonly Template[] }[];
  checked: readonly string[];
  onChecked: (checked: string[]) => void;
  /** the target a template writes into the table ("≥95%") */
  targetOf: (template: Template) => string;
  /** the user's own templates and those the table already has (tagged) */
  custom: ReadonlySet<string>;
  present: ReadonlySet<string>;
  /** a project type's name */
  typeName: (id: string) => string;
}

/** Move the focus among the tick boxes with ↑/↓, Home and End. */
function onListKey(e: KeyboardEvent<HTMLDivElement>): void {
  const k = e.key;
  if (k !== "ArrowDown" && k !== "ArrowUp" && k !== "Home" && k !== "End") return;
  const boxes = Array.from(e.currentTarget.querySelectorAll<HTMLInputElement>("input[data-template-check]"));
  const i = boxes.findIndex((b) => b.closest("li") === (e.target as HTMLElement).closest("li"));
  if (i < 0) return;
  e.preventDefault();
  const next = k === "Home" ? 0 : k === "End" ? boxes.length - 1 : Math.max(0, Math.min(boxes.length - 1, i + (k === "ArrowDown" ? 1 : -1)));
  boxes[next]?.focus();
}

export function TemplateList({ lang, groups, checked, onChecked, targetOf, custom, present, typeName }: TemplateListProps) {
  const s = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const [focusTpl, setFocusTpl] = useState<string | null>(null);
  const all = groups.flatMap((g) => g.items);
  const tabbableTpl = focusTpl && all.some((x) => x.id === focusTpl) ? focusTpl : all[0]?.id;
  return (
    <div data-testid="templates" role="group" aria-label={t(lang, "templates.listLabel")} title={t(lang, "templates.keyboardHint")} onKeyDown={onListKey}>
      {groups.map((g) => (
        <section key={g.key} aria-label={g.key}>
          <h3 className={s.level}>{g.key}</h3>
          <ul className={s.ul}>
            {g.items.map((x) => (
              <li key={x.id} className={s.item} data-template={x.id}>
                <div className={s.itemHead}>
                  <Checkbox
                    className={s.check}
                    // the list is one Tab stop: ↑/↓ move between templates, Space ticks
                    tabIndex={x.id === tabbableTpl ? 0 : -1}
                    onFocus={() => setFocusTpl(x.id)}
                    data-template-check={x.id}
                    checked={checked.includes(x.id)}
                    onChange={(_e, d) => onChecked(d.checked ? [...checked, x.id] : checked.filter((id) => id !== x.id))}
                    label={
                      <span>
                        {x.name} <span className={s.target}>{targetOf(x)}</span> {custom.has(x.id) && <span className={s.tag}>{t(lang, "library.custom")}</span>}{" "}
                        {present.has(x.id) && <span className={s.tag}>{t(lang, "templates.present")}</span>}
                      </span>
                    }
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={open === x.id}
                    tabIndex={x.id === tabbableTpl ? 0 : -1}
                    onClick={() => setOpen(open === x.id ? null : x.id)}
                    aria-label={`${t(lang, "templates.preview")}: ${x.name}`}
                  >
                    {t(lang, "templates.preview")}
                  </Button>
                </div>
                {open === x.id && (
                  <div className={s.details}>
                    <div>{x.description}</div>
                    <div>{t(lang, "templates.basis", { basis: x.basis })}</div>
                    {x.note && <div>{t(lang, "templates.note", { note: x.note })}</div>}
                    <div>{x.projectTypes.map(typeName).join("、")}</div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
