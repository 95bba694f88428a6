import { describe, expect, it } from "vitest";
import { effectiveMeeting, meetingDateInMonth, meetingsBetween, nextMeetingDate, upcomingMeeting, type MeetingOverride } from "../../../src/domain/schedule/meeting.js";
import { dueDate } from "../../../src/domain/schedule/report-due.js";

const day = (d: number) => ({ kind: "day_of_month" as const, day: d, startTime: "19:30", place: "Nhà văn hóa" });
const nth = (n: number, weekday: number) => ({ kind: "nth_weekday" as const, nth: n, weekday, startTime: "19:30", place: null });

describe("meeting rules", () => {
  it("put a day past the month's end on its last day, leap years included", () => {
    expect(meetingDateInMonth(day(31), "2025-11")).toBe("2025-11-30");
    expect(meetingDateInMonth(day(30), "2027-02")).toBe("2027-02-28");
    expect(meetingDateInMonth(day(30), "2028-02")).toBe("2028-02-29");
    expect(meetingDateInMonth(day(29), "2100-02")).toBe("2100-02-28"); // 2100 is not a leap year
    expect(meetingDateInMonth(day(5), "2025-12")).toBe("2025-12-05");
  });

  it("find the nth and the last weekday", () => {
    expect(meetingDateInMonth(nth(1, 1), "2025-12")).toBe("2025-12-01"); // first Monday
    expect(meetingDateInMonth(nth(2, 0), "2025-11")).toBe("2025-11-09"); // second Sunday
    expect(meetingDateInMonth(nth(-1, 5), "2028-02")).toBe("2028-02-25"); // last Friday of a leap February
    expect(meetingDateInMonth(nth(-1, 2), "2028-02")).toBe("2028-02-29"); // last Tuesday is the 29th
    expect(meetingDateInMonth(nth(5, 3), "2025-11")).toBe("2025-11-26"); // no fifth Wednesday: the fourth
  });

  it("roll over to the next month and year", () => {
    expect(nextMeetingDate(day(5), "2025-12-06")).toBe("2026-01-05");
    expect(nextMeetingDate(day(31), "2026-01-31")).toBe("2026-01-31");
    expect(nextMeetingDate(day(31), "2026-02-01")).toBe("2026-02-28");
  });
});

describe("overrides", () => {
  const override = (o: Partial<MeetingOverride>): MeetingOverride => ({
    id: 1, period: "2025-12", date: null, time: null, place: null, agenda: null, kind: "regular", cancelled: false, reason: null,
    createdAt: new Date("2025-11-28T03:00:00Z"), ...o,
  });

  it("move a month's meeting, the latest override winning", () => {
    const overrides = [override({ id: 1, date: "2025-12-07", reason: "lũ" }), override({ id: 2, date: "2025-12-10", time: "20:00" })];
    const m = effectiveMeeting(9, day(5), overrides, "2025-12");
    expect(m).toMatchObject({ date: "2025-12-10", time: "20:00", regularDate: "2025-12-05", place: "Nhà văn hóa" });
    expect(effectiveMeeting(9, day(5), overrides, "2026-01")).toMatchObject({ date: "2026-01-05", override: null });
  });

  it("move a meeting across a month end, and skip cancelled ones when looking ahead", () => {
    const moved = [override({ period: "2025-11", date: "2025-12-01" })];
    expect(meetingsBetween(9, day(30), moved, "2025-11-25", "2025-12-31").map((m) => m.date)).toEqual(["2025-12-01", "2025-12-30"]);
    const cancelled = [override({ period: "2025-12", cancelled: true })];
    expect(upcomingMeeting(9, day(5), cancelled, "2025-12-01")?.date).toBe("2026-01-05");
  });
});

describe("report due rules", () => {
  const monthly = (due: object) => ({ form: "monthly-meeting", frequency: "monthly" as const, due }) as Parameters<typeof dueDate>[0];

  it("count days after the meeting, across the month end", () => {
    expect(dueDate(monthly({ kind: "after_meeting", days: 3 }), "2025-11", () => "2025-11-28")).toBe("2025-12-01");
    expect(dueDate(monthly({ kind: "after_meeting", days: 3 }), "2025-11", () => null)).toBeNull();
  });

  it("take a fixed day, the quarter's end and a yearly date", () => {
    expect(dueDate(monthly({ kind: "day_of_month", day: 31 }), "2028-02", () => null)).toBe("2028-02-29");
    expect(dueDate({ form: "village-quarterly", frequency: "quarterly", due: { kind: "after_period", days: 10 } }, "2025-Q4", () => null)).toBe("2026-01-10");
    expect(dueDate({ form: "annual-rating", frequency: "yearly", due: { kind: "fixed_date", month: 12, day: 20 } }, "2025", () => null)).toBe("2025-12-20");
  });
});
