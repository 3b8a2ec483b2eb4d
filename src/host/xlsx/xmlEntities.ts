/**
 * XML's five entities and its character references, decoded — the one decoder of the readers (the
 * direct reader's XML, the assisted reader's cells) and of the CLI's workbook editor.
 */

/** A character XML 1.0 allows: what a character reference may name. */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * `s` with its references decoded. What a strict parser (saxes, exceljs's) refuses — an & that ends
 * no reference, an unknown entity, a reference to a character XML does not allow — goes to `reject`,
 * which throws (the readers then hand the file to a reader that copes); without `reject` it is left
 * as written.
 */
export function decodeXmlEntities(s: string, reject?: (why: string) => never): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([^;&]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) return reject ? reject("bare &") : m;
    const named = NAMED[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
    else if (/^#x[0-9a-fA-F]+$/.test(body)) code = parseInt(body.slice(2), 16);
    if (!isXmlChar(code)) return reject ? reject("reference") : m;
    return String.fromCodePoint(code);
  });
}
