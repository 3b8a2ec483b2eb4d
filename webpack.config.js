/**
 * Builds the Excel add-in into dist/: taskpane.html, commands.html (ribbon function file),
 * notice.html (command messages), help.html, their bundles, assets/ and manifest.xml.
 *
 *   npm run build                                        production build, manifest URLs = https://localhost:3000/
 *   JIXIAO_BASE_URL=https://intranet.example/jixiao/ npm run build
 *                                                        manifest.xml in dist/ points at that server
 *   JIXIAO_OFFICEJS=bundled npm run build                pages load Office.js from dist/office-js/
 *                                                        (copied from @microsoft/office-js) instead of the CDN
 *   JIXIAO_OFFICEJS_DIR=/srv/officejs/hosted npm run build
 *                                                        the same, dist/office-js/ copied from that folder: the
 *                                                        CDN's lib/1/hosted/ as a deployment downloaded it (the
 *                                                        npm package, no longer supported, is only the fallback)
 *   npm run dev-server                                   https://localhost:3000 with office-addin-dev-certs
 *
 * No page makes a network request other than its own files and Office.js.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BUNDLED_OFFICE_JS = "office-js/office.js";

/** The deployment URL, normalised to end in "/"; https only (Office refuses add-ins over http). */
function baseUrl() {
  const raw = (process.env.JIXIAO_BASE_URL || "").trim();
  if (!raw) return DEV_BASE;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`JIXIAO_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`JIXIAO_BASE_URL must be an https:// URL (Office loads add-ins only over https): ${raw}`);
  url.search = "";
  url.hash = "";
  return url.toString().endsWith("/") ? url.toString() : `${url.toString()}/`;
}

/** manifest.xml with every development URL replaced by the deployment URL. */
function rewriteManifest(xml, base) {
  const text = xml.toString("utf8").split(DEV_BASE).join(base);
  if (base !== DEV_BASE && text.includes("localhost")) throw new Error("manifest.xml still mentions localhost after rewriting");
  return text;
}

function officeJsMode(env = process.env) {
  const dir = (env.JIXIAO_OFFICEJS_DIR || "").trim();
  const mode = (env.JIXIAO_OFFICEJS || (dir ? "bundled" : "cdn")).trim().toLowerCase();
  if (mode !== "cdn" && mode !== "bundled") throw new Error(`JIXIAO_OFFICEJS must be "cdn" or "bundled", got ${mode}`);
  if (dir && mode !== "bundled") throw new Error("JIXIAO_OFFICEJS_DIR gives the Office.js files to serve with the add-in: it goes with JIXIAO_OFFICEJS=bundled (or alone), not with cdn");
  return mode;
}

/**
 * Where a bundled build copies Office.js from (to dist/office-js/): the folder JIXIAO_OFFICEJS_DIR
 * names — the CDN's lib/1/hosted/ folder as the deployment downloaded it, copied as it is (office.js
 * loads its host, platform and language files from beside itself) — or, without it, the
 * @microsoft/office-js npm package, which Microsoft no longer supports: a fallback as old as the package.
 */
function officeJsSource(env = process.env) {
  const dir = (env.JIXIAO_OFFICEJS_DIR || "").trim();
  if (!dir) {
    return { from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"), ignore: ["**/*.debug.js"], npm: true };
  }
  const from = path.resolve(dir);
  const fs = require("fs");
  if (!fs.existsSync(path.join(from, "office.js"))) {
    throw new Error(`JIXIAO_OFFICEJS_DIR must be a folder holding office.js (the CDN's lib/1/hosted/ folder as downloaded): ${from}`);
  }
  return { from, ignore: [], npm: false };
}

/**
 * Certificates for https://localhost from office-addin-dev-certs (generated and trusted on first
 * use). Where the CA cannot be installed (no sudo, locked-down machine) the generated files are used
 * anyway and we say how to trust the CA by hand.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require("fs");
    const os = require("os");
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) throw e;
    console.warn(
      `\n[jixiao] Could not install the development CA certificate (${e && e.message ? e.message.split("\n")[0] : e}).\n` +
        `[jixiao] Serving with the generated certificate anyway. Trust ${path.join(dir, "ca.crt")} in your OS or browser\n` +
        "[jixiao] (or run `npx office-addin-dev-certs install` with administrator rights) so Excel accepts https://localhost:3000.\n",
    );
    const read = (f) => fs.readFileSync(path.join(dir, f));
    return { ca: read(files.ca), cert: read(files.cert), key: read(files.key) };
  }
}

const HELP_PAGE = require("./tools/help-page");

module.exports = async (_env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const serving = !!process.env.WEBPACK_SERVE;
  const base = baseUrl();
  const officeMode = officeJsMode();
  const officeJs = officeMode === "bundled" ? BUNDLED_OFFICE_JS : CDN_OFFICE_JS;

  const copy = [
    { from: "assets", to: "assets" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, base) },
  ];
  if (officeMode === "bundled") {
    const source = officeJsSource();
    copy.push({ from: source.from, to: "office-js", globOptions: { ignore: source.ignore } });
  }

  let server;
  if (serving) server = { type: "https", options: await httpsOptions() };

  return {
    mode,
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // Jixiao's own modules run no code on import that another module relies on: one whose
        // exports go unused is left out (grid.ts's number formats when only its addresses are
        // used), which keeps what the pane's first paint does not need out of its first chunk
        { include: path.resolve(__dirname, "src"), sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // type checking is `npm run typecheck`; the build only transpiles
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], officeJs }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], officeJs }),
      new HtmlWebpackPlugin({ filename: "notice.html", template: "./src/commands/notice.html", chunks: ["notice"] }),
      new HtmlWebpackPlugin({ filename: "help.html", templateContent: HELP_PAGE, inject: false }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
      onListening: () => {
        console.log(
          [
            "",
            "Jixiao dev server: https://localhost:3000/taskpane.html",
            "Sideload manifest.xml (it points at this server):",
            "  Excel on the web: Home > Add-ins > More add-ins > Upload My Add-in > manifest.xml",
            "  Excel on Windows: share the folder holding manifest.xml, add it as a Trusted Add-in Catalog",
            "                    (File > Options > Trust Center > Trusted Add-in Catalogs), restart Excel,",
            "                    then Home > Add-ins > Shared Folder",
            "  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
            "Details: docs/excel-addin.md",
            "",
          ].join("\n"),
        );
      },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.officeJsMode = officeJsMode;
module.exports.officeJsSource = officeJsSource;
module.exports.DEV_BASE = DEV_BASE;
