import { can } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import { cellMonths, monthsUpTo, type CellMonth } from "../domain/history.js";
import { isCellKind } from "../domain/org.js";
import type { Actor } from "../domain/roles.js";
import { effectiveMeeting } from "../domain/schedule/meeting.js";
import { dueDate } from "../domain/schedule/report-due.js";
import { periodEnd } from "../domain/schedule/local-time.js";
import { localDate } from "../domain/time.js";
import { findOrgById, orgPath } from "../db/org.repository.js";
import { reportsOfOrgBetween } from "../db/report.repository.js";
import { meetingOverrides, meetingRuleOnDates } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { settingsTimelineOf } from "./reminder-settings.service.js";
import { reportRuleFor } from "../domain/schedule/settings-history.js";
import { goLiveDate } from "./go-live.service.js";
import { isDeadlineTracked, isTracked, trackingStart } from "../domain/tracking.js";

/** When a report was first sent (its last sending for a report from before that was kept). */
const firstSent = (r: { first_submitted_at: Date | null; submitted_at: Date | null }): Date | null => r.first_submitted_at ?? r.submitted_at;

/** A cell's months shown at a glance. */
export const HISTORY_MONTHS = 12;
const FORM = "monthly-meeting";

export interface CellHistory {
  cell: { id: number; name: string; parentId: number | null };
  months: CellMonth[];
}

/**
 * Whether the person may look at a unit's past standing: those who read its reports (the cell's
 * leaders and committee, the commune, assigned cadres) or its roll-up (upper levels). Counts only:
 * names stay where `/tonghop` and the report view put them.
 */
export async function mayLookBack(db: Db, actor: Actor, orgId: number): Promise<boolean> {
  const path = await orgPath(db, orgId);
  return can(actor, "report.view", { orgPath: path }) || can(actor, "rollup.view", { orgPath: path });
}

/**
 * A cell's monthly meeting reports over the `HISTORY_MONTHS` months ending with `lastPeriod`: each
 * month on time, late, missing or with no meeting, and its attendance (#14.4). Each month's deadline
 * follows the meeting rule in force in that month (on its last day, as `/tonghop` reads a period; a
 * rule changed since does not rewrite the past), the month's one-off changes and the report deadline
 * of the reminder settings in force for the month (`settingsForPeriod`: a deadline changed since
 * does not rewrite the past either).
 */
export async function cellHistory(db: Db, actor: Actor, cellId: number, lastPeriod: string, today: string, tz: string): Promise<CellHistory> {
  const org = await findOrgById(db, cellId);
  if (!org || !isCellKind(org.kind)) throw new ChiboError("not_found");
  if (!(await mayLookBack(db, actor, cellId))) throw new ChiboError("forbidden");
  const periods = monthsUpTo(lastPeriod, HISTORY_MONTHS);
  const [rules, overrides, timeline, reports, goLive] = await Promise.all([
    meetingRuleOnDates(db, cellId, periods.map(periodEnd)),
    meetingOverrides(db, periods[0]!, [cellId]),
    settingsTimelineOf(db, cellId),
    reportsOfOrgBetween(db, cellId, FORM, periods[0]!, lastPeriod),
    goLiveDate(db),
  ]);
  const start = trackingStart(goLive, String(org.valid_from));
  const own = overrides.get(cellId) ?? [];
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  const months = cellMonths(
    periods.map((period) => {
      const r = byPeriod.get(period);
      // Before the province used chibo or the cell existed (a merged village's cell of 2025): not tracked;
      // after it closed, nothing was due.
      const inForce = isTracked(period, start) && (org.valid_to === null || `${period}-01` < String(org.valid_to));
      const reportRule = inForce ? reportRuleFor(timeline, FORM, period) : undefined;
      // The deadline follows the meeting the schedule set; with none scheduled (no rule, or cancelled),
      // a report's own meeting date still gives one for a deadline counted from the meeting.
      const held = r && typeof r.data.meeting_date === "string" && r.data.meeting_date.startsWith(period) ? r.data.meeting_date : null;
      const due = reportRule
        ? dueDate(reportRule, period, (p) => {
            const m = effectiveMeeting(cellId, rules.get(periodEnd(p)) ?? null, own, p);
            return m && !m.cancelled ? m.date : held;
          })
        : null;
      // A deadline before the go-live is not tracked either: a report for it was sent, not on time.
      const tracked = isDeadlineTracked(period, due, start);
      return {
        period,
        due: tracked ? due : null,
        tracked,
        // Judged by the day it was first sent: a correction after the deadline does not make it late.
        report: r ? { id: r.id, status: r.status, submittedOn: firstSent(r) ? localDate(firstSent(r)!, tz) : null, data: r.data } : null,
      };
    }),
    today,
  );
  return { cell: { id: org.id, name: org.name, parentId: org.parent_id }, months };
}
