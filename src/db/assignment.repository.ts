import type { Db } from "./schema.js";
import { byNameVi } from "../domain/text/collate.js";

/** Orgs of the given kinds among a set of orgs, in force and with nobody assigned to follow them on a date, by name. */
async function unassignedOrgs(db: Db, orgIds: number[], kinds: readonly string[], onDate: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom("org as c")
    .leftJoin("org as p", "p.id", "c.parent_id")
    .select(["c.id", "c.name", "c.area_name", "c.parent_id", "p.name as parent_name"])
    .where("c.id", "in", orgIds)
    .where("c.kind", "in", [...kinds])
    .where("c.valid_from", "<=", onDate)
    .where((w) => w.or([w("c.valid_to", "is", null), w("c.valid_to", ">", onDate)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("assignment as a")
            .select("a.id")
            .whereRef("a.org_id", "=", "c.id")
            .where("a.valid_from", "<=", onDate)
            .where((w) => w.or([w("a.valid_to", "is", null), w("a.valid_to", ">", onDate)])),
        ),
      ),
    )
    .execute();
  return rows.sort(byNameVi((r) => r.name));
}

/** Cells of a set of orgs with nobody assigned to follow them on a date. */
export async function unassignedCells(db: Db, orgIds: number[], onDate: string) {
  return unassignedOrgs(db, orgIds, ["chi_bo_co_so", "chi_bo_truc_thuoc"], onDate);
}

/** Commune (and ward) committees of a set of orgs with nobody assigned to follow them on a date. */
export async function unassignedCommunes(db: Db, orgIds: number[], onDate: string) {
  return unassignedOrgs(db, orgIds, ["dang_bo_xa"], onDate);
}

/** Communes and cells in force among a set of orgs, with their kind and parent's name (what may be assigned). */
export async function unitsWithin(db: Db, orgIds: number[], onDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("org as c")
    .leftJoin("org as p", "p.id", "c.parent_id")
    .select(["c.id", "c.code", "c.name", "c.kind", "p.name as parent_name"])
    .where("c.id", "in", orgIds)
    .where("c.kind", "in", ["dang_bo_xa", "chi_bo_co_so", "chi_bo_truc_thuoc"])
    .where("c.valid_from", "<=", onDate)
    .where((w) => w.or([w("c.valid_to", "is", null), w("c.valid_to", ">", onDate)]))
    .orderBy("c.code")
    .execute();
}

/** Households of a set of cells with nobody assigned on a date. */
export async function unassignedHouseholds(db: Db, orgIds: number[], onDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("household as h")
    .select(["h.id", "h.code", "h.head_name", "h.village_name", "h.org_id"])
    .where("h.org_id", "in", orgIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("assignment as a")
            .select("a.id")
            .whereRef("a.household_id", "=", "h.id")
            .where("a.valid_from", "<=", onDate)
            .where((w) => w.or([w("a.valid_to", "is", null), w("a.valid_to", ">", onDate)])),
        ),
      ),
    )
    .orderBy("h.code")
    .execute();
}

/** A person's assignment to a target in force on a date, if any. */
export async function openAssignmentOf(db: Db, cadreId: number, target: { orgId: number | null; householdId: number | null }, onDate: string) {
  let q = db.selectFrom("assignment").select("id").where("cadre_id", "=", cadreId).where("valid_from", "<=", onDate);
  q = target.orgId !== null ? q.where("org_id", "=", target.orgId) : q.where("household_id", "=", target.householdId);
  return q.where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)])).executeTakeFirst();
}

export async function findAssignment(db: Db, id: number) {
  return db.selectFrom("assignment").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertAssignment(db: Db, a: { cadreId: number; orgId: number | null; householdId: number | null; duties: string | null; from: string }) {
  return db
    .insertInto("assignment")
    .values({ cadre_id: a.cadreId, org_id: a.orgId, household_id: a.householdId, duties: a.duties, valid_from: a.from })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** End an assignment from a date (kept for history, never deleted). */
export async function endAssignment(db: Db, id: number, onDate: string) {
  await db.updateTable("assignment").set({ valid_to: onDate }).where("id", "=", id).where("valid_to", "is", null).execute();
}

/** Assignments in force on orgs (and their households) of a set, with names. */
export async function assignmentsWithin(db: Db, orgIds: number[], onDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("assignment as a")
    .innerJoin("person as p", "p.id", "a.cadre_id")
    .leftJoin("org as o", "o.id", "a.org_id")
    .leftJoin("household as h", "h.id", "a.household_id")
    .select(["a.id", "a.org_id", "a.household_id", "a.valid_from", "p.full_name as cadre_name", "o.name as org_name", "o.kind as org_kind", "h.head_name", "h.village_name", "h.org_id as household_org_id"])
    .where((w) => w.or([w("a.org_id", "in", orgIds), w("h.org_id", "in", orgIds)]))
    .where("a.valid_from", "<=", onDate)
    .where((w) => w.or([w("a.valid_to", "is", null), w("a.valid_to", ">", onDate)]))
    .orderBy("a.id")
    .execute();
}

/** People holding commune-level roles in an org (who may be assigned to follow its cells). */
export async function communeCadres(db: Db, communeId: number, onDate: string) {
  return db
    .selectFrom("role as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select(["p.id", "p.full_name"])
    .distinct()
    .where("r.org_id", "=", communeId)
    .where("r.role", "in", ["commune_committee", "commune_standing"])
    .where("r.valid_from", "<=", onDate)
    .where((w) => w.or([w("r.valid_to", "is", null), w("r.valid_to", ">", onDate)]))
    .execute()
    .then((rows) => rows.sort(byNameVi((r) => r.full_name)));
}

export async function findHousehold(db: Db, id: number) {
  return db.selectFrom("household").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findHouseholdByCode(db: Db, code: string) {
  return db.selectFrom("household").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function insertVisit(db: Db, v: { householdId: number; visitorId: number; on: string; note: string; at: Date }) {
  return db
    .insertInto("household_visit")
    .values({ household_id: v.householdId, visitor_id: v.visitorId, visited_on: v.on, note: v.note, created_at: v.at })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function recentVisits(db: Db, householdId: number, limit = 5) {
  return latestVisitsTo(db, [householdId], limit);
}

/** The last visit date per household. */
export async function lastVisits(db: Db, householdIds: number[]) {
  if (householdIds.length === 0) return [];
  return db
    .selectFrom("household_visit")
    .select(["household_id", (eb) => eb.fn.max("visited_on").as("last")])
    .where("household_id", "in", householdIds)
    .groupBy("household_id")
    .execute();
}

/** The households of a set of orgs (cells, villages), by code. */
export async function householdsWithin(db: Db, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return db.selectFrom("household").select(["id", "code", "head_name", "village_name", "org_id"]).where("org_id", "in", orgIds).orderBy("code").execute();
}

/** The latest visits to a set of households, newest first, with the household's head and the visitor. */
export async function latestVisitsTo(db: Db, householdIds: number[], limit: number) {
  if (householdIds.length === 0) return [];
  return db
    .selectFrom("household_visit as v")
    .innerJoin("household as h", "h.id", "v.household_id")
    .innerJoin("person as p", "p.id", "v.visitor_id")
    .select(["v.household_id", "v.visited_on", "v.note", "h.head_name", "p.full_name as visitor"])
    .where("v.household_id", "in", householdIds)
    .orderBy("v.visited_on", "desc")
    .orderBy("v.id", "desc")
    .limit(limit)
    .execute();
}
