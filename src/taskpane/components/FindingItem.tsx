/** One finding as a card of the list (the list itself draws entries: see FindingsList). */
import type { Finding, Lang } from "../../core/finding";
import { collapseFindings } from "../state/entries";
import { EntryItem } from "./FindingsList";

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  selected: boolean;
  disabled: boolean;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
  onIgnore(f: Finding, reason: string): void;
  /** roving focus: only the selected (or first) item is in the tab order */
  tabbable: boolean;
  id: string;
}

export function FindingItem({ finding, lang, selected, disabled, onSelect, onFix, onIgnore, tabbable, id }: FindingItemProps) {
  const [entry] = collapseFindings([finding]);
  return (
    <EntryItem
      rowKey={`e:${id}`}
      entry={entry}
      lang={lang}
      selected={selected}
      tabbable={tabbable}
      busy={disabled}
      notice={null}
      onFocus={() => undefined}
      onSelect={onSelect}
      onPrepare={onSelect}
      onFix={(fs) => fs.forEach(onFix)}
      onIgnore={(fs, reason) => fs.forEach((f) => onIgnore(f, reason))}
    />
  );
}
