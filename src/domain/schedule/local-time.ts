import { dayjs } from "../time.js";

/** `HH:MM` → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/** The instant of a local date and `HH:MM` clock time in a timezone. */
export function localInstant(date: string, hhmm: string, tz: string): Date {
  return dayjs.tz(`${date} ${hhmm}`, "YYYY-MM-DD HH:mm", tz).toDate();
}

/** The local date (`YYYY-MM-DD`) and minutes after midnight of an instant. */
export function localClock(at: Date, tz: string): { date: string; minutes: number } {
  const d = dayjs(at).tz(tz);
  return { date: d.format("YYYY-MM-DD"), minutes: d.hour() * 60 + d.minute() };
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, "day").format("YYYY-MM-DD");
}

/** A monthly period (`YYYY-MM`) moved by whole months. */
export function addMonths(period: string, months: number): string {
  return dayjs.utc(`${period}-01`).add(months, "month").format("YYYY-MM");
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

/** The last local date of a period (`YYYY-MM`, `YYYY-Qn` or `YYYY`). */
export function periodEnd(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  const month = /^\d{4}-Q[1-4]$/.test(period) ? (monthsOfQuarter(period)[2] as string) : period;
  return dayjs.utc(`${month}-01`).endOf("month").format("YYYY-MM-DD");
}
