import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `npm run test:reliability`: the slow reliability suites (full fuzzing, database outage), not part of `npm test`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/reliability/**/*.reliability.ts"],
    testTimeout: 600_000,
  },
});
