import { documentData, type DocumentWords } from "../domain/cycle/documents.js";
import { ChiboError } from "../domain/errors.js";
import { isPeriodOfKind } from "../domain/forms/period.js";
import type { Actor } from "../domain/roles.js";
import { findOrgById, holdersOf } from "../db/org.repository.js";
import { latestReport } from "../db/report.repository.js";
import { reportsFor } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { previousMonthTasks } from "./resolution-task.service.js";

export interface MeetingDocumentData {
  cellName: string;
  cellCode: string;
  period: string;
  /** The values of the template's {tags}; null when the cell sent no monthly meeting report for the period. */
  data: Record<string, unknown> | null;
}

/**
 * What the minutes and the resolution of a cell's monthly meeting say: the stored report (quick or
 * guided), last month's tasks with their results, the cell's secretary and the committee above.
 * `actor` null is the local operator of `chibo export`; a person needs `report.view` on the cell.
 * `invalid_input` for a period that is not a month; `data` null when the cell sent no report for it.
 */
export async function meetingDocumentData(db: Db, actor: Actor | null, orgId: number, period: string, today: string, words: DocumentWords): Promise<MeetingDocumentData> {
  if (!isPeriodOfKind("month", period)) throw new ChiboError("invalid_input", { period });
  if (actor) await requireAccess(db, actor, "report.view", { orgId });
  const cell = await findOrgById(db, orgId);
  if (!cell) throw new ChiboError("not_found");
  const [report] = await reportsFor(db, [orgId], "monthly-meeting", period);
  if (!report) return { cellName: cell.name, cellCode: cell.code, period, data: null };
  const upper = cell.parent_id !== null ? await findOrgById(db, cell.parent_id) : undefined;
  const [secretary] = await holdersOf(db, orgId, "secretary", today);
  const previous = await previousMonthTasks(db, orgId, period);
  const data = documentData(
    {
      cellName: cell.name,
      upper: upper ? { name: upper.name, areaName: upper.area_name } : null,
      period,
      values: report.data,
      previous,
      secretaryName: secretary?.full_name ?? null,
    },
    words,
  );
  return { cellName: cell.name, cellCode: cell.code, period, data };
}

/** The latest month a cell reported its meeting for (the documents offered when no month is named). */
export async function latestMeetingPeriod(db: Db, orgId: number): Promise<string | undefined> {
  return (await latestReport(db, orgId, "monthly-meeting"))?.period;
}
