
/** A cell's regular monthly meeting: a fixed day of the month, or the nth weekday (nth = -1: the last). */
export type MeetingRule =
  | { kind: "day_of_month"; day: number; startTime: string; place: string | null }
  | { kind: "nth_weekday"; nth: number; weekday: number; startTime: string; place: string | null };

const pad = (n: number) => String(n).padStart(2, "0");

/** The date (`YYYY-MM-DD`) of the regular meeting in a month (`YYYY-MM`). A day past the month's end falls on its last day. */
export function meetingDateInMonth(rule: MeetingRule, period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (rule.kind === "day_of_month") return `${period}-${pad(Math.min(rule.day, days))}`;
  const weekdayOf = (d: number) => new Date(Date.UTC(year, month - 1, d)).getUTCDay();
  if (rule.nth === -1) {
    const last = days - ((weekdayOf(days) - rule.weekday + 7) % 7);
    return `${period}-${pad(last)}`;
  }
  const first = 1 + ((rule.weekday - weekdayOf(1) + 7) % 7);
  let d = first + 7 * (rule.nth - 1);
  // A fifth weekday that does not exist falls back to the fourth.
  if (d > days) d -= 7;
  return `${period}-${pad(d)}`;
}

/** The next regular meeting on or after a local date. */
export function nextMeetingDate(rule: MeetingRule, fromDate: string): string {
  const period = fromDate.slice(0, 7);
  const thisMonth = meetingDateInMonth(rule, period);
  if (thisMonth >= fromDate) return thisMonth;
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
  return meetingDateInMonth(rule, `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
}
