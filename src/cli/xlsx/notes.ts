/**
 * Notes (Excel's "comments", the yellow boxes) added to a worksheet part. A cell that already has
 * a note keeps it: Jixiao's text is added after the author's, never in its place. A note is two
 * parts, as Excel writes them: its text in xl/commentsN.xml and its box in the sheet's VML drawing
 * (xl/drawings/vmlDrawingN.vml, the `<legacyDrawing>`); both are created when the sheet has none,
 * or extended when it has.
 */
import { REL, XlsxPackage } from "./package";
import { parseRef, type SheetEditor } from "./sheet";
import { escapeAttr, escapeText, findElement, findElements, getAttr, prefixForNamespace, prefixOf, xmlSafe } from "./xml";

const AUTHOR = "Jixiao";

function runs(text: string, pfx: string): string {
  return `<${pfx}r><${pfx}rPr><${pfx}sz val="9"/></${pfx}rPr><${pfx}t xml:space="preserve">${escapeText(xmlSafe(text))}</${pfx}t></${pfx}r>`;
}

/** A note's box in VML, as Excel writes one for a hidden note: shown beside its cell on hover. */
function vmlShape(id: number, row0: number, col0: number, lines: number): string {
  const height = Math.min(20, Math.max(4, lines + 1));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:${height * 13}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col0 + 1}, 15, ${Math.max(0, row0 - 1)}, 2, ${col0 + 5}, 15, ${row0 + height}, 2</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row0}</x:Row><x:Column>${col0}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/**
 * Add `notes` (cell -> text) to the sheet: to the cell's note when it has one, else as a new note.
 * `sheet` is the editor of the sheet's XML (it gets the `<legacyDrawing>` when the sheet had none);
 * returns the root start tag to write the sheet with (a namespace declaration may be added).
 */
export function addNotes(pkg: XlsxPackage, sheetPart: string, sheet: SheetEditor, notes: ReadonlyMap<string, string>): string | undefined {
  if (notes.size === 0) return undefined;
  let rootTag: string | undefined;

  // ---- the text: xl/commentsN.xml ----
  const commentsRel = pkg.relOfType(sheetPart, REL.comments);
  let commentsPart = commentsRel?.part;
  let xml = commentsPart ? pkg.text(commentsPart) : undefined;
  if (!commentsPart || !xml) {
    commentsPart = pkg.freePart("xl/comments{n}.xml");
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${pkg.namespaces().main}"><authors></authors><commentList></commentList></comments>`;
    pkg.addRel(sheetPart, REL.comments, commentsPart);
    pkg.addContentType(commentsPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  }
  const p = prefixOf(xml, "comments");
  const authorsEl = findElement(xml, p, "authors");
  const authors = authorsEl?.inner ? findElements(authorsEl.inner, p, "author") : [];
  const existing = new Map<string, { start: number; end: number; text: string }>();
  const listEl = findElement(xml, p, "commentList");
  if (listEl?.inner)
    for (const c of findElements(listEl.inner, p, "comment")) {
      const ref = (getAttr(c.tag, "ref") ?? "").toUpperCase();
      existing.set(ref, { start: listEl.innerStart + c.start, end: listEl.innerStart + c.end, text: xml.slice(listEl.innerStart + c.start, listEl.innerStart + c.end) });
    }
  const authorId = authors.length;
  const edits: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  const fresh: string[] = [];
  for (const [ref, text] of notes) {
    const old = existing.get(ref.toUpperCase());
    if (old) {
      // the author's note stays first; Jixiao's text follows it after a blank line
      const textEl = findElement(old.text, p, "text");
      if (!textEl) continue;
      const inner = textEl.inner ?? "";
      // runs (or one plain <t>) come first, phonetic guides last (CT_Rst): Jixiao's run goes between
      const tailAt = inner.search(new RegExp(`<${p}(rPh|phoneticPr)[\\s/>]`));
      const body = tailAt < 0 ? inner : inner.slice(0, tailAt);
      const tail = tailAt < 0 ? "" : inner.slice(tailAt);
      const kept = findElements(body, p, "r").length > 0 ? body : findElements(body, p, "t").map((t) => `<${p}r><${p}t xml:space="preserve">${t.inner ?? ""}</${p}t></${p}r>`).join("");
      const replaced = old.text.slice(0, textEl.start) + `<${p}text>${kept}${runs("\n\n" + text, p)}${tail}</${p}text>` + old.text.slice(textEl.end);
      edits.push({ start: old.start, end: old.end, text: replaced });
    } else {
      added.push(`<${p}comment ref="${escapeAttr(ref)}" authorId="${authorId}"><${p}text>${runs(text, p)}</${p}text></${p}comment>`);
      fresh.push(ref);
    }
  }
  // additions inside <commentList> and <authors>, then the replacements of existing notes
  if (listEl) edits.push(listEl.inner === null ? { start: listEl.start, end: listEl.end, text: `<${p}commentList>${added.join("")}</${p}commentList>` } : { start: listEl.innerEnd, end: listEl.innerEnd, text: added.join("") });
  if (fresh.length) {
    const author = `<${p}author>${AUTHOR}</${p}author>`;
    if (authorsEl) edits.push(authorsEl.inner === null ? { start: authorsEl.start, end: authorsEl.end, text: `<${p}authors>${author}</${p}authors>` } : { start: authorsEl.innerEnd, end: authorsEl.innerEnd, text: author });
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  if (!listEl) xml = xml.replace(new RegExp(`</${p}comments>\\s*$`), `<${p}commentList>${added.join("")}</${p}commentList></${p}comments>`);
  pkg.setText(commentsPart, xml);

  // ---- the boxes: the sheet's VML drawing ----
  if (fresh.length === 0) return undefined;
  const vmlRel = pkg.relOfType(sheetPart, REL.vmlDrawing);
  let vmlPart = vmlRel?.part;
  let vml = vmlPart ? pkg.text(vmlPart) : undefined;
  const used = pkg.vmlBlocks();
  let block = 1;
  while (used.has(block)) block++;
  if (!vmlPart || vml === undefined) {
    vmlPart = pkg.freePart("xl/drawings/vmlDrawing{n}.vml");
    const blocks = Math.ceil((fresh.length + 1) / 1024);
    const taken = Array.from({ length: blocks }, (_, i) => block + i);
    // consecutive free blocks: the first run of `blocks` not in use
    while (taken.some((b) => used.has(b))) taken.forEach((_, i) => (taken[i] += 1));
    block = taken[0];
    taken.forEach((b) => used.add(b));
    const data = taken.join(",");
    vml =
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE}</xml>`;
    const id = pkg.addRel(sheetPart, REL.vmlDrawing, vmlPart);
    pkg.addContentType(".vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
    if (sheet.hasLegacyDrawing()) throw new Error("a legacy drawing without its relationship");
    const root = sheet.rootTag();
    const relNs = pkg.namespaces().rel;
    let relPrefix = prefixForNamespace(root, relNs);
    if (!relPrefix) {
      relPrefix = "jxr";
      rootTag = root.replace(/\s*(\/?)>$/, ` xmlns:${relPrefix}="${relNs}"$1>`);
    }
    sheet.setLegacyDrawing(`${relPrefix}:id`, id);
    // shape ids from this drawing's own block
    vml = vml.replace("</xml>", fresh.map((ref, i) => shapeFor(ref, block * 1024 + 1 + i, notes.get(ref) ?? "")).join("") + "</xml>");
  } else {
    // after the drawing's own shapes (its ids stay in its blocks as far as they go)
    const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
    let next = ids.length ? ids.reduce((a, b) => Math.max(a, b), 0) + 1 : block * 1024 + 1;
    if (!ids.length) used.add(block);
    if (!vml.includes("_x0000_t202")) vml = vml.replace(/(<xml\b[^>]*>)/, `$1${SHAPETYPE}`);
    const shapes = fresh.map((ref) => shapeFor(ref, next++, notes.get(ref) ?? "")).join("");
    const close = vml.lastIndexOf("</xml>");
    vml = close < 0 ? vml + shapes : vml.slice(0, close) + shapes + vml.slice(close);
    if (vmlRel && !sheet.hasLegacyDrawing()) sheet.setLegacyDrawing(`${prefixForNamespace(sheet.rootTag(), pkg.namespaces().rel) ?? "r"}:id`, vmlRel.id);
  }
  pkg.setText(vmlPart, vml);
  return rootTag;
}

function shapeFor(ref: string, id: number, text: string): string {
  const at = parseRef(ref) ?? { row: 1, col: 1 };
  return vmlShape(id, at.row - 1, at.col - 1, text.split("\n").length + Math.floor(text.length / 40));
}
