/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
  // the CLI follows the locale: the tests run in its default language wherever they run
  setupFiles: ["<rootDir>/test/setup/locale.ts"],
};
