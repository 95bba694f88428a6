import { describe, expect, it } from "vitest";
import { dayjs, localDate, monthPeriod } from "../../src/domain/time.js";

describe("local dates", () => {
  it("reads the calendar date in Vietnam across midnight (UTC+7)", () => {
    expect(localDate(new Date("2025-11-19T16:59:59Z"))).toBe("2025-11-19");
    expect(localDate(new Date("2025-11-19T17:00:00Z"))).toBe("2025-11-20");
    expect(monthPeriod(new Date("2025-11-30T17:00:00Z"))).toBe("2025-12");
    expect(localDate(new Date("2025-12-31T17:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-01-01");
    expect(localDate(new Date("2025-12-31T17:00:00Z"), "UTC")).toBe("2025-12-31");
  });

  it("agrees with dayjs's timezone plugin, daylight saving included", () => {
    for (const tz of ["Asia/Ho_Chi_Minh", "UTC", "America/Los_Angeles", "Pacific/Chatham"]) {
      for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2027, 0, 1); t += 29 * 3_600_000 + 654_321) {
        const at = new Date(t);
        expect(localDate(at, tz)).toBe(dayjs(at).tz(tz).format("YYYY-MM-DD"));
      }
    }
  });
});
