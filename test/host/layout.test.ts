/**
 * The shape of src/host (issue 13): the Excel host split by job in files a newcomer can read (none
 * over ~400 lines), the logic both hosts use in shared/, and neither host importing the other.
 */
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

const HOST = path.join(__dirname, "..", "..", "src", "host");

function files(dir: string): string[] {
  return readdirSync(path.join(HOST, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(HOST, file), "utf8");
  return [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);
}

describe("src/host layout", () => {
  it("no file of the Excel host is over 400 lines", () => {
    const long = files("excel")
      .map((f) => [f, readFileSync(path.join(HOST, f), "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it("the Excel host does not import the memory host, nor the memory host the Excel host", () => {
    const crossing = [
      ...files("excel").flatMap((f) => imports(f).filter((i) => /(^|\/)memory(\/|$)/.test(i)).map((i) => `${f} -> ${i}`)),
      ...files("memory").flatMap((f) => imports(f).filter((i) => /(^|\/)excel(\/|$)/.test(i)).map((i) => `${f} -> ${i}`)),
    ];
    expect(crossing).toEqual([]);
  });

  it("shared/ imports neither host", () => {
    const crossing = files("shared").flatMap((f) => imports(f).filter((i) => /(^|\/)(excel|memory)(\/|$)/.test(i)).map((i) => `${f} -> ${i}`));
    expect(crossing).toEqual([]);
  });
});
