import { sql } from "kysely";
import type { Db } from "./schema.js";

/** The column of each step's day. */
export const STEP_COLUMNS = {
  identified: "identified_on",
  certificate: "certificate_on",
  dossier: "dossier_on",
  admitted: "admitted_on",
  full: "full_member_on",
} as const;

const COLUMNS = [
  "id",
  "org_id",
  "full_name",
  "sex",
  "birth_year",
  "ethnicity",
  "religion",
  "flags",
  "identified_on",
  "certificate_on",
  "dossier_on",
  "admitted_on",
  "full_member_on",
  "dropped_on",
  "person_id",
] as const;

export async function insertCandidate(
  db: Db,
  c: { orgId: number; name: string; sex: string | null; birthYear: number | null; ethnicity: string | null; religion: string | null; flags: string[]; identifiedOn: string; by: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto("party_candidate")
    .values({
      org_id: c.orgId,
      full_name: c.name,
      sex: c.sex,
      birth_year: c.birthYear,
      ethnicity: c.ethnicity,
      religion: c.religion,
      flags: JSON.stringify(c.flags),
      identified_on: c.identifiedOn,
      created_by: c.by,
      created_at: c.at,
      updated_at: c.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findCandidate(db: Db, id: number) {
  return db.selectFrom("party_candidate").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The candidates of these cells, oldest first. */
export async function candidatesOf(db: Db, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db.selectFrom("party_candidate").select(COLUMNS).where("org_id", "in", [...orgIds]).orderBy("identified_on").orderBy("id").execute();
}

/** Candidates with a certificate and not yet admitted nor dropped, in these cells: the reminders' input. */
export async function candidatesAwaitingAdmission(db: Db, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("party_candidate")
    .select(COLUMNS)
    .where("org_id", "in", [...orgIds])
    .where("certificate_on", "is not", null)
    .where("admitted_on", "is", null)
    .where("dropped_on", "is", null)
    .execute();
}

/** Cells (of these) that follow at least one candidate: their admissions are computed, not typed. */
export async function cellsUsingPipeline(db: Db, orgIds: readonly number[]): Promise<Set<number>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db.selectFrom("party_candidate").select("org_id").distinct().where("org_id", "in", [...orgIds]).execute();
  return new Set(rows.map((r) => r.org_id));
}

export async function setCandidateStep(db: Db, id: number, column: (typeof STEP_COLUMNS)[keyof typeof STEP_COLUMNS] | "dropped_on", on: string, at: Date): Promise<void> {
  await db.updateTable("party_candidate").set({ [column]: on, updated_at: at }).where("id", "=", id).execute();
}

export async function setCandidatePerson(db: Db, id: number, personId: number, at: Date): Promise<void> {
  await db.updateTable("party_candidate").set({ person_id: personId, updated_at: at }).where("id", "=", id).execute();
}

/** The candidate record of a person admitted through the pipeline (for their own `/dulieu`). */
export async function candidateOfPerson(db: Db, personId: number) {
  return db.selectFrom("party_candidate").select(COLUMNS).where("person_id", "=", personId).executeTakeFirst();
}

/** Candidates dropped before a day: the retention clean-up removes them. */
export async function deleteDroppedCandidatesBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom("party_candidate").where("dropped_on", "<", day).where("person_id", "is", null).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Candidates still followed (not admitted, not dropped) whose last step is dated before `at`: the
 * retention clean-up removes them. The clock is the step's own date, not the row's last update (a
 * step entered today but dated years back does not restart it). A record entered after `at` is kept,
 * so a cell that starts following someone whose steps are old does not lose them the next night.
 */
export async function deleteStaleCandidatesBefore(db: Db, at: Date): Promise<number> {
  const day = at.toISOString().slice(0, 10);
  const lastStep = sql<string | null>`greatest(identified_on, certificate_on, dossier_on)`;
  const result = await db
    .deleteFrom("party_candidate")
    .where("admitted_on", "is", null)
    .where("dropped_on", "is", null)
    .where("person_id", "is", null)
    .where("created_at", "<", at)
    // greatest() skips nulls; a candidate with no dated step at all counts from when it was entered.
    .where((eb) => eb.or([eb(lastStep, "<", day), eb(lastStep, "is", null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function putTarget(db: Db, orgId: number, year: number, target: number, by: number | null, at: Date): Promise<void> {
  await db
    .insertInto("development_target")
    .values({ org_id: orgId, year, target, set_by: by, updated_at: at })
    .onConflict((oc) => oc.columns(["org_id", "year"]).doUpdateSet({ target, set_by: by, updated_at: at }))
    .execute();
}

export async function targetOf(db: Db, orgId: number, year: number): Promise<number | null> {
  const row = await db.selectFrom("development_target").select("target").where("org_id", "=", orgId).where("year", "=", year).executeTakeFirst();
  return row ? row.target : null;
}

/** A unique person code for an admitted candidate: the cell's code, then `-PT` and the candidate's id. */
export async function personCodeFree(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom("person").select(sql<number>`1`.as("one")).where("code", "=", code).executeTakeFirst();
  return !row;
}
