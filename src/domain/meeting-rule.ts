import { dayOf, ymdOf } from "./calendar/day.js";
import { solarToLunar } from "./calendar/lunar.js";
import { fold } from "./text/fold.js";
import { pad2 } from "./time.js";

interface RuleCommon {
  startTime: string;
  place: string | null;
  /** Month of each quarter (1–3) whose meeting is combined with the thematic one (HD 42-HD/BTCTW: at least quarterly). */
  thematicMonth?: number | null;
}

/**
 * A cell's standing monthly meeting: a fixed day of the month, the nth weekday (nth = -1: the last),
 * or a day of the lunar month ("mùng 5 âm lịch", "rằm").
 */
export type MeetingRule =
  | ({ kind: "day_of_month"; day: number } & RuleCommon)
  | ({ kind: "nth_weekday"; nth: number; weekday: number } & RuleCommon)
  | ({ kind: "lunar_day"; day: number } & RuleCommon);

/** The day part of a rule, without time and place. */
export type MeetingDay = { kind: "day_of_month"; day: number } | { kind: "nth_weekday"; nth: number; weekday: number } | { kind: "lunar_day"; day: number };


/** A stored rule's columns as the domain's rule; null when they do not make one. */
export function meetingRuleFromColumns(row: {
  rule_kind: string;
  day_of_month: number | null;
  nth: number | null;
  weekday: number | null;
  start_time: string;
  place: string | null;
  thematic_month?: number | null;
}): MeetingRule | null {
  const common = { startTime: row.start_time, place: row.place, thematicMonth: row.thematic_month ?? null };
  if (row.rule_kind === "day_of_month" && row.day_of_month !== null) return { kind: "day_of_month", day: row.day_of_month, ...common };
  if (row.rule_kind === "lunar_day" && row.day_of_month !== null) return { kind: "lunar_day", day: row.day_of_month, ...common };
  if (row.rule_kind === "nth_weekday" && row.nth !== null && row.weekday !== null) return { kind: "nth_weekday", nth: row.nth, weekday: row.weekday, ...common };
  return null;
}

/** A rule as stored columns (the inverse of `meetingRuleFromColumns`). */
export function meetingRuleColumns(rule: MeetingRule) {
  return {
    rule_kind: rule.kind,
    day_of_month: rule.kind === "nth_weekday" ? null : rule.day,
    nth: rule.kind === "nth_weekday" ? rule.nth : null,
    weekday: rule.kind === "nth_weekday" ? rule.weekday : null,
    start_time: rule.startTime,
    place: rule.place,
    thematic_month: rule.thematicMonth ?? null,
  };
}

/** The day part of a rule. */
export function meetingDayOf(rule: MeetingRule): MeetingDay {
  return rule.kind === "nth_weekday" ? { kind: rule.kind, nth: rule.nth, weekday: rule.weekday } : { kind: rule.kind, day: rule.day };
}

/** Whether two rules give the same meetings at the same place. */
export function sameMeetingRule(a: MeetingRule, b: MeetingRule): boolean {
  return JSON.stringify(meetingRuleColumns(a)) === JSON.stringify(meetingRuleColumns(b));
}

/**
 * The date of lunar day `day` within a solar month: the first date of the month on that lunar day;
 * a month without it (a short February, a 29-day lunar month for day 30) falls on its last day.
 */
function lunarDateInMonth(day: number, year: number, month: number): string {
  const first = dayOf(year, month, 1);
  const last = dayOf(year, month + 1, 1) - 1;
  const startLunar = solarToLunar(year, month, 1).day;
  // Lunar months have 29 or 30 days: the wanted day is this lunar month's or the next one's.
  const candidates = startLunar <= day ? [first + day - startLunar] : [first + 29 - startLunar + day, first + 30 - startLunar + day];
  for (const c of candidates) {
    if (c > last) continue;
    const { y, m, d } = ymdOf(c);
    if (solarToLunar(y, m, d).day === day) return `${y}-${pad2(m)}-${pad2(d)}`;
  }
  const { y, m, d } = ymdOf(last);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The date (`YYYY-MM-DD`) of the regular meeting in a month (`YYYY-MM`). A day past the month's end falls on its last day. */
export function meetingDateInMonth(rule: MeetingDay, period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (rule.kind === "day_of_month") return `${period}-${pad2(Math.min(rule.day, days))}`;
  if (rule.kind === "lunar_day") return lunarDateInMonth(rule.day, year, month);
  const weekdayOf = (d: number) => new Date(Date.UTC(year, month - 1, d)).getUTCDay();
  if (rule.nth === -1) {
    const last = days - ((weekdayOf(days) - rule.weekday + 7) % 7);
    return `${period}-${pad2(last)}`;
  }
  const first = 1 + ((rule.weekday - weekdayOf(1) + 7) % 7);
  let d = first + 7 * (rule.nth - 1);
  // A fifth weekday that does not exist falls back to the fourth.
  if (d > days) d -= 7;
  return `${period}-${pad2(d)}`;
}

/** The next regular meeting on or after a local date. */
export function nextMeetingDate(rule: MeetingDay, fromDate: string): string {
  return nextMeetingDates(rule, fromDate, 1)[0] as string;
}

/** The next `count` regular meetings on or after a local date (for a rule's preview). */
export function nextMeetingDates(rule: MeetingDay, fromDate: string, count: number): string[] {
  const out: string[] = [];
  let index = Number(fromDate.slice(0, 4)) * 12 + Number(fromDate.slice(5, 7)) - 1;
  while (out.length < count) {
    const date = meetingDateInMonth(rule, `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`);
    if (date >= fromDate) out.push(date);
    index++;
  }
  return out;
}

/** The kind of meeting a rule plans for a month: its thematic month's is combined with the quarter's thematic meeting (HD 42 allows it), the others regular. */
export function plannedKind(rule: Pick<RuleCommon, "thematicMonth">, period: string): "regular" | "combined" {
  return isThematicMonth(rule, period) ? "combined" : "regular";
}

/** Whether a month's meeting is combined with the quarter's thematic meeting under this rule. */
export function isThematicMonth(rule: Pick<RuleCommon, "thematicMonth">, period: string): boolean {
  if (!rule.thematicMonth) return false;
  return ((Number(period.slice(5, 7)) - 1) % 3) + 1 === rule.thematicMonth;
}

// ------------------------------------------------------------------ reading rules as offices write them

const WEEKDAYS: Record<string, number> = {
  "chu nhat": 0,
  cn: 0,
  "thu hai": 1,
  "thu 2": 1,
  "thu ba": 2,
  "thu 3": 2,
  "thu tu": 3,
  "thu 4": 3,
  "thu nam": 4,
  "thu 5": 4,
  "thu sau": 5,
  "thu 6": 5,
  "thu bay": 6,
  "thu 7": 6,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
};
const NTH: Record<string, number> = {
  "dau tien": 1,
  dau: 1,
  nhat: 1,
  "thu nhat": 1,
  mot: 1,
  "1": 1,
  hai: 2,
  "thu hai": 2,
  "2": 2,
  ba: 3,
  "thu ba": 3,
  "3": 3,
  tu: 4,
  "thu tu": 4,
  bon: 4,
  "4": 4,
  cuoi: -1,
  "cuoi cung": -1,
};
/** Longest lunar day a rule may name: every lunar month has 29 days, not every one a 30th. */
export const MAX_LUNAR_DAY = 29;

function words(text: string): string {
  return fold(text.normalize("NFC")).replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * The day of a standing meeting as offices write it: "ngày 5" (or "5", "mùng 5", "ngày 5 hằng tháng"),
 * "thứ Bảy tuần đầu" / "thứ 7 đầu tiên" / "Chủ nhật cuối tháng", "mùng 5 âm lịch" / "rằm". Null when unreadable.
 *
 * @example parseMeetingDay("thứ Bảy tuần đầu") // { kind: "nth_weekday", nth: 1, weekday: 6 }
 */
export function parseMeetingDay(text: string): MeetingDay | null {
  let w = ` ${words(text)} `;
  w = w.replace(/ (hang|hàng|moi|cua) thang /g, " ").replace(/ (vao|vao ngay) /g, " ").replace(/ thang /g, " ");
  const lunar = / (am lich|al|theo am lich|lich am) /.test(w);
  w = w.replace(/ (theo )?(am lich|al|lich am) /g, " ").replace(/\s+/g, " ").trim();
  if (/^ram$/.test(w) || /^ngay ram$/.test(w)) return { kind: "lunar_day", day: 15 };
  const day = /^(?:ngay |mung |mong |hom )?(\d{1,2})$/.exec(w);
  if (day) {
    const n = Number(day[1]);
    if (lunar) return n >= 1 && n <= MAX_LUNAR_DAY ? { kind: "lunar_day", day: n } : null;
    return n >= 1 && n <= 31 ? { kind: "day_of_month", day: n } : null;
  }
  if (lunar) return null;
  const weekday = /^(chu nhat|cn|thu (?:hai|ba|tu|nam|sau|bay|[2-7])|t[2-7]) (?:(?:tuan|lan) )?(thu nhat|thu hai|thu ba|thu tu|dau tien|cuoi cung|dau|nhat|mot|hai|ba|tu|bon|cuoi|[1-4])$/.exec(w);
  if (!weekday) return null;
  const wd = WEEKDAYS[weekday[1] as string];
  const nth = NTH[weekday[2] as string];
  return wd === undefined || nth === undefined ? null : { kind: "nth_weekday", nth, weekday: wd };
}

/** "19:30", "19h30", "19h", "7g30", "19 giờ 30" → "HH:MM"; null otherwise. */
export function parseMeetingClock(text: string): string | null {
  const m = /^(\d{1,2})\s*(?:[:hg]|gio)\s*(\d{2})?\s*(?:p|phut)?$/.exec(fold(text.normalize("NFC").trim()).replace(/\s+/g, " "));
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h <= 23 && min <= 59 ? `${pad2(h)}:${pad2(min)}` : null;
}

/** Month of the quarter for the thematic meeting: "tháng cuối quý" → 3, "tháng 3, 6, 9, 12" → 3, "đầu quý" → 1. */
export function parseThematicMonth(text: string): number | null {
  const w = words(text);
  if (/\bdau\b/.test(w)) return 1;
  if (/\bgiua\b/.test(w)) return 2;
  if (/\bcuoi\b/.test(w)) return 3;
  const n = /\b(\d{1,2})\b/.exec(w);
  if (!n) return null;
  const month = Number(n[1]);
  return month >= 1 && month <= 12 ? ((month - 1) % 3) + 1 : null;
}

/** Longest place kept. */
export const MAX_PLACE = 200;

/**
 * A whole rule typed in chat: "ngày 5 19:30 Nhà văn hóa thôn", "thứ Bảy tuần đầu, 19h30, tại nhà văn hóa",
 * "mùng 5 âm lịch 19:00". The day, then the time, then the place (optional). Null when the day or time is unreadable.
 */
export function parseMeetingRuleText(text: string): { day: MeetingDay; startTime: string; place: string | null } | null {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const time = /(?:^|[\s,;])(?:lúc\s+|luc\s+)?(\d{1,2}\s*(?::|h|g|giờ|gio)\s*(?:\d{2})?)(?=$|[\s,;])/iu.exec(clean);
  if (!time) return null;
  const startTime = parseMeetingClock(time[1] as string);
  const day = parseMeetingDay(clean.slice(0, time.index).replace(/[,;]\s*$/, "").replace(/\s*,\s*/g, " "));
  if (!startTime || !day) return null;
  const place = clean
    .slice(time.index + time[0].length)
    .replace(/^[\s,;.-]+/, "")
    .replace(/^(tại|tai)\s+/i, "")
    .trim();
  return { day, startTime, place: place ? place.slice(0, MAX_PLACE) : null };
}
