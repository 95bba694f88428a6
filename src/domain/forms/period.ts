import type { PeriodKind } from "./form-definition.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** The period of a kind that a local date (`YYYY-MM-DD`) falls in: `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export function periodOf(kind: PeriodKind, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === "month") return date.slice(0, 7);
  if (kind === "quarter") return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/** The period before: a report is usually about the month (quarter, year) that just ended. */
export function previousPeriod(period: string): string {
  let m = MONTH.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, "0")}`;
  }
  m = QUARTER.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  m = YEAR.exec(period);
  if (m) return String(Number(m[1]) - 1);
  throw new Error(`not a period: ${period}`);
}

export function isPeriodOfKind(kind: PeriodKind, period: string): boolean {
  return (kind === "month" ? MONTH : kind === "quarter" ? QUARTER : YEAR).test(period);
}

/** `11/2025`, `Quý 4/2025`, `2025` — how offices write periods (the locale adds the words). */
export function periodParts(period: string): { kind: PeriodKind; year: number; index: number } {
  let m = MONTH.exec(period);
  if (m) return { kind: "month", year: Number(m[1]), index: Number(m[2]) };
  m = QUARTER.exec(period);
  if (m) return { kind: "quarter", year: Number(m[1]), index: Number(m[2]) };
  m = YEAR.exec(period);
  if (m) return { kind: "year", year: Number(m[1]), index: 0 };
  throw new Error(`not a period: ${period}`);
}
