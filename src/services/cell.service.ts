import { isCellKind } from "../domain/org.js";
import { meetingRuleFromColumns } from "../domain/meeting-rule.js";
import type { Actor } from "../domain/roles.js";
import {
  cadresAssignedTo,
  childrenInForce,
  countCellMembers,
  findOrgById,
  holdersOf,
  listCellMembers,
} from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { meetingOutlook } from "./meeting.service.js";

/** A stored rule's columns as the domain's rule (see `meetingRuleFromColumns`). */
export const toMeetingRule = meetingRuleFromColumns;

export interface CellSummary {
  id: number;
  name: string;
  parentName: string | null;
  counts: { total: number; full: number; probationary: number; exempt: number; temp_attached: number };
  secretaries: string[];
  deputies: string[];
  cadres: string[];
  /** The next meeting held, after any `/doilich` (`movedFrom`: the rule's date it replaces). */
  nextMeeting: { date: string; time: string; place: string | null; movedFrom: string | null; reason: string | null } | null;
  /** Meetings cancelled before the next one. */
  cancelled: { date: string; reason: string | null }[];
}

/** What `/chibo` shows of a cell: checked with `cell.view_summary`. */
export async function cellSummary(db: Db, actor: Actor, cellId: number, today: string): Promise<CellSummary> {
  await requireAccess(db, actor, "cell.view_summary", { orgId: cellId });
  const org = await findOrgById(db, cellId);
  if (!org) throw new Error("cell vanished after the access check");
  const parent = org.parent_id !== null ? await findOrgById(db, org.parent_id) : undefined;
  const [counts, secretaries, deputies, cadres, outlook] = await Promise.all([
    countCellMembers(db, cellId, today),
    holdersOf(db, cellId, "secretary", today),
    holdersOf(db, cellId, "deputy_secretary", today),
    cadresAssignedTo(db, cellId, today),
    meetingOutlook(db, cellId, today),
  ]);
  const next = outlook.meeting;
  return {
    id: org.id,
    name: org.name,
    parentName: parent?.name ?? null,
    counts,
    secretaries: secretaries.map((p) => p.full_name),
    deputies: deputies.map((p) => p.full_name),
    cadres: cadres.map((p) => p.full_name),
    nextMeeting: next
      ? { date: next.date, time: next.time, place: next.place, movedFrom: next.override && next.regularDate !== next.date ? next.regularDate : null, reason: next.override?.reason ?? null }
      : null,
    cancelled: outlook.cancelled.map((m) => ({ date: m.date, reason: m.override?.reason ?? null })),
  };
}

/** The member list: checked with `cell.view_members`. */
export async function cellMembers(db: Db, actor: Actor, cellId: number, today: string) {
  await requireAccess(db, actor, "cell.view_members", { orgId: cellId });
  return listCellMembers(db, cellId, today);
}

/** Cells this person relates to: their own, those they lead, those they follow. */
export async function cellsOfActor(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  const ids = new Set<number>();
  if (actor.cellId !== null) ids.add(actor.cellId);
  for (const r of actor.roles) ids.add(r.orgId);
  for (const a of actor.assignments) if (a.orgId !== null) ids.add(a.orgId);
  const cells: { id: number; name: string }[] = [];
  for (const id of ids) {
    const org = await findOrgById(db, id);
    if (org && isCellKind(org.kind)) cells.push({ id: org.id, name: org.name });
  }
  return cells.sort((a, b) => a.id - b.id);
}

/** Roles that make a cell one's own to read reports of: its leaders and committee. */
const CELL_READERS = new Set(["secretary", "deputy_secretary", "cell_committee"]);

/**
 * The cells whose reports `/xembaocao` offers (#19.11): those the person leads or sits on the committee
 * of, and those they follow as an assigned cadre (a followed commune: its cells in force); their own
 * cell as a plain member only when there is none of these (members read it where the province allows).
 */
export async function reportCellsOf(db: Db, actor: Actor, today: string): Promise<{ id: number; name: string }[]> {
  const ids = new Set<number>(actor.roles.filter((r) => CELL_READERS.has(r.role)).map((r) => r.orgId));
  const followed = actor.assignments.flatMap((a) => (a.orgId === null ? [] : [a.orgId]));
  const cells: { id: number; name: string }[] = [];
  const add = (c: { id: number; name: string }) => {
    if (!cells.some((x) => x.id === c.id)) cells.push(c);
  };
  const communes: number[] = [];
  for (const id of [...ids, ...followed]) {
    const org = await findOrgById(db, id);
    if (!org) continue;
    if (isCellKind(org.kind)) add({ id: org.id, name: org.name });
    else if (followed.includes(org.id)) communes.push(org.id);
  }
  for (const c of await childrenInForce(db, communes, today)) {
    const org = await findOrgById(db, c.id);
    if (org && isCellKind(org.kind)) add({ id: c.id, name: c.name });
  }
  if (cells.length === 0 && actor.cellId !== null) {
    const own = await findOrgById(db, actor.cellId);
    if (own) add({ id: own.id, name: own.name });
  }
  return cells.sort((a, b) => a.id - b.id);
}
