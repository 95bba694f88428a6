import { sql } from "kysely";
import type { HeldAssignment, HeldRole, Role } from "../domain/roles.js";
import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";

export async function findPersonById(db: Db, id: number) {
  return db.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface ProfileCardRow {
  id: number;
  full_name: string;
  cell_id: number | null;
  membership: string | null;
  admitted_on: string | null;
  exempt: boolean;
  temp_attached: boolean;
  cell_name: string | null;
  org_names: { id: number; name: string }[];
  channels: string[];
}

/**
 * What `/toi` shows, in one statement: the person, their cell's name, the names of the orgs given
 * (those of the roles they hold) and the channels they are linked on (each once, the first linked
 * first). Undefined when there is no such person.
 */
export async function profileCardOf(db: Db, personId: number, orgIds: readonly number[]): Promise<ProfileCardRow | undefined> {
  return (await profileCardsOf(db, [{ personId, orgIds }])).get(personId);
}

/**
 * `profileCardOf` for several people in one statement (the `/toi`s of a batch group), by person id;
 * people that do not exist are absent.
 *
 * @example const cards = await profileCardsOf(trx, [{ personId: 7, orgIds: [3] }, { personId: 9, orgIds: [] }])
 */
export async function profileCardsOf(db: Db, asked: readonly { personId: number; orgIds: readonly number[] }[]): Promise<Map<number, ProfileCardRow>> {
  const cards = new Map<number, ProfileCardRow>();
  if (asked.length === 0) return cards;
  const { rows } = await profileCardsQuery(db, JSON.stringify(asked.map((a) => ({ person_id: a.personId, org_ids: a.orgIds }))));
  for (const row of rows) cards.set(row.id, row);
  return cards;
}

/** One shape whatever the number of people (a JSON list): parsed and planned once per connection. */
const profileCardsQuery = compiledOnce(
  (_db: Db, asked: string) => sql<ProfileCardRow>`
    select p.id, p.full_name, p.cell_id, p.membership, p.admitted_on, p.exempt, p.temp_attached,
      (select o.name from org o where o.id = p.cell_id) as cell_name,
      (select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name)), '[]'::json)
         from org o where o.id = any(i.org_ids)) as org_names,
      (select coalesce(json_agg(x.channel order by x.first), '[]'::json)
         from (select a.channel, min(a.id) as first from chat_account a where a.person_id = p.id group by a.channel) x) as channels
    from json_to_recordset(${asked}::json) as i(person_id integer, org_ids integer[])
    join person p on p.id = i.person_id`,
);

export async function findPersonByCode(db: Db, code: string) {
  return db.selectFrom("person").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function findPeopleByPhone(db: Db, phone: string) {
  return db.selectFrom("person").select(["id"]).where("phone", "=", phone).execute();
}

/** Roles and assignments in force on a local date, in one round trip. The bot reads its sender's in `openInbound` (preamble.repository.ts): keep the two rules alike. */
export async function heldOn(db: Db, personId: number, onDate: string): Promise<{ roles: HeldRole[]; assignments: HeldAssignment[] }> {
  const rows = await db
    .selectFrom("role")
    .select([sql<string | null>`${sql.ref("role")}`.as("role"), sql<number | null>`${sql.ref("org_id")}`.as("org_id"), sql<number | null>`null::integer`.as("household_id")])
    .where("person_id", "=", personId)
    .where("valid_from", "<=", onDate)
    .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)]))
    .unionAll(
      db
        .selectFrom("assignment")
        .select([sql<string | null>`null::text`.as("role"), "org_id", "household_id"])
        .where("cadre_id", "=", personId)
        .where("valid_from", "<=", onDate)
        .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)])),
    )
    .execute();
  const roles: HeldRole[] = [];
  const assignments: HeldAssignment[] = [];
  for (const r of rows) {
    if (r.role !== null) roles.push({ role: r.role as Role, orgId: r.org_id as number });
    else assignments.push({ orgId: r.org_id, householdId: r.household_id });
  }
  return { roles, assignments };
}

/** Assigned orgs and households with their names, for "what I follow". */
export async function assignmentDetailsOf(db: Db, personId: number, onDate: string) {
  return db
    .selectFrom("assignment")
    .leftJoin("org", "org.id", "assignment.org_id")
    .leftJoin("household", "household.id", "assignment.household_id")
    .select([
      "assignment.id",
      "assignment.org_id",
      "assignment.household_id",
      "assignment.duties",
      "assignment.valid_from",
      "org.name as org_name",
      "org.kind as org_kind",
      "household.head_name",
      "household.village_name",
    ])
    .where("assignment.cadre_id", "=", personId)
    .where("assignment.valid_from", "<=", onDate)
    .where((w) => w.or([w("assignment.valid_to", "is", null), w("assignment.valid_to", ">", onDate)]))
    .orderBy("assignment.id")
    .execute();
}

/** Everyone with their roles, for `chibo seed --json` and admin listings. */
export async function listPeopleWithRoles(db: Db) {
  const people = await db
    .selectFrom("person")
    .leftJoin("org", "org.id", "person.cell_id")
    .select(["person.id", "person.code", "person.full_name", "person.cell_id", "org.name as cell_name"])
    .orderBy("person.id")
    .execute();
  const roles = await db
    .selectFrom("role")
    .innerJoin("org", "org.id", "role.org_id")
    .select(["role.person_id", "role.role", "role.org_id", "org.name as org_name"])
    .where("role.valid_to", "is", null)
    .orderBy("role.id")
    .execute();
  const byPerson = new Map<number, { role: string; org_id: number; org_name: string }[]>();
  for (const r of roles) {
    const list = byPerson.get(r.person_id) ?? [];
    list.push({ role: r.role, org_id: r.org_id, org_name: r.org_name });
    byPerson.set(r.person_id, list);
  }
  return people.map((p) => ({ ...p, roles: byPerson.get(p.id) ?? [] }));
}

/** Full names by person id (ids not found are left out). */
export async function namesOfPeople(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "full_name"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
