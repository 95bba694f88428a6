import { sql } from "kysely";
import type { Probationer } from "../domain/membership.js";
import type { Db } from "./schema.js";

/** A person's roles not ended by `on` (every org), oldest first. */
export async function openRolesOf(db: Db, personId: number, on: string) {
  return db
    .selectFrom("role")
    .select(["id", "org_id", "role", "valid_from"])
    .where("person_id", "=", personId)
    .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", on)]))
    .orderBy("id")
    .execute();
}

/** A cadre's assignments not ended by `on`. */
export async function openAssignmentsOf(db: Db, personId: number, on: string) {
  return db
    .selectFrom("assignment")
    .select(["id", "valid_from"])
    .where("cadre_id", "=", personId)
    .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", on)]))
    .execute();
}

export async function setPersonMembership(
  db: Db,
  personId: number,
  patch: { cell_id?: number | null; membership?: string; full_member_on?: string; left_on?: string; left_reason?: string },
): Promise<void> {
  await db.updateTable("person").set({ ...patch, updated_at: sql`now()` }).where("id", "=", personId).execute();
}

/** Unlink the person's chat accounts (revoked when they leave, domain §7); returns how many. */
export async function unlinkAccountsOf(db: Db, personId: number): Promise<number> {
  const result = await db.updateTable("chat_account").set({ person_id: null, linked_at: null }).where("person_id", "=", personId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Probationary members of these cells on `onDate` (member role in force there) with an admission date,
 * oldest admission first.
 */
export async function probationersOf(db: Db, cellIds: readonly number[], onDate: string): Promise<Probationer[]> {
  if (cellIds.length === 0) return [];
  const rows = await db
    .selectFrom("person")
    .innerJoin("role", "role.person_id", "person.id")
    .select(["person.id", "person.full_name", "role.org_id", "person.admitted_on"])
    .where("person.membership", "=", "probationary")
    .where("person.admitted_on", "is not", null)
    .where("person.left_on", "is", null)
    .where("role.role", "=", "member")
    .where("role.org_id", "in", cellIds)
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .orderBy("person.admitted_on")
    .orderBy("person.id")
    .execute();
  return rows.map((r) => ({ personId: r.id, name: r.full_name, cellId: r.org_id, admittedOn: r.admitted_on as string }));
}

/** Probationary members whose probation ended before `endedBefore` (admitted before `admittedBefore`), in the cells of a subtree on `onDate`. */
export async function overdueProbationersUnder(db: Db, rootId: number, admittedBefore: string, onDate: string): Promise<Probationer[]> {
  const result = await sql<{ id: number; full_name: string; org_id: number; admitted_on: string }>`
    with recursive down(id) as (
      select id from org where id = ${rootId}
      union
      select o.id from org o join down on o.parent_id = down.id
    )
    select p.id, p.full_name, r.org_id, p.admitted_on::text as admitted_on
    from person p
    join role r on r.person_id = p.id and r.role = 'member'
    join down on down.id = r.org_id
    where p.membership = 'probationary' and p.left_on is null and p.admitted_on < ${admittedBefore}::date
      and r.valid_from <= ${onDate}::date and (r.valid_to is null or r.valid_to > ${onDate}::date)
    order by p.admitted_on, p.id`.execute(db);
  return result.rows.map((r) => ({ personId: r.id, name: r.full_name, cellId: r.org_id, admittedOn: r.admitted_on }));
}

/**
 * Who holds `role` in an org on `on` or later (terms not ended by `on`), oldest first: the terms a
 * new holder from `on` would overlap.
 */
export async function postTermsFrom(db: Db, orgId: number, role: string, on: string) {
  return db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["role.id", "role.person_id", "person.code", "person.full_name", "role.valid_from", "role.valid_to"])
    .where("role.org_id", "=", orgId)
    .where("role.role", "=", role)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", on)]))
    .orderBy("role.valid_from")
    .orderBy("role.id")
    .execute();
}

/** Hold the org's row until the transaction ends: two changes of one cell's posts run one after the other. */
export async function lockOrgRow(db: Db, orgId: number): Promise<void> {
  await db.selectFrom("org").select("id").where("id", "=", orgId).forUpdate().execute();
}
