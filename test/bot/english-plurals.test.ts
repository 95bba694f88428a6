import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";

describe("English reads naturally", () => {
  const i18n = createI18n();
  const en = (id: string, args: Record<string, string | number>) => i18n.t("en", id, args);

  it("says 1 cell, 2 cells", () => {
    expect(en("export-reported-count", { reported: 1, total: 1 })).toBe("1/1 cell reported");
    expect(en("export-reported-count", { reported: 1, total: 4 })).toBe("1/4 cells reported");
    expect(en("remind-digest", { count: 1, commune: "X", form: "F", period: "P", due: "D", cells: "A" })).toMatch(/^1 cell of X/);
    expect(en("import-rejected", { count: 1 })).toMatch(/^1 error:/);
    expect(en("report-check-dues_unpaid", { count: 1 })).toBe("1 member has not paid their dues.");
    expect(en("report-check-dues_unpaid", { count: 3 })).toBe("3 members have not paid their dues.");
    expect(en("announce-preview-count", { total: 1, reachable: 1, unlinked: 0 })).toBe("Recipients: 1 person; 1 can receive it on Zalo/Telegram.");
  });

  it("names the month instead of 'month 11/2026'", () => {
    expect(en("period-month", { index: 11, year: "2026" })).toBe("November 2026");
    expect(en("period-month", { index: 1, year: "2027" })).toBe("January 2027");
    expect(en("period-quarter", { index: 4, year: "2026" })).toBe("Q4 2026");
  });
});
