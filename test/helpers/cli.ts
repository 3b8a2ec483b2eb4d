/** Running the jixiao command in-process for the CLI tests: its exit code and what it wrote. */
import * as path from "node:path";
import { main } from "../../src/cli/main";

export const ROOT = path.join(__dirname, "..", "..");

/** A file of examples/ by its name there. */
export const EX = (f: string) => path.join(ROOT, "examples", f);

/** `jixiao …args`, its standard output and error collected line by line. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}
