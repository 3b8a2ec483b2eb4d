/** The option reader shared by jixiao check, library and recommend. */
import { UsageError } from "../../src/cli/io";
import { fillText } from "../../src/cli/messages";
import { readOptions, usageErrorsExit2 } from "../../src/cli/options";

describe("readOptions", () => {
  it("reads --flag value, --flag=value, switches and files in order; --lang only takes its value", () => {
    const seen: [string, string | true][] = [];
    const files = readOptions(["a.xlsx", "--format", "json", "--out=x y.json", "--lang", "en", "--yes", "b.xlsx"], "zh", (flag, value) => {
      if (flag === "--yes") seen.push([flag, true]);
      else if (flag === "--format" || flag === "--out") seen.push([flag, value()]);
      else return false;
      return true;
    });
    expect(files).toEqual(["a.xlsx", "b.xlsx"]);
    expect(seen).toEqual([["--format", "json"], ["--out", "x y.json"], ["--yes", true]]);
  });

  it("says which option is unknown or lacks its value, in the user's language", () => {
    const none = () => false;
    const takes = (_: string, value: () => string) => (value(), true);
    expect(() => readOptions(["--nope"], "zh", none)).toThrow(new UsageError("未知选项：--nope"));
    expect(() => readOptions(["--out"], "en", takes)).toThrow(new UsageError("Option --out needs a value"));
    expect(() => readOptions(["--out", "--format"], "en", takes)).toThrow(/--out needs a value/);
  });

  it("turns a usage error into exit code 2 with its message, and lets other errors through", async () => {
    const err: string[] = [];
    expect(await usageErrorsExit2((s) => err.push(s), () => Promise.reject(new UsageError("用法错误")))).toBe(2);
    expect(err).toEqual(["用法错误"]);
    await expect(usageErrorsExit2((s) => err.push(s), () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});

describe("fillText", () => {
  it("fills arguments and picks the English singular or plural by the number", () => {
    const summary = "{0} {0|error|errors}, {1} {1|warning|warnings}";
    expect(fillText(summary, [1, 6])).toBe("1 error, 6 warnings");
    expect(fillText(summary, [0, 1])).toBe("0 errors, 1 warning");
    expect(fillText("错误 {0}，警告 {1}", [0, 6])).toBe("错误 0，警告 6");
  });
});
