import { expect, it } from "vitest";
import { createI18n, LOCALES } from "../../src/messaging/i18n.js";
import { currentForm, FORM_IDS } from "../../src/domain/forms/registry.js";
import { offeredForEdit } from "../../src/bot/report/flow.js";

// Found by fuzzing: "Sửa" on a quick report offers every field that has a value, guided or not, and
// asking one without its question showed the raw id (`report-q-place`).
it("has a question and a label in both languages for every field a report's edit list can offer", () => {
  const i18n = createI18n();
  const missing = FORM_IDS.flatMap((form) =>
    currentForm(form)
      .fields.filter(offeredForEdit)
      .flatMap((f) => LOCALES.flatMap((l) => [`report-q-${f.key}`, `field-${f.key}`].filter((id) => !i18n.has(l, id)).map((id) => `${l}: ${id}`))),
  );
  expect(missing).toEqual([]);
});
