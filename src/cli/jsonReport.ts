/**
 * `jixiao check --format json` written as the batch goes: byte for byte what
 * JSON.stringify({ files, totals }, null, 2) gives for the whole batch (toJson in format.ts), but
 * each file is written as soon as it is checked, and a file's findings a few hundred at a time, so
 * the report never exists whole in memory (issue 17).
 */
import { fileJson, type FileResult, type Totals } from "./format";

/** Findings serialised per write: a few MB of text at most. */
const FINDINGS_PER_WRITE = 500;

/** `text` with every line after the first indented by `pad` (JSON.stringify's nesting, one level down). */
const nest = (text: string, pad: string) => text.replace(/\n/g, "\n" + pad);

export class JsonReportWriter {
  private files = 0;

  constructor(private readonly write: (s: string) => void | Promise<void>) {}

  async begin(): Promise<void> {
    await this.write('{\n  "files": [');
  }

  /** One file, as `files[i]` (4 spaces in: the root's "files" array). */
  async file(r: FileResult): Promise<void> {
    const lead = (this.files++ ? ",\n" : "\n") + "    ";
    const obj = fileJson(r) as { findings?: unknown[] };
    const findings = obj.findings ?? [];
    if (findings.length === 0) {
      await this.write(lead + nest(JSON.stringify(obj, null, 2), "    "));
      return;
    }
    // the object around its findings, split where they go
    const marker = `\u0001findings${Math.random().toString(36).slice(2)}\u0001`;
    const shell = nest(JSON.stringify({ ...obj, findings: [marker] }, null, 2), "    ");
    const at = shell.indexOf(JSON.stringify(marker));
    // what precedes the marker on its line is the findings' indentation (8 spaces)
    const lineStart = shell.lastIndexOf("\n", at) + 1;
    const pad = shell.slice(lineStart, at);
    await this.write(lead + shell.slice(0, lineStart));
    for (let i = 0; i < findings.length; i += FINDINGS_PER_WRITE) {
      const part = findings.slice(i, i + FINDINGS_PER_WRITE).map((f) => pad + nest(JSON.stringify(f, null, 2), pad));
      await this.write(part.join(",\n") + (i + FINDINGS_PER_WRITE < findings.length ? ",\n" : ""));
    }
    await this.write(shell.slice(at + JSON.stringify(marker).length));
  }

  /** The end of the list, the batch's totals, and the final newline. */
  async end(totals: Totals): Promise<void> {
    await this.write((this.files ? "\n  ]" : "]") + ',\n  "totals": ' + nest(JSON.stringify(totals, null, 2), "  ") + "\n}\n");
  }
}
