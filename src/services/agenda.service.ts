import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import { quarterOf } from "../domain/schedule/local-time.js";
import type { EffectiveMeeting } from "../domain/schedule/meeting.js";
import { writeAudit } from "../db/audit.repository.js";
import { findAgenda, findGuidance, putAgenda, putGuidance } from "../db/cycle.repository.js";
import { findOrgById, orgPath } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { nextMeeting } from "./meeting.service.js";
import { previousMonthTasks, type TaskView } from "./resolution-task.service.js";

/** Longest political-tasks text, guidance and stored agenda (the agenda rides in a reminder). */
export const MAX_POLITICAL = 1000;
export const MAX_GUIDANCE = 1500;
export const MAX_AGENDA = 3500;

/** What a month's agenda is made of, before it is worded. */
export interface AgendaModel {
  orgId: number;
  cellName: string;
  period: string;
  meeting: EffectiveMeeting | null;
  /** Last month's resolution tasks with their status. */
  previous: TaskView[];
  /** Guidance published above the cell for the month (commune first, then the province). */
  guidance: { org: string; text: string }[];
  /** The month's political tasks the secretary added (kept from an earlier save). */
  political: string | null;
  /** The quarter's thematic meeting, when this month's meeting is (or includes) it. */
  thematic: { quarter: string; topic: string | null } | null;
  preparedAt: Date | null;
}

/**
 * The model agenda of a cell's next meeting (the secretary's `/chuongtrinh`): last month's tasks and
 * their status, the month's guidance from the committees above, the political tasks, the quarter's
 * thematic topic when the meeting rule makes this the thematic month. Needs `meeting.manage`.
 */
export async function agendaModel(db: Db, actor: Actor, orgId: number, today: string): Promise<AgendaModel> {
  await requireAccess(db, actor, "meeting.manage", { orgId });
  const { cell, meeting } = await nextMeeting(db, actor, orgId, today);
  const period = meeting?.date.slice(0, 7) ?? today.slice(0, 7);
  const [previous, stored, path] = await Promise.all([previousMonthTasks(db, orgId, period), findAgenda(db, orgId, period), orgPath(db, orgId)]);
  const guidance: AgendaModel["guidance"] = [];
  for (const id of path.slice(1)) {
    const g = await findGuidance(db, id, period);
    const org = g ? await findOrgById(db, id) : undefined;
    if (g && org) guidance.push({ org: org.name, text: g.text });
  }
  const thematic = meeting && meeting.kind !== "regular" ? { quarter: quarterOf(period), topic: null } : null;
  return { orgId, cellName: cell, period, meeting, previous, guidance, political: stored?.political_tasks ?? null, thematic, preparedAt: stored?.prepared_at ?? null };
}

/** Store the month's agenda as worded; the meeting's reminders days ahead carry it to every member. */
export async function saveAgenda(db: Db, actor: Actor, orgId: number, period: string, political: string | null, text: string, now: Date): Promise<void> {
  await requireAccess(db, actor, "meeting.manage", { orgId });
  if (text.length > MAX_AGENDA || (political?.length ?? 0) > MAX_POLITICAL) throw new ChiboError("invalid_input");
  await putAgenda(db, orgId, period, { politicalTasks: political, text, by: actor.personId, at: now });
  await writeAudit(db, { actorPersonId: actor.personId, action: "agenda.save", entity: "meeting_agenda", entityId: `${orgId}:${period}`, after: { political }, at: now });
}

/** The agenda stored for a cell's month (`meeting.manage`), as worded then and when; undefined when none is. */
export async function savedAgenda(db: Db, actor: Actor, orgId: number, period: string): Promise<{ text: string; preparedAt: Date } | undefined> {
  await requireAccess(db, actor, "meeting.manage", { orgId });
  const stored = await findAgenda(db, orgId, period);
  return stored ? { text: stored.text, preparedAt: stored.prepared_at } : undefined;
}

/** Committees whose guidance this actor may publish (`guidance.publish`): their office or standing-committee orgs. */
export function guidanceOrgs(actor: Actor): number[] {
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId))];
}

export async function currentGuidance(db: Db, actor: Actor, orgId: number, period: string): Promise<{ org: string; text: string | null }> {
  await requireAccess(db, actor, "guidance.publish", { orgId });
  const [org, g] = await Promise.all([findOrgById(db, orgId), findGuidance(db, orgId, period)]);
  if (!org) throw new ChiboError("not_found");
  return { org: org.name, text: g?.text ?? null };
}

/** Publish (or replace) the month's guidance of a commune: it shows in every agenda of its cells. */
export async function publishGuidance(db: Db, actor: Actor, orgId: number, period: string, text: string, now: Date): Promise<string> {
  await requireAccess(db, actor, "guidance.publish", { orgId });
  if (text.trim() === "" || text.length > MAX_GUIDANCE) throw new ChiboError("invalid_input");
  const org = await findOrgById(db, orgId);
  if (!org) throw new ChiboError("not_found");
  await putGuidance(db, orgId, period, text.trim(), actor.personId, now);
  await writeAudit(db, { actorPersonId: actor.personId, action: "guidance.publish", entity: "content_guidance", entityId: `${orgId}:${period}`, after: { text: text.trim() }, at: now });
  return org.name;
}
