import { addDays, addMonths, periodEnd, quarterOf } from "./local-time.js";
import type { ReportRule } from "./settings.js";

/** The periods of a frequency whose deadlines can be near a local date: this one and the two before. */
export function recentPeriods(frequency: ReportRule["frequency"], today: string): string[] {
  if (frequency === "monthly") {
    const month = today.slice(0, 7);
    return [addMonths(month, -2), addMonths(month, -1), month];
  }
  if (frequency === "quarterly") {
    const month = today.slice(0, 7);
    return [quarterOf(addMonths(month, -6)), quarterOf(addMonths(month, -3)), quarterOf(month)];
  }
  const year = Number(today.slice(0, 4));
  return [String(year - 1), String(year)];
}

/**
 * A report's due date for one period, or null when it has none (an `after_meeting` rule when the
 * meeting was cancelled or the cell has no schedule).
 *
 * @example dueDate({ form: "monthly-meeting", frequency: "monthly", due: { kind: "after_meeting", days: 3 } }, "2025-12", () => "2025-12-05") // "2025-12-08"
 */
export function dueDate(rule: ReportRule, period: string, meetingDateOf: (period: string) => string | null): string | null {
  const due = rule.due;
  switch (due.kind) {
    case "after_meeting": {
      if (rule.frequency !== "monthly") return null;
      const meeting = meetingDateOf(period);
      return meeting ? addDays(meeting, due.days) : null;
    }
    case "day_of_month": {
      if (rule.frequency !== "monthly") return null;
      const last = Number(periodEnd(period).slice(8));
      return `${period}-${String(Math.min(due.day, last)).padStart(2, "0")}`;
    }
    case "after_period":
      return addDays(periodEnd(period), due.days);
    case "fixed_date": {
      const year = period.slice(0, 4);
      const month = `${year}-${String(due.month).padStart(2, "0")}`;
      const last = Number(periodEnd(month).slice(8));
      return `${month}-${String(Math.min(due.day, last)).padStart(2, "0")}`;
    }
  }
}

/** The key of "this cell submitted this form for this period" in the planner's input. */
export function submissionKey(orgId: number, form: string, period: string): string {
  return `${orgId}:${form}:${period}`;
}
