import { sql, type Expression } from "kysely";
import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";
import { byNameVi } from "../domain/text/collate.js";

/** The org and its ancestors, nearest first: `[org, parent, …, root]`. Empty when the org does not exist. */
export async function orgPath(db: Db, orgId: number): Promise<number[]> {
  const result = await sql<{ id: number; depth: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from org where id = ${orgId}
      union all
      select o.id, o.parent_id, up.depth + 1 from org o join up on o.id = up.parent_id where up.depth < 32
    )
    select id, depth from up order by depth`.execute(db);
  return result.rows.map((r) => r.id);
}

/** `orgPath` of several orgs in one query: each org's id to `[org, parent, …, root]`. */
export async function orgPaths(db: Db, orgIds: readonly number[]): Promise<Map<number, number[]>> {
  const paths = new Map<number, number[]>();
  if (orgIds.length === 0) return paths;
  const result = await sql<{ start: number; id: number }>`
    with recursive up(start, id, parent_id, depth) as (
      select id, id, parent_id, 0 from org where id in (${sql.join([...new Set(orgIds)])})
      union all
      select up.start, o.id, o.parent_id, up.depth + 1 from org o join up on o.id = up.parent_id where up.depth < 32
    )
    select start, id from up order by start, depth`.execute(db);
  for (const r of result.rows) {
    const path = paths.get(r.start);
    if (path) path.push(r.id);
    else paths.set(r.start, [r.id]);
  }
  return paths;
}

/** A recursive CTE `down(id, depth)`: the org and every org under it. Use as `with recursive ${subtreeCte(id)} …`. */
export function subtreeCte(rootId: number) {
  return sql`down(id, depth) as (
      select id, 0 from org where id = ${rootId}
      union all
      select o.id, down.depth + 1 from org o join down on o.parent_id = down.id where down.depth < 32
    )`;
}

/** Ids of the org and every org under it (current and closed). */
export async function subtreeIds(db: Db, rootId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`with recursive ${subtreeCte(rootId)} select id from down`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Built once: an RSVP press and a quick report read their org by id. */
const orgByIdQuery = compiledOnce((db: Db, id: number) => db.selectFrom("org").selectAll().where("id", "=", id));

export async function findOrgById(db: Db, id: number) {
  return (await orgByIdQuery(db, id)).rows[0];
}

export async function findOrgByCode(db: Db, code: string) {
  return db.selectFrom("org").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Whether any unit's code begins with this (a code's first part, such as "DEMO-" or "CB-"). */
export async function orgCodeBeginsWith(db: Db, prefix: string): Promise<boolean> {
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const row = await db.selectFrom("org").select("id").where("code", "like", like).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function countCellMembers(db: Db, cellId: number, onDate: string) {
  const row = await db
    .selectFrom("person")
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`(count(*) filter (where membership = 'full'))::int`.as("full"),
      sql<number>`(count(*) filter (where membership = 'probationary'))::int`.as("probationary"),
      sql<number>`(count(*) filter (where exempt))::int`.as("exempt"),
      sql<number>`(count(*) filter (where temp_attached))::int`.as("temp_attached"),
    ])
    .where("cell_id", "=", cellId)
    .where("membership", "is not", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role")
          .select("role.id")
          .whereRef("role.person_id", "=", "person.id")
          .where("role.org_id", "=", cellId)
          .where("role.role", "=", "member")
          .where("role.valid_from", "<=", onDate)
          .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)])),
      ),
    )
    .executeTakeFirstOrThrow();
  return row;
}

export async function listCellMembers(db: Db, cellId: number, onDate: string) {
  return db
    .selectFrom("person")
    .innerJoin("role", "role.person_id", "person.id")
    .select(["person.id", "person.full_name", "person.membership", "person.exempt", "person.temp_attached"])
    .where("role.org_id", "=", cellId)
    .where("role.role", "=", "member")
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .execute()
    .then((rows) => rows.sort(byNameVi((r) => r.full_name)));
}

/** People holding a role in an org on a date (e.g. the secretary of a cell). */
export async function holdersOf(db: Db, orgId: number, role: string, onDate: string) {
  return db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["person.id", "person.full_name", "role.role"])
    .where("role.org_id", "=", orgId)
    .where("role.role", "=", role)
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .execute()
    .then((rows) => rows.sort(byNameVi((r) => r.full_name)));
}

/**
 * People holding any of several roles in an org on a date, in one statement: the holders of the
 * first role first, each role's by name (as `holdersOf` for each role in turn).
 */
export async function holdersOfRoles(db: Db, orgId: number, roles: readonly string[], onDate: string) {
  const rows = await db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["person.id", "person.full_name", "role.role"])
    .where("role.org_id", "=", orgId)
    .where("role.role", "in", [...roles] as never[])
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .execute();
  const byName = byNameVi((r: (typeof rows)[number]) => r.full_name);
  return rows.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || byName(a, b));
}

/** The roll's statement (`meetingRollRows`); `meetingPlansAndRolls` runs it inside its own, for each of its cells (`cellId` and `onDate` an expression of that query). */
export function meetingRollSelect(db: Db, cellId: number | Expression<number>, onDate: string | Expression<string>) {
  return db
    .selectFrom("person")
    .innerJoin("role", "role.person_id", "person.id")
    .select([sql<number>`0`.as("part"), "person.id", "person.full_name", "person.membership", "person.exempt", "role.role"])
    .where("role.org_id", "=", cellId)
    .where("role.role", "=", "member")
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .unionAll(
      db
        .selectFrom("role")
        .innerJoin("person", "person.id", "role.person_id")
        .select([sql<number>`1`.as("part"), "person.id", "person.full_name", "person.membership", "person.exempt", "role.role"])
        .where("role.org_id", "=", cellId)
        .where("role.role", "in", LEADER_ROLES as never[])
        .where("role.valid_from", "<=", onDate)
        .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)])),
    )
    .unionAll(
      db
        .selectFrom("assignment")
        .innerJoin("person", "person.id", "assignment.cadre_id")
        .select([sql<number>`2`.as("part"), "person.id", "person.full_name", "person.membership", "person.exempt", sql<string>`null::text`.as("role")])
        .where("assignment.org_id", "=", cellId)
        .where("assignment.valid_from", "<=", onDate)
        .where((w) => w.or([w("assignment.valid_to", "is", null), w("assignment.valid_to", ">", onDate)])),
    );
}

/** The roll's statement, built once: a quick report runs it. */
const meetingRollQuery = compiledOnce(meetingRollSelect);

/** A row of the roll's statement. */
export interface MeetingRollRow {
  part: number;
  id: number;
  full_name: string;
  membership: string | null;
  exempt: boolean;
  role: string | null;
}

/**
 * What a cell's meeting roll is made of on a date, in one statement: the people with a member role
 * (`listCellMembers`), the secretary and deputy (`holdersOfRoles`) and the assigned cadres
 * (`cadresAssignedTo`), each list in the order its own function gives.
 */
export async function meetingRollRows(db: Db, cellId: number, onDate: string) {
  return rollRowsOf((await meetingRollQuery(db, cellId, onDate)).rows as MeetingRollRow[]);
}

/** The roll's statement's rows as `meetingRollRows` gives them: members, leaders and cadres, each in its order. */
export function rollRowsOf(rows: readonly MeetingRollRow[]) {
  const byName = byNameVi((r: (typeof rows)[number]) => r.full_name);
  const part = (n: number) => rows.filter((r) => r.part === n);
  return {
    members: part(0).sort(byName),
    leaders: part(1).sort((a, b) => LEADER_ROLES.indexOf(a.role as string) - LEADER_ROLES.indexOf(b.role as string) || byName(a, b)),
    cadres: part(2).sort(byName),
  };
}

/** A cell's leaders on the meeting roll, in this order. */
const LEADER_ROLES: readonly string[] = ["secretary", "deputy_secretary"];

/** Cadres assigned to follow an org directly, on a date. */
export async function cadresAssignedTo(db: Db, orgId: number, onDate: string) {
  return db
    .selectFrom("assignment")
    .innerJoin("person", "person.id", "assignment.cadre_id")
    .select(["person.id", "person.full_name", "assignment.duties"])
    .where("assignment.org_id", "=", orgId)
    .where("assignment.valid_from", "<=", onDate)
    .where((w) => w.or([w("assignment.valid_to", "is", null), w("assignment.valid_to", ">", onDate)]))
    .execute()
    .then((rows) => rows.sort(byNameVi((r) => r.full_name)));
}

export async function predecessorsOf(db: Db, orgId: number) {
  return db
    .selectFrom("org_predecessor")
    .innerJoin("org", "org.id", "org_predecessor.predecessor_id")
    .select(["org.id", "org.name", "org.valid_to"])
    .where("org_predecessor.org_id", "=", orgId)
    .execute();
}

/**
 * The units this one continues, directly or through earlier changes, nearest first, with their
 * validity (`YYYY-MM-DD`, `valid_to` exclusive): a merged cell's old cells, a renamed one's old record.
 */
export async function predecessorChain(db: Db, orgId: number): Promise<{ id: number; valid_from: string; valid_to: string | null }[]> {
  const result = await sql<{ id: number; valid_from: string; valid_to: string | null }>`
    with recursive before(id, depth) as (
      select predecessor_id, 1 from org_predecessor where org_id = ${orgId}
      union
      select p.predecessor_id, before.depth + 1 from org_predecessor p join before on p.org_id = before.id where before.depth < 16
    )
    select o.id, to_char(o.valid_from, 'YYYY-MM-DD') as valid_from, to_char(o.valid_to, 'YYYY-MM-DD') as valid_to
    from before join org o on o.id = before.id group by o.id, o.valid_from, o.valid_to order by min(before.depth), o.id`.execute(db);
  return result.rows;
}

/** The units that continue this one, directly or through later changes (merges, renames, splits), nearest first. */
export async function successorIds(db: Db, orgId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive after(id, depth) as (
      select org_id, 1 from org_predecessor where predecessor_id = ${orgId}
      union
      select p.org_id, after.depth + 1 from org_predecessor p join after on p.predecessor_id = after.id where after.depth < 16
    )
    select id from after group by id order by min(depth), id`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The root of the tree in force (the province committee), or undefined in an empty store. */
export async function findRootOrg(db: Db) {
  return db.selectFrom("org").selectAll().where("parent_id", "is", null).where("valid_to", "is", null).orderBy("id").executeTakeFirst();
}

/** The units in force on `today` directly under any of `parentIds`, in one query. */
export async function childrenInForce(db: Db, parentIds: readonly number[], today: string): Promise<{ id: number; name: string; parentId: number }[]> {
  if (parentIds.length === 0) return [];
  const rows = await db
    .selectFrom("org")
    .select(["id", "name", "parent_id"])
    .where("parent_id", "in", parentIds)
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", today)]))
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id as number }));
}

/** How many units the store holds (any kind, closed ones too). */
export async function countOrgs(db: Db): Promise<number> {
  const row = await db.selectFrom("org").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
