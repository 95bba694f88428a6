import type { PeriodKind } from "./form-definition.js";
import { periodOf, previousPeriod } from "./period.js";

/**
 * The period a report is most likely about, on a local date:
 * a monthly report is about this month once its meeting day has come (else last month);
 * quarterly data is about the quarter that just ended (it is due early in the next);
 * the annual rating is about this year from November (reviews run Nov–Jan), else last year.
 */
export function defaultPeriod(kind: PeriodKind, today: string, meetingDateThisMonth?: string): string {
  if (kind === "month") {
    const thisMonth = periodOf("month", today);
    return meetingDateThisMonth && meetingDateThisMonth > today ? previousPeriod(thisMonth) : thisMonth;
  }
  if (kind === "quarter") return previousPeriod(periodOf("quarter", today));
  const month = Number(today.slice(5, 7));
  return month >= 11 ? periodOf("year", today) : previousPeriod(periodOf("year", today));
}
