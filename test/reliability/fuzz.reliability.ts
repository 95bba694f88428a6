import { describeEngines } from "../support/engines.js";
import { fuzzSettings, fuzzSuite } from "./fuzz-run.js";

// The full run: 10,000 inputs per engine, with a seed of its own (not the quick run's).
describeEngines("fuzzing the bot core, 10,000 inputs", (engine) => fuzzSuite(engine, fuzzSettings({ seed: 7_000_003, count: 10_000 })));
