import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { defaultFeatures } from "../../src/bot/features/index.js";

describe("locales", () => {
  const i18n = createI18n();

  it("hold the same message ids in Vietnamese and English, each once", () => {
    const vi = i18n.ids("vi");
    const en = i18n.ids("en");
    expect(new Set(vi).size).toBe(vi.length);
    expect([...vi].sort()).toEqual([...en].sort());
  });

  it("describe every visible command in both languages", () => {
    for (const feature of defaultFeatures()) {
      for (const command of feature.commands ?? []) {
        if (command.hidden) continue;
        expect(command.description, `/${command.names[0]}`).toBeDefined();
        expect(i18n.has("vi", command.description!)).toBe(true);
        expect(i18n.has("en", command.description!)).toBe(true);
      }
    }
  });

  it("have a message for every refusal code", () => {
    const codes = ["not_linked", "forbidden", "not_found", "invalid_input", "invite_unknown", "invite_used", "invite_expired", "invite_rate_limited", "already_linked", "contact_not_own", "phone_unknown", "phone_ambiguous", "stale_choice", "retry_later"];
    for (const code of codes) {
      expect(i18n.has("vi", `error-${code}`), code).toBe(true);
      expect(i18n.has("en", `error-${code}`), code).toBe(true);
    }
  });
});
