/**
 * File arguments as the user typed them. A shell on Linux or macOS expands `folder/*.xlsx` before
 * Jixiao sees it; Windows' cmd.exe and PowerShell pass the pattern through as it is. So a
 * pattern that names no existing file is expanded here: `*` and `?` in the file-name part, not
 * in folder names. Excel's lock files (`~$name.xlsx`, present while a workbook is open) are left
 * out of an expansion: they are not workbooks.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const WILDCARD = /[*?]/;

function patternRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  // file names compare case-insensitively on Windows and macOS, where `*.XLSX` files are common
  return new RegExp(`^${body}$`, "i");
}

/** One file to read, a pattern that matched none, or an Excel lock file (both reported in its place). */
export interface FileArg {
  file: string;
  noMatch?: true;
  lockFile?: true;
}

/** `~$预算.xlsx`: the owner file Excel keeps beside an open workbook (a few hundred bytes). */
function isExcelLockFile(file: string): boolean {
  if (!path.basename(file).startsWith("~$")) return false;
  try {
    return statSync(file).size < 4096;
  } catch {
    return false;
  }
}

export function expandFileArgs(args: readonly string[]): FileArg[] {
  const out: FileArg[] = [];
  for (const arg of args) {
    if (!WILDCARD.test(path.basename(arg)) || existsSync(arg)) {
      // a shell that expanded *.xlsx hands over the lock files too
      out.push(isExcelLockFile(arg) ? { file: arg, lockFile: true } : { file: arg });
      continue;
    }
    const dir = path.dirname(arg);
    const re = patternRegExp(path.basename(arg));
    let names: string[] = [];
    try {
      if (!WILDCARD.test(dir) && statSync(dir).isDirectory()) names = readdirSync(dir);
    } catch {
      names = [];
    }
    const matches = names
      .filter((n) => re.test(n) && !n.startsWith("~$"))
      .sort()
      .map((n) => (dir === "." && !arg.startsWith(".") ? n : path.join(dir, n)))
      .filter((p) => statSync(p).isFile());
    if (matches.length === 0) out.push({ file: arg, noMatch: true });
    for (const file of matches) out.push({ file });
  }
  return out;
}
