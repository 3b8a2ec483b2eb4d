// exceljs loading a file alone, the way the CLI reads it (read the bytes, load the workbook): the
// baseline the CLI's time is compared with. Usage: node bench/children/load-only.js file.xlsx
"use strict";
const { readFileSync } = require("node:fs");
const ExcelJS = require("exceljs");

const data = readFileSync(process.argv[2]);
new ExcelJS.Workbook().xlsx.load(data).then(
  (wb) => {
    if (wb.worksheets.length === 0) process.exitCode = 3;
  },
  (e) => {
    process.stderr.write(`load-only: ${e.message}\n`);
    process.exitCode = 2;
  },
);
