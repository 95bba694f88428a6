import { daysInMonth, wallClock, wallClockInstant } from "../time.js";

/** `HH:MM` → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

const DAY_MS = 86_400_000;
// Vietnam has kept UTC+7 all year since 1975: the planner's hot path skips Intl for it (a province
// plans tens of thousands of instants a minute; Intl costs tens of µs each).
const FIXED_OFFSETS: Record<string, string> = { "Asia/Ho_Chi_Minh": "+07:00", "Asia/Saigon": "+07:00", UTC: "Z" };
const FIXED_OFFSET_MS: Record<string, number> = { "Asia/Ho_Chi_Minh": 7 * 3_600_000, "Asia/Saigon": 7 * 3_600_000, UTC: 0 };

/** The instant of a local date and `HH:MM` clock time in a timezone. */
export function localInstant(date: string, hhmm: string, tz: string): Date {
  const fixed = FIXED_OFFSETS[tz];
  if (fixed) return new Date(`${date}T${hhmm}:00${fixed}`);
  return wallClockInstant(date, hhmm, tz);
}

/** The local date (`YYYY-MM-DD`) and minutes after midnight of an instant. */
export function localClock(at: Date, tz: string): { date: string; minutes: number } {
  const fixed = FIXED_OFFSET_MS[tz];
  if (fixed !== undefined) {
    const shifted = at.getTime() + fixed;
    const date = new Date(shifted).toISOString().slice(0, 10);
    return { date, minutes: Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / 60_000) };
  }
  return wallClock(at, tz);
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one local date to another (negative when `to` is earlier). @example daysBetween("2026-11-06", "2026-12-08") // 32 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A monthly period (`YYYY-MM`) moved by whole months. */
export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Days in a monthly period (`YYYY-MM`). */
export function daysInPeriod(period: string): number {
  return daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}

/** The quarter period (`YYYY-Qn`) of a date or month. */
export function quarterOf(dateOrPeriod: string): string {
  const month = Number(dateOrPeriod.slice(5, 7));
  return `${dateOrPeriod.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The months (`YYYY-MM`) of a quarter period. */
export function monthsOfQuarter(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  return [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, "0")}`);
}

/** The first local date of a period (`YYYY-MM`, `YYYY-Qn` or `YYYY`). @example periodStart("2026-Q2") // "2026-04-01" */
export function periodStart(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  const month = /^\d{4}-Q[1-4]$/.test(period) ? (monthsOfQuarter(period)[0] as string) : period;
  return `${month}-01`;
}

/** The last local date of a period (`YYYY-MM`, `YYYY-Qn` or `YYYY`). */
export function periodEnd(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  const month = /^\d{4}-Q[1-4]$/.test(period) ? (monthsOfQuarter(period)[2] as string) : period;
  return `${month}-${daysInPeriod(month)}`;
}
