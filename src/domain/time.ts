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
  if (Number.isNaN(at.getTime())) return dayjs(at).tz(tz).format("YYYY-MM-DD");
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

export { dayjs };
