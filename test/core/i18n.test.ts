/**
 * core/i18n.ts: one format, one way from a locale to a language, and every catalogue in one shape —
 * each text in both languages, with the same placeholders in both.
 */
import { COMMAND_TEXT, langOf } from "../../src/commands/commands";
import { detectLang } from "../../src/cli/io";
import { CLI_TEXT, fillText } from "../../src/cli/messages";
import { CATEGORY_NAMES, SEVERITY_NAMES } from "../../src/core/finding";
import { format, formatBoth, langFromEnv, langFromLocale, LANGS, placeholders, say, type Catalogue } from "../../src/core/i18n";
import { RULES } from "../../src/core/rules";
import { HOST_MESSAGES } from "../../src/host/shared/messages";
import { TEXT as PANE_TEXT } from "../../src/taskpane/i18n";

const CATALOGUES: Record<string, Catalogue> = {
  pane: PANE_TEXT,
  host: HOST_MESSAGES,
  cli: CLI_TEXT,
  ribbon: COMMAND_TEXT,
  categories: CATEGORY_NAMES,
  severities: SEVERITY_NAMES,
  ...Object.fromEntries(RULES.map((r) => [`rule ${r.id}`, r.messages])),
};

describe("format", () => {
  it("fills named placeholders from the parameters, in the user's language where a parameter has both", () => {
    expect(format("指标“{name}”的 {value}", { name: "培训人次", value: 3 }, "zh")).toBe("指标“培训人次”的 3");
    expect(format("the {level} label", { level: { zh: "一级指标", en: "level-1" } }, "en")).toBe("the level-1 label");
    expect(formatBoth({ zh: "{n} 张表", en: "{n} tables" }, { n: 2 })).toEqual({ zh: "2 张表", en: "2 tables" });
  });

  it("chooses the singular or the plural word by the parameter", () => {
    expect(format("{n} {n|column|columns}", { n: 1 }, "en")).toBe("1 column");
    expect(format("{n} {n|column|columns}", { n: "3" }, "en")).toBe("3 columns");
  });

  it("leaves a placeholder without a parameter as it is written, and other braces as text", () => {
    expect(format("{a} {b|x|y} 对象（{…}）", {}, "zh")).toBe("{a} {b|x|y} 对象（{…}）");
    expect(placeholders("{a} {b|x|y} {a} {…}")).toEqual(["a", "b"]);
  });

  it("serves every catalogue by key (say) and the CLI's by position", () => {
    expect(say(COMMAND_TEXT, "en", "title")).toBe("Clear marks");
    expect(fillText("{0} {0|error|errors}, {1} {1|warning|warnings}", [1, 6])).toBe("1 error, 6 warnings");
    expect(fillText("{0}：{1}", ["a"])).toBe("a：");
  });
});

describe("the language of a locale", () => {
  it("is English for an English locale and Chinese otherwise, for the pane, the ribbon and the CLI alike", () => {
    for (const [locale, lang] of [
      ["zh-CN", "zh"],
      ["zh-TW", "zh"],
      ["en-US", "en"],
      ["en-GB", "en"],
      ["EN", "en"],
      ["en_US.UTF-8", "en"],
      ["fr-FR", "zh"],
      ["C.UTF-8", "zh"],
      ["", "zh"],
      [undefined, "zh"],
    ] as const) {
      expect({ locale, lang: langFromLocale(locale) }).toEqual({ locale, lang });
      expect({ locale, lang: langOf(locale) }).toEqual({ locale, lang });
    }
  });

  it("of the environment is LC_ALL's, else LC_MESSAGES', else LANG's (empty ones unset)", () => {
    expect(langFromEnv({})).toBeUndefined();
    expect(langFromEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "en_US.UTF-8", LC_MESSAGES: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_ALL: "", LANG: "en_US.UTF-8" })).toBe("en");
  });

  it("the CLI asks --lang, then JIXIAO_LANG, then the locale", () => {
    expect(detectLang([], {})).toBe("zh");
    expect(detectLang([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(detectLang([], { LC_ALL: "C" , LANG: "en_US.UTF-8" })).toBe("zh");
    expect(detectLang([], { JIXIAO_LANG: "zh", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(detectLang(["check", "--lang", "zh"], { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(detectLang(["check", "--lang=en"], {})).toBe("en");
  });
});

describe("every catalogue", () => {
  it.each(Object.entries(CATALOGUES))("%s: every text in both languages, with the same placeholders", (_name, catalogue) => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(catalogue)) {
      for (const lang of LANGS) if (typeof text[lang] !== "string" || text[lang].trim() === "") problems.push(`${key}: no ${lang} text`);
      const zh = placeholders(text.zh ?? "").sort();
      const en = placeholders(text.en ?? "").sort();
      if (zh.join() !== en.join()) problems.push(`${key}: zh {${zh.join(", ")}} / en {${en.join(", ")}}`);
    }
    expect(problems).toEqual([]);
  });
});
