import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    // A worker runs its test files in one module graph, so chibo's modules load once per worker rather
    // than once per file (a third of a file's time for most files); test/support/file-setup.ts gives
    // every file the same starting state of what those modules keep.
    isolate: false,
    setupFiles: ["test/support/file-setup.ts"],
    // PGlite instances are memory-heavy (~350 MB each): keep parallel files bounded.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI prints every test, so both engines' runs ([pglite], [postgres]) show in its output.
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
