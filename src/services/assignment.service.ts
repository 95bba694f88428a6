import { can, mayEver } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import { isCellKind } from "../domain/org.js";
import type { Actor } from "../domain/roles.js";
import { upcomingMeeting, type MeetingOverride } from "../domain/schedule/meeting.js";
import { addMonths } from "../domain/schedule/local-time.js";
import {
  assignmentsWithin,
  communeCadres,
  findHouseholdByCode,
  openAssignmentOf,
  unassignedCommunes,
  unitsWithin,
  endAssignment,
  findAssignment,
  findHousehold,
  insertAssignment,
  insertVisit,
  lastVisits,
  recentVisits,
  unassignedCells,
  unassignedHouseholds,
  householdsWithin,
  latestVisitsTo,
} from "../db/assignment.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import { findOrgByCode, listCellMembers, orgPath, subtreeIds } from "../db/org.repository.js";
import { assignmentDetailsOf } from "../db/person.repository.js";
import { latestReport } from "../db/report.repository.js";
import { meetingOverridesOf } from "../db/rollup.repository.js";
import { cellsInForce, meetingRuleOf, toMeetingOverride } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";

/** The three levels of follow-up: province cadres → communes, commune cadres → cells (villages), members → households. */
export type FollowLevel = "commune" | "cell" | "household";

export interface FollowedUnit {
  assignmentId: number;
  kind: "org" | "household";
  level: FollowLevel;
  /** A commune: its cells in force and how many of them nobody follows. */
  cells: { total: number; unfollowed: number } | null;
  id: number;
  name: string;
  nextMeeting: { date: string; time: string; moved: boolean } | null;
  lastReport: { period: string; status: string } | null;
  lastVisit: string | null;
}

async function nextMeetingOf(db: Db, orgId: number, today: string) {
  const rule = await meetingRuleOf(db, orgId, today);
  const periods = [0, 1, 2].map((n) => addMonths(today.slice(0, 7), n));
  const overrides: MeetingOverride[] = (await meetingOverridesOf(db, [orgId], periods)).map(toMeetingOverride);
  const m = upcomingMeeting(orgId, rule, overrides, today);
  return m ? { date: m.date, time: m.time, moved: m.override !== null } : null;
}

/** What a cadre follows, each with its status: next meeting and last report (units), last visit (households). */
export async function followedUnits(db: Db, actor: Actor, today: string): Promise<FollowedUnit[]> {
  const rows = await assignmentDetailsOf(db, actor.personId, today);
  const households = rows.filter((r) => r.household_id !== null).map((r) => r.household_id as number);
  const visits = new Map((await lastVisits(db, households)).map((v) => [v.household_id, v.last as string | null]));
  const out: FollowedUnit[] = [];
  for (const row of rows) {
    if (row.org_id !== null) {
      const level: FollowLevel = row.org_kind !== null && isCellKind(row.org_kind) ? "cell" : "commune";
      if (level === "commune") {
        const under = await subtreeIds(db, row.org_id);
        const [cells, gaps] = await Promise.all([cellsInForce(db, today), unassignedCells(db, under, today)]);
        const inside = new Set(under);
        out.push({
          assignmentId: row.id,
          kind: "org",
          level,
          cells: { total: cells.filter((c) => inside.has(c.id)).length, unfollowed: gaps.length },
          id: row.org_id,
          name: row.org_name ?? "?",
          nextMeeting: null,
          lastReport: null,
          lastVisit: null,
        });
        continue;
      }
      const last = await latestReport(db, row.org_id, "monthly-meeting");
      out.push({
        assignmentId: row.id,
        kind: "org",
        level,
        cells: null,
        id: row.org_id,
        name: row.org_name ?? "?",
        nextMeeting: await nextMeetingOf(db, row.org_id, today),
        lastReport: last ? { period: last.period, status: last.status } : null,
        lastVisit: null,
      });
    } else if (row.household_id !== null) {
      out.push({
        assignmentId: row.id,
        kind: "household",
        level: "household",
        cells: null,
        id: row.household_id,
        name: `${row.head_name ?? "?"} (${row.village_name ?? "?"})`,
        nextMeeting: null,
        lastReport: null,
        lastVisit: visits.get(row.household_id) ?? null,
      });
    }
  }
  return out;
}

/** Where an actor manages assignments: the subtrees of their commune-level office and standing roles. */
export function managedRoots(actor: Actor): number[] {
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId))];
}

/** Every org id under the roots the actor manages (assignment.manage); refused when there are none. */
async function managedIds(db: Db, actor: Actor): Promise<{ roots: number[]; ids: number[] }> {
  const roots = managedRoots(actor);
  if (roots.length === 0) throw new ChiboError("forbidden");
  const ids = new Set<number>();
  for (const root of roots) for (const id of await subtreeIds(db, root)) ids.add(id);
  return { roots, ids: [...ids] };
}

/**
 * What nobody follows under the orgs the actor manages, at the three levels: communes (below the
 * actor's own committee: a commune office does not assign province cadres), cells, households.
 */
export async function coverageGaps(db: Db, actor: Actor, today: string) {
  const { roots, ids } = await managedIds(db, actor);
  const [communes, cells, households] = await Promise.all([
    unassignedCommunes(db, ids.filter((id) => !roots.includes(id)), today),
    unassignedCells(db, ids, today),
    unassignedHouseholds(db, ids, today),
  ]);
  return { communes, cells, households };
}

/** The communes and cells the actor may assign someone to follow (any of them, not only the gaps). */
export async function assignableUnits(db: Db, actor: Actor, today: string) {
  const { roots, ids } = await managedIds(db, actor);
  const units = (await unitsWithin(db, ids.filter((id) => !roots.includes(id)), today)).map((u) => ({ ...u, level: (isCellKind(u.kind) ? "cell" : "commune") as FollowLevel }));
  // Communes first (province cadres follow them), then cells; by code within each.
  return units.sort((a, b) => Number(a.level === "cell") - Number(b.level === "cell"));
}

/**
 * A unit (commune or cell in force) or a household named by its code, if the actor may assign
 * someone to it; undefined when the code names nothing; refused when it is out of reach.
 */
export async function assignableByCode(db: Db, actor: Actor, code: string, today: string): Promise<{ orgId: number | null; householdId: number | null; name: string } | undefined> {
  const org = await findOrgByCode(db, code);
  if (org && org.valid_from <= today && (org.valid_to === null || org.valid_to > today)) {
    await requireManage(db, actor, { orgId: org.id, householdId: null });
    return { orgId: org.id, householdId: null, name: org.name };
  }
  const household = await findHouseholdByCode(db, code);
  if (!household) return undefined;
  await requireManage(db, actor, { orgId: null, householdId: household.id });
  return { orgId: null, householdId: household.id, name: `${household.head_name} (${household.village_name})` };
}

/** Check `assignment.manage` over the org a target belongs to (a household: its cell). */
async function requireManage(db: Db, actor: Actor, target: { orgId: number | null; householdId: number | null }) {
  let orgId = target.orgId;
  if (target.householdId !== null) {
    const household = await findHousehold(db, target.householdId);
    if (!household) throw new ChiboError("not_found");
    orgId = household.org_id;
  }
  if (orgId === null) throw new ChiboError("not_found");
  await requireAccess(db, actor, "assignment.manage", { orgId });
  return orgId;
}

/**
 * Who may follow a target: for a cell, the commune's committee members (cadres follow units);
 * for a household, the members of its cell (members follow households).
 */
export async function candidatesFor(db: Db, actor: Actor, target: { orgId: number | null; householdId: number | null }, today: string) {
  const orgId = await requireManage(db, actor, target);
  if (target.householdId !== null) {
    return (await listCellMembers(db, orgId, today)).map((m) => ({ id: m.id, full_name: m.full_name }));
  }
  const path = await orgPath(db, orgId);
  return communeCadres(db, (path[1] ?? path[0]) as number, today);
}

/** Assign a cadre to follow a commune, a cell or a household, from today; audited. `created` is false when they already do. */
export async function assign(db: Db, actor: Actor, a: { cadreId: number; orgId: number | null; householdId: number | null }, now: Date, today: string) {
  const candidates = await candidatesFor(db, actor, a, today);
  if (!candidates.some((c) => c.id === a.cadreId)) throw new ChiboError("invalid_input");
  // Assigning someone to what they already follow adds nothing.
  const existing = await openAssignmentOf(db, a.cadreId, a, today);
  if (existing) return { id: existing.id, created: false };
  const { id } = await insertAssignment(db, { cadreId: a.cadreId, orgId: a.orgId, householdId: a.householdId, duties: null, from: today });
  await writeAudit(db, { actorPersonId: actor.personId, action: "assignment.create", entity: "assignment", entityId: id, after: a, at: now });
  return { id, created: true };
}

/** End an assignment today (kept as history); audited. */
export async function unassign(db: Db, actor: Actor, assignmentId: number, now: Date, today: string) {
  const existing = await findAssignment(db, assignmentId);
  if (!existing || existing.valid_to !== null) throw new ChiboError("not_found");
  await requireManage(db, actor, { orgId: existing.org_id, householdId: existing.household_id });
  await endAssignment(db, assignmentId, today);
  await writeAudit(db, { actorPersonId: actor.personId, action: "assignment.end", entity: "assignment", entityId: assignmentId, before: { validTo: null }, after: { validTo: today }, at: now });
}

/** Assignments in force under the orgs the actor manages, each with its level. */
export async function managedAssignments(db: Db, actor: Actor, today: string) {
  const { ids } = await managedIds(db, actor);
  return (await assignmentsWithin(db, ids, today)).map((a) => ({
    ...a,
    level: (a.household_id !== null ? "household" : a.org_kind !== null && isCellKind(a.org_kind) ? "cell" : "commune") as FollowLevel,
  }));
}

/** Log a household visit: the cadre or member following it, or the cell's leaders (`household.log_visit`). */
export async function logVisit(db: Db, actor: Actor, householdId: number, note: string, now: Date, today: string) {
  const household = await findHousehold(db, householdId);
  if (!household) throw new ChiboError("not_found");
  await requireAccess(db, actor, "household.log_visit", { orgId: household.org_id, householdId });
  const { id } = await insertVisit(db, { householdId, visitorId: actor.personId, on: today, note, at: now });
  return { id, household };
}

/** A household's recent visits, for whoever may see it (`household.view`). */
export async function householdVisits(db: Db, actor: Actor, householdId: number) {
  const household = await findHousehold(db, householdId);
  if (!household) throw new ChiboError("not_found");
  const path = await orgPath(db, household.org_id);
  if (!can(actor, "household.view", { orgPath: path, householdId })) throw new ChiboError("forbidden");
  return { household, visits: await recentVisits(db, householdId) };
}

/** A household's id from the office's code (case as stored), or undefined. */
export async function householdIdByCode(db: Db, code: string): Promise<number | undefined> {
  return (await findHouseholdByCode(db, code))?.id;
}

/** How chat names a household: its head, and the village in brackets. */
export async function householdLabel(db: Db, id: number): Promise<string | undefined> {
  const household = await findHousehold(db, id);
  return household ? `${household.head_name} (${household.village_name})` : undefined;
}

/** A household in a visit overview, with its last visit (null: never visited). */
export interface HouseholdVisitStatus {
  id: number;
  code: string;
  head: string;
  village: string;
  lastVisit: string | null;
}

export interface VisitOverview {
  /** Every household the actor may see: their cell's (secretary, deputy), their subtree's (office), those they follow. */
  households: HouseholdVisitStatus[];
  /** Those not visited since `since` (never visited first). */
  notVisited: HouseholdVisitStatus[];
  since: string;
  /** The latest visits to these households, newest first. */
  recent: { householdId: number; date: string; head: string; visitor: string; note: string }[];
}

/** Recent visits listed in an overview. */
export const OVERVIEW_RECENT_VISITS = 10;

/**
 * The visits to the households an actor may see (`household.view`, along the tree): who went where
 * lately, and the households not visited in the last `months` months ("hộ chưa được thăm trong N tháng").
 * Refused (`forbidden`) to someone who may see no household.
 */
export async function visitOverview(db: Db, actor: Actor, today: string, months: number): Promise<VisitOverview> {
  if (!mayEver(actor, "household.view")) throw new ChiboError("forbidden");
  const roots = new Set<number>();
  for (const r of actor.roles) if (can(actor, "household.view", { orgPath: [r.orgId] })) roots.add(r.orgId);
  for (const a of actor.assignments) if (a.orgId !== null) roots.add(a.orgId);
  const orgIds = new Set<number>();
  for (const root of roots) for (const id of await subtreeIds(db, root)) orgIds.add(id);
  const rows = await householdsWithin(db, [...orgIds]);
  for (const a of actor.assignments) {
    if (a.householdId === null || rows.some((r) => r.id === a.householdId)) continue;
    const h = await findHousehold(db, a.householdId);
    if (h) rows.push({ id: h.id, code: h.code, head_name: h.head_name, village_name: h.village_name, org_id: h.org_id });
  }
  const paths = new Map<number, number[]>();
  const visible = [];
  for (const row of rows) {
    if (!paths.has(row.org_id)) paths.set(row.org_id, await orgPath(db, row.org_id));
    if (can(actor, "household.view", { orgPath: paths.get(row.org_id)!, householdId: row.id })) visible.push(row);
  }
  const ids = visible.map((h) => h.id);
  const last = new Map((await lastVisits(db, ids)).map((v) => [v.household_id, v.last as string | null]));
  const households = visible.map((h) => ({ id: h.id, code: h.code, head: h.head_name, village: h.village_name, lastVisit: last.get(h.id) ?? null }));
  const since = `${addMonths(today.slice(0, 7), -months)}-${today.slice(8, 10)}`;
  const notVisited = households.filter((h) => h.lastVisit === null || h.lastVisit < since).sort((a, b) => (a.lastVisit ?? "").localeCompare(b.lastVisit ?? "") || a.code.localeCompare(b.code));
  const recent = (await latestVisitsTo(db, ids, OVERVIEW_RECENT_VISITS)).map((v) => ({ householdId: v.household_id, date: v.visited_on, head: v.head_name, visitor: v.visitor, note: v.note }));
  return { households, notVisited, since, recent };
}
