/** The four indicator frameworks as <option>s of a Select, named in the pane's language. */
import { LIBRARY_FRAMEWORKS } from "../../core/frameworks/data";
import type { Lang } from "../../core/finding";

export function FrameworkOptions({ lang }: { lang: Lang }) {
  return (
    <>
      {LIBRARY_FRAMEWORKS.map((f) => (
        <option key={f.id} value={f.id}>
          {f[lang]}
        </option>
      ))}
    </>
  );
}
