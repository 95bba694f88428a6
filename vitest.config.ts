import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    // PGlite instances are memory-heavy (~350 MB each): keep parallel files bounded.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI prints every test, so both engines' runs ([pglite], [postgres]) show in its output.
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
