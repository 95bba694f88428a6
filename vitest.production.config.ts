import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `npm run test:production`: the production tree (npm ci --omit=dev + build) running the Dockerfile's
// exact start and health commands; slow (an npm install), so not part of `npm test`. .ci/run runs it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/production/**/*.production.ts"],
    // It builds and installs a tree of its own and never opens a test database: no templates to make.
    globalSetup: [],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
