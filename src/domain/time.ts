import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TZ = "Asia/Ho_Chi_Minh";

/** Two digits, zero-padded. @example pad2(5) // "05" */
export function pad2(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`, leap years counted. @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] ?? 30;
}

/**
 * One formatter per timezone, kept: every incoming message asks for its local date, and dayjs's
 * timezone plugin builds the date through `Intl` anew each time (~65 µs against ~1 µs).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(tz: string): Intl.DateTimeFormat {
  let format = dateFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(tz, format);
  }
  return format;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a timezone. */
export function localDate(at: Date, tz = DEFAULT_TZ): string {
  if (Number.isNaN(at.getTime())) return "Invalid Date";
  let year = "";
  let month = "";
  let day = "";
  for (const part of dateFormat(tz).formatToParts(at)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

/** The monthly period (`YYYY-MM`) an instant falls in, locally. */
export function monthPeriod(at: Date, tz = DEFAULT_TZ): string {
  return localDate(at, tz).slice(0, 7);
}

/** `dd/mm/yyyy`, as Vietnamese offices write dates. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a timezone, read as if it were UTC (ms since the epoch). */
function wallMs(at: number, tz: string): number {
  let format = clockFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    clockFormats.set(tz, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The local date (`YYYY-MM-DD`) and minutes after midnight of an instant in any timezone. */
export function wallClock(at: Date, tz: string): { date: string; minutes: number } {
  const wall = new Date(wallMs(at.getTime(), tz));
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/**
 * The instant of a local date and `HH:MM` in any timezone. A clock time skipped by a daylight-saving
 * change counts from the offset before it (02:30 on a spring-forward night is 03:30), as dayjs does.
 */
export function wallClockInstant(date: string, hhmm: string, tz: string): Date {
  const local = Date.parse(`${date}T${hhmm}:00Z`);
  const offset = (at: number) => wallMs(at, tz) - at;
  const o0 = offset(local);
  let guess = local - o0;
  const o2 = offset(guess);
  if (o2 === o0) return new Date(guess);
  guess -= o2 - o0;
  const o3 = offset(guess);
  if (o3 === o2) return new Date(guess);
  return new Date(local - Math.min(o2, o3));
}

export { dayjs };
