/**
 * ESLint (flat config) for src/ and test/.
 *
 *  - TypeScript: typescript-eslint's recommended rules.
 *  - Office.js load/sync discipline is a lint rule, not a review comment: eslint-plugin-office-addins
 *    on the code that calls Excel.run (src/host/excel, src/commands, the pane's entry).
 *  - The dependency direction of docs/architecture.md "Layers": core imports no Office, React, exceljs or Node module;
 *    the Excel host imports no React.
 */
const js = require("@eslint/js");
const globals = require("globals");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const OFFICE_RULES = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const NODE_BUILTINS = ["fs", "path", "os", "child_process", "crypto", "zlib", "url", "util", "stream", "buffer", "http", "https", "net", "worker_threads"];

module.exports = tseslint.config(
  {
    // everything else is linted (`npm run lint` is `eslint .`): src, test, tools, bench, bin and the configs;
    // scripts/_* are other engineers' untracked scratch files
    ignores: ["dist/**", "build/**", "coverage/**", "test-artifacts/**", "bench/out/**", "node_modules/**", "examples/**", "assets/**", "scripts/_*", "**/.dump*.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-eval": "error",
      // matching control characters in untrusted text is deliberate here
      "no-control-regex": "off",
      "no-implied-eval": "error",
      "no-new-func": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // load/sync discipline where Office.js is called
    files: ["src/host/excel/**/*.ts", "src/commands/**/*.ts", "src/taskpane/index.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: OFFICE_RULES,
  },
  {
    // core is pure: no Office, React, exceljs or Node; it may name host types (erased at build) but imports no host code
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [...NODE_BUILTINS, "react", "react-dom", "exceljs"].map((name) => ({ name, message: "src/core stays pure (docs/architecture.md, Layers): no Node, React or exceljs." })),
          patterns: [
            { group: ["node:*"], message: "src/core stays pure: no Node modules." },
            { group: ["@fluentui/*", "react/*", "react-dom/*"], message: "src/core stays pure: no UI." },
            {
              group: ["**/host/**", "**/taskpane/**", "**/cli/**", "**/playground/**", "**/commands/**"],
              allowTypeImports: true,
              message: "Dependencies point one way: core imports no code outside core (type-only imports are fine).",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "src/core never touches Office.js." }, { name: "Excel", message: "src/core never touches Office.js." }],
    },
  },
  {
    // the Excel host and the ribbon commands are UI-free
    files: ["src/host/**/*.ts", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom"].map((name) => ({ name, message: "Hosts and commands do not import React." })),
          patterns: [{ group: ["@fluentui/*", "**/taskpane/**", "**/playground/**"], message: "Hosts and commands do not import UI code." }],
        },
      ],
    },
  },
  {
    // React components never call Excel.run (docs/architecture.md "Layers"): they get a WorkbookHost
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The pane talks to a WorkbookHost, never to Excel.run." }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
