/**
 * Small, exact helpers for editing OOXML parts as text. The copies Jixiao writes change a few
 * elements of a part and leave every other byte of it as the file had it, so a part is never parsed
 * into a model and serialised again (which is how exceljs loses what it does not model: a
 * LibreOffice file's fit-to-page printing, drawings, a style index per cell).
 *
 * Elements may carry a namespace prefix (`<x:c>` from some .NET writers); `prefixOf` finds the
 * prefix of a part's root element and the patterns below take it.
 */
import { decodeXmlEntities } from "../../host/xlsx/xmlEntities";

/** Text for an element's content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** Characters XML 1.0 cannot carry at all (a cell may hold them; a note or a sheet of ours may quote them). */
export function xmlSafe(s: string): string {
  return s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, "");
}

/** The five entities and character references, decoded (anything else left as written). */
export function decodeXml(s: string): string {
  return decodeXmlEntities(s);
}

/** OOXML's escape for characters a string cannot hold as they are: `_x000D_` is a carriage return. */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "x:" when the part's root element is `<x:worksheet …>`, "" for `<worksheet …>`. */
export function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** A prefix (or "") made safe to put in a RegExp. */
export function rx(prefix: string): string {
  return prefix.replace(/[.]/g, "\\.");
}

const ATTRS = String.raw`(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*`;

/** A start tag's pattern source: `<pfx:name attrs>` or `<pfx:name attrs/>` (attribute values may hold `>`). */
export function startTagSource(prefix: string, name: string): string {
  return `<${rx(prefix)}${name}(?=[\\s/>])${ATTRS}/?>`;
}

/** The value of attribute `name` ("r", "s", "r:id" …) in a start tag, decoded; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.]/g, "\\.")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return decodeXml(m[2] ?? m[3] ?? "");
}

/** The value of a relationship-id attribute (`r:id`, whatever its prefix) in a start tag. */
export function getRelId(tag: string): string | undefined {
  const m = /\s[A-Za-z_][\w.-]*:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : undefined;
}

/** The start tag with attribute `name` set to `value` (replaced where present, else added last). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.]/g, "\\.")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, (_, lead: string) => `${lead}"${escapeAttr(value)}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** The start tag without attribute `name`. */
export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.]/g, "\\.")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** An element found by `findElement`: where it starts and ends, its start tag and its content (null when empty). */
export interface FoundElement {
  start: number;
  end: number;
  tag: string;
  /** offset just after the start tag */
  innerStart: number;
  /** offset of the end tag (equals `end` for an empty element) */
  innerEnd: number;
  inner: string | null;
}

/**
 * The first element `<pfx:name …>…</pfx:name>` (or `<pfx:name …/>`) from `from` on. The element
 * must not contain another of its own name (true of every element this is used for).
 */
export function findElement(xml: string, prefix: string, name: string, from = 0): FoundElement | undefined {
  const re = new RegExp(startTagSource(prefix, name), "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return undefined;
  const tag = m[0];
  const start = m.index;
  const innerStart = start + tag.length;
  if (tag.endsWith("/>")) return { start, end: innerStart, tag, innerStart, innerEnd: innerStart, inner: null };
  const close = `</${prefix}${name}>`;
  const innerEnd = xml.indexOf(close, innerStart);
  if (innerEnd < 0) throw new Error(`unclosed <${prefix}${name}>`);
  return { start, end: innerEnd + close.length, tag, innerStart, innerEnd, inner: xml.slice(innerStart, innerEnd) };
}

/** Every element `<pfx:name …>…</pfx:name>` or `<pfx:name …/>` in `xml` (no nesting of the same name). */
export function findElements(xml: string, prefix: string, name: string): FoundElement[] {
  const out: FoundElement[] = [];
  for (let from = 0; ; ) {
    const el = findElement(xml, prefix, name, from);
    if (!el) return out;
    out.push(el);
    from = el.end;
  }
}

/** The top-level children of the element whose content runs from `innerStart` to `innerEnd`: name and span. */
export function topLevelChildren(xml: string, innerStart: number, innerEnd: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const tag = new RegExp(`<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)([^\\s/>!?]+)${ATTRS}(/?)>`, "g");
  tag.lastIndex = innerStart;
  let depth = 0;
  let open: { name: string; start: number } | undefined;
  for (let m = tag.exec(xml); m && m.index < innerEnd; m = tag.exec(xml)) {
    if (m[2] === undefined) continue; // comment, processing instruction, CDATA
    const closing = m[1] === "/";
    const empty = m[3] === "/";
    if (closing) {
      depth--;
      if (depth === 0 && open) {
        out.push({ name: open.name, start: open.start, end: m.index + m[0].length });
        open = undefined;
      }
    } else if (empty) {
      if (depth === 0) out.push({ name: m[2], start: m.index, end: m.index + m[0].length });
    } else {
      if (depth === 0) open = { name: m[2], start: m.index };
      depth++;
    }
  }
  return out;
}

/** The name without its prefix ("x:legacyDrawing" -> "legacyDrawing"). */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix bound to namespace `uri` on the root element (`r` for xmlns:r="…"), or undefined. */
export function prefixForNamespace(rootTag: string, uri: string): string | undefined {
  const re = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(rootTag); m; m = re.exec(rootTag)) if ((m[3] ?? m[4]) === uri) return m[1];
  return undefined;
}

/** Replace spans of `text` (non-overlapping; any order) in one pass. */
export function splice(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping edits");
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
