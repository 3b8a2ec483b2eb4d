/**
 * A strict XML reader for the small parts of an .xlsx (workbook, relationships, styles, shared
 * strings, document properties, a worksheet without its <sheetData>): the whole part as a tree.
 *
 * It accepts only plain, well-formed XML: an optional XML declaration, one root element, ASCII
 * names, quoted attributes, the five predefined entities and character references, no comments,
 * CDATA, processing instructions or DOCTYPE, no duplicate attributes, no character XML forbids.
 * Everything it accepts, saxes (exceljs's parser) accepts and reads the same way — texts and
 * attribute values are normalised as XML says (line ends, whitespace in attributes) — so a part
 * read here holds exactly what exceljs would see. Anything else throws NotPlain, and the caller
 * leaves the file to exceljs.
 */
import { decodeXmlEntities } from "../xmlEntities";

export class NotPlain extends Error {
  constructor(why: string) {
    super(`not plain: ${why}`);
    this.name = "NotPlain";
  }
}

export interface XmlNode {
  name: string;
  /** name, value, name, value … (values decoded and normalised) */
  attrs: string[];
  children: XmlNode[];
  /** the text directly inside the element, decoded (pieces around child elements joined) */
  text: string;
}

// characters XML 1.0 does not allow (a string from Buffer#toString never holds a lone surrogate)
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x5f || c === 0x3a;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 0x2d || c === 0x2e;


/** Entity and character references decoded; throws on anything saxes would reject. */
export function decodeEntities(s: string): string {
  return decodeXmlEntities(s, (why) => {
    throw new NotPlain(why);
  });
}

/** A text as XML gives it to the application: CRLF and CR are LF, references decoded. */
function textValue(raw: string): string {
  if (raw.indexOf("]]>") >= 0) throw new NotPlain("]]> in text");
  const s = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  return decodeEntities(s);
}

/** An attribute value as XML normalises it: line ends, then tab and LF are spaces, then references. */
function attrValue(raw: string): string {
  if (raw.indexOf("<") >= 0) throw new NotPlain("< in attribute");
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
  return decodeEntities(s);
}

/** What walkXml reports, in document order. */
export interface XmlHandler {
  /** an element opens; `attrs` (name, value, …) is reused for the next element: copy what you keep */
  open(name: string, attrs: string[], depth: number): void;
  /** an element closes (right after open for an empty element) */
  close(name: string, depth: number): void;
  /** text inside an element, decoded (absent: texts are only checked) */
  text?(text: string, depth: number): void;
}

/** Walks the part's elements; throws NotPlain unless it is plain, well-formed XML. */
export function walkXml(xml: string, h: XmlHandler): void {
  if (BAD_CHAR.test(xml)) throw new NotPlain("character");
  let pos = 0;
  if (xml.startsWith("<?xml")) {
    const m = DECLARATION.exec(xml);
    if (!m) throw new NotPlain("declaration");
    pos = m[0].length;
  }
  const n = xml.length;
  const skipWs = () => {
    while (pos < n && isWs(xml.charCodeAt(pos))) pos++;
  };
  skipWs();
  const stack: string[] = [];
  const attrs: string[] = [];
  let done = false;
  for (;;) {
    // text up to the next tag
    const lt = xml.indexOf("<", pos);
    if (lt < 0) {
      if (stack.length || !done) throw new NotPlain("unterminated");
      for (let i = pos; i < n; i++) if (!isWs(xml.charCodeAt(i))) throw new NotPlain("text after the root");
      return;
    }
    if (lt > pos) {
      if (!stack.length) {
        for (let i = pos; i < lt; i++) if (!isWs(xml.charCodeAt(i))) throw new NotPlain("text outside the root");
      } else {
        const t = textValue(xml.slice(pos, lt));
        h.text?.(t, stack.length - 1);
      }
    }
    pos = lt + 1;
    let c = xml.charCodeAt(pos);
    if (c === 0x21 || c === 0x3f) throw new NotPlain("comment, CDATA, DOCTYPE or PI");
    const closing = c === 0x2f;
    if (closing) c = xml.charCodeAt(++pos);
    if (!isNameStart(c)) throw new NotPlain("name");
    const nameStart = pos;
    while (pos < n && isNameChar(xml.charCodeAt(pos))) pos++;
    const name = xml.slice(nameStart, pos);
    if (closing) {
      skipWs();
      if (xml.charCodeAt(pos) !== 0x3e) throw new NotPlain("end tag");
      pos++;
      const open = stack.pop();
      if (open !== name) throw new NotPlain("mismatched end tag");
      h.close(name, stack.length);
      if (!stack.length) done = true;
      continue;
    }
    if (done) throw new NotPlain("second root");
    attrs.length = 0;
    let empty = false;
    for (;;) {
      const before = pos;
      skipWs();
      c = xml.charCodeAt(pos);
      if (c === 0x3e) {
        pos++;
        break;
      }
      if (c === 0x2f) {
        if (xml.charCodeAt(pos + 1) !== 0x3e) throw new NotPlain("tag");
        pos += 2;
        empty = true;
        break;
      }
      if (pos === before || !isNameStart(c)) throw new NotPlain("attribute");
      const an = pos;
      while (pos < n && isNameChar(xml.charCodeAt(pos))) pos++;
      const attrName = xml.slice(an, pos);
      skipWs();
      if (xml.charCodeAt(pos) !== 0x3d) throw new NotPlain("attribute");
      pos++;
      skipWs();
      const q = xml.charCodeAt(pos);
      if (q !== 0x22 && q !== 0x27) throw new NotPlain("attribute quote");
      const end = xml.indexOf(q === 0x22 ? '"' : "'", pos + 1);
      if (end < 0) throw new NotPlain("attribute");
      for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === attrName) throw new NotPlain("duplicate attribute");
      attrs.push(attrName, attrValue(xml.slice(pos + 1, end)));
      pos = end + 1;
    }
    h.open(name, attrs, stack.length);
    if (empty) {
      h.close(name, stack.length);
      if (!stack.length) done = true;
    } else stack.push(name);
  }
}

/** The part as a tree; throws NotPlain unless it is plain, well-formed XML. */
export function parseXml(xml: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  walkXml(xml, {
    open(name, attrs) {
      const node: XmlNode = { name, attrs: attrs.slice(), children: [], text: "" };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      stack.push(node);
    },
    close() {
      const node = stack.pop()!;
      if (!stack.length) root = node;
    },
    text(t) {
      stack[stack.length - 1].text += t;
    },
  });
  return root!;
}

/** An attribute's value among name, value, … pairs, or undefined. */
export function attrOf(a: readonly string[], name: string): string | undefined {
  for (let k = 0; k < a.length; k += 2) if (a[k] === name) return a[k + 1];
  return undefined;
}

/** An element's attribute, or undefined. */
export function attr(node: XmlNode, name: string): string | undefined {
  return attrOf(node.attrs, name);
}

/** Throws NotPlain when an element below `node` (not `node` itself) is named like one of `names`. */
export function noneNamed(node: XmlNode, names: ReadonlySet<string>, why: string): void {
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (names.has(c.name)) throw new NotPlain(`${why}: <${c.name}>`);
    if (c.children.length) noneNamed(c, names, why);
  }
}
