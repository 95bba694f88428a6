import { describe } from "vitest";
import { fuzzSettings, fuzzSuite } from "./fuzz-run.js";

// The quick run, in `npm test` on PGlite; `npm run test:reliability` runs 10,000 inputs on both engines.
describe("fuzzing the bot core, quick [pglite]", () => fuzzSuite("pglite", fuzzSettings({ seed: 20251129, count: 3000 })));
