import { daysBetween, periodEnd } from "./schedule/local-time.js";

/**
 * The first day a cell's reports are tracked: the later of the day the province started using chibo
 * (its go-live, null when unknown) and the cell's founding (its `valid_from`). Null: no bound.
 *
 * @example trackingStart("2026-12-06", "2025-07-01") // "2026-12-06"
 */
export function trackingStart(goLive: string | null, foundedOn: string | null): string | null {
  if (goLive === null) return foundedOn;
  if (foundedOn === null) return goLive;
  return goLive > foundedOn ? goLive : foundedOn;
}

/**
 * Whether a period (`YYYY-MM`, `YYYY-Qn`, `YYYY`) is tracked from `start`: it ends on or after it.
 * A period before is "chưa theo dõi": nothing was due in chibo then, so it is neither missed nor
 * reminded, and no roll-up, chart, digest or export counts it. The one rule for all of them.
 *
 * @example isTracked("2026-11", "2026-12-06") // false
 */
export function isTracked(period: string, start: string | null): boolean {
  return start === null || periodEnd(period) >= start;
}

/**
 * Whether a cell's report for a period is tracked: the period is (`isTracked`) and its deadline, when
 * there is one, is not before `start`. A deadline that fell before the go-live (a December meeting on
 * the 3rd, due the 6th, with go-live on the 7th) is "chưa theo dõi" like a month before it: on the
 * go-live day nothing is overdue, reminded or escalated.
 *
 * @example isDeadlineTracked("2026-12", "2026-12-06", "2026-12-07") // false
 */
export function isDeadlineTracked(period: string, due: string | null, start: string | null): boolean {
  return isTracked(period, start) && (start === null || due === null || due >= start);
}

/**
 * How a sent report stands against its deadline: on time, late by some days, or not judged (`unjudged`:
 * a period or deadline not tracked, see `isDeadlineTracked`, or no deadline known — "không xét hạn").
 */
export type Timeliness = { kind: "on_time" } | { kind: "late"; days: number } | { kind: "unjudged" };

/**
 * A report's timeliness by the local day it was **first** sent: a correction or update after the
 * deadline does not make a report sent on time late. The one rule of `/tonghop`, `/xemlai`, the report
 * card and the exports.
 *
 * @example timeliness("2026-12-08", "2026-11-06", true) // { kind: "late", days: 32 }
 */
export function timeliness(firstSentOn: string | null, due: string | null, tracked: boolean): Timeliness {
  if (!tracked || due === null || firstSentOn === null) return { kind: "unjudged" };
  return firstSentOn > due ? { kind: "late", days: daysBetween(due, firstSentOn) } : { kind: "on_time" };
}
