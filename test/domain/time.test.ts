import { describe, expect, it } from "vitest";
import { localClock, localInstant } from "../../src/domain/schedule/local-time.js";
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

describe("local clock outside the UTC+7 fast path", () => {
  const zones = ["America/New_York", "Europe/Berlin", "Pacific/Chatham", "Australia/Lord_Howe"];

  it("reads an instant's local date and minutes as dayjs's timezone plugin does", () => {
    for (const tz of zones) {
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 31 * 3_600_000 + 654_321) {
        const at = new Date(t);
        const d = dayjs(at).tz(tz);
        expect(localClock(at, tz)).toEqual({ date: d.format("YYYY-MM-DD"), minutes: d.hour() * 60 + d.minute() });
      }
    }
  });

  it("turns a local date and time into the instant dayjs gives, a daylight-saving gap counted from the offset before it", () => {
    for (const tz of zones) {
      for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2026, 0, 1); day += 5 * 86_400_000) {
        const date = new Date(day).toISOString().slice(0, 10);
        for (const hhmm of ["07:30", "12:00", "19:45"]) {
          expect(localInstant(date, hhmm, tz).toISOString()).toBe(dayjs.tz(`${date} ${hhmm}`, "YYYY-MM-DD HH:mm", tz).toDate().toISOString());
        }
      }
    }
    // 02:30 does not exist in New York on 9 March 2025: it is read as 03:30 EDT.
    expect(localInstant("2025-03-09", "02:30", "America/New_York").toISOString()).toBe("2025-03-09T07:30:00.000Z");
  });
});
