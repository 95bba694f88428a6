import { dayjs } from "./time.js";

/** A cell's regular monthly meeting: a fixed day of the month, or the nth weekday (nth = -1: the last). */
export type MeetingRule =
  | { kind: "day_of_month"; day: number; startTime: string; place: string | null }
  | { kind: "nth_weekday"; nth: number; weekday: number; startTime: string; place: string | null };

/** The date (`YYYY-MM-DD`) of the regular meeting in a month (`YYYY-MM`). A day past the month's end falls on its last day. */
export function meetingDateInMonth(rule: MeetingRule, period: string): string {
  const first = dayjs(`${period}-01`);
  const days = first.daysInMonth();
  if (rule.kind === "day_of_month") {
    return first.date(Math.min(rule.day, days)).format("YYYY-MM-DD");
  }
  if (rule.nth === -1) {
    let d = first.date(days);
    while (d.day() !== rule.weekday) d = d.subtract(1, "day");
    return d.format("YYYY-MM-DD");
  }
  let d = first;
  while (d.day() !== rule.weekday) d = d.add(1, "day");
  d = d.add(7 * (rule.nth - 1), "day");
  // A fifth weekday that does not exist falls back to the fourth.
  if (d.month() !== first.month()) d = d.subtract(7, "day");
  return d.format("YYYY-MM-DD");
}

/** The next regular meeting on or after a local date. */
export function nextMeetingDate(rule: MeetingRule, fromDate: string): string {
  const period = fromDate.slice(0, 7);
  const thisMonth = meetingDateInMonth(rule, period);
  if (thisMonth >= fromDate) return thisMonth;
  return meetingDateInMonth(rule, dayjs(`${period}-01`).add(1, "month").format("YYYY-MM"));
}
