import { lunarToSolar, tetDay } from "../calendar/lunar.js";
import { formatDay } from "../calendar/day.js";
import { addDays } from "./local-time.js";
import { pad2 } from "../time.js";

/** Holiday names are Fluent ids (`holiday-<id>`), rendered in the reader's language. */
export type HolidayId = "new-year" | "tet" | "hung-kings" | "reunification" | "labour" | "national-day";

export interface Holiday {
  /** `YYYY-MM-DD` */
  date: string;
  id: HolidayId;
}

/** Days before and after lunar New Year's day that are Tết for meeting purposes (the public holiday spans about five days). */
const TET_DAYS_BEFORE = 1;
const TET_DAYS_AFTER = 4;

/**
 * Vietnamese public holidays of a solar year (Labour Code 2019, art. 112): 1/1; Tết (lunar 30/12
 * to 4/1, computed from the lunar calendar at UTC+7); Giỗ Tổ Hùng Vương (lunar 10/3); 30/4; 1/5;
 * 2/9 with the day before and after (the government picks one of them each year, so both are flagged).
 *
 * @example holidaysOf(2026).filter(h => h.id === "tet")[1].date // "2026-02-17" (Mùng 1 Tết Bính Ngọ)
 */
export function holidaysOf(year: number): Holiday[] {
  const list: Holiday[] = [{ date: `${year}-01-01`, id: "new-year" }];
  // Tết of the lunar year that begins in this solar year.
  const tet = formatDay(tetDay(year));
  for (let d = -TET_DAYS_BEFORE; d <= TET_DAYS_AFTER; d++) list.push({ date: addDays(tet, d), id: "tet" });
  const hung = lunarToSolar(10, 3, year);
  if (hung) list.push({ date: `${hung.y}-${pad2(hung.m)}-${pad2(hung.d)}`, id: "hung-kings" });
  list.push({ date: `${year}-04-30`, id: "reunification" });
  list.push({ date: `${year}-05-01`, id: "labour" });
  for (const day of ["09-01", "09-02", "09-03"]) list.push({ date: `${year}-${day}`, id: "national-day" });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}


const cache = new Map<number, Map<string, HolidayId>>();

/** The holiday on a date, if any. */
export function holidayOn(date: string): HolidayId | undefined {
  const year = Number(date.slice(0, 4));
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map(holidaysOf(year).map((h) => [h.date, h.id]));
    cache.set(year, byDate);
  }
  return byDate.get(date);
}

/** The first day after a holiday block that is not itself a holiday: the suggested new meeting date. */
export function suggestAfterHoliday(date: string): string {
  let d = addDays(date, 1);
  while (holidayOn(d)) d = addDays(d, 1);
  return d;
}
