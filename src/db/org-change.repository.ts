import { sql, type Insertable } from "kysely";
import type { ChangingOrg } from "../domain/org-change.js";
import type { OrgTable } from "./org.table.js";
import { copyReminderSettings } from "./reminder-settings.repository.js";
import type { Db } from "./schema.js";

/** Open on `on`: not ended by that day (rows that start later count too: a change closes them). */
const openOn = (on: string) => sql<boolean>`(valid_to is null or valid_to > ${on})`;

export interface ChangingOrgRow extends ChangingOrg {
  areaKind: string | null;
  areaName: string | null;
  catchment: string | null;
}

/** Units by code (current and closed), as a change reads them. */
export async function orgsForChange(db: Db, codes: readonly string[]): Promise<ChangingOrgRow[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("org")
    .select(["id", "code", "name", "kind", "parent_id", "valid_from", "valid_to", "area_kind", "area_name", "catchment"])
    .where("code", "in", [...new Set(codes)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    areaKind: r.area_kind,
    areaName: r.area_name,
    catchment: r.catchment,
  }));
}

/** People still holding the member role in the org on or after `on`. */
export async function countOpenMembers(db: Db, orgId: number, on: string): Promise<number> {
  const row = await db
    .selectFrom("role")
    .select(sql<number>`count(distinct person_id)::int`.as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "member")
    .where(openOn(on))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Units directly under these, still in force on or after `on`. */
export async function openChildren(db: Db, parentIds: readonly number[], on: string): Promise<ChangingOrgRow[]> {
  if (parentIds.length === 0) return [];
  const rows = await db
    .selectFrom("org")
    .select(["id", "code", "name", "kind", "parent_id", "valid_from", "valid_to", "area_kind", "area_name", "catchment"])
    .where("parent_id", "in", parentIds)
    .where(openOn(on))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to, areaKind: r.area_kind, areaName: r.area_name, catchment: r.catchment }));
}

/** Reports the units filed for months from `fromPeriod` on (they stay with the closed units). */
export async function countReportsFrom(db: Db, orgIds: readonly number[], fromPeriod: string): Promise<number> {
  if (orgIds.length === 0) return 0;
  const row = await db
    .selectFrom("report_submission")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("org_id", "in", orgIds)
    .where("period", ">=", fromPeriod)
    .where("status", "<>", "draft")
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Close units on `on` (exclusive end); a closed unit may hand its code to its successor first. */
export async function closeOrg(db: Db, id: number, on: string, archivedCode?: string): Promise<void> {
  await db
    .updateTable("org")
    .set({ valid_to: on, ...(archivedCode ? { code: archivedCode } : {}) })
    .where("id", "=", id)
    .execute();
}

export async function insertSuccessor(db: Db, values: Insertable<OrgTable>, predecessorIds: readonly number[]): Promise<number> {
  const { id } = await db.insertInto("org").values(values).returning("id").executeTakeFirstOrThrow();
  await insertPredecessors(db, id, predecessorIds);
  return id;
}

/** Record which units `orgId` continues (`org_predecessor`). */
export async function insertPredecessors(db: Db, orgId: number, predecessorIds: readonly number[]): Promise<void> {
  if (predecessorIds.length === 0) return;
  await db
    .insertInto("org_predecessor")
    .values(predecessorIds.map((p) => ({ org_id: orgId, predecessor_id: p })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Roles held in these units and not ended by `on`. */
export async function openRolesIn(db: Db, orgIds: readonly number[], on: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("role")
    .select(["id", "person_id", "org_id", "role", "valid_from"])
    .where("org_id", "in", orgIds)
    .where(openOn(on))
    .orderBy("id")
    .execute();
}

/** Meeting rules of these units not ended by `on`. */
export async function openRulesIn(db: Db, orgIds: readonly number[], on: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("meeting_rule")
    .selectAll()
    .where("org_id", "in", orgIds)
    .where(openOn(on))
    .orderBy("valid_from")
    .orderBy("id")
    .execute();
}

/** Cadres' assignments to these units not ended by `on`. */
export async function openAssignmentsTo(db: Db, orgIds: readonly number[], on: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("assignment")
    .select(["id", "cadre_id", "org_id", "duties", "valid_from"])
    .where("org_id", "in", orgIds)
    .where(openOn(on))
    .orderBy("id")
    .execute();
}

/**
 * End rows of a dated table on `on`: a row that began later ends where it began (never in force).
 * One statement per table: `greatest` keeps each row's end at or after its start.
 */
export async function endDatedRows(db: Db, table: "role" | "meeting_rule" | "assignment", ids: readonly number[], on: string): Promise<void> {
  if (ids.length === 0) return;
  await sql`update ${sql.table(table)} set valid_to = greatest(valid_from, ${on}::date) where id in (${sql.join(ids)})`.execute(db);
}

export async function insertRoleRows(db: Db, rows: readonly { person_id: number; org_id: number; role: string; valid_from: string }[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("role").values([...rows]).execute();
}

export async function copyMeetingRule(db: Db, ruleId: number, toOrgId: number, validFrom: string): Promise<void> {
  await sql`
    insert into meeting_rule (org_id, rule_kind, day_of_month, nth, weekday, start_time, place, valid_from)
    select ${toOrgId}, rule_kind, day_of_month, nth, weekday, start_time, place, ${validFrom}::date from meeting_rule where id = ${ruleId}`.execute(db);
}

export async function insertAssignmentRows(db: Db, rows: readonly { cadre_id: number; org_id: number; duties: string | null; valid_from: string }[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("assignment").values(rows.map((r) => ({ ...r, household_id: null }))).execute();
}

/**
 * What follows a unit without dates of its own: its households, its linked group chats, its
 * members' current cell, its reminder settings (copied from `settingsFrom`). Returns the counts moved.
 */
export async function moveUndatedTo(db: Db, fromIds: readonly number[], toId: number, settingsFrom: number, movePeople: boolean) {
  if (fromIds.length === 0) return { households: 0, groups: 0, people: 0 };
  const households = await db.updateTable("household").set({ org_id: toId }).where("org_id", "in", fromIds).executeTakeFirst();
  const groups = await db.updateTable("cell_group_chat").set({ cell_id: toId }).where("cell_id", "in", fromIds).executeTakeFirst();
  const people = movePeople
    ? await db.updateTable("person").set({ cell_id: toId, updated_at: sql`now()` }).where("cell_id", "in", fromIds).executeTakeFirst()
    : { numUpdatedRows: 0n };
  await copyReminderSettings(db, settingsFrom, toId);
  return { households: Number(households.numUpdatedRows), groups: Number(groups.numUpdatedRows), people: Number(people.numUpdatedRows) };
}

/** Whether some unit already holds the code. */
export async function orgCodeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom("org").select("id").where("code", "=", code).executeTakeFirst()) !== undefined;
}

/** A report someone was writing or correcting in chat for a unit (their stored conversation), not sent yet. */
export interface OpenReportDraft {
  orgId: number;
  form: string;
  period: string;
  /** A change to a report already on file (an update or a correction), rather than a first report. */
  correcting: boolean;
  person: string | null;
}

/**
 * Reports left open in chat for these units: conversations not expired by `now` whose report flow
 * (`report`) holds one of them. Read by an org change to say what becomes of them.
 */
export async function openReportDrafts(db: Db, orgIds: readonly number[], now: Date): Promise<OpenReportDraft[]> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ org_id: number; form: string; period: string; source: string | null; on_file: boolean; person: string | null }>`
    select (c.state->'flow'->'data'->>'orgId')::int as org_id, c.state->'flow'->'data'->>'form' as form,
      c.state->'flow'->'data'->>'period' as period, c.state->'flow'->'data'->>'source' as source,
      (c.state->'flow'->'data'->'onFile') is not null as on_file, p.full_name as person
    from conversation c
    left join chat_account a on a.channel = c.channel and a.chat_id = c.chat_id
    left join person p on p.id = a.person_id
    where c.expires_at > ${now} and c.state->'flow'->>'name' = 'report'
      and jsonb_typeof(c.state->'flow'->'data'->'orgId') = 'number'
      and (c.state->'flow'->'data'->>'orgId')::int in (${sql.join([...orgIds])})
    order by 1, 3, 6`.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, form: r.form, period: r.period, correcting: r.source === "correction" || r.on_file, person: r.person }));
}
