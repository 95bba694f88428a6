/**
 * Calendar days as integers (days since 1970-01-01), so date arithmetic in the parser
 * is plain addition. Local time is Asia/Ho_Chi_Minh unless a zone is given.
 */

import { DEFAULT_TZ, daysInMonth, pad2 } from "../time.js";

export { DEFAULT_TZ, daysInMonth };
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The local calendar day and clock time of an instant. */
export interface LocalNow {
  day: number;
  y: number;
  m: number;
  d: number;
  hour: number;
  minute: number;
}

export function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function ymdOf(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** True when y-m-d is a real calendar date. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return d <= daysInMonth(y, m);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** YYYY-MM-DD of a day number. @example formatDay(dayOf(2025, 11, 5)) // "2025-11-05" */
export function formatDay(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${y}-${pad2(m)}`;
}

export function formatTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The local day and time of `now` in `tz` (default Asia/Ho_Chi_Minh, UTC+7 all year,
 * computed without Intl on that fast path).
 */
export function localNow(now: Date, tz: string = DEFAULT_TZ): LocalNow {
  let shifted: Date;
  if (tz === DEFAULT_TZ) {
    shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  } else {
    let fmt = formatters.get(tz);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone: tz, hourCycle: "h23",
        year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
      });
      formatters.set(tz, fmt);
    }
    const parts: Record<string, number> = {};
    for (const p of fmt.formatToParts(now)) if (p.type !== "literal") parts[p.type] = Number(p.value);
    shifted = new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0));
  }
  const day = Math.floor(shifted.getTime() / DAY_MS);
  return {
    day,
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}
