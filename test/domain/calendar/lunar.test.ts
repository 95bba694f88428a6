import { describe, expect, it } from "vitest";
import { dayOf, formatDay, localNow, weekdayOf } from "../../../src/domain/calendar/day.js";
import { lunarDay, nextTetOnOrAfter, solarToLunar, tetDay } from "../../../src/domain/calendar/lunar.js";

describe("lunar calendar (UTC+7)", () => {
  it.each([
    [2024, "2024-02-10"], [2025, "2025-01-29"], [2026, "2026-02-17"], [2027, "2027-02-06"], [2023, "2023-01-22"],
  ])("Tết %i is %s", (y, d) => expect(formatDay(tetDay(y))).toBe(d));

  it("converts both ways", () => {
    expect(solarToLunar(2025, 11, 20)).toEqual({ day: 1, month: 10, year: 2025, leap: false });
    // 2025 has a leap 6th month.
    expect(solarToLunar(2025, 8, 1)).toMatchObject({ month: 6, leap: true });
    expect(formatDay(lunarDay(25, 12, 2025) as number)).toBe("2026-02-12");
    expect(formatDay(lunarDay(15, 9, 2025) as number)).toBe("2025-11-04");
    expect(lunarDay(1, 5, 2025, true)).toBeNull();
  });

  it("finds the next Tết", () => {
    expect(formatDay(nextTetOnOrAfter(dayOf(2025, 12, 6)))).toBe("2026-02-17");
    expect(formatDay(nextTetOnOrAfter(dayOf(2025, 1, 10)))).toBe("2025-01-29");
  });
});

describe("day helpers", () => {
  it("reads local time in Vietnam across midnight UTC", () => {
    const n = localNow(new Date("2025-12-31T18:30:00Z"));
    expect([n.y, n.m, n.d, n.hour, n.minute]).toEqual([2026, 1, 1, 1, 30]);
    const other = localNow(new Date("2025-12-31T18:30:00Z"), "Europe/Berlin");
    expect([other.y, other.m, other.d, other.hour]).toEqual([2025, 12, 31, 19]);
  });
  it("knows weekdays", () => expect(weekdayOf(dayOf(2025, 11, 9))).toBe(0));
});
