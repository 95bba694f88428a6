import { rollupCells } from "./rollup.js";
import { addMonths } from "./schedule/local-time.js";
import { timeliness } from "./tracking.js";

/**
 * How a cell stood on one month's report: on time, late, missing past its deadline, not yet due, with no
 * deadline (no meeting), or before its tracking started ("chưa theo dõi", domain/tracking.ts); `sent`:
 * a report with no deadline to judge it by (a month not tracked yet, or no deadline known), neither on
 * time nor late.
 */
export type MonthStanding = "met" | "late" | "missed" | "pending" | "none" | "untracked" | "sent";

export interface MonthInput {
  period: string;
  /** The report's deadline; null when the month had no meeting (none scheduled, or cancelled). */
  due: string | null;
  /** The month's report (not a draft), with the local date it was first sent. */
  report: { id: number; status: string; submittedOn: string | null; data: Record<string, unknown> } | null;
  /** False for a month before the cell's tracking starts; default true. */
  tracked?: boolean;
}

export interface CellMonth {
  period: string;
  standing: MonthStanding;
  due: string | null;
  reportId: number | null;
  /** Share of the expected members present, 0–1; null without a report. */
  attendance: number | null;
  belowBar: boolean;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/**
 * A cell's months at a glance (#14.4): each month's standing and attendance, read the way the
 * roll-up reads a period (`rollupCells`), with a report sent after its deadline told apart as late.
 */
export function cellMonths(months: readonly MonthInput[], today: string): CellMonth[] {
  const rolled = rollupCells(
    months.map((m) => ({ orgId: 0, name: m.period, parentId: null, parentName: null, due: m.due, report: m.report, ...(m.tracked === false ? { tracked: false } : {}) })),
    today,
  );
  return months.map((m, i) => {
    const r = rolled[i]!;
    let standing: MonthStanding;
    if (r.status === "reported" || r.status === "accepted") {
      // On time only against a deadline chibo tracked: a month before the go-live (or with no deadline
      // known) never counts as "đúng hạn", however late the report came.
      const t = timeliness(m.report?.submittedOn ?? null, m.due, m.tracked !== false);
      standing = t.kind === "late" ? "late" : t.kind === "on_time" ? "met" : "sent";
    }
    else if (r.status === "late") standing = "missed";
    else if (r.status === "untracked") standing = "untracked";
    else standing = m.due === null ? "none" : "pending";
    return { period: m.period, standing, due: standing === "untracked" || standing === "sent" ? null : m.due, reportId: m.report?.id ?? null, attendance: r.attendance, belowBar: r.belowBar };
  });
}

/** How many months stood each way. */
export function standingCounts(months: readonly CellMonth[]): Record<MonthStanding, number> {
  const counts: Record<MonthStanding, number> = { met: 0, late: 0, missed: 0, pending: 0, none: 0, untracked: 0, sent: 0 };
  for (const m of months) counts[m.standing]++;
  return counts;
}
