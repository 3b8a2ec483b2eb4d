/**
 * Builds the Excel add-in into dist/: taskpane.html, commands.html (ribbon function file),
 * notice.html (command messages), help.html, their bundles, assets/ and manifest.xml.
 *
 *   npm run build                                        production build, manifest URLs = https://localhost:3000/
 *   JIXIAO_BASE_URL=https://intranet.example/jixiao/ npm run build
 *                                                        manifest.xml in dist/ points at that server
 *   JIXIAO_OFFICEJS=bundled npm run build                pages load Office.js from dist/office-js/
 *                                                        (copied from @microsoft/office-js) instead of the CDN
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

function officeJsMode() {
  const mode = (process.env.JIXIAO_OFFICEJS || "cdn").trim().toLowerCase();
  if (mode !== "cdn" && mode !== "bundled") throw new Error(`JIXIAO_OFFICEJS must be "cdn" or "bundled", got ${mode}`);
  return mode;
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

const HELP_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; img-src 'self'" />
<title>绩效目标表校验 · Jixiao</title>
<style>body{font-family:"Segoe UI","Microsoft YaHei","PingFang SC",sans-serif;max-width:720px;margin:32px auto;padding:0 16px;line-height:1.7;color:#242424}h1{font-size:22px}h2{font-size:17px;margin-top:28px}</style>
</head>
<body>
<h1><img src="assets/icon-32.png" alt="" width="32" height="32" style="vertical-align:middle"> 绩效目标表校验 Jixiao</h1>
<p>在 Excel 的“开始”选项卡中找到“绩效”组：</p>
<ul>
<li><b>校验本表</b>：找出当前工作表中的每一张绩效目标表，在单元格上标出问题（红：错误，黄：警告，蓝：提示），并在任务窗格中列出。</li>
<li><b>指标库</b>：按项目搜索或推荐标准指标，预览后插入表格，格式与相邻行一致。</li>
<li><b>清除标记</b>：去掉所有标记，工作表恢复原样。标记以条件格式显示，会随文件保存；保存前请先清除（或在设置中选择保留）。</li>
</ul>
<p>Jixiao 不会修改任何单元格的值，除非您点击某个问题的“修正”按钮；修正可以撤销。所有数据都留在本机，不发送到任何服务器。</p>
<h2>English</h2>
<p>The Jixiao group on the Home tab: <b>Validate</b> marks every problem in the performance target tables on the active sheet and lists them in the task pane; <b>Templates</b> opens the indicator library; <b>Clear marks</b> removes every mark (marks are conditional formats and are saved with the file, so clear them before saving unless you chose to keep them). Jixiao never changes a value unless you apply a fix, and nothing leaves your computer.</p>
</body>
</html>`;

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
    copy.push({
      from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js"] },
    });
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
module.exports.DEV_BASE = DEV_BASE;
