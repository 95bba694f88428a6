import { documentData, type DocumentWords, type RollCounts } from "../domain/cycle/documents.js";
import type { OwnerCandidate } from "../domain/cycle/tasks.js";
import { ChiboError } from "../domain/errors.js";
import { isPeriodOfKind } from "../domain/forms/period.js";
import type { Actor } from "../domain/roles.js";
import { findOrgById, holdersOf, meetingRollRows } from "../db/org.repository.js";
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
  /** The report the document is made of (its access is recorded when the file is sent); null with no report. */
  reportId: number | null;
}

/**
 * What the minutes and the resolution of a cell's monthly meeting say: the stored report (quick or
 * guided), last month's tasks with their results, the cell's secretary on the meeting's day and the
 * committee above.
 * `actor` null is the local operator of `chibo export`; a person needs `report.view` on the cell.
 * `invalid_input` for a period that is not a month; `data` null when the cell sent no report for it.
 */
export async function meetingDocumentData(db: Db, actor: Actor | null, orgId: number, period: string, today: string, words: DocumentWords): Promise<MeetingDocumentData> {
  if (!isPeriodOfKind("month", period)) throw new ChiboError("invalid_input", { period });
  if (actor) await requireAccess(db, actor, "report.view", { orgId });
  const cell = await findOrgById(db, orgId);
  if (!cell) throw new ChiboError("not_found");
  const [report] = await reportsFor(db, [orgId], "monthly-meeting", period);
  if (!report) return { cellName: cell.name, cellCode: cell.code, period, data: null, reportId: null };
  const upper = cell.parent_id !== null ? await findOrgById(db, cell.parent_id) : undefined;
  const meetingDate = typeof report.data.meeting_date === "string" ? report.data.meeting_date : null;
  const secretaryName = await signerOn(db, orgId, meetingDate);
  const previous = await previousMonthTasks(db, orgId, period);
  const { roll, members } = await rollAt(db, orgId, meetingDate, today);
  const data = documentData(
    {
      cellName: cell.name,
      upper: upper ? { name: upper.name, areaName: upper.area_name } : null,
      period,
      values: report.data,
      previous,
      secretaryName,
      roll,
      members,
    },
    words,
  );
  return { cellName: cell.name, cellCode: cell.code, period, data, reportId: report.id };
}

/**
 * Who signs a meeting's documents: the cell's secretary on the meeting's day, from the roles' validity
 * dates, so a document of a past meeting keeps its signer when the secretary changes later. Nobody
 * (null: the name line is left for signing by hand) when the meeting's day is unknown or the cell had
 * no secretary then, or several (an import that named two): chibo does not guess who signed.
 */
async function signerOn(db: Db, orgId: number, meetingDate: string | null): Promise<string | null> {
  if (meetingDate === null) return null;
  const secretaries = await holdersOf(db, orgId, "secretary", meetingDate);
  return secretaries.length === 1 ? (secretaries[0] as { full_name: string }).full_name : null;
}

/** The latest month a cell reported its meeting for (the documents offered when no month is named). */
export async function latestMeetingPeriod(db: Db, orgId: number): Promise<string | undefined> {
  return (await latestReport(db, orgId, "monthly-meeting"))?.period;
}

/**
 * The cell's party members on its roll on the meeting's day, counted as the model minutes count them
 * (total, full, probationary, exempt), and their names for matching what the report typed. A roll
 * imported after the meeting has nobody on that day: today's roll stands for it.
 */
async function rollAt(db: Db, orgId: number, meetingDate: string | null, today: string): Promise<{ roll: RollCounts | null; members: OwnerCandidate[] }> {
  let rows = meetingDate && meetingDate <= today ? await meetingRollRows(db, orgId, meetingDate) : undefined;
  if (!rows || rows.members.length + rows.leaders.length === 0) rows = await meetingRollRows(db, orgId, today);
  // Party members (as meetingRollOf counts them): a member role with a membership, and the leaders.
  const people = new Map<number, { id: number; full_name: string; membership: string | null; exempt: boolean }>();
  for (const m of rows.members) if (m.membership !== null) people.set(m.id, m);
  for (const l of rows.leaders) if (!people.has(l.id)) people.set(l.id, l);
  const list = [...people.values()];
  if (list.length === 0) return { roll: null, members: [] };
  return {
    roll: {
      total: list.length,
      full: list.filter((p) => p.membership === "full").length,
      probationary: list.filter((p) => p.membership === "probationary").length,
      exempt: list.filter((p) => p.exempt).length,
    },
    members: list.map((p) => ({ id: p.id, name: p.full_name })),
  };
}
