import { describe, expect, it } from "vitest";
import { holidayOn, holidaysOf, suggestAfterHoliday } from "../../../src/domain/schedule/holidays.js";
import { deferOutOfQuiet, isQuiet } from "../../../src/domain/schedule/quiet-hours.js";

const TZ = "Asia/Ho_Chi_Minh";
const QUIET = { start: "21:30", end: "06:30", deferTo: "07:00" };

describe("holidays", () => {
  it("compute Tết from the lunar calendar", () => {
    const tet = (year: number) => holidaysOf(year).filter((h) => h.id === "tet").map((h) => h.date);
    expect(tet(2025)).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"]);
    expect(tet(2026)[1]).toBe("2026-02-17");
    expect(tet(2024)[1]).toBe("2024-02-10");
    expect(tet(2028)[1]).toBe("2028-01-26"); // a leap year whose Tết falls in January
  });

  it("compute Giỗ Tổ (10/3 lunar) and the fixed days", () => {
    expect(holidayOn("2025-04-07")).toBe("hung-kings");
    expect(holidayOn("2026-04-26")).toBe("hung-kings");
    expect(holidayOn("2025-04-30")).toBe("reunification");
    expect(holidayOn("2025-05-01")).toBe("labour");
    expect(holidayOn("2025-09-01")).toBe("national-day");
    expect(holidayOn("2025-09-03")).toBe("national-day");
    expect(holidayOn("2025-12-05")).toBeUndefined();
  });

  it("suggest the first day after the holiday block", () => {
    expect(suggestAfterHoliday("2026-02-17")).toBe("2026-02-22");
    expect(suggestAfterHoliday("2025-04-30")).toBe("2025-05-02");
  });
});

describe("quiet hours", () => {
  it("hold messages from 21:30 to 06:30 local time", () => {
    expect(isQuiet(new Date("2025-12-01T14:29:00Z"), QUIET, TZ)).toBe(false); // 21:29
    expect(isQuiet(new Date("2025-12-01T14:30:00Z"), QUIET, TZ)).toBe(true); // 21:30
    expect(isQuiet(new Date("2025-12-01T19:00:00Z"), QUIET, TZ)).toBe(true); // 02:00
    expect(isQuiet(new Date("2025-12-01T23:30:00Z"), QUIET, TZ)).toBe(false); // 06:30
  });

  it("defer what falls inside to 07:00, the next morning after an evening", () => {
    expect(deferOutOfQuiet(new Date("2025-12-01T15:00:00Z"), QUIET, TZ).toISOString()).toBe("2025-12-02T00:00:00.000Z"); // 22:00 → 07:00 next day
    expect(deferOutOfQuiet(new Date("2025-12-31T22:30:00Z"), QUIET, TZ).toISOString()).toBe("2026-01-01T00:00:00.000Z"); // 05:30 on New Year's Day
    expect(deferOutOfQuiet(new Date("2025-12-01T10:00:00Z"), QUIET, TZ).toISOString()).toBe("2025-12-01T10:00:00.000Z");
  });
});
