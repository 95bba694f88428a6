import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TZ = "Asia/Ho_Chi_Minh";

/** The local calendar date (`YYYY-MM-DD`) of an instant in a timezone. */
export function localDate(at: Date, tz = DEFAULT_TZ): string {
  return dayjs(at).tz(tz).format("YYYY-MM-DD");
}

/** The monthly period (`YYYY-MM`) an instant falls in, locally. */
export function monthPeriod(at: Date, tz = DEFAULT_TZ): string {
  return dayjs(at).tz(tz).format("YYYY-MM");
}

/** `dd/mm/yyyy`, as Vietnamese offices write dates. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

export { dayjs };
