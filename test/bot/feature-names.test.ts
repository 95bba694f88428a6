import { expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import type { Feature } from "../../src/bot/feature.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { createLogger } from "../../src/log.js";

// No database is touched: createBot only wires the features.
const options = { db: {} as never, i18n: createI18n(), log: createLogger("silent", []) };

it("refuses two features that register the same button action or flow", () => {
  const a: Feature = { name: "a", actions: { lh: async () => {} } };
  const b: Feature = { name: "b", actions: { lh: async () => {} } };
  expect(() => createBot({ ...options, features: [a, b] })).toThrow('two features register the action "lh"');
  const c: Feature = { name: "c", flows: { form: async () => {} } };
  const d: Feature = { name: "d", flows: { form: async () => {} } };
  expect(() => createBot({ ...options, features: [c, d] })).toThrow('two features register the flow "form"');
});

it("starts with every default feature: their actions and flows are all distinct", () => {
  expect(() => createBot({ ...options, features: defaultFeatures() })).not.toThrow();
});
