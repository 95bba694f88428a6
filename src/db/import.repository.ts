import { sql, type Insertable, type Updateable } from "kysely";
import type { OrgTable } from "./org.table.js";
import type { AssignmentTable, HouseholdTable, PersonTable, RoleTable } from "./person.table.js";
import type { Db } from "./schema.js";

/** Rows per statement: well under PostgreSQL's 65,535 bound parameters for every table here. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows of `select` over the distinct keys, a chunk of keys per statement. */
async function selectByChunks<K, R>(keys: readonly K[], select: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const part of chunks([...new Set(keys)])) rows.push(...(await select(part)));
  return rows;
}

export type ImportOrgRow = Awaited<ReturnType<typeof orgsByCodes>>[number];

/** Orgs with these codes (current and closed), with their parent's code. */
export async function orgsByCodes(db: Db, codes: readonly string[]) {
  return selectByChunks(codes, (part) =>
    db
      .selectFrom("org")
      .leftJoin("org as parent", "parent.id", "org.parent_id")
      .select([
        "org.id",
        "org.code",
        "org.kind",
        "org.name",
        "org.parent_id",
        "parent.code as parent_code",
        "parent.kind as parent_kind",
        "org.area_kind",
        "org.area_name",
        "org.catchment",
        "org.valid_from",
        "org.valid_to",
      ])
      .where("org.code", "in", part)
      .execute(),
  );
}

export async function insertOrg(db: Db, values: Insertable<OrgTable>): Promise<number> {
  const row = await db.insertInto("org").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Descriptive attributes only: an org's code, name, kind and parent never change in place. */
export async function updateOrgAttributes(db: Db, id: number, patch: Pick<Updateable<OrgTable>, "area_kind" | "area_name" | "catchment" | "valid_from">) {
  await db.updateTable("org").set(patch).where("id", "=", id).execute();
}

export type ImportPersonRow = Awaited<ReturnType<typeof peopleByCodes>>[number];

export async function peopleByCodes(db: Db, codes: readonly string[]) {
  return selectByChunks(codes, (part) =>
    db
      .selectFrom("person")
      .select([
        "id",
        "code",
        "full_name",
        "sex",
        "birth_year",
        "ethnicity",
        "phone",
        "membership",
        "admitted_on",
        "full_member_on",
        "exempt",
        "temp_attached",
        "cell_id",
        "left_on",
      ])
      .where("code", "in", part)
      .execute(),
  );
}

/** Insert people in batches; returns each new id by code. */
export async function insertPeople(db: Db, people: readonly Insertable<PersonTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(people)) {
    const rows = await db.insertInto("person").values(part).returning(["id", "code"]).execute();
    for (const r of rows) ids.set(r.code, r.id);
  }
  return ids;
}

/** Change a person's fields and stamp `updated_at`. */
export async function updatePerson(db: Db, id: number, patch: Updateable<PersonTable>) {
  await db
    .updateTable("person")
    .set({ ...patch, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Roles of these people not ended by `onDate` (including roles that start later). */
export async function openRolesOf(db: Db, personIds: readonly number[], onDate: string) {
  return selectByChunks(personIds, (part) =>
    db
      .selectFrom("role")
      .select(["id", "person_id", "org_id", "role"])
      .where("person_id", "in", part)
      .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)]))
      .execute(),
  );
}

/**
 * The secretaries' terms in these cells not ended by a day (in force then, or begun later): role id,
 * cell, the person's id, code and name, the term's dates.
 */
export async function cellSecretaryTerms(db: Db, cellIds: readonly number[], onDate: string) {
  return selectByChunks(cellIds, (part) =>
    db
      .selectFrom("role")
      .innerJoin("person", "person.id", "role.person_id")
      .select(["role.id", "role.org_id", "role.person_id", "person.code", "person.full_name", "role.valid_from", "role.valid_to"])
      .where("role.role", "=", "secretary")
      .where("role.org_id", "in", part)
      .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
      .orderBy("role.id")
      .execute(),
  );
}

export async function insertRoles(db: Db, roles: readonly Insertable<RoleTable>[]) {
  for (const part of chunks(roles)) await db.insertInto("role").values(part).execute();
}

/** End these roles on a day (a term begun that day or later ends as it began: it never held). */
export async function endRoles(db: Db, roleIds: readonly number[], onDate: string) {
  for (const part of chunks(roleIds)) await db.updateTable("role").set({ valid_to: sql`greatest(valid_from, ${onDate}::date)` }).where("id", "in", part).execute();
}

export type ImportHouseholdRow = Awaited<ReturnType<typeof householdsByCodes>>[number];

/** Households with these codes. */
export async function householdsByCodes(db: Db, codes: readonly string[]) {
  return selectByChunks(codes, (part) => db.selectFrom("household").select(["id", "code", "org_id", "village_name", "head_name", "people_count"]).where("code", "in", part).execute());
}

/** Insert households in batches; returns each new id by code. */
export async function insertHouseholds(db: Db, households: readonly Insertable<HouseholdTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(households)) {
    for (const r of await db.insertInto("household").values(part).returning(["id", "code"]).execute()) ids.set(r.code, r.id);
  }
  return ids;
}

/** Change a household's fields and stamp `updated_at`. */
export async function updateHousehold(db: Db, id: number, patch: Pick<Updateable<HouseholdTable>, "head_name" | "org_id" | "village_name" | "people_count">) {
  await db
    .updateTable("household")
    .set({ ...patch, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

export type ImportAssignmentRow = Awaited<ReturnType<typeof assignmentsOfCadres>>[number];

/** Every assignment (past, current and future) of these people. */
export async function assignmentsOfCadres(db: Db, personIds: readonly number[]) {
  return selectByChunks(personIds, (part) =>
    db
      .selectFrom("assignment")
      .select(["id", "cadre_id", "org_id", "household_id", "duties", "valid_from", "valid_to"])
      .where("cadre_id", "in", part)
      .orderBy("id")
      .execute(),
  );
}

/** Household assignments not ended by a date, for these households. */
export async function openHouseholdAssignments(db: Db, householdIds: readonly number[], onDate: string) {
  return selectByChunks(householdIds, (part) =>
    db
      .selectFrom("assignment")
      .select(["id", "cadre_id", "household_id", "valid_from"])
      .where("household_id", "in", part)
      .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)]))
      .execute(),
  );
}

export async function insertAssignments(db: Db, assignments: readonly Insertable<AssignmentTable>[]) {
  for (const part of chunks(assignments)) await db.insertInto("assignment").values(part).execute();
}

export async function updateAssignment(db: Db, id: number, patch: Pick<Updateable<AssignmentTable>, "valid_to" | "duties">) {
  await db.updateTable("assignment").set(patch).where("id", "=", id).execute();
}

/** End assignments on a date (an assignment that starts later is ended where it starts: it never held). */
export async function endAssignments(db: Db, ids: readonly number[], onDate: string) {
  for (const part of chunks(ids)) {
    await db
      .updateTable("assignment")
      .set({ valid_to: sql`greatest(valid_from, ${onDate}::date)` })
      .where("id", "in", part)
      .execute();
  }
}

/**
 * Whether the store holds a unit or a person whose code is none of these (the import templates'
 * examples): then it holds an office's own data.
 */
export async function holdsOtherThan(db: Db, orgCodes: readonly string[], personCodes: readonly string[]): Promise<boolean> {
  let orgs = db.selectFrom("org").select("id");
  if (orgCodes.length > 0) orgs = orgs.where("code", "not in", [...orgCodes]);
  if (await orgs.limit(1).executeTakeFirst()) return true;
  let people = db.selectFrom("person").select("id");
  if (personCodes.length > 0) people = people.where("code", "not in", [...personCodes]);
  return (await people.limit(1).executeTakeFirst()) !== undefined;
}
