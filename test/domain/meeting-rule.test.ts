import { describe, expect, it } from "vitest";
import { solarToLunar } from "../../src/domain/calendar/lunar.js";
import {
  meetingDateInMonth,
  nextMeetingDates,
  parseMeetingClock,
  parseMeetingDay,
  parseMeetingRuleText,
  parseThematicMonth,
} from "../../src/domain/meeting-rule.js";
import { effectiveMeeting } from "../../src/domain/schedule/meeting.js";

describe("reading a standing meeting day as offices write it", () => {
  it.each([
    ["ngày 5", { kind: "day_of_month", day: 5 }],
    ["5", { kind: "day_of_month", day: 5 }],
    ["Ngày 05 hằng tháng", { kind: "day_of_month", day: 5 }],
    ["mùng 3", { kind: "day_of_month", day: 3 }],
    ["thứ Bảy tuần đầu", { kind: "nth_weekday", nth: 1, weekday: 6 }],
    ["thu 7 dau tien", { kind: "nth_weekday", nth: 1, weekday: 6 }],
    ["Chủ nhật tuần thứ hai", { kind: "nth_weekday", nth: 2, weekday: 0 }],
    ["CN cuối tháng", { kind: "nth_weekday", nth: -1, weekday: 0 }],
    ["thứ Sáu cuối cùng của tháng", { kind: "nth_weekday", nth: -1, weekday: 5 }],
    ["mùng 5 âm lịch", { kind: "lunar_day", day: 5 }],
    ["ngày 15 (âm lịch)", { kind: "lunar_day", day: 15 }],
    ["rằm", { kind: "lunar_day", day: 15 }],
  ])("%s", (text, expected) => {
    expect(parseMeetingDay(text)).toEqual(expected);
  });

  it.each(["ngày 32", "thứ Tám tuần đầu", "mùng 30 âm lịch", "hôm nào rảnh", ""])("refuses %j", (text) => {
    expect(parseMeetingDay(text)).toBeNull();
  });

  it("reads times and thematic months", () => {
    expect(["19:30", "19h30", "19h", "7g30", "19 giờ 30"].map(parseMeetingClock)).toEqual(["19:30", "19:30", "19:00", "07:30", "19:30"]);
    expect(["25:00", "19:75", "tối"].map(parseMeetingClock)).toEqual([null, null, null]);
    expect(["tháng cuối quý", "tháng đầu quý", "tháng giữa quý", "tháng 3, 6, 9, 12", "2, 5, 8, 11", "quý sau"].map(parseThematicMonth)).toEqual([3, 1, 2, 3, 2, null]);
  });

  it("reads a whole rule typed in chat: day, time, then the place", () => {
    expect(parseMeetingRuleText("ngày 5 19:30 Nhà văn hóa thôn")).toEqual({ day: { kind: "day_of_month", day: 5 }, startTime: "19:30", place: "Nhà văn hóa thôn" });
    expect(parseMeetingRuleText("thứ Bảy tuần đầu, 19h30, tại nhà văn hóa")).toEqual({ day: { kind: "nth_weekday", nth: 1, weekday: 6 }, startTime: "19:30", place: "nhà văn hóa" });
    expect(parseMeetingRuleText("mùng 5 âm lịch lúc 19h")).toEqual({ day: { kind: "lunar_day", day: 5 }, startTime: "19:00", place: null });
    expect(parseMeetingRuleText("ngày 5")).toBeNull();
    expect(parseMeetingRuleText("19:30 nhà văn hóa")).toBeNull();
  });
});

describe("lunar-day rules", () => {
  it("fall on that lunar day in each solar month", () => {
    for (const period of ["2026-01", "2026-02", "2026-03", "2026-12", "2027-06"]) {
      const date = meetingDateInMonth({ kind: "lunar_day", day: 5 }, period);
      expect(date.slice(0, 7)).toBe(period);
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      expect(solarToLunar(y, m, d).day).toBe(5);
    }
  });

  it("put Tết's month right: rằm tháng Giêng 2026 is 3 March", () => {
    expect(meetingDateInMonth({ kind: "lunar_day", day: 15 }, "2026-03")).toBe("2026-03-03");
  });

  it("fall on the month's last day when the month has no such lunar day", () => {
    // February 2027 runs from lunar 24/12 to lunar 23/1 (approximately): find a day it lacks.
    const feb = Array.from({ length: 28 }, (_, i) => solarToLunar(2027, 2, i + 1).day);
    const missing = Array.from({ length: 29 }, (_, i) => i + 1).find((n) => !feb.includes(n));
    expect(missing).toBeDefined();
    expect(meetingDateInMonth({ kind: "lunar_day", day: missing! }, "2027-02")).toBe("2027-02-28");
  });

  it("preview the next three dates", () => {
    expect(nextMeetingDates({ kind: "day_of_month", day: 5 }, "2026-12-06", 3)).toEqual(["2027-01-05", "2027-02-05", "2027-03-05"]);
    expect(nextMeetingDates({ kind: "nth_weekday", nth: 1, weekday: 6 }, "2026-12-05", 3)).toEqual(["2026-12-05", "2027-01-02", "2027-02-06"]);
  });
});

describe("the thematic month", () => {
  it("makes that month's meeting a combined one", () => {
    const rule = { kind: "day_of_month" as const, day: 5, startTime: "19:30", place: null, thematicMonth: 3 };
    expect(effectiveMeeting(1, rule, [], "2026-12")?.kind).toBe("combined");
    expect(effectiveMeeting(1, rule, [], "2026-11")?.kind).toBe("regular");
    expect(effectiveMeeting(1, { ...rule, thematicMonth: null }, [], "2026-12")?.kind).toBe("regular");
  });
});
