/**
 * Assertions for rule tests: a finding of one rule on one cell, with the rule's category and the
 * expected severity, a message that names the cell and quotes the value; or no finding of a rule.
 * test/core/rules/coverage.test.ts reads the `expectFinding(…, "rule.id"` and `expectNone(…, "rule.id"`
 * calls of these files to make sure every rule in the registry has both.
 */
import { runRule, validate, type Report, type ValidateOptions } from "../../../src/core/engine";
import type { Finding, Severity } from "../../../src/core/finding";
import { parseA1, type CellValue, type Grid } from "../../../src/core/grid";
import { ruleById } from "../../../src/core/rules";

/** A report together with what produced it, so a test can re-run it in English or after a fix. */
export interface Checked extends Report {
  grids: Grid[];
  options: ValidateOptions;
}

export function run(grids: Grid | Grid[], options: ValidateOptions = {}): Checked {
  const list = Array.isArray(grids) ? grids : [grids];
  return { ...validate(list, options), grids: list, options };
}

export function findingsOf(report: Checked, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

export interface Expected {
  cell: string;
  /** defaults to the rule's own severity */
  severity?: Severity;
  /** text the zh message must quote: “…” */
  quoted?: string | string[];
  /** more text the message must contain */
  says?: (string | RegExp)[];
  sheet?: string;
}

/** Exactly one finding of `rule` on `cell`; checks id, category, severity and message. */
export function expectFinding(report: Checked, rule: string, e: Expected): Finding {
  const r = ruleById(rule);
  if (!r) throw new Error(`no rule ${rule} in the registry`);
  const onCell = report.findings.filter((f) => f.rule === rule && f.cell === e.cell && (!e.sheet || f.sheet === e.sheet));
  if (onCell.length !== 1) {
    const all = report.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).join("\n  ");
    throw new Error(`expected one ${rule} finding on ${e.cell}, got ${onCell.length}; findings:\n  ${all}`);
  }
  const f = onCell[0];
  // the rule alone on the same grids finds the same (rules do not depend on each other)
  const { rules: _rules, extraRules: _extra, ...alone } = report.options;
  expect(runRule(r, report.grids, alone).findings.filter((x) => x.cell === e.cell && (!e.sheet || x.sheet === e.sheet))).toEqual(onCell);
  expect(f.category).toBe(r.category);
  expect(f.rule.split(".")[0]).toBe(f.category);
  expect(f.severity).toBe(e.severity ?? r.severity);
  // the location is the finding's own field: the message does not begin with it (each surface places it)
  expect(f.message.startsWith(e.cell)).toBe(false);
  for (const q of [e.quoted ?? []].flat()) expect(f.message).toContain(`“${q}”`);
  for (const s of e.says ?? []) expect(f.message).toMatch(s);
  // the same finding in English, written in English and starting with a capital
  const en = validate(report.grids, { ...report.options, lang: "en" }).findings.find((x) => x.rule === f.rule && x.cell === f.cell && x.sheet === f.sheet);
  expect(en?.message).toMatch(/[a-z]{3}/);
  expect(en?.message).toMatch(/^[^a-z]/);
  expect(en?.message.startsWith(e.cell)).toBe(false);
  return f;
}

/** No finding of `rule` at all (or none on `cell`). */
export function expectNone(report: Checked, rule: string, cell?: string): void {
  if (!ruleById(rule)) throw new Error(`no rule ${rule} in the registry`);
  const hits = report.findings.filter((f) => f.rule === rule && (!cell || f.cell === cell));
  expect(hits.map((f) => `${f.cell}: ${f.message}`)).toEqual([]);
}

/** The checked grids with the finding's fix applied to a copy (the fix names its own cell). */
export function applyFix(report: Checked, f: Finding): Grid[] {
  const grids = report.grids;
  if (!f.fix) throw new Error(`${f.rule} on ${f.cell} carries no fix`);
  const fix = f.fix;
  return grids.map((g) => {
    if (g.sheet !== fix.sheet) return g;
    const copy: Grid = structuredClone(g);
    const { row, col } = parseA1(fix.cell);
    const r = row - copy.origin.row;
    const c = col - copy.origin.col;
    while (copy.cells.length <= r) copy.cells.push([]);
    while (copy.cells[r].length <= c) copy.cells[r].push(null);
    copy.cells[r][c] = fix.value;
    if (copy.numberFormats?.[r]) copy.numberFormats[r][c] = null;
    return copy;
  });
}

/** Put a value in a cell of a grid copy. */
export function setCell(g: Grid, address: string, value: CellValue): Grid {
  const copy: Grid = structuredClone(g);
  const { row, col } = parseA1(address);
  copy.cells[row - copy.origin.row][col - copy.origin.col] = value;
  return copy;
}
