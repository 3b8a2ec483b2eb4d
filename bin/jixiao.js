#!/usr/bin/env node
// The installed `jixiao` command: runs the bundled CLI (built by `npm run build:cli`, also on install).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "build", "jixiao.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("jixiao: the CLI is not built yet; run `npm run build:cli` in the jixiao folder\n");
  process.exit(2);
}
require(bundle).runAsProgram(process.argv.slice(2));
