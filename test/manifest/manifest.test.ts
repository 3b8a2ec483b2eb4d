/**
 * Offline checks of manifest.xml: what office-addin-manifest reads from it, and everything
 * Office would reject or users would notice: ids, version, https URLs, icons on disk at the sizes
 * declared, the requirement set the host code needs, zh-CN strings with en-US overrides, every
 * resource id defined, and the deployment rewrite of the build.
 */
import { execFileSync } from "child_process";
import { readFileSync, existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { ManifestInfo } from "office-addin-manifest";
import { MIN_EXCEL_API } from "../../src/host/excel/host";

// xml2js: the parser office-addin-manifest itself uses (a devDependency of ours too)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require("xml2js") as { parseStringPromise(xml: string): Promise<XmlNode> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  rewriteManifest(xml: Buffer, base: string): string;
  DEV_BASE: string;
  officeJsMode(env: Record<string, string>): "cdn" | "bundled";
  officeJsSource(env: Record<string, string>): { from: string; ignore: string[]; npm: boolean };
};

type XmlNode = { [key: string]: XmlNode[] | XmlNode | string | undefined; $?: Record<string, string> & XmlNode; _?: string };

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const xmlText = readFileSync(MANIFEST, "utf8");

/** Depth-first list of every element named `name` (namespace prefix ignored). */
function all(node: unknown, name: string, out: XmlNode[] = []): XmlNode[] {
  if (!node || typeof node !== "object") return out;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === "$") continue;
    const local = k.includes(":") ? k.split(":")[1] : k;
    const list = Array.isArray(v) ? v : [v];
    for (const child of list) {
      if (local === name && child && typeof child === "object") out.push(child as XmlNode);
      all(child, name, out);
    }
  }
  return out;
}

function attr(node: XmlNode, name: string): string {
  return (node.$ as Record<string, string> | undefined)?.[name] ?? "";
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFor(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
  if (!m) throw new Error(`not an asset URL: ${url}`);
  return join(ROOT, m[1]);
}

/**
 * office-addin-manifest's own reading of the file. It runs in a plain Node process: the package
 * pulls ESM-only dependencies (uuid, @microsoft/app-manifest) that Node loads but jest's CommonJS
 * runtime cannot.
 */
function readWithOfficeAddinManifest(): ManifestInfo {
  const script = "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
  return JSON.parse(execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" })) as ManifestInfo;
}

let doc: XmlNode;
beforeAll(async () => {
  doc = await xml2js.parseStringPromise(xmlText);
});

describe("manifest.xml", () => {
  it("is read by office-addin-manifest with a GUID id, a version, zh-CN default and the Workbook host", () => {
    const info = readWithOfficeAddinManifest();
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.version).toBe(`${pkg.version}.0`);
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.displayName).toMatch(/[\u4e00-\u9fff]/);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html?view=validate");
  });

  it("uses https for every URL", () => {
    const urls = [...xmlText.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(15);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
    // schema URIs aside, nothing else is fetched
    expect(xmlText).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
  });

  it("declares the requirement set the Excel host checks", () => {
    const sets = all(doc, "Set");
    expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", MIN_EXCEL_API]]);
  });

  it("points every icon at a PNG in assets/ of the declared size", () => {
    const images = all(doc, "Image").filter((n) => attr(n, "id"));
    expect(images.length).toBeGreaterThanOrEqual(12);
    for (const img of images) {
      const size = Number(/(\d+)x\1$/.exec(attr(img, "id"))?.[1]);
      const file = assetFor(attr(img, "DefaultValue"));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    const app = doc.OfficeApp as XmlNode;
    expect(pngSize(assetFor(attr((app.IconUrl as XmlNode[])[0], "DefaultValue")))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFor(attr((app.HighResolutionIconUrl as XmlNode[])[0], "DefaultValue")))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("puts 校验本表 and 指标库 in a 绩效 group that opens one task pane, and a clear-marks command", () => {
    const group = all(doc, "Group")[0];
    expect(attr(group, "id")).toBe("Jixiao.Group");
    const controls = all(group, "Control");
    expect(controls.map((c) => attr(c, "id"))).toEqual(["Jixiao.Validate", "Jixiao.Library", "Jixiao.ClearMarks"]);
    const actions = controls.map((c) => all(c, "Action")[0]);
    expect(actions.map((a) => attr(a, "xsi:type"))).toEqual(["ShowTaskpane", "ShowTaskpane", "ExecuteFunction"]);
    const paneIds = actions.slice(0, 2).map((a) => (a.TaskpaneId as unknown as string[])[0]);
    expect(new Set(paneIds).size).toBe(1); // the same pane, so the buttons switch its view
    expect((actions[2].FunctionName as unknown as string[])[0]).toBe("clearMarks");
    const urls = Object.fromEntries(all(doc, "Url").map((u) => [attr(u, "id"), attr(u, "DefaultValue")]));
    expect(urls["Taskpane.Validate.Url"]).toBe("https://localhost:3000/taskpane.html?view=validate&run=1");
    expect(urls["Taskpane.Library.Url"]).toBe("https://localhost:3000/taskpane.html?view=templates");
    expect(urls["Commands.Url"]).toBe("https://localhost:3000/commands.html");
  });

  it("defines every resource it uses, with zh-CN text and an en-US override for each string", () => {
    const strings = [...all(doc, "ShortStrings"), ...all(doc, "LongStrings")].flatMap((n) => all(n, "String"));
    const defined = new Set([...strings, ...all(doc, "Image"), ...all(doc, "Url")].map((n) => attr(n, "id")).filter(Boolean));
    const used = [...xmlText.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) expect(defined).toContain(id);
    const labels = Object.fromEntries(strings.map((s) => [attr(s, "id"), attr(s, "DefaultValue")]));
    expect(labels["Group.Label"]).toBe("绩效");
    expect(labels["Validate.Label"]).toBe("校验本表");
    expect(labels["Library.Label"]).toBe("指标库");
    for (const s of strings) {
      expect(attr(s, "DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      const override = all(s, "Override");
      expect(override.map((o) => attr(o, "Locale"))).toEqual(["en-US"]);
      expect(attr(override[0], "Value")).toMatch(/^[\x20-\x7e]+$/);
    }
    for (const s of strings.filter((x) => all(doc, "ShortStrings").some((ss) => all(ss, "String").includes(x)))) {
      expect(attr(s, "DefaultValue").length).toBeLessThanOrEqual(125);
    }
    for (const el of ["DisplayName", "Description"]) {
      const node = ((doc.OfficeApp as XmlNode)[el] as XmlNode[])[0];
      expect(all(node, "Override").map((o) => attr(o, "Locale"))).toEqual(["en-US"]);
    }
  });

  it("is rewritten for deployment by the build without a trace of localhost", async () => {
    const out = webpackConfig.rewriteManifest(Buffer.from(xmlText), "https://intranet.example.gov.cn/jixiao/");
    expect(out).not.toContain("localhost");
    expect(out).toContain("https://intranet.example.gov.cn/jixiao/taskpane.html?view=validate&amp;run=1");
    await expect(xml2js.parseStringPromise(out)).resolves.toBeTruthy();
  });

  it("takes Office.js for a bundled build from the deployment's own folder, the npm package only without one (issue 13)", () => {
    const { officeJsMode, officeJsSource } = webpackConfig;
    expect(officeJsMode({})).toBe("cdn");
    expect(officeJsMode({ JIXIAO_OFFICEJS: "bundled" })).toBe("bundled");
    const hosted = mkdtempSync(join(tmpdir(), "jixiao-officejs-"));
    writeFileSync(join(hosted, "office.js"), "/* downloaded from the CDN */");
    // the folder alone means bundled; with cdn it is a mistake said as such
    expect(officeJsMode({ JIXIAO_OFFICEJS_DIR: hosted })).toBe("bundled");
    expect(() => officeJsMode({ JIXIAO_OFFICEJS: "cdn", JIXIAO_OFFICEJS_DIR: hosted })).toThrow(/JIXIAO_OFFICEJS_DIR/);
    expect(officeJsSource({ JIXIAO_OFFICEJS_DIR: hosted })).toEqual({ from: hosted, ignore: [], npm: false });
    expect(() => officeJsSource({ JIXIAO_OFFICEJS_DIR: join(hosted, "missing") })).toThrow(/office\.js/);
    const npm = officeJsSource({});
    expect(npm.npm).toBe(true);
    expect(existsSync(join(npm.from, "office.js"))).toBe(true);
  });
});
