import { describe, expect, it } from "vitest";
import { formatDay, formatTime } from "../../../src/domain/calendar/day.js";
import { findDates, resolveDate, type Direction } from "../../../src/domain/parse/dates.js";
import { prepare } from "../../../src/domain/parse/prepare.js";
import { findDuration, findTimes } from "../../../src/domain/parse/times.js";

function date(text: string, now: string, dir: Direction = "past"): string | null {
  const p = prepare(text, new Date(now));
  const m = findDates(p)[0];
  if (!m) return null;
  const d = resolveDate(m, p.now, dir);
  return d === null ? null : formatDay(d);
}

describe("dates", () => {
  const now = "2025-11-20T10:00:00+07:00"; // a Thursday
  it.each([
    ["5/11", "2025-11-05"], ["05/11/2025", "2025-11-05"], ["5-11", "2025-11-05"], ["5.11", "2025-11-05"],
    ["ngày 5 tháng 11", "2025-11-05"], ["mùng 5", "2025-11-05"], ["hôm qua", "2025-11-19"], ["hôm kia", "2025-11-18"],
    ["tối thứ 6 vừa rồi", "2025-11-14"], ["CN", "2025-11-16"], ["thứ 7 tuần trước", "2025-11-15"], ["ngay 3 thang 10 nam 2024", "2024-10-03"],
    ["rằm", "2025-11-04"], ["rằm tháng 8", "2025-10-06"],
  ])("%s → %s", (t, d) => expect(date(t, now)).toBe(d));

  it("looks ahead for deadlines", () => {
    expect(date("trước Tết", "2025-12-06T10:00:00+07:00", "future")).toBe("2026-02-17");
    expect(date("25 tháng chạp", "2025-12-06T10:00:00+07:00", "future")).toBe("2026-02-12");
    expect(date("trước 5/1", "2025-12-06T10:00:00+07:00", "future")).toBe("2026-01-05");
  });

  it("reads a day in words as typed, not a name whose letters fold to a number", () => {
    expect(date("xóm Đồng Tâm tháng 5: họp tối 5/5", "2026-05-06T08:00:00+07:00")).toBe("2026-05-05");
    expect(date("bản Nà Bồn tháng 10 họp 3/10", "2026-10-06T08:00:00+07:00")).toBe("2026-10-03");
    expect(date("họp tám tháng năm", "2026-05-20T08:00:00+07:00")).toBe("2026-05-08");
    expect(date("hop tam thang 5", "2026-05-20T08:00:00+07:00")).toBe("2026-05-08");
  });

  it("rolls back over the new year for reports", () => expect(date("28/12", "2026-01-03T10:00:00+07:00")).toBe("2025-12-28"));

  it("does not read attendance as a date", () => {
    expect(date("có mặt 10/12", now)).toBeNull();
    expect(date("25/27", now)).toBeNull();
  });
});

function time(text: string): string | null {
  const t = findTimes(prepare(text, new Date()))[0];
  return t ? formatTime(t.minutes) : null;
}

describe("times and durations", () => {
  it.each([
    ["19h30", "19:30"], ["19:30", "19:30"], ["7h tối", "19:00"], ["tối CN lúc 7 rưỡi", "19:30"], ["8 giờ kém 15", "07:45"],
    ["tối 8 giờ kém 15", "19:45"], ["19 giờ 30 phút", "19:30"], ["lúc 2h chiều", "14:00"], ["lúc bảy giờ tối", "19:00"],
  ])("%s → %s", (t, out) => expect(time(t)).toBe(out));

  it("does not take counts or durations for times", () => {
    expect(time("vắng 2: 1 cld")).toBeNull();
    expect(time("kéo dài 2h")).toBeNull();
  });

  it.each([
    ["120p", 120], ["90 phút", 90], ["2 tiếng", 120], ["1 tiếng rưỡi", 90], ["kéo dài 2h", 120], ["2 tiếng 15 phút", 135], ["1,5 tiếng", 90],
  ])("%s lasts %i min", (t, n) => expect(findDuration(prepare(t, new Date()))?.minutes).toBe(n));

  it("takes no area for a duration: \"trồng 3 ha chè\" is hectares, not three hours", () => {
    expect(findDuration(prepare("NQ: trồng 3 ha chè, kéo dài mương 2 km", new Date()))).toBeNull();
    expect(findDuration(prepare("họp trong 2h, bàn trồng 5 ha keo", new Date()))?.minutes).toBe(120);
  });

  it("joins a range", () => {
    const t = findTimes(prepare("từ 19h30 đến 21h30", new Date()))[0];
    expect(t && t.endMinutes! - t.minutes).toBe(120);
  });
});
