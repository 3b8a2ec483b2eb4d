import { configToOptions, parseConfig } from "../../src/core/config";

describe("configuration", () => {
  it("accepts a valid configuration and turns it into engine options", () => {
    const r = parseConfig(JSON.stringify({ rules: { vague: "off", "range.at-least-100": "error" }, moneyUnit: "万元", framework: "common", placeholderWords: ["待核实"] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(configToOptions(r.config)).toEqual({
      disabledRules: ["vague"],
      severityOverrides: { "range.at-least-100": "error" },
      frameworkOverride: "common",
      defaultMoneyUnit: "万元",
      placeholderWords: ["待核实"],
    });
  });
  it("names the key and what is allowed when a value is wrong", () => {
    const r = parseConfig(JSON.stringify({ moneyUnit: "千元" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^moneyUnit:/);
    expect(r.message).toMatch(/万元/);
  });
  it("takes a self-evaluation's grade bands, highest first", () => {
    const r = parseConfig(JSON.stringify({ gradeBands: { 优: 85, 良: 75, 中: 60 } }));
    expect(r.ok && configToOptions(r.config).gradeBands).toEqual({ 优: 85, 良: 75, 中: 60 });
    const upside = parseConfig(JSON.stringify({ gradeBands: { 优: 60, 良: 75, 中: 85 } }));
    expect(upside.ok ? "" : upside.message).toMatch(/优 > 良 > 中/);
    expect(parseConfig(JSON.stringify({ gradeBands: { 优: 90, 良: 80 } })).ok).toBe(false);
  });
  it("rejects unknown keys, bad JSON and prototype pollution", () => {
    const unknown = parseConfig(JSON.stringify({ colour: "red" }));
    expect(unknown.ok).toBe(false);
    expect(parseConfig("{ not json").ok).toBe(false);
    const polluted = parseConfig('{"__proto__": {"polluted": true}, "lang": "en"}');
    expect(polluted.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
